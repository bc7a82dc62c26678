"""Text and filled rectangles of one PDF page, from a single MuPDF structured-text pass.

The page's own content stream is run (annotations are read separately, so their text is not
counted twice) into a structured-text page whose box is unbounded, so text drawn outside the
page survives and can be reported as off-page. Each MuPDF text block becomes one or more
`RawBlock`: its visible lines, plus one block per reason its other spans cannot be seen
(render mode 3, fully transparent, off the page, microscopic). Vector blocks collected in
the same pass give the filled rectangles a failed redaction is made of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mslint.model import Shape

#: MuPDF ``char_flags`` bits (fz_stext_char flags).
_FILLED = 16
_STROKED = 32
_CLIPPED = 64
_SYNTHETIC_BOLD = 8
#: MuPDF span ``flags`` bit for a bold font.
_BOLD_FONT = 16
_BOLD_NAME = re.compile(r"bold|black|heavy|demi|semibold|bx\d*$|[-,]bd?$", re.IGNORECASE)
#: Text smaller than this (points) cannot be read by anyone.
TINY_FONT = 1.0
#: Filled rectangles thinner than this (points) are rules and table lines, not boxes.
MIN_SHAPE_SIDE = 3.0
#: A fill at least this share of the page drawn under all its text is a page background.
BACKGROUND_SHARE = 0.25


@dataclass(slots=True)
class RawBlock:
    """Lines of one MuPDF block that share visibility; ``hidden`` names why they are unseen.

    Lines are assembled into one paragraph as they are added (`add_line`): joined by a space,
    or by nothing after a line-ending hyphen, with the line boxes and the spans at their
    offsets in the paragraph. ``sizes`` (by half point), ``chars`` and ``bold_chars`` count
    the characters of the spans as drawn (surrounding spaces included), for telling headings
    from body text. ``bbox`` is the union of the line boxes once `close` has run."""

    page: int
    bbox: tuple[float, float, float, float]
    hidden: str | None = None
    pieces: list[str] = field(default_factory=list)
    length: int = 0
    boxes: list[tuple[int, Any]] = field(default_factory=list)
    spans: list[dict[str, Any]] = field(default_factory=list)
    line_texts: list[str] = field(default_factory=list)
    sizes: dict[float, int] = field(default_factory=dict)
    chars: int = 0
    bold_chars: int = 0

    def _start_line(self, stripped: str, bbox: Any) -> int:
        """Append a line's text and box; its offset in the paragraph."""
        pieces = self.pieces
        if pieces and pieces[-1][-1] != "-":
            pieces.append(" ")
            self.length += 1
        offset = self.length
        self.line_texts.append(stripped)
        self.boxes.append((offset, bbox))
        pieces.append(stripped)
        self.length = offset + len(stripped)
        return offset

    def _count(self, span: dict[str, Any], n: int) -> bool:
        """Count ``n`` characters of ``span`` by size and weight; whether it is bold."""
        size = span["size"]
        key = _HALF_POINTS.get(size) or _half_point(size)
        self.sizes[key] = self.sizes.get(key, 0) + n
        self.chars += n
        bold = _is_bold(span, span["font"])
        if bold:
            self.bold_chars += n
        return bold

    def add_span_line(self, text: str, stripped: str, bbox: Any, span: dict[str, Any],
                      mode: int) -> None:
        """Append a line drawn as one MuPDF span: ``text`` as drawn, ``stripped`` without
        its surrounding spaces (not empty)."""
        offset = self._start_line(stripped, bbox)
        bold = self._count(span, len(text))
        self.spans.append(_span_entry(offset, self.length, span, bold, mode))

    def add_line(self, text: str, bbox: Any, spans: list[tuple[int, int, dict[str, Any], int]]
                 ) -> None:
        """Append a line: ``text`` as drawn (not blank), its box, and its MuPDF spans as
        ``(start, end, span, render mode)`` with offsets in ``text``."""
        stripped = text.strip()
        offset = self._start_line(stripped, bbox)
        shift = offset - (len(text) - len(text.lstrip()))
        end = self.length
        for start, stop, span, mode in spans:
            bold = self._count(span, stop - start)
            start = max(start + shift, offset)
            stop = min(stop + shift, end)
            if stop > start:
                self.spans.append(_span_entry(start, stop, span, bold, mode))

    def close(self) -> RawBlock:
        """Set ``bbox`` to the union of the line boxes; the block itself."""
        if len(self.boxes) > 1:
            self.bbox = _union_all([box for _, box in self.boxes])
        return self

    @property
    def line_count(self) -> int:
        return len(self.line_texts)

    def text_preview(self) -> str:
        """The block's lines joined by spaces (unlike `assemble`, also after hyphens)."""
        return " ".join(self.line_texts)

    def assemble(self) -> tuple[str, tuple[tuple[int, Any], ...], list[dict[str, Any]]]:
        """The block as one paragraph: its text, line boxes by offset, spans by offset."""
        return "".join(self.pieces), tuple(self.boxes), self.spans


