"""The DOCX parser: every layer of a Word package lands in the Document model."""

from __future__ import annotations

import string
from pathlib import Path

from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests import docx_fixtures as fx

from mslint.model import BlockKind, Document
from mslint.parser import ParseOptions
from mslint.parsers.docx import DocxParser


def parse(tmp_path: Path, doc, name: str = "paper.docx") -> Document:
    path = fx.save(doc, tmp_path / name)
    return DocxParser().parse(path, ParseOptions(root=tmp_path))


def only(doc: Document, kind: BlockKind) -> list:
    return list(doc.blocks_of(kind))


def test_body_paragraphs_keep_reading_order_and_one_based_numbers(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("First paragraph.")
    d.add_paragraph("")
    d.add_paragraph("Third paragraph.")
    doc = parse(tmp_path, d)
    body = [(b.text, b.location.paragraph, b.location.part) for b in only(doc, BlockKind.BODY)]
    assert body == [
        ("First paragraph.", 1, "word/document.xml"),
        ("Third paragraph.", 3, "word/document.xml"),
    ]


def test_table_paragraphs_are_counted_in_body_order_and_cells_carry_coordinates(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Before the table.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(1, 1).text = "MRN 12345678"
    d.add_paragraph("After the table.")
    doc = parse(tmp_path, d)
    cell = next(b for b in doc.blocks if "MRN" in b.text)
    assert cell.kind is BlockKind.TABLE_CELL
    assert (cell.attrs["table"], cell.attrs["row"], cell.attrs["col"]) == (1, 2, 2)
    assert cell.location.paragraph == 5
    after = next(b for b in doc.blocks if b.text == "After the table.")
    assert after.location.paragraph == 6


def test_heading_styles_set_the_section_path_of_following_blocks(tmp_path) -> None:
    d = fx.blank()
    d.add_heading("Case report", level=1)
    d.add_heading("Case presentation", level=2)
    d.add_paragraph("A 54-year-old man.")
    d.add_heading("Discussion", level=1)
    d.add_paragraph("We discuss.")
    doc = parse(tmp_path, d)
    sections = {b.text: b.section for b in only(doc, BlockKind.BODY)}
    assert sections == {
        "A 54-year-old man.": ("Case report", "Case presentation"),
        "We discuss.": ("Discussion",),
    }
    assert [b.attrs["level"] for b in only(doc, BlockKind.HEADING)] == [1, 2, 1]


def test_outline_level_in_paragraph_properties_makes_a_heading(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Methods")
    p._p.get_or_add_pPr().append(fx.xml('<w:outlineLvl w:val="0"/>'))
    d.add_paragraph("We did things.")
    doc = parse(tmp_path, d)
    assert next(b for b in doc.blocks if b.text == "We did things.").section == ("Methods",)


def test_bold_short_lines_are_headings_for_authors_who_never_use_styles(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph().add_run("Case presentation").bold = True
    d.add_paragraph("A woman presented with pain. She was treated.")
    d.add_paragraph().add_run(
        "A long bold sentence that is really body text, not a title."
    ).bold = True
    d.add_paragraph("Closing text.")
    doc = parse(tmp_path, d)
    assert [b.text for b in only(doc, BlockKind.HEADING)] == ["Case presentation"]
    assert next(b for b in doc.blocks if b.text == "Closing text.").section == (
        "Case presentation",
    )


def test_numbered_bold_headings_nest_by_their_numbering(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph().add_run("2 Methods").bold = True
    d.add_paragraph().add_run("2.1 Consent").bold = True
    d.add_paragraph("Written consent was obtained.")
    doc = parse(tmp_path, d)
    block = next(b for b in doc.blocks if b.text.startswith("Written"))
    assert block.section == ("2 Methods", "2.1 Consent")


def test_headers_and_footers_are_their_own_blocks_with_their_part(tmp_path) -> None:
    d = fx.blank()
    d.sections[0].header.paragraphs[0].text = "St Elsewhere Hospital - confidential"
    d.sections[0].footer.paragraphs[0].text = "Page footer: J. Smith"
    d.add_paragraph("Body.")
    doc = parse(tmp_path, d)
    blocks = only(doc, BlockKind.HEADER_FOOTER)
    assert {b.text for b in blocks} == {
        "St Elsewhere Hospital - confidential",
        "Page footer: J. Smith",
    }
    assert all(b.location.part.startswith(("word/header", "word/footer")) for b in blocks)


def test_footnotes_are_read_and_located_at_the_citing_paragraph(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Intro.")
    cited = d.add_paragraph("Cited here.")
    fx.add_note(d, cited, "Patient seen at Ward 7 on 3 May 2021.")
    doc = parse(tmp_path, d)
    (note,) = only(doc, BlockKind.FOOTNOTE)
    assert note.text == "Patient seen at Ward 7 on 3 May 2021."
    assert (note.location.paragraph, note.location.part) == (2, "word/footnotes.xml")


def test_comments_keep_text_author_date_and_anchor(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Opening.")
    p = d.add_paragraph("The patient, Mrs Jones, agreed.")
    d.add_comment(p.runs, text="Is this her real name?", author="Dr Alice Reviewer", initials="AR")
    doc = parse(tmp_path, d)
    (comment,) = only(doc, BlockKind.COMMENT)
    assert comment.text == "Is this her real name?"
    assert comment.attrs["author"] == "Dr Alice Reviewer"
    assert comment.attrs["initials"] == "AR"
    assert comment.attrs["date"]
    assert comment.location.paragraph == 2


def test_tracked_deletions_are_kept_apart_from_the_visible_text(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("The patient ")
    fx.add_deletion(p, "John Smith ", author="eng-dept")
    p.add_run("recovered.")
    doc = parse(tmp_path, d)
    (body,) = only(doc, BlockKind.BODY)
    assert body.text == "The patient recovered."
    (deleted,) = only(doc, BlockKind.TRACKED_DELETION)
    assert deleted.text == "John Smith "
    assert deleted.attrs["author"] == "eng-dept" and deleted.location.paragraph == 1


def test_tracked_insertions_are_visible_and_listed_with_their_author(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Seen on ")
    fx.add_insertion(p, "12 March 2020", author="Dr Editor")
    doc = parse(tmp_path, d)
    (body,) = only(doc, BlockKind.BODY)
    assert body.text == "Seen on 12 March 2020"
    (inserted,) = only(doc, BlockKind.TRACKED_INSERTION)
    assert (inserted.text, inserted.attrs["author"]) == ("12 March 2020", "Dr Editor")


def test_hidden_runs_become_hidden_blocks_with_reason_vanish(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Visible start. ")
    p.add_run("Hospital number 998877.").font.hidden = True
    doc = parse(tmp_path, d)
    (body,) = only(doc, BlockKind.BODY)
    assert "998877" not in body.text
    (hidden,) = only(doc, BlockKind.HIDDEN)
    assert hidden.text == "Hospital number 998877."
    assert hidden.attrs["hidden_reason"] == "vanish"


def test_white_text_and_black_highlight_are_recorded_as_span_facts(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Name: ")
    white = p.add_run("Jane Doe")
    white.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    p.add_run(" and ")
    black = p.add_run("DOB 1970")
    black.font.highlight_color = WD_COLOR_INDEX.BLACK
    doc = parse(tmp_path, d)
    (body,) = only(doc, BlockKind.BODY)
    spans = body.attrs["spans"]
    white_span = next(s for s in spans if s["color"] == "#ffffff")
    black_span = next(s for s in spans if s["highlight"] == "#000000")
    assert body.text[white_span["start"] : white_span["end"]] == "Jane Doe"
    assert body.text[black_span["start"] : black_span["end"]] == "DOB 1970"
    assert "color" not in body.attrs


def test_a_uniform_run_colour_is_also_a_block_attribute(tmp_path) -> None:
    d = fx.blank()
    run = d.add_paragraph().add_run("All white text.")
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    doc = parse(tmp_path, d)
    assert only(doc, BlockKind.BODY)[0].attrs["color"] == "#ffffff"


def test_text_boxes_are_read_once_even_with_a_vml_fallback(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Anchor paragraph.")
    fx.add_text_box(p, "Patient initials: K.L.", fallback=True)
    doc = parse(tmp_path, d)
    boxes = only(doc, BlockKind.TEXT_BOX)
    assert [b.text for b in boxes] == ["Patient initials: K.L."]
    assert boxes[0].location.paragraph == 1
    assert only(doc, BlockKind.BODY)[0].text == "Anchor paragraph."


def test_images_have_part_name_bytes_format_pixel_and_displayed_size(tmp_path) -> None:
    d = fx.blank()
    data = fx.png_bytes(40, 30)
    fx.add_picture(d, data, width_in=2.0)
    doc = parse(tmp_path, d)
    (image,) = [i for i in doc.images if not i.attrs.get("thumbnail")]
    assert image.id.startswith("word/media/") and image.id == image.location.part
    assert image.data == data and image.format == "png"
    assert (image.width, image.height) == (40, 30)
    assert image.displayed_size is not None
    assert round(image.displayed_size[0]) == 144 and round(image.displayed_size[1]) == 108
    assert image.location.paragraph == 1


def test_crop_rectangle_is_read_as_fractions(tmp_path) -> None:
    d = fx.blank()
    p = fx.add_picture(d, fx.png_bytes(100, 100))
    fx.crop_last_picture(p, 25000, 0, 10000, 50000)
    doc = parse(tmp_path, d)
    (image,) = [i for i in doc.images if not i.attrs.get("thumbnail")]
    assert image.crop is not None
    assert (image.crop.left, image.crop.top, image.crop.right, image.crop.bottom) == (
        0.25,
        0.0,
        0.1,
        0.5,
    )
    assert image.crop.is_cropped


def test_alt_text_descr_and_title_become_alt_text_blocks(tmp_path) -> None:
    d = fx.blank()
    fx.add_picture(d, descr="Photo of Mr Brown's face", title="Clinical photo")
    doc = parse(tmp_path, d)
    alts = {b.attrs["field"]: b for b in only(doc, BlockKind.ALT_TEXT)}
    (image,) = [i for i in doc.images if not i.attrs.get("thumbnail")]
    assert alts["descr"].text == "Photo of Mr Brown's face"
    assert alts["title"].text == "Clinical photo"
    assert alts["descr"].attrs["image_id"] == image.id
    assert image.alt_text == "Photo of Mr Brown's face"


def test_vml_images_are_read_with_size_crop_and_alt_text(tmp_path) -> None:
    d = fx.blank()
    fx.add_vml_picture(d, fx.jpeg_bytes(64, 48), alt="Old style picture", title="legacy")
    doc = parse(tmp_path, d)
    (image,) = [i for i in doc.images if not i.attrs.get("thumbnail")]
    assert (image.format, image.width, image.height) == ("jpeg", 64, 48)
    assert image.displayed_size == (144.0, 72.0)
    assert image.crop is not None and image.crop.left == 0.1
    assert image.attrs["vml"] is True
    assert {b.text for b in only(doc, BlockKind.ALT_TEXT)} == {"Old style picture", "legacy"}


def test_externally_linked_images_have_a_uri_and_no_bytes(tmp_path) -> None:
    d = fx.blank()
    fx.add_external_picture(d, "file:///C:/Users/jsmith/Pictures/patient.png")
    doc = parse(tmp_path, d)
    (image,) = [i for i in doc.images if i.external_uri]
    assert image.external_uri == "file:///C:/Users/jsmith/Pictures/patient.png"
    assert image.data is None and image.format == "png"


def test_the_package_thumbnail_is_an_image_marked_thumbnail(tmp_path) -> None:
    doc = parse(tmp_path, fx.blank())
    thumbs = [i for i in doc.images if i.attrs.get("thumbnail")]
    assert [t.id for t in thumbs] == ["docProps/thumbnail.jpeg"]
    assert thumbs[0].format == "jpeg" and thumbs[0].width and thumbs[0].data


def test_ole_objects_are_embedded_files_and_their_preview_an_image(tmp_path) -> None:
    d = fx.blank()
    fx.add_ole_object(d, b"\xd0\xcf\x11\xe0" + b"\x00" * 600, fx.png_bytes(20, 20))
    doc = parse(tmp_path, d)
    (ole,) = doc.embedded_files
    assert (ole.name, ole.kind, ole.size) == ("word/embeddings/oleObject1.bin", "ole", 604)
    assert ole.location.paragraph == 1
    assert any(i.attrs.get("vml") for i in doc.images)


def test_core_app_and_custom_properties_are_metadata(tmp_path) -> None:
    d = fx.blank()
    d.core_properties.author = "Dr Jane Author"
    d.core_properties.last_modified_by = "Ward 5 PC"
    fx.add_custom_property(d, "PatientRef", "HN-44556")
    doc = parse(tmp_path, d)
    assert doc.metadata["core:creator"] == "Dr Jane Author"
    assert doc.metadata["core:lastModifiedBy"] == "Ward 5 PC"
    assert doc.metadata["custom:PatientRef"] == "HN-44556"
    blocks = {b.attrs["field"]: b for b in only(doc, BlockKind.METADATA)}
    assert blocks["custom:PatientRef"].text == "HN-44556"
    assert blocks["custom:PatientRef"].location.part == "docProps/custom.xml"
    assert any(f.startswith("app:") for f in doc.metadata)


def test_custom_xml_data_and_glossary_entries_are_metadata(tmp_path) -> None:
    d = fx.blank()
    fx.add_custom_xml(d, 10, (
        '<p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties">'
        "<documentManagement><PatientName>Maria Garcia</PatientName><Ward>Ward 5</Ward>"
        "<TaxCatchAll/></documentManagement></p:properties>"))
    fx.add_custom_xml(d, 11, (
        '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/'
        'bibliography"><b:Source><b:Tag>Smi20</b:Tag></b:Source></b:Sources>'))
    fx.add_glossary_entry(d, "Clinic letter", "Re: John Smith, MRN 1234567")
    doc = parse(tmp_path, d)
    blocks = {b.attrs["field"]: b for b in only(doc, BlockKind.METADATA)}
    assert blocks["customxml:PatientName"].text == "Maria Garcia"
    assert blocks["customxml:PatientName"].location.part == "customXml/item10.xml"
    assert blocks["customxml:Ward"].text == "Ward 5"
    assert not any(f.startswith("customxml:Tag") for f in blocks)  # bibliography: cited works
    assert blocks["glossary:Clinic letter"].text == "Re: John Smith, MRN 1234567"
    assert doc.metadata["glossary:Clinic letter"] == "Re: John Smith, MRN 1234567"


def test_rsid_count_is_the_number_of_editing_sessions_in_settings(tmp_path) -> None:
    d = fx.blank()
    settings_el = d.settings.element
    for old in settings_el.findall(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rsids"
    ):
        settings_el.remove(old)
    settings_el.append(
        fx.xml(
            '<w:rsids><w:rsidRoot w:val="00A1"/><w:rsid w:val="00A1"/>'
            '<w:rsid w:val="00B2"/><w:rsid w:val="00C3"/></w:rsids>'
        )
    )
    doc = parse(tmp_path, d)
    assert doc.attrs["docx_rsid_count"] == 3


def test_docm_and_dotx_extensions_are_claimed() -> None:
    parser = DocxParser()
    assert parser.format == "docx"
    assert set(parser.extensions) == {".docx", ".docm", ".dotx"}
    assert parser.sniff(b"PK\x03\x04rest") and not parser.sniff(b"%PDF-1.7")


_TEXT = st.text(
    alphabet=st.sampled_from(string.ascii_letters + string.digits + " .,;:!?()-'éüß€"),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip() != "")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(_TEXT, min_size=1, max_size=5))
def test_random_paragraph_text_round_trips(tmp_path, texts) -> None:
    d = fx.blank()
    for text in texts:
        d.add_paragraph(text)
    doc = parse(tmp_path, d)
    kinds = (BlockKind.BODY, BlockKind.HEADING, BlockKind.CAPTION)
    assert [b.text for b in doc.blocks if b.kind in kinds] == texts


def test_external_hyperlink_targets_are_recorded_over_their_text(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Contact ")
    fx.add_hyperlink(p, "the author", "mailto:jane.doe@hospital.example")
    doc = parse(tmp_path, d)
    (body,) = only(doc, BlockKind.BODY)
    (link,) = body.attrs["links"]
    assert link["uri"] == "mailto:jane.doe@hospital.example"
    assert body.text[link["start"]:link["end"]] == "the author"


def test_hyperlink_fields_are_recorded_and_bookmark_links_are_not(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("See ")
    target = "file:///C:/Users/jsmith/x.docx"
    fx.add_run_xml(p, f'<w:fldSimple w:instr=" HYPERLINK &quot;{target}&quot; ">'
                      "<w:r><w:t>file</w:t></w:r></w:fldSimple>")
    fx.add_run_xml(p, '<w:fldSimple w:instr=" HYPERLINK \\l &quot;_Ref1&quot; ">'
                      "<w:r><w:t> here</w:t></w:r></w:fldSimple>")
    doc = parse(tmp_path, d)
    (body,) = only(doc, BlockKind.BODY)
    assert [link["uri"] for link in body.attrs["links"]] == [target]


def test_attached_template_path_is_metadata(tmp_path) -> None:
    d = fx.blank()
    fx.attach_template(d, "file:///C:/Users/drsmith/AppData/Roaming/Templates/Normal.dotm")
    doc = parse(tmp_path, d)
    assert doc.metadata["external:attachedTemplate"].startswith("file:///C:/Users/drsmith")
    block = next(b for b in only(doc, BlockKind.METADATA)
                 if b.attrs["field"] == "external:attachedTemplate")
    assert block.location.part == "word/settings.xml"


def test_tiny_font_runs_are_recorded_as_spans(tmp_path) -> None:
    from docx.shared import Pt

    d = fx.blank()
    p = d.add_paragraph("Normal text ")
    p.add_run("tiny name Bob Jones").font.size = Pt(1)
    doc = parse(tmp_path, d)
    (body,) = only(doc, BlockKind.BODY)
    (span,) = body.attrs["spans"]
    assert span["size"] == 1.0 and body.text[span["start"]:span["end"]] == "tiny name Bob Jones"


def test_chart_titles_and_category_labels_are_text_box_blocks(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Intro.")
    fx.add_chart(d, "Weight of patient JD", ["Admission", "Discharge"])
    doc = parse(tmp_path, d)
    (chart,) = only(doc, BlockKind.TEXT_BOX)
    assert chart.text == "Weight of patient JD\nAdmission\nDischarge"
    assert chart.attrs["source"] == "chart"
    assert (chart.location.paragraph, chart.location.part) == (2, "word/charts/chart1.xml")


def test_bold_label_value_lines_are_not_headings(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph().add_run("ORCID: 0000-0002-1870-7966").bold = True
    d.add_paragraph().add_run("jane@example.org").bold = True
    doc = parse(tmp_path, d)
    assert only(doc, BlockKind.HEADING) == []


def test_page_background_colour_is_a_document_attribute(tmp_path) -> None:
    d = fx.blank()
    d.element.insert(0, fx.xml('<w:background w:color="000000"/>'))
    doc = parse(tmp_path, d)
    assert doc.attrs["docx_page_background"] == "#000000"


def test_a_text_box_inside_a_text_box_is_read_once(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Anchor.")
    fx.add_text_box(p, "Outer box", fallback=False)
    outer_p = p._p.xpath(".//w:txbxContent/w:p")[0]
    inner = fx.blank().add_paragraph()
    fx.add_text_box(inner, "Inner box MRN 4455", fallback=False)
    outer_p.append(inner._p.xpath("./w:r")[0])
    doc = parse(tmp_path, d)
    assert [b.text for b in only(doc, BlockKind.TEXT_BOX)] == ["Outer box",
                                                               "Inner box MRN 4455"]


def test_an_alt_chunk_is_reported_as_an_embedded_package(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Body.")
    fx.add_alt_chunk(d, b"<html><body>Patient Mary Roe, DOB 1.2.1960</body></html>")
    doc = parse(tmp_path, d)
    (chunk,) = doc.embedded_files
    assert (chunk.name, chunk.kind, chunk.content_type) == ("word/afchunk1.htm", "package",
                                                            "text/html")


def test_text_in_a_hidden_character_style_is_hidden(tmp_path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    d = fx.blank()
    secret = d.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
    secret.font.hidden = True
    p = d.add_paragraph("Shown. ")
    p.add_run("Ward 9 bed 4", style="Secret")
    doc = parse(tmp_path, d)
    assert only(doc, BlockKind.BODY)[0].text == "Shown. "
    assert [b.text for b in only(doc, BlockKind.HIDDEN)] == ["Ward 9 bed 4"]


def test_a_custom_style_based_on_a_heading_style_is_a_heading(tmp_path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    d = fx.blank()
    custom = d.styles.add_style("Journal Section", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = d.styles["Heading 1"]
    d.add_paragraph("Case presentation", style="Journal Section")
    d.add_paragraph("Text.")
    doc = parse(tmp_path, d)
    assert next(b for b in doc.blocks if b.text == "Text.").section == ("Case presentation",)


def test_endnotes_are_footnote_blocks_marked_endnote(tmp_path) -> None:
    d = fx.blank()
    cited = d.add_paragraph("Cited.")
    fx.add_note(d, cited, "Seen by Dr Who at St Mary's.", kind="endnote")
    doc = parse(tmp_path, d)
    (note,) = only(doc, BlockKind.FOOTNOTE)
    assert note.attrs["note_type"] == "endnote" and note.location.part == "word/endnotes.xml"
    assert note.location.paragraph == 1


def test_paragraph_and_cell_shading_are_the_block_background(tmp_path) -> None:
    d = fx.blank()
    p = d.add_paragraph("Shaded paragraph.")
    p._p.get_or_add_pPr().append(fx.xml('<w:shd w:val="clear" w:color="auto" w:fill="000000"/>'))
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Shaded cell."
    cell._tc.get_or_add_tcPr().append(fx.xml('<w:shd w:val="clear" w:fill="FFFF00"/>'))
    doc = parse(tmp_path, d)
    shading = {b.text: b.attrs.get("shading") for b in doc.blocks if "Shaded" in b.text}
    assert shading == {"Shaded paragraph.": "#000000", "Shaded cell.": "#ffff00"}
