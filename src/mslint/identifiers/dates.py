"""Dates in the forms manuscripts write them, with their precision.

Numeric (``12/03/2021``, ``12.03.2021``, ``12-03-21``, ``03/2021``), ISO (``2021-03-12``,
``2021-03``), month names and abbreviations in either order with or without ordinals
(``12 March 2021``, ``March 12th, 2021``, ``the 3rd of May``, ``12-Mar-2021``,
``March 2021``). A year alone is never returned. Each span carries ``precision``:
``day`` or ``month``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import Taken, gate, has_digit, make_span, windows, words_at_boundary

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept",
    "Sep", "Oct", "Nov", "Dec",
)
_MONTH = rf"(?P<month>{'|'.join(_MONTH_NAMES)})\.?"
#: ``(?<![\w-]){_MONTH}`` with the test after the first letter, for the engine to skip to it.
_LEADING_MONTH = "(?P<month>" + words_at_boundary(_MONTH_NAMES, r"[\w-]") + r")\.?"
_DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2}|'\d{2})"

_DAY_MONTH = re.compile(
    rf"(?<![\w/.-])(?:the\s+)?{_DAY}(?:\s+of)?[\s\-]+{_MONTH}(?:,?[\s\-]+{_YEAR})?(?![\w-])"
)
_MONTH_DAY = re.compile(
    rf"{_LEADING_MONTH}\s+(?:the\s+)?{_DAY}(?![\w:]|\.\d)(?:,?\s+{_YEAR}(?![\w-]))?"
)
_MONTH_YEAR = re.compile(rf"{_LEADING_MONTH},?\s+(?:of\s+)?{_YEAR}(?![\w-])")
_ISO = re.compile(
    r"(?P<year>(?:1(?<![\w./-].)9|2(?<![\w./-].)0)\d{2})-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?"
    r"(?![\w/]|-\w|\.\d)"
)
_NUMERIC = re.compile(
    r"(?P<a>\d(?<![\w./:-].)\d?)(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2}|\d{2})"
    r"(?![\w/]|[.\-]\d)"
)
_MONTH_SLASH_YEAR = re.compile(
    r"(?P<month>\d(?<![\w./:-].)(?:(?<=0)[1-9]|(?<=[1-9])|(?<=1)[0-2]))/(?P<year>(?:19|20)\d{2})"
    r"(?![\w/]|[.\-]\d)"
)
_MONTH_ANCHOR = re.compile(words_at_boundary(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
))
_NUMERIC_GATE = re.compile(r"\d(?:[/\-]\d|\.\d\d?\.\d)")
_MONTH_GATE = gate("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                   "Dec", case_sensitive=True)
_UNIT_AFTER = re.compile(r"\s*(?:%|mg|g\b|ml|mL|mm|cm|units?\b|IU\b)")
_RANGE_BEFORE = re.compile(r"\d\s*(?:[-–]|to)\s*$")


class DateDetector:
    name = "dates"
    categories = ("date",)

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        if not has_digit(text):
            return
        numeric = bool(_NUMERIC_GATE.search(text))
        words = _MONTH_GATE.search(text)
        if not numeric and not words:
            return
        taken = Taken(len(text))
        free = taken.free

        for m in _ISO.finditer(text) if numeric else ():
            precision = "day" if m.group("day") else "month"
            taken.add(*m.span())
            yield make_span(self.name, "date", text, m.start(), m.end(),
                            0.95 if precision == "day" else 0.7, precision=precision, form="iso")
        for m in _NUMERIC.finditer(text) if numeric else ():
            a, b, year = int(m.group("a")), int(m.group("b")), m.group("year")
            if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
                continue
            if len(year) == 2 and m.group("sep") != "/" and (
                len(m.group("a")) != 2 or len(m.group("b")) != 2 or _UNIT_AFTER.match(text, m.end())
            ):
                continue
            if not free(*m.span()):
                continue
            taken.add(*m.span())
            conf = 0.95 if len(year) == 4 else 0.75
            yield make_span(self.name, "date", text, m.start(), m.end(), conf,
                            precision="day", form="numeric")
        spans = windows(text, _MONTH_ANCHOR, 24, 30) if words else []
        for pattern in (_DAY_MONTH, _MONTH_DAY):
            for m in (m for lo, hi in spans for m in pattern.finditer(text, lo, hi)):
                s, e = m.span()
                if not free(s, e):
                    continue
                taken.add(s, e)
                conf = 0.95 if m.group("year") else 0.8
                yield make_span(self.name, "date", text, s, e, conf, precision="day", form="words")
        for m in (m for lo, hi in spans for m in _MONTH_YEAR.finditer(text, lo, hi)):
            if not free(*m.span()) or m.group("month")[0].islower():
                continue
            taken.add(*m.span())
            yield make_span(self.name, "date", text, m.start(), m.end(), 0.85,
                            precision="month", form="words")
        for m in _MONTH_SLASH_YEAR.finditer(text) if numeric else ():
            if not free(*m.span()) or _RANGE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                continue
            taken.add(*m.span())
            yield make_span(self.name, "date", text, m.start(), m.end(), 0.7,
                            precision="month", form="numeric")
