"""MS404 hidden-text: text in the file that a reader of the page cannot see."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import VISIBLE_KINDS, BlockKind, Document, Location, TextBlock
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta
from mslint.rules.identifier_scan import capped, identifiers_in, is_author
from mslint.rules.page_geometry import WHITE, Rect, contrast, covered_fraction, parse_color

HIDDEN_TEXT = RuleMeta(
    id="MS404",
    name="hidden-text",
    summary="hidden, invisible, white-on-white or off-page text",
    default_severity=Severity.ERROR,
    categories=("hidden-text", "ocr-layer"),
    parameters={"min_font_size": 1.0, "min_contrast": 1.2},
    doc=RuleDoc(
        what=(
            "Finds text that is in the file but not visible: Word hidden text (w:vanish), "
            "text coloured like its background (white on white), zero-size or tiny fonts, "
            "PDF text drawn invisibly (render mode 3) and text placed outside the page. "
            "Hidden text is a warning, an identifier in it an error. Invisible text lying "
            "over a scanned image is the scan's OCR layer and is reported as information."
        ),
        why=(
            "Hidden text is copied, searched, indexed and read aloud by screen readers; "
            "authors hide a patient's details instead of deleting them, and templates hide "
            "old content that is still there."
        ),
        example=("paragraph 4: text coloured like its background holds an identifier (mrn): "
                 "*******"),
        fix=(
            "Delete the hidden text (Word: File > Info > Inspect Document > Hidden Text; "
            "show formatting marks to see it) rather than hiding it, and check again."
        ),
        policies=(
            PolicyRef("iums", "5.1",
                      "submitted files are confidential material; what they carry out of "
                      "sight is submitted as much as what is visible"),
            PolicyRef("hipaa", "164.514(b)(2)(i)",
                      "identifiers must be removed from the record, not made invisible"),
        ),
    ),
)

_REASONS = {
    "vanish": "Word hidden text",
    "render-mode-3": "invisible PDF text (render mode 3)",
    "off-page": "text outside the page",
}


@dataclass(frozen=True, slots=True)
class HiddenRun:
    start: int
    end: int
    reason: str


def _page_images(document: Document) -> dict[int, list[Rect]]:
    out: dict[int, list[Rect]] = defaultdict(list)
    for image in document.images:
        for p in image.placements:
            out[p.page].append(p.visible or p.rect)
    return out


def _page_shapes(document: Document) -> dict[int, list[Rect]]:
    out: dict[int, list[Rect]] = defaultdict(list)
    for shape in document.shapes:
        if shape.fill is not None:
            out[shape.page].append(shape.rect)
    return out


def _over_any(box: Rect | None, rects: list[Rect], share: float = 0.5) -> bool:
    return box is not None and any(covered_fraction(box, r) >= share for r in rects)


def is_ocr_layer(block: TextBlock, images: dict[int, list[Rect]]) -> bool:
    """Invisible text lying on an image: a scan's OCR layer."""
    page, box = block.location.page, block.location.bbox
    return page is not None and _over_any(box, images.get(page, []), 0.9)


@lru_cache(maxsize=2048)
def _blends_in(color_value: object, theme: object, highlight: object, shading: object,
               block_shading: object, min_contrast: float) -> bool:
    """Whether text of this colour disappears into its background (white by default)."""
    color = parse_color(color_value) or parse_color(theme)
    if color is None:
        return False
    background = (parse_color(highlight) or parse_color(shading) or parse_color(block_shading)
                  or WHITE)
    return contrast(color, background) < min_contrast


