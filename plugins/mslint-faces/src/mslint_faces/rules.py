"""MS303 face-visible and MS304 inadequate-masking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mslint.findings import Finding, Severity
from mslint.model import Document, EmbeddedImage
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta

from mslint_faces.analysis import AnalysisCache, Face, ImageFaces, Masking, analyse_rgb
from mslint_faces.consent import figure_of, figure_states_consent
from mslint_faces.pixels import load_rgb

PLUGIN = "mslint-faces"
MEMO_KEY = "mslint_faces.images"
_CACHE = AnalysisCache()

_IUMS_MASKING = PolicyRef(
    "iums", "4",
    "masking such as black bars across the eyes does not reliably protect identity and must "
    "not be the only safeguard",
)
_GMC_EYES = PolicyRef("gmc", "1", "blacking out the eyes is not an acceptable way to anonymise")
_RADIOPAEDIA_PHOTO = PolicyRef(
    "radiopaedia", "Facial recognition / Photographs",
    "clinical photographs need complete anonymity; masking the eye region is not enough, and "
    "mild pixelation can be reversed, so only very coarse pixelation of the whole face will do",
)

FACE_VISIBLE = RuleMeta(
    id="MS303",
    name="face-visible",
    summary="a face in a clinical photograph",
    default_severity=Severity.ERROR,
    categories=("face",),
    plugin=PLUGIN,
    doc=RuleDoc(
        what=(
            "Finds faces in colour clinical photographs (radiology and other greyscale images "
            "are skipped) that are not masked at all. It is an error when the legend of the "
            "figure does not state consent for publication, and a warning when it does, as a "
            "reminder that the consent must cover publishing a recognisable face."
        ),
        why=(
            "A face identifies a patient more surely than any name. Publishing a recognisable "
            "face needs the patient's written consent for publication, and the legend should "
            "say it was obtained."
        ),
        example="Figure 1: facial photograph of the patient at presentation (no consent stated)",
        fix=(
            "Crop the image to the region that matters clinically, or obtain written consent "
            "for publication of the identifiable image and state it in the legend."
        ),
        policies=(
            PolicyRef("iums", "3.1", "clinical photographs of identifiable people need consent "
                      "for publication"),
            PolicyRef("iums", "4", "state in the legend that consent for publication of the "
                      "image was obtained"),
            _RADIOPAEDIA_PHOTO,
        ),
    ),
)

INADEQUATE_MASKING = RuleMeta(
    id="MS304",
    name="inadequate-masking",
    summary="eye bars, partial masking or light pixelation used as the only protection",
    default_severity=Severity.ERROR,
    categories=("face",),
    plugin=PLUGIN,
    parameters={
        "max_blocks_across_face": 10,
        "min_blur_fraction": 0.042,
        "min_mosaic_coverage": 0.75,
    },
    doc=RuleDoc(
        what=(
            "Finds faces whose masking leaves them recognisable: a bar over the eyes, a small "
            "patch, pixelation over part of the face, pixelation with blocks smaller than "
            "1/max_blocks_across_face of the face width, or a blur whose sigma is under "
            "min_blur_fraction of the face width. Coarse pixelation over the whole face, heavy "
            "blur, or a face fully covered are accepted."
        ),
        why=(
            "People recognise faces from the shape of the head, hair, nose, mouth and ears as "
            "much as from the eyes; face recognition software does too, and light pixelation "
            "or blur can be reversed by image restoration models."
        ),
        example="Figure 2: black bar across the eyes; nose, mouth and hairline visible",
        fix=(
            "Crop to the region of clinical interest, or pixelate the whole face with blocks "
            "at least a tenth of the face width, or obtain written consent for publication of "
            "the identifiable image and state it in the legend."
        ),
        policies=(_IUMS_MASKING, _GMC_EYES, _RADIOPAEDIA_PHOTO),
    ),
)


def analysed_images(document: Document, ctx: RuleContext) -> list[tuple[EmbeddedImage, ImageFaces]]:
    """Every image of the document with its faces, computed once per document."""
    return ctx.resources.memo(MEMO_KEY, lambda: _analyse_all(document))


def _analyse_all(document: Document) -> list[tuple[EmbeddedImage, ImageFaces]]:
    out = []
    for image in document.images:
        try:
            raw = image.encoded()
        except ValueError:  # a stream that cannot be decoded, or too many pixels: no face
            continue
        if raw is None:
            continue
        result = _CACHE.get(raw, lambda img=image: _analyse_one(img))
        if result.faces:
            out.append((image, result))
    return out


def _analyse_one(image: EmbeddedImage) -> ImageFaces:
    rgb = load_rgb(image)
    return analyse_rgb(rgb) if rgb is not None else ImageFaces(photograph=False)


def _where(document: Document, image: EmbeddedImage, index: int, count: int) -> tuple[str, str]:
    """(what to call the image in a message, its logical location)."""
    figure = figure_of(document, image)
    name = figure.label if figure is not None else (image.figure_label or "an image")
    logical = figure.label if figure is not None else (image.figure_label or "image")
    if count > 1:
        logical = f"{logical}, face {index + 1}"
    return name, logical


def _consent(document: Document, image: EmbeddedImage, ctx: RuleContext) -> bool:
    figure = figure_of(document, image)
    return figure is not None and figure_states_consent(document, figure, ctx.resources)


def _props(image: EmbeddedImage, face: Face) -> dict[str, Any]:
    props: dict[str, Any] = {
        "image_id": image.id,
        "face_box": list(face.box.as_tuple()),
        "masking": str(face.masking),
        "found_by": face.source,
    }
    if face.block is not None:
        props["block_px"] = round(face.block, 1)
        props["blocks_across_face"] = round(face.blocks_across or 0.0, 1)
        props["mosaic_coverage"] = round(face.coverage or 0.0, 2)
    if face.blur_sigma is not None:
        props["blur_sigma_px"] = round(face.blur_sigma, 2)
    return props


class FaceVisibleRule:
    meta = FACE_VISIBLE

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        for image, result in analysed_images(document, ctx):
            visible = [f for f in result.faces if f.masking is Masking.NONE]
            if not visible:
                continue
            consented = _consent(document, image, ctx)
            for i, face in enumerate(visible):
                name, logical = _where(document, image, i, len(visible))
                if consented:
                    message = (f"{name} shows a recognisable face; the legend states consent "
                               "for publication: make sure it covers an identifiable image")
                    severity = min(ctx.severity, Severity.WARNING)
                else:
                    message = (f"{name} shows a recognisable face in a clinical photograph and "
                               "its legend does not state consent for publication")
                    severity = ctx.severity
                yield ctx.finding(
                    message, image.location, severity=severity, category="face",
                    logical_location=logical,
                    fix="crop the face out, or obtain written consent for publication of the "
                        "identifiable image and state it in the legend",
                    **_props(image, face),
                )


class InadequateMaskingRule:
    meta = INADEQUATE_MASKING

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        for image, result in analysed_images(document, ctx):
            flagged = [(f, why) for f in result.faces if (why := self.problem(f, ctx.params))]
            if not flagged:
                continue
            consented = _consent(document, image, ctx)
            for i, (face, why) in enumerate(flagged):
                name, logical = _where(document, image, i, len(flagged))
                severity = ctx.severity
                if consented or face.source != "detector":
                    # consent stated, or a face inferred from its masking alone
                    severity = min(severity, Severity.WARNING)
                yield ctx.finding(
                    f"{name}: {why}", image.location, severity=severity, category="face",
                    logical_location=logical,
                    fix="crop to the region of clinical interest, pixelate the whole face "
                        "coarsely, or obtain consent for publication of the identifiable image",
                    **_props(image, face),
                )

    @staticmethod
    def problem(face: Face, params: Any) -> str | None:
        """Why the masking of ``face`` is inadequate, or None when it is adequate."""
        max_blocks = float(params.get("max_blocks_across_face", 10))
        min_blur = float(params.get("min_blur_fraction", 0.042))
        min_coverage = float(params.get("min_mosaic_coverage", 0.75))
        if face.masking is Masking.EYE_BAR:
            return ("the face is masked only by a bar over the eyes; the rest of the face "
                    "still identifies the patient")
        if face.masking is Masking.PATCH:
            return "a patch hides only part of the face; the rest of it is visible"
        if face.masking is Masking.PIXELATION:
            if (face.coverage or 0.0) < min_coverage:
                return (f"pixelation covers only about {100 * (face.coverage or 0):.0f}% of the "
                        "face; the rest of it is visible")
            if (face.blocks_across or 0.0) > max_blocks:
                return (f"pixelation too light to prevent recognition: blocks of "
                        f"{face.block:.0f} px, {face.blocks_across:.0f} across the face "
                        f"(at most {max_blocks:g} are safe)")
            return None
        if face.masking is Masking.BLUR and (face.blur_fraction or 0.0) < min_blur:
            return (f"blur too light to prevent recognition: sigma {face.blur_sigma:.1f} px is "
                    f"1/{1 / (face.blur_fraction or 1):.0f} of the face width (at least "
                    f"1/{1 / min_blur:.0f} needed)")
        return None
