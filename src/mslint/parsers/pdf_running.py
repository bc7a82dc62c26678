"""Running headers and footers of a PDF: text repeated in the top or bottom margin.

A block in the top or bottom margin band of its page is a running header or footer when
the same text (digits after the first ignored, so "Page 2 of 3" matches "Page 3 of 3") sits
in the margins of at least two pages, or when it is a bare page number or "Page N of M".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from mslint.figures import parse_figure_label
from mslint.parsers.pdf_text import RawBlock

#: Share of the page height at the top and at the bottom that counts as margin.
MARGIN_SHARE = 0.09
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)


def _key(text: str) -> str:
    """Text compared across pages: digits folded (page numbers change), except a leading
    number, which tells numbered headings ("1. Methods", "2. Methods") apart."""
    text = " ".join(text.split()).lower()
    lead = re.match(r"\d+", text)
    head = lead.group() if lead else ""
    return head + re.sub(r"\d+", "#", text[len(head):])


def running_blocks(raw: Sequence[RawBlock], heights: dict[int, float]) -> set[int]:
    """Indexes of ``raw`` that are running headers or footers (``heights``: page -> height)."""
    in_margin: list[int] = []
    for i, block in enumerate(raw):
        height = heights.get(block.page)
        if block.hidden or not height or parse_figure_label(block.text_preview()):
            continue
        band = MARGIN_SHARE * height
        if block.bbox[3] <= band or block.bbox[1] >= height - band:
            in_margin.append(i)
    keys = {i: _key(raw[i].text_preview()) for i in in_margin}
    pages = Counter(key for key, _ in {(keys[i], raw[i].page) for i in in_margin})
    return {i for i in in_margin
            if pages[keys[i]] >= 2 or _PAGE_NUMBER.match(raw[i].text_preview())}
