"""LaTeX manuscripts, tokenised with pylatexenc.

Sections, paragraphs, footnotes, table cells, figure environments with their captions and
``\\includegraphics`` files (resolved relative to the manuscript, ``\\graphicspath`` honoured),
title-page macros (``\\author``, ``\\affil``, ``\\email``) as front matter, the bibliography as
the "References" section. ``\\input``/``\\include``/``\\subfile`` are followed with a cycle and
depth guard; their blocks carry ``Location.source``. ``%`` comments are not checked, but
``% mslint: ignore[MS206]`` suppresses findings on its line and the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mslint.figures import is_legends_section, parse_figure_label
from mslint.hookspecs import hookimpl
from mslint.model import Anchor, BlockKind, Document, Figure, Location, TextBlock
from mslint.parser import ParseOptions, UnreadableFile
from mslint.parsers.textsource import (
    GRAPHICS_FALLBACKS,
    LineIndex,
    load_referenced_image,
    read_source,
    suppression_codes,
)

SECTION_LEVELS = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "subsection": 3,
    "subsubsection": 4,
    "paragraph": 5,
    "subparagraph": 6,
}
FRONT_MATTER = {
    "title": "title",
    "author": "author",
    "affil": "affiliation",
    "affiliation": "affiliation",
    "address": "affiliation",
    "institute": "affiliation",
    "email": "email",
    "thanks": "author-note",
    "corres": "correspondence",
    "corresp": "correspondence",
}
INLINE_TEXT = {
    "emph",
    "textbf",
    "textit",
    "textsl",
    "textsc",
    "textrm",
    "textsf",
    "texttt",
    "textup",
    "underline",
    "uline",
    "mbox",
    "text",
    "hl",
    "textnormal",
    "fnm",
    "sur",
    "orgname",
    "orgdiv",
    "street",
    "city",
    "postcode",
    "state",
    "country",
    "orgaddress",
    "prefix",
    "suffix",
    "spfx",
    "small",
    "footnotesize",
    "large",
    "textcolor",
    "snm",
    "gname",
    "surname",
}
SKIP_MACROS = {
    "label",
    "ref",
    "eqref",
    "autoref",
    "cref",
    "Cref",
    "pageref",
    "cite",
    "citep",
    "citet",
    "citeauthor",
    "citeyear",
    "nocite",
    "usepackage",
    "documentclass",
    "newcommand",
    "renewcommand",
    "providecommand",
    "def",
    "let",
    "setlength",
    "setcounter",
    "addtolength",
    "vspace",
    "hspace",
    "bibliographystyle",
    "bibliography",
    "pagestyle",
    "thispagestyle",
    "maketitle",
    "centering",
    "raggedright",
    "newpage",
    "clearpage",
    "noindent",
    "linenumbers",
    "graphicspath",
    "tableofcontents",
    "appendix",
    "hline",
    "toprule",
    "midrule",
    "bottomrule",
    "cline",
    "multicolumn",
    "color",
    "definecolor",
    "hypersetup",
    "url",
    "doi",
    "jyear",
    "jnlcitation",
    "equalcont",
    "keywords",
    "abbreviations",
    "begin",
    "end",
    "input",
    "include",
    "inits",
    "orcidID",
    "orcid",
    "corref",
    "fnref",
    "tnoteref",
    "ead",
    "cortext",
    "fntext",
}
SKIP_ENVIRONMENTS = {
    "equation",
    "equation*",
    "align",
    "align*",
    "gather",
    "gather*",
    "multline",
    "eqnarray",
    "displaymath",
    "math",
    "verbatim",
    "lstlisting",
    "minted",
    "comment",
    "tikzpicture",
    "thebibliography*",
}
FIGURE_ENVIRONMENTS = {"figure", "figure*", "wrapfigure", "SCfigure", "sidewaysfigure"}
TABLE_ENVIRONMENTS = {"table", "table*", "sidewaystable"}
TABULAR_ENVIRONMENTS = {"tabular", "tabular*", "tabularx", "longtable", "tabu", "supertabular"}
SPECIALS = {"~": " ", "--": "–", "---": "—", "``": "“", "''": "”", "!`": "¡", "?`": "¿"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_COMMENT = re.compile(r"(?<!\\)%(.*)$")


@lru_cache(maxsize=1)
def _context_db() -> Any:
    from pylatexenc.latexwalker import get_default_latex_context_db
    from pylatexenc.macrospec import MacroSpec

    db = get_default_latex_context_db()
    specs = [
        MacroSpec("caption", "*[{"),
        MacroSpec("subcaption", "*[{"),
        MacroSpec("href", "{{"),
        MacroSpec("bibitem", "[{"),
        MacroSpec("affil", "*[{"),
        MacroSpec("affiliation", "[{"),
        MacroSpec("address", "[{"),
        MacroSpec("institute", "{"),
        MacroSpec("thanks", "{"),
        MacroSpec("email", "[{"),
        MacroSpec("fnm", "{"),
        MacroSpec("sur", "{"),
        MacroSpec("orgname", "{"),
        MacroSpec("orgdiv", "{"),
        MacroSpec("orgaddress", "{"),
        MacroSpec("street", "{"),
        MacroSpec("city", "{"),
        MacroSpec("postcode", "{"),
        MacroSpec("state", "{"),
        MacroSpec("country", "{"),
        MacroSpec("subfile", "{"),
        MacroSpec("graphicspath", "{"),
        MacroSpec("paragraph", "*[{"),
        MacroSpec("subparagraph", "*[{"),
        MacroSpec("author", "*[{"),
        MacroSpec("title", "[{"),
        MacroSpec("inits", "{"),
        MacroSpec("snm", "{"),
        MacroSpec("orcidID", "{"),
        MacroSpec("orcid", "{"),
        MacroSpec("textcolor", "{{"),
        MacroSpec("corres", "{"),
        MacroSpec("corresp", "[{"),
        MacroSpec("hl", "{"),
        MacroSpec("uline", "{"),
        MacroSpec("keywords", "{"),
        MacroSpec("abbreviations", "{"),
        MacroSpec("jyear", "{"),
        MacroSpec("doi", "{"),
    ]
    db.add_context_category("mslint", macros=specs, prepend=True)
    return db


@dataclass
class _Paragraph:
    parts: list[str] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, anchor: tuple[int, int] | None) -> None:
        if not text:
            return
        if anchor is not None:
            self.anchors.append(Anchor(self.length, anchor[0], anchor[1]))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _FigureEnv:
    images: list[str] = field(default_factory=list)
    caption_block: int | None = None


@dataclass
class _File:
    path: Path
    source: str
    index: LineIndex
    rel: str


class _Walker:
    def __init__(self, path: Path, options: ParseOptions) -> None:
        self.main = path
        self.options = options
        self.doc = Document(path=path, format="latex")
        self.sections: list[tuple[int, str]] = []
        self.visited: set[Path] = set()
        self.graphics_paths: list[str] = [""]
        self.para = _Paragraph()
        self.para_kind = BlockKind.BODY
        self.para_attrs: dict[str, Any] = {}
        self.file: _File | None = None
        self.figure: _FigureEnv | None = None
        self.figure_count = 0
        self.in_document = False
        self.has_document_env = False
        self.pending_legend: int | None = None

    # ---- files -------------------------------------------------------------------------
    def parse_file(self, path: Path, depth: int) -> None:
        resolved = path.resolve()
        if resolved in self.visited:
            return
        if depth > self.options.limits.max_include_depth:
            raise UnreadableFile(
                f"\\input nesting deeper than {self.options.limits.max_include_depth}"
            )
        self.visited.add(resolved)
        source = read_source(path, self.options.limits)
        rel = "" if depth == 0 else _relative(path, self.main.parent)
        if depth == 0:
            self.has_document_env = "\\begin{document}" in source
            self.in_document = not self.has_document_env
        else:
            self.doc.includes.append(rel)
        outer = self.file
        self.file = _File(path, source, LineIndex(source), rel)
        self._suppressions()
        from pylatexenc.latexwalker import LatexWalker

        nodes, _, _ = LatexWalker(
            source, latex_context=_context_db(), tolerant_parsing=True
        ).get_latex_nodes()
        self.walk(nodes, depth)
        self.flush()
        self.file = outer

    def _suppressions(self) -> None:
        assert self.file is not None
        for n, line in enumerate(self.file.source.splitlines(), start=1):
            m = _COMMENT.search(line)
            if m:
                codes = suppression_codes(m.group(1))
                if codes:
                    self.doc.suppressions[(self.file.rel, n)] = codes

    def _pos(self, offset: int) -> tuple[int, int]:
        assert self.file is not None
        return self.file.index.position(offset)

    def _location(self, offset: int) -> Location:
        line, col = self._pos(offset)
        return Location(line=line, column=col, source=self.file.rel or None if self.file else None)

    # ---- paragraphs --------------------------------------------------------------------
    @property
    def section_path(self) -> tuple[str, ...]:
        return tuple(t for _, t in self.sections)

    def add_text(self, text: str, pos: int | None) -> None:
        """Append source text at ``pos``, one anchor per source line."""
        if pos is None:
            self.para.add(text, None)
            return
        offset = 0
        for piece in text.splitlines(keepends=True):
            self.para.add(piece, self._pos(pos + offset))
            offset += len(piece)

    def flush(self) -> int | None:
        """Emit the paragraph being built as a block; returns its index."""
        para, kind, attrs = self.para, self.para_kind, self.para_attrs
        self.para, self.para_kind, self.para_attrs = _Paragraph(), BlockKind.BODY, {}
        raw = para.text
        if not raw.strip() or not para.anchors:
            return None
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        anchors = []
        for a in para.anchors:
            shifted = a.offset - lead
            if shifted < 0:
                continue
            anchors.append(Anchor(shifted, a.line, a.column))
        if not anchors or anchors[0].offset > 0:
            line, col = _advance(para.anchors[0], raw, lead)
            anchors.insert(0, Anchor(0, line, col))
        loc = Location(
            line=anchors[0].line,
            column=anchors[0].column,
            source=(self.file.rel or None) if self.file else None,
        )
        if kind is BlockKind.BODY and not self.in_document:
            return None
        block = TextBlock(
            text=text,
            kind=kind,
            location=loc,
            section=self.section_path,
            anchors=tuple(anchors),
            attrs=attrs,
        )
        self._attach_pending_legend(block)
        self.doc.blocks.append(block)
        return len(self.doc.blocks) - 1

    def _attach_pending_legend(self, block: TextBlock) -> None:
        """A paragraph right after a ``Figure N - title`` heading is that figure's legend."""
        if self.pending_legend is None or block.kind is not BlockKind.BODY:
            self.pending_legend = None
            return
        fig = self.doc.figures[self.pending_legend]
        fig.legend = f"{fig.legend} {block.text}".strip()
        block.kind = BlockKind.CAPTION
        block.attrs["figure_label"] = fig.label
        self.pending_legend = None

    def emit(self, kind: BlockKind, nodes: list[Any], depth: int, **attrs: Any) -> int | None:
        """Emit ``nodes`` as one block of ``kind`` without disturbing the paragraph in progress."""
        saved = (self.para, self.para_kind, self.para_attrs)
        self.para, self.para_kind, self.para_attrs = _Paragraph(), kind, dict(attrs)
        self.walk(nodes, depth, inline=True)
        index = self.flush()
        self.para, self.para_kind, self.para_attrs = saved
        return index

    # ---- nodes -------------------------------------------------------------------------
    def walk(self, nodes: list[Any] | None, depth: int, inline: bool = False) -> None:
        from pylatexenc import latexwalker as lw

        for node in nodes or []:
            if isinstance(node, lw.LatexCharsNode):
                self._chars(node.chars, node.pos, inline)
            elif isinstance(node, lw.LatexSpecialsNode):
                if node.specials_chars == "&" and self.para_kind is BlockKind.TABLE_CELL:
                    self._cell_break()
                else:
                    self.add_text(SPECIALS.get(node.specials_chars, node.specials_chars), None)
            elif isinstance(node, lw.LatexGroupNode):
                self.walk(node.nodelist, depth, inline)
            elif isinstance(node, lw.LatexMacroNode):
                self._macro(node, depth, inline)
            elif isinstance(node, lw.LatexEnvironmentNode):
                self._environment(node, depth)
            elif isinstance(node, lw.LatexMathNode):
                self.add_text(" ", None)

    def _chars(self, chars: str, pos: int, inline: bool) -> None:
        if inline:
            self.add_text(chars, pos)
            return
        start = 0
        for m in _PARAGRAPH_BREAK.finditer(chars):
            self.add_text(chars[start : m.start()], pos + start)
            if self.para_kind is BlockKind.TABLE_CELL:
                self.add_text(" ", None)
            else:
                self.flush()
            start = m.end()
        self.add_text(chars[start:], pos + start)

    def _macro(self, node: Any, depth: int, inline: bool) -> None:
        name = node.macroname
        args = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
        last = args[-1] if args else None
        if name in SECTION_LEVELS and last is not None and not inline:
            self._section(name, last, depth)
        elif name in ("input", "include", "subfile") and last is not None:
            self.flush()
            self._include(_plain(last), depth)
        elif name == "graphicspath" and last is not None:
            self.graphics_paths += re.findall(r"\{([^{}]*)\}", _raw(self, last))
        elif name in ("caption", "subcaption") and last is not None:
            self._caption(last, depth)
        elif name == "includegraphics" and last is not None:
            self._graphics(_plain(last), node.pos)
        elif name == "footnote" and last is not None:
            self.emit(BlockKind.FOOTNOTE, [last], depth)
        elif name in FRONT_MATTER and last is not None:
            self._front_matter(name, last, depth)
        elif name == "\\":
            if self.para_kind is BlockKind.TABLE_CELL:
                self._cell_break(row_end=True)
            else:
                self.add_text("\n", None)
        elif name == "par":
            self.flush()
        elif name == "and":
            self.add_text("; ", None)
        elif name in ("item", "bibitem"):
            if self.para_kind is not BlockKind.TABLE_CELL:
                self.flush()
        elif name in SKIP_MACROS:
            return
        elif name in INLINE_TEXT or name == "href":
            self.walk([last] if last is not None else [], depth, inline=True)
        elif len(name) == 1 and not name.isalpha():
            self.add_text(name if name in "%&$#_{}" else "", None)
        else:
            self.walk(args, depth, inline=True)

    def _section(self, name: str, title_node: Any, depth: int) -> None:
        self.flush()
        level = SECTION_LEVELS[name]
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        title = " ".join(_plain(title_node).split())
        label = parse_figure_label(title)
        self.sections.append((level, title))
        if label and any(
            is_legends_section(t) or t.lower().startswith("figure") for t in self.section_path[:-1]
        ):
            self.sections.pop()
            index = self.emit(
                BlockKind.CAPTION,
                [title_node],
                depth,
                figure_label=label.label,
                legends_section=True,
            )
            self._register_figure(label.label, title[label.legend_start :].strip(), index, ())
            self.pending_legend = len(self.doc.figures) - 1
            return
        self.emit(BlockKind.HEADING, [title_node], depth)

    def _include(self, target: str, depth: int) -> None:
        assert self.file is not None
        base = self.file.path.parent
        candidate = base / target
        for path in (candidate, candidate.with_name(candidate.name + ".tex")):
            if path.is_file():
                self.parse_file(path, depth + 1)
                return

    def _caption(self, node: Any, depth: int) -> None:
        self.flush()
        if self.figure is None:
            self.emit(BlockKind.CAPTION, [node], depth, table_caption=True)
            return
        self.figure_count += 1
        text = " ".join(_plain(node).split())
        parsed = parse_figure_label(text)
        label = parsed.label if parsed else f"Figure {self.figure_count}"
        self.figure.caption_block = self.emit(BlockKind.CAPTION, [node], depth, figure_label=label)

    def _graphics(self, target: str, pos: int) -> None:
        assert self.file is not None
        location = self._location(pos)
        image = None
        for prefix in self.graphics_paths:
            candidate = load_referenced_image(
                self.file.path, prefix + target, location, self.options.limits, GRAPHICS_FALLBACKS
            )
            if not candidate.attrs.get("missing"):
                image = candidate
                break
        if image is None:
            image = load_referenced_image(
                self.file.path, target, location, self.options.limits, GRAPHICS_FALLBACKS
            )
        if self.file.rel:
            image.id = _relative(self.file.path.parent / image.id, self.main.parent)
        if self.doc.image(image.id) is None:
            self.doc.images.append(image)
        if self.figure is not None:
            self.figure.images.append(image.id)

    def _front_matter(self, name: str, node: Any, depth: int) -> None:
        role = FRONT_MATTER[name]
        self.flush()
        saved = self.in_document
        self.in_document = True
        sections = self.sections
        self.sections = [(0, "Front matter")]
        index = self.emit(BlockKind.BODY, [node], depth, front_matter=role)
        self.sections = sections
        self.in_document = saved
        if role == "author" and index is not None:
            names = re.split(r";|,|\band\b", self.doc.blocks[index].text)
            self.doc.authors.extend(" ".join(n.split()) for n in names if n.strip())

    def _cell_break(self, row_end: bool = False) -> None:
        attrs = dict(self.para_attrs)
        self.flush()
        self.para_kind = BlockKind.TABLE_CELL
        col = attrs.get("col", 1)
        self.para_attrs = {
            **attrs,
            "col": 1 if row_end else col + 1,
            "row": attrs.get("row", 1) + (1 if row_end else 0),
        }

    def _environment(self, node: Any, depth: int) -> None:
        env = node.environmentname
        if env == "document":
            self.flush()
            self.in_document = True
            self.walk(node.nodelist, depth)
            self.flush()
        elif env in SKIP_ENVIRONMENTS:
            return
        elif env in FIGURE_ENVIRONMENTS:
            self.flush()
            outer, self.figure = self.figure, _FigureEnv()
            self.walk(node.nodelist, depth)
            self.flush()
            fig, self.figure = self.figure, outer
            self._figure_done(fig, node.pos)
        elif env in TABULAR_ENVIRONMENTS:
            self.flush()
            table = (
                sum(
                    1
                    for b in self.doc.blocks
                    if b.kind is BlockKind.TABLE_CELL
                    and b.attrs.get("row") == 1
                    and b.attrs.get("col") == 1
                )
                + 1
            )
            self.para_kind, self.para_attrs = (
                BlockKind.TABLE_CELL,
                {"table": table, "row": 1, "col": 1},
            )
            self.walk(node.nodelist, depth)
            self.flush()
        elif env in ("abstract", "thebibliography", "acknowledgements", "acknowledgments"):
            self.flush()
            title = {"abstract": "Abstract", "thebibliography": "References"}.get(
                env, "Acknowledgements"
            )
            saved = self.sections
            self.sections = [*saved, (99, title)]
            body = list(node.nodelist or [])
            if env == "thebibliography":
                body = _without_leading_group(body)
            self.walk(body, depth)
            self.flush()
            self.sections = saved
        else:
            self.flush()
            self.walk(node.nodelist, depth)
            self.flush()

    def _figure_done(self, fig: _FigureEnv, pos: int) -> None:
        if fig.caption_block is None and not fig.images:
            return
        if fig.caption_block is not None:
            block = self.doc.blocks[fig.caption_block]
            label = block.attrs["figure_label"]
            parsed = parse_figure_label(block.text)
            legend = block.text[parsed.legend_start :].strip() if parsed else block.text
        else:
            self.figure_count += 1
            label, legend = f"Figure {self.figure_count}", ""
        for image_id in fig.images:
            image = self.doc.image(image_id)
            if image is not None:
                image.figure_label = label
        self._register_figure(label, legend, fig.caption_block, tuple(fig.images), pos)

    def _register_figure(
        self,
        label: str,
        legend: str,
        block: int | None,
        images: tuple[str, ...],
        pos: int | None = None,
    ) -> None:
        location = (
            self.doc.blocks[block].location
            if block is not None
            else (self._location(pos) if pos is not None else Location())
        )
        self.doc.figures.append(
            Figure(
                label=label,
                legend=legend,
                location=location,
                number=label.split()[-1],
                image_ids=images,
                legend_block=block,
            )
        )


