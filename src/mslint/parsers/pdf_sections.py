"""PDF text blocks as `TextBlock`s: headings, captions and section paths.

A PDF has no styles, so headings are inferred the way a reader does: a short line set larger
than the body text or in bold, a numbered title ("2. Case presentation", "2.1 History"), or
one of the section names manuscripts use ("Declarations", "Consent for publication") standing
alone. Heading levels come from the heading's type style (larger first, bold before regular)
and from the depth of its numbering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mslint.figures import parse_figure_label
from mslint.model import BlockKind, Location, TextBlock
from mslint.parsers.pdf_text import RawBlock

_NUMBERING = re.compile(
    r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3}|(?:[IVX]{1,5}|[A-H])(?=[.)]))[.)]?\s+(?=\S)")
_NOT_HEADING = re.compile(r"^\s*(?:key\s*words?|abbreviations|correspondence)\s*:", re.I)
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
    r"^\s*(?:supplementa(?:ry|l)\s+)?(?:table|tab\.)\s*S?\d{1,3}[A-Za-z]?(?:\s*[.:|—–-]|\s+(?=(?-i:[A-Z]))|\s*$)",
    re.IGNORECASE,
)
#: "Figure 2 (A) shows ..." starts like a label but is a sentence of body text.
_SENTENCE_VERB = re.compile(
    r"^\s*(?:\([^)]{1,12}\)\s*)?(?:shows?|showed|illustrates?|depicts?|demonstrates?|presents?"
    r"|summari[sz]es?|displays?|compares?|reveals?|gives?|lists?|describes?|provides?|contains?"
    r"|reports?|indicates?|is|are|was|were|and|also|in|of|for|with)\b",
    re.IGNORECASE,
)
MAX_HEADING_CHARS = 120
MAX_HEADING_LINES = 3
MAX_HEADING_WORDS = 16
MAX_RUN_IN_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    bold: bool


def _block_style(block: RawBlock) -> _Style:
    sizes = block.sizes
    size = max(sizes, key=sizes.__getitem__) if sizes else 0.0
    return _Style(size, block.chars > 0 and block.bold_chars >= 0.9 * block.chars)


def body_size(blocks: Iterable[RawBlock]) -> float:
    """The font size most characters of the visible text are set in."""
    sizes: dict[float, int] = {}
    for block in blocks:
        if block.hidden:
            continue
        for size, n in block.sizes.items():
            sizes[size] = sizes.get(size, 0) + n
    return max(sizes, key=sizes.__getitem__) if sizes else 10.0


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
    """Whether a block reads as a heading: short, capitalised, not a sentence, and set
    apart by its name, its numbering in capitals, a larger size or bold type."""
    if len(text) > MAX_HEADING_CHARS or block.line_count > MAX_HEADING_LINES:
        return False
    if len(text.split()) > MAX_HEADING_WORDS or text.rstrip()[-1:] in ",;":
        return False
    first = text.lstrip()[:1]
    if not (first.isupper() or first.isdigit()) or sum(c.isalpha() for c in text) < 3:
        return False
    if _NOT_HEADING.match(text):
        return False
    title = section_title(text)
    if _SECTION_NAMES.match(title):
        return True
    if _numbering_depth(text) and block.line_count == 1 and title.isupper():
        return True  # "II. MOTIVATION": numbered capitals in the body face
    if text.rstrip().endswith("."):
        return False  # a sentence
    larger = style.size >= body * 1.12
    # Bold type smaller than the body text is a table header or a note, not a heading.
    return larger or (style.bold and style.size >= body * 0.95)


def run_in_heading(text: str, spans: list[dict[str, Any]]) -> str | None:
    """The bold title a paragraph starts with ("Consent for publication Written consent
    was ..."), when it is a section name or a short title followed by regular text."""
    end = 0
    for span in spans:
        if not span["bold"]:
            break
        end = span["end"]
    else:
        return None
    title = text[:end].strip().rstrip(".:").strip()
    if not title or end >= len(text) or sum(c.isalpha() for c in title) < 3:
        return None
    if _SECTION_NAMES.match(title) or (len(title.split()) <= MAX_RUN_IN_WORDS
                                       and title[:1].isupper()):
        return title
    return None


def _front_matter(raw: list[RawBlock], texts: list[Any], styles: list[_Style | None]
                  ) -> set[int]:
    """Headings of page 1 before its first section heading: the title, authors and
    affiliations, which are not sections of the text that follows."""
    front: set[int] = set()
    for i, (block, (text, _, _), style) in enumerate(zip(raw, texts, styles, strict=True)):
        if block.page != 1:
            return set()
        if style is None:
            continue
        if _SECTION_NAMES.match(section_title(text)) or _numbering_depth(text):
            return front
        front.add(i)
    return set()


def build_blocks(raw: list[RawBlock], running: set[int] | None = None) -> list[TextBlock]:
    """`TextBlock`s for raw blocks given in reading order, with kinds and section paths;
    ``running`` holds the indexes of running headers and footers."""
    running = running or set()
    body = body_size(raw)
    texts = [block.assemble() for block in raw]
    styles: list[_Style | None] = []
    for i, (block, (text, _, _)) in enumerate(zip(raw, texts, strict=True)):
        style = None
        if not block.hidden and i not in running and text and not caption_label(text)[1]:
            candidate = _block_style(block)
            if _is_heading(text, block, candidate, body):
                style = candidate
        styles.append(style)
    # Larger type outranks smaller, bold outranks regular; numbering depth nests within a style.
    ranked = sorted({s for s in styles if s}, key=lambda s: (-s.size, not s.bold))
    rank = {style: i for i, style in enumerate(ranked)}
    front = _front_matter(raw, texts, styles)
    # (level, title, run-in): a run-in title is a child of the heading above it.
    stack: list[tuple[int, str, bool]] = []
    out: list[TextBlock] = []
    for i, (block, (text, boxes, spans), style) in enumerate(
            zip(raw, texts, styles, strict=True)):
        if not text:
            continue
        location = Location(page=block.page, bbox=tuple(round(v, 2) for v in block.bbox))
        attrs: dict[str, object] = {"spans": spans}
        kind = BlockKind.BODY
        if block.hidden:
            kind = BlockKind.HIDDEN
            attrs["hidden_reason"] = block.hidden
        elif i in running:
            kind = BlockKind.HEADER_FOOTER
        elif i in front:
            kind = BlockKind.HEADING
            attrs["front_matter"] = True
        elif style is not None:
            kind = BlockKind.HEADING
            level = rank[style] * 4 + max(0, _numbering_depth(text) - 1)
            while stack and (stack[-1][2] or stack[-1][0] >= level):
                stack.pop()
            stack.append((level, section_title(text), False))
            attrs["level"] = level
        else:
            label, is_caption = caption_label(text)
            if is_caption:
                kind = BlockKind.CAPTION
                if label:
                    attrs["figure_label"] = label
            elif (title := run_in_heading(text, spans)) is not None:
                while stack and stack[-1][2]:
                    stack.pop()
                stack.append(((stack[-1][0] if stack else 0) + 1, title, True))
                attrs["run_in_heading"] = title
        section = tuple(title for _, title, _ in stack)
        out.append(TextBlock(text, kind, location, section, boxes=boxes, attrs=attrs))
    return out
