"""The OCR-only record-number detector: labelled and bare IDs in image headers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mslint_ocr.detector import HeaderIdDetector

from mslint.detector import DetectionContext
from mslint.model import BlockKind, Location, TextBlock
from mslint.resources import Resources


def spans(text: str, kind: BlockKind = BlockKind.OCR) -> list[tuple[str, float]]:
    ctx = DetectionContext(Resources(), TextBlock(text, kind, Location()))
    return [(s.text, s.confidence) for s in HeaderIdDetector().detect(text, ctx)]


@pytest.mark.parametrize(("line", "value"), [
    ("PID 20461375", "20461375"),
    ("ID: 40817263", "40817263"),
    ("MRN31415926", "31415926"),
    ("Hosp No 7731904 ABDOMEN C5-1", "7731904"),
    ("Acc/MRN 90517736", "90517736"),
    ("Patient ID: H8842197", "H8842197"),
])
def test_labelled_numbers_in_image_headers_are_record_numbers(line: str, value: str) -> None:
    assert spans(line) == [(value, 0.85)]


def test_a_bare_long_number_beside_a_name_is_a_less_certain_record_number() -> None:
    assert spans("Helen Clarke | 88812345 | 01/02/2022") == [("88812345", 0.6)]


def test_bare_numbers_in_a_table_of_values_are_not_record_numbers_but_labelled_ones_are(
        ) -> None:
    table = ("site\nyear\ncases\nWhitehorse\n1999\n745\nWhitehorse\n2000\n2666\n"
             "Yellowknife\n1999\n37737\nYellowknife\n2000\n80488\n"
             "Inuvik\n1999\n212258\nInuvik\n2000\n213766")
    assert spans(table) == []
    assert spans(table + "\nMRN 31415926") == [("31415926", 0.85)]


@pytest.mark.parametrize("line", ["TIS 0.4 MI 1.1", "Gain 52 DR 60", "12/03/2021 14:22",
                                  "Depth 16cm 37Hz", "2021-05-17"])
def test_scanner_settings_dates_and_short_numbers_are_not_record_numbers(line: str) -> None:
    assert spans(line) == []


@given(st.text(alphabet="0123456789 :/-ABCDMRNIDPabc", max_size=60))
def test_manuscript_text_is_never_scanned(text: str) -> None:
    assert spans(text, BlockKind.BODY) == []
    assert spans(text, BlockKind.CAPTION) == []
