"""Ages: "92-year-old", "92 years old", "aged 94", "age 91", "92 y/o", "94 years of age",
"in her 90s", "in his early nineties", "nonagenarian", and ages in months or weeks for
infants. Each span carries ``years`` (a number; for decades the lower bound) and ``exact``
(False for decades and words such as "nonagenarian")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import Taken, gate, has_digit, make_span

_NUM_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}
_UNIT = r"(?P<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)"
_AGE_OLD = re.compile(
    rf"(?P<n>\d(?<![\w.].)\d{{0,2}}(?:\.\d)?)[\s\-‐–]*{_UNIT}[\s\-‐–]*(?:old|of\s+age)\b",
    re.IGNORECASE,
)
_AGED = re.compile(
    r"(?-i:[Aa])(?<!\w.)(?:ged?|ge\s+of|ge:|t\s+the\s+age\s+of|ge\s+at\s+\w+(?:\s+\w+)?:?)\s*"
    r"(?P<n>\d{1,3})(?!\.\d|\s*(?:[-–]|to)\s*\d|\s*%|\d)(?:\s*(?P<unit>years?|yrs?|months?|y))?",
    re.IGNORECASE,
)
_YO = re.compile(r"(?P<n>\d(?<![\w.].)\d{0,2})\s*(?:y/o|y\.o\.|yo|yrs?\s+old|-?y-o)(?!\w)",
                 re.IGNORECASE)
_DECADE = re.compile(
    r"(?-i:[Ii\u0130\u0131])(?<!\w.)(?:n\s+(?:his|her|their|the)\s+(?:(?:early|mid|mid-|late)[\s-]*)?"
    r"(?P<n>\d0)['’]?s\b|n\s+(?:his|her|their|the)\s+(?:(?:early|mid|mid-|late)[\s-]*)?"
    r"(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
    re.IGNORECASE,
)
_AGE_WORDS = re.compile(
    r"(?P<w>(?-i:[NnCcSs\u017f])(?<!\w.)(?:(?<=[Nn])onagenarian|(?<=[Cc])entenarian"
    r"|(?<=[Ss\u017f])upercentenarian))s?\b",
    re.IGNORECASE,
)


_AGE_GATE = gate("old", "age", "y/o", "yo", "y.o", "yr", "y-o")
_WORD_GATE = gate("ties", "0s", "genarian", "tenarian")


def _years(n: float, unit: str | None) -> float:
    unit = (unit or "y").lower()
    if unit.startswith("mo"):
        return n / 12
    if unit.startswith("w"):
        return n / 52
    if unit.startswith("d"):
        return n / 365
    return n


class AgeDetector:
    name = "ages"
    categories = ("age",)

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        digits = has_digit(text) and bool(_AGE_GATE.search(text))
        if not digits and not _WORD_GATE.search(text):
            return
        taken = Taken(len(text))
        free = taken.free

        for pattern in (_AGE_OLD, _AGED, _YO) if digits else ():
            for m in pattern.finditer(text):
                s, e = m.span("n")[0], m.end()
                if pattern is _AGED:
                    s = m.start()
                if not free(s, e):
                    continue
                n = float(m.group("n"))
                unit = m.groupdict().get("unit")
                if pattern is _AGED and unit and unit.lower() == "y":
                    unit = "years"
                years = _years(n, unit)
                if years > 125:
                    continue
                taken.add(s, e)
                yield make_span(self.name, "age", text, s, e, 0.95, years=years, exact=True,
                                unit=(unit or "years").lower())
        for m in _DECADE.finditer(text):
            if not free(*m.span()):
                continue
            low = int(m.group("n")) if m.group("n") else _NUM_WORDS[m.group("w").lower()[:-3] + "y"]
            taken.add(*m.span())
            yield make_span(self.name, "age", text, m.start(), m.end(), 0.85, years=low,
                            exact=False, unit="decade")
        for m in _AGE_WORDS.finditer(text):
            word = m.group("w").lower()
            low = 90 if word == "nonagenarian" else (110 if word.startswith("super") else 100)
            if free(*m.span()):
                yield make_span(self.name, "age", text, m.start(), m.end(), 0.8, years=low,
                                exact=False, unit="word")
