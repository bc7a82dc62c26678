"""Estimating how blurred a region is, as the sigma (pixels) of an equivalent Gaussian.

Re-blurring test: blur the region again with a known sigma ``s`` and watch its gradient
energy. A sharp region loses most of its energy at once; a region already blurred with
``sigma`` barely changes until ``s`` reaches about ``sigma``. For a blurred step edge the
energy falls as ``sigma / sqrt(sigma² + s²)``, so it halves at ``s = sqrt(3) * sigma``.
The region is first smoothed by a fixed 0.7 pixel so that sensor and JPEG noise (pure high
frequency) does not count as detail.
"""

from __future__ import annotations

import math

import numpy as np

PRE_SMOOTH = 0.7
_STEPS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0)


def _energy(img: np.ndarray, margin: int) -> float:
    import cv2

    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3)
    inner = (gx * gx + gy * gy)[margin:-margin or None, margin:-margin or None]
    return float(inner.mean()) if inner.size else 0.0


def blur_sigma(gray: np.ndarray) -> float:
    """Equivalent Gaussian sigma of a greyscale region, in pixels."""
    import cv2

    region = cv2.GaussianBlur(gray.astype(np.float32), (0, 0), PRE_SMOOTH)
    size = min(region.shape)
    margin = max(2, size // 10)
    base = _energy(region, margin)
    if base <= 1e-6:
        return float(size)  # no detail at all: as blurred as it can be
    prev_s, prev_ratio = 0.0, 1.0
    for s in _STEPS:
        if 4 * s > size:
            break
        ratio = _energy(cv2.GaussianBlur(region, (0, 0), s), margin) / base
        if ratio <= 0.5:
            # interpolate the crossing on a log scale of s
            lo = math.log(prev_s) if prev_s else math.log(s / 2)
            frac = (prev_ratio - 0.5) / max(1e-9, prev_ratio - ratio)
            s_half = math.exp(lo + frac * (math.log(s) - lo))
            return s_half / math.sqrt(3)
        prev_s, prev_ratio = s, ratio
    return size / 4 / math.sqrt(3)
