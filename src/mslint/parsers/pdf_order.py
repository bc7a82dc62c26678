"""Reading order of the text blocks on a page, one or two columns.

Blocks are read top to bottom in bands: a block that crosses the page's middle (a title, a
full-width paragraph or figure legend) closes the band above it; inside a band, the left
column is read before the right one. A single-column page is a run of one-block bands, so
it comes out top to bottom.
"""

from __future__ import annotations

from collections.abc import Sequence

Box = tuple[float, float, float, float]

#: How far (points) a column block may reach over the page's middle line.
GUTTER_SLACK = 6.0


def reading_order(boxes: Sequence[Box]) -> list[int]:
    """Indexes of ``boxes`` in reading order."""
    if len(boxes) < 2:
        return list(range(len(boxes)))
    left_edge = min(b[0] for b in boxes)
    right_edge = max(b[2] for b in boxes)
    middle = (left_edge + right_edge) / 2
    order: list[int] = []
    left: list[int] = []
    right: list[int] = []

    def flush() -> None:
        order.extend(sorted(left, key=lambda i: (boxes[i][1], boxes[i][0])))
        order.extend(sorted(right, key=lambda i: (boxes[i][1], boxes[i][0])))
        left.clear()
        right.clear()

    for i in sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0])):
        x0, _, x1, _ = boxes[i]
        if x1 <= middle + GUTTER_SLACK:
            left.append(i)
        elif x0 >= middle - GUTTER_SLACK:
            right.append(i)
        else:
            flush()
            order.append(i)
    flush()
    return order
