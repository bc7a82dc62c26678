"""Measuring pixelation (mosaic) in a region: block size and how much of it is covered.

A mosaic replaces each ``b`` x ``b`` block by its mean colour, so brightness steps occur
only on a grid of period ``b``. Averaging the horizontal steps over all rows of the region
gives a column profile with spikes every ``b`` columns; folding that profile modulo each
candidate period shows which one concentrates the steps. This works on JPEG too, where the
blocks are no longer exactly flat, because it compares the typical step on the grid with
the typical step off it, using quantiles so that three in four grid lines must carry a step
(one strong edge such as a jaw line cannot fake a grid). The same is done on rows, and both
directions must agree. Pixelation of part of a face (the eyes only) is found by measuring
horizontal bands of the face as well as the whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: How much larger the typical step on the grid must be than off it.
MIN_LIFT = 2.5
#: A period must repeat at least this many times inside the region to be measured.
MIN_PERIODS = 4


@dataclass(frozen=True, slots=True)
class Pitch:
    """A grid period along one axis: ``block`` pixels, grid ``offset``, and its ``lift``."""

    block: int
    offset: int
    lift: float


@dataclass(frozen=True, slots=True)
class MosaicMeasure:
    """Pixelation found in a region: block size (pixels) and share of the region covered."""

    block: float
    coverage: float
    lift: float


def _profile(gray: np.ndarray, axis: int) -> np.ndarray:
    """Mean absolute step between neighbouring columns (axis=1) or rows (axis=0)."""
    steps = np.abs(np.diff(gray, axis=axis))
    return steps.mean(axis=0 if axis == 1 else 1)


def _fold(profile: np.ndarray, block: int) -> tuple[int, float]:
    """Grid residue with the strongest steps, and its lift over the off-grid steps."""
    ranked = np.sort(profile[: profile.size // block * block].reshape(-1, block), axis=0)
    # the lower quartile: three in four grid lines must carry a step, which neither a
    # single strong edge nor a period of half the true one achieves
    rank = (ranked.shape[0] - 1) / 4
    low = int(rank)
    high = min(low + 1, ranked.shape[0] - 1)
    on_grid = ranked[low] + (rank - low) * (ranked[high] - ranked[low])
    r = int(on_grid.argmax())
    off_grid = float(np.median(np.delete(ranked, r, axis=1)))
    return r, float(on_grid[r] / (off_grid + 0.25))


def best_pitch(profile: np.ndarray, max_block: int) -> Pitch | None:
    """The grid period that best explains the spikes of a step profile, or None."""
    results: list[Pitch] = []
    for block in range(3, min(max_block, profile.size // MIN_PERIODS) + 1):
        r, lift = _fold(profile, block)
        results.append(Pitch(block, (r + 1) % block, lift))
    if not results:
        return None
    top = max(p.lift for p in results)
    if top < MIN_LIFT:
        return None
    # multiples of the true period score as well as the period itself: take the smallest
    return next(p for p in results if p.lift >= 0.5 * top)


def pitch_at(profile: np.ndarray, block: int) -> Pitch | None:
    """The grid along the other axis, where the block size is already known (±1 pixel).

    Two periods suffice here, so that a band only a few blocks tall is still measured.
    """
    found = [
        Pitch(b, (r + 1) % b, lift)
        for b in (block - 1, block, block + 1)
        if b >= 3 and profile.size >= 2 * b
        for r, lift in (_fold(profile, b),)
    ]
    best = max(found, key=lambda p: p.lift, default=None)
    return best if best is not None and best.lift >= MIN_LIFT else None


def measure_mosaic(gray: np.ndarray, max_block: int | None = None) -> MosaicMeasure | None:
    """Block size and coverage of pixelation in a greyscale region (float or uint8)."""
    region = gray.astype(np.float32)
    across = best_pitch(_profile(region, axis=1), max_block or region.shape[1])
    if across is None:
        return None
    down = pitch_at(_profile(region, axis=0), across.block)
    if down is None:
        return None
    coverage = _coverage(region, across, down)
    return MosaicMeasure((across.block + down.block) / 2, coverage, min(across.lift, down.lift))


def _coverage(region: np.ndarray, across: Pitch, down: Pitch) -> float:
    """Share of the region's grid cells that look like mosaic blocks.

    A mosaic block is nearly flat inside and steps at its edges; a cell of an untouched
    photograph changes as much inside as across its edges.
    """
    bx, by = across.block, down.block
    ox, oy = across.offset, down.offset
    nx = (region.shape[1] - ox - 1) // bx
    ny = (region.shape[0] - oy - 1) // by
    if nx < 1 or ny < 1:
        return 0.0
    cols = np.abs(np.diff(region[oy : oy + ny * by, ox : ox + nx * bx + 1], axis=1))
    rows = np.abs(np.diff(region[oy : oy + ny * by + 1, ox : ox + nx * bx], axis=0))
    cols = cols.reshape(ny, by, nx, bx)
    rows = rows.reshape(ny, by, nx, bx)
    inner = (cols[..., : bx - 1].mean(axis=(1, 3)) + rows[:, : by - 1].mean(axis=(1, 3))) / 2
    edge = np.maximum(cols[..., bx - 1].mean(axis=1), rows[:, by - 1].mean(axis=2))
    blocky = (inner <= 0.6) | (edge >= 2.5 * inner)
    return float(blocky.mean())


def measure_mosaic_in_box(gray: np.ndarray, x: int, y: int, w: int, h: int) -> MosaicMeasure | None:
    """Pixelation inside a face box: over the whole box, else in horizontal bands.

    The bands (a third of the box tall, stepped by a sixth; failing those, a fifth tall
    over the eyes) find a mosaic over part of the face, such as the eyes only; coverage is
    then the share of the box they span.
    """
    region = gray[y : y + h, x : x + w].astype(np.float32)
    whole = measure_mosaic(region)
    if whole is not None and whole.coverage >= 0.75:
        return whole
    covered = np.zeros(h, bool)
    found: list[MosaicMeasure] = []
    third, fifth = max(1, h // 3), max(1, h // 5)
    bands = [(top, third) for top in range(0, h - third + 1, max(1, h // 6))]
    # then narrower bands over the eyes (a face box's second fifth to its middle), where
    # a strip of mosaic only two or three blocks tall fills too little of a third
    bands += [(top, fifth) for top in range(h // 10, h // 2 + 1, max(1, fifth // 2))]
    for top, band in bands:
        if found and band == fifth:
            break
        m = measure_mosaic(region[top : top + band])
        if m is not None and m.coverage >= 0.4:
            found.append(m)
            covered[top : top + band] = True
    if not found:
        return whole
    block = float(np.median([m.block for m in found]))
    share = float(covered.mean()) * max(m.coverage for m in found)
    return MosaicMeasure(block, share, float(min(m.lift for m in found)))
