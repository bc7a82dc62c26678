"""Every real-world PDF in ../shared/realcorpus parses, and the facts known about them hold."""

from __future__ import annotations

from pathlib import Path

from mslint.model import BlockKind, Document
from mslint.parser import ParseOptions
from mslint.parsers.pdf import PdfParser


def parse(realcorpus: Path, name: str) -> Document:
    return PdfParser().parse(realcorpus / name, ParseOptions(root=realcorpus))


def test_every_realcorpus_pdf_parses(realcorpus: Path) -> None:
    files = sorted(realcorpus.rglob("*.pdf"))
    assert files
    for path in files:
        doc = PdfParser().parse(path, ParseOptions(root=realcorpus))
        assert doc.format == "pdf" and doc.attrs["page_count"] >= 1, path
        for block in doc.text_blocks():
            assert block.location.page and block.attrs["spans"], path
        for image in doc.images:
            assert image.data is not None or image.decoder is not None, path


def test_rectangles_yes_has_filled_boxes_over_text(realcorpus: Path) -> None:
    doc = parse(realcorpus, "x-ray/rectangles_yes.pdf")
    boxes = [s for s in doc.shapes if s.kind == "drawing" and s.fill == (0.0, 0.0, 0.0)]
    assert len(boxes) >= 3

    def covered(shape) -> bool:
        return any(
            span["bbox"][0] < shape.rect[2] and shape.rect[0] < span["bbox"][2]
            and span["bbox"][1] < shape.rect[3] and shape.rect[1] < span["bbox"][3]
            for block in doc.blocks_of(BlockKind.BODY, BlockKind.HEADING)
            for span in block.attrs["spans"]
        )

    assert sum(covered(s) for s in boxes) >= 3
    assert "did not disclose all relevant medical history" in doc.full_text


def test_rectangles_no_has_no_boxes(realcorpus: Path) -> None:
    assert parse(realcorpus, "x-ray/rectangles_no.pdf").shapes == []


def test_tesseract_page_text_is_hidden_render_mode_3(realcorpus: Path) -> None:
    doc = parse(realcorpus, "PyMuPDF/test_4670.pdf")
    hidden = list(doc.blocks_of(BlockKind.HIDDEN))
    assert hidden and {b.attrs["hidden_reason"] for b in hidden} == {"render-mode-3"}
    assert sum(len(b.text.replace(" ", "")) for b in hidden) > 700
    assert not list(doc.blocks_of(BlockKind.BODY))


def test_docling_invisible_text_layer_is_hidden(realcorpus: Path) -> None:
    doc = parse(realcorpus, "docling/invisible_text_layer.pdf")
    assert [b.attrs["hidden_reason"] for b in doc.blocks_of(BlockKind.HIDDEN)] == [
        "render-mode-3"]


def test_file_attachments_and_two_versions(realcorpus: Path) -> None:
    doc = parse(realcorpus, "PyMuPDF/test_annot_file_info.pdf")
    assert sorted(f.name for f in doc.embedded_files) == ["example.pdf", "photo1.jpeg"]
    assert all(f.kind == "attachment" and f.location.page == 1 for f in doc.embedded_files)
    assert doc.attrs["pdf_versions"] == 2
    authors = {b.attrs["author"] for b in doc.blocks_of(BlockKind.ANNOTATION)}
    assert authors == {"andreacamozzini"}
    assert doc.metadata["xmp:xmpMM:DocumentID"].startswith("uuid:")


def test_mat2_dirty_has_two_versions_metadata_and_nine_figure_legends(realcorpus: Path
                                                                      ) -> None:
    doc = parse(realcorpus, "mat2/dirty.pdf")
    assert doc.attrs["pdf_versions"] == 2 and doc.attrs["page_count"] == 20
    assert [f.label for f in doc.figures] == [f"Figure {n}" for n in range(1, 10)]
    assert "PTEX.Fullbanner" in " ".join(doc.metadata)
    # "Figure 9 illustrates ..." in the body is not a legend
    bodies = [b.text for b in doc.blocks_of(BlockKind.BODY)]
    assert any(t.startswith("Figure 9 illustrates") for t in bodies)


def test_linearized_file_is_one_version(realcorpus: Path) -> None:
    doc = parse(realcorpus, "pdffigures2/498bb0efad6ec15dd09d941fb309aa18d6df9f5f.pdf")
    assert doc.attrs["pdf_linearized"] is True and doc.attrs["pdf_versions"] == 1
    assert doc.metadata["xmp:dc:creator"]


def test_picture_classification_pairs_both_figures_with_their_images(realcorpus: Path
                                                                     ) -> None:
    doc = parse(realcorpus, "docling/picture_classification.pdf")
    assert [(f.label, len(f.image_ids)) for f in doc.figures] == [("Figure 1", 1),
                                                                  ("Figure 2", 1)]
    assert {doc.image(f.image_ids[0]).location.page for f in doc.figures} == {1, 2}
    assert all(img.format == "jpeg" and img.data for img in doc.images)


def test_glia_article_has_page_thumbnails_and_fig_captions(realcorpus: Path) -> None:
    doc = parse(realcorpus, "pdffigures2/3a9202f9f176d3377516e3da0866cc19148c033b.pdf")
    thumbs = [img for img in doc.images if img.attrs.get("thumbnail")]
    assert len(thumbs) == doc.attrs["page_count"] == 11
    assert [f.label for f in doc.figures] == ["Figure 1", "Figure 2", "Figure 3"]
    assert all(f.image_ids for f in doc.figures)


def test_bmc_template_run_in_headings_give_sections(realcorpus: Path) -> None:
    doc = parse(realcorpus, "Submission-process-for-bmc-emergency-medicine-vohcolab-grhu/"
                            "bmc_article.pdf")
    consent = [b for b in doc.blocks_of(BlockKind.BODY)
               if b.text.startswith("Consent for publication")]
    assert [b.section for b in consent] == [("Abstract", "Consent for publication")]
    title = next(doc.blocks_of(BlockKind.HEADING, BlockKind.BODY))
    assert title.text == "RESEARCH" and title.attrs.get("front_matter")
    running = [b.text for b in doc.blocks_of(BlockKind.HEADER_FOOTER)]
    assert "Page 2 of 3" in running and running.count("Doe and Smith") == 3


def test_medical_manuscript_table_sentences_are_not_captions(realcorpus: Path) -> None:
    doc = parse(realcorpus, "patients-in-shock-ofi/manuscript.pdf")
    captions = [b.text for b in doc.blocks_of(BlockKind.CAPTION)]
    assert captions and not any(" shows" in c.split(".")[0] for c in captions)
    assert doc.metadata.get("pdf:Author") == "Carl Skog"
