"""Record numbers: MRN and hospital numbers, NHS/H&C numbers, SSN, national codes,
health-plan, account and licence numbers.

Bare digit runs are everywhere in clinical text (doses, counts, p-values), so a number
is reported only when a keyword names it or when its own structure vouches for it (a
valid NHS mod-11 or Iranian check digit, the dashed SSN layout).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import (
    Taken,
    anchor,
    context_words,
    digit_count,
    keyword_alternation,
    keyword_windows,
    make_span,
    may_have_digits,
    near,
)
from mslint.identifiers.checksums import iran_national_code_valid, luhn_valid, nhs_number_valid

_SEP = r"\s*(?:[:#=]|no\.?|number|num\.?|\(|is|was|of)?\s*[:#]?\s*"
_VALUE = r"(?P<value>(?=[A-Z0-9/\-]*\d)[A-Z]{0,5}[-/]?\d[\dA-Z]*(?:[-/ ]\d[\dA-Z]*){0,4})"

_NUMBER = r"\s+(?:number|no\.?)"
_NUMBER_SIGN = r"\s+(?:number|no\.?|#)"
_ID = r"\s+(?:ID|number|no\.?|#)"
# keyword -> category, in the order the regex tries them
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("MRN", "mrn"),
    (rf"medical[- ]record(?:s)?(?:{_NUMBER_SIGN})?", "mrn"),
    (r"hospital\s+(?:number|no\.?|#|ID)", "mrn"),
    (r"hosp\.?\s+no\.?", "mrn"),
    (rf"U\.?R\.?N?\.?(?:{_NUMBER})?", "mrn"),
    (r"unit\s+record\s+number", "mrn"),
    (rf"case{_NUMBER_SIGN}", "mrn"),
    (r"patient\s+(?:ID|identifier|number|no\.?|#)", "mrn"),
    (rf"record{_NUMBER_SIGN}", "mrn"),
    (rf"chart{_NUMBER_SIGN}", "mrn"),
    ("HID", "mrn"),
    (rf"admission{_NUMBER}", "mrn"),
    (rf"accession{_NUMBER}", "mrn"),
    (r"NHS\s*(?:number|no\.?|#)?", "nhs-number"),
    (r"H\s*&\s*C\s*(?:number|no\.?)?", "nhs-number"),
    (r"health\s+and\s+care\s+number", "nhs-number"),
    (rf"CHI{_NUMBER}", "nhs-number"),
    ("SSN", "ssn"),
    (rf"social\s+security(?:{_NUMBER})?", "ssn"),
    (r"national\s+(?:code|ID|identity|identification|insurance)(?:\s+(?:number|no\.?|card))?",
     "national-id"),
    (rf"passport{_NUMBER}", "national-id"),
    (rf"NI{_NUMBER}", "national-id"),
    (r"kod-?e?\s+melli", "national-id"),
    (rf"health[- ]plan{_ID}", "health-plan"),
    (rf"insurance{_ID}", "health-plan"),
    (rf"policy{_ID}", "health-plan"),
    (rf"member(?:ship)?{_ID}", "health-plan"),
    (rf"beneficiary{_ID}", "health-plan"),
    (rf"Medicare{_ID}", "health-plan"),
    (rf"Medicaid{_ID}", "health-plan"),
    (rf"subscriber{_ID}", "health-plan"),
    (rf"bank\s+account{_NUMBER_SIGN}", "account"),
    (rf"account{_NUMBER_SIGN}", "account"),
    (rf"billing{_NUMBER}", "account"),
    (rf"driver'?s?\s+licen[cs]e(?:{_NUMBER_SIGN})?", "licence"),
    (rf"driving\s+licen[cs]e(?:{_NUMBER_SIGN})?", "licence"),
    (rf"licen[cs]e{_NUMBER_SIGN}", "licence"),
    (rf"certificate{_NUMBER_SIGN}", "licence"),
)

_KEYWORD_RE = re.compile(
    keyword_alternation(tuple(k for k, _ in _KEYWORDS), r"[\w-]") + _SEP + _VALUE,
    re.IGNORECASE,
)
_KEYWORD_ANCHOR = anchor(
    "mrn", "record", "hosp", "ur ", "u.r", "urn", "unit", "case", "patient", "chart", "hid",
    "admission", "accession", "nhs", "h&c", "h & c", "health", "chi ", "ssn", "social", "national",
    "passport", "ni ", "kod", "melli", "insurance", "policy", "member", "beneficiary", "medicare",
    "medicaid", "subscriber", "account", "billing", "licen", "certificate", "driv",
)
_TEN_DIGITS = re.compile(r"(\d(?<![\w.,/-].)\d{2})([ -]?)(\d{3})\2(\d{4})(?![\w.,/-]|,\d)")
_SSN = re.compile(
    r"\d(?<![\w-].)\d{2}(?<!000)(?<!666)(?<!9\d\d)-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])"
)
_IRAN_DASHED = re.compile(r"\d(?<![\w-].)\d{2}-\d{6}-\d(?![\w-])")
_NHS_CONTEXT = context_words("NHS", r"H\s*&\s*C", "CHI", r"health\s+and\s+care")
_IRAN_CONTEXT = re.compile(r"national\s+(?:code|ID)|kod-?e?\s+melli|کد ملی", re.IGNORECASE)


def _digit_count(text: str) -> int:
    return sum(map(str.isdigit, text))


class RecordNumberDetector:
    name = "record-numbers"
    categories = ("mrn", "nhs-number", "ssn", "national-id", "health-plan", "account", "licence")

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        digits = digit_count(text)
        if digits < 4:
            return
        taken = Taken(len(text))
        spans = keyword_windows(text, _KEYWORD_ANCHOR, 25, 70)
        for m in (m for lo, hi in spans for m in _KEYWORD_RE.finditer(text, lo, hi)):
            value = m.group("value").rstrip(" -/")
            if _digit_count(value) < 4:
                continue
            category = next(
                _KEYWORDS[int(k[1:])][1] for k, v in m.groupdict().items()
                if k.startswith("k") and v is not None
            )
            start = m.start("value")
            end = start + len(value)
            confidence = 0.95
            if category == "nhs-number":
                confidence = 0.97 if nhs_number_valid(value) else 0.8
            elif category == "national-id" and _digit_count(value) == 10:
                confidence = 0.97 if iran_national_code_valid(value) else 0.75
            elif category == "account" and 13 <= _digit_count(value) <= 19 and luhn_valid(value):
                confidence = 0.98  # a payment-card number
            taken.add(start, end)
            yield make_span(self.name, category, text, start, end, confidence, keyword=True)
        if digits < 9:
            return
        ten = may_have_digits(text, 10)
        for m in _TEN_DIGITS.finditer(text) if ten else ():
            if taken.covers(m.start()):
                continue
            raw = m.group(0)
            if nhs_number_valid(raw):
                conf = 0.9 if near(text, m.start(), m.end(), _NHS_CONTEXT, 60) else 0.7
                if m.group(2) == "" and conf < 0.9:
                    conf = 0.55
                yield make_span(self.name, "nhs-number", text, m.start(), m.end(), conf,
                                checksum="mod11")
            elif iran_national_code_valid(raw) and near(text, m.start(), m.end(),
                                                        _IRAN_CONTEXT, 60):
                yield make_span(self.name, "national-id", text, m.start(), m.end(), 0.9,
                                checksum="iran")
        if "-" not in text:
            return
        for m in _SSN.finditer(text):
            if not taken.covers(m.start()):
                yield make_span(self.name, "ssn", text, m.start(), m.end(), 0.85)
        for m in _IRAN_DASHED.finditer(text) if ten else ():
            if taken.covers(m.start()):
                continue
            if iran_national_code_valid(m.group()):
                yield make_span(self.name, "national-id", text, m.start(), m.end(), 0.85,
                                checksum="iran")
