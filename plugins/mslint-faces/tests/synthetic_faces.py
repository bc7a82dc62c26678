"""Synthetic test images: drawn faces (no real person), radiology-like greyscale images,
and the masked variants authors produce (eye bar, patch, pixelation, blur).

Everything is drawn with NumPy and OpenCV from a seed, so the tests and the benchmark build
the same images every run and nothing opaque is checked in.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

import cv2
import numpy as np
from PIL import Image

SKIN_TONES: tuple[tuple[int, int, int], ...] = (
    (241, 194, 167),
    (224, 172, 138),
    (198, 144, 108),
    (164, 114, 82),
    (120, 80, 56),
    (233, 190, 160),
)
HAIR_COLOURS: tuple[tuple[int, int, int], ...] = (
    (40, 28, 20),
    (90, 60, 30),
    (20, 20, 22),
    (150, 110, 60),
)
IRIS_COLOURS: tuple[tuple[int, int, int], ...] = ((70, 45, 25), (60, 90, 130), (80, 100, 60))


@dataclass(frozen=True)
class SyntheticFace:
    """An RGB image with one drawn face; ``box`` is the face oval's (x, y, w, h)."""

    image: np.ndarray
    box: tuple[int, int, int, int]
    eye_y: int

    @property
    def width(self) -> int:
        return self.box[2]


def _ellipse(img: np.ndarray, centre: tuple[float, float], axes: tuple[float, float],
             colour: tuple[int, int, int], angle: float = 0.0, thickness: int = -1,
             start: float = 0.0, end: float = 360.0) -> None:
    shift = 4
    c = (round(centre[0] * 16), round(centre[1] * 16))
    a = (max(1, round(axes[0] * 16)), max(1, round(axes[1] * 16)))
    cv2.ellipse(img, c, a, angle, start, end, colour, thickness, cv2.LINE_AA, shift)


def _shaded_mask(shape: tuple[int, int], centre: tuple[float, float],
                 axes: tuple[float, float]) -> np.ndarray:
    """1 at the oval's centre falling to ~0.75 at its rim (a rounded, lit head)."""
    yy, xx = np.mgrid[0 : shape[0], 0 : shape[1]].astype(np.float32)
    r2 = ((xx - centre[0]) / axes[0]) ** 2 + ((yy - centre[1]) / axes[1]) ** 2
    return np.clip(1.0 - 0.25 * r2, 0.6, 1.0)