def _span_entry(start: int, end: int, span: dict[str, Any], bold: bool, mode: int
                ) -> dict[str, Any]:
    """A MuPDF span as the model's span (see docs/document-model.md)."""
    color = span["color"]
    return {
        "start": start,
        "end": end,
        "bbox": span["bbox"],
        "color": _HEX.get(color) or _hex(color),
        "size": span["size"],
        "font": span["font"],
        "bold": bold,
        "render_mode": mode,
        "opacity": span["alpha"] / 255,
    }


@dataclass(slots=True)
class PageText:
    blocks: list[RawBlock]
    shapes: list[Shape]


#: Whether a font name reads as bold, by name, filled in as fonts are met (up to
#: `_CACHED` names: a crafted file may use millions).
_BOLD_NAMES: dict[str, bool] = {}
_CACHED = 4096


def _bold_name(font: str) -> bool:
    """Bold by its name: ``Arial-BoldMT``, ``Times,Bold``, TeX's ``CMBX10``/``CMSSBX10``."""
    bold = _BOLD_NAMES.get(font)
    if bold is None:
        bold = bool(_BOLD_NAME.search(font))
        if len(_BOLD_NAMES) < _CACHED:
            _BOLD_NAMES[font] = bold
    return bold


def _is_bold(span: dict[str, Any], font: str) -> bool:
    """Whether a MuPDF span is set bold: by the font's flags, synthetic emboldening or the
    font's name."""
    return bool(span["flags"] & _BOLD_FONT or span["char_flags"] & _SYNTHETIC_BOLD) or \
        _bold_name(font)


#: Font sizes rounded to the half point, filled in as sizes are met (up to `_CACHED`).
_HALF_POINTS: dict[float, float] = {}


def _half_point(size: float) -> float:
    rounded = round(size * 2) / 2
    if len(_HALF_POINTS) < _CACHED:
        _HALF_POINTS[size] = rounded
    return rounded


#: ``#rrggbb`` by MuPDF colour value, filled in as colours are met (up to `_CACHED`).
_HEX: dict[int, str] = {}


def _hex(color: int) -> str:
    text = f"#{color & 0xFFFFFF:06x}"
    if len(_HEX) < _CACHED:
        _HEX[color] = text
    return text


def render_mode(char_flags: int, alpha: int) -> int:
    """The PDF text render mode (0 fill, 1 stroke, 2 both, 3 invisible, 7 clip only)."""
    filled, stroked = bool(char_flags & _FILLED), bool(char_flags & _STROKED)
    if char_flags & _CLIPPED and alpha == 0:
        return 7
    if not filled and not stroked:
        return 3
    if filled and stroked:
        return 2
    return 1 if stroked else 0


#: (render mode, why unseen or None) by ``char_flags << 8 | alpha``, filled in as met.
_BY_FLAGS: dict[int, tuple[int, str | None]] = {}


def _flags_visibility(char_flags: int, alpha: int) -> tuple[int, str | None]:
    mode = render_mode(char_flags, alpha)
    if mode == 3 or mode == 7:
        return mode, "render-mode-3"
    return mode, "transparent" if alpha == 0 else None


