"""Flat regions: where an editor's tool painted constant colour into a photograph.

A photograph has noise and texture everywhere, so a region of exactly (or, after JPEG,
almost exactly) constant colour is something drawn on top of it: a solid bar or patch, or
the cells of a mosaic (pixelation). Both are found from one map, the pixels whose colour
equals their right and lower neighbours', split into 4-connected components:

- a *uniform rectangle* is one large component filling its bounding box;
- a *mosaic* is many small square components of one size sitting on one grid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mslint_faces.geometry import Box

#: Largest brightness step (0..255) between neighbours still counted as "equal", after a
#: 3x3 median that removes JPEG ringing inside flat cells. Brightness only: JPEG stores
#: colour at half resolution, which smears it across cell edges.
FLAT_TOLERANCE = 2


@dataclass(frozen=True, slots=True)
class Component:
    """One connected flat region: its bounding box, pixel count and mean colour (RGB)."""

    box: Box
    area: int
    colour: tuple[float, float, float]

    @property
    def fill(self) -> float:
        return self.area / max(1, self.box.w * self.box.h)


@dataclass(frozen=True, slots=True)
class Mosaic:
    """A pixelated region: its extent, block pitch in pixels and number of cells."""

    box: Box
    block: float
    cells: int
    skin_fraction: float


def flat_components(
    gray: np.ndarray, rgb: np.ndarray, min_area: int = 4, min_fill: float = 0.85
) -> list[Component]:
    """Connected components of the flat-pixel map that nearly fill their bounding box.

    Flat blobs of irregular shape (a plain wall, smooth skin) are dropped here: bars,
    patches and mosaic cells are all rectangles.
    """
    import cv2

    smooth = cv2.medianBlur(gray, 3)
    diff_x = cv2.absdiff(smooth[:, 1:], smooth[:, :-1])
    diff_y = cv2.absdiff(smooth[1:, :], smooth[:-1, :])
    flat = np.zeros(gray.shape, np.uint8)
    flat[:-1, :-1] = (diff_x[:-1, :] <= FLAT_TOLERANCE) & (diff_y[:, :-1] <= FLAT_TOLERANCE)
    count, _, stats, _ = cv2.connectedComponentsWithStats(flat, connectivity=4)
    if count <= 1:
        return []
    x, y, w, h, area = (stats[1:, i] for i in range(5))
    keep = np.nonzero((area >= min_area) & (area >= min_fill * w * h))[0]
    out: list[Component] = []
    for k in keep:
        bx, by, bw, bh = int(x[k]), int(y[k]), int(w[k]), int(h[k])
        colour = rgb[by + bh // 2, bx + bw // 2]
        out.append(Component(Box(bx, by, bw, bh), int(area[k]),
                             (float(colour[0]), float(colour[1]), float(colour[2]))))
    return out


def uniform_rectangles(
    components: list[Component], image_shape: tuple[int, int], min_fraction: float = 0.0015
) -> list[Component]:
    """Components that fill their bounding box and are large enough to hide a feature.

    Components touching three or more image borders (a plain background) are left out.
    """
    height, width = image_shape
    min_area = min_fraction * height * width
    out = []
    for comp in components:
        b = comp.box
        if comp.area < min_area or comp.fill < 0.9 or min(b.w, b.h) < 5:
            continue
        borders = (b.x <= 1) + (b.y <= 1) + (b.x2 >= width - 2) + (b.y2 >= height - 2)
        if borders >= 3:
            continue
        out.append(comp)
    return out


def mosaic_regions(
    components: list[Component], skin: np.ndarray, min_cells: int = 9
) -> list[Mosaic]:
    """Groups of equal square cells on a common grid: pixelated regions.

    ``skin`` is the boolean skin map of the image, used to tell how much of a mosaic has
    skin colour. Cells are the flat interiors of mosaic blocks, one pixel (the step to the
    next block) smaller than the block pitch.
    """
    cells = [
        c for c in components
        if c.fill >= 0.85 and 2 <= c.box.w <= 200 and abs(c.box.w - c.box.h) <= max(1, c.box.w // 8)
    ]
    if len(cells) < min_cells:
        return []
    sizes = np.array([c.box.w for c in cells])
    out: list[Mosaic] = []
    used = np.zeros(len(cells), bool)
    for size in _modal_sizes(sizes, min_cells):
        pick = (~used) & (np.abs(sizes - size) <= max(1, size // 8))
        group = [cells[i] for i in np.nonzero(pick)[0]]
        for cluster in _grid_clusters(group, size):
            if len(cluster) < min_cells:
                continue
            out.append(_as_mosaic(cluster, skin))
        used |= pick
    return out


def _modal_sizes(sizes: np.ndarray, min_count: int) -> list[int]:
    counts = np.bincount(sizes)
    order = np.argsort(counts)[::-1]
    return [int(s) for s in order if counts[s] >= min_count]


def _grid_clusters(cells: list[Component], size: int) -> list[list[Component]]:
    """Split same-size cells into spatial clusters whose cells line up on one grid."""
    import cv2

    if not cells:
        return []
    pitch = size + 1
    xs = np.array([c.box.x for c in cells])
    ys = np.array([c.box.y for c in cells])
    # the grid: the most common residues of the cells' corners modulo the pitch
    rx = np.bincount(xs % pitch, minlength=pitch).argmax()
    ry = np.bincount(ys % pitch, minlength=pitch).argmax()
    on_grid = (np.abs((xs - rx + 1) % pitch - 1) <= 1) & (np.abs((ys - ry + 1) % pitch - 1) <= 1)
    gx, gy = (xs - rx + 1) // pitch, (ys - ry + 1) // pitch
    idx = np.nonzero(on_grid)[0]
    if idx.size == 0:
        return []
    x0, y0 = gx[idx].min(), gy[idx].min()
    grid = np.zeros((gy[idx].max() - y0 + 1, gx[idx].max() - x0 + 1), np.uint8)
    grid[gy[idx] - y0, gx[idx] - x0] = 1
    # cells of a mosaic may be missing where two neighbours had the same colour: close gaps
    closed = cv2.morphologyEx(grid, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    count, labels = cv2.connectedComponents(closed, connectivity=8)
    clusters: list[list[Component]] = [[] for _ in range(count - 1)]
    for i in idx:
        lab = labels[gy[i] - y0, gx[i] - x0]
        if lab:
            clusters[lab - 1].append(cells[i])
    return clusters


def _as_mosaic(cluster: list[Component], skin: np.ndarray) -> Mosaic:
    x0 = min(c.box.x for c in cluster)
    y0 = min(c.box.y for c in cluster)
    x1 = max(c.box.x2 for c in cluster)
    y1 = max(c.box.y2 for c in cluster)
    block = float(np.median([c.box.w for c in cluster])) + 1.0
    box = Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1)
    region = skin[box.y : box.y2 + 1, box.x : box.x2 + 1]
    skin_fraction = float(region.mean()) if region.size else 0.0
    return Mosaic(box, block, len(cluster), skin_fraction)
