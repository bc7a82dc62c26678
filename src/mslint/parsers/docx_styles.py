"""Word styles resolved once per document: id -> name, heading level and run formatting.

Looking a style up per paragraph through python-docx costs several times the text itself
(PERFORMANCE-NOTES); here ``word/styles.xml`` is indexed once, each style used is read and
its ``basedOn`` chain flattened on first use, and the body walk does one dictionary lookup
per paragraph or run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_CAPTION_NAME = re.compile(r"caption|legend", re.IGNORECASE)
_OFF = frozenset({"0", "false", "off", "none"})

HIGHLIGHT_COLORS = {
    "black": "#000000", "blue": "#0000ff", "cyan": "#00ffff", "green": "#00ff00",
    "magenta": "#ff00ff", "red": "#ff0000", "yellow": "#ffff00", "white": "#ffffff",
    "darkBlue": "#000080", "darkCyan": "#008080", "darkGreen": "#008000",
    "darkMagenta": "#800080", "darkRed": "#800000", "darkYellow": "#808000",
    "darkGray": "#808080", "lightGray": "#c0c0c0",
}


def on(el: Any) -> bool:
    """Whether a WordprocessingML toggle property element (``<w:b/>``) switches on."""
    return el is not None and (el.get(f"{W}val") or "1") not in _OFF


def hex_color(value: str | None) -> str | None:
    """``FFFFFF`` -> ``#ffffff``; ``auto`` and malformed values -> None."""
    if not value or len(value) != 6:
        return None
    try:
        int(value, 16)
    except ValueError:
        return None
    return "#" + value.lower()


@dataclass(frozen=True, slots=True)
class RunFormat:
    """Run properties that matter to checks; None means not set at this level."""

    bold: bool | None = None
    vanish: bool | None = None
    color: str | None = None
    theme_color: str | None = None
    highlight: str | None = None
    shading: str | None = None
    size: float | None = None
    caps: bool | None = None

    def over(self, base: RunFormat) -> RunFormat:
        """These properties with unset ones taken from ``base``."""
        return RunFormat(*(
            mine if mine is not None else theirs
            for mine, theirs in zip(_fields(self), _fields(base), strict=True)
        ))


def _fields(fmt: RunFormat) -> tuple[Any, ...]:
    return (fmt.bold, fmt.vanish, fmt.color, fmt.theme_color, fmt.highlight, fmt.shading,
            fmt.size, fmt.caps)


def read_run_format(rpr: Any) -> RunFormat:
    """The formatting facts of a ``w:rPr`` element (None when absent)."""
    if rpr is None:
        return RunFormat()
    bold = vanish = caps = None
    color = theme = highlight = shading = None
    size = None
    for child in rpr:
        tag = child.tag
        if tag == f"{W}b":
            bold = on(child)
        elif tag == f"{W}vanish":
            vanish = on(child)
        elif tag == f"{W}caps":
            caps = on(child)
        elif tag == f"{W}color":
            color = hex_color(child.get(f"{W}val"))
            theme = child.get(f"{W}themeColor")
        elif tag == f"{W}highlight":
            val = child.get(f"{W}val") or ""
            highlight = HIGHLIGHT_COLORS.get(val) if val != "none" else None
        elif tag == f"{W}shd":
            shading = hex_color(child.get(f"{W}fill"))
        elif tag == f"{W}sz":
            try:
                size = int(child.get(f"{W}val") or "") / 2
            except ValueError:
                size = None
    return RunFormat(bold, vanish, color, theme, highlight, shading, size, caps)


@dataclass(slots=True)
class StyleInfo:
    """A style with its ``basedOn`` chain already applied."""

    name: str
    kind: str
    heading_level: int | None = None
    outline_level: int | None = None
    is_title: bool = False
    is_caption: bool = False
    run: RunFormat = field(default_factory=RunFormat)


class StyleSheet:
    """The styles of a document by id, each read and resolved on first use, then cached."""

    def __init__(self, elements: dict[str, Any], default_id: str | None) -> None:
        self._elements = elements
        self._resolved: dict[str, StyleInfo] = {}
        self.default_paragraph = self.get(default_id) if default_id else None

    def paragraph(self, style_id: str | None) -> StyleInfo | None:
        if style_id is None:
            return self.default_paragraph
        return self.get(style_id) or self.default_paragraph

    def character(self, style_id: str | None) -> StyleInfo | None:
        return self.get(style_id) if style_id else None

    def get(self, style_id: str, depth: int = 0) -> StyleInfo | None:
        """The style with its ``basedOn`` chain applied (None for an unknown id)."""
        known = self._resolved.get(style_id)
        if known is not None:
            return known
        el = self._elements.get(style_id)
        if el is None:
            return None
        info = _read_style(el, style_id)
        based = el.find(f"{W}basedOn")
        parent = based.get(f"{W}val") if based is not None else None
        if parent and parent != style_id and depth < 32:
            base = self.get(parent, depth + 1)
            if base is not None:
                info = replace(
                    info,
                    outline_level=info.outline_level if info.outline_level is not None
                    else (base.outline_level if info.heading_level is None else None),
                    is_caption=info.is_caption or base.is_caption,
                    run=info.run.over(base.run),
                )
        self._resolved[style_id] = info
        return info


def _read_style(el: Any, sid: str) -> StyleInfo:
    kind = el.get(f"{W}type") or "paragraph"
    name_el = el.find(f"{W}name")
    name = (name_el.get(f"{W}val") if name_el is not None else None) or sid
    if name.islower():  # built-in styles are stored as "heading 1", shown as "Heading 1"
        name = name[0].upper() + name[1:]
    outline = None
    lvl = el.find(f"{W}pPr/{W}outlineLvl")
    if lvl is not None and (lvl.get(f"{W}val") or "").isdigit():
        outline = int(lvl.get(f"{W}val") or "9")
    m = _HEADING_NAME.match(name) or _HEADING_NAME.match(sid)
    return StyleInfo(
        name=name,
        kind=kind,
        heading_level=int(m.group(1)) if m else None,
        outline_level=outline if outline is not None and outline < 9 else None,
        is_title=name.lower() in ("title", "subtitle"),
        is_caption=kind == "paragraph" and bool(_CAPTION_NAME.search(name)),
        run=read_run_format(el.find(f"{W}rPr")),
    )


def read_styles(root: Any | None) -> StyleSheet:
    """Index ``word/styles.xml`` (its root element, or None when absent) by style id."""
    if root is None:
        return StyleSheet({}, None)
    elements: dict[str, Any] = {}
    default_id: str | None = None
    for el in root.iterchildren(f"{W}style"):
        sid = el.get(f"{W}styleId")
        if not sid:
            continue
        elements[sid] = el
        if default_id is None and (el.get(f"{W}type") or "paragraph") == "paragraph" \
                and (el.get(f"{W}default") or "0") in ("1", "true", "on"):
            default_id = sid
    return StyleSheet(elements, default_id)
