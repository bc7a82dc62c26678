"""DOCX figures: legends found per layout and paired with the right images."""

from __future__ import annotations

from pathlib import Path

from tests import docx_fixtures as fx

from mslint.model import BlockKind, Document
from mslint.parser import ParseOptions
from mslint.parsers.docx import DocxParser


def parse(tmp_path: Path, doc) -> Document:
    path = fx.save(doc, tmp_path / "figures.docx")
    return DocxParser().parse(path, ParseOptions(root=tmp_path))


def picture(doc, shade: int) -> None:
    fx.add_picture(doc, fx.png_bytes(30 + shade, 20, (shade * 40, 10, 10)))


def figure_map(doc: Document) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {f.label: (f.legend, f.image_ids) for f in doc.figures}


def media(doc: Document) -> list[str]:
    return [i.id for i in doc.images if not i.attrs.get("thumbnail")]


def test_captions_below_their_images_are_paired_with_them(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Introduction text.")
    picture(d, 1)
    d.add_paragraph("Figure 1. Chest radiograph on admission.")
    d.add_paragraph("Figure 2 shows the follow-up, described below.")
    picture(d, 2)
    d.add_paragraph("Figure 2: Follow-up CT.")
    doc = parse(tmp_path, d)
    ids = media(doc)
    assert figure_map(doc) == {
        "Figure 1": ("Chest radiograph on admission.", (ids[0],)),
        "Figure 2": ("Follow-up CT.", (ids[1],)),
    }
    body = next(b for b in doc.blocks if b.text.startswith("Figure 2 shows"))
    assert body.kind is BlockKind.BODY
    caption = doc.blocks[doc.figures[0].legend_block]
    assert caption.kind is BlockKind.CAPTION and caption.attrs["figure_label"] == "Figure 1"
    assert caption.attrs["caption_position"] == "below"
    assert doc.figures[0].location.paragraph == 3


def test_captions_above_their_images_are_paired_with_the_image_that_follows(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Fig. 1 Clinical photograph of the lesion")
    picture(d, 1)
    d.add_paragraph("Fig. 2 Histology")
    picture(d, 2)
    d.add_paragraph("Discussion text follows here.")
    doc = parse(tmp_path, d)
    ids = media(doc)
    assert figure_map(doc) == {
        "Figure 1": ("Clinical photograph of the lesion", (ids[0],)),
        "Figure 2": ("Histology", (ids[1],)),
    }
    assert {doc.blocks[f.legend_block].attrs["caption_position"] for f in doc.figures} == {"above"}
    assert {i.figure_label for i in doc.images if i.id in ids} == {"Figure 1", "Figure 2"}


def test_legends_gathered_in_a_figure_legends_section_pair_by_number(tmp_path) -> None:
    d = fx.blank()
    d.add_heading("Case presentation", level=1)
    d.add_paragraph("See Figure 1 and Figure 2.")
    picture(d, 1)
    picture(d, 2)
    d.add_heading("Figure legends", level=1)
    d.add_paragraph("Figure 2. Second image legend.")
    d.add_paragraph("Figure 1. First image legend.")
    doc = parse(tmp_path, d)
    ids = media(doc)
    assert figure_map(doc) == {
        "Figure 1": ("First image legend.", (ids[0],)),
        "Figure 2": ("Second image legend.", (ids[1],)),
    }
    legend = doc.blocks[doc.figures[0].legend_block]
    assert legend.section == ("Figure legends",)
    assert legend.attrs["caption_position"] == "legends-section"


def test_a_legends_section_without_images_gives_figures_without_images(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Text.")
    d.add_heading("Legends to figures", level=1)
    d.add_paragraph("Figure 1 Flowchart of the study population")
    doc = parse(tmp_path, d)
    assert figure_map(doc) == {"Figure 1": ("Flowchart of the study population", ())}


def test_caption_style_paragraphs_are_captions(tmp_path) -> None:
    d = fx.blank()
    picture(d, 1)
    d.add_paragraph("Figure 1 MRI of the knee", style="Caption")
    doc = parse(tmp_path, d)
    (figure,) = doc.figures
    assert figure.legend == "MRI of the knee" and figure.image_ids == tuple(media(doc))
    assert doc.blocks[figure.legend_block].attrs["style"] == "Caption"


def test_a_seq_field_caption_without_a_label_word_is_numbered_by_its_field(tmp_path) -> None:
    d = fx.blank()
    picture(d, 1)
    p = d.add_paragraph()
    fx.add_run_xml(
        p, '<w:fldSimple w:instr=" SEQ Figure \\* ARABIC "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    )
    p.add_run(": Ultrasound image")
    doc = parse(tmp_path, d)
    (figure,) = doc.figures
    assert (figure.label, figure.legend) == ("Figure 1", "Ultrasound image")
    assert figure.image_ids == tuple(media(doc))


def test_a_caption_in_a_text_box_beside_the_image_is_paired_with_it(tmp_path) -> None:
    d = fx.blank()
    p = fx.add_picture(d, fx.png_bytes())
    fx.add_text_box(p, "Figure 1: Dermoscopy of the naevus")
    doc = parse(tmp_path, d)
    (figure,) = doc.figures
    assert figure.legend == "Dermoscopy of the naevus"
    assert figure.image_ids == tuple(media(doc))
    block = doc.blocks[figure.legend_block]
    assert block.kind is BlockKind.CAPTION and block.attrs["text_box"] is True


def test_table_captions_are_captions_but_not_figures(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Table 1. Baseline characteristics")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Age"
    d.add_paragraph("Table 2 shows the outcomes.")
    doc = parse(tmp_path, d)
    caption = next(b for b in doc.blocks if b.text.startswith("Table 1"))
    assert caption.kind is BlockKind.CAPTION and caption.attrs["table_label"] == "Table 1"
    assert next(b for b in doc.blocks if b.text.startswith("Table 2")).kind is BlockKind.BODY
    assert doc.figures == []


def test_body_sentences_starting_with_a_figure_reference_are_not_captions(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Figure 3 shows the rash on day 2.")
    d.add_paragraph("Figure 4 Demonstrates nothing and has no image")
    doc = parse(tmp_path, d)
    assert doc.figures == []
    assert all(b.kind is BlockKind.BODY for b in doc.blocks if b.text.startswith("Figure"))


def test_several_image_paragraphs_before_one_caption_all_belong_to_it(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Text before.")
    picture(d, 1)
    picture(d, 2)
    d.add_paragraph("Figure 1. (A) before and (B) after treatment.")
    doc = parse(tmp_path, d)
    (figure,) = doc.figures
    assert figure.image_ids == tuple(media(doc))


def test_a_short_table_line_directly_above_a_table_is_its_caption(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Results were as follows.")
    d.add_paragraph("Table 6 adjusted log BE")
    d.add_table(rows=1, cols=2).cell(0, 0).text = "OR"
    doc = parse(tmp_path, d)
    caption = next(b for b in doc.blocks if b.text.startswith("Table 6"))
    assert caption.kind is BlockKind.CAPTION and caption.attrs["table_label"] == "Table 6"


def test_a_figure_laid_out_in_a_table_pairs_the_caption_cell_with_the_image_cell(tmp_path) -> None:
    d = fx.blank()
    table = d.add_table(rows=2, cols=1)
    fx.add_picture(d, fx.png_bytes(), paragraph=table.cell(0, 0).paragraphs[0])
    table.cell(1, 0).text = "Figure 1. Wound on day 3."
    doc = parse(tmp_path, d)
    (figure,) = doc.figures
    assert (figure.legend, figure.image_ids) == ("Wound on day 3.", tuple(media(doc)))
    assert figure.location.paragraph == 2
    caption = doc.blocks[figure.legend_block]
    assert caption.kind is BlockKind.CAPTION and caption.attrs["row"] == 2


def test_short_labels_at_the_images_take_their_legends_from_the_legends_section(tmp_path) -> None:
    d = fx.blank()
    d.add_paragraph("Text.")
    d.add_paragraph("Figure 1")
    picture(d, 1)
    d.add_paragraph("Figure 2")
    picture(d, 2)
    d.add_heading("Figure legends", level=1)
    d.add_paragraph("Figure 1. Full legend one.")
    d.add_paragraph("Figure 2. Full legend two.")
    d.add_heading("Graphical abstract", level=1)
    picture(d, 3)
    doc = parse(tmp_path, d)
    ids = media(doc)
    assert figure_map(doc) == {
        "Figure 1": ("Full legend one.", (ids[0],)),
        "Figure 2": ("Full legend two.", (ids[1],)),
    }
    assert doc.blocks[doc.figures[0].legend_block].section == ("Figure legends",)
