"""`clean_file`: a new file without metadata, pixels and text untouched, the input never
modified, and a re-check of the output shows the removed findings gone."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from pathlib import Path

import docx
import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, PngImagePlugin

from docx_fixtures import add_custom_xml, add_glossary_entry
from mslint.cleaning import CleaningError, clean_file
from mslint.cleaning.images import strip_jpeg
from mslint.config import Settings
from mslint.engine import Engine
from mslint.imagemeta import jpeg_layout, read_image_metadata
from mslint.plugins import Plugins
from test_forensics_e2e import FORENSIC, GPS_EXIF, build_leaky_docx, build_leaky_pdf, jpeg


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def same_pixels(a: bytes, b: bytes) -> bool:
    x, y = Image.open(io.BytesIO(a)), Image.open(io.BytesIO(b))
    return x.size == y.size and ImageChops.difference(x.convert("RGB"),
                                                      y.convert("RGB")).getbbox() is None


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(root=Path("/"), select=FORENSIC), Plugins(entry_point_plugins=False))


def rules_found(engine: Engine, path: Path) -> set[str]:
    return {f.rule_id for f in engine.check_file(path).findings}


# ---------------------------------------------------------------- safety of the paths


def test_refuses_to_overwrite_the_input(tmp_path: Path) -> None:
    src = tmp_path / "a.jpg"
    src.write_bytes(jpeg(GPS_EXIF))
    before = digest(src)
    with pytest.raises(CleaningError, match="not the input"):
        clean_file(src, src, force=True)
    with pytest.raises(CleaningError, match="not the input"):
        clean_file(src, tmp_path / "." / "a.jpg", force=True)
    assert digest(src) == before


def test_refuses_an_existing_output_unless_forced(tmp_path: Path) -> None:
    src, out = tmp_path / "a.jpg", tmp_path / "b.jpg"
    src.write_bytes(jpeg(GPS_EXIF))
    out.write_bytes(b"keep me")
    with pytest.raises(CleaningError, match="exists"):
        clean_file(src, out)
    assert out.read_bytes() == b"keep me"
    clean_file(src, out, force=True)
    assert read_image_metadata(out.read_bytes()).fields == []


def test_unsupported_files_are_refused_without_writing(tmp_path: Path) -> None:
    src, out = tmp_path / "a.gif", tmp_path / "b.gif"
    Image.new("P", (4, 4)).save(src, "GIF", comment=b"x")
    with pytest.raises(CleaningError):
        clean_file(src, out)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".mslint-clean-")]


# ---------------------------------------------------------------- images


def test_jpeg_metadata_goes_and_the_coded_pixels_stay_byte_identical(tmp_path: Path) -> None:
    src, out = tmp_path / "photo.jpg", tmp_path / "clean.jpg"
    data = jpeg(GPS_EXIF)
    data = data[:2] + b"\xff\xfe" + struct.pack(">H", 12) + b"MRN 123456" + data[2:]
    src.write_bytes(data)
    result = clean_file(src, out)
    cleaned = out.read_bytes()
    assert read_image_metadata(cleaned).fields == []
    assert "EXIF" in result.actions[0] and "JPEG comment" in result.actions[0]
    scan = lambda b: b[jpeg_layout(b).segments[-1].start:]  # noqa: E731
    assert scan(cleaned) == scan(data)
    assert same_pixels(data, cleaned)
    assert result.remaining == []


def test_png_text_goes_and_pixels_stay(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Grace Author")
    info.add_itxt("Comment", "MRN 1234567", zip=True)
    src, out = tmp_path / "scan.png", tmp_path / "clean.png"
    Image.effect_noise((40, 30), 50).save(src, "PNG", pnginfo=info)
    clean_file(src, out)
    assert read_image_metadata(out.read_bytes()).fields == []
    assert same_pixels(src.read_bytes(), out.read_bytes())


def test_webp_exif_goes_and_pixels_stay(tmp_path: Path) -> None:
    src, out = tmp_path / "a.webp", tmp_path / "b.webp"
    Image.effect_noise((40, 30), 50).convert("RGB").save(src, "WEBP", lossless=True,
                                                          exif=GPS_EXIF)
    clean_file(src, out)
    assert read_image_metadata(out.read_bytes()).fields == []
    assert same_pixels(src.read_bytes(), out.read_bytes())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0xE1, 0xE3, 0xEC, 0xED, 0xFE]),
                          st.binary(min_size=0, max_size=64)), max_size=5))
def test_stripping_any_app_and_comment_segments_keeps_the_image(segments) -> None:
    data = jpeg(size=(24, 16))
    for marker, payload in segments:
        data = data[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) \
            + payload + data[2:]
    stripped = strip_jpeg(data)
    assert [s.marker for s in jpeg_layout(stripped.data).segments
            if 0xE1 <= s.marker <= 0xEF or s.marker == 0xFE] == []
    assert same_pixels(data, stripped.data)


# ---------------------------------------------------------------- documents


def test_docx_properties_comments_and_image_metadata_go_text_stays(
        engine: Engine, tmp_path: Path) -> None:
    src = build_leaky_docx(tmp_path / "leaky.docx")
    before = digest(src)
    assert {"MS301", "MS401", "MS402"} <= rules_found(engine, src)
    out = tmp_path / "clean.docx"
    result = clean_file(src, out)
    assert digest(src) == before
    after = rules_found(engine, out)
    assert not {"MS301", "MS401", "MS402"} & after
    assert {"MS403", "MS404", "MS405", "MS406"} <= after  # the author's decisions
    assert {f.rule_id for f in result.remaining} >= {"MS403", "MS404", "MS405"}
    assert any(line.startswith("MS403") for line in result.todo())
    original, cleaned = docx.Document(str(src)), docx.Document(str(out))
    assert [p.text for p in original.paragraphs] == [p.text for p in cleaned.paragraphs]
    names = zipfile.ZipFile(out).namelist()
    assert not [n for n in names if "comments" in n]
    assert b"MRN 7654321" in zipfile.ZipFile(out).read("word/document.xml")  # deletion kept


def test_docx_custom_xml_values_and_glossary_go_and_the_package_still_opens(
        engine: Engine, tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Case report text.")
    add_custom_xml(d, 10, (
        '<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties">'
        "<documentManagement><PatientName>Maria Garcia</PatientName></documentManagement>"
        "</p:properties>"))
    add_glossary_entry(d, "Clinic letter", "Re: John Smith, MRN 1234567")
    src = tmp_path / "stored.docx"
    d.save(str(src))
    assert "MS401" in rules_found(engine, src)
    out = tmp_path / "clean.docx"
    result = clean_file(src, out)
    assert "MS401" not in rules_found(engine, out)
    assert any("custom XML" in action for action in result.actions)
    assert any("glossary" in action for action in result.actions)
    package = zipfile.ZipFile(out)
    assert not [n for n in package.namelist() if n.startswith("word/glossary/")]
    assert b"Maria" not in package.read("customXml/item10.xml")
    assert docx.Document(str(out)).paragraphs[0].text == "Case report text."


def test_pdf_info_attachments_revisions_and_exif_go_text_stays(
        engine: Engine, tmp_path: Path) -> None:
    src = build_leaky_pdf(tmp_path / "leaky.pdf")
    before = digest(src)
    out = tmp_path / "clean.pdf"
    result = clean_file(src, out)
    assert digest(src) == before
    findings = engine.check_file(out).findings
    after = {(f.rule_id, f.category) for f in findings}
    assert not {r for r, _ in after} & {"MS301", "MS401", "MS406"}
    assert ("MS403", "pdf-revisions") not in after
    assert ("MS405", "failed-redaction") in after  # redactions are the author's to apply
    assert any("embedded file" in a for a in result.actions)
    with pymupdf.open(src) as a, pymupdf.open(out) as b:
        assert b.version_count == 1 and b.embfile_count() == 0
        assert [p.get_text() for p in a] == [p.get_text() for p in b]
        assert not b.metadata.get("author")


def test_damaged_docx_and_encrypted_pdf_are_refused_cleanly(tmp_path: Path) -> None:
    leaky = build_leaky_docx(tmp_path / "leaky.docx").read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(leaky[: len(leaky) // 2])
    locked = tmp_path / "locked.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="pw")
    doc.close()
    for src, message in ((broken, "DOCX"), (locked, "password")):
        with pytest.raises(CleaningError, match=message):
            clean_file(src, tmp_path / f"out{src.suffix}")
        assert not (tmp_path / f"out{src.suffix}").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".mslint-clean-")]


def test_pdf_object_level_xmp_and_private_data_go(tmp_path: Path) -> None:
    src, out = tmp_path / "xmp.pdf", tmp_path / "clean.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(72, 72, 272, 222), stream=jpeg())
    image_xref = page.get_images()[0][0]
    packet = doc.get_new_xref()
    doc.update_object(packet, "<< /Type /Metadata /Subtype /XML >>")
    doc.update_stream(packet, b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>Dr Example</x:xmpmeta>")
    doc.xref_set_key(image_xref, "Metadata", f"{packet} 0 R")
    doc.xref_set_key(page.xref, "PieceInfo", "<< /Illustrator << /Private 1 >> >>")
    doc.save(src)
    doc.close()
    clean_file(src, out)
    with pymupdf.open(out) as cleaned:
        left = {k for x in range(1, cleaned.xref_length()) for k in ("Metadata", "PieceInfo")
                if cleaned.xref_get_key(x, k)[0] != "null"}
        assert left == set()  # a null value is the PDF's way of saying "absent"
        assert b"Dr Example" not in out.read_bytes()
