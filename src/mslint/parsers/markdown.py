"""Markdown manuscripts (CommonMark + tables, pandoc/Manubot figures, YAML front matter).

Every block keeps exact 1-based line:column anchors into the source, so a finding points
at the character an editor shows. HTML comments are not checked (they are not published)
but ``<!-- mslint: ignore[MS206] -->`` in them suppresses findings on that line and the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mslint.figures import is_legends_section, parse_figure_label
from mslint.hookspecs import hookimpl
from mslint.model import Anchor, BlockKind, Document, Figure, Location, TextBlock
from mslint.parser import ParseOptions
from mslint.parsers.textsource import (
    LineIndex,
    load_referenced_image,
    read_source,
    suppression_codes,
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_PANDOC_ATTRS = re.compile(r"\s*\{[#.][^}]*\}\s*$")
_AUTHOR_KEYS = ("author", "authors")


@dataclass
class _State:
    path: Path
    source: str
    index: LineIndex
    options: ParseOptions
    doc: Document
    section: list[tuple[int, str]] = field(default_factory=list)
    figure_images: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def section_path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.section)


class MarkdownParser:
    format = "markdown"
    extensions = (".md", ".markdown", ".mdown", ".mkd")

    def sniff(self, head: bytes) -> bool:
        return b"\x00" not in head

    def parse(self, path: Path, options: ParseOptions) -> Document:
        source = read_source(path, options.limits)
        doc = Document(path=path, format=self.format)
        state = _State(path, source, LineIndex(source), options, doc)
        _collect_suppressions(state)
        body_start = _front_matter(state)
        _walk_tokens(state, body_start)
        _assemble_figures(state)
        return doc


def _collect_suppressions(state: _State) -> None:
    for m in _HTML_COMMENT.finditer(state.source):
        codes = suppression_codes(m.group(1))
        if codes:
            line, _ = state.index.position(m.start())
            end_line, _ = state.index.position(m.end())
            for ln in range(line, end_line + 1):
                state.doc.suppressions[("", ln)] = codes


def _front_matter(state: _State) -> int:
    """Read YAML front matter (title, authors, affiliations) as front-matter blocks.

    Only the shapes manuscripts use are understood: ``key: value`` at the top level, and
    lists under ``author``/``authors`` whose items are ``- Name``, ``- name: Name`` or
    ``- Name:`` followed by nested details (institute, email).
    """
    m = _FRONT_MATTER.match(state.source)
    if not m:
        return 0
    current_key = ""
    item_indent: int | None = None
    for n, raw in enumerate(m.group(1).splitlines(), start=2):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip())
        top = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", raw)
        if indent == 0 and top:
            current_key, item_indent = top.group(1).lower(), None
            _front_block(state, top.group(2), raw, n, current_key)
            continue
        item = re.match(r"^\s*-\s+(.*)$", raw)
        if item and (item_indent is None or indent == item_indent):
            item_indent = indent
            body = item.group(1)
            named = re.match(r"^name\s*:\s*(.+)$", body) or re.match(r"^([^:]+?)\s*:\s*$", body)
            keyed = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.+)$", body)
            if named:
                value = named.group(1)
            elif keyed:
                _front_block(
                    state, keyed.group(2), raw, n, f"{current_key}.{keyed.group(1).lower()}"
                )
                continue
            else:
                value = body
            if current_key in _AUTHOR_KEYS:
                state.doc.authors.append(value.strip().strip("'\""))
            _front_block(state, value, raw, n, current_key)
            continue
        nested = re.match(r"^\s*-?\s*([A-Za-z_][\w-]*)\s*:\s*(.*)$", raw)
        if nested:
            _front_block(state, nested.group(2), raw, n, f"{current_key}.{nested.group(1).lower()}")
        else:
            _front_block(state, raw.strip().lstrip("- "), raw, n, current_key)
    return m.end()


def _front_block(state: _State, value: str, raw: str, line: int, role: str) -> None:
    text = value.strip().strip("'\"")
    if not text or text in ("|", ">", "[]", "{}"):
        return
    col = raw.find(text) + 1 or 1
    state.doc.blocks.append(
        TextBlock(
            text=text,
            kind=BlockKind.BODY,
            location=Location(line=line, column=col),
            section=("Front matter",),
            anchors=(Anchor(0, line, col),),
            attrs={"front_matter": role},
        )
    )


def _walk_tokens(state: _State, body_start: int) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    line_offset = state.source.count("\n", 0, body_start)
    tokens = md.parse(state.source[body_start:])
    i = 0
    table_pos: list[int] = [0, 0, 0]
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            block = _inline_block(state, inline, line_offset, BlockKind.HEADING)
            level = int(tok.tag[1:])
            while state.section and state.section[-1][0] >= level:
                state.section.pop()
            title = block.text.strip() if block else ""
            state.section.append((level, title))
            if block:
                block.section = state.section_path
                state.doc.blocks.append(block)
            i += 3
            continue
        if tok.type == "table_open":
            table_pos[0] += 1
            table_pos[1] = 0
        elif tok.type == "tr_open":
            table_pos[1] += 1
            table_pos[2] = 0
        elif tok.type in ("th_open", "td_open"):
            table_pos[2] += 1
            block = _inline_block(state, tokens[i + 1], line_offset, BlockKind.TABLE_CELL)
            if block and block.text.strip():
                block.attrs.update(table=table_pos[0], row=table_pos[1], col=table_pos[2])
                state.doc.blocks.append(block)
            i += 3
            continue
        elif tok.type == "paragraph_open":
            _paragraph(state, tokens[i + 1], line_offset)
            i += 3
            continue
        elif tok.type in ("fence", "code_block") and tok.map:
            line = tok.map[0] + 1 + line_offset + (1 if tok.type == "fence" else 0)
            text = tok.content
            if text.strip():
                state.doc.blocks.append(
                    TextBlock(
                        text=text,
                        kind=BlockKind.BODY,
                        location=Location(line=line, column=1),
                        section=state.section_path,
                        anchors=tuple(
                            Anchor(o, line + n, 1) for n, o in enumerate(_line_starts(text))
                        ),
                        attrs={"code": True},
                    )
                )
        i += 1


def _line_starts(text: str) -> list[int]:
    """Offsets where each line of ``text`` starts (a trailing newline starts no line)."""
    return [0] + [m.end() for m in re.finditer("\n", text) if m.end() < len(text)]


def _paragraph(state: _State, inline: object, line_offset: int) -> None:
    images = [c for c in (inline.children or []) if c.type == "image"]  # type: ignore[attr-defined]
    block = _inline_block(state, inline, line_offset, BlockKind.BODY)
    for img_tok in images:
        _add_image(
            state,
            inline,
            img_tok,
            line_offset,
            standalone=block is None or not _PANDOC_ATTRS.sub("", block.text).strip(),
        )
    if block is None or not _PANDOC_ATTRS.sub("", block.text).strip():
        return
    label = parse_figure_label(block.text)
    if label:
        block.kind = BlockKind.CAPTION
        block.attrs["figure_label"] = label.label
        if any(is_legends_section(t) for t in state.section_path):
            block.attrs["legends_section"] = True
    state.doc.blocks.append(block)


_HTML_TAG = re.compile(r"^</?([A-Za-z][A-Za-z0-9-]*)")
_HTML_ELEMENTS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "div",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "p",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
        "table",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "figure",
        "figcaption",
        "caption",
        "center",
        "hr",
        "ol",
        "ul",
        "li",
        "dl",
        "dt",
        "dd",
        "section",
        "details",
        "summary",
        "",
    }
)


def _is_template_placeholder(html: str) -> bool:
    """``<to be provided>`` or ``<insert name>``: template text that only looks like HTML.
    Real HTML tags and comments are not text."""
    m = _HTML_TAG.match(html)
    return bool(m) and not html.startswith("<!--") and m.group(1).lower() not in _HTML_ELEMENTS


def _inline_block(
    state: _State, inline: object, line_offset: int, kind: BlockKind
) -> TextBlock | None:
    """Plain text of an inline token with anchors found by matching pieces in the source."""
    tok_map = inline.map  # type: ignore[attr-defined]
    if not tok_map:
        return None
    first_line = tok_map[0] + 1 + line_offset
    seg_start = state.index.offset(first_line)
    last_line = min(tok_map[1] + line_offset, len(state.index.starts))
    seg_end = (
        state.index.starts[last_line] if last_line < len(state.index.starts) else len(state.source)
    )
    cursor = seg_start
    parts: list[str] = []
    anchors: list[Anchor] = []
    length = 0
    for child in inline.children or []:  # type: ignore[attr-defined]
        if child.type in ("text", "code_inline"):
            piece = child.content
        elif child.type in ("softbreak", "hardbreak"):
            piece = "\n"
        elif child.type == "html_inline":
            if not _is_template_placeholder(child.content):
                continue
            piece = child.content
        else:
            continue
        if not piece:
            continue
        if piece != "\n":
            found = state.source.find(piece, cursor, seg_end)
            if found >= 0:
                line, col = state.index.position(found)
                anchors.append(Anchor(length, line, col))
                cursor = found + len(piece)
        parts.append(piece)
        length += len(piece)
    text = "".join(parts)
    if not text.strip():
        return None
    if not anchors:
        anchors.append(Anchor(0, first_line, 1))
    loc = Location(line=anchors[0].line, column=anchors[0].column)
    return TextBlock(
        text=text, kind=kind, location=loc, section=state.section_path, anchors=tuple(anchors)
    )


def _add_image(
    state: _State, inline: object, img_tok: object, line_offset: int, standalone: bool
) -> None:
    src = img_tok.attrs.get("src", "")  # type: ignore[attr-defined]
    alt = "".join(c.content for c in (img_tok.children or []) if c.type == "text")  # type: ignore[attr-defined]
    first = state.index.offset(inline.map[0] + 1 + line_offset)  # type: ignore[attr-defined]
    src_at = state.source.find(src, first) if src else -1
    bang = state.source.rfind("![", first, src_at) if src_at >= 0 else -1
    line, col = state.index.position(bang if bang >= 0 else first)
    location = Location(line=line, column=col)
    image = load_referenced_image(state.path, src, location, state.options.limits)
    image.alt_text = alt
    if not any(existing.id == image.id for existing in state.doc.images):
        state.doc.images.append(image)
    if alt.strip():
        state.doc.blocks.append(
            TextBlock(
                text=alt,
                kind=BlockKind.ALT_TEXT if not standalone else BlockKind.CAPTION,
                location=location,
                section=state.section_path,
                anchors=(Anchor(0, line, col + 2),),
                attrs={"image_id": image.id},
            )
        )
    if standalone:
        state.figure_images.append(
            (image.id, alt, len(state.doc.blocks) - 1 if alt.strip() else -1)
        )


def _assemble_figures(state: _State) -> None:
    """Figures from standalone images (their caption is the alt text) and from
    ``Figure N.`` paragraphs, paired with images by number and order."""
    doc = state.doc
    captions = [
        (i, b)
        for i, b in enumerate(doc.blocks)
        if b.kind is BlockKind.CAPTION and "figure_label" in b.attrs
    ]
    used_captions: set[int] = set()
    for order, (image_id, alt, block_idx) in enumerate(state.figure_images, start=1):
        caption_text = _PANDOC_ATTRS.sub("", alt).strip()
        label = parse_figure_label(caption_text)
        if label:
            name, legend = label.label, caption_text[label.legend_start :].strip()
        else:
            name, legend = f"Figure {order}", caption_text
        if block_idx >= 0:
            doc.blocks[block_idx].attrs["figure_label"] = name
        matched = next(
            (i for i, b in captions if i not in used_captions and b.attrs["figure_label"] == name),
            None,
        )
        if matched is not None and not legend:
            used_captions.add(matched)
            lbl = parse_figure_label(doc.blocks[matched].text)
            legend = (
                doc.blocks[matched].text[lbl.legend_start :].strip()
                if lbl
                else doc.blocks[matched].text
            )
            block_idx = matched
        image = doc.image(image_id)
        if image is not None:
            image.figure_label = name
        location = image.location if image else Location()
        doc.figures.append(
            Figure(
                label=name,
                legend=legend,
                location=location,
                number=name.split()[-1],
                image_ids=(image_id,),
                legend_block=block_idx if block_idx >= 0 else None,
            )
        )
    have = {f.label for f in doc.figures}
    for i, block in captions:
        name = block.attrs["figure_label"]
        if i in used_captions or name in have:
            continue
        lbl = parse_figure_label(block.text)
        legend = block.text[lbl.legend_start :].strip() if lbl else block.text
        doc.figures.append(
            Figure(
                label=name,
                legend=legend,
                location=block.location,
                number=name.split()[-1],
                legend_block=i,
            )
        )
        have.add(name)


@hookimpl
def mslint_parsers() -> list[MarkdownParser]:
    return [MarkdownParser()]
