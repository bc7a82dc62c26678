"""Reading an embedded image's pixels safely: bounded size, upright, RGB."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from mslint.model import EmbeddedImage

#: Refuse to decode images larger than this (a decompression bomb, or a scan no
#: manuscript figure needs at full size).
MAX_PIXELS = 60_000_000
#: Pillow modes that hold one grey channel: radiology, greyscale scans.
GREY_MODES = frozenset({"1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "I;16N", "F"})
#: Formats Pillow cannot rasterise (vector metafiles) or that hold no photograph.
SKIPPED_FORMATS = frozenset({"emf", "wmf", "svg", "pdf", "eps"})
MIN_SIDE = 48


def load_rgb(image: EmbeddedImage) -> np.ndarray | None:
    """The image as an upright RGB array; None when it is greyscale, too small, in a
    format without pixels, or cannot be decoded (other rules report unreadable images)."""
    from PIL import Image, ImageOps

    if image.format.lower() in SKIPPED_FORMATS or image.attrs.get("thumbnail"):
        return None
    try:
        pil = image.open_pixels(max_pixels=MAX_PIXELS)
        if pil.mode in GREY_MODES or min(pil.size) < MIN_SIDE:
            return None
        if pil.format == "JPEG":
            # decode at a reduced scale straight from the DCT when the image is huge
            pil.draft("RGB", (pil.width // 2, pil.height // 2) if max(pil.size) > 4096
                      else pil.size)
        pil = ImageOps.exif_transpose(pil)
        return np.asarray(pil.convert("RGB"))
    except (ValueError, OSError, Image.DecompressionBombError, SyntaxError):
        return None
