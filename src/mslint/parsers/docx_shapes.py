"""Filled shapes a Word author drew in front of a paragraph's text.

Drawing a black (or white) rectangle over a name is how many authors "redact" in Word; the
name stays in the file under the shape. Word keeps no layout, so which words lie under the
shape is unknown; what is known is the paragraph the shape is anchored to, its fill, its
size and whether it floats in front of the text (DrawingML ``wp:anchor`` without
``behindDoc``, VML absolutely positioned with a z-index not below the text). A shape that
holds text (a text box) or a picture is not a cover.
"""

from __future__ import annotations

from typing import Any

from mslint.parsers.docx_images import WP, A, V, emu_size, vml_size
from mslint.parsers.docx_runs import TXBX
from mslint.parsers.docx_styles import hex_color

WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
#: DrawingML preset colours as an author picks them for a cover.
_PRESET = {"black": "#000000", "white": "#ffffff"}
#: VML colour names Word writes for black and white.
_VML_NAMES = {"black": "#000000", "white": "#ffffff", "windowText": "#000000",
              "window": "#ffffff"}
#: Fills at or above this opacity (DrawingML alpha, 1/1000 %) hide what is under them.
MIN_ALPHA = 80000
_VML_SHAPES = ("rect", "roundrect", "shape", "oval")


def covering_shapes(drawings: list[Any]) -> list[dict[str, Any]]:
    """``{"fill": "#rrggbb", "size": (width, height) in points}`` for each plain filled
    shape drawn in front of the text in ``drawings`` (a paragraph's drawing elements)."""
    found: list[dict[str, Any]] = []
    for drawing in drawings:
        for frame in drawing.iter(f"{WP}anchor"):
            shape = _drawingml_cover(frame)
            if shape is not None:
                found.append(shape)
        for name in _VML_SHAPES:
            for el in drawing.iter(f"{V}{name}"):
                shape = _vml_cover(el)
                if shape is not None:
                    found.append(shape)
    return found


def _drawingml_cover(frame: Any) -> dict[str, Any] | None:
    if (frame.get("behindDoc") or "0") in ("1", "true"):
        return None
    shape = frame.find(f".//{WPS}wsp")
    if shape is None or shape.find(f".//{TXBX}") is not None:
        return None
    fill = shape.find(f"{WPS}spPr/{A}solidFill")
    if fill is None or len(fill) == 0:
        return None
    colour_el = fill[0]
    alpha = colour_el.find(f"{A}alpha")
    if alpha is not None and int(alpha.get("val") or 100000) < MIN_ALPHA:
        return None
    tag = colour_el.tag.rsplit("}", 1)[-1]
    colour = None
    if tag == "srgbClr":
        colour = hex_color(colour_el.get("val"))
    elif tag == "prstClr":
        colour = _PRESET.get(colour_el.get("val") or "")
    elif tag == "sysClr":
        colour = hex_color(colour_el.get("lastClr"))
    if colour is None:
        return None
    return {"fill": colour, "size": emu_size(frame.find(f"{WP}extent"))}


def _vml_cover(el: Any) -> dict[str, Any] | None:
    style = el.get("style") or ""
    declarations = dict(part.split(":", 1) for part in style.replace(" ", "").split(";")
                        if ":" in part)
    if declarations.get("position") != "absolute":
        return None
    z_index = declarations.get("z-index", "0")
    if z_index.lstrip("-").isdigit() and int(z_index) < 0:
        return None  # behind the text
    if (el.get("filled") or "t").lower() in ("f", "false"):
        return None
    if el.find(f".//{V}textbox") is not None or el.find(f".//{V}imagedata") is not None:
        return None
    fill = (el.get("fillcolor") or "").split(" ")[0].strip().lstrip("#")
    if len(fill) == 3 and all(c in "0123456789abcdefABCDEF" for c in fill):
        fill = "".join(c * 2 for c in fill)  # "#000" is "#000000"
    colour = _VML_NAMES.get(fill) or hex_color(fill)
    if colour is None:
        return None
    return {"fill": colour, "size": vml_size(style)}
