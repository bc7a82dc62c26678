"""MS302 burnt-in-text: text in image pixels; identifiers in it are errors."""

from __future__ import annotations

from collections.abc import Iterator

from mslint.detector import IdentifierSpan
from mslint.findings import Finding, Severity
from mslint.model import BlockKind, Document, TextBlock
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta

PLUGIN = "mslint-ocr"

BURNT_IN_TEXT = RuleMeta(
    id="MS302",
    name="burnt-in-text",
    summary="text inside image pixels (ultrasound, nuclear medicine, screenshots)",
    default_severity=Severity.ERROR,
    categories=("burnt-in-text", "name", "date", "mrn", "id", "age", "address", "phone"),
    parameters={
        "text_severity": "warning",
        "min_text_chars": 2,
        "min_confidence": 0.5,
    },
    plugin=PLUGIN,
    doc=RuleDoc(
        what=(
            "Reads the pixels of every image (embedded in the manuscript, referenced by it, "
            "submitted beside it, or the pixel data of a DICOM file) with an offline OCR "
            "engine. An identifier in that text (a name, a date, a record number, an age, an "
            "address) is an error at the rule's severity. Any other text in a clinical image "
            "is reported at `text_severity` (default: warning); charts and diagrams "
            "(mostly white) may carry text and are not reported unless it holds an "
            "identifier. The text is also added to the document as an `ocr` block, so every "
            "identifier rule checks it too."
        ),
        why=(
            "Ultrasound, nuclear medicine and screen captures of PACS viewers carry the "
            "patient's name, date of birth, hospital number and study date in the pixels. "
            "De-identifying the file's metadata leaves that text in place; only cropping or "
            "painting over it removes it."
        ),
        example="Figure 2 (us_liver.png): burnt-in name 'J*** S****' in the image",
        fix=(
            "Crop the annotated band off the image or paint over the text and export again "
            "(a new file: a crop recorded by the word processor keeps the pixels). Ideally a "
            "clinical image carries no text at all; arrows and scale bars can be added as "
            "separate layout elements."
        ),
        policies=(
            PolicyRef("radiopaedia", "Patient confidentiality",
                      "embedded data on images, especially ultrasound, is the most easily "
                      "overlooked identifier; ideally images carry no text whatsoever"),
            PolicyRef("radiopaedia", "Patient confidentiality (DICOM upload)",
                      "automatic DICOM anonymisation does not remove burnt-in text, as found "
                      "in ultrasound and nuclear medicine; it has to be cropped"),
            PolicyRef("gmc", "paragraph 10",
                      "ultrasound images and X-rays may be used without separate consent "
                      "only in anonymised form"),
            PolicyRef("iums", "4",
                      "identifiable images are published only when essential, cropped of "
                      "non-essential context"),
        ),
    ),
)


def strongest_spans(spans: list[IdentifierSpan], min_confidence: float) -> list[IdentifierSpan]:
    """One span per overlapping group (several detectors may report the same text): the
    most confident, then the longest."""
    kept: list[IdentifierSpan] = []
    ranked = sorted((s for s in spans if s.confidence >= min_confidence),
                    key=lambda s: (-s.confidence, -(s.end - s.start), s.start))
    for span in ranked:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def readable_chars(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def image_name(block: TextBlock) -> str:
    label = block.attrs.get("image_label")
    image_id = block.attrs.get("image_id", "image")
    return f"{label} ({image_id})" if label else str(image_id)


class BurntInTextRule:
    """Checks the `ocr` blocks that `mslint_process_document` added."""

    meta = BURNT_IN_TEXT

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        min_confidence = float(ctx.params.get("min_confidence", 0.5))
        min_chars = int(ctx.params.get("min_text_chars", 2))
        text_severity = Severity.parse(str(ctx.params.get("text_severity", "warning")))
        for block in document.blocks_of(BlockKind.OCR):
            where = image_name(block)
            logical = f"{where} pixels"
            spans = strongest_spans(
                ctx.resources.identifiers(block.text, block=block, document=document),
                min_confidence,
            )
            for span in spans:
                # No snippet: the text around an identifier burnt into a header is mostly
                # more identifiers, some of which no detector recognised.
                yield ctx.finding(
                    f"burnt-in {span.category} '{{value}}' in the pixels of {where}",
                    block.location_at(span.start),
                    category=span.category,
                    value=block.text[span.start:span.end],
                    logical_location=logical,
                    fix="crop or paint over the annotated area and export the image again",
                    image_id=block.attrs.get("image_id"),
                    detector=span.detector,
                    block_kind=str(block.kind),
                )
            chars = readable_chars(block.text)
            if spans or not block.attrs.get("clinical") or chars < min_chars:
                continue
            lines = len(block.attrs.get("lines", ())) or block.text.count("\n") + 1
            yield ctx.finding(
                f"{where} has text burnt into its pixels ({lines} line(s), {chars} "
                "characters): ideally a clinical image carries no text at all",
                block.location,
                severity=min(text_severity, ctx.severity),
                category="burnt-in-text",
                logical_location=logical,
                fix="crop the text off or paint over it, then check the text that remains",
                image_id=block.attrs.get("image_id"),
            )
