"""Reading order: the order a trainee reads a screen in, which Tab, Shift+Tab and the arrow
keys follow.

The boxes are cut as a page is read (the "XY-cut" of document layout analysis): first into
bands one above the other, wherever a horizontal line crosses no box (read top to bottom);
a band that cannot be cut so is cut into columns side by side, wherever a vertical line
crosses no box (read left to right); and so on inside each part. A grid of cells is read row
by row, left to right; a column of buttons beside a list is read as a column, then the list;
never in the order the code happened to make the widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import pygame

T = TypeVar("T")

# Boxes that overlap by this much or less still count as one after the other (a rounded
# border, a row a pixel too tall).
SLACK = 2


def reading_order(boxes: Sequence[tuple[pygame.Rect, T]]) -> list[T]:
    """The items of ``boxes`` (each with its rectangle on screen) in reading order."""
    return [item for _, item in _cut(list(boxes), horizontal=True)]


def _cut(boxes: list[tuple[pygame.Rect, T]], horizontal: bool) -> list[tuple[pygame.Rect, T]]:
    if len(boxes) <= 1:
        return boxes
    for along_y in (horizontal, not horizontal):
        parts = _split(boxes, along_y)
        if len(parts) > 1:
            # Each part is cut the other way first: a band into columns, a column into bands.
            return [box for part in parts for box in _cut(part, horizontal=not along_y)]
    # Boxes that overlap both ways (one drawn over another): top first, then left.
    return sorted(boxes, key=lambda box: (box[0].top, box[0].left))


def _split(boxes: list[tuple[pygame.Rect, T]], along_y: bool) -> list[list[tuple[pygame.Rect, T]]]:
    """``boxes`` in runs that no box spans between: bands (``along_y``) or columns."""
    start: Callable[[pygame.Rect], int] = (lambda r: r.top) if along_y else (lambda r: r.left)
    end: Callable[[pygame.Rect], int] = (lambda r: r.bottom) if along_y else (lambda r: r.right)
    ordered = sorted(boxes, key=lambda box: (start(box[0]), end(box[0])))
    parts: list[list[tuple[pygame.Rect, T]]] = [[ordered[0]]]
    reach = end(ordered[0][0])
    for box in ordered[1:]:
        if start(box[0]) >= reach - SLACK:
            parts.append([box])
        else:
            parts[-1].append(box)
        reach = max(reach, end(box[0])) if len(parts[-1]) > 1 else end(box[0])
    return parts
