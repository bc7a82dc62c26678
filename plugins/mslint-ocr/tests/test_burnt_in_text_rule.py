"""MS302 through the engine: errors for identifiers in image text, warnings for other text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import mslint_ocr.plugin
from PIL import Image, ImageDraw
from ultrasound_images import font, png_bytes, speckle_sector, ultrasound_image

from mslint.config import Settings
from mslint.detector import DetectionContext, IdentifierSpan
from mslint.engine import Engine
from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import BlockKind, Document, EmbeddedImage, Location
from mslint.plugins import Plugins


class SlashDateDetector:
    """A small stand-in for the identifier detectors: dd/mm/yyyy dates only."""

    name = "test-slash-dates"
    categories = ("date",)

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        for m in re.finditer(r"\b\d{2}/\d{2}/\d{4}\b", text):
            yield IdentifierSpan(m.start(), m.end(), "date", 0.9, self.name, m.group())


class DetectorPlugin:
    @hookimpl
    def mslint_detectors(self) -> list[SlashDateDetector]:
        return [SlashDateDetector()]


def engine(tmp_path: Path) -> Engine:
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_ocr.plugin, name="mslint-ocr")
    plugins.register(DetectorPlugin(), name="test-detectors")
    return Engine(Settings(root=tmp_path, select=("MS302",)), plugins)


def document_with(tmp_path: Path, *images: tuple[str, bytes]) -> Document:
    return Document(
        path=tmp_path / "paper.md",
        format="markdown",
        images=[EmbeddedImage(id=name, format="png", location=Location(source=name), data=data,
                              figure_label=f"Figure {i}")
                for i, (name, data) in enumerate(images, start=1)],
    )


def ms302(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.rule_id == "MS302"]


def test_date_in_the_pixels_is_an_error_with_the_value_masked(
    tmp_path: Path, ocr_cache_dir: Path
) -> None:
    doc = document_with(tmp_path, ("us.png", png_bytes(ultrasound_image("top-left"))))
    findings = ms302(engine(tmp_path).check_document(doc, "paper.md").findings)
    assert findings and all(f.severity is Severity.ERROR for f in findings)
    (date,) = [f for f in findings if f.value == "12/03/2021"]
    assert date.category == "date"
    assert "12/03/2021" not in date.render_message(show_values=False)
    assert "**/**/2021" in date.render_message(show_values=False)
    assert date.logical_location == "Figure 1 (us.png) pixels"
    assert date.snippet is None


def test_clinical_image_with_text_but_no_identifier_is_a_warning(
    tmp_path: Path, ocr_cache_dir: Path
) -> None:
    img = speckle_sector(seed=2)
    ImageDraw.Draw(img).text((14, 12), "LIVER  C5-1  Gain 52", fill="white", font=font(24))
    doc = document_with(tmp_path, ("liver.png", png_bytes(img)))
    findings = ms302(engine(tmp_path).check_document(doc, "paper.md").findings)
    assert [(f.severity, f.category) for f in findings] == [(Severity.WARNING, "burnt-in-text")]
    assert "ideally a clinical image carries no text" in findings[0].message


def test_image_without_text_has_no_finding_and_no_ocr_block(
    tmp_path: Path, ocr_cache_dir: Path
) -> None:
    doc = document_with(tmp_path, ("plain.png", png_bytes(speckle_sector(seed=4, width=640,
                                                                          height=480))))
    assert ms302(engine(tmp_path).check_document(doc, "paper.md").findings) == []
    assert list(doc.blocks_of(BlockKind.OCR)) == []


def test_flow_chart_text_without_identifiers_is_not_reported(
    tmp_path: Path, ocr_cache_dir: Path
) -> None:
    chart = Image.new("RGB", (800, 500), "white")
    draw = ImageDraw.Draw(chart)
    draw.rectangle((250, 40, 550, 110), outline="black", width=3)
    draw.text((270, 60), "Records screened n=120", fill="black", font=font(24))
    doc = document_with(tmp_path, ("prisma.png", png_bytes(chart)))
    assert ms302(engine(tmp_path).check_document(doc, "paper.md").findings) == []
    (block,) = doc.blocks_of(BlockKind.OCR)
    assert block.attrs["clinical"] is False


def test_ocr_text_becomes_an_ocr_block_other_rules_can_read(
    tmp_path: Path, ocr_cache_dir: Path
) -> None:
    doc = document_with(tmp_path, ("us.png", png_bytes(ultrasound_image("coloured"))))
    engine(tmp_path).check_document(doc, "paper.md")
    (block,) = doc.blocks_of(BlockKind.OCR)
    assert block.attrs["image_id"] == "us.png"
    assert block.location == Location(source="us.png")
    assert "KHAN, FATIMA" in block.text
    assert all(len(line["box"]) == 4 for line in block.attrs["lines"])
