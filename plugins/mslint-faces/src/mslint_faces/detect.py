"""Face detection with the Haar cascades that ship inside the OpenCV wheel.

The cascades (frontal face "default" and "alt2", profile face) are XML files under
``cv2.data.haarcascades``: nothing is downloaded, and they are loaded once per process on
first use. OpenCV 5 wheels dropped both the cascades and ``CascadeClassifier``; the package
therefore requires OpenCV 4.x, and says so if it meets a build without them.

Detection runs on a copy scaled to at most `DETECT_SIDE` pixels, histogram-equalised.
Frontal detections of both cascades are merged, and profile detections (left and right, by
mirroring) are added when no frontal face was found; a box survives when two cascades agree
or when enough of it is skin-coloured, which removes most of the cascades' false alarms on
textured backgrounds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mslint_faces.geometry import Box

DETECT_SIDE = 560
#: A face smaller than this share of the image's shorter side is not looked for.
MIN_FACE_SHARE = 0.06
#: Share of a box's centre that must be skin-coloured when only one cascade saw the face.
MIN_SKIN_SHARE = 0.25

_CASCADES = {
    "frontal": ("haarcascade_frontalface_default.xml", 5),
    "frontal-alt2": ("haarcascade_frontalface_alt2.xml", 4),
    "profile": ("haarcascade_profileface.xml", 5),
}


class DetectorUnavailable(RuntimeError):
    """The installed OpenCV has no Haar cascades (OpenCV 5 or a stripped build)."""


@dataclass(frozen=True, slots=True)
class Detection:
    """A face box in image pixels and the cascades that found it."""

    box: Box
    sources: frozenset[str]


@functools.cache
def _cascades() -> dict[str, tuple[Any, int]]:
    import cv2

    if not hasattr(cv2, "CascadeClassifier"):
        raise DetectorUnavailable(
            f"OpenCV {cv2.__version__} has no CascadeClassifier: install opencv-python<5"
        )
    folder = Path(getattr(getattr(cv2, "data", None), "haarcascades", "") or ".")
    loaded: dict[str, tuple[Any, int]] = {}
    for name, (filename, neighbours) in _CASCADES.items():
        path = folder / filename
        classifier = cv2.CascadeClassifier(str(path)) if path.is_file() else None
        if classifier is None or classifier.empty():
            raise DetectorUnavailable(f"OpenCV {cv2.__version__} does not ship {filename}")
        loaded[name] = (classifier, neighbours)
    return loaded


def detect_faces(gray: np.ndarray, skin: np.ndarray | None) -> list[Detection]:
    """Faces in a greyscale image; ``skin`` (same shape) is the skin map, or None for
    greyscale images, where every box must be confirmed by two cascades."""
    import cv2

    height, width = gray.shape
    scale = min(1.0, DETECT_SIDE / max(height, width))
    small = gray if scale == 1.0 else cv2.resize(
        gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
    )
    small = cv2.equalizeHist(small)
    min_side = max(24, round(MIN_FACE_SHARE * min(small.shape)))
    raw: list[tuple[Box, str]] = []
    for name, (classifier, neighbours) in _cascades().items():
        if name == "profile" and raw:
            continue  # profiles are looked for only where no frontal face was found
        images = [(small, False)]
        if name == "profile":
            images.append((cv2.flip(small, 1), True))
        for img, mirrored in images:
            found = classifier.detectMultiScale(
                img, scaleFactor=1.12, minNeighbors=neighbours, minSize=(min_side, min_side)
            )
            for x, y, w, h in np.asarray(found).reshape(-1, 4):
                if mirrored:
                    x = small.shape[1] - x - w
                raw.append((Box(int(x), int(y), int(w), int(h)).scaled(1 / scale), name))
    return [d for d in _merge(raw) if _confirmed(d, skin)]


def _merge(raw: list[tuple[Box, str]]) -> list[Detection]:
    """Group overlapping boxes (any cascade) and average each group."""
    groups: list[list[tuple[Box, str]]] = []
    for box, name in sorted(raw, key=lambda item: -item[0].area):
        for group in groups:
            head = group[0][0]
            if box.iou(head) >= 0.3 or box.covered_by(head) >= 0.7:
                group.append((box, name))
                break
        else:
            groups.append([(box, name)])
    out = []
    for group in groups:
        boxes = np.array([b.as_tuple() for b, _ in group], dtype=np.float64)
        x, y, w, h = (round(v) for v in np.median(boxes, axis=0))
        out.append(Detection(Box(x, y, w, h), frozenset(name for _, name in group)))
    return out


def _confirmed(detection: Detection, skin: np.ndarray | None) -> bool:
    if len(detection.sources) >= 2:
        return True
    if skin is None:
        return False
    b = detection.box
    centre = skin[b.y + b.h // 5 : b.y2 - b.h // 5, b.x + b.w // 5 : b.x2 - b.w // 5]
    return bool(centre.size) and float(centre.mean()) >= MIN_SKIN_SHARE