def draw_face(
    seed: int,
    size: tuple[int, int] = (480, 400),
    face_width: int = 170,
    centre: tuple[int, int] | None = None,
    angle: float = 0.0,
    light: float = 1.0,
) -> SyntheticFace:
    """A frontal face-like drawing on a textured background.

    ``size`` is (width, height); ``angle`` rotates the head (degrees); ``light`` scales the
    brightness of the whole scene (0.6 dim .. 1.2 bright).
    """
    rng = np.random.default_rng(seed)
    width, height = size
    fw = float(face_width)
    fh = 1.3 * fw
    cx, cy = centre if centre is not None else (width // 2, int(height * 0.5))
    skin = SKIN_TONES[seed % len(SKIN_TONES)]
    hair = HAIR_COLOURS[seed % len(HAIR_COLOURS)]
    iris = IRIS_COLOURS[seed % len(IRIS_COLOURS)]

    base = np.array(rng.integers(90, 200, size=3), dtype=np.float32)
    ramp = np.linspace(0.85, 1.1, width, dtype=np.float32)[None, :, None]
    img = np.clip(np.ones((height, width, 3), np.float32) * base * ramp, 0, 255).astype(np.uint8)

    layer = img.copy()
    # shoulders and neck
    _ellipse(layer, (cx, cy + 1.05 * fh), (1.1 * fw, 0.5 * fh), tuple(int(v) for v in
             rng.integers(30, 160, size=3)))
    cv2.rectangle(layer, (int(cx - 0.22 * fw), int(cy + 0.3 * fh)),
                  (int(cx + 0.22 * fw), int(cy + 0.65 * fh)),
                  tuple(int(v * 0.85) for v in skin), -1, cv2.LINE_AA)
    # hair behind the head, then ears and the face oval
    _ellipse(layer, (cx, cy - 0.1 * fh), (0.58 * fw, 0.58 * fh), hair)
    for side in (-1, 1):
        _ellipse(layer, (cx + side * 0.5 * fw, cy), (0.07 * fw, 0.13 * fh),
                 tuple(int(v * 0.9) for v in skin))
    _ellipse(layer, (cx, cy), (fw / 2, fh / 2), skin)
    # fringe of hair over the top of the forehead
    _ellipse(layer, (cx, cy - 0.47 * fh), (0.5 * fw, 0.12 * fh), hair)

    eye_y = cy - 0.06 * fh
    for side in (-1, 1):
        ex = cx + side * 0.21 * fw
        _ellipse(layer, (ex, eye_y - 0.1 * fw), (0.1 * fw, 0.022 * fw), hair,
                 angle=-side * 6)  # brow
        _ellipse(layer, (ex, eye_y), (0.1 * fw, 0.045 * fw),
                 tuple(int(v * 0.55) for v in skin))  # eye socket shadow
        _ellipse(layer, (ex, eye_y), (0.085 * fw, 0.034 * fw), (235, 232, 225))  # sclera
        _ellipse(layer, (ex, eye_y), (0.036 * fw, 0.034 * fw), iris)
        _ellipse(layer, (ex, eye_y), (0.017 * fw, 0.017 * fw), (10, 10, 10))  # pupil
        _ellipse(layer, (ex, eye_y - 0.03 * fw), (0.09 * fw, 0.02 * fw),
                 tuple(int(v * 0.5) for v in skin), thickness=max(1, int(fw / 90)),
                 start=180, end=360)  # upper lid
    # nose: shaded side, tip and nostrils
    shade = tuple(int(v * 0.72) for v in skin)
    cv2.line(layer, (int(cx - 0.05 * fw), int(eye_y + 0.05 * fw)),
             (int(cx - 0.07 * fw), int(cy + 0.1 * fh)), shade, max(2, int(fw / 40)), cv2.LINE_AA)
    tip = tuple(int(v * 0.85) for v in skin)
    _ellipse(layer, (cx, cy + 0.12 * fh), (0.08 * fw, 0.04 * fw), tip)
    for side in (-1, 1):
        _ellipse(layer, (cx + side * 0.04 * fw, cy + 0.135 * fh), (0.022 * fw, 0.012 * fw),
                 (50, 30, 25))
    # mouth
    lips = (int(skin[0] * 0.75), int(skin[1] * 0.45), int(skin[2] * 0.45))
    _ellipse(layer, (cx, cy + 0.27 * fh), (0.15 * fw, 0.035 * fw), lips)
    cv2.line(layer, (int(cx - 0.14 * fw), int(cy + 0.27 * fh)),
             (int(cx + 0.14 * fw), int(cy + 0.27 * fh)), (60, 20, 20), max(1, int(fw / 80)),
             cv2.LINE_AA)

    shading = _shaded_mask((height, width), (cx, cy), (fw / 2, fh / 2))
    layer = (layer.astype(np.float32) * shading[..., None]).clip(0, 255)
    if angle:
        rot = cv2.getRotationMatrix2D((float(cx), float(cy)), angle, 1.0)
        layer = cv2.warpAffine(layer, rot, (width, height), borderMode=cv2.BORDER_REFLECT)
    side_light = np.linspace(1.0 - 0.15 * rng.random(), 1.0 + 0.1 * rng.random(), width,
                             dtype=np.float32)[None, :, None]
    layer = layer * side_light * light
    # soft skin and cloth texture, optics blur and sensor noise
    texture = cv2.GaussianBlur(rng.normal(0, 6, (height, width)).astype(np.float32), (0, 0), 3)
    layer = layer + texture[..., None]
    layer = cv2.GaussianBlur(layer, (0, 0), 0.8)
    layer = layer + rng.normal(0, 2.5, layer.shape).astype(np.float32)
    out = np.clip(layer, 0, 255).astype(np.uint8)
    box = (int(cx - fw / 2), int(cy - fh / 2), int(fw), int(fh))
    return SyntheticFace(out, box, int(eye_y))


def face_set(count: int = 24) -> list[SyntheticFace]:
    """Faces varying in size, position, lighting, rotation and image size."""
    faces: list[SyntheticFace] = []
    for i in range(count):
        rng = np.random.default_rng(1000 + i)
        width = int(rng.choice([360, 480, 640, 800, 1024]))
        height = int(width * rng.choice([0.75, 0.8, 1.0, 1.25]))
        fw = int(min(width, height) * rng.uniform(0.25, 0.45))
        cx = int(rng.uniform(0.35, 0.65) * width)
        cy = int(rng.uniform(0.42, 0.55) * height)
        faces.append(
            draw_face(
                seed=i,
                size=(width, height),
                face_width=fw,
                centre=(cx, cy),
                angle=float(rng.uniform(-10, 10)),
                light=float(rng.uniform(0.7, 1.15)),
            )
        )
    return faces


def radiology_set(count: int = 12) -> list[np.ndarray]:
    """Greyscale images shaped like radiology: chest films, CT slices, ultrasound fans."""
    makers = (_chest_film, _ct_slice, _ultrasound_fan)
    return [makers[i % 3](np.random.default_rng(2000 + i)) for i in range(count)]


def _chest_film(rng: np.random.Generator) -> np.ndarray:
    h, w = int(rng.integers(600, 900)), int(rng.integers(560, 800))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = 40 + 30 * (yy / h)
    body = (((xx - w / 2) / (0.45 * w)) ** 2 + ((yy - 0.55 * h) / (0.55 * h)) ** 2) < 1
    img = np.where(body, 170.0, img)
    for side in (-1, 1):
        lung = (((xx - w / 2 - side * 0.2 * w) / (0.15 * w)) ** 2
                + ((yy - 0.5 * h) / (0.3 * h)) ** 2) < 1
        img = np.where(lung, 60 + 40 * (yy / h), img)
    img[:, int(0.48 * w) : int(0.52 * w)] += 60  # spine
    for k in range(8):  # ribs
        y0 = int(0.28 * h + k * 0.06 * h)
        cv2.ellipse(img, (w // 2, y0), (int(0.35 * w), int(0.05 * h)), 0, 180, 360, 210.0, 6)
    img = cv2.GaussianBlur(img, (0, 0), 3) + rng.normal(0, 4, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def _ct_slice(rng: np.random.Generator) -> np.ndarray:
    n = int(rng.choice([512, 640]))
    img = np.zeros((n, n), np.float32)
    c = n // 2
    cv2.circle(img, (c, c), int(0.42 * n), 110.0, -1, cv2.LINE_AA)
    cv2.circle(img, (c, c), int(0.42 * n), 230.0, int(0.02 * n), cv2.LINE_AA)  # skull/cortex
    for _ in range(6):
        x, y = (int(v) for v in rng.integers(int(0.3 * n), int(0.7 * n), size=2))
        cv2.circle(img, (x, y), int(rng.integers(10, 40)), float(rng.integers(60, 200)), -1)
    img = cv2.GaussianBlur(img, (0, 0), 1.5) + rng.normal(0, 6, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def _ultrasound_fan(rng: np.random.Generator) -> np.ndarray:
    h, w = 600, 800
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.hypot(xx - w / 2, yy - 40)
    theta = np.degrees(np.arctan2(xx - w / 2, yy - 40))
    fan = (r < 520) & (np.abs(theta) < 35)
    speckle = rng.rayleigh(40, (h, w)).astype(np.float32)
    speckle = cv2.GaussianBlur(speckle, (0, 0), 1.2)
    cyst = np.hypot(xx - w / 2 - rng.uniform(-80, 80), yy - 330) < 60
    img = np.where(fan, speckle * np.where(cyst, 0.15, 1.0), 0)
    cv2.putText(img, "5.0 MHz  D 16cm", (20, 30), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 220.0, 1)
    return np.clip(img, 0, 255).astype(np.uint8)


# --- masked variants -------------------------------------------------------------------


def with_image(face: SyntheticFace, image: np.ndarray) -> SyntheticFace:
    return replace(face, image=image)


def eye_bar(face: SyntheticFace, colour: tuple[int, int, int] = (0, 0, 0)) -> SyntheticFace:
    """A solid bar over both eyes, a little wider than the face, the rest left visible."""
    x, _, w, _ = face.box
    img = face.image.copy()
    half = int(0.09 * w)
    cv2.rectangle(img, (x - int(0.05 * w), face.eye_y - half),
                  (x + w + int(0.05 * w), face.eye_y + half), colour, -1)
    return with_image(face, img)


def mouth_patch(face: SyntheticFace, colour: tuple[int, int, int] = (0, 0, 0)) -> SyntheticFace:
    """A small solid rectangle over the mouth only."""
    x, y, w, h = face.box
    img = face.image.copy()
    my = y + int(0.77 * h)
    cv2.rectangle(img, (x + int(0.3 * w), my - int(0.06 * w)),
                  (x + int(0.7 * w), my + int(0.06 * w)), colour, -1)
    return with_image(face, img)


def _region(face: SyntheticFace, pad: float) -> tuple[int, int, int, int]:
    x, y, w, h = face.box
    H, W = face.image.shape[:2]
    x0, y0 = max(0, int(x - pad * w)), max(0, int(y - pad * h))
    x1, y1 = min(W, int(x + w + pad * w)), min(H, int(y + h + pad * h))
    return x0, y0, x1, y1


def pixelate(face: SyntheticFace, blocks_across: int, pad: float = 0.1) -> SyntheticFace:
    """Mosaic over the whole face with about ``blocks_across`` blocks across its width."""
    x0, y0, x1, y1 = _region(face, pad)
    block = max(2, round(face.width / blocks_across))
    img = face.image.copy()
    roi = img[y0:y1, x0:x1]
    h, w = roi.shape[:2]
    for by in range(0, h, block):
        for bx in range(0, w, block):
            cell = roi[by : by + block, bx : bx + block]
            cell[...] = cell.reshape(-1, 3).mean(axis=0).astype(np.uint8)
    return with_image(face, img)


def pixelate_eyes(face: SyntheticFace, blocks_across: int) -> SyntheticFace:
    """Mosaic over the eye band only (coarse blocks, but partial)."""
    x, _, w, _ = face.box
    block = max(2, round(w / blocks_across))
    img = face.image.copy()
    y0, y1 = face.eye_y - int(0.1 * w), face.eye_y + int(0.1 * w)
    roi = img[y0:y1, x:x + w]
    for by in range(0, roi.shape[0], block):
        for bx in range(0, roi.shape[1], block):
            cell = roi[by : by + block, bx : bx + block]
            cell[...] = cell.reshape(-1, 3).mean(axis=0).astype(np.uint8)
    return with_image(face, img)


def blur(face: SyntheticFace, sigma_fraction: float, pad: float = 0.1) -> SyntheticFace:
    """Gaussian blur over the face with sigma = ``sigma_fraction`` x face width."""
    x0, y0, x1, y1 = _region(face, pad)
    img = face.image.copy()
    sigma = sigma_fraction * face.width
    img[y0:y1, x0:x1] = cv2.GaussianBlur(face.image, (0, 0), sigma)[y0:y1, x0:x1]
    return with_image(face, img)


def encode(image: np.ndarray, fmt: str = "png", quality: int = 90) -> bytes:
    """Encode an RGB or greyscale array as PNG or JPEG bytes."""
    buf = io.BytesIO()
    pil = Image.fromarray(image)
    if fmt == "jpeg":
        pil.save(buf, format="JPEG", quality=quality)
    else:
        pil.save(buf, format="PNG")
    return buf.getvalue()
