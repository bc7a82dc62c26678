"""Walks the story parts of a DOCX into text blocks, in reading order.

The main body gives body, heading, table-cell and text-box blocks with 1-based paragraph
numbers (table paragraphs counted in order); every paragraph also yields its tracked
insertions, tracked deletions, hidden runs and image alt texts as blocks of their own.
Headers, footers, footnotes, endnotes and comments are read by the same paragraph reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mslint.figures import parse_figure_label
from mslint.model import BlockKind, Document, Location, TextBlock
from mslint.parsers.docx_charts import drawing_text_parts, read_drawing_text
from mslint.parsers.docx_images import ImageCollector
from mslint.parsers.docx_runs import MC, TXBX, ParagraphContent, SeqField, read_paragraph
from mslint.parsers.docx_shapes import covering_shapes
from mslint.parsers.docx_styles import StyleSheet, W, hex_color
from mslint.parsers.ooxml_package import Relationship

DOCUMENT_PART = "word/document.xml"
_NUMBERED = re.compile(r"^\s*(\d+(?:\.\d+){0,4})\.?\s+\S")
_HEURISTIC_MAX_CHARS = 90
_HEURISTIC_MAX_WORDS = 12
_NOTE_SKIP = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass(slots=True)
class ParagraphRecord:
    """A body paragraph as the figure pass needs it."""

    number: int
    block: int | None
    text: str
    image_ids: list[str]
    in_table: bool
    is_caption_style: bool
    seq_fields: list[SeqField]
    text_box_blocks: list[tuple[int, list[SeqField]]] = field(default_factory=list)
    text_box_images: list[str] = field(default_factory=list)


class BodyBuilder:
    """Appends blocks to ``doc`` while walking the parts of one DOCX package."""

    def __init__(self, doc: Document, styles: StyleSheet, images: ImageCollector,
                 main_part: str = DOCUMENT_PART) -> None:
        self.doc = doc
        self.main_part = main_part
        self.styles = styles
        self.images = images
        self.paragraph_no = 0
        self.table_no = 0
        self.records: list[ParagraphRecord] = []
        self.sections: list[tuple[int, str]] = []
        self.section: tuple[str, ...] = ()
        self.styled_depth = 0
        self.footnote_anchor: dict[str, int] = {}
        self.endnote_anchor: dict[str, int] = {}
        self.comment_anchor: dict[str, int] = {}
        self.drawing_parts_read: set[str] = set()

    def emit(self, block: TextBlock) -> int:
        self.doc.blocks.append(block)
        return len(self.doc.blocks) - 1

    # ---- main body -------------------------------------------------------------------

    def walk_body(self, body: Any, rels: dict[str, Relationship]) -> None:
        for child in _story_children(body):
            if child.tag == f"{W}p":
                self._body_paragraph(child, rels)
            elif child.tag == f"{W}tbl":
                self._table(child, rels)

    def _read(self, p: Any, rels: dict[str, Relationship], part: str
              ) -> tuple[ParagraphContent, int | None, list[str], list[TextBlock]]:
        """Read a body paragraph: its content, number, images and the blocks beside it."""
        self.paragraph_no += 1
        number = self.paragraph_no
        content = read_paragraph(p, self.styles)
        for ref in content.footnote_refs:
            self.footnote_anchor.setdefault(ref, number)
        for ref in content.endnote_refs:
            self.endnote_anchor.setdefault(ref, number)
        for ref in content.comment_refs:
            self.comment_anchor.setdefault(ref, number)
        image_ids, extras = self._layers(content, rels, part, number)
        return content, number, image_ids, extras

    def _layers(self, content: ParagraphContent, rels: dict[str, Relationship], part: str,
                number: int | None) -> tuple[list[str], list[TextBlock]]:
        """Images of the paragraph and its revision, hidden-text and alt-text blocks."""
        if not (content.drawings or content.insertions or content.deletions or content.hidden):
            return [], []
        location = Location(paragraph=number, part=part)
        section = self.section
        extras: list[TextBlock] = []
        for rev in content.insertions:
            extras.append(TextBlock(rev.text, BlockKind.TRACKED_INSERTION, location, section,
                                    attrs={"author": rev.author, "date": rev.date}))
        for rev in content.deletions:
            extras.append(TextBlock(rev.text, BlockKind.TRACKED_DELETION, location, section,
                                    attrs={"author": rev.author, "date": rev.date}))
        for text in content.hidden:
            extras.append(TextBlock(text, BlockKind.HIDDEN, location, section,
                                    attrs={"hidden_reason": "vanish"}))
        image_ids: list[str] = []
        for drawing in content.drawings:
            for text_part, source in drawing_text_parts(drawing, rels):
                if text_part in self.drawing_parts_read:
                    continue
                self.drawing_parts_read.add(text_part)
                texts = read_drawing_text(self.images.package, text_part, source)
                if texts:
                    extras.append(TextBlock("\n".join(texts), BlockKind.TEXT_BOX,
                                            Location(paragraph=number, part=text_part),
                                            section, attrs={"source": source}))
            found = self.images.read_drawing(drawing, rels, part, number)
            image_ids.extend(found.image_ids)
            for alt in found.alt_texts:
                extras.append(TextBlock(
                    alt.text, BlockKind.ALT_TEXT,
                    Location(paragraph=number, part=alt.image_id), section,
                    attrs={"image_id": alt.image_id, "field": alt.field},
                ))
        return image_ids, extras

    def _body_paragraph(self, p: Any, rels: dict[str, Relationship]) -> None:
        content, number, image_ids, extras = self._read(p, rels, self.main_part)
        text = content.text
        block_index = None
        if text.strip():
            attrs = block_attrs(content, rels)
            style = content.style
            if style is not None:
                attrs["style"] = style.name
            if content.shading:
                attrs.setdefault("shading", content.shading)
            kind = BlockKind.BODY
            level = self._heading_level(content)
            if level is not None:
                kind = BlockKind.HEADING
                attrs["level"] = level
                if level > 0:
                    while self.sections and self.sections[-1][0] >= level:
                        self.sections.pop()
                    self.sections.append((level, " ".join(text.split())))
                    self.section = tuple(title for _, title in self.sections)
            block_index = self.emit(TextBlock(text, kind, Location(paragraph=number,
                                                                  part=self.main_part),
                                              self.section, attrs=attrs))
        record = ParagraphRecord(
            number=number, block=block_index, text=text, image_ids=image_ids,
            in_table=False, is_caption_style=bool(content.style and content.style.is_caption),
            seq_fields=content.seq_fields,
        )
        self._text_boxes(content, rels, number, record)
        for extra in extras:
            self.emit(extra)
        self.records.append(record)

    def _heading_level(self, content: ParagraphContent) -> int | None:
        """Heading level from the style, the outline level or the look of the line.

        0 marks a title (a heading that opens no section)."""
        style = content.style
        if style is not None and style.heading_level is not None:
            self.styled_depth = max(self.styled_depth, style.heading_level)
            return style.heading_level
        if content.outline_level is not None:
            level = content.outline_level + 1
            self.styled_depth = max(self.styled_depth, level)
            return level
        if style is not None and style.is_title:
            return 0
        if len(content.text) > 2 * _HEURISTIC_MAX_CHARS or content.drawings:
            return None
        text = " ".join(content.text.split())
        if (
            not text
            or len(text) > _HEURISTIC_MAX_CHARS
            or len(text.split()) > _HEURISTIC_MAX_WORDS
            or text.endswith((".", ",", ";"))
            or ":" in text[:-1]
            or "@" in text
            or sum(c.isdigit() for c in text) > sum(c.isalpha() for c in text)
            or not (content.all_bold or content.all_caps)
            or not any(c.isalpha() for c in text)
            or parse_figure_label(text) is not None
            or (style is not None and style.is_caption)
        ):
            return None
        numbered = _NUMBERED.match(text)
        if numbered:
            return numbered.group(1).count(".") + 1
        return self.styled_depth + 1 if self.styled_depth else 1

    def _text_boxes(self, content: ParagraphContent, rels: dict[str, Relationship],
                    anchor: int, record: ParagraphRecord) -> None:
        """Text-box paragraphs (and boxes inside them) at the paragraph that anchors them."""
        for box in content.text_boxes:
            for p in box.iter(f"{W}p"):
                if _nearest(p, TXBX) is not box:
                    continue
                inner = read_paragraph(p, self.styles)
                image_ids, extras = self._layers(inner, rels, self.main_part, anchor)
                record.text_box_images.extend(image_ids)
                if inner.text.strip():
                    attrs = block_attrs(inner, rels)
                    attrs["text_box"] = True
                    if inner.style is not None:
                        attrs["style"] = inner.style.name
                    index = self.emit(TextBlock(
                        inner.text, BlockKind.TEXT_BOX,
                        Location(paragraph=anchor, part=self.main_part), self.section,
                        attrs=attrs,
                    ))
                    record.text_box_blocks.append((index, inner.seq_fields))
                for extra in extras:
                    self.emit(extra)
                self._text_boxes(inner, rels, anchor, record)

    def _table(self, tbl: Any, rels: dict[str, Relationship]) -> None:
        self.table_no += 1
        table = self.table_no
        for row_no, tr in enumerate(_story_children(tbl, f"{W}tr"), start=1):
            col = 0
            for tc in _story_children(tr, f"{W}tc"):
                col += 1
                span = _grid_span(tc)
                self._cell(tc, rels, table, row_no, col)
                col += span - 1

    def _cell(self, tc: Any, rels: dict[str, Relationship], table: int, row: int,
              col: int) -> None:
        contents: list[ParagraphContent] = []
        extras: list[TextBlock] = []
        records: list[ParagraphRecord] = []
        first: int | None = None
        for child in _story_children(tc):
            if child.tag == f"{W}tbl":
                self._table(child, rels)
                continue
            if child.tag != f"{W}p":
                continue
            content, number, image_ids, more = self._read(child, rels, self.main_part)
            first = first or number
            contents.append(content)
            extras.extend(more)
            record = ParagraphRecord(number, None, content.text, image_ids, True,
                                     bool(content.style and content.style.is_caption),
                                     content.seq_fields)
            self._text_boxes(content, rels, number, record)
            records.append(record)
        text, attrs = join_paragraphs(contents, rels)
        if text.strip():
            attrs.update({"table": table, "row": row, "col": col})
            shading = _cell_shading(tc)
            if shading:
                attrs.setdefault("shading", shading)
            index = self.emit(TextBlock(text, BlockKind.TABLE_CELL,
                                        Location(paragraph=first, part=self.main_part),
                                        self.section, attrs=attrs))
            for record in records:
                record.block = index
        for extra in extras:
            self.emit(extra)
        self.records.extend(records)

    # ---- other story parts -----------------------------------------------------------

    def walk_header_footer(self, root: Any, part: str, rels: dict[str, Relationship],
                           kind_name: str) -> None:
        """Each paragraph of a header or footer part (text boxes and tables included)."""
        for p in root.iter(f"{W}p"):
            content = read_paragraph(p, self.styles)
            _, extras = self._layers(content, rels, part, None)
            if content.text.strip():
                attrs = block_attrs(content, rels)
                attrs["header_footer"] = kind_name
                self.emit(TextBlock(content.text, BlockKind.HEADER_FOOTER, Location(part=part),
                                    (), attrs=attrs))
            for extra in extras:
                self.emit(extra)

    def walk_notes(self, root: Any, part: str, rels: dict[str, Relationship],
                   note_type: str) -> None:
        """Footnotes or endnotes: one block per note, at the paragraph that cites it."""
        anchors = self.footnote_anchor if note_type == "footnote" else self.endnote_anchor
        for note in root.iter(f"{W}{note_type}"):
            if (note.get(f"{W}type") or "normal") in _NOTE_SKIP:
                continue
            note_id = note.get(f"{W}id") or ""
            attrs: dict[str, Any] = {"note_type": note_type, "note_id": note_id}
            self._flat_story(note, part, rels, BlockKind.FOOTNOTE, attrs,
                             anchors.get(note_id))

    def walk_comments(self, root: Any, part: str, rels: dict[str, Relationship]) -> None:
        """Comments with their author, date and initials."""
        for comment in root.iter(f"{W}comment"):
            cid = comment.get(f"{W}id") or ""
            attrs = {
                "author": comment.get(f"{W}author") or "",
                "date": comment.get(f"{W}date") or "",
                "initials": comment.get(f"{W}initials") or "",
                "comment_id": cid,
            }
            self._flat_story(comment, part, rels, BlockKind.COMMENT, attrs,
                             self.comment_anchor.get(cid))

    def _flat_story(self, container: Any, part: str, rels: dict[str, Relationship],
                    kind: BlockKind, attrs: dict[str, Any], anchor: int | None) -> None:
        contents: list[ParagraphContent] = []
        extras: list[TextBlock] = []
        for p in container.iter(f"{W}p"):
            content = read_paragraph(p, self.styles)
            contents.append(content)
            extras.extend(self._layers(content, rels, part, anchor)[1])
        text, joined = join_paragraphs(contents, rels)
        if text.strip():
            attrs.update(joined)
            self.emit(TextBlock(text, kind, Location(paragraph=anchor, part=part), (),
                                attrs=attrs))
        for extra in extras:
            self.emit(extra)


def block_attrs(content: ParagraphContent, rels: dict[str, Relationship]) -> dict[str, Any]:
    """Formatting spans, hyperlink targets and filled shapes drawn in front of the text of
    one paragraph, as block attrs."""
    attrs = content.format_attrs()
    links = link_targets(content, rels, 0)
    if links:
        attrs["links"] = links
    shapes = covering_shapes(content.drawings)
    if shapes:
        attrs["covering_shapes"] = shapes
    return attrs


def link_targets(content: ParagraphContent, rels: dict[str, Relationship],
                 offset: int) -> list[dict[str, Any]]:
    """``{"start", "end", "uri"}`` for each external hyperlink (links to bookmarks left out)."""
    found: list[dict[str, Any]] = []
    for link in content.links:
        uri = link.uri
        if link.rid is not None:
            rel = rels.get(link.rid)
            uri = rel.target if rel is not None and rel.external else None
        if uri:
            found.append({"start": link.start + offset, "end": link.end + offset, "uri": uri})
    return found


def join_paragraphs(contents: list[ParagraphContent], rels: dict[str, Relationship]
                    ) -> tuple[str, dict[str, Any]]:
    """Non-empty paragraph texts joined by newlines, with their spans and links shifted."""
    parts: list[str] = []
    spans: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    offset = 0
    for content in contents:
        if not content.text.strip():
            continue
        if parts:
            offset += 1
        for span in content.spans:
            spans.append({**span, "start": span["start"] + offset, "end": span["end"] + offset})
        links.extend(link_targets(content, rels, offset))
        parts.append(content.text)
        offset += len(content.text)
    attrs: dict[str, Any] = {}
    if spans:
        attrs["spans"] = spans
    if links:
        attrs["links"] = links
    return "\n".join(parts), attrs


def _story_children(parent: Any, wanted: str | None = None) -> list[Any]:
    """Children of a story container, looking through content controls and custom XML."""
    found: list[Any] = []
    for child in parent:
        tag = child.tag
        if tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                found.extend(_story_children(content, wanted))
        elif tag == f"{W}customXml":
            found.extend(_story_children(child, wanted))
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                found.extend(_story_children(choice, wanted))
        elif wanted is None or tag == wanted:
            found.append(child)
    return found


def _grid_span(tc: Any) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    if span is None:
        return 1
    value = span.get(f"{W}val") or "1"
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _cell_shading(tc: Any) -> str | None:
    shd = tc.find(f"{W}tcPr/{W}shd")
    return hex_color(shd.get(f"{W}fill")) if shd is not None else None


def _nearest(el: Any, tag: str) -> Any:
    node = el.getparent()
    while node is not None:
        if node.tag == tag:
            return node
        node = node.getparent()
    return None
