"""Image preparation bounds and OCR text clean-up, over varied inputs."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mslint_ocr.pixels import MAX_SIDE, load_rgb, looks_like_graphic, overlay_view
from mslint_ocr.reader import wants_ocr
from mslint_ocr.text import normalise_line
from PIL import Image, ImageDraw
from ultrasound_images import speckle_sector

from mslint.model import EmbeddedImage, Location


def embedded(img: Image.Image, fmt: str = "PNG") -> EmbeddedImage:
    buf = io.BytesIO()
    img.save(buf, format=fmt)
    return EmbeddedImage(id="i", format=fmt.lower(), location=Location(), data=buf.getvalue())


@settings(max_examples=30, deadline=None)
@given(mode=st.sampled_from(["1", "L", "P", "RGB", "RGBA", "LA", "I;16", "I", "CMYK"]),
       width=st.integers(1, 300), height=st.integers(1, 300))
def test_any_mode_and_size_becomes_bounded_rgb_or_is_skipped(mode: str, width: int,
                                                             height: int) -> None:
    fmt = "TIFF" if mode in ("CMYK", "I") else "PNG"
    rgb = load_rgb(embedded(Image.new(mode, (width, height)), fmt))
    if min(width, height) < 16:
        assert rgb is None
    else:
        assert rgb is not None and rgb.mode == "RGB" and rgb.size == (width, height)


def test_huge_images_are_reduced_to_the_long_side_limit() -> None:
    rgb = load_rgb(embedded(Image.new("RGB", (6000, 1500), "gray"), "JPEG"))
    assert rgb is not None and max(rgb.size) == MAX_SIDE
    assert rgb.size[1] == pytest.approx(1500 * MAX_SIDE / 6000, abs=2)


def test_images_over_the_pixel_limit_are_not_decoded() -> None:
    assert load_rgb(embedded(Image.new("L", (500, 500))), max_pixels=10_000) is None


def test_damaged_image_bytes_are_skipped() -> None:
    image = EmbeddedImage(id="x", format="png", location=Location(), data=b"\x89PNG\r\n\x1a\nxx")
    assert load_rgb(image) is None


def test_sixteen_bit_greyscale_is_stretched_to_eight_bits() -> None:
    img = Image.new("I;16", (64, 64), 1000)
    img.paste(4000, (0, 0, 32, 64))
    rgb = load_rgb(embedded(img))
    assert rgb is not None
    assert [v for v, n in enumerate(rgb.convert("L").histogram()) if n] == [0, 255]


def test_white_charts_are_graphics_and_scans_are_not() -> None:
    assert looks_like_graphic(Image.new("RGB", (400, 300), "white"))
    assert not looks_like_graphic(speckle_sector(seed=1, width=400, height=300))


def test_overlay_view_applies_to_dark_images_with_bright_marks_only() -> None:
    dark = speckle_sector(seed=1, width=400, height=300)
    ImageDraw.Draw(dark).rectangle((10, 10, 60, 20), fill="white")
    assert overlay_view(Image.new("RGB", (400, 300), "black")) is None
    assert overlay_view(Image.new("RGB", (400, 300), "white")) is None
    view = overlay_view(dark)
    assert view is not None and view.size == dark.size
    assert view.getpixel((30, 15)) == (255, 255, 255)
    assert view.getpixel((0, 299)) == (0, 0, 0)


def test_thumbnails_and_images_without_pixels_are_not_read() -> None:
    thumb = embedded(Image.new("RGB", (64, 64)))
    thumb.attrs["thumbnail"] = True
    linked = EmbeddedImage(id="u", format="png", location=Location(), external_uri="x.png")
    assert not wants_ocr(thumb)
    assert not wants_ocr(linked)


@pytest.mark.parametrize(("raw", "clean"), [
    ("12/03/202114:22", "12/03/2021 14:22"),
    ("2021-05-1709:41:07", "2021-05-17 09:41:07"),
    ("  SMITH,   JOHN ", "SMITH, JOHN"),
    ("MRN 40817263", "MRN 40817263"),
])
def test_glued_dates_and_times_are_separated(raw: str, clean: str) -> None:
    assert normalise_line(raw) == clean


@given(st.text(max_size=80))
def test_clean_up_only_changes_whitespace(text: str) -> None:
    assert "".join(normalise_line(text).split()) == "".join(text.split())
