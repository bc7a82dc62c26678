"""The mslint hook implementations of mslint-ocr (entry point ``mslint-ocr``).

Importing this module is cheap: the OCR engine (ONNX Runtime, OpenCV, the models) loads
on the first image that is really read.
"""

from __future__ import annotations

from mslint.hookspecs import hookimpl
from mslint.model import Document
from mslint.resources import Resources
from mslint_ocr.detector import HeaderIdDetector
from mslint_ocr.reader import ImageReader, add_ocr_blocks
from mslint_ocr.rule import BurntInTextRule


@hookimpl
def mslint_rules() -> list[BurntInTextRule]:
    return [BurntInTextRule()]


@hookimpl
def mslint_detectors() -> list[HeaderIdDetector]:
    return [HeaderIdDetector()]


@hookimpl
def mslint_process_document(document: Document, resources: Resources) -> None:
    """Add an `ocr` text block for every image whose pixels hold text."""
    reader = resources.memo("mslint-ocr.reader", ImageReader)
    add_ocr_blocks(document, reader)
