"""Party emblems: plain geometric shapes, never a real party's logo.

Every party in a scenario is fictional, and so is its emblem: a shape chosen by the party's
number (circle, star, triangle, square, waves, ...) in the party's ``color``. Parties past the
tenth shape get the same shapes inside a ring, so no two of the first twenty look alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

import pygame

from simulator.art.canvas import Canvas, darker, hex_colour, lighter
from simulator.art.palette import PANEL_LINE, Colour


def draw_emblem(number: int, colour: str | Colour, size: int) -> pygame.Surface:
    """The emblem of party ``number`` in ``colour`` (``#rrggbb`` or RGB), ``size`` px square."""
    rgb = hex_colour(colour) if isinstance(colour, str) else colour
    c = Canvas((size, size), (40.0, 40.0), ss=4)
    c.rect(0.5, 0.5, 39, 39, (255, 255, 255), radius=7)
    c.rect(0.5, 0.5, 39, 39, darker(PANEL_LINE, 0.1), radius=7, width=1.2)
    shape = _SHAPES[(number - 1) % len(_SHAPES)]
    if number > len(_SHAPES):
        c.circle(20, 20, 16.5, rgb, width=2.2)
        with c.zoomed(0.7, 20, 20):
            shape(c, rgb)
    else:
        shape(c, rgb)
    return c.finish()


def _circle(c: Canvas, rgb: Colour) -> None:
    c.circle(20, 20, 13, rgb)
    c.circle(20, 20, 6, lighter(rgb, 0.55))


def _star(c: Canvas, rgb: Colour) -> None:
    points = []
    for i in range(10):
        r = 14.5 if i % 2 == 0 else 6.2
        a = math.radians(-90 + i * 36)
        points.append((20 + r * math.cos(a), 21 + r * math.sin(a)))
    c.polygon(points, rgb)


def _triangle(c: Canvas, rgb: Colour) -> None:
    c.polygon([(20, 6), (34, 32), (6, 32)], rgb)
    c.polygon([(20, 17), (26, 28), (14, 28)], lighter(rgb, 0.55))


def _square(c: Canvas, rgb: Colour) -> None:
    c.rect(8, 8, 24, 24, rgb, radius=3)
    c.rect(15, 15, 10, 10, lighter(rgb, 0.55), radius=2)


def _waves(c: Canvas, rgb: Colour) -> None:
    for row in range(3):
        y = 12 + row * 8
        points = [(6 + i, y + 2.6 * math.sin(i / 4.2)) for i in range(0, 29)]
        c.polyline(points, rgb, 3.2)


def _diamond(c: Canvas, rgb: Colour) -> None:
    c.polygon([(20, 5), (35, 20), (20, 35), (5, 20)], rgb)
    c.polygon([(20, 13), (27, 20), (20, 27), (13, 20)], lighter(rgb, 0.55))


def _hexagon(c: Canvas, rgb: Colour) -> None:
    points = [
        (20 + 14 * math.cos(math.radians(a)), 20 + 14 * math.sin(math.radians(a)))
        for a in range(30, 390, 60)
    ]
    c.polygon(points, rgb)


def _drop(c: Canvas, rgb: Colour) -> None:
    c.circle(20, 24, 10, rgb)
    c.polygon([(20, 5), (29.5, 21), (10.5, 21)], rgb)


def _rays(c: Canvas, rgb: Colour) -> None:
    for a in range(0, 360, 30):
        rad = math.radians(a)
        c.line(
            (20 + 9 * math.cos(rad), 20 + 9 * math.sin(rad)),
            (20 + 15 * math.cos(rad), 20 + 15 * math.sin(rad)),
            rgb,
            2.2,
        )
    c.circle(20, 20, 7, rgb)


def _rings(c: Canvas, rgb: Colour) -> None:
    c.circle(15, 20, 8.5, rgb, width=3)
    c.circle(25, 20, 8.5, darker(rgb, 0.15), width=3)


_SHAPES: Final[tuple[Callable[[Canvas, Colour], None], ...]] = (
    _circle,
    _star,
    _triangle,
    _square,
    _waves,
    _diamond,
    _hexagon,
    _drop,
    _rays,
    _rings,
)
