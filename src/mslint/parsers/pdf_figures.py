"""Figures of a PDF: figure legends paired with the images they describe.

Pairing goes from the surest evidence to the weakest:

1. On the same page, an image and a legend that share a column and have no running text
   between them belong together. Whether legends sit below or above their images is decided
   for the whole document by majority, and used to break ties.
2. An image left without a legend on its page takes the first unpaired legend of the next
   page (the last of the previous page when legends sit above images): a legend pushed over
   a page break.
3. Legends gathered in a "Figure legends" section take the remaining images, figure page by
   figure page, in order, when there are as many of each; otherwise they stay without images.

Legends sharing a label (a "Figure 1" tag above an image and the full legend in the legends
section) make one figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from mslint.figures import is_legends_section, parse_figure_label
from mslint.model import BlockKind, EmbeddedImage, Figure, TextBlock

Rect = tuple[float, float, float, float]
#: Images smaller than this on either side (points) are logos, icons and rules.
MIN_FIGURE_SIDE = 24.0
#: Text blocks shorter than this are panel letters and axis labels, not running text.
MIN_BLOCKING_CHARS = 25
#: Images closer than this (points) are panels of one figure.
PANEL_GAP = 14.0
#: Added to the distance of a legend on the document's less usual side of its image.
OTHER_SIDE_PENALTY = 40.0


@dataclass(slots=True)
class _Legend:
    index: int
    block: TextBlock
    label: str
    in_section: bool


@dataclass(slots=True)
class _Drawn:
    """Images drawn close together on a page (the panels of one figure) and their union."""

    images: list[EmbeddedImage]
    page: int
    rect: Rect


def _near(a: Rect, b: Rect, gap: float) -> bool:
    return (a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] - gap < b[3]
            and b[1] - gap < a[3])


def _panels(drawn: list[_Drawn]) -> list[_Drawn]:
    """Merge images of a page that nearly touch into one group."""
    groups: list[_Drawn] = []
    for item in drawn:
        for group in groups:
            if group.page == item.page and _near(group.rect, item.rect, PANEL_GAP):
                group.images.extend(item.images)
                r, o = group.rect, item.rect
                group.rect = (min(r[0], o[0]), min(r[1], o[1]), max(r[2], o[2]), max(r[3], o[3]))
                break
        else:
            groups.append(item)
    return groups


def _x_overlap(a: Rect, b: Rect) -> bool:
    overlap = min(a[2], b[2]) - max(a[0], b[0])
    return overlap > 0.3 * min(a[2] - a[0], b[2] - b[0])


def _gap(image: Rect, legend: Rect) -> tuple[float, bool]:
    """Vertical distance from image to legend, and whether the legend is below."""
    if legend[1] >= image[3] - 4:
        return legend[1] - image[3], True
    if legend[3] <= image[1] + 4:
        return image[1] - legend[3], False
    return 0.0, legend[1] >= image[1]


def _blocked(image: Rect, legend: Rect, texts: list[Rect]) -> bool:
    """Whether running text lies between the image and the legend."""
    top, bottom = (image[3], legend[1]) if legend[1] >= image[1] else (legend[3], image[1])
    span = (min(image[0], legend[0]), top, max(image[2], legend[2]), bottom)
    return any(t[1] >= span[1] - 1 and t[3] <= span[3] + 1 and _x_overlap(t, span)
               for t in texts)


class _Pairing:
    def __init__(self, blocks: list[TextBlock], images: list[EmbeddedImage]) -> None:
        self.legends = [
            _Legend(i, b, b.attrs["figure_label"], any(is_legends_section(s) for s in b.section))
            for i, b in enumerate(blocks)
            if b.kind is BlockKind.CAPTION and b.attrs.get("figure_label") and b.location.page
        ]
        shown = [(img, p.page, p.visible or p.rect) for img in images
                 if not img.attrs.get("thumbnail") for p in img.placements]
        self.drawn = _panels([
            _Drawn([img], page, rect) for img, page, rect in shown
            if rect[2] - rect[0] >= MIN_FIGURE_SIDE and rect[3] - rect[1] >= MIN_FIGURE_SIDE
        ])
        self.texts: dict[int, list[Rect]] = defaultdict(list)
        for b in blocks:
            if (b.kind in (BlockKind.BODY, BlockKind.HEADING) and b.location.page
                    and b.location.bbox and len(b.text) >= MIN_BLOCKING_CHARS):
                self.texts[b.location.page].append(b.location.bbox)
        self.images_of: dict[int, list[str]] = defaultdict(list)
        self.paired: set[int] = set()
        self.below_usual = True

    def _candidates(self, drawn: _Drawn) -> list[tuple[float, bool, _Legend]]:
        found = []
        for legend in self.legends:
            bbox = legend.block.location.bbox
            if legend.block.location.page != drawn.page or bbox is None:
                continue
            if not _x_overlap(drawn.rect, bbox):
                continue
            if _blocked(drawn.rect, bbox, self.texts[drawn.page]):
                continue
            gap, below = _gap(drawn.rect, bbox)
            found.append((gap, below, legend))
        return found

    def _link(self, drawn: _Drawn, legend: _Legend) -> None:
        for image in drawn.images:
            if image.id not in self.images_of[legend.index]:
                self.images_of[legend.index].append(image.id)
        self.paired.add(id(drawn))

    def same_page(self) -> None:
        options = [(d, self._candidates(d)) for d in self.drawn]
        nearest = [min(c, key=lambda x: x[0]) for _, c in options if c]
        self.below_usual = sum(1 for _, below, _ in nearest if below) * 2 >= len(nearest)
        for drawn, cands in options:
            if cands:
                best = min(cands, key=lambda c: c[0] + (0 if c[1] == self.below_usual
                                                        else OTHER_SIDE_PENALTY))
                self._link(drawn, best[2])

    def _unpaired_legends(self) -> list[_Legend]:
        """Legends of figures that have no image yet (under any legend with their label)."""
        done = {lg.label for lg in self.legends if lg.index in self.images_of}
        return [lg for lg in self.legends if lg.label not in done]

    def next_page(self) -> None:
        """Legends pushed over a page break: on the next page when legends usually sit
        below their images, on the previous page when they sit above."""
        step = 1 if self.below_usual else -1
        for drawn in self.drawn:
            if id(drawn) in self.paired:
                continue
            legends = self._unpaired_legends()
            if step < 0:
                legends.reverse()  # the last legend of the previous page
            for legend in legends:
                if legend.block.location.page == drawn.page + step and not legend.in_section:
                    self._link(drawn, legend)
                    break

    def legends_section(self) -> None:
        legends = [lg for lg in self._unpaired_legends() if lg.in_section]
        pages: dict[int, list[_Drawn]] = defaultdict(list)
        for drawn in self.drawn:
            if id(drawn) not in self.paired:
                pages[drawn.page].append(drawn)
        if legends and len(pages) == len(legends):
            for legend, page in zip(legends, sorted(pages), strict=True):
                for drawn in pages[page]:
                    self._link(drawn, legend)


def pair_figures(blocks: list[TextBlock], images: list[EmbeddedImage]) -> list[Figure]:
    """Figures of the document, each with its legend and its images; labels images too."""
    pairing = _Pairing(blocks, images)
    pairing.same_page()
    pairing.next_page()
    pairing.legends_section()
    figures: dict[str, Figure] = {}
    for legend in pairing.legends:
        parsed = parse_figure_label(legend.block.text)
        text = legend.block.text[parsed.legend_start:].strip() if parsed else ""
        ids = tuple(pairing.images_of.get(legend.index, ()))
        figure = figures.get(legend.label)
        if figure is None:
            figures[legend.label] = Figure(legend.label, text, legend.block.location,
                                           parsed.number if parsed else None, ids, legend.index)
            continue
        figure.image_ids = tuple(dict.fromkeys(figure.image_ids + ids))
        if len(text) > len(figure.legend):
            figure.legend, figure.location, figure.legend_block = (
                text, legend.block.location, legend.index)
    by_id = {img.id: img for img in images}
    for figure in figures.values():
        for image_id in figure.image_ids:
            by_id[image_id].figure_label = figure.label
    return list(figures.values())
