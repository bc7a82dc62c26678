"""Every name, date and record number overlaid on the ten ultrasound layouts is read."""

from __future__ import annotations

import pytest
from mslint_ocr.cache import OcrCache
from mslint_ocr.reader import ImageReader, ocr_block
from ultrasound_images import LAYOUTS, png_bytes, ultrasound_image

from mslint.model import EmbeddedImage, Location, TextBlock
from mslint.plugins import Plugins
from mslint.resources import Resources


def squeeze(text: str) -> str:
    """OCR may drop or add spaces; compare without them, ignoring case."""
    return "".join(text.split()).upper()


def read_layout(layout: str) -> TextBlock:
    """The `ocr` block the plugin adds for the layout's image."""
    image = EmbeddedImage(
        id=f"{layout}.png",
        format="png",
        location=Location(part=layout),
        data=png_bytes(ultrasound_image(layout, seed=11)),
    )
    reading = ImageReader(cache=OcrCache(None)).read(image)
    assert reading is not None
    assert not reading.graphic
    return ocr_block(image, reading)


@pytest.fixture(scope="module")
def blocks() -> dict[str, TextBlock]:
    return {layout: read_layout(layout) for layout in LAYOUTS}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_overlaid_name_date_and_record_number_is_read(
    layout: str, blocks: dict[str, TextBlock]
) -> None:
    text = squeeze(blocks[layout].text)
    for category, value in LAYOUTS[layout][1].planted.items():
        assert squeeze(value) in text, f"{category} {value!r} not read from {layout}"


def detectors_registered() -> Plugins:
    plugins = Plugins()
    if not plugins.detectors:
        pytest.skip("no identifier detectors are registered yet (mslint.identifiers)")
    return plugins


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_overlaid_dates_and_record_numbers_are_identifiers_for_the_detectors(
    layout: str, blocks: dict[str, TextBlock]
) -> None:
    resources = Resources(detectors_registered().detectors)
    block = blocks[layout]
    text = block.text
    spans = resources.identifiers(text, block=block)
    overlay = LAYOUTS[layout][1]
    for category, value in (("date", overlay.date), ("mrn", overlay.mrn)):
        at = text.find(value)
        assert at >= 0, f"{value!r} not read verbatim from {layout}: {text!r}"
        covering = [s for s in spans if s.start <= at and s.end >= at + len(value)]
        assert any(s.category == category for s in covering), (
            f"{category} {value!r} in {layout} not detected; spans: {spans}"
        )


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_overlaid_names_are_identifiers_for_the_detectors(
    layout: str, blocks: dict[str, TextBlock]
) -> None:
    resources = Resources(detectors_registered().detectors)
    block = blocks[layout]
    name = LAYOUTS[layout][1].name
    assert squeeze(name) in squeeze(block.text), f"{name!r} not read from {layout}"
    spans = resources.identifiers(block.text, block=block)
    found = " ".join(squeeze(s.text) for s in spans if s.category == "name")
    assert squeeze(name) in found, f"name {name!r} in {layout} not detected; name spans: {found!r}"
