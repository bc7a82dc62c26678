"""MS405 failed-redaction: text still present under boxes drawn to hide it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import BlockKind, Document, EmbeddedImage, Shape, TextBlock
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta
from mslint.rules.identifier_scan import capped
from mslint.rules.page_geometry import (
    contrast,
    covered_chars,
    is_dark,
    is_white,
    merge_ranges,
    parse_color,
)

FAILED_REDACTION = RuleMeta(
    id="MS405",
    name="failed-redaction",
    summary="text still present under boxes drawn to hide it",
    default_severity=Severity.ERROR,
    categories=("failed-redaction",),
    parameters={"min_opacity": 0.8, "max_contrast": 1.6},
    doc=RuleDoc(
        what=(
            "Finds text that was meant to be redacted but is still in the file: PDF text "
            "whose glyphs lie under a filled, opaque rectangle of (nearly) the text's own "
            "colour, such as black boxes over black text, under a white rectangle "
            "painted after the text (a whiteout), or under a picture of a plain box pasted "
            "over it; PDF text under a redaction "
            "annotation that was marked but never applied; DOCX text given a black "
            "highlight or black shading, and DOCX paragraphs with a black or white shape "
            "drawn in front of their text (a warning: Word keeps no layout to tell which "
            "words it covers)."
        ),
        why=(
            "Drawing a box over text hides it on screen and on paper only: the text can "
            "still be selected, copied, searched and extracted. Court filings and medical "
            "reports have leaked names and diagnoses this way."
        ),
        example="page 3: text under an opaque black box is still in the file: J*** S****",
        fix=(
            "Delete the text itself, or use a real redaction tool that removes the content "
            "under the box (Acrobat: Redact > Apply; PyMuPDF apply_redactions), then check "
            "that the text can no longer be copied."
        ),
        policies=(
            PolicyRef("iums", "5.1",
                      "confidential material must not reach others; text that is only "
                      "covered over is still sent"),
            PolicyRef("hipaa", "164.514(b)(2)(i)",
                      "identifiers must be removed, not obscured"),
        ),
    ),
)

_SKIP_KINDS = frozenset({BlockKind.METADATA, BlockKind.COMMENT, BlockKind.ANNOTATION})
_FIX = "remove the text under the box (apply the redaction) and check it cannot be copied"


def _covers(shape: Shape, min_opacity: float) -> bool:
    if shape.kind == "redact-annotation":
        return True
    return shape.fill is not None and shape.opacity >= min_opacity


#: Kind of the shapes made of images of one plain colour pasted over text.
PASTED_BOX = "pasted-image"
#: An image whose channels vary by at most this much (0-255) is one plain colour.
PLAIN_RANGE = 24
#: Larger images are not decoded to be tested: a plain box compresses to nothing anyway.
MAX_BOX_PIXELS = 4_000_000


def _plain_colour(image: EmbeddedImage) -> tuple[float, float, float] | None:
    """The colour of an image that is a single plain colour (a box), else None."""
    try:
        pixels = image.open_pixels(max_pixels=MAX_BOX_PIXELS)
        extrema = pixels.convert("RGB").getextrema()
    except (ValueError, OSError, SyntaxError):
        return None
    if any(high - low > PLAIN_RANGE for low, high in extrema):
        return None
    r, g, b = (round((low + high) / 510, 3) for low, high in extrema)
    return (r, g, b)


def _pasted_boxes(document: Document) -> list[Shape]:
    """Images of one plain colour drawn over text (a picture of a black bar pasted on a
    name), as shapes; only images drawn over text are decoded."""
    shapes: list[Shape] = []
    for image in document.images:
        drawn = [p for p in image.placements if p.over_text and p.visible is not None
                 and p.visible[2] > p.visible[0] and p.visible[3] > p.visible[1]]
        if not drawn:
            continue
        fill = _plain_colour(image)
        if fill is not None:
            shapes.extend(Shape(page=p.page, rect=p.visible, fill=fill, kind=PASTED_BOX,
                                over_text=True) for p in drawn if p.visible is not None)
    return shapes


class FailedRedactionRule:
    meta = FAILED_REDACTION

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        min_opacity = float(ctx.params.get("min_opacity", 0.8))
        max_contrast = float(ctx.params.get("max_contrast", 1.6))
        by_page: dict[int, list[Shape]] = defaultdict(list)
        for shape in document.shapes:
            if _covers(shape, min_opacity):
                by_page[shape.page].append(shape)
        for shape in _pasted_boxes(document):
            by_page[shape.page].append(shape)
        for block in document.blocks:
            if block.kind in _SKIP_KINDS:
                continue
            page = block.location.page
            if page is not None and page in by_page:
                yield from self._pdf_block(block, by_page[page], max_contrast, ctx)
            elif page is None and (block.attrs.get("spans") or block.attrs.get("covering_shapes")):
                yield from self._docx_block(block, ctx)

    def _pdf_block(self, block: TextBlock, shapes: list[Shape], max_contrast: float,
                   ctx: RuleContext) -> Iterator[Finding]:
        hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for span in block.attrs.get("spans") or []:
            box = span.get("bbox")
            start, end = int(span.get("start", 0)), int(span.get("end", 0))
            text = block.text[start:end]
            if not box or not text.strip():
                continue
            color = parse_color(span.get("color")) or (0.0, 0.0, 0.0)
            for shape in shapes:
                unapplied = shape.kind == "redact-annotation"
                pasted = shape.kind == PASTED_BOX
                whiteout = False
                if not unapplied:
                    fill = parse_color(shape.fill)
                    if fill is None:
                        continue
                    # A white box painted after the text hides it whatever its colour.
                    whiteout = shape.over_text and is_white(fill)
                    if not (whiteout or pasted) and contrast(color, fill) > max_contrast:
                        continue  # text stands out from the box: drawn on it, readable
                rng = covered_chars(tuple(box), text, shape.rect)
                if rng is None or sum(c.isalnum() for c in text[rng[0]:rng[1]]) < 2:
                    continue  # a box on a bullet or a plot marker hides nothing
                kind = "unapplied redaction annotation" if unapplied else (
                    "image of a plain box pasted over it" if pasted else
                    "opaque black box" if is_dark(fill) else
                    "opaque white box drawn over it" if whiteout else "opaque box")
                hits[kind].append((start + rng[0], start + rng[1]))
        for kind, ranges in hits.items():
            for s, e in merge_ranges(ranges):
                while s < e and block.text[s].isspace():
                    s += 1
                while e > s and block.text[e - 1].isspace():
                    e -= 1
                if e > s:
                    yield ctx.finding_in_block(
                        block, s, e, f"text under an {kind} is still in the file: {{value}}",
                        category="failed-redaction", fix=_FIX, cover=kind,
                    )

    def _docx_block(self, block: TextBlock, ctx: RuleContext) -> Iterator[Finding]:
        yield from self._docx_shapes(block, ctx)
        for span in block.attrs.get("spans") or []:
            start, end = int(span.get("start", 0)), int(span.get("end", 0))
            if not block.text[start:end].strip():
                continue
            for key in ("highlight", "shading"):
                back = parse_color(span.get(key))
                if back is None or not is_dark(back):
                    continue
                color = parse_color(span.get("color"))
                if color is not None and contrast(color, back) > 3.0:
                    continue  # light text on a dark background: meant to be read
                yield ctx.finding_in_block(
                    block, start, end,
                    f"text marked with black {key} is still in the file: {{value}}",
                    category="failed-redaction", fix=_FIX, cover=f"black {key}",
                )
                break


    @staticmethod
    def _docx_shapes(block: TextBlock, ctx: RuleContext) -> Iterator[Finding]:
        """A black or white shape floating in front of the paragraph it is anchored to.
        Word keeps no layout, so the words under it are not known: a warning on the
        paragraph."""
        for shape in block.attrs.get("covering_shapes") or []:
            fill = parse_color(shape.get("fill"))
            if fill is None or not (is_dark(fill) or is_white(fill)):
                continue
            colour = "black" if is_dark(fill) else "white"
            start = len(block.text) - len(block.text.lstrip())
            end = len(block.text.rstrip())
            if end > start:
                yield ctx.finding_in_block(
                    block, start, end,
                    f"a filled {colour} shape is drawn in front of this paragraph; the text "
                    "under it is still in the file: {value}",
                    severity=capped(ctx, Severity.WARNING), category="failed-redaction",
                    fix="delete the words the shape hides, then the shape",
                    cover=f"{colour} shape",
                )
            return


@hookimpl
def mslint_rules() -> list[FailedRedactionRule]:
    return [FailedRedactionRule()]
