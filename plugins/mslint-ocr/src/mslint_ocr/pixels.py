"""Turning an `EmbeddedImage` into bounded RGB pixels the OCR engine can read.

Huge images are reduced before OCR: past ``MAX_SIDE`` pixels on the long side text in a
figure is large enough to survive the reduction, and the detector itself works on about
a 736-pixel short side. JPEGs are decoded directly at a reduced scale (``draft``), so a
100-megapixel photograph never exists in memory at full size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

    from mslint.model import EmbeddedImage

#: Images with more pixels than this are not decoded at all.
MAX_PIXELS = 120_000_000
#: The long side of what the OCR engine is given.
MAX_SIDE = 2048
#: Images smaller than this on either side hold no readable text.
MIN_SIDE = 16
#: Share of near-white pixels above which an image is a chart, diagram or page scan.
GRAPHIC_WHITE_SHARE = 0.5


def load_rgb(image: EmbeddedImage, max_pixels: int = MAX_PIXELS) -> Image | None:
    """The image as RGB no larger than ``MAX_SIDE``; None when it has no readable pixels."""
    from PIL import Image as PILImage
    from PIL import ImageOps

    try:
        img = image.open_pixels(max_pixels=max_pixels)
        img.draft("RGB", (MAX_SIDE, MAX_SIDE))
        img.load()
    except (ValueError, OSError, SyntaxError, PILImage.DecompressionBombError):
        return None
    if min(img.size) < MIN_SIDE:
        return None
    img = to_8bit(img)
    img = ImageOps.exif_transpose(img) or img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = PILImage.new("RGBA", rgba.size, (0, 0, 0, 255))
        img = PILImage.alpha_composite(background, rgba)
    img = img.convert("RGB")
    if max(img.size) > MAX_SIDE:
        img.thumbnail((MAX_SIDE, MAX_SIDE), PILImage.Resampling.LANCZOS)
    return img


def to_8bit(img: Image) -> Image:
    """16-bit and float greyscale (TIFF, PNG from DICOM) stretched to 8 bits."""
    if img.mode not in ("I", "I;16", "I;16B", "I;16L", "F"):
        return img
    import numpy as np
    from PIL import Image as PILImage

    arr = np.asarray(img, dtype=np.float64)
    lo, hi = float(arr.min()), float(arr.max())
    scaled = (arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)
    return PILImage.fromarray(scaled.astype(np.uint8), mode="L")


def looks_like_graphic(img: Image) -> bool:
    """True for charts, flow diagrams and screenshots of text: mostly white paper.

    Clinical images (radiographs, ultrasound, scans, clinical photographs) are not.
    """
    grey = img.convert("L")
    grey.thumbnail((256, 256))
    histogram = grey.histogram()
    white = sum(histogram[236:])
    return white / max(1, grey.width * grey.height) >= GRAPHIC_WHITE_SHARE



#: Overlay text is white, yellow, green or cyan: its brightest channel reaches this level.
OVERLAY_LEVEL = 220
#: Below this level a pixel is image content (speckle, tissue), shown black.
OVERLAY_FLOOR = 150
#: Past this share of bright pixels the image is not "dark with bright text".
OVERLAY_MAX_SHARE = 0.2


def overlay_view(img: Image) -> Image | None:
    """The image as scanner overlays see it: bright text kept, darker content black.

    Dark clinical images (ultrasound, nuclear medicine, CT/MR captures) carry their
    annotation as bright text, often written over speckle, where the detector misses it on
    the picture itself. Mapping the brightest channel from ``OVERLAY_FLOOR`` (black) to
    ``OVERLAY_LEVEL`` (white) keeps the text and its anti-aliased edges, in either polarity
    (white text, or dark text on a white band), and blacks out the image content. None when
    the image has no bright pixels or too many for this view to isolate text.
    """
    import numpy as np
    from PIL import Image as PILImage

    arr = np.asarray(img)
    peak = arr.max(axis=2) if arr.ndim == 3 else arr
    share = float((peak >= OVERLAY_LEVEL).mean())
    if share == 0.0 or share > OVERLAY_MAX_SHARE:
        return None
    scale = 255.0 / (OVERLAY_LEVEL - OVERLAY_FLOOR)
    ramp = np.clip((peak.astype(np.float32) - OVERLAY_FLOOR) * scale, 0, 255)
    return PILImage.fromarray(ramp.astype(np.uint8), mode="L").convert("RGB")
