"""One WordprocessingML paragraph (``w:p``) read into its layers.

The visible text is what Word shows; tracked deletions (``w:delText``), hidden runs
(``w:vanish``) and field instructions are kept apart, tracked insertions are both visible
and listed, drawings and text boxes are handed back for the caller to read, and the colour,
highlight and shading of runs that set them are recorded as spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mslint.parsers.docx_styles import (
    RunFormat,
    StyleInfo,
    StyleSheet,
    W,
    hex_color,
    read_run_format,
)

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
TXBX = f"{W}txbxContent"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_SEQ = re.compile(r"^\s*SEQ\s+(\S+)", re.IGNORECASE)
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?!\\l)(?:"([^"]*)"|(\S+))', re.IGNORECASE)

_CONTAINERS = frozenset(
    f"{W}{t}" for t in ("hyperlink", "smartTag", "customXml", "dir", "bdo", "fldSimple", "sdt",
                        "sdtContent", "ins", "moveTo", "del", "moveFrom")
)
_DELETED = frozenset({f"{W}del", f"{W}moveFrom"})
_INSERTED = frozenset({f"{W}ins", f"{W}moveTo"})
_DRAWINGS = frozenset({f"{W}drawing", f"{W}pict", f"{W}object"})
_FORMAT_KEYS = ("color", "theme_color", "highlight", "shading")
#: Runs set smaller than this (points) are recorded as spans: text too small to read.
TINY_FONT_POINTS = 4.0


@dataclass(slots=True)
class Revision:
    """Text of one tracked change and who made it when."""

    text: str
    author: str
    date: str


@dataclass(frozen=True, slots=True)
class SeqField:
    """A ``SEQ`` numbering field (``SEQ Figure``) and where its result sits in the text."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink over ``text[start:end]``: a relationship id or a ``HYPERLINK`` field URI."""

    start: int
    end: int
    rid: str | None
    uri: str | None


@dataclass(slots=True)
class ParagraphContent:
    """The layers of one paragraph."""

    style: StyleInfo | None
    outline_level: int | None = None
    text: str = ""
    spans: list[dict[str, Any]] = field(default_factory=list)
    bold_chars: int = 0
    caps_chars: int = 0
    max_size: float | None = None
    insertions: list[Revision] = field(default_factory=list)
    deletions: list[Revision] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    drawings: list[Any] = field(default_factory=list)
    text_boxes: list[Any] = field(default_factory=list)
    seq_fields: list[SeqField] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    footnote_refs: list[str] = field(default_factory=list)
    endnote_refs: list[str] = field(default_factory=list)
    comment_refs: list[str] = field(default_factory=list)
    shading: str | None = None

    @property
    def all_bold(self) -> bool:
        letters = sum(1 for c in self.text if not c.isspace())
        return letters > 0 and self.bold_chars >= letters

    @property
    def all_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) > 3 and (self.caps_chars >= len(letters)
                                     or all(c.isupper() for c in letters))

    def format_attrs(self) -> dict[str, Any]:
        """Block attrs: the spans, plus each colour fact that covers the whole text."""
        if not self.spans:
            return {}
        attrs: dict[str, Any] = {"spans": self.spans}
        stripped = self.text.strip()
        if stripped and len(self.spans) == 1:
            span = self.spans[0]
            start = self.text.find(stripped)
            if span["start"] <= start and span["end"] >= start + len(stripped):
                attrs.update({k: span[k] for k in _FORMAT_KEYS if span.get(k)})
        return attrs


