"""The mslint hook implementations of mslint-dicom (entry point ``mslint-dicom``).

Importing this module is cheap: pydicom, numpy and Pillow load when a DICOM file is parsed.
With mslint-ocr installed, the pixel data image it exposes is read for burnt-in text.
"""

from __future__ import annotations

from mslint.hookspecs import hookimpl
from mslint_dicom.parser import DicomParser
from mslint_dicom.rule import DicomIdentifiersRule


@hookimpl
def mslint_parsers() -> list[DicomParser]:
    return [DicomParser()]


@hookimpl
def mslint_rules() -> list[DicomIdentifiersRule]:
    return [DicomIdentifiersRule()]
