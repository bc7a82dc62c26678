"""Check digits of national and health identifiers.

A number that passes its check digit is far more likely to be a real identifier than a
random run of digits, so detectors use these to raise confidence or to reject look-alikes.
"""

from __future__ import annotations


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def nhs_number_valid(text: str) -> bool:
    """NHS (England/Wales) and Health & Care (Northern Ireland) numbers: ten digits whose
    last is a modulus-11 check over the first nine, weighted 10 down to 2. A remainder
    giving check value 10 means the number can never be issued."""
    digits = _digits(text)
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def nhs_check_digit(first_nine: str) -> int | None:
    """The check digit completing nine digits to a valid NHS number (None if none does)."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def iran_national_code_valid(text: str) -> bool:
    """Iranian national code (kod-e melli): ten digits; with s = sum of the first nine
    weighted 10 down to 2, modulo 11, the last digit is s when s < 2, else 11 - s."""
    digits = _digits(text)
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    s = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = int(digits[9])
    return check == s if s < 2 else check == 11 - s


def luhn_valid(text: str) -> bool:
    """The Luhn (mod 10) check used by card, IMEI and many device/account numbers."""
    digits = _digits(text)
    if len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
