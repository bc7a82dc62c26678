"""Every real-world DOCX in ../shared/realcorpus parses, and the facts known about them hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from mslint.model import BlockKind, Document
from mslint.parser import ParseOptions
from mslint.parsers.docx import DocxParser


def parse(realcorpus: Path, name: str) -> Document:
    return DocxParser().parse(realcorpus / name, ParseOptions(root=realcorpus))


def kinds(doc: Document) -> set[BlockKind]:
    return {b.kind for b in doc.blocks}


def test_every_realcorpus_docx_parses(realcorpus) -> None:
    files = sorted(p for ext in ("*.docx", "*.docm", "*.dotx") for p in realcorpus.rglob(ext))
    assert files
    for path in files:
        doc = DocxParser().parse(path, ParseOptions(root=realcorpus))
        assert doc.format == "docx"
        assert doc.metadata, path
        for image in doc.images:
            assert image.data is not None or image.external_uri or image.attrs.get("missing")


def test_pandoc_comments_are_read_with_authors(realcorpus) -> None:
    doc = parse(realcorpus, "pandoc/comments.docx")
    comments = list(doc.blocks_of(BlockKind.COMMENT))
    assert comments and all(c.attrs["author"] for c in comments)
    assert doc.metadata["app:Company"] == "Johns Hopkins University"


def test_pandoc_track_changes_deletion_keeps_the_deleted_text(realcorpus) -> None:
    doc = parse(realcorpus, "pandoc/track_changes_deletion.docx")
    (deleted,) = doc.blocks_of(BlockKind.TRACKED_DELETION)
    assert deleted.text.strip() and deleted.attrs["author"] == "eng-dept"
    assert all(deleted.text not in b.text for b in doc.blocks_of(BlockKind.BODY))


def test_mat2_revision_has_insertions_and_deletions(realcorpus) -> None:
    doc = parse(realcorpus, "mat2/revision.docx")
    assert {BlockKind.TRACKED_INSERTION, BlockKind.TRACKED_DELETION} <= kinds(doc)


def test_the_text_box_caption_is_found_and_paired_with_the_image(realcorpus) -> None:
    doc = parse(realcorpus, "pandoc/image_with_textbox_caption.docx")
    (figure,) = doc.figures
    assert figure.label == "Figure 1"
    assert figure.legend.startswith("Daniel Schliebner")
    assert figure.image_ids == ("word/media/image1.emf",)
    assert doc.blocks[figure.legend_block].attrs["text_box"] is True


def test_docling_external_image_is_linked_not_embedded(realcorpus) -> None:
    doc = parse(realcorpus, "docling/docx_external_image.docx")
    (external,) = [i for i in doc.images if i.external_uri]
    assert external.external_uri.startswith("http") and external.data is None


def test_vml_ole_object_is_an_embedded_file_with_its_preview_image(realcorpus) -> None:
    doc = parse(realcorpus, "pandoc/image_vml_as_object.docx")
    (ole,) = doc.embedded_files
    assert ole.name.startswith("word/embeddings/") and ole.size and ole.size > 80_000
    (preview,) = doc.images
    assert preview.format == "emf" and preview.attrs["vml"] is True
    assert doc.metadata["app:Company"] == "Airbus"


def test_metadata_docx_has_creator_and_a_thumbnail(realcorpus) -> None:
    doc = parse(realcorpus, "pandoc/metadata.docx")
    assert doc.metadata["core:creator"]
    assert [i.id for i in doc.images if i.attrs.get("thumbnail")] == ["docProps/thumbnail.jpeg"]


def test_word_sample_caption_style_figure_has_its_image(realcorpus) -> None:
    doc = parse(realcorpus, "docling/word_sample.docx")
    (figure,) = doc.figures
    assert figure.legend == "This is a cute duckling"
    assert figure.image_ids == ("word/media/image1.png",)


def test_hellp_manuscript_pairs_its_four_figures_and_counts_rsids(realcorpus) -> None:
    doc = parse(realcorpus, "hellp_manuscript/manuscript.docx")
    assert [f.label for f in doc.figures] == [f"Figure {n}" for n in range(1, 5)]
    assert all(len(f.image_ids) == 1 for f in doc.figures)
    assert len({f.image_ids for f in doc.figures}) == 4
    assert doc.metadata["core:lastModifiedBy"] == "Ashraf Nabhan"
    assert doc.attrs["docx_rsid_count"] > 0
    assert BlockKind.HEADER_FOOTER in kinds(doc)


def test_grouped_images_keep_their_alt_text(realcorpus) -> None:
    doc = parse(realcorpus, "docling/docx_grouped_images.docx")
    alts = list(doc.blocks_of(BlockKind.ALT_TEXT))
    assert len({a.attrs["image_id"] for a in alts}) >= 4


@pytest.mark.parametrize("name", ["python-docx/hdr-header-footer.docx",
                                  "python-docx/having-images.docx"])
def test_python_docx_samples_have_headers_or_images(realcorpus, name) -> None:
    doc = parse(realcorpus, name)
    assert BlockKind.HEADER_FOOTER in kinds(doc) or len(doc.images) >= 3


def test_mat2_embedded_reports_the_stray_file_in_media(realcorpus) -> None:
    doc = parse(realcorpus, "mat2/embedded.docx")
    assert [f.name for f in doc.embedded_files] == ["word/media/setup.py"]
