"""Colour facts about an image: is it a colour photograph, which pixels look like skin."""

from __future__ import annotations

import numpy as np

#: A pixel is "coloured" when its channels differ by more than this (0..255).
CHROMA_THRESHOLD = 18
#: Share of coloured pixels above which an image counts as a colour photograph. Radiology
#: (X-ray, CT, MR, ultrasound) is stored grey, often with a few coloured annotations
#: (arrows, Doppler boxes, overlays) that stay well under this share.
COLOUR_SHARE = 0.08


def colour_share(rgb: np.ndarray) -> float:
    """Share of pixels whose channels differ by more than `CHROMA_THRESHOLD`."""
    step = max(1, int(np.sqrt(rgb.shape[0] * rgb.shape[1] / 250_000)))
    sample = rgb[::step, ::step].astype(np.int16)
    chroma = sample.max(axis=2) - sample.min(axis=2)
    return float((chroma > CHROMA_THRESHOLD).mean())


def is_colour_photograph(rgb: np.ndarray) -> bool:
    """True for colour images; False for greyscale (radiology, greyscale microscopy)."""
    return colour_share(rgb) >= COLOUR_SHARE


def skin_map(rgb: np.ndarray) -> np.ndarray:
    """Boolean map of skin-coloured pixels (YCrCb box, as in Chai & Ngan, widened).

    Skin colour models are crude: they miss skin in coloured light and take wood, sand or
    orange backgrounds for skin. They only ever support a decision here, never make one.
    """
    import cv2

    ycc = cv2.cvtColor(rgb, cv2.COLOR_RGB2YCrCb)
    y, cr, cb = ycc[..., 0], ycc[..., 1], ycc[..., 2]
    return (y > 35) & (cr >= 133) & (cr <= 180) & (cb >= 75) & (cb <= 130)
