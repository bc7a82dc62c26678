"""Figure labels and legends, shared by every parser.

Recognises ``Figure 2``, ``Fig. 2``, ``FIGURE 2A``, ``Supplementary Figure S1``,
``Figure S1``, ``Abbildung 1`` at the start of a caption, and section titles under which
journals ask authors to gather their legends (``Figure legends``, ``Legends to figures``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = re.compile(
    r"""^\s*
    (?P<prefix>(?:supplementa(?:ry|l)|online|extended\s+data)\s+)?
    (?P<word>fig(?:ure)?s?\.?|abbildung|abb\.|figura|image|photo(?:graph)?|plate)
    \s*
    (?P<number>[S]?\d{1,3}[A-Za-z]?(?:\s*[-–,]\s*\d{1,3}[A-Za-z]?)?)
    (?P<sep>\s*[.:—–\-|)]|\s+(?=(?-i:[A-Z(]))|\s*$)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_LEGENDS_SECTION = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:figure\s+legends?|legends?\s+(?:to|for|of)\s+(?:the\s+)?figures?"
    r"|figure\s+captions?|captions?\s+(?:to|for)\s+figures?|legends?)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FigureLabel:
    """A parsed label: ``label`` as written normalised (``Figure 2``), ``number`` (``2``),
    ``supplementary`` and the offset where the legend text after the label starts."""

    label: str
    number: str
    supplementary: bool
    legend_start: int


def parse_figure_label(text: str) -> FigureLabel | None:
    """The figure label at the start of ``text``, if it starts like a caption."""
    m = _LABEL.match(text)
    if not m:
        return None
    word = m.group("word").lower()
    if word in ("image", "photo", "photograph", "plate") and not m.group("sep").strip():
        return None
    number = re.sub(r"\s+", "", m.group("number"))
    supplementary = bool(m.group("prefix")) or number.upper().startswith("S")
    label = ("Supplementary Figure " if supplementary and m.group("prefix") else "Figure ") + number
    return FigureLabel(
        label=label, number=number, supplementary=supplementary, legend_start=m.end()
    )


def is_legends_section(title: str) -> bool:
    """True for a heading under which a manuscript lists its figure legends."""
    return bool(_LEGENDS_SECTION.match(title))

