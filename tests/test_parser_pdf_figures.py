"""Figure legends paired with their images in PDFs, one test per layout."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from tests.pdf_fixtures import (
    figure_with_caption,
    jpeg_bytes,
    paragraph,
    png_bytes,
    save,
    text_lines,
)

from mslint.model import Document
from mslint.parser import ParseOptions
from mslint.parsers.pdf import PdfParser
from mslint.parsers.pdf_sections import caption_label

FILLER = ("The lesion was followed up in clinic and the treatment continued as planned "
          "for the following weeks. ") * 3


def parse(path: Path) -> Document:
    return PdfParser().parse(path, ParseOptions(root=path.parent))


def pairs(doc: Document) -> dict[str, tuple[int, ...]]:
    """label -> xrefs of its images."""
    by_id = {img.id: img.location.xref for img in doc.images}
    return {f.label: tuple(by_id[i] for i in f.image_ids) for f in doc.figures}


def test_caption_below_each_image(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    paragraph(page, (72, 50, 523, 110), FILLER)
    x1 = page.insert_image(pymupdf.Rect(72, 120, 272, 220), stream=jpeg_bytes((200, 100)))
    paragraph(page, (72, 226, 523, 260), "Figure 1. Rash on the forearm at presentation.",
              size=9)
    paragraph(page, (72, 270, 523, 330), FILLER)
    x2 = page.insert_image(pymupdf.Rect(72, 340, 272, 440), stream=png_bytes((200, 100)))
    paragraph(page, (72, 446, 523, 480), "Figure 2. The same rash after treatment.", size=9)
    result = parse(save(doc, tmp_path / "below.pdf"))
    assert pairs(result) == {"Figure 1": (x1,), "Figure 2": (x2,)}
    first = result.figures[0]
    assert first.legend == "Rash on the forearm at presentation."
    assert result.blocks[first.legend_block].attrs["figure_label"] == "Figure 1"
    assert result.image(first.image_ids[0]).figure_label == "Figure 1"


def test_caption_above_each_image(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    paragraph(page, (72, 50, 523, 84), "Fig. 1: Chest radiograph on admission.", size=9)
    x1 = page.insert_image(pymupdf.Rect(72, 90, 272, 190), stream=jpeg_bytes((200, 100)))
    paragraph(page, (72, 200, 523, 260), FILLER)
    paragraph(page, (72, 270, 523, 304), "Fig. 2: Chest radiograph at discharge.", size=9)
    x2 = page.insert_image(pymupdf.Rect(72, 310, 272, 410), stream=jpeg_bytes((200, 100)))
    paragraph(page, (72, 420, 523, 480), FILLER)
    result = parse(save(doc, tmp_path / "above.pdf"))
    assert pairs(result) == {"Figure 1": (x1,), "Figure 2": (x2,)}


def test_two_column_page_pairs_within_each_column(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 50), "Case report in two columns", fontsize=16, fontname="hebo")
    paragraph(page, (72, 70, 290, 200), FILLER)
    paragraph(page, (305, 70, 523, 200), FILLER)
    x1 = page.insert_image(pymupdf.Rect(72, 210, 272, 310), stream=jpeg_bytes((200, 100)))
    x2 = page.insert_image(pymupdf.Rect(305, 210, 505, 310), stream=png_bytes((200, 100)))
    paragraph(page, (72, 316, 290, 350), "Figure 1. Left column image.", size=9)
    paragraph(page, (305, 316, 523, 350), "Figure 2. Right column image.", size=9)
    paragraph(page, (72, 360, 290, 500), FILLER)
    paragraph(page, (305, 360, 523, 500), FILLER)
    result = parse(save(doc, tmp_path / "twocol.pdf"))
    assert pairs(result) == {"Figure 1": (x1,), "Figure 2": (x2,)}


def test_legend_on_the_next_page(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    paragraph(page, (72, 50, 523, 400), FILLER * 3)
    x1 = page.insert_image(pymupdf.Rect(72, 560, 472, 800), stream=jpeg_bytes((200, 120)))
    page2 = doc.new_page()
    paragraph(page2, (72, 50, 523, 84), "Figure 1. MRI of the brain, axial T2.", size=9)
    paragraph(page2, (72, 100, 523, 400), FILLER * 3)
    result = parse(save(doc, tmp_path / "nextpage.pdf"))
    assert pairs(result) == {"Figure 1": (x1,)}
    assert result.figures[0].location.page == 2


def test_legend_above_its_image_left_on_the_previous_page(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    paragraph(page, (72, 50, 523, 84), "Figure 1. Rash at presentation.", size=9)
    x1 = page.insert_image(pymupdf.Rect(72, 90, 272, 190), stream=jpeg_bytes((200, 100)))
    paragraph(page, (72, 200, 523, 700), FILLER * 4)
    paragraph(page, (72, 780, 523, 814), "Figure 2. Rash after treatment.", size=9)
    page2 = doc.new_page()
    x2 = page2.insert_image(pymupdf.Rect(72, 50, 272, 150),
                            stream=jpeg_bytes((200, 100), (0, 90, 0)))
    paragraph(page2, (72, 170, 523, 400), FILLER * 2)
    result = parse(save(doc, tmp_path / "prevpage.pdf"))
    assert pairs(result) == {"Figure 1": (x1,), "Figure 2": (x2,)}


def test_legends_section_at_the_end_pairs_figure_pages_in_order(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = text_lines(page, 60, ["Case presentation"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 100), "Figure 2 shows the scar. " + FILLER)
    y = text_lines(page, y + 120, ["Figure legends"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 30), "Figure 1. Wound on day one.", size=10)
    paragraph(page, (72, y + 40, 523, y + 70), "Figure 2. Scar at six months.", size=10)
    xrefs = []
    for colour in ((200, 0, 0), (0, 200, 0)):
        fig_page = doc.new_page()
        xrefs.append(fig_page.insert_image(pymupdf.Rect(72, 72, 472, 372),
                                           stream=jpeg_bytes((200, 150), colour)))
    result = parse(save(doc, tmp_path / "legends.pdf"))
    assert pairs(result) == {"Figure 1": (xrefs[0],), "Figure 2": (xrefs[1],)}
    assert result.figures[1].legend == "Scar at six months."
    assert result.figures[1].location.page == 1


def test_legends_section_with_labelled_figure_pages_pairs_by_label(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = text_lines(page, 60, ["Figure legends"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 30), "Figure 1. Wound on day one.", size=10)
    paragraph(page, (72, y + 40, 523, y + 70), "Figure 2. Scar at six months.", size=10)
    xrefs = {}
    for number in (2, 1):  # figure pages in the opposite order to the legends
        fig_page = doc.new_page()
        fig_page.insert_text((72, 60), f"Figure {number}", fontsize=12, fontname="hebo")
        xrefs[number] = fig_page.insert_image(pymupdf.Rect(72, 72, 472, 372),
                                              stream=jpeg_bytes((200, 150 + number)))
    result = parse(save(doc, tmp_path / "labelled.pdf"))
    assert pairs(result) == {"Figure 1": (xrefs[1],), "Figure 2": (xrefs[2],)}
    assert result.figures[0].legend == "Wound on day one."


def test_labelled_figure_page_does_not_leave_its_legend_for_another_image(tmp_path: Path
                                                                          ) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = text_lines(page, 60, ["Figure legends"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 30), "Figure 1. Wound on day one.", size=10)
    fig_page = doc.new_page()
    fig_page.insert_text((72, 60), "Figure 1", fontsize=12, fontname="hebo")
    x1 = fig_page.insert_image(pymupdf.Rect(72, 72, 472, 372), stream=jpeg_bytes((200, 150)))
    paragraph(fig_page, (72, 400, 523, 600), FILLER * 2)
    other = doc.new_page()
    other.insert_image(pymupdf.Rect(72, 72, 472, 372), stream=png_bytes((200, 150)))
    result = parse(save(doc, tmp_path / "leftover.pdf"))
    assert pairs(result) == {"Figure 1": (x1,)}
    assert result.figures[0].legend == "Wound on day one."


def test_legend_without_a_matchable_image_keeps_no_images(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = text_lines(page, 60, ["Figure legends"], size=13, font="hebo")
    paragraph(page, (72, y, 523, y + 30), "Figure 1. Wound on day one.", size=10)
    paragraph(page, (72, y + 40, 523, y + 70), "Figure 2. Scar at six months.", size=10)
    doc.new_page().insert_image(pymupdf.Rect(72, 72, 472, 372), stream=jpeg_bytes())
    result = parse(save(doc, tmp_path / "unmatched.pdf"))
    assert pairs(result) == {"Figure 1": (), "Figure 2": ()}


def test_table_caption_and_body_sentence_are_not_figure_legends(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    figure_with_caption(page, (72, 72, 272, 172), "Table 1. Blood results.")
    paragraph(page, (72, 220, 523, 260), "Figure 1 shows the results in a chart.")
    result = parse(save(doc, tmp_path / "traps.pdf"))
    assert result.figures == []
    assert all(img.figure_label is None for img in result.images)


def test_multi_panel_figure_takes_all_its_panels(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    x1 = page.insert_image(pymupdf.Rect(72, 72, 222, 172), stream=jpeg_bytes((150, 100)))
    x2 = page.insert_image(pymupdf.Rect(232, 72, 382, 172),
                           stream=jpeg_bytes((150, 100), (0, 0, 200)))
    paragraph(page, (72, 180, 523, 214), "Figure 1. (A) Before and (B) after surgery.", size=9)
    result = parse(save(doc, tmp_path / "panels.pdf"))
    assert sorted(pairs(result)["Figure 1"]) == sorted((x1, x2))


@pytest.mark.parametrize(("text", "label", "is_caption"), [
    ("Figure 1. Rash on the forearm.", "Figure 1", True),
    ("Fig. 2: Chest radiograph.", "Figure 2", True),
    ("Supplementary Figure S1. Timeline.", "Supplementary Figure S1", True),
    ("Figure 3", "Figure 3", True),
    ("Figure 1 Sample figure title", "Figure 1", True),
    ("Figure 2 shows the lesion.", None, False),
    ("Figure 2 (A) shows the lesion.", None, False),
    ("Table 2. Laboratory values.", None, True),
    ("Table 3 describes the cohort.", None, False),
    ("Table 1 in the appendix lists the drugs.", None, False),
])
def test_caption_label_tells_legends_from_sentences(text: str, label: str | None,
                                                    is_caption: bool) -> None:
    assert caption_label(text) == (label, is_caption)
