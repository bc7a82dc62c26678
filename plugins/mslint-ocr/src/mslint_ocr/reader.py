"""Reading the text in every image of a document, through the cache, into `ocr` blocks."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from mslint.model import BlockKind, Document, EmbeddedImage, TextBlock
from mslint_ocr.cache import OcrCache, cache_key, default_cache_dir
from mslint_ocr.engine import ImageReading, OcrEngine, engine_id, get_engine
from mslint_ocr.pixels import MAX_PIXELS, load_rgb, looks_like_graphic, overlay_view
from mslint_ocr.text import normalise_line


def content_hash(image: EmbeddedImage) -> str | None:
    """A hash of the image content: the parser's own (``attrs["content_sha256"]``, for
    images decoded on demand) or the SHA-256 of the encoded bytes."""
    given = image.attrs.get("content_sha256")
    if isinstance(given, str) and given:
        return given
    try:
        raw = image.encoded()
    except Exception:  # a decoder failing on a damaged stream means: no pixels to read
        return None
    return hashlib.sha256(raw).hexdigest() if raw else None


def wants_ocr(image: EmbeddedImage) -> bool:
    """Page thumbnails repeat the page text; linked images that were not found have no pixels."""
    if image.attrs.get("thumbnail"):
        return False
    return image.data is not None or image.decoder is not None


class ImageReader:
    """Reads images with the process-wide engine, through an on-disk cache."""

    def __init__(self, engine: OcrEngine | None = None, cache: OcrCache | None = None,
                 max_pixels: int = MAX_PIXELS) -> None:
        self.engine = engine or get_engine()
        self.cache = cache if cache is not None else OcrCache(default_cache_dir())
        self.max_pixels = max_pixels

    def read(self, image: EmbeddedImage) -> ImageReading | None:
        if not wants_ocr(image):
            return None
        digest = content_hash(image)
        if digest is None:
            return None
        key = cache_key(digest, engine_id())
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        rgb = load_rgb(image, self.max_pixels)
        if rgb is None:
            return None
        graphic = looks_like_graphic(rgb)
        view = None if graphic else overlay_view(rgb)
        lines = self.engine.read(view if view is not None else rgb)
        cleaned = (replace(line, text=normalise_line(line.text)) for line in lines)
        reading = ImageReading(lines=tuple(ln for ln in cleaned if ln.text), graphic=graphic)
        self.cache.put(key, reading)
        return reading


def ocr_block(image: EmbeddedImage, reading: ImageReading) -> TextBlock:
    """The `ocr` text block of one image (see docs/document-model.md)."""
    return TextBlock(
        text=reading.text,
        kind=BlockKind.OCR,
        location=image.location,
        attrs={
            "image_id": image.id,
            "image_label": image.figure_label,
            "clinical": bool(image.attrs.get("clinical")) or not reading.graphic,
            "lines": [{"text": ln.text, "score": round(ln.score, 4), "box": list(ln.box)}
                      for ln in reading.lines],
        },
    )


def add_ocr_blocks(document: Document, reader: ImageReader) -> int:
    """Append one `ocr` block per image with text; returns how many were added."""
    have = {b.attrs.get("image_id") for b in document.blocks_of(BlockKind.OCR)}
    added = 0
    for image in document.images:
        if image.id in have:
            continue
        reading = reader.read(image)
        if reading is None or not reading.lines:
            continue
        document.blocks.append(ocr_block(image, reading))
        added += 1
    return added
