"""The Markdown parser: exact locations, sections, tables, figures, front matter,
suppression comments."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from mslint.model import BlockKind
from mslint.parser import ParseOptions
from mslint.parsers.markdown import MarkdownParser


def parse(tmp_path: Path, text: str):
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return MarkdownParser().parse(path, ParseOptions(root=tmp_path))


def test_a_value_in_a_paragraph_is_located_at_its_exact_line_and_column(tmp_path) -> None:
    doc = parse(tmp_path, "# Case\n\nShe is **well**, and her\nMRN is 12345678 today.\n")
    block = next(b for b in doc.blocks if "MRN" in b.text)
    loc = block.location_at(block.text.index("12345678"))
    assert (loc.line, loc.column) == (4, 8)


def test_sections_follow_heading_levels(tmp_path) -> None:
    doc = parse(
        tmp_path, "# Case report\n\n## Case presentation\n\nText.\n\n## Discussion\n\nMore.\n"
    )
    sections = {b.text: b.section for b in doc.blocks if b.kind is BlockKind.BODY}
    assert sections == {
        "Text.": ("Case report", "Case presentation"),
        "More.": ("Case report", "Discussion"),
    }


def test_table_cells_are_blocks_with_row_and_column(tmp_path) -> None:
    doc = parse(tmp_path, "| a | b |\n|---|---|\n| 1 | seen 03/04/2021 |\n")
    cell = next(b for b in doc.blocks if "seen" in b.text)
    assert cell.kind is BlockKind.TABLE_CELL and (cell.attrs["row"], cell.attrs["col"]) == (2, 2)
    assert cell.location.line == 3


def test_a_standalone_image_is_a_figure_with_its_caption_and_pixels(tmp_path) -> None:
    Image.new("RGB", (64, 48), "pink").save(tmp_path / "rash.png")
    doc = parse(tmp_path, "Intro.\n\n![Figure 1. Photograph of the rash.](rash.png){#fig:rash}\n")
    (figure,) = doc.figures
    assert figure.label == "Figure 1" and figure.legend == "Photograph of the rash."
    (image,) = doc.images
    assert (image.id, image.width, image.height, image.format) == ("rash.png", 64, 48, "png")
    assert image.data and image.figure_label == "Figure 1"
    assert not any(b.text.startswith("{#fig") for b in doc.blocks)


def test_legends_in_a_figure_legends_section_become_figures(tmp_path) -> None:
    doc = parse(
        tmp_path,
        "# Figure legends\n\nFigure 1. Chest CT.\n\nFigure 2: Skin lesion.\n\n"
        "Figure 3 shows the trend.\n",
    )
    assert [(f.label, f.legend) for f in doc.figures] == [
        ("Figure 1", "Chest CT."),
        ("Figure 2", "Skin lesion."),
    ]


def test_missing_and_remote_images_are_kept_without_bytes(tmp_path) -> None:
    doc = parse(tmp_path, "![x](missing.png)\n\n![y](https://example.org/a.png)\n")
    missing, remote = doc.images
    assert missing.attrs.get("missing") and missing.data is None
    assert remote.external_uri == "https://example.org/a.png" and remote.data is None


def test_front_matter_authors_are_the_manuscripts_authors(tmp_path) -> None:
    doc = parse(
        tmp_path,
        "---\ntitle: A case\nauthor:\n  - name: Ada Byron\n    email: a@b.org\n"
        "  - Grace Hopper\n---\n\nBody.\n",
    )
    assert doc.authors == ["Ada Byron", "Grace Hopper"]
    roles = {b.text: b.attrs["front_matter"] for b in doc.blocks if b.section == ("Front matter",)}
    assert roles["a@b.org"] == "author.email"


def test_html_comments_are_not_text_but_carry_suppressions(tmp_path) -> None:
    doc = parse(
        tmp_path,
        "Seen on 1 May 2020. <!-- mslint: ignore[MS206] -->\n\n"
        "<!-- a private note about Jane -->\n\nNext.\n",
    )
    assert ("", 1) in doc.suppressions and doc.suppressions[("", 1)] == frozenset({"MS206"})
    assert not any("Jane" in b.text for b in doc.blocks)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789", min_size=1, max_size=12)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(words, min_size=1, max_size=8), min_size=1, max_size=6))
def test_every_word_maps_back_to_its_place_in_the_source(tmp_path, paragraphs) -> None:
    source = "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    doc = parse(tmp_path, source)
    lines = source.splitlines()
    body = [b for b in doc.blocks if b.kind is BlockKind.BODY]
    assert [b.text for b in body] == [" ".join(p) for p in paragraphs]
    for block in body:
        offset = 0
        for word in block.text.split(" "):
            loc = block.location_at(offset)
            assert lines[loc.line - 1][loc.column - 1 :].startswith(word)
            offset += len(word) + 1


def test_template_placeholders_in_angle_brackets_stay_text(tmp_path) -> None:
    doc = parse(tmp_path, "Permission ID: <to be provided> and <sup>2</sup> <!-- note -->\n")
    assert doc.blocks[0].text.startswith("Permission ID: <to be provided> and 2")
