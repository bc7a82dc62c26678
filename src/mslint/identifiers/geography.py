"""Geographic detail smaller than a state: street addresses, UK postcodes, US ZIP codes
(only with an address context), and postcode formats of other countries given as
detector parameters (``postcode_patterns``: a list of regular expressions)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import (
    context_words,
    gate,
    has_digit,
    has_spaced_capital,
    make_span,
    may_have_digits,
    near,
    windows,
    words_at_boundary,
)
from mslint.identifiers.lexicon import large_regions

_STREET_TYPES = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Boulevard|Blvd|Court|Ct|Place|Pl|"
    r"Terrace|Crescent|Gardens|Square|Sq|Highway|Hwy|Parkway|Pkwy|Row|Mews|Grove|Hill|Alley|"
    r"Circle|Walk|Quay|Wharf|Rise|Park"
)
_NAME_WORD = r"(?:[A-Z][a-z'’\-]+|[A-Z]{2,}|\d{1,3}(?:st|nd|rd|th))"
_ADDRESS = re.compile(
    r"(?<![\w/.,-])(?:(?:Flat|Apt\.?|Apartment|Unit|Suite)\s+\w{1,5},?\s+)?\d{1,5}[A-Za-z]?,?\s+"
    rf"(?:{_NAME_WORD}\s+){{1,3}}(?:{_STREET_TYPES})\b\.?"
    r"(?:,?\s+(?:Apt\.?|Apartment|Unit|Flat|Suite)\s+\w{1,5})?"
)
_ABBREVIATED = re.compile(r"\b(?:St|Rd|Ave|Ln|Dr|Blvd|Ct|Pl|Sq|Hwy|Pkwy|Apt)\.$")
_POBOX = re.compile(r"(?-i:[Pp])(?<!\w.)\.?\s?O\.?\s+Box\s+\d{1,6}\b", re.IGNORECASE)
_NAMED_STREET = re.compile(
    words_at_boundary(("on", "in", "at", "of"))
    + rf"\s+(?:the\s+)?((?:{_NAME_WORD}\s+){{1,2}}(?:Street|Road|Avenue|Lane|Drive|"
    r"Boulevard|Crescent|Terrace))\b"
)
_UK_POSTCODE = re.compile(
    r"(?<![\w-])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![\w-])"
)
_US_STATE = (
    r"AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    r"NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
_ZIP_AFTER_STATE = re.compile(rf"\b(?:{_US_STATE})\.?,?\s+(\d{{5}}(?:-\d{{4}})?)(?![\w-])")
_ZIP_KEYWORD = re.compile(
    r"(?-i:[ZzPp])(?<!\w.)(?:(?<=[Zz])ip\s*code|(?<=[Pp])ostal\s+code|(?<=[Pp])ost\s*code"
    r"|(?<=[Pp])ostcode|(?<=[Zz])IP)\s*[:#]?\s*(?:was|is|of)?\s*"
    r"([A-Z0-9]{2,5}(?:[- ][A-Z0-9]{3,4})?)\b",
    re.IGNORECASE,
)
_ADDRESS_CONTEXT = context_words(
    "lives?", "lived", "living", "resides?", "resided", "resident", "address", "home", "moved",
    "born", "from", "street", "road", "avenue", "village", "town", "city", "county", "district",
    "postcode", r"post\s*code", "zip",
)


_RESIDENCE = re.compile(
    words_at_boundary(("lives?", "lived", "living", "resides?", "resided", "residing", "resident",
                       "native", "born", "moved", "relocated", r"grew\s+up"))
    + r"\s+(?:in|of|to|at|near|outside)\s+(?:the\s+)?(?:(?:small|rural|remote|coastal|"
    r"mountain|fishing|farming)\s+)?(?:(?:village|town|city|suburb|hamlet|island|district)\s+"
    r"(?:of|near|outside)\s+)?(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
)


_STREET_WORDS = gate("street", "road", "avenue", "lane", "drive", "boulevard", "crescent",
                     "terrace")
_RESIDENCE_WORDS = gate("live", "living", "resid", "native", "born", "moved", "relocated", "grew")
#: Both word lists above in one gate: most texts have neither.
_PLACE_WORDS = gate(*_STREET_WORDS.words, *_RESIDENCE_WORDS.words)
_STREET_TYPE = re.compile(words_at_boundary(tuple(_STREET_TYPES.split("|"))) + r"\b")
_INWARD_CODE = re.compile(r"\d[ABD-HJLNP-UW-Z]{2}(?![\w-])")
_FIVE_DIGITS = re.compile(r"\d(?<!\d.)\d{4}(?!\d)")
#: Where either of the two above can match (their common first digit factored out).
_POSTCODE_DIGITS = re.compile(r"\d(?:[ABD-HJLNP-UW-Z]{2}(?![\w-])|(?<!\d.)\d{4}(?!\d))")
_ZIP_GATE = gate("zip", "postal", "post code", "postcode")


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


class GeographyDetector:
    name = "geography"
    categories = ("address", "postcode", "place")

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        # A named street and a residence's place both follow white space with a capital.
        if has_spaced_capital(text) and _PLACE_WORDS.search(text):
            yield from self._named_places(text)
        if has_digit(text):
            yield from self._numbered(text, ctx)

    def _named_places(self, text: str) -> Iterator[IdentifierSpan]:
        """Streets named without a house number, and where the patient lives."""
        for m in _NAMED_STREET.finditer(text) if _STREET_WORDS.search(text) else ():
            conf = 0.8 if near(text, m.start(1), m.end(1), _ADDRESS_CONTEXT, 60) else 0.55
            yield make_span(self.name, "address", text, m.start(1), m.end(1), conf)
        for m in _RESIDENCE.finditer(text) if _RESIDENCE_WORDS.search(text) else ():
            if m.group("place").lower() not in large_regions():
                yield make_span(self.name, "place", text, *m.span("place"), 0.8)

    def _numbered(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        for lo, hi in windows(text, _STREET_TYPE, 80, 25):
            for m in _ADDRESS.finditer(text, lo, hi):
                end = m.end()
                if text[end - 1] == "." and not _ABBREVIATED.search(text, m.start(), end):
                    end -= 1  # the full stop of the sentence, not of "St."
                conf = 0.9 if near(text, m.start(), end, _ADDRESS_CONTEXT, 60) else 0.75
                yield make_span(self.name, "address", text, m.start(), end, conf)
        if "Box" in text or "BOX" in text or "box" in text:
            for m in _POBOX.finditer(text):
                yield make_span(self.name, "address", text, m.start(), m.end(), 0.9)
        yield from self._postcodes(text, tuple(ctx.params.get("postcode_patterns", ())))

    def _postcodes(self, text: str, extra: tuple[str, ...]) -> Iterator[IdentifierSpan]:
        if _POSTCODE_DIGITS.search(text):  # most texts have no inward code and no 5 digits
            yield from self._by_digits(text)
        for m in _ZIP_KEYWORD.finditer(text) if _ZIP_GATE.search(text) else ():
            if any(ch.isdigit() for ch in m.group(1)):
                yield make_span(self.name, "postcode", text, m.start(1), m.end(1), 0.9)
        for pattern in _compiled(extra):
            for m in pattern.finditer(text):
                conf = 0.85 if near(text, m.start(), m.end(), _ADDRESS_CONTEXT, 60) else 0.5
                yield make_span(self.name, "postcode", text, m.start(), m.end(), conf)

    def _by_digits(self, text: str) -> Iterator[IdentifierSpan]:
        """UK postcodes around an inward code, US ZIP codes after a state."""
        uk = windows(text, _INWARD_CODE, 9, 0)
        for m in (m for lo, hi in uk for m in _UK_POSTCODE.finditer(text, lo, hi)):
            spaced = " " in m.group()
            conf = 0.9 if spaced else 0.6
            if near(text, m.start(), m.end(), _ADDRESS_CONTEXT, 60):
                conf += 0.05
            yield make_span(self.name, "postcode", text, m.start(), m.end(), conf, country="GB")
        zips = windows(text, _FIVE_DIGITS, 6, 0) if may_have_digits(text, 5) else ()
        for m in (m for lo, hi in zips for m in _ZIP_AFTER_STATE.finditer(text, lo, hi)):
            yield make_span(self.name, "postcode", text, m.start(1), m.end(1), 0.9, country="US")
