"""MS305 hidden-crop: an image shown cropped while its full pixels are still in the file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import Crop, Document, EmbeddedImage, Placement
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta

HIDDEN_CROP = RuleMeta(
    id="MS305",
    name="hidden-crop",
    summary="image cropped in the document while the full original pixels are still embedded",
    default_severity=Severity.WARNING,
    categories=("hidden-crop",),
    parameters={"min_hidden_percent": 2.0},
    doc=RuleDoc(
        what=(
            "Finds images that the document shows cropped while the file still stores the "
            "whole picture: DOCX pictures cropped with Word's crop tool (a:srcRect), and "
            "PDF images drawn through a clipping path or partly outside the page. The "
            "message says how much of the stored image is hidden and on which sides. An "
            "image drawn entirely outside the page or clipped away is reported as 100 % "
            "hidden."
        ),
        why=(
            "Cropping in Word or a layout program only changes how the picture is shown. "
            "Anyone can reset the crop or extract the image and see what was cut off: the "
            "patient's name and hospital number in the margin of an X-ray, a face, a "
            "wristband. Removing identifying marks means removing the pixels."
        ),
        example=(
            "image word/media/image1.png (Figure 2) is shown cropped: 31% of the stored "
            "image is hidden (left 14%, top 20%); the full original pixels are still in the "
            "file"
        ),
        fix=(
            "Crop the image in an image editor (or export the cropped picture) and insert "
            "the result, so the hidden region is gone from the file. In Word, 'Compress "
            "Pictures' with 'Delete cropped areas of pictures' does the same."
        ),
        policies=(
            PolicyRef("gmc", "Recordings for which separate consent is not required",
                      "identifying marks such as writing in the margins of an X-ray must be "
                      "removed before a recording is used in anonymised form"),
            PolicyRef("radiopaedia", "Patient confidentiality",
                      "burnt-in text must be cropped away; a crop that leaves the pixels in "
                      "the file does not remove it"),
            PolicyRef("iums", "4",
                      "images should be cropped to remove non-essential context, and the "
                      "unedited original kept securely by the authors rather than sent"),
        ),
    ),
)

_SIDES = ("left", "top", "right", "bottom")


@dataclass(frozen=True, slots=True)
class HiddenPart:
    fraction: float
    sides: tuple[tuple[str, float], ...]
    page: int | None = None


def crop_hidden_part(crop: Crop) -> HiddenPart:
    sides = tuple((name, v) for name, v in zip(_SIDES, (crop.left, crop.top, crop.right,
                                                          crop.bottom), strict=True) if v > 0)
    clamped = Crop(*(max(0.0, v) for v in (crop.left, crop.top, crop.right, crop.bottom)))
    return HiddenPart(min(1.0, clamped.hidden_fraction), sides)


def placement_hidden_part(placement: Placement) -> HiddenPart:
    """What of the drawn image the clip and the page box cut away (PDF y grows downwards)."""
    x0, y0, x1, y1 = placement.rect
    w, h = x1 - x0, y1 - y0
    if w <= 0 or h <= 0 or placement.visible is None:
        return HiddenPart(0.0, (), placement.page)
    vx0, vy0, vx1, vy1 = placement.visible
    if vx1 <= vx0 or vy1 <= vy0:
        return HiddenPart(1.0, (("all sides", 1.0),), placement.page)
    cut = (
        max(0.0, (vx0 - x0) / w),
        max(0.0, (vy0 - y0) / h),
        max(0.0, (x1 - vx1) / w),
        max(0.0, (y1 - vy1) / h),
    )
    return replace(crop_hidden_part(Crop(*cut)), page=placement.page)


def hidden_part(image: EmbeddedImage) -> HiddenPart | None:
    """The least-hidden way the image is shown: if one placement shows it whole, nothing
    is hidden."""
    if image.crop is not None:
        return crop_hidden_part(image.crop)
    if image.placements:
        return min((placement_hidden_part(p) for p in image.placements),
                   key=lambda part: part.fraction)
    return None


def describe_sides(part: HiddenPart) -> str:
    return ", ".join(f"{name} {round(v * 100)}%" if name != "all sides" else name
                     for name, v in part.sides)


class HiddenCropRule:
    meta = HIDDEN_CROP

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        threshold = float(ctx.params.get("min_hidden_percent", 2.0)) / 100
        for image in document.images:
            if image.attrs.get("thumbnail"):
                continue
            part = hidden_part(image)
            if part is None or part.fraction < max(threshold, 0.005):
                continue
            percent = round(part.fraction * 100)
            if part.fraction >= 0.999:
                how = "is not visible at all (drawn outside the page or clipped away)"
            else:
                how = f"is shown cropped: {percent}% of the stored image is hidden " \
                      f"({describe_sides(part)})"
            label = f" ({image.figure_label})" if image.figure_label else ""
            where = f" on page {part.page}" if part.page else ""
            yield ctx.finding(
                f"image {image.id}{label}{where} {how}; the full original pixels are still "
                "in the file",
                image.location,
                category="hidden-crop",
                logical_location=f"{image.figure_label} image" if image.figure_label else image.id,
                fix="crop the picture in an image editor and insert the cropped result",
                image_id=image.id,
                hidden_percent=percent,
                hidden_sides=[name for name, _ in part.sides],
            )


@hookimpl
def mslint_rules() -> list[HiddenCropRule]:
    return [HiddenCropRule()]
