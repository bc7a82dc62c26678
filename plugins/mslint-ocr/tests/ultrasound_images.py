"""Synthetic ultrasound-style images with header text, drawn with Pillow for the tests.

A dark background, a fan-shaped sector of grey speckle, and overlays of a made-up
patient's name, a date and a record number in one of ten layouts seen on real scanners
(corner blocks, bottom bars, small fonts, inverted and coloured text, text on the image).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1024, 768


@dataclass(frozen=True)
class Overlay:
    """What one layout writes: the planted values by identifier category."""

    name: str
    date: str
    mrn: str

    @property
    def planted(self) -> dict[str, str]:
        return {"name": self.name, "date": self.date, "mrn": self.mrn}


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def speckle_sector(seed: int, width: int = WIDTH, height: int = HEIGHT) -> Image.Image:
    """Black frame with a fan of Rayleigh speckle, like a curvilinear probe's B-mode image."""
    rng = np.random.default_rng(seed)
    noise = rng.rayleigh(scale=55.0, size=(height, width)).clip(0, 255).astype(np.uint8)
    speckle = Image.fromarray(noise, mode="L").filter(ImageFilter.GaussianBlur(1.2))
    mask = Image.new("L", (width, height), 0)
    apex = (width // 2, int(height * 0.10))
    radius = int(height * 0.80)
    box = (apex[0] - radius, apex[1] - radius, apex[0] + radius, apex[1] + radius)
    ImageDraw.Draw(mask).pieslice(box, start=55, end=125, fill=255)
    frame = Image.new("L", (width, height), 8)
    frame.paste(speckle, (0, 0), mask)
    return frame.convert("RGB")


def _text(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int,
          fill: str | tuple[int, int, int] = "white", anchor: str = "la") -> None:
    draw.text(xy, text, fill=fill, font=font(size), anchor=anchor)


def top_left(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    for i, line in enumerate((o.name, f"ID: {o.mrn}", o.date)):
        _text(d, (14, 12 + 30 * i), line, 22)


def top_right(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    for i, line in enumerate((o.name, f"MRN {o.mrn}", f"DOB {o.date}")):
        _text(d, (WIDTH - 14, 12 + 30 * i), line, 22, anchor="ra")


def bottom_bar(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    d.rectangle((0, HEIGHT - 44, WIDTH, HEIGHT), fill=(60, 60, 60))
    _text(d, (16, HEIGHT - 34), f"{o.name}    MRN: {o.mrn}    {o.date}", 22)


def two_lines_centre(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    _text(d, (WIDTH // 2, 10), f"{o.name}   {o.date}", 24, anchor="ma")
    _text(d, (WIDTH // 2, 42), f"Hosp No {o.mrn}   ABDOMEN  C5-1", 24, anchor="ma")


def small_font(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    for i, line in enumerate((o.name, f"MRN {o.mrn}", o.date, "Gain 52 DR 60")):
        _text(d, (10, 8 + 18 * i), line, 14)


def inverted(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    d.rectangle((0, 0, WIDTH, 40), fill="white")
    _text(d, (12, 9), f"{o.name}  |  {o.mrn}  |  {o.date}", 22, fill="black")


def coloured(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    _text(d, (14, 12), o.name, 22, fill=(255, 220, 40))
    _text(d, (14, 42), f"PID {o.mrn}", 22, fill=(90, 230, 120))
    _text(d, (WIDTH - 14, 12), o.date, 22, fill=(120, 200, 255), anchor="ra")


def on_image(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    _text(d, (330, 420), o.name, 26)
    _text(d, (330, 456), f"MRN {o.mrn}", 26)
    _text(d, (330, 492), o.date, 26)


def corners(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    _text(d, (14, 12), o.name, 22)
    _text(d, (WIDTH - 14, 12), o.date, 22, anchor="ra")
    _text(d, (14, HEIGHT - 36), f"Acc/MRN {o.mrn}", 22)


def labelled_header(d: ImageDraw.ImageDraw, o: Overlay) -> None:
    d.rectangle((0, 0, WIDTH, 70), fill=(20, 30, 60))
    _text(d, (14, 8), f"Patient: {o.name}", 24)
    _text(d, (14, 38), f"Patient ID: {o.mrn}", 24)
    _text(d, (WIDTH - 14, 8), f"Exam date: {o.date}", 24, anchor="ra")
    _text(d, (WIDTH - 14, 38), "TIS 0.4  MI 1.1", 24, anchor="ra")


Layout = Callable[[ImageDraw.ImageDraw, Overlay], None]

LAYOUTS: dict[str, tuple[Layout, Overlay]] = {
    "top-left": (top_left, Overlay("SMITH, JOHN", "12/03/2021", "40817263")),
    "top-right": (top_right, Overlay("Maria Garcia", "04/07/1961", "H8842197")),
    "bottom-bar": (bottom_bar, Overlay("Peter Novak", "2021-05-17", "55120934")),
    "two-lines-centre": (two_lines_centre, Overlay("GRACE HOPKINS", "23.11.2020", "7731904")),
    "small-font": (small_font, Overlay("David Brown", "09/09/2019", "31415926")),
    "inverted": (inverted, Overlay("Helen Clarke", "01/02/2022", "88812345")),
    "coloured": (coloured, Overlay("KHAN, FATIMA", "15/08/2018", "20461375")),
    "on-image": (on_image, Overlay("Thomas Weber", "30/06/2017", "66029418")),
    "corners": (corners, Overlay("Laura Rossi", "2019-12-24", "90517736")),
    "labelled-header": (labelled_header, Overlay("Robert Miller", "11/10/2023", "12098765")),
}


def ultrasound_image(layout: str, seed: int = 0) -> Image.Image:
    draw_overlay, overlay = LAYOUTS[layout]
    img = speckle_sector(seed)
    draw_overlay(ImageDraw.Draw(img), overlay)
    return img


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
