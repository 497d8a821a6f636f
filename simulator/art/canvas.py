"""Shared drawing tools: a supersampled canvas in design units, colours, stable hashing.

pygame.draw does not anti-alias filled shapes, and gfxdraw's anti-aliased edges leave light
halos on transparent surfaces. A :class:`Canvas` instead draws at ``ss`` times the size and
scales down with ``smoothscale``, which smooths every edge at once. Transparent pixels carry a
light ``halo`` colour so edges blend toward the light backgrounds the pictures sit on rather
than toward black.

Shapes are given in *design units*: a fixed box (say 100 × 140) that the canvas fits into the
requested size, keeping proportions, so a drawing reads the same at any size. Text is not
drawn here: it is rendered at final size afterwards (see :meth:`Canvas.to_px`), because scaled
text blurs.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from typing import Literal, TypeVar

import pygame

from simulator.art.palette import PAPER, Colour

Point = tuple[float, float]
T = TypeVar("T")
Anchor = Literal["center", "bottom"]


# --- Stable variety ------------------------------------------------------------------------------


def stable_hash(*parts: object) -> int:
    """A hash of ``parts`` that is the same in every run (unlike ``hash()``): crc32 of the text."""
    return zlib.crc32("\x1f".join(str(p) for p in parts).encode("utf-8"))


def pick(options: Sequence[T], *parts: object) -> T:
    """One of ``options``, chosen by the stable hash of ``parts``."""
    return options[stable_hash(*parts) % len(options)]


def chance(percent: int, *parts: object) -> bool:
    """True for about ``percent`` in a hundred distinct ``parts``, always the same for each."""
    return stable_hash("chance", *parts) % 100 < percent


# --- Colours -------------------------------------------------------------------------------------


def hex_colour(text: str) -> Colour:
    """``"#3f8f3a"`` as an RGB tuple."""
    value = int(text.lstrip("#"), 16)
    return ((value >> 16) & 255, (value >> 8) & 255, value & 255)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """``a`` moved a fraction ``t`` toward ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def lighter(colour: Colour, t: float = 0.3) -> Colour:
    return mix(colour, (255, 255, 255), t)


def darker(colour: Colour, t: float = 0.25) -> Colour:
    return mix(colour, (0, 0, 0), t)


def luminance(colour: Colour) -> float:
    return (0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]) / 255


def readable_on(colour: Colour) -> Colour:
    """Dark or white text, whichever reads better on ``colour``."""
    return (31, 42, 55) if luminance(colour) > 0.6 else (255, 255, 255)


# --- The canvas ----------------------------------------------------------------------------------


