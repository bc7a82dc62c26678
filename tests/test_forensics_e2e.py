"""End to end: leaks planted in generated DOCX, PDF and image files are found by the real
parsers, detectors and rules (`Engine.check_file`); the same files without the leaks give
no finding of the forensics rules. Also checks the real-world x-ray and EXIF samples."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import piexif
import pymupdf
import pytest
from docx import Document as new_docx
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Inches, RGBColor
from PIL import Image

from docx_fixtures import (
    add_deletion,
    add_floating_rectangle,
    add_ole_object,
    crop_last_picture,
)
from mslint.config import Settings
from mslint.engine import Engine
from mslint.findings import Finding
from mslint.plugins import Plugins
from pdf_fixtures import append_content, clip_last_image

FORENSIC = ("MS301", "MS305", "MS401", "MS402", "MS403", "MS404", "MS405", "MS406")

GPS_EXIF = piexif.dump({
    "0th": {piexif.ImageIFD.Artist: b"Dr Alice Example"},
    "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2023:04:05 10:11:12"},
    "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1),
                                                                              (0, 1)),
            piexif.GPSIFD.GPSLongitudeRef: b"W", piexif.GPSIFD.GPSLongitude: ((0, 1), (7, 1),
                                                                               (0, 1))},
})


def jpeg(exif: bytes | None = None, size: tuple[int, int] = (120, 90)) -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", size, (180, 60, 60))
    img.save(buf, "JPEG", **({"exif": exif} if exif else {}))
    return buf.getvalue()


def _blank_properties(document: object) -> None:
    props = document.core_properties  # type: ignore[attr-defined]
    props.author = props.last_modified_by = props.comments = props.title = ""


def build_leaky_docx(path: Path) -> Path:
    """A Word file with every DOCX leak: EXIF GPS image, crop, properties, comment, tracked
    deletion, hidden and white text, black highlight, OLE object."""
    document = new_docx()
    _blank_properties(document)
    props = document.core_properties
    props.author = "Dr Alice Example"
    props.title = "Case report MRN 1234567"
    first = document.add_paragraph("The patient presented with a rash.")
    document.add_comment(first.runs, text="Is this MRN 1234567 consented?", author="Reviewer")
    pic = document.add_paragraph()
    pic.add_run().add_picture(io.BytesIO(jpeg(GPS_EXIF)), width=Inches(2))
    crop_last_picture(pic, 20000, 10000, 0, 0)
    edited = document.add_paragraph("Seen in clinic ")
    add_deletion(edited, "MRN 7654321")
    hidden = document.add_paragraph("Visible text. ")
    hidden.add_run("hidden note about MRN 5550001").font.hidden = True
    white = document.add_paragraph("Body text. ")
    white.add_run("white words here").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    marked = document.add_paragraph("Name: ")
    marked.add_run("blacked out words").font.highlight_color = WD_COLOR_INDEX.BLACK
    add_ole_object(document, b"\xd0\xcf\x11\xe0" + b"\x00" * 600, jpeg())
    document.save(str(path))
    return path


def build_clean_docx(path: Path) -> Path:
    document = new_docx()
    _blank_properties(document)
    document.add_paragraph("The patient presented with a rash.")
    document.add_paragraph().add_run().add_picture(io.BytesIO(jpeg()), width=Inches(2))
    document.save(str(path))
    return path


def build_leaky_pdf(path: Path) -> Path:
    """A PDF with every PDF leak: EXIF GPS image drawn clipped, Info, a note annotation,
    invisible and white text, text under a black box and under an unapplied redaction,
    an attachment and a file-attachment annotation, then an incremental update."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Case report of a rash.", fontsize=11)
    page.insert_image(pymupdf.Rect(72, 100, 312, 280), stream=jpeg(GPS_EXIF))
    clip_last_image(doc, page, (72, 100, 252, 280))
    page.insert_text((72, 320), "invisible layer words", fontsize=11, render_mode=3)
    page.insert_text((72, 340), "white words on white", fontsize=11, color=(1, 1, 1))
    page.insert_text((72, 360), "Patient name: Jane Roe", fontsize=11)
    page.draw_rect(pymupdf.Rect(150, 348, 260, 364), color=None, fill=(0, 0, 0))
    page.insert_text((72, 400), "Record MRN 1234567 here", fontsize=11)
    page.add_redact_annot(pymupdf.Rect(110, 388, 180, 404))
    note = page.add_text_annot((400, 72), "MRN 1234567 - check consent")
    note.set_info(title="Reviewer")
    page.add_file_annot((400, 120), b"hidden list", "patients.txt")
    doc.embfile_add("consent.pdf", b"%PDF-1.4 fake consent form")
    doc.set_metadata({"author": "Dr Alice Example", "title": "Case of MRN 1234567"})
    doc.save(path)
    doc.close()
    doc = pymupdf.open(path)
    doc[0].insert_text((72, 440), "added later", fontsize=11)
    doc.saveIncr()
    doc.close()
    return path