class _Collector:
    """Accumulates one paragraph's pieces while its XML is walked."""

    __slots__ = ("content", "deleted", "fields", "hidden", "inserted", "parts", "pos", "styles")

    def __init__(self, content: ParagraphContent, styles: StyleSheet) -> None:
        self.content = content
        self.styles = styles
        self.parts: list[str] = []
        self.pos = 0
        self.deleted: list[tuple[int, int, str, str, str]] = []
        self.inserted: list[tuple[int, int, str, str]] = []
        self.hidden: list[tuple[int, int, str, str, str]] = []
        self.fields: list[list[Any]] = []  # open complex fields: [instruction parts, start]

    def visible(self, text: str, fmt: RunFormat, revision: tuple[str, str] | None) -> None:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        content = self.content
        if fmt.bold:
            content.bold_chars += sum(1 for c in text if not c.isspace())
        if fmt.caps:
            content.caps_chars += sum(1 for c in text if c.isalpha())
        if fmt.size is not None and (content.max_size is None or fmt.size > content.max_size):
            content.max_size = fmt.size
        if revision is not None:
            self.inserted.append((start, self.pos, *revision))
        if fmt.color or fmt.theme_color or fmt.highlight or fmt.shading or (
                fmt.size is not None and fmt.size < TINY_FONT_POINTS):
            span = {"start": start, "end": self.pos, "color": fmt.color,
                    "theme_color": fmt.theme_color, "highlight": fmt.highlight,
                    "shading": fmt.shading, "size": fmt.size}
            last = content.spans[-1] if content.spans else None
            if last is not None and last["end"] == start and all(
                last[k] == span[k] for k in (*_FORMAT_KEYS, "size")
            ):
                last["end"] = self.pos
            else:
                content.spans.append(span)

    def finish(self) -> None:
        content = self.content
        content.text = "".join(self.parts)
        if self.inserted:
            content.insertions = _merge(
                [(s, e, content.text[s:e], a, d) for s, e, a, d in self.inserted]
            )
        if self.deleted:
            content.deletions = _merge(self.deleted)
        if self.hidden:
            content.hidden = [r.text for r in _merge(self.hidden)]


def _merge(pieces: list[tuple[int, int, str, str, str]]) -> list[Revision]:
    """Join pieces that touch (no visible text between them) and share author and date.

    Each piece is ``(start, end, text, author, date)`` with ``start``/``end`` its place in the
    visible text (equal for text that is not visible).
    """
    merged: list[Revision] = []
    prev_end = -1
    for start, end, text, author, date in pieces:
        if merged and start == prev_end and merged[-1].author == author \
                and merged[-1].date == date:
            merged[-1].text += text
        else:
            merged.append(Revision(text, author, date))
        prev_end = end
    return [r for r in merged if r.text.strip()]


def read_paragraph(p: Any, styles: StyleSheet) -> ParagraphContent:
    """Read one ``w:p`` element."""
    ppr = p.find(f"{W}pPr")
    style_id = None
    outline = None
    shading = None
    if ppr is not None:
        ps = ppr.find(f"{W}pStyle")
        if ps is not None:
            style_id = ps.get(f"{W}val")
        lvl = ppr.find(f"{W}outlineLvl")
        if lvl is not None and (lvl.get(f"{W}val") or "").isdigit():
            value = int(lvl.get(f"{W}val") or "9")
            outline = value if value < 9 else None
        shd = ppr.find(f"{W}shd")
        if shd is not None:
            shading = hex_color(shd.get(f"{W}fill"))
    style = styles.paragraph(style_id)
    content = ParagraphContent(style=style, shading=shading)
    if outline is None and style is not None:
        outline = style.outline_level
    content.outline_level = outline
    collector = _Collector(content, styles)
    base = style.run if style is not None else RunFormat()
    _walk(p, collector, base, None, False)
    collector.finish()
    return content


def _walk(parent: Any, c: _Collector, base: RunFormat, revision: tuple[str, str] | None,
          deleted: bool) -> None:
    for child in parent:
        tag = child.tag
        if tag == f"{W}r":
            _run(child, c, base, revision, deleted)
        elif tag in _CONTAINERS:
            child_rev, child_del = revision, deleted
            if tag in _DELETED:
                child_del = True
                child_rev = (child.get(f"{W}author") or "", child.get(f"{W}date") or "")
            elif tag in _INSERTED:
                child_rev = (child.get(f"{W}author") or "", child.get(f"{W}date") or "")
            start = c.pos
            _walk(child, c, base, child_rev, child_del)
            if tag == f"{W}fldSimple":
                _field_done(child.get(f"{W}instr") or "", start, c)
            elif tag == f"{W}hyperlink" and child.get(f"{R}id"):
                c.content.links.append(Link(start, c.pos, child.get(f"{R}id") or "", None))
        elif tag == f"{W}commentRangeStart":
            c.content.comment_refs.append(child.get(f"{W}id") or "")
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                _walk(choice, c, base, revision, deleted)
        elif isinstance(tag, str) and tag.startswith(MATH):
            text = "".join(t.text or "" for t in child.iter(f"{MATH}t"))
            if text:
                c.visible(text, base, None if deleted else revision)


