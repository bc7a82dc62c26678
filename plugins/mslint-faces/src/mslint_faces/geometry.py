"""Axis-aligned boxes in pixel coordinates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    """``x``, ``y`` of the top-left pixel, ``w`` x ``h`` pixels; ``x2``/``y2`` are the last
    pixel column/row inside the box."""

    x: int
    y: int
    w: int
    h: int

    @property
    def x2(self) -> int:
        return self.x + self.w - 1

    @property
    def y2(self) -> int:
        return self.y + self.h - 1

    @property
    def area(self) -> int:
        return max(0, self.w) * max(0, self.h)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def intersection(self, other: Box) -> int:
        w = min(self.x2, other.x2) - max(self.x, other.x) + 1
        h = min(self.y2, other.y2) - max(self.y, other.y) + 1
        return max(0, w) * max(0, h)

    def iou(self, other: Box) -> float:
        inter = self.intersection(other)
        union = self.area + other.area - inter
        return inter / union if union else 0.0

    def covered_by(self, other: Box) -> float:
        """Share of this box's area that lies inside ``other``."""
        return self.intersection(other) / self.area if self.area else 0.0

    def scaled(self, factor: float) -> Box:
        """The same box in an image resized by ``factor``."""
        return Box(round(self.x * factor), round(self.y * factor),
                   max(1, round(self.w * factor)), max(1, round(self.h * factor)))

    def grown(self, fraction: float, width: int, height: int) -> Box:
        """Grown by ``fraction`` of its size on every side, clipped to the image."""
        dx, dy = round(self.w * fraction), round(self.h * fraction)
        x0, y0 = max(0, self.x - dx), max(0, self.y - dy)
        x1, y1 = min(width - 1, self.x2 + dx), min(height - 1, self.y2 + dy)
        return Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1)

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.x, self.y, self.w, self.h)
