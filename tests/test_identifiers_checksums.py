"""Check digits: valid numbers always pass, any one-digit change fails."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mslint.identifiers.checksums import (
    iran_national_code_valid,
    luhn_valid,
    nhs_check_digit,
    nhs_number_valid,
)

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


def _with_nhs_check(first_nine: str) -> str | None:
    check = nhs_check_digit(first_nine)
    return None if check is None else first_nine + str(check)


@given(nine_digits)
def test_nhs_number_with_its_check_digit_always_passes(first_nine: str) -> None:
    number = _with_nhs_check(first_nine)
    if number is not None and len(set(number)) > 1:
        assert nhs_number_valid(number)
        assert nhs_number_valid(f"{number[:3]} {number[3:6]} {number[6:]}")


@given(nine_digits, st.integers(0, 9), st.integers(1, 9))
def test_nhs_number_fails_after_any_single_digit_change(first_nine: str, pos: int,
                                                        delta: int) -> None:
    number = _with_nhs_check(first_nine)
    if number is None:
        return
    changed = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1:]
    assert not nhs_number_valid(changed)


def test_nhs_policy_example_h_and_c_number_is_valid() -> None:
    assert nhs_number_valid("012 345 6789")
    assert nhs_number_valid("943 476 5919")
    assert not nhs_number_valid("943 476 5918")


def test_nine_digits_with_check_value_ten_never_make_an_nhs_number() -> None:
    first_nine = next(f"{n:09d}" for n in range(10**8, 10**9)
                      if nhs_check_digit(f"{n:09d}") is None)
    assert all(not nhs_number_valid(first_nine + str(d)) for d in range(10))


def _iran_check(first_nine: str) -> str:
    s = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True)) % 11
    return first_nine + str(s if s < 2 else 11 - s)


@given(nine_digits)
def test_iranian_national_code_with_its_check_digit_passes(first_nine: str) -> None:
    code = _iran_check(first_nine)
    if len(set(code)) > 1:
        assert iran_national_code_valid(code)


@given(nine_digits, st.integers(1, 9))
def test_iranian_national_code_fails_when_the_check_digit_changes(first_nine: str,
                                                                   delta: int) -> None:
    code = _iran_check(first_nine)
    changed = code[:9] + str((int(code[9]) + delta) % 10)
    assert not iran_national_code_valid(changed)


def test_repeated_digit_codes_are_rejected() -> None:
    assert not iran_national_code_valid("1111111111")
    assert not nhs_number_valid("0000000000")


@given(st.text(alphabet="0123456789", min_size=1, max_size=18), st.integers(1, 9))
def test_luhn_detects_any_single_digit_change(payload: str, delta: int) -> None:
    check = next(d for d in "0123456789" if luhn_valid(payload + d))
    number = payload + check
    assert luhn_valid(number)
    changed = str((int(number[0]) + delta) % 10) + number[1:]
    assert not luhn_valid(changed)
