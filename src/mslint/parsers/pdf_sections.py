"""PDF text blocks as `TextBlock`s: headings, captions and section paths.

A PDF has no styles, so headings are inferred the way a reader does: a short line set larger
than the body text or in bold, a numbered title ("2. Case presentation", "2.1 History"), or
one of the section names manuscripts use ("Declarations", "Consent for publication") standing
alone. Heading levels come from the heading's type style (larger first, bold before regular)
and from the depth of its numbering.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from mslint.figures import parse_figure_label
from mslint.model import BlockKind, Location, TextBlock
from mslint.parsers.pdf_text import RawBlock

_NUMBERING = re.compile(r"^\s*((?:\d{1,2}|[IVX]{1,5}|[A-H])(?:\.\d{1,2}){0,3})(?:\.|\))?\s+(?=\S)")
_SECTION_NAMES = re.compile(
    r"^\s*(?:abstract|background|introduction|case\s+(?:presentation|report|description|history)"
    r"|methods?|materials\s+and\s+methods|results|discussion|conclusions?|references"
    r"|bibliography|acknowledge?ments?|declarations?|consent(?:\s+for\s+publication)?"
    r"|ethics(?:\s+approval)?(?:\s+and\s+consent\s+to\s+participate)?|funding"
    r"|competing\s+interests|conflicts?\s+of\s+interest|availability\s+of\s+data\s+and\s+materials"
    r"|authors?'?\s+contributions|abbreviations|keywords|learning\s+points|summary"
    r"|figure\s+legends?|legends?\s+(?:to|for)\s+figures|tables?|appendix|supplementary\s+material)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_TABLE_CAPTION = re.compile(
    r"^\s*(?:supplementa(?:ry|l)\s+)?(?:table|tab\.)\s*S?\d{1,3}[A-Za-z]?(?:\s*[.:|—–-]|\s+(?=[A-Z]))",
    re.IGNORECASE,
)
#: "Figure 2 (A) shows ..." starts like a label but is a sentence of body text.
_SENTENCE_VERB = re.compile(
    r"^\s*(?:\([^)]{1,12}\)\s*)?(?:shows?|showed|illustrates?|depicts?|demonstrates?|presents?"
    r"|summari[sz]es?|displays?|compares?|reveals?|gives?|lists?|is|are|was|were|and|also)\b",
    re.IGNORECASE,
)
MAX_HEADING_CHARS = 120
MAX_HEADING_LINES = 3
MAX_HEADING_WORDS = 16


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    bold: bool


def _block_style(block: RawBlock) -> _Style:
    sizes: Counter[float] = Counter()
    bold_chars = chars = 0
    for line in block.lines:
        for span in line.spans:
            n = span["end"] - span["start"]
            sizes[round(span["size"] * 2) / 2] += n
            chars += n
            if span["bold"]:
                bold_chars += n
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return _Style(size, chars > 0 and bold_chars >= 0.9 * chars)


def body_size(blocks: Iterable[RawBlock]) -> float:
    """The font size most characters of the visible text are set in."""
    sizes: Counter[float] = Counter()
    for block in blocks:
        if block.hidden:
            continue
        for line in block.lines:
            for span in line.spans:
                sizes[round(span["size"] * 2) / 2] += span["end"] - span["start"]
    return sizes.most_common(1)[0][0] if sizes else 10.0


def caption_label(text: str) -> tuple[str | None, bool]:
    """(figure label, is a caption) for a block's text: figure and table legends, not
    sentences of body text that merely start with "Figure 2 shows"."""
    label = parse_figure_label(text)
    if label is not None:
        if _SENTENCE_VERB.match(text[label.legend_start:]):
            return None, False
        return label.label, True
    match = _TABLE_CAPTION.match(text)
    if match and not _SENTENCE_VERB.match(text[match.end():]):
        return None, True
    return None, False


def _numbering_depth(text: str) -> int:
    match = _NUMBERING.match(text)
    return match.group(1).count(".") + 1 if match else 0


def section_title(text: str) -> str:
    """A heading as a section name: numbering and a trailing colon removed."""
    match = _NUMBERING.match(text)
    title = text[match.end():] if match else text
    return title.strip().rstrip(":").strip()


def _is_heading(text: str, block: RawBlock, style: _Style, body: float) -> bool:
    if len(text) > MAX_HEADING_CHARS or len(block.lines) > MAX_HEADING_LINES:
        return False
    if len(text.split()) > MAX_HEADING_WORDS or text.rstrip()[-1:] in ",;":
        return False
    first = text.lstrip()[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _SECTION_NAMES.match(section_title(text)):
        return True
    if text.rstrip().endswith(".") and not _NUMBERING.fullmatch(text.rstrip()):
        return False
    larger = style.size >= body * 1.12
    return larger or style.bold


def build_blocks(raw: list[RawBlock]) -> list[TextBlock]:
    """`TextBlock`s for raw blocks given in reading order, with kinds and section paths."""
    body = body_size(raw)
    texts = [block.assemble() for block in raw]
    styles: list[_Style | None] = []
    for block, (text, _, _) in zip(raw, texts, strict=True):
        style = None
        if not block.hidden and text and not caption_label(text)[1]:
            candidate = _block_style(block)
            if _is_heading(text, block, candidate, body):
                style = candidate
        styles.append(style)
    # Larger type outranks smaller, bold outranks regular; numbering depth nests within a style.
    ranked = sorted({s for s in styles if s}, key=lambda s: (-s.size, not s.bold))
    rank = {style: i for i, style in enumerate(ranked)}
    stack: list[tuple[int, str]] = []
    out: list[TextBlock] = []
    for block, (text, boxes, spans), style in zip(raw, texts, styles, strict=True):
        if not text:
            continue
        location = Location(page=block.page, bbox=tuple(round(v, 2) for v in block.bbox))
        attrs: dict[str, object] = {"spans": spans}
        kind = BlockKind.BODY
        if block.hidden:
            kind = BlockKind.HIDDEN
            attrs["hidden_reason"] = block.hidden
        elif style is not None:
            kind = BlockKind.HEADING
            level = rank[style] * 4 + max(0, _numbering_depth(text) - 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, section_title(text)))
            attrs["level"] = level
        else:
            label, is_caption = caption_label(text)
            if is_caption:
                kind = BlockKind.CAPTION
                if label:
                    attrs["figure_label"] = label
        section = tuple(title for _, title in stack)
        out.append(TextBlock(text, kind, location, section, boxes=boxes, attrs=attrs))
    return out