def build_clean_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Case report of a rash.", fontsize=11)
    page.insert_image(pymupdf.Rect(72, 100, 312, 280), stream=jpeg())
    doc.save(path, garbage=3)
    doc.close()
    return path


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(root=Path("/"), select=FORENSIC),
                  Plugins(entry_point_plugins=False))


def check(engine: Engine, path: Path) -> list[Finding]:
    result = engine.check_file(path)
    assert result.error is None, result.error
    return [f for f in result.findings if f.rule_id in FORENSIC]


def kinds(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.category or "", f.severity.label) for f in findings}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("forensics")


def test_every_docx_leak_is_found(engine: Engine, workdir: Path) -> None:
    found = kinds(check(engine, build_leaky_docx(workdir / "leaky.docx")))
    expected = {
        ("MS301", "gps", "error"), ("MS301", "date", "error"), ("MS301", "name", "error"),
        ("MS305", "hidden-crop", "warning"),
        ("MS401", "name", "warning"), ("MS401", "mrn", "error"),
        ("MS402", "comment", "warning"), ("MS402", "mrn", "error"),
        ("MS403", "tracked-deletion", "warning"), ("MS403", "mrn", "error"),
        ("MS404", "mrn", "error"), ("MS404", "hidden-text", "warning"),
        ("MS405", "failed-redaction", "error"),
        ("MS406", "embedded-file", "warning"),
    }
    assert expected <= found, expected - found


def test_clean_docx_gives_no_forensic_finding(engine: Engine, workdir: Path) -> None:
    assert check(engine, build_clean_docx(workdir / "clean.docx")) == []


def test_every_pdf_leak_is_found(engine: Engine, workdir: Path) -> None:
    findings = check(engine, build_leaky_pdf(workdir / "leaky.pdf"))
    found = kinds(findings)
    expected = {
        ("MS301", "gps", "error"), ("MS301", "date", "error"),
        ("MS305", "hidden-crop", "warning"),
        ("MS401", "name", "warning"), ("MS401", "mrn", "error"),
        ("MS402", "comment", "warning"), ("MS402", "mrn", "error"),
        ("MS403", "pdf-revisions", "info"),
        ("MS404", "hidden-text", "warning"),
        ("MS405", "failed-redaction", "error"),
        ("MS406", "embedded-file", "warning"),
    }
    assert expected <= found, expected - found
    covers = {f.properties.get("cover") for f in findings if f.rule_id == "MS405"}
    assert covers == {"opaque black box", "unapplied redaction annotation"}
    hidden = {f.value for f in findings if f.rule_id == "MS404"}
    assert {"invisible layer words", "white words on white"} <= hidden
    assert len([f for f in findings if f.rule_id == "MS406"]) == 2


def test_clean_pdf_gives_no_forensic_finding(engine: Engine, workdir: Path) -> None:
    assert check(engine, build_clean_pdf(workdir / "clean.pdf")) == []


def only_ms405(engine: Engine, doc: pymupdf.Document, path: Path) -> Finding:
    """Save ``doc`` to ``path`` and check it: its one MS405 finding."""
    doc.save(path)
    doc.close()
    (finding,) = [f for f in check(engine, path) if f.rule_id == "MS405"]
    return finding


def _stencil_bar(rgb: str, rect: tuple[float, float, float, float], height: float) -> bytes:
    """Content operators painting a 1x1 stencil mask scaled to ``rect`` in colour ``rgb``,
    as TeX exports draw coloured bars."""
    x0, y0, x1, y1 = rect
    return (f"q {rgb} rg {x1 - x0} 0 0 {y1 - y0} {x0} {height - y1} cm "
            "BI /IM true /W 1 /H 1 /BPC 1 ID \x00 EI Q").encode("latin-1")


