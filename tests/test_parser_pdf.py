"""The PDF parser, layer by layer, on PDFs built in code with PyMuPDF."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from tests.pdf_fixtures import (
    append_content,
    clip_last_image,
    jpeg_bytes,
    paragraph,
    png_bytes,
    save,
    text_lines,
)

from mslint.model import BlockKind, Document
from mslint.parser import ParseOptions
from mslint.parsers.pdf import PdfParser, mslint_parsers
from mslint.parsers.pdf_order import reading_order
from mslint.parsers.pdf_text import _columns


def parse(path: Path) -> Document:
    return PdfParser().parse(path, ParseOptions(root=path.parent))


def blocks(doc: Document, kind: BlockKind) -> list:
    return list(doc.blocks_of(kind))


def test_plugin_registers_a_pdf_parser_that_sniffs_the_header() -> None:
    parser = mslint_parsers()[0]
    assert parser.format == "pdf" and parser.extensions == (".pdf",)
    assert parser.sniff(b"%PDF-1.7\n%\xe2\xe3")
    assert parser.sniff(b"\x00" * 100 + b"%PDF-1.4")
    assert not parser.sniff(b"PK\x03\x04 a zip")


def test_text_blocks_carry_page_line_boxes_and_spans(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    paragraph(page, (72, 72, 400, 200), "The patient was admitted with chest pain and "
              "discharged after three days of observation on the ward.")
    result = parse(save(doc, tmp_path / "t.pdf"))
    (body,) = blocks(result, BlockKind.BODY)
    assert body.text.startswith("The patient was admitted")
    assert body.location.page == 1 and body.location.bbox is not None
    assert len(body.boxes) >= 2  # one per text line
    offset = body.text.index("observation")
    assert body.location_at(offset).bbox == body.boxes[-1][1]
    spans = body.attrs["spans"]
    assert spans[0]["start"] == 0 and spans[-1]["end"] == len(body.text)
    assert {"bbox", "color", "size", "font", "render_mode"} <= spans[0].keys()
    assert spans[0]["color"] == "#000000" and spans[0]["render_mode"] == 0


def test_two_column_page_reads_left_column_before_right(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 60), "A two column case report title", fontsize=16, fontname="hebo")
    paragraph(page, (72, 90, 290, 300), "Left one. " * 20)
    paragraph(page, (305, 90, 523, 300), "Right one. " * 20)
    paragraph(page, (72, 320, 290, 500), "Left two. " * 20)
    paragraph(page, (305, 320, 523, 500), "Right two. " * 20)
    texts = [b.text.split(".")[0] for b in parse(save(doc, tmp_path / "cols.pdf")).blocks
             if b.kind is BlockKind.BODY]
    assert texts == ["Left one", "Left two", "Right one", "Right two"]


def test_full_width_block_splits_column_bands() -> None:
    boxes = [(300, 100, 520, 200), (72, 100, 290, 200), (72, 220, 520, 240),
             (72, 260, 290, 400), (300, 260, 520, 400)]
    assert reading_order(boxes) == [1, 0, 2, 3, 4]


def test_headings_from_size_bold_and_numbering_give_section_paths(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = text_lines(page, 60, ["1. Introduction"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 40), "Body text about the background of this case.")
    y = text_lines(page, y + 50, ["2. Case presentation"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 40), "A 34-year-old presented to the clinic.")
    y = text_lines(page, y + 50, ["III. DISCUSSION"], size=10)
    paragraph(page, (72, y, 523, y + 40), "A regular-weight numbered capital heading.")
    y = text_lines(page, y + 50, ["Declarations"], size=13, font="hebo")
    y = text_lines(page, y + 4, ["Consent for publication"], size=10, font="hebo")
    paragraph(page, (72, y, 523, y + 40), "Written informed consent was obtained from the "
              "patient for publication of this report.")
    result = parse(save(doc, tmp_path / "h.pdf"))
    headings = [b.text for b in blocks(result, BlockKind.HEADING)]
    assert headings == ["1. Introduction", "2. Case presentation", "III. DISCUSSION",
                        "Declarations", "Consent for publication"]
    bodies = blocks(result, BlockKind.BODY)
    assert bodies[1].section == ("Case presentation",)
    assert bodies[2].section[-1] == "DISCUSSION"
    assert bodies[3].section == ("Declarations", "Consent for publication")


def test_bold_table_header_smaller_than_body_is_not_a_heading(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = text_lines(page, 60, ["Case presentation"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 60), "The patient was seen in clinic. " * 4, size=11)
    text_lines(page, y + 80, ["Characteristic"], size=8, font="hebo")
    result = parse(save(doc, tmp_path / "table.pdf"))
    assert [b.text for b in blocks(result, BlockKind.HEADING)] == ["Case presentation"]
    assert blocks(result, BlockKind.BODY)[-1].section == ("Case presentation",)


def test_repeated_margin_text_is_header_footer_but_top_headings_are_not(tmp_path: Path
                                                                        ) -> None:
    doc = pymupdf.open()
    for number in range(1, 4):
        page = doc.new_page()
        page.insert_text((72, 30), "Smith et al. J Med Case Rep (2021) 15:321", fontsize=8)
        page.insert_text((72, 62), f"{number}. Section {'ABC'[number - 1]}", fontsize=13,
                         fontname="hebo")
        paragraph(page, (72, 80, 523, 300), "Running text of the report. " * 20)
        page.insert_text((290, 820), f"Page {number} of 3", fontsize=8)
    result = parse(save(doc, tmp_path / "running.pdf"))
    running = [b.text for b in blocks(result, BlockKind.HEADER_FOOTER)]
    assert running.count("Smith et al. J Med Case Rep (2021) 15:321") == 3
    assert [t for t in running if t.startswith("Page")] == ["Page 1 of 3", "Page 2 of 3",
                                                             "Page 3 of 3"]
    assert [b.text for b in blocks(result, BlockKind.HEADING)] == [
        "1. Section A", "2. Section B", "3. Section C"]


def test_body_sentence_starting_with_figure_is_not_a_caption(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    paragraph(page, (72, 72, 523, 120), "Figure 2 shows the lesion after two weeks of "
              "treatment with topical steroids.")
    paragraph(page, (72, 140, 523, 190), "Table 1 shows the laboratory values on admission "
              "and at discharge.")
    paragraph(page, (72, 210, 523, 260), "Table 2. Laboratory values on admission.")
    result = parse(save(doc, tmp_path / "s.pdf"))
    kinds = [b.kind for b in result.blocks if b.kind is not BlockKind.METADATA]
    assert kinds == [BlockKind.BODY, BlockKind.BODY, BlockKind.CAPTION]
    assert "figure_label" not in result.blocks[2].attrs


def test_justified_line_split_at_a_wide_word_gap_stays_one_paragraph(tmp_path: Path
                                                                     ) -> None:
    # MuPDF ends a line at a gap wider than 0.8 em; justified text has gaps up to ~1.5 em.
    doc = pymupdf.open()
    page = doc.new_page()
    x = 72.0
    for word in ("grants", "IIS-0535284", "and", "IIS-0312988,"):
        page.insert_text((x, 100), word, fontsize=10)
        x += pymupdf.get_text_length(word, fontsize=10) + 14.5
    page.insert_text((72, 112), "NBCHD030010 and ONR grant N00014-02-1-0324.", fontsize=10)
    result = parse(save(doc, tmp_path / "justified.pdf"))
    (body,) = blocks(result, BlockKind.BODY)
    assert body.text == "grants IIS-0535284 and IIS-0312988, NBCHD030010 and ONR grant " \
        "N00014-02-1-0324."


def test_word_gap_is_measured_against_the_font_size_when_boxes_are_shorter() -> None:
    # A font spanning less than an em draws boxes shorter than its size: 9.4 pt for 10 pt.
    def line(x0: float, x1: float, y: float) -> dict:
        return {"bbox": (x0, y, x1, y + 9.4), "spans": [{"size": 10.0}]}

    row = [line(315, 366, 673), line(380, 394, 673), line(408.5, 462, 673)]
    assert _columns([*row, line(315, 558, 684)]) == [[*row, line(315, 558, 684)]]
    beyond = line(394 + 15.5, 462, 673)
    assert len(_columns([*row[:2], beyond])) == 2


def test_character_boxes_are_the_fonts_own_and_pymupdf_setting_is_restored(tmp_path: Path
                                                                           ) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    # ZapfDingbats spans 0.819 em above the baseline and 0.144 below: less than an em,
    # which PyMuPDF's default would stretch to a full em.
    page.insert_text((72, 100), "a b c d", fontsize=20, fontname="zadb")
    path = save(doc, tmp_path / "glyphs.pdf")
    for setting in (False, True):
        pymupdf.TOOLS.unset_quad_corrections(setting)
        try:
            (body,) = blocks(parse(path), BlockKind.BODY)
            assert pymupdf.TOOLS.unset_quad_corrections() is setting
        finally:
            pymupdf.TOOLS.unset_quad_corrections(False)
        _, y0, _, y1 = body.attrs["spans"][0]["bbox"]
        assert (y0, y1) == pytest.approx((100 - 0.819 * 20, 100 + 0.144 * 20), abs=0.1)


@pytest.mark.parametrize("mode", [3, 7])
def test_invisible_render_mode_text_is_hidden(tmp_path: Path, mode: int) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Visible sentence about the case.", fontsize=11)
    page.insert_text((72, 130), "Patient John Smith MRN 12345678", fontsize=11,
                     render_mode=mode)
    result = parse(save(doc, tmp_path / "rm.pdf"))
    (hidden,) = blocks(result, BlockKind.HIDDEN)
    assert hidden.text == "Patient John Smith MRN 12345678"
    assert hidden.attrs["hidden_reason"] == "render-mode-3"
    assert hidden.attrs["spans"][0]["render_mode"] == mode
    assert "John" not in " ".join(b.text for b in blocks(result, BlockKind.BODY))


def test_text_outside_the_page_box_is_hidden_off_page(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "On the page.", fontsize=11)
    page.insert_text((page.rect.width + 50, 200), "Off the page: Jane Doe", fontsize=11)
    result = parse(save(doc, tmp_path / "off.pdf"))
    (hidden,) = blocks(result, BlockKind.HIDDEN)
    assert hidden.text == "Off the page: Jane Doe"
    assert hidden.attrs["hidden_reason"] == "off-page"


def test_white_text_keeps_its_colour_in_spans(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "white on white", fontsize=11, color=(1, 1, 1))
    result = parse(save(doc, tmp_path / "w.pdf"))
    (body,) = blocks(result, BlockKind.BODY)
    assert body.attrs["spans"][0]["color"] == "#ffffff"


def test_filled_rectangle_over_text_is_a_shape(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Name: Jane Doe, date of birth 01/02/1980", fontsize=11)
    page.draw_rect(pymupdf.Rect(100, 88, 180, 104), color=None, fill=(0, 0, 0),
                   fill_opacity=0.9)
    page.draw_rect(pymupdf.Rect(72, 300, 523, 300.5), color=None, fill=(0, 0, 0))  # a rule
    result = parse(save(doc, tmp_path / "box.pdf"))
    (shape,) = result.shapes
    assert shape.kind == "drawing" and shape.page == 1
    assert shape.fill == (0.0, 0.0, 0.0) and shape.opacity == pytest.approx(0.9, abs=0.01)
    assert shape.rect == pytest.approx((100, 88, 180, 104), abs=0.5)


def test_a_box_painted_after_the_text_it_overlaps_is_over_text(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(60, 85, 300, 105), color=None, fill=(0.9, 0.9, 0.9))
    page.insert_text((72, 100), "Text on a grey band.", fontsize=11)
    page.insert_text((72, 200), "Text under a box.", fontsize=11)
    page.draw_rect(pymupdf.Rect(60, 185, 300, 205), color=None, fill=(1, 1, 1))
    under, over = sorted(parse(save(doc, tmp_path / "order.pdf")).shapes,
                         key=lambda s: s.rect[1])
    assert (under.over_text, over.over_text) == (False, True)


def test_an_image_drawn_after_text_it_overlaps_is_over_text(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Covered words here.", fontsize=11)
    page.insert_image(pymupdf.Rect(72, 88, 160, 104), stream=png_bytes((40, 8)))
    page.insert_image(pymupdf.Rect(72, 188, 300, 260), stream=jpeg_bytes((50, 20)))
    page.insert_text((80, 220), "Label on the figure", fontsize=11)
    images = sorted(parse(save(doc, tmp_path / "over.pdf")).images,
                    key=lambda i: i.placements[0].rect[1])
    assert [i.placements[0].over_text for i in images] == [True, False]


def test_redact_and_highlight_annotations_are_shapes_and_annotation_text(tmp_path: Path
                                                                         ) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Seen at St Mary's Hospital on 3 March 2021", fontsize=11)
    page.add_redact_annot(pymupdf.Rect(130, 88, 220, 104), text="REDACTED")
    page.add_redact_annot(pymupdf.Rect(300, 88, 400, 104))  # no overlay text, no block
    highlight = page.add_highlight_annot(pymupdf.Rect(72, 88, 120, 104))
    highlight.set_info(content="check this date", title="Dr Reviewer")
    highlight.update()
    result = parse(save(doc, tmp_path / "annots.pdf"))
    kinds = sorted(s.kind for s in result.shapes)
    assert kinds == ["highlight", "redact-annotation", "redact-annotation"]
    annotations = {b.attrs["subtype"]: b for b in blocks(result, BlockKind.ANNOTATION)}
    assert annotations["Highlight"].text == "check this date"
    assert annotations["Highlight"].attrs["author"] == "Dr Reviewer"
    assert "REDACTED" in annotations["Redact"].text
    # annotation text is read once, as annotation, not again as page text
    assert all("check this" not in b.text for b in blocks(result, BlockKind.BODY))


def test_sticky_note_is_a_comment_with_author(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = text_lines(page, 60, ["Case presentation"], size=13, font="hebo")
    page.insert_text((72, y + 10), "The patient is well.", fontsize=10)
    note = page.add_text_annot((300, 100), "Is this Mrs Patel from ward 4?")
    note.set_info(title="A. Reviewer")
    note.update()
    freetext = page.add_freetext_annot(pymupdf.Rect(72, 400, 300, 440), "Call 020 7946 0000")
    freetext.update()
    result = parse(save(doc, tmp_path / "note.pdf"))
    (comment,) = blocks(result, BlockKind.COMMENT)
    assert comment.text == "Is this Mrs Patel from ward 4?"
    assert comment.attrs["author"] == "A. Reviewer" and comment.location.page == 1
    assert comment.section == ("Case presentation",)
    (free,) = blocks(result, BlockKind.ANNOTATION)
    assert free.attrs["subtype"] == "FreeText" and free.text == "Call 020 7946 0000"


def test_embedded_files_and_file_attachment_annotations(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "See attachments.", fontsize=11)
    doc.embfile_add("patient-list.csv", b"name,mrn\nJane,123\n", filename="patient-list.csv")
    page.add_file_annot((300, 300), b"raw scan bytes" * 10, "scan.jpg")
    result = parse(save(doc, tmp_path / "att.pdf"))
    names = {(f.name, f.kind, f.size) for f in result.embedded_files}
    assert ("patient-list.csv", "attachment", 18) in names
    assert any(name == "scan.jpg" for name, _, _ in names)


def test_info_and_xmp_metadata(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "x", fontsize=11)
    doc.set_metadata({"author": "Dr Jane Roe", "title": "Case of Mr K", "producer": "Word"})
    doc.set_xml_metadata(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Word">'
        "<dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li><rdf:li>John Poe</rdf:li></rdf:Seq>"
        "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
    result = parse(save(doc, tmp_path / "meta.pdf"))
    assert result.metadata["pdf:Author"] == "Dr Jane Roe"
    assert result.metadata["pdf:Title"] == "Case of Mr K"
    assert result.metadata["xmp:dc:creator"] == "Jane Roe; John Poe"
    assert result.metadata["xmp:xmp:CreatorTool"] == "Word"
    fields = {b.attrs["field"]: b.text for b in blocks(result, BlockKind.METADATA)}
    assert fields["pdf:Author"] == "Dr Jane Roe"


def test_incremental_save_counts_versions(tmp_path: Path) -> None:
    path = tmp_path / "inc.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "first version", fontsize=11)
    save(doc, path)
    doc = pymupdf.open(path)
    doc[0].insert_text((72, 130), "second version", fontsize=11)
    doc.saveIncr()
    doc.close()
    result = parse(path)
    assert result.attrs["pdf_versions"] == 2 and result.attrs["page_count"] == 1
    assert parse(save(pymupdf.open(path), tmp_path / "flat.pdf", garbage=3)).attrs[
        "pdf_versions"] == 1


def test_jpeg_kept_as_stored_flate_decoded_lazily_to_png(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    jpeg = jpeg_bytes((120, 80))
    page.insert_image(pymupdf.Rect(72, 72, 192, 152), stream=jpeg)
    page.insert_image(pymupdf.Rect(72, 200, 162, 260), stream=png_bytes((90, 60)))
    result = parse(save(doc, tmp_path / "img.pdf", deflate=True))
    by_format = {img.stream_filter: img for img in result.images}
    stored = by_format["DCTDecode"]
    assert stored.format == "jpeg" and stored.data == jpeg
    assert (stored.width, stored.height) == (120, 80)
    assert stored.id == f"p1-x{stored.location.xref}"
    flate = by_format["FlateDecode"]
    assert flate.data is None and flate.decoder is not None
    assert flate.attrs["stored_size"] > 0
    png = flate.encoded()
    assert png is not None and png.startswith(b"\x89PNG")
    assert Image.open(io.BytesIO(png)).size == (90, 60)


def test_decoder_refuses_images_over_the_pixel_limit(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_image(pymupdf.Rect(72, 72, 172, 172), stream=png_bytes((300, 300)))
    path = save(doc, tmp_path / "big.pdf")
    from mslint.parser import ParseLimits

    small = ParseOptions(root=tmp_path, limits=ParseLimits(max_image_pixels=10_000))
    (image,) = PdfParser().parse(path, small).images
    with pytest.raises(ValueError, match="over the limit"):
        image.encoded()


def test_decoder_reports_an_undecodable_stream_as_value_error(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    xref = page.insert_image(pymupdf.Rect(72, 72, 172, 172), stream=png_bytes((50, 50)))
    doc.xref_set_key(xref, "ColorSpace", "/NoSuchColourSpace")
    (image,) = parse(save(doc, tmp_path / "broken-image.pdf")).images
    with pytest.raises(ValueError, match="cannot be decoded"):
        image.encoded()


def test_every_placement_with_visible_part_after_clipping(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page1 = doc.new_page()
    jpeg = jpeg_bytes((200, 100))
    xref = page1.insert_image(pymupdf.Rect(72, 72, 272, 172), stream=jpeg)
    clip_last_image(doc, page1, (72, 72, 172, 122))
    page2 = doc.new_page()
    page2.insert_image(pymupdf.Rect(100, 300, 200, 350), xref=xref)
    page2.insert_image(pymupdf.Rect(500, 700, 700, 800), xref=xref)  # runs off the page
    result = parse(save(doc, tmp_path / "clip.pdf"))
    (image,) = result.images
    assert image.id == f"p1-x{xref}"
    first, second, third = image.placements
    assert first.page == 1 and first.rect == pytest.approx((72, 72, 272, 172))
    assert first.visible == pytest.approx((72, 72, 172, 122))
    assert second.page == 2 and second.visible == pytest.approx(second.rect)
    assert third.visible == pytest.approx((500, 700, 595, 800), abs=0.5)


def test_inline_image_is_listed_with_png_bytes_and_placement(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A scan drawn as an inline image:", fontsize=11)
    samples = bytes([200, 30, 30] * 16)
    append_content(doc, page, b"q 40 0 0 40 100 600 cm BI /W 4 /H 4 /CS /RGB /BPC 8 ID "
                   + samples + b" EI Q")
    result = parse(save(doc, tmp_path / "inline.pdf"))
    (image,) = result.images
    assert image.id == "p1-inline1" and image.attrs["inline"] is True
    assert (image.width, image.height) == (4, 4)
    assert Image.open(io.BytesIO(image.data)).convert("RGB").getpixel((0, 0)) == (200, 30, 30)
    (placement,) = image.placements
    assert placement.rect == pytest.approx((100, 202, 140, 242))


def test_inline_image_in_a_later_content_stream_of_the_page_is_found(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Text in the first content stream.", fontsize=11)
    (first,) = page.get_contents()
    second = doc.get_new_xref()
    doc.update_object(second, "<<>>")
    doc.update_stream(second, b"q 30 0 0 20 300 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID "
                      + bytes([10, 60, 110, 160]) + b" EI Q")
    doc.xref_set_key(page.xref, "Contents", f"[{first} 0 R {second} 0 R]")
    result = parse(save(doc, tmp_path / "two-streams.pdf"))
    (image,) = result.images
    assert image.id == "p1-inline1" and (image.width, image.height) == (2, 2)
    assert image.placements[0].rect == pytest.approx((300, 322, 330, 342))


def test_image_inside_a_form_xobject_is_listed_once_with_its_placement(tmp_path: Path) -> None:
    source = pymupdf.open()
    inner = source.new_page(width=300, height=200)
    inner.insert_image(pymupdf.Rect(50, 50, 250, 150), stream=jpeg_bytes((160, 80)))
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "A page drawn from another one:", fontsize=11)
    page.show_pdf_page(pymupdf.Rect(72, 100, 372, 300), source, 0)
    page.show_pdf_page(pymupdf.Rect(72, 400, 222, 500), source, 0)
    path = save(doc, tmp_path / "form.pdf", garbage=3)
    listed = {(x[0], x[2], x[3]) for x in pymupdf.open(path)[0].get_images(full=True)}
    result = parse(path)
    (image,) = result.images
    assert listed == {(image.location.xref, 160, 80)}
    assert [p.rect for p in image.placements] == [
        pytest.approx((122, 150, 322, 250)), pytest.approx((97, 425, 197, 475))]


def test_page_thumbnail_is_an_image_marked_thumbnail(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Page with a thumbnail.", fontsize=11)
    thumb = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 28), False)
    thumb.clear_with(200)
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Type /XObject /Subtype /Image /Width 20 /Height 28 "
                      "/ColorSpace /DeviceRGB /BitsPerComponent 8 >>")
    doc.update_stream(xref, thumb.samples)
    doc.xref_set_key(page.xref, "Thumb", f"{xref} 0 R")
    result = parse(save(doc, tmp_path / "thumb.pdf"))
    (image,) = result.images
    assert image.attrs["thumbnail"] is True and image.placements == ()
    assert (image.width, image.height) == (20, 28)
    assert image.encoded().startswith(b"\x89PNG")


_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=30)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_TEXT, min_size=1, max_size=6))
def test_random_text_round_trips(tmp_path: Path, words: list[str]) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    for i, word in enumerate(words):
        page.insert_text((72, 80 + 40 * i), word, fontsize=11)
    result = parse(save(doc, tmp_path / "prop.pdf"))
    text = [b.text for b in result.blocks if b.kind is not BlockKind.METADATA]
    assert text == words
    for block in result.blocks:
        if block.kind is BlockKind.METADATA:
            continue
        spans = block.attrs["spans"]
        assert "".join(block.text[s["start"]:s["end"]] for s in spans) == block.text