class Canvas:
    """A supersampled, transparent drawing surface addressed in design units."""

    def __init__(
        self,
        size: tuple[int, int],
        design: tuple[float, float],
        *,
        ss: int = 3,
        anchor: Anchor = "center",
        halo: Colour = PAPER,
        background: Colour | None = None,
        origin: Point = (0.0, 0.0),
    ) -> None:
        self.size = (max(1, int(size[0])), max(1, int(size[1])))
        self.ss = ss
        self.design = design
        self.origin = origin
        self.affine: tuple[float, float, float] = (1.0, 0.0, 0.0)  # p -> k * p + (tx, ty)
        self.scale = min(self.size[0] / design[0], self.size[1] / design[1])
        self.offset = (
            (self.size[0] - design[0] * self.scale) / 2,
            (self.size[1] - design[1] * self.scale) / (2 if anchor == "center" else 1),
        )
        self.surface = pygame.Surface((self.size[0] * ss, self.size[1] * ss), pygame.SRCALPHA)
        self.surface.fill((*background, 255) if background else (*halo, 0))

    # Coordinates ------------------------------------------------------------------------

    def to_px(self, x: float, y: float) -> tuple[int, int]:
        """A design point in pixels of the finished surface."""
        fx, fy = self._p((x, y))
        return round(fx / self.ss), round(fy / self.ss)

    def px_rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A design rectangle in pixels of the finished surface."""
        left, top = self.to_px(x, y)
        right, bottom = self.to_px(x + w, y + h)
        return pygame.Rect(left, top, right - left, bottom - top)

    @contextmanager
    def shifted(self, dx: float, dy: float) -> Iterator[None]:
        """Draw a group of shapes moved by (``dx``, ``dy``) design units."""
        with self._transformed(1.0, dx, dy):
            yield

    @contextmanager
    def zoomed(self, factor: float, cx: float, cy: float) -> Iterator[None]:
        """Draw a group of shapes ``factor`` times bigger about the design point (cx, cy)."""
        with self._transformed(factor, cx * (1 - factor), cy * (1 - factor)):
            yield

    @contextmanager
    def _transformed(self, k: float, tx: float, ty: float) -> Iterator[None]:
        """Nest the map ``p -> k * p + t`` inside the one in force."""
        before = self.affine
        scale, bx, by = before
        self.affine = (scale * k, scale * tx + bx, scale * ty + by)
        try:
            yield
        finally:
            self.affine = before

    @contextmanager
    def clipped(self, x: float, y: float, w: float, h: float) -> Iterator[None]:
        """Keep the shapes drawn inside this block within a design rectangle."""
        before = self.surface.get_clip()
        self.surface.set_clip(self._rect(x, y, w, h).clip(before))
        try:
            yield
        finally:
            self.surface.set_clip(before)

    def _p(self, point: Point) -> tuple[float, float]:
        k = self.ss
        z, tx, ty = self.affine
        x = point[0] * z + tx - self.origin[0]
        y = point[1] * z + ty - self.origin[1]
        return (self.offset[0] + x * self.scale) * k, (self.offset[1] + y * self.scale) * k

    def _len(self, value: float) -> float:
        return value * self.affine[0] * self.scale * self.ss

    def _rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        left, top = self._p((x, y))
        right, bottom = self._p((x + w, y + h))
        return pygame.Rect(round(left), round(top), round(right - left), round(bottom - top))

    # Shapes ------------------------------------------------------------------------------

    def circle(self, cx: float, cy: float, r: float, colour: Colour, width: float = 0) -> None:
        centre = self._p((cx, cy))
        line = max(1, round(self._len(width))) if width else 0
        pygame.draw.circle(self.surface, colour, centre, max(1.0, self._len(r)), line)

    def ellipse(
        self, cx: float, cy: float, rx: float, ry: float, colour: Colour, width: float = 0
    ) -> None:
        line = max(1, round(self._len(width))) if width else 0
        pygame.draw.ellipse(
            self.surface, colour, self._rect(cx - rx, cy - ry, 2 * rx, 2 * ry), line
        )

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        colour: Colour | tuple[int, int, int, int],
        radius: float = 0,
        width: float = 0,
    ) -> None:
        line = max(1, round(self._len(width))) if width else 0
        r = round(self._len(radius)) if radius else -1
        pygame.draw.rect(self.surface, colour, self._rect(x, y, w, h), line, border_radius=r)

    def polygon(self, points: Iterable[Point], colour: Colour, width: float = 0) -> None:
        pts = [self._p(p) for p in points]
        if len(pts) < 3:
            return
        line = max(1, round(self._len(width))) if width else 0
        pygame.draw.polygon(self.surface, colour, pts, line)

    def line(self, a: Point, b: Point, colour: Colour, width: float = 1) -> None:
        """A line with round ends, ``width`` design units thick."""
        self.polyline([a, b], colour, width)

    def polyline(self, points: Sequence[Point], colour: Colour, width: float = 1) -> None:
        """Joined segments with round joints and ends."""
        radius = self._len(width) / 2
        pts = [self._p(p) for p in points]
        for a, b in pairwise(pts):
            _thick_segment(self.surface, a, b, radius, colour)
        for p in pts:
            pygame.draw.circle(self.surface, colour, p, max(1.0, radius))

    def arc(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        start: float,
        end: float,
        colour: Colour,
        width: float = 1,
        steps: int = 16,
    ) -> None:
        """An elliptical arc from ``start`` to ``end`` degrees (0 = right, 90 = down)."""
        self.polyline(arc_points(cx, cy, rx, ry, start, end, steps), colour, width)

    def finish(self) -> pygame.Surface:
        """The drawing scaled down to the requested size."""
        if self.ss == 1:
            return self.surface
        return pygame.transform.smoothscale(self.surface, self.size)


def arc_points(
    cx: float, cy: float, rx: float, ry: float, start: float, end: float, steps: int = 16
) -> list[Point]:
    """Points along an elliptical arc, angles in degrees, 90 pointing down."""
    out: list[Point] = []
    for i in range(steps + 1):
        a = math.radians(start + (end - start) * i / steps)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return out


def _thick_segment(
    surface: pygame.Surface,
    a: tuple[float, float],
    b: tuple[float, float],
    radius: float,
    colour: Colour,
) -> None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return
    nx, ny = -dy / length * radius, dx / length * radius
    quad = [
        (a[0] + nx, a[1] + ny),
        (b[0] + nx, b[1] + ny),
        (b[0] - nx, b[1] - ny),
        (a[0] - nx, a[1] - ny),
    ]
    pygame.draw.polygon(surface, colour, quad)


def handwriting(
    x: float, y: float, w: float, h: float, seed: str, words: int = 1, flourish: bool = False
) -> list[list[Point]]:
    """Strokes that read as cursive handwriting in the box ``(x, y, w, h)``: ``words`` runs of
    uneven loops with gaps between them, and with ``flourish`` a sweeping underline (a
    signature). The same ``seed`` always writes the same strokes."""
    h_bits = stable_hash(seed, "handwriting")
    gap = w * 0.06 if words > 1 else 0.0
    word_w = (w - gap * (words - 1)) / words
    strokes: list[list[Point]] = []
    for word in range(words):
        left = x + word * (word_w + gap)
        letters = 3 + (h_bits >> (word * 3)) % 4
        points: list[Point] = []
        steps = letters * 10
        for i in range(steps + 1):
            t = i / steps
            letter = min(letters - 1, int(t * letters))
            tall = 0.25 + 0.2 * ((h_bits >> ((word * 5 + letter) % 28)) & 3) / 3
            angle = t * letters * 2 * math.pi
            px = left + word_w * t + word_w / letters * 0.26 * math.sin(angle)
            py = y + h * (0.62 - tall * (0.5 - 0.5 * math.cos(angle)))
            points.append((px, py))
        strokes.append(points)
    if flourish:
        tail = [
            (x + w * 0.98, y + h * 0.5),
            (x + w * 0.7, y + h * 0.86),
            (x + w * 0.3, y + h * 0.92),
            (x + w * 0.05, y + h * 0.8),
        ]
        strokes.append(tail)
    return strokes
