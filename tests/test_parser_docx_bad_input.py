"""Bad DOCX input gives one clear `UnreadableFile` (MS901), never a traceback."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests import docx_fixtures as fx

from mslint.config import Settings
from mslint.engine import Engine
from mslint.parser import ParseLimits, ParseOptions, UnreadableFile
from mslint.parsers.docx import DocxParser

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def parse(path: Path, limits: ParseLimits | None = None):
    options = ParseOptions(root=path.parent, limits=limits or ParseLimits())
    return DocxParser().parse(path, options)


def good_docx_bytes(tmp_path: Path) -> bytes:
    d = fx.blank()
    d.add_paragraph("A perfectly normal paragraph. " * 50)
    fx.add_picture(d, fx.png_bytes(200, 200))
    return fx.save(d, tmp_path / "good.docx").read_bytes()


def zip_with(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def set_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size a ZIP's central directory declares for ``member``."""
    raw = bytearray(data)
    name = member.encode()
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", raw, at + 28)[0]
        if bytes(raw[at + 46 : at + 46 + name_len]) == name:
            struct.pack_into("<I", raw, at + 24, size)
            return bytes(raw)
        at = raw.find(b"PK\x01\x02", at + 46)
    raise AssertionError(f"{member} not in the central directory")


def cfb_file(stream_names: list[str]) -> bytes:
    """An OLE compound file: header sector plus a directory sector naming the streams."""
    header = bytearray(512)
    header[:8] = CFB_MAGIC
    struct.pack_into("<HHH", header, 24, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 30, 9)
    struct.pack_into("<I", header, 48, 0)
    directory = bytearray()
    for name in ["Root Entry", *stream_names]:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(512 - len(directory) % 512)
    return bytes(header) + bytes(directory) + bytes(4096)


def expect_unreadable(path: Path, fragment: str, limits: ParseLimits | None = None) -> str:
    with pytest.raises(UnreadableFile) as info:
        parse(path, limits)
    message = str(info.value)
    assert fragment in message and "\n" not in message
    return message


def test_a_pdf_named_docx_is_refused_by_sniffing(tmp_path) -> None:
    path = tmp_path / "paper.docx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(UnreadableFile, match=r"not a DOCX file.*looks like a PDF"):
        Engine(Settings(select=("MS901",))).parse(path)