def _span_mode(span: dict[str, Any], page_rect: tuple[float, ...]) -> tuple[int, str | None]:
    """A span's render mode and why it cannot be seen (None when it can)."""
    key = span["char_flags"] << 8 | span["alpha"]
    known = _BY_FLAGS.get(key)
    if known is None:
        known = _BY_FLAGS[key] = _flags_visibility(span["char_flags"], span["alpha"])
    if known[1] is not None:
        return known
    x0, y0, x1, y1 = span["bbox"]
    if x1 <= page_rect[0] or x0 >= page_rect[2] or y1 <= page_rect[1] or y0 >= page_rect[3]:
        return known[0], "off-page"
    if span["size"] < TINY_FONT:
        return known[0], "tiny-font"
    return known


def _union_all(boxes: Any) -> tuple[float, float, float, float]:
    x0s, y0s, x1s, y1s = zip(*boxes, strict=True)
    return (min(x0s), min(y0s), max(x1s), max(y1s))


def _one_column(lines: list[dict[str, Any]]) -> bool:
    """The common case, cheaply: each line sits under the one before, overlapping it."""
    previous = lines[0]["bbox"]
    for line in lines[1:]:
        x0, y0, x1, y1 = line["bbox"]
        if (y0 + y1) / 2 < previous[3] - 0.25 * (previous[3] - previous[1]) or \
                x1 <= previous[0] or x0 >= previous[2]:
            return False
        previous = line["bbox"]
    return True


