"""Record numbers as scanners print them in image headers, for `ocr` blocks only.

Ultrasound and PACS overlays print the patient ID after a short label (``PID``, ``ID:``,
``Hosp No``) or bare beside the name. In running text a bare eight-digit number could be
anything; in an image header it is almost always the patient or accession number. The
detector fires only on `ocr` blocks, so manuscript text is left to the core detectors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.model import BlockKind

_LABEL = (
    r"(?:P\.?\s?ID|Pat(?:ient)?\.?\s*(?:ID|No\.?)|ID|MRN|UR|URN|Acc(?:ession)?(?:\s*No\.?)?"
    r"|Acc/MRN|Hosp(?:ital)?\.?\s*(?:No\.?|Number)|H\s?&\s?C(?:\s*No\.?)?|NHS\s*(?:No\.?)?)"
)
LABELLED_ID = re.compile(rf"\b{_LABEL}\s*[:#.]?\s*(?P<id>[A-Z]{{0,3}}\d[\d\-]{{3,14}}\d)\b",
                         re.IGNORECASE)
BARE_ID = re.compile(r"(?<![\w/.:\-])(?P<id>\d{6,12})(?![\w/.:\-])")

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
            yield IdentifierSpan(start, end, "mrn", LABELLED_CONFIDENCE, self.name,
                                 m.group("id"), (("labelled", True),))
        for m in BARE_ID.finditer(text):
            start, end = m.span("id")
            if any(s <= start < e for s, e in labelled):
                continue
            yield IdentifierSpan(start, end, "mrn", BARE_CONFIDENCE, self.name, m.group("id"),
                                 (("labelled", False),))
