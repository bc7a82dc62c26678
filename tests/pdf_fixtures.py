"""PDF fixtures built in code with PyMuPDF and Pillow, for the PDF parser tests."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pymupdf
from PIL import Image


def jpeg_bytes(
    size: tuple[int, int] = (120, 80),
    colour: tuple[int, int, int] = (200, 40, 40),
    exif: bytes | None = None,
) -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", size, colour)
    if exif is not None:
        img.save(buf, "JPEG", quality=90, exif=exif)
    else:
        img.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def png_bytes(
    size: tuple[int, int] = (90, 60), colour: tuple[int, int, int] = (30, 90, 200)
) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def save(doc: Any, path: Path, **options: Any) -> Path:
    doc.save(path, **options)
    doc.close()
    return path


def text_lines(
    page: Any, top: float, lines: list[str], size: float = 10, x: float = 72, font: str = "helv"
) -> float:
    """Write ``lines`` one under the other from ``top``; returns the y below the last."""
    y = top
    for line in lines:
        page.insert_text((x, y), line, fontsize=size, fontname=font)
        y += size * 1.4
    return y


def paragraph(
    page: Any,
    rect: tuple[float, float, float, float],
    text: str,
    size: float = 10,
    font: str = "helv",
) -> None:
    left = page.insert_textbox(pymupdf.Rect(rect), text, fontsize=size, fontname=font)
    assert left >= 0, "paragraph does not fit its box"


def figure_with_caption(
    page: Any,
    image_rect: tuple[float, float, float, float],
    caption: str,
    *,
    below: bool = True,
    image: bytes | None = None,
) -> None:
    """An image and its legend, the legend below (or above) it."""
    rect = pymupdf.Rect(image_rect)
    page.insert_image(rect, stream=image or jpeg_bytes())
    if below:
        box = (rect.x0, rect.y1 + 6, rect.x1, rect.y1 + 40)
    else:
        box = (rect.x0, rect.y0 - 40, rect.x1, rect.y0 - 6)
    paragraph(page, box, caption, size=9)


def clip_last_image(doc: Any, page: Any, clip: tuple[float, float, float, float]) -> None:
    """Wrap the page's last content stream (the last inserted image) in a clip rectangle
    given in page coordinates (top-left origin)."""
    xref = page.get_contents()[-1]
    height = page.rect.height
    x0, y0, x1, y1 = clip
    path = f"q {x0} {height - y1} {x1 - x0} {y1 - y0} re W n\n".encode()
    doc.update_stream(xref, path + doc.xref_stream(xref) + b"\nQ\n")


def append_content(doc: Any, page: Any, operators: bytes) -> None:
    """Add raw content-stream operators to the end of a page's last content stream."""
    contents = page.get_contents()
    if contents:
        doc.update_stream(contents[-1], doc.xref_stream(contents[-1]) + b"\n" + operators)
        return
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, operators)
    doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