def _columns(lines: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Lines of a MuPDF block grouped by column: MuPDF may join side-by-side legends of a
    two-column page into one block. A line joins a group when it sits under the group's
    last line within the group's width, or continues that line after a gap of at most one
    and a half times its height or font size, whichever is larger (justified text leaves
    wide gaps between words, which MuPDF may take for the end of a line)."""
    if len(lines) < 2 or _one_column(lines):
        return [lines]
    groups: list[tuple[list[dict[str, Any]], list[float]]] = []
    for line in lines:
        x0, y0, x1, y1 = line["bbox"]
        spans = line["spans"]
        gap = 1.5 * max(spans[0]["size"] if spans else 0.0, y1 - y0)
        for group, box in groups:
            _, ly0, lx1, ly1 = group[-1]["bbox"]
            below = (y0 + y1) / 2 >= ly1 - 0.25 * (ly1 - ly0)
            same_row = min(y1, ly1) - max(y0, ly0) > 0.5 * min(y1 - y0, ly1 - ly0)
            if ((below and min(x1, box[2]) - max(x0, box[0]) > 0)
                    or (same_row and -1 <= x0 - lx1 <= gap)):
                group.append(line)
                box[:] = [min(box[0], x0), box[1], max(box[2], x1), max(box[3], y1)]
                break
        else:
            groups.append(([line], [x0, y0, x1, y1]))
    return [group for group, _ in groups]


def _split_block(page: int, lines: list[dict[str, Any]], page_rect: tuple[float, ...]
                 ) -> list[RawBlock]:
    """Lines of one MuPDF block as visible and hidden `RawBlock`s."""
    groups: dict[str | None, RawBlock] = {}
    for line in lines:
        line_spans = line["spans"]
        if len(line_spans) == 1:  # the common case, without the bookkeeping below
            span = line_spans[0]
            text = span["text"]
            stripped = text.strip()
            if not stripped:
                continue
            mode, reason = _span_mode(span, page_rect)
            raw = groups.get(reason)
            if raw is None:
                raw = groups[reason] = RawBlock(page, line["bbox"], hidden=reason)
            raw.add_span_line(text, stripped, line["bbox"], span, mode)
            continue
        parts: dict[str | None, tuple[list[str], list[Any], list[Any]]] = {}
        for span in line_spans:
            text = span["text"]
            if not text:
                continue
            mode, reason = _span_mode(span, page_rect)
            part = parts.get(reason)
            if part is None:
                part = parts[reason] = ([], [], [])
            pieces, spans, boxes = part
            start = sum(map(len, pieces))
            spans.append((start, start + len(text), span, mode))
            pieces.append(text)
            boxes.append(span["bbox"])
        for reason, (pieces, spans, boxes) in parts.items():
            text = "".join(pieces)
            if not text.strip():
                continue
            bbox = line["bbox"] if len(parts) == 1 else _union_all(boxes)
            raw = groups.get(reason)
            if raw is None:
                raw = groups[reason] = RawBlock(page, bbox, hidden=reason)
            raw.add_line(text, bbox, spans)
    return [raw.close() for raw in groups.values()]


def _shape(index: int, block: dict[str, Any], page: int, texts: list[tuple[int, Any]],
           page_area: float) -> Shape | None:
    """A filled rectangle (vector block ``index`` of the page) as a `Shape`, knowing from
    ``texts`` (the page's text blocks by index) whether it was drawn over text; None for a
    page background: a large fill drawn before all the text it overlaps. (Small fills are
    kept whatever their order: black text on a black box drawn first is as unreadable as a
    box drawn over it.)"""
    x0, y0, x1, y1 = box = block["bbox"]
    under = [i for i, bbox in texts if _overlaps(bbox, box)]
    over = any(i < index for i in under)
    if not over and (x1 - x0) * (y1 - y0) >= BACKGROUND_SHARE * page_area:
        return None
    color = block["color"]
    fill = (((color >> 16) & 255) / 255, ((color >> 8) & 255) / 255, (color & 255) / 255)
    rect = tuple(round(v, 2) for v in box)
    return Shape(page=page, rect=rect, fill=fill, opacity=round(block["alpha"] / 255, 3),
                 over_text=over)


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _extract_dict(textpage: Any) -> dict[str, Any]:
    """``textpage.extractDICT()`` with each character's box as MuPDF measures it, from its
    font's ascender to its descender.

    By default PyMuPDF looks both metrics up again for every character, twice, to stretch
    the box of a font that spans less than an em to a full em: a third of the call's time,
    for boxes taller than the glyphs drawn (every check here, covered, off-page or
    overlapping, is about where glyphs are). The switch is PyMuPDF-global, so the caller's
    setting is put back."""
    import pymupdf

    previous = pymupdf.TOOLS.unset_quad_corrections()
    pymupdf.TOOLS.unset_quad_corrections(True)
    try:
        return textpage.extractDICT()
    finally:
        pymupdf.TOOLS.unset_quad_corrections(previous)


def read_page_text(page: Any, rect: tuple[float, float, float, float],
                   also: Any = None) -> PageText:
    """The text blocks and filled rectangles of ``page`` (a pymupdf.Page whose box is
    ``rect``), unordered; ``also`` is another MuPDF device to run the page into meanwhile."""
    import pymupdf

    from mslint.parsers.pdf_run import UNBOUNDED, run_page_contents

    mupdf = pymupdf.mupdf
    options = mupdf.FzStextOptions()
    options.flags = pymupdf.TEXT_COLLECT_VECTORS
    stext = mupdf.FzStextPage(mupdf.FzRect(*UNBOUNDED))
    devices = [mupdf.fz_new_stext_device(stext, options)]
    if also is not None:
        devices.append(also)
    run_page_contents(page, devices)
    textpage = pymupdf.TextPage(stext)
    textpage.parent = page
    data = _extract_dict(textpage)
    number = page.number + 1
    blocks: list[RawBlock] = []
    texts: list[tuple[int, Any]] = []
    vectors: list[tuple[int, dict[str, Any]]] = []
    for index, block in enumerate(data["blocks"]):
        kind = block["type"]
        if kind == 0:
            texts.append((index, block["bbox"]))
            for lines in _columns(block["lines"]):
                blocks.extend(_split_block(number, lines, rect))
        elif kind == 3 and block.get("isrect") and not block.get("stroked") and block["alpha"]:
            x0, y0, x1, y1 = block["bbox"]
            if x1 - x0 >= MIN_SHAPE_SIDE and y1 - y0 >= MIN_SHAPE_SIDE:
                vectors.append((index, block))
    area = (rect[2] - rect[0]) * (rect[3] - rect[1])
    shapes = [shape for i, b in vectors if (shape := _shape(i, b, number, texts, area))]
    return PageText(blocks, shapes)