def _run(r: Any, c: _Collector, base: RunFormat, revision: tuple[str, str] | None,
         deleted: bool) -> None:
    fmt = base
    rpr = r.find(f"{W}rPr")
    if rpr is not None:
        rstyle = rpr.find(f"{W}rStyle")
        if rstyle is not None:
            char = c.styles.character(rstyle.get(f"{W}val"))
            if char is not None:
                fmt = char.run.over(fmt)
        fmt = read_run_format(rpr).over(fmt)
    hidden = bool(fmt.vanish)
    for child in r:
        tag = child.tag
        if tag == f"{W}t" or tag == f"{W}delText":
            text = child.text or ""
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            text = "\t"
        elif tag == f"{W}br" or tag == f"{W}cr":
            text = "\n"
        elif tag == f"{W}noBreakHyphen":
            text = "-"
        elif tag == f"{W}instrText":
            if c.fields:
                c.fields[-1][0].append(child.text or "")
            continue
        elif tag == f"{W}fldChar":
            _field_char(child.get(f"{W}fldCharType") or "", c)
            continue
        elif tag in _DRAWINGS:
            c.content.drawings.append(child)
            c.content.text_boxes.extend(_text_boxes(child))
            continue
        elif tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Choice")
            if choice is not None:
                for el in choice:
                    if el.tag in _DRAWINGS:
                        c.content.drawings.append(el)
                        c.content.text_boxes.extend(_text_boxes(el))
            continue
        elif tag == f"{W}footnoteReference":
            c.content.footnote_refs.append(child.get(f"{W}id") or "")
            continue
        elif tag == f"{W}endnoteReference":
            c.content.endnote_refs.append(child.get(f"{W}id") or "")
            continue
        elif tag == f"{W}commentReference":
            c.content.comment_refs.append(child.get(f"{W}id") or "")
            continue
        else:
            continue
        if not text:
            continue
        if deleted:
            author, date = revision or ("", "")
            c.deleted.append((c.pos, c.pos, text, author, date))
        elif hidden:
            c.hidden.append((c.pos, c.pos, text, "", ""))
        else:
            c.visible(text, fmt, revision)


def _field_char(kind: str, c: _Collector) -> None:
    if kind == "begin":
        c.fields.append([[], c.pos])
    elif kind == "separate" and c.fields:
        c.fields[-1][1] = c.pos
    elif kind == "end" and c.fields:
        parts, start = c.fields.pop()
        _field_done("".join(parts), start, c)


def _field_done(instr: str, start: int, c: _Collector) -> None:
    m = _SEQ.match(instr)
    if m:
        c.content.seq_fields.append(SeqField(m.group(1), start, c.pos))
        return
    link = _HYPERLINK_FIELD.match(instr)
    if link:
        c.content.links.append(Link(start, c.pos, None, link.group(1) or link.group(2)))


def _text_boxes(drawing: Any) -> list[Any]:
    """The outermost ``w:txbxContent`` elements inside a drawing, not those of a fallback."""
    found: list[Any] = []
    for box in drawing.iter(TXBX):
        ancestor = box.getparent()
        nested = False
        while ancestor is not None and ancestor is not drawing:
            if ancestor.tag == TXBX or ancestor.tag == f"{MC}Fallback":
                nested = True
                break
            ancestor = ancestor.getparent()
        if not nested:
            found.append(box)
    return found