def test_white_text_on_a_stencil_mask_bar_is_visible_and_a_black_bar_over_text_is_not(
        engine: Engine, workdir: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    height = page.rect.height
    append_content(doc, page, _stencil_bar("0 0.2 0.4", (56, 82, 538, 99), height))
    page.insert_text((60, 95), "RESEARCH ARTICLE", fontsize=12, color=(1, 1, 1))
    page.insert_text((72, 200), "Patient seen by Dr Jane Doe on 3 March 2021.", fontsize=11)
    append_content(doc, page, _stencil_bar("0 0 0", (150, 188, 230, 204), height))
    path = workdir / "stencil.pdf"
    doc.save(path)
    doc.close()
    findings = check(engine, path)
    assert not [f for f in findings if f.rule_id == "MS404"]
    (redaction,) = [f for f in findings if f.rule_id == "MS405"]
    assert redaction.properties.get("cover") == "opaque black box"
    assert redaction.value.startswith("Dr Jane Doe")


def test_white_box_painted_over_text_is_a_failed_redaction_but_one_under_text_is_not(
        engine: Engine, workdir: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(60, 85, 400, 105), color=None, fill=(1, 1, 1))  # background
    page.insert_text((72, 100), "Reviewed by the ward team on admission.", fontsize=11)
    page.insert_text((72, 200), "Patient seen by Dr Jane Doe in clinic.", fontsize=11)
    page.draw_rect(pymupdf.Rect(150, 188, 225, 204), color=None, fill=(1, 1, 1))  # whiteout
    page.insert_text((72, 300), "Highlighted: Dr Max Roe reviewed it.", fontsize=11)
    page.draw_rect(pymupdf.Rect(140, 288, 220, 304), color=None, fill=(1, 1, 0.6))
    finding = only_ms405(engine, doc, workdir / "whiteout.pdf")
    assert finding.properties.get("cover") == "opaque white box drawn over it"
    assert "Jane Doe" in finding.value


def _png(size: tuple[int, int], colour: tuple[int, int, int] | None = None) -> bytes:
    buf = io.BytesIO()
    image = Image.new("RGB", size, colour) if colour else Image.effect_noise(size, 60).convert(
        "RGB")
    image.save(buf, "PNG")
    return buf.getvalue()


def test_picture_of_a_black_bar_pasted_over_a_name_is_a_failed_redaction(
        engine: Engine, workdir: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Patient seen by Dr Jane Doe in clinic.", fontsize=11)
    page.insert_image(pymupdf.Rect(150, 88, 225, 104), stream=_png((60, 12), (0, 0, 0)))
    page.insert_text((72, 200), "A photograph pasted over Dr Max Roe here.", fontsize=11)
    page.insert_image(pymupdf.Rect(200, 188, 280, 204), stream=_png((60, 12)))
    page.insert_image(pymupdf.Rect(72, 288, 300, 304), stream=_png((60, 12), (0, 0, 0)))
    page.insert_text((76, 300), "Label drawn on the bar", fontsize=11, color=(1, 1, 1))
    finding = only_ms405(engine, doc, workdir / "pasted.pdf")
    assert finding.properties.get("cover") == "image of a plain box pasted over it"
    assert "Jane Doe" in finding.value


def test_black_or_white_shape_drawn_in_front_of_a_docx_paragraph_is_a_warning(
        engine: Engine, workdir: Path) -> None:
    d = new_docx()
    covered = d.add_paragraph("Patient seen by Dr Jane Doe in clinic.")
    add_floating_rectangle(covered)
    whited = d.add_paragraph("Referred by Dr Max Roe.")
    add_floating_rectangle(whited, "FFFFFF", vml=True)
    behind = d.add_paragraph("A grey band behind this line.")
    add_floating_rectangle(behind, behind=True)
    tinted = d.add_paragraph("A yellow sticker on this one.")
    add_floating_rectangle(tinted, "FFE066")
    path = workdir / "shapes.docx"
    d.save(str(path))
    findings = [f for f in check(engine, path) if f.rule_id == "MS405"]
    assert [(f.properties.get("cover"), f.severity.label, f.location.paragraph)
            for f in findings] == [("black shape", "warning", 1), ("white shape", "warning", 2)]
    assert findings[0].value == "Patient seen by Dr Jane Doe in clinic."


def test_standalone_jpeg_with_gps_is_found_and_a_stripped_one_is_not(
        engine: Engine, workdir: Path) -> None:
    leaky = workdir / "photo.jpg"
    leaky.write_bytes(jpeg(GPS_EXIF))
    assert ("MS301", "gps", "error") in kinds(check(engine, leaky))
    plain = workdir / "plain.jpg"
    plain.write_bytes(jpeg())
    assert check(engine, plain) == []


def test_xray_rectangles_yes_is_flagged_and_rectangles_no_is_not(
        engine: Engine, realcorpus: Path) -> None:
    yes = check(engine, realcorpus / "x-ray" / "rectangles_yes.pdf")
    values = [f.value for f in yes if f.rule_id == "MS405"]
    assert len(values) == 3
    assert any("did not disclose all relevant medical history" in (v or "") for v in values)
    no = check(engine, realcorpus / "x-ray" / "rectangles_no.pdf")
    assert [f for f in no if f.rule_id == "MS405"] == []


def test_real_exif_gps_samples_are_errors(engine: Engine, realcorpus: Path) -> None:
    for name in ("exif-samples/DSCN0010.jpg", "python-docx/court-exif.jpg"):
        assert ("MS301", "gps", "error") in kinds(check(engine, realcorpus / name)), name


def test_scanned_page_ocr_layer_is_info(engine: Engine, realcorpus: Path) -> None:
    found = check(engine, realcorpus / "PyMuPDF" / "test_4670.pdf")
    assert kinds(found) == {("MS404", "ocr-layer", "info")}
