"""Reading order: the order a trainee reads a screen in, which Tab, Shift+Tab and the arrow
keys follow.

A screen is read a panel at a time (the panels a scene declares: the header, the stage, the
side column), and each panel as a page is read: the boxes are cut into bands one above the
other wherever a horizontal line crosses no box (read top to bottom); a band that cannot be
cut so is cut in two at its widest vertical gap (read left to right), and each part is read
the same way again (the "XY-cut" of document layout analysis). A grid of cells is read row by
row, left to right; two rows of buttons beside a list are read as two rows, then the list;
never in the order the code happened to make the widgets.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TypeVar

import pygame

T = TypeVar("T")

# Boxes that overlap by this much or less still count as one after the other (a rounded
# border, a row a pixel too tall).
SLACK = 2


def reading_order(boxes: Sequence[tuple[pygame.Rect, T]]) -> list[T]:
    """The items of ``boxes`` (each with its rectangle on screen) in reading order."""
    return [item for _, item in _cut(list(boxes))]


def in_panels(
    panels: Sequence[pygame.Rect], boxes: Sequence[tuple[pygame.Rect, T]]
) -> list[T]:
    """The items of ``boxes`` in reading order, a panel at a time: a box belongs to the
    smallest panel holding its centre; a panel inside another is read as one box of it."""
    distinct = {(r.x, r.y, r.w, r.h) for r in panels}
    rects = [pygame.Rect(r) for r in sorted(distinct, key=lambda r: (r[2] * r[3], r))]
    # Smallest first: a panel's parent is the smallest other panel holding it whole.
    parent = {
        i: next((j for j in range(i + 1, len(rects)) if rects[j].contains(rects[i])), None)
        for i in range(len(rects))
    }
    members: dict[int | None, list[tuple[pygame.Rect, list[T]]]] = {}
    for rect, item in boxes:
        home = next((i for i, panel in enumerate(rects) if panel.collidepoint(rect.center)), None)
        members.setdefault(home, []).append((rect, [item]))

    def read(panel: int | None) -> list[T]:
        inside = list(members.get(panel, []))
        inside += [(rects[child], read(child)) for child, up in parent.items() if up == panel]
        return [item for block in reading_order(inside) for item in block]

    return read(None)


def _cut(boxes: list[tuple[pygame.Rect, T]]) -> list[tuple[pygame.Rect, T]]:
    if len(boxes) <= 1:
        return boxes
    bands = _bands(boxes)
    if len(bands) > 1:
        return [box for band in bands for box in _cut(band)]
    halves = _split_at_widest_gap(boxes)
    if halves is not None:
        return [box for half in halves for box in _cut(half)]
    # Boxes that overlap both ways (one drawn over another): top first, then left.
    return sorted(boxes, key=lambda box: (box[0].top, box[0].left))


def _bands(boxes: list[tuple[pygame.Rect, T]]) -> list[list[tuple[pygame.Rect, T]]]:
    """``boxes`` in bands one above the other that no box spans between."""
    return _runs(boxes, lambda r: r.top, lambda r: r.bottom)


def _split_at_widest_gap(
    boxes: list[tuple[pygame.Rect, T]],
) -> list[list[tuple[pygame.Rect, T]]] | None:
    """``boxes`` cut in two, left and right, at the widest vertical gap no box spans; None
    when there is none. Only the widest: two rows of buttons beside a list are cut from the
    list first, then read as rows (cutting at every gap would read them column by column)."""
    columns = _runs(boxes, lambda r: r.left, lambda r: r.right)
    if len(columns) < 2:
        return None
    gaps = [
        min(box[0].left for box in right) - max(box[0].right for box in left)
        for left, right in itertools.pairwise(columns)
    ]
    at = gaps.index(max(gaps)) + 1
    return [[box for column in columns[:at] for box in column],
            [box for column in columns[at:] for box in column]]


def _runs(
    boxes: list[tuple[pygame.Rect, T]],
    start: Callable[[pygame.Rect], int],
    end: Callable[[pygame.Rect], int],
) -> list[list[tuple[pygame.Rect, T]]]:
    """``boxes`` in runs along one axis that no box spans between."""
    ordered = sorted(boxes, key=lambda box: (start(box[0]), end(box[0])))
    runs: list[list[tuple[pygame.Rect, T]]] = [[ordered[0]]]
    reach = end(ordered[0][0])
    for box in ordered[1:]:
        if start(box[0]) >= reach - SLACK:
            runs.append([box])
            reach = end(box[0])
        else:
            runs[-1].append(box)
            reach = max(reach, end(box[0]))
    return runs