class HiddenTextRule:
    meta = HIDDEN_TEXT

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        images = _page_images(document)
        shapes = _page_shapes(document)
        ocr_pages: dict[int, int] = defaultdict(int)
        for block in document.blocks:
            if block.kind is BlockKind.HIDDEN:
                reason = str(block.attrs.get("hidden_reason", "hidden"))
                if reason == "render-mode-3" and is_ocr_layer(block, images):
                    ocr_pages[block.location.page or 0] += len(block.text)
                    continue
                runs = [HiddenRun(0, len(block.text), _REASONS.get(reason, reason))]
            elif block.kind in VISIBLE_KINDS:
                runs = self._invisible_runs(block, ctx, images, shapes)
            else:
                continue
            yield from self._report(block, runs, document, ctx)
        for page, chars in sorted(ocr_pages.items()):
            yield ctx.finding(
                f"page {page} carries an invisible OCR text layer ({chars} characters) over "
                "a scanned image; it repeats what the scan shows",
                Location(page=page or None), severity=capped(ctx, Severity.INFO),
                category="ocr-layer", fix="check the scanned image itself for identifiers",
            )

    def _invisible_runs(self, block: TextBlock, ctx: RuleContext,
                        images: dict[int, list[Rect]],
                        shapes: dict[int, list[Rect]]) -> list[HiddenRun]:
        min_size = float(ctx.params.get("min_font_size", 1.0))
        min_contrast = float(ctx.params.get("min_contrast", 1.2))
        spans = block.attrs.get("spans") or []
        if not spans and any(k in block.attrs for k in ("color", "size", "render_mode")):
            spans = [{"start": 0, "end": len(block.text), **block.attrs}]
        page = block.location.page
        runs: list[HiddenRun] = []
        for span in spans:
            start, end = int(span.get("start", 0)), int(span.get("end", len(block.text)))
            if not block.text[start:end].strip():
                continue
            reason = self._span_reason(span, block, min_size, min_contrast)
            if reason is None:
                continue
            if reason.startswith("text coloured") and page is not None:
                box = span.get("bbox")
                if _over_any(box, images.get(page, [])) or _over_any(box, shapes.get(page, [])):
                    continue  # light text on a picture or a filled box: visible
            runs.append(HiddenRun(start, end, reason))
        return runs

    @staticmethod
    def _span_reason(span: dict, block: TextBlock, min_size: float,
                     min_contrast: float) -> str | None:
        if span.get("render_mode") == 3:
            return _REASONS["render-mode-3"]
        size = span.get("size")
        if isinstance(size, (int, float)) and size < min_size:
            return f"font size {size:g} pt"
        key = (span.get("color"), span.get("theme_color"), span.get("highlight"),
               span.get("shading"), block.attrs.get("shading"), min_contrast)
        try:
            blends = _blends_in(*key)
        except TypeError:  # colours given as lists: not cacheable, same answer
            blends = _blends_in.__wrapped__(*key)
        return "text coloured like its background" if blends else None


    def _report(self, block: TextBlock, runs: list[HiddenRun], document: Document,
                ctx: RuleContext) -> Iterator[Finding]:
        if not runs:
            return
        spans = identifiers_in(block.text, ctx, document, block)
        for run in runs:
            if sum(c.isalnum() for c in block.text[run.start:run.end]) < 2:
                continue  # a stray digit or mark: typesetting debris, not hidden content
            inside = [s for s in spans if s.start < run.end and s.end > run.start
                      and not (s.category == "name" and is_author(s.text, document))]
            for s in inside:
                yield ctx.finding_in_block(
                    block, s.start, s.end,
                    f"{run.reason} holds an identifier ({s.category}): {{value}}",
                    severity=ctx.severity, category=s.category,
                    fix="delete the hidden text rather than hiding it", hidden_reason=run.reason,
                )
            if inside:
                continue
            start, end = run.start, min(run.end, run.start + 120)
            while start < end and block.text[start].isspace():
                start += 1
            yield ctx.finding_in_block(
                block, start, end, f"{run.reason}: {{value}}",
                severity=capped(ctx, Severity.WARNING), category="hidden-text",
                fix="delete the hidden text rather than hiding it", hidden_reason=run.reason,
            )


@hookimpl
def mslint_rules() -> list[HiddenTextRule]:
    return [HiddenTextRule()]
