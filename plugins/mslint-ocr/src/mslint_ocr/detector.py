"""Record numbers and names as scanners print them in image headers, for `ocr` blocks only.

Ultrasound and PACS overlays print the patient ID after a short label (``PID``, ``ID:``,
``Hosp No``) or bare beside the name. In running text a bare eight-digit number could be
anything; in an image header it is almost always the patient or accession number, unless
the image is a table or chart whose text is mostly numbers. Names
appear as ``SMITH, JOHN`` or ``Maria Garcia`` on a line of their own, often in capitals,
where a model trained on prose misses them. The detectors fire only on `ocr` blocks, so
manuscript text is left to the core detectors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.lexicon import given_names
from mslint.model import BlockKind

_LABEL = (
    r"(?:P\.?\s?ID|Pat(?:ient)?\.?\s*(?:ID|No\.?)|ID|MRN|UR|URN|Acc(?:ession)?(?:\s*No\.?)?"
    r"|Acc/MRN|Hosp(?:ital)?\.?\s*(?:No\.?|Number)|H\s?&\s?C(?:\s*No\.?)?|NHS\s*(?:No\.?)?)"
)
LABELLED_ID = re.compile(
    rf"\b{_LABEL}\s*[:#.]?\s*(?P<id>[A-Z]{{0,3}}\d[\d\-]{{3,14}}\d)\b", re.IGNORECASE
)
BARE_ID = re.compile(r"(?<![\w/.:\-])(?P<id>\d{6,12})(?![\w/.:\-])")
#: Numbers of three or more digits (years, counts, IDs): a header shows a few, a table of
#: values or a chart's axis many.
_NUMBER = re.compile(r"\d{3,}")
#: More distinct such numbers than this, and a bare number is a value among values.
MAX_HEADER_NUMBERS = 6

LABELLED_CONFIDENCE = 0.85
BARE_CONFIDENCE = 0.6


class HeaderIdDetector:
    """Patient and accession numbers in OCR text of image headers."""

    name = "ocr-header-id"
    categories = ("mrn",)

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        if ctx.block is None or ctx.block.kind is not BlockKind.OCR:
            return
        labelled: list[tuple[int, int]] = []
        for m in LABELLED_ID.finditer(text):
            start, end = m.span("id")
            labelled.append((start, end))
            yield IdentifierSpan(
                start,
                end,
                "mrn",
                LABELLED_CONFIDENCE,
                self.name,
                m.group("id"),
                (("labelled", True),),
            )
        if len(set(_NUMBER.findall(text))) > MAX_HEADER_NUMBERS:
            return
        for m in BARE_ID.finditer(text):
            start, end = m.span("id")
            if any(s <= start < e for s, e in labelled):
                continue
            yield IdentifierSpan(
                start, end, "mrn", BARE_CONFIDENCE, self.name, m.group("id"), (("labelled", False),)
            )


_WORD = r"[A-Za-z][A-Za-z'\-]{1,24}"
NAME_LABEL = re.compile(
    rf"\b(?:Patient\s*)?Name\s*[:=]\s*(?P<name>{_WORD}(?:[ ,]+{_WORD}){{0,3}})", re.IGNORECASE
)
SURNAME_FIRST = re.compile(rf"\b(?P<surname>{_WORD}),\s*(?P<given>{_WORD})(?:\s+{_WORD})?")
GIVEN_FIRST = re.compile(rf"\b(?P<given>{_WORD})\s+(?P<surname>{_WORD})\b")

LABELLED_NAME_CONFIDENCE = 0.9
LEXICON_NAME_CONFIDENCE = 0.8


class HeaderNameDetector:
    """Patient names in OCR text of image headers: after a ``Name:`` label, or a pair of
    words one of which is a known given name (``SMITH, JOHN``, ``GRACE HOPKINS``)."""

    name = "ocr-header-name"
    categories = ("name",)

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        if ctx.block is None or ctx.block.kind is not BlockKind.OCR:
            return
        given = given_names()
        taken: list[tuple[int, int]] = []
        for m in NAME_LABEL.finditer(text):
            start, end = m.span("name")
            taken.append((start, end))
            yield IdentifierSpan(
                start,
                end,
                "name",
                LABELLED_NAME_CONFIDENCE,
                self.name,
                m.group("name"),
                (("labelled", True),),
            )
        for pattern in (SURNAME_FIRST, GIVEN_FIRST):
            for m in pattern.finditer(text):
                start, end = m.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                if m.group("given").capitalize() not in given:
                    continue
                taken.append((start, end))
                yield IdentifierSpan(
                    start,
                    end,
                    "name",
                    LEXICON_NAME_CONFIDENCE,
                    self.name,
                    m.group(0),
                    (("labelled", False),),
                )