def test_plain_text_named_docx_is_not_a_zip_package(tmp_path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("just some text, not a Word file")
    expect_unreadable(path, "not a ZIP package")


def test_a_truncated_docx_is_reported_as_truncated(tmp_path) -> None:
    data = good_docx_bytes(tmp_path)
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    expect_unreadable(path, "truncated or corrupt ZIP package")


def test_a_package_without_word_document_xml_is_not_a_word_document(tmp_path) -> None:
    path = tmp_path / "other.docx"
    path.write_bytes(zip_with({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"}))
    expect_unreadable(path, "no word/document.xml")


def test_a_zip_bomb_declaring_gigabytes_is_refused_before_inflating(tmp_path) -> None:
    bomb = zip_with({"word/document.xml": bytes(4 * 1024 * 1024)})
    path = tmp_path / "bomb.docx"
    path.write_bytes(set_declared_size(bomb, "word/document.xml", 0xF0000000))
    assert path.stat().st_size < 20_000
    expect_unreadable(path, "possible ZIP bomb")


def test_a_zip_bomb_over_the_total_limit_is_refused(tmp_path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_with({"word/document.xml": bytes(16 * 1024 * 1024)}))
    assert path.stat().st_size < 100_000
    expect_unreadable(
        path, "possible ZIP bomb", ParseLimits(max_decompressed_bytes=4 * 1024 * 1024)
    )


def test_a_member_that_lies_about_its_size_is_stopped_while_inflating(tmp_path) -> None:
    bomb = zip_with({"word/document.xml": bytes(64 * 1024 * 1024)})
    path = tmp_path / "liar.docx"
    path.write_bytes(set_declared_size(bomb, "word/document.xml", 1000))
    tracemalloc.start()
    try:
        expect_unreadable(path, "word/document.xml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def test_an_xml_entity_bomb_is_refused_without_expansion(tmp_path) -> None:
    lol = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    path = tmp_path / "lol.docx"
    path.write_bytes(zip_with({"word/document.xml": document}))
    expect_unreadable(path, "DTD")


def test_malformed_xml_is_reported_with_its_part(tmp_path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(zip_with({"word/document.xml": b"<w:document><w:body>"}))
    expect_unreadable(path, "word/document.xml is not well-formed XML")


def test_a_password_protected_word_file_says_so(tmp_path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(cfb_file(["EncryptionInfo", "EncryptedPackage"]))
    assert DocxParser().sniff(path.read_bytes()[:512])
    expect_unreadable(path, "password-protected")


def test_a_legacy_doc_named_docx_is_told_to_be_saved_as_docx(tmp_path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(cfb_file(["WordDocument", "1Table"]))
    expect_unreadable(path, "legacy Word 97-2003")


def test_the_engine_turns_a_bad_docx_into_one_ms901_and_checks_the_rest(tmp_path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    good = fx.save(fx.blank(), tmp_path / "good.docx")
    engine = Engine(Settings(select=("MS901",), root=tmp_path))
    bad_result, good_result = engine.check_file(bad), engine.check_file(good)
    assert [f.rule_id for f in bad_result.findings] == ["MS901"]
    assert good_result.error is None and good_result.format == "docx"


_ODD_VALUES = st.one_of(
    st.sampled_from(["", "-1", "0", "1e9", "abc", "99999999999999999999", "1.2.3", "auto",
                     "NaN", "ffffff", "12345f"]),
    st.text(alphabet="0123456789.-fxptin ", max_size=12),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(_ODD_VALUES, min_size=9, max_size=9))
def test_odd_attribute_values_never_break_the_parser(tmp_path, values) -> None:
    sz, span, lvl, cx, crop, style, instr, color, fill = (v.replace('"', "") for v in values)
    d = fx.blank()
    p = d.add_paragraph()
    fx.add_run_xml(p, f'<w:r><w:rPr><w:sz w:val="{sz}"/><w:color w:val="{color}"/>'
                      f'<w:shd w:fill="{fill}"/></w:rPr><w:t>text</w:t></w:r>')
    p._p.get_or_add_pPr().append(fx.xml(f'<w:outlineLvl w:val="{lvl}"/>'))
    fx.add_run_xml(p, f'<w:fldSimple w:instr="{instr}"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    table = d.add_table(rows=1, cols=1)
    table.cell(0, 0)._tc.get_or_add_tcPr().append(fx.xml(f'<w:gridSpan w:val="{span}"/>'))
    pic = fx.add_picture(d)
    pic._p.xpath(".//wp:extent")[0].set("cx", cx)
    fx.crop_last_picture(pic, 0, 0, 0, 0)
    pic._p.xpath(".//a:srcRect")[0].set("l", crop)
    vml = fx.add_vml_picture(d, fx.png_bytes())
    vml_ns = "{urn:schemas-microsoft-com:vml}"
    next(vml._p.iter(f"{vml_ns}shape")).set("style", style)
    next(vml._p.iter(f"{vml_ns}imagedata")).set("cropleft", crop)
    path = fx.save(d, tmp_path / "odd.docx")
    doc = parse(path)
    assert any("text" in b.text for b in doc.blocks)


def test_a_strict_open_xml_document_is_named_as_such(tmp_path) -> None:
    path = tmp_path / "strict.docx"
    path.write_bytes(zip_with({"word/document.xml": (
        b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
        b"<w:body><w:p/></w:body></w:document>")}))
    expect_unreadable(path, "Strict Open XML")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)),
                      min_size=1, max_size=8))
def test_damaged_bytes_give_a_document_or_unreadable_file_and_nothing_else(
        tmp_path, flips) -> None:
    data = bytearray(_GOOD_DOCX.get(tmp_path))
    for where, xor in flips:
        data[int(where * len(data))] ^= xor
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    try:
        parse(path)
    except UnreadableFile as exc:
        assert str(exc) and "\n" not in str(exc)


class _GoodDocx:
    """One small DOCX with every layer, built once for the damage test."""

    def __init__(self) -> None:
        self.data: bytes | None = None

    def get(self, folder: Path) -> bytes:
        if self.data is None:
            d = fx.blank()
            p = d.add_paragraph("Body text with a ")
            fx.add_deletion(p, "deleted name")
            fx.add_text_box(p, "Figure 1. Box caption")
            fx.add_picture(d, fx.png_bytes(16, 16), descr="alt")
            d.add_comment(p.runs, text="A comment", author="Rev")
            self.data = fx.save(d, folder / "all-layers.docx").read_bytes()
        return self.data


_GOOD_DOCX = _GoodDocx()
