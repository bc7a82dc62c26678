"""Colours and rectangles, for the rules that judge whether text can be seen."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

Rect = tuple[float, float, float, float]
RGB = tuple[float, float, float]

#: Word's named highlight colours (``w:highlight w:val``).
HIGHLIGHT_COLORS: dict[str, str] = {
    "black": "#000000", "blue": "#0000ff", "cyan": "#00ffff", "green": "#00ff00",
    "magenta": "#ff00ff", "red": "#ff0000", "yellow": "#ffff00", "white": "#ffffff",
    "darkblue": "#000080", "darkcyan": "#008080", "darkgreen": "#008000",
    "darkmagenta": "#800080", "darkred": "#800000", "darkyellow": "#808000",
    "darkgray": "#808080", "lightgray": "#c0c0c0",
}
#: Theme colour slots that are white or black in every standard Office theme.
THEME_COLORS: dict[str, str] = {
    "background1": "#ffffff", "light1": "#ffffff", "bg1": "#ffffff",
    "text1": "#000000", "dark1": "#000000", "tx1": "#000000",
}
WHITE: RGB = (1.0, 1.0, 1.0)


def parse_color(value: object) -> RGB | None:
    """``"#rrggbb"``, a Word highlight name, a 0..1 triple or a packed sRGB int -> RGB."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)) and len(value) == 3:
        try:
            return tuple(min(1.0, max(0.0, float(c))) for c in value)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return None
    if isinstance(value, int):
        return ((value >> 16 & 255) / 255, (value >> 8 & 255) / 255, (value & 255) / 255)
    return _parse_text_color(str(value))


@lru_cache(maxsize=1024)
def _parse_text_color(value: str) -> RGB | None:
    text = value.strip().lower()
    text = HIGHLIGHT_COLORS.get(text, THEME_COLORS.get(text, text))
    if text.startswith("#") and len(text) == 7:
        try:
            return tuple(int(text[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]
        except ValueError:
            return None
    return None


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""

    def chan(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (chan(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@lru_cache(maxsize=4096)
def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio, 1 (identical) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark(rgb: RGB, threshold: float = 0.05) -> bool:
    return luminance(rgb) < threshold


def is_white(rgb: RGB, threshold: float = 0.9) -> bool:
    """White or a near-white grey (every channel light): paper colour. A pale yellow or
    other tint is not: that is how highlights are drawn."""
    return min(rgb) >= threshold


def area(r: Rect) -> float:
    return max(0.0, r[2] - r[0]) * max(0.0, r[3] - r[1])


def intersection(a: Rect, b: Rect) -> Rect | None:
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def covered_fraction(inner: Rect, outer: Rect) -> float:
    """Share of ``inner``'s area that lies inside ``outer``."""
    cut = intersection(inner, outer)
    a = area(inner)
    return area(cut) / a if cut and a > 0 else 0.0


def covered_chars(span_box: Rect, text: str, cover: Rect,
                  min_vertical: float = 0.5) -> tuple[int, int] | None:
    """The character range of a one-line span that ``cover`` hides, estimated from the
    horizontal overlap (glyphs taken as equally wide); None when it hides none."""
    cut = intersection(span_box, cover)
    height = span_box[3] - span_box[1]
    width = span_box[2] - span_box[0]
    if cut is None or height <= 0 or width <= 0 or not text:
        return None
    if (cut[3] - cut[1]) / height < min_vertical:
        return None
    per_char = width / len(text)
    start = int((cut[0] - span_box[0]) / per_char + 0.35)
    end = int((cut[2] - span_box[0]) / per_char + 0.65)
    start, end = max(0, start), min(len(text), end)
    return (start, end) if end > start else None


def merge_ranges(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