def _without_leading_group(nodes: list[Any]) -> list[Any]:
    """Drop the ``{99}`` widest-label argument that opens ``thebibliography``."""
    from pylatexenc import latexwalker as lw

    for i, node in enumerate(nodes):
        if isinstance(node, lw.LatexGroupNode):
            return nodes[:i] + nodes[i + 1 :]
        if not (isinstance(node, lw.LatexCharsNode) and not node.chars.strip()):
            break
    return nodes


def _advance(anchor: Anchor, raw: str, lead: int) -> tuple[int, int]:
    """Line and column of ``raw[lead]`` given the anchor of ``raw[anchor.offset]``."""
    skipped = raw[anchor.offset : lead]
    newlines = skipped.count("\n")
    if newlines:
        return anchor.line + newlines, len(skipped) - skipped.rfind("\n")
    return anchor.line, anchor.column + len(skipped)


def _plain(node: Any) -> str:
    """The text of a node with macros dropped (for titles, file names)."""
    from pylatexenc.latex2text import LatexNodes2Text

    nodes = node.nodelist if hasattr(node, "nodelist") and node.nodelist is not None else [node]
    return (
        LatexNodes2Text(math_mode="remove", strict_latex_spaces=True)
        .nodelist_to_text(nodes)
        .strip()
    )


def _raw(walker: _Walker, node: Any) -> str:
    assert walker.file is not None
    return walker.file.source[node.pos : node.pos + node.len]


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.name


class LatexParser:
    format = "latex"
    extensions = (".tex", ".ltx", ".latex")

    def sniff(self, head: bytes) -> bool:
        return b"\x00" not in head

    def parse(self, path: Path, options: ParseOptions) -> Document:
        walker = _Walker(path, options)
        try:
            walker.parse_file(path, 0)
        except RecursionError:
            raise UnreadableFile("LaTeX nesting too deep to parse") from None
        return walker.doc


@hookimpl
def mslint_parsers() -> list[LatexParser]:
    return [LatexParser()]
