"""Builders for the consent tests: Documents made in code and an engine running the six
consent rules on them."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from mslint.config import Settings
from mslint.engine import Engine
from mslint.findings import Finding
from mslint.model import BlockKind, Document, EmbeddedImage, Figure, Location, TextBlock
from mslint.plugins import Plugins

CONSENT_RULES = ("MS101", "MS102", "MS103", "MS104", "MS105", "MS110")

CASE = ("A 45-year-old woman presented with a painful rash on both shins. On examination, she "
        "had tender erythematous nodules.")
METHODS = ("We describe a latent class model that estimates the sensitivity of two tests when "
           "no reference standard is available. The model was evaluated on simulated data.")
REVIEW = ("We searched MEDLINE for cohort studies of HELLP syndrome. Smith et al. reported a "
          "32-year-old woman who presented with liver rupture [4].")
TEMPLATE = ("The abstract serves both as a general introduction to the topic and as a brief "
            "summary of the main results. Please check the Instructions for Authors.")

_ENGINES: dict[tuple[str, tuple[tuple[str, str], ...]], Engine] = {}


class Builder:
    """A manuscript put together block by block, with section paths kept as a writer would."""

    def __init__(self, title: str = "A case report") -> None:
        self.doc = Document(path=Path("built.md"), format="markdown")
        self.section: tuple[str, ...] = ()
        self.heading(title, level=1)

    def heading(self, text: str, level: int = 2) -> Builder:
        self.section = (*self.section[: level - 1], text)
        self._add(text, BlockKind.HEADING)
        return self

    def para(self, text: str) -> Builder:
        self._add(text, BlockKind.BODY)
        return self

    def figure(self, number: int, legend: str, image: EmbeddedImage | None = None) -> Builder:
        label = f"Figure {number}"
        index = self._add(f"{label}. {legend}", BlockKind.CAPTION, figure_label=label)
        ids: tuple[str, ...] = ()
        if image is not None:
            self.doc.images.append(image)
            ids = (image.id,)
        self.doc.figures.append(Figure(label=label, legend=legend, location=Location(line=index),
                                       number=str(number), image_ids=ids, legend_block=index))
        return self

    def _add(self, text: str, kind: BlockKind, **attrs: object) -> int:
        index = len(self.doc.blocks)
        self.doc.blocks.append(TextBlock(text=text, kind=kind, location=Location(line=index + 1),
                                         section=self.section, attrs=dict(attrs)))
        return index


def case_report(statement: str | None = None, case: str = CASE,
                heading: str = "Consent for publication") -> Document:
    b = Builder().heading("Case presentation").para(case).heading("Discussion").para(
        "Erythema nodosum usually resolves within weeks.")
    if statement is not None:
        b.heading("Declarations").heading(heading, level=3).para(statement)
    return b.doc


def paper(body: str, statement: str | None = None) -> Document:
    b = Builder("A paper").heading("Main text").para(body)
    if statement is not None:
        b.heading("Declarations").heading("Consent for publication", level=3).para(statement)
    return b.doc


def image(kind: str, name: str = "img.png") -> EmbeddedImage:
    """A small image drawn with Pillow: ``photo`` (skin tones), ``grey`` or ``chart``."""
    from PIL import Image, ImageDraw

    if kind == "photo":
        img = Image.new("RGB", (96, 72))
        px = img.load()
        for x in range(96):
            for y in range(72):
                px[x, y] = (180 + x // 2, 130 + y, 100 + (x + y) // 3)
    elif kind == "grey":
        img = Image.new("L", (96, 72))
        px = img.load()
        for x in range(96):
            for y in range(72):
                px[x, y] = (x * 2 + y) % 220 + 20
    else:
        img = Image.new("RGB", (96, 72), "white")
        ImageDraw.Draw(img).rectangle((10, 30, 40, 70), fill=(31, 119, 180))
    buffer = io.BytesIO()
    img.save(buffer, format="PNG")
    return EmbeddedImage(id=name, format="png", location=Location(), data=buffer.getvalue(),
                         width=img.width, height=img.height)


def check(document: Document, ruleset: str = "default",
          overrides: dict[str, dict[str, object]] | None = None,
          rules: Sequence[str] = CONSENT_RULES) -> list[Finding]:
    key = (ruleset, tuple(sorted((k, repr(v)) for k, v in (overrides or {}).items())))
    engine = _ENGINES.get(key)
    if engine is None:
        settings = Settings(ruleset=ruleset, select=CONSENT_RULES,
                            rule_overrides=overrides or {})
        engine = Engine(settings, Plugins(entry_point_plugins=False))
        _ENGINES[key] = engine
    result = engine.check_document(document, "built.md")
    return [f for f in result.findings if f.rule_id in rules]


def ids(findings: Sequence[Finding]) -> list[str]:
    return sorted(f.rule_id for f in findings)
