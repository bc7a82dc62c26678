"""The mslint hook implementations of mslint-ocr (entry point ``mslint-ocr``).

Importing this module is cheap: the OCR engine (ONNX Runtime, OpenCV, the models) loads
on the first image that is really read.
"""

from __future__ import annotations

from mslint.hookspecs import hookimpl
from mslint.model import Document
from mslint.resources import Resources
from mslint_ocr.detector import HeaderIdDetector, HeaderNameDetector
from mslint_ocr.reader import ImageReader, add_ocr_blocks
from mslint_ocr.rule import BurntInTextRule

#: Rules that read OCR text: burnt-in text itself and the identifier rules.
TEXT_READING_RULES = ("MS302", *(f"MS2{n:02d}" for n in range(1, 10)))


@hookimpl
def mslint_rules() -> list[BurntInTextRule]:
    return [BurntInTextRule()]


@hookimpl
def mslint_detectors() -> list[HeaderIdDetector | HeaderNameDetector]:
    return [HeaderIdDetector(), HeaderNameDetector()]


@hookimpl
def mslint_process_document(document: Document, resources: Resources) -> None:
    """Add an `ocr` text block for every image whose pixels hold text, when a rule that
    reads text (MS302 or an identifier rule) runs in this check."""
    if not resources.wants(*TEXT_READING_RULES):
        return
    reader = resources.memo("mslint-ocr.reader", ImageReader)
    add_ocr_blocks(document, reader)
