"""`collector_paused`: the cyclic garbage collector is off inside, as it was outside after."""

from __future__ import annotations

import gc
from pathlib import Path

import pymupdf
import pytest
from tests.pdf_fixtures import paragraph, save

import mslint.parsers.pdf_text as pdf_text
from mslint.parser import ParseOptions, collector_paused
from mslint.parsers.pdf import PdfParser


def test_collector_is_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collector_comes_back_on_after_an_error() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("parser failed")
    assert gc.isenabled()


def test_nested_pause_leaves_it_to_the_outermost() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pdf_parse_runs_with_the_collector_paused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    doc = pymupdf.open()
    paragraph(doc.new_page(), (72, 72, 400, 200), "The patient recovered.")
    path = save(doc, tmp_path / "p.pdf")
    seen: list[bool] = []
    read = pdf_text.read_page_text

    def spy(*args: object) -> pdf_text.PageText:
        seen.append(gc.isenabled())
        return read(*args)

    monkeypatch.setattr(pdf_text, "read_page_text", spy)
    PdfParser().parse(path, ParseOptions(root=tmp_path))
    assert seen == [False] and gc.isenabled()
