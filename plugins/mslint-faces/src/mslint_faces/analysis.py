"""One image in, the faces in it and how each is masked out.

The pipeline, per image:

1. Greyscale images (radiology, greyscale microscopy) are not clinical photographs: stop.
2. Detect faces (`mslint_faces.detect`).
3. For each face, measure what was done to it: a uniform bar across the eye band or a
   uniform patch (`mslint_faces.flat`), a mosaic with its block size and coverage
   (`mslint_faces.mosaic`), or a blur with its strength (`mslint_faces.blur`).
4. Masking can also hide a face from the detector. So look for faces the detector missed:
   a uniform bar with skin below it (an eye bar), and skin-coloured mosaics shaped like a
   head (a pixelated face).

Thresholds (whether a mosaic or blur is heavy enough) are the rules' business; this module
only measures.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from mslint_faces.blur import blur_sigma
from mslint_faces.colour import is_colour_photograph, skin_map
from mslint_faces.detect import detect_faces
from mslint_faces.flat import (
    Component,
    Mosaic,
    flat_components,
    mosaic_regions,
    uniform_rectangles,
)
from mslint_faces.geometry import Box
from mslint_faces.mosaic import MosaicMeasure, measure_mosaic, measure_mosaic_in_box

#: Images are analysed at most this large (longer side); boxes are reported in the
#: original image's pixels.
ANALYSE_SIDE = 2048
#: The blur estimator reads about 0.57x the sigma of a Gaussian applied to a face (faces
#: are not the step edges its model assumes); measured on the synthetic test faces.
BLUR_CALIBRATION = 1.75
#: A face counts as deliberately blurred when its sigma is at least this share of the face
#: width (an in-focus face measures well under 1/80).
BLURRED_FRACTION = 1 / 64
#: A mosaic covering less than this share of the face leaves the rest of it visible.
FULL_COVERAGE = 0.75


class Masking(StrEnum):
    NONE = "none"
    EYE_BAR = "eye-bar"
    PATCH = "patch"
    PIXELATION = "pixelation"
    BLUR = "blur"


@dataclass(frozen=True, slots=True)
class Face:
    """A face (or a masked region shaped like one) and the masking measured on it.

    ``box`` is in the original image's pixels; ``block`` (mosaic block size) and
    ``blur_sigma`` are in the same pixels; ``coverage`` is the share of the face the mosaic
    covers; ``mask_box`` is the bar or patch.
    """

    box: Box
    source: str
    masking: Masking
    block: float | None = None
    coverage: float | None = None
    blur_sigma: float | None = None
    mask_box: Box | None = None

    @property
    def blocks_across(self) -> float | None:
        return self.box.w / self.block if self.block else None

    @property
    def blur_fraction(self) -> float | None:
        """Blur sigma as a share of the face width."""
        return self.blur_sigma / self.box.w if self.blur_sigma is not None else None


@dataclass(frozen=True, slots=True)
class ImageFaces:
    photograph: bool
    faces: tuple[Face, ...] = ()


def analyse_rgb(rgb: np.ndarray) -> ImageFaces:
    """Faces and their masking in an RGB image (uint8, height x width x 3)."""
    import cv2

    if not is_colour_photograph(rgb):
        return ImageFaces(photograph=False)
    scale = min(1.0, ANALYSE_SIDE / max(rgb.shape[:2]))
    if scale < 1.0:
        factor = int(np.ceil(1 / scale))
        rgb = cv2.resize(rgb, (rgb.shape[1] // factor, rgb.shape[0] // factor),
                         interpolation=cv2.INTER_AREA)
        scale = 1 / factor
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    skin = skin_map(rgb)
    components = flat_components(gray, rgb)
    mosaics = mosaic_regions(components, skin)
    rects = [r for r in uniform_rectangles(components, gray.shape)
             if not any(r.box.covered_by(m.box) >= 0.5 for m in mosaics)]
    faces = [_measure_face(d.box, gray, rects) for d in detect_faces(gray, skin)]
    faces += _barred_faces(rects, gray, skin, [f.box for f in faces])
    faces += _pixelated_faces(mosaics, gray, [f.box for f in faces])
    return ImageFaces(photograph=True, faces=tuple(_rescale(f, 1 / scale) for f in faces))


def _measure_face(box: Box, gray: np.ndarray, rects: list[Component]) -> Face:
    height, width = gray.shape
    box = _clip(box, width, height)
    mosaic = measure_mosaic_in_box(gray, box.x, box.y, box.w, box.h)
    bar, patch = _bar_or_patch(box, rects, mosaic)
    dy, dx = box.h // 10, box.w // 10
    inner = gray[box.y + dy : box.y2 - dy, box.x + dx : box.x2 - dx]
    sigma = blur_sigma(inner) * BLUR_CALIBRATION if inner.size else 0.0
    common = {"blur_sigma": sigma}
    if mosaic is not None:
        common.update(block=mosaic.block, coverage=mosaic.coverage)
    if bar is not None:
        return Face(box, "detector", Masking.EYE_BAR, mask_box=bar, **common)
    if patch is not None:
        return Face(box, "detector", Masking.PATCH, mask_box=patch, **common)
    if mosaic is not None:
        return Face(box, "detector", Masking.PIXELATION, **common)
    if sigma >= max(1.5, BLURRED_FRACTION * box.w):
        return Face(box, "detector", Masking.BLUR, **common)
    return Face(box, "detector", Masking.NONE, **common)


def _bar_or_patch(
    box: Box, rects: list[Component], mosaic: MosaicMeasure | None
) -> tuple[Box | None, Box | None]:
    """A uniform bar across the eye band, or a smaller uniform patch on the face."""
    patch: Box | None = None
    for rect in rects:
        r = rect.box
        inside = r.intersection(box)
        if inside < 0.5 * r.area or r.area >= 0.6 * box.area or r.area < 0.01 * box.area:
            continue
        if mosaic is not None and _on_grid(r, mosaic.block):
            continue  # a cell of the mosaic, or neighbouring cells of one colour
        centre_y = (r.centre[1] - box.y) / box.h
        if r.w >= 0.45 * box.w and r.h <= 0.4 * box.h and 0.1 <= centre_y <= 0.6:
            return r, None
        if min(r.w, r.h) >= 0.08 * box.w and max(r.w, r.h) <= 4 * min(r.w, r.h):
            patch = patch or r  # thin strips are background or mosaic runs, not patches
    return None, patch


def _on_grid(r: Box, block: float) -> bool:
    """A rectangle whose sides are whole numbers of mosaic blocks (less the one-pixel step)."""
    return all(abs((side + 1) / block - round((side + 1) / block)) <= 0.15
               for side in (r.w, r.h)) and min(r.w, r.h) + 1 <= 3.5 * block


def _barred_faces(
    rects: list[Component], gray: np.ndarray, skin: np.ndarray, known: list[Box]
) -> list[Face]:
    """Eye bars the detector did not see through: a wide uniform bar with skin below it
    (cheeks, nose, mouth) and some skin above (forehead), not a row of mosaic cells."""
    height, width = skin.shape
    out = []
    for rect in rects:
        r = rect.box
        if r.w < 2.5 * r.h or r.w < 0.06 * width or any(r.intersection(k) for k in known):
            continue
        around = r.grown(1.0, width, height)
        mosaic = measure_mosaic(gray[around.y : around.y2 + 1, around.x : around.x2 + 1])
        if mosaic is not None and _on_grid(r, mosaic.block):
            continue
        below = skin[r.y2 + 1 : min(height, r.y2 + 1 + int(0.8 * r.w)),
                     r.x + r.w // 5 : r.x2 - r.w // 5]
        above = skin[max(0, r.y - int(0.3 * r.w)) : r.y, r.x + r.w // 5 : r.x2 - r.w // 5]
        if below.size == 0 or float(below.mean()) < 0.35:
            continue
        if above.size and float(above.mean()) < 0.1:
            continue
        top = max(0, r.y - int(0.35 * r.w))
        face = _clip(Box(r.x, top, r.w, int(1.25 * r.w)), width, height)
        out.append(Face(face, "eye-bar", Masking.EYE_BAR, mask_box=r))
    return out


def _pixelated_faces(mosaics: list[Mosaic], gray: np.ndarray, known: list[Box]) -> list[Face]:
    """Skin-coloured mosaics shaped like a head that the detector did not find."""
    out = []
    for region in mosaics:
        b = region.box
        if region.skin_fraction < 0.4 or not 0.5 <= b.w / b.h <= 2.0:
            continue
        if any(b.intersection(k) >= 0.3 * min(b.area, k.area) for k in known):
            continue
        measured = measure_mosaic(gray[b.y : b.y2 + 1, b.x : b.x2 + 1])
        block = measured.block if measured is not None else region.block
        out.append(Face(b, "mosaic", Masking.PIXELATION, block=block, coverage=1.0))
    return out


def _clip(box: Box, width: int, height: int) -> Box:
    x0, y0 = max(0, box.x), max(0, box.y)
    x1, y1 = min(width - 1, box.x2), min(height - 1, box.y2)
    return Box(x0, y0, max(1, x1 - x0 + 1), max(1, y1 - y0 + 1))


def _rescale(face: Face, factor: float) -> Face:
    if factor == 1.0:
        return face
    return Face(
        box=face.box.scaled(factor),
        source=face.source,
        masking=face.masking,
        block=face.block * factor if face.block is not None else None,
        coverage=face.coverage,
        blur_sigma=face.blur_sigma * factor if face.blur_sigma is not None else None,
        mask_box=face.mask_box.scaled(factor) if face.mask_box is not None else None,
    )


class AnalysisCache:
    """Analyses keyed by the SHA-256 of the image bytes, so a batch that embeds the same
    picture in many manuscripts (or two rules asking about one image) analyses it once."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._items: OrderedDict[bytes, ImageFaces] = OrderedDict()

    def get(self, data: bytes, build: Callable[[], ImageFaces]) -> ImageFaces:
        key = hashlib.sha256(data).digest()
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
            return hit
        value = build()
        self._items[key] = value
        if len(self._items) > self._size:
            self._items.popitem(last=False)
        return value
