"""Bad PDF input gives one clear `UnreadableFile` (MS901), never a traceback."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.pdf_fixtures import jpeg_bytes, paragraph, save

from mslint.config import Settings
from mslint.engine import Engine
from mslint.parser import ParseLimits, ParseOptions, UnreadableFile
from mslint.parsers.pdf import PdfParser


def good_pdf(path: Path, pages: int = 3, **options: object) -> Path:
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        paragraph(page, (72, 72, 523, 400), f"Page {number + 1}. " + "Some text. " * 80)
        page.insert_image(pymupdf.Rect(72, 420, 272, 520), stream=jpeg_bytes((200, 100)))
    return save(doc, path, **options)


def expect_unreadable(path: Path, fragment: str, limits: ParseLimits | None = None) -> str:
    options = ParseOptions(root=path.parent, limits=limits or ParseLimits())
    with pytest.raises(UnreadableFile) as caught:
        PdfParser().parse(path, options)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message and "Traceback" not in message
    return message


def test_password_protected_pdf_says_it_is_encrypted(tmp_path: Path) -> None:
    path = good_pdf(tmp_path / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256,
                    user_pw="patient", owner_pw="owner")
    expect_unreadable(path, "encrypted PDF: it needs a password")


def test_owner_password_only_pdf_opens_and_is_flagged_encrypted(tmp_path: Path) -> None:
    path = good_pdf(tmp_path / "owner.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_128,
                    owner_pw="owner", permissions=0)
    doc = PdfParser().parse(path, ParseOptions(root=tmp_path))
    assert doc.attrs["pdf_encrypted"] is True
    assert "Some text" in doc.full_text


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf_is_reported_truncated(tmp_path: Path, keep: float) -> None:
    data = good_pdf(tmp_path / "whole.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    expect_unreadable(cut, "truncated PDF")


def test_garbage_after_a_pdf_header_is_damaged_and_the_message_holds_no_path(
        tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    message = expect_unreadable(path, "damaged PDF: no readable objects")
    assert str(tmp_path) not in message


def test_page_tree_whose_pages_vanish_on_repair_is_damaged(tmp_path: Path) -> None:
    # The page tree counts two pages but lists none: MuPDF repairs the file while loading
    # them and is left with no pages, which must not pass for an empty, readable document.
    data = good_pdf(tmp_path / "good.pdf", pages=2).read_bytes()
    assert data.count(b"/Kids[") == 1
    path = tmp_path / "no-kids.pdf"
    path.write_bytes(data.replace(b"/Kids[", b"/Xids["))
    expect_unreadable(path, "none of its pages can be read")


def test_file_that_is_not_a_pdf_is_refused_by_sniff_and_parse(tmp_path: Path) -> None:
    path = tmp_path / "really-a-zip.pdf"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert not PdfParser().sniff(path.read_bytes()[:1024])
    expect_unreadable(path, "not a PDF file")


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = good_pdf(tmp_path / "big.pdf")
    expect_unreadable(path, "over the", ParseLimits(max_file_bytes=1000))


def test_the_engine_turns_a_bad_pdf_into_one_ms901_and_checks_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(good_pdf(tmp_path / "src.pdf").read_bytes()[:500])
    locked = good_pdf(tmp_path / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256,
                      user_pw="x", owner_pw="y")
    wrong = tmp_path / "wrong.pdf"
    wrong.write_text("just some text, not a PDF\n")
    good = good_pdf(tmp_path / "good.pdf")
    engine = Engine(Settings(select=("MS901",), root=tmp_path))
    for path in (bad, locked, wrong):
        result = engine.check_file(path)
        assert [f.rule_id for f in result.findings] == ["MS901"], path
    good_result = engine.check_file(good)
    assert good_result.error is None and good_result.format == "pdf"


@cache
def _fuzz_seed() -> bytes:
    """One small valid PDF, built once so that every example flips bytes of the same file."""
    with tempfile.TemporaryDirectory() as tmp:
        return good_pdf(Path(tmp) / "seed.pdf", pages=2).read_bytes()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_corrupted_bytes_parse_or_raise_unreadable_never_crash(tmp_path: Path, data) -> None:
    damaged = bytearray(_fuzz_seed())
    for _ in range(data.draw(st.integers(1, 12))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at] = data.draw(st.integers(0, 255))
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(damaged))
    try:
        doc = PdfParser().parse(path, ParseOptions(root=tmp_path))
    except UnreadableFile as exc:
        assert "\n" not in str(exc)
    else:
        assert doc.attrs["page_count"] >= 1
