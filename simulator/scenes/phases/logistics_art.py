"""Drawings the logistics and opening scenes make themselves: status marks (a tick, an empty
ring, a flag), cached text, and the top-down plan of the TPS.

The people, boxes, packets and supplies come from :mod:`simulator.art`; this module draws only
what belongs to these two scenes. Nothing here judges: it draws what it is told.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from simulator.art import palette
from simulator.art.fonts import fit_text, text_size

Colour = palette.Colour


class TextCache:
    """Rendered text, made once per (text, size, width, weight, colour): never per frame."""

    LIMIT = 600

    def __init__(self) -> None:
        self._surfaces: dict[tuple[object, ...], pygame.Surface] = {}

    def get(
        self,
        text: str,
        size: int,
        max_width: int,
        *,
        bold: bool = False,
        colour: Colour = palette.INK,
        shrink: bool = False,
        least: int | None = None,
    ) -> pygame.Surface:
        """``text`` no wider than ``max_width``: cut short with "…" or, with ``shrink``, set
        smaller first (down to ``least``, by default three quarters of ``size``)."""
        key = (text, size, max_width, bold, colour, shrink, least)
        surface = self._surfaces.get(key)
        if surface is None:
            if len(self._surfaces) > self.LIMIT:
                self._surfaces.clear()
            floor = size
            if shrink:
                floor = max(8, size * 3 // 4) if least is None else min(size, least)
            surface = fit_text(text, size, max_width, bold, colour=colour, min_size=floor)
            self._surfaces[key] = surface
        return surface


@dataclass(frozen=True)
class Line:
    """One paragraph of drawn text: ``weight`` is "plain", "bold", "italic" or "muted"."""

    text: str
    weight: str = "plain"
    indent: int = 0  # pixels


def render_paragraphs(lines: Sequence[Line], width: int, size: int) -> pygame.Surface:
    """``lines`` word-wrapped to ``width`` pixels, one under the other, on a transparent
    surface (drawn once by the caller and cached: never per frame)."""
    from simulator.art.fonts import font, render

    rows: list[pygame.Surface] = []
    gap = pygame.Surface((1, max(2, size // 4)), pygame.SRCALPHA)
    for index, line in enumerate(lines):
        if index:
            rows.append(gap)
        bold = line.weight == "bold"
        italic = line.weight == "italic"
        colour = palette.MUTED if line.weight in ("italic", "muted") else palette.INK
        face = font(size, bold, italic)
        room = max(1, width - line.indent)
        words = line.text.split(" ")
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and text_size(face, candidate)[0] > room:
                rows.append(_indented(render(current, size, colour, bold, italic), line.indent))
                current = word
            else:
                current = candidate
        surface = fit_text(current, size, room, bold, colour=colour, min_size=size, italic=italic)
        rows.append(_indented(surface, line.indent))
    height = sum(r.get_height() for r in rows)
    out = pygame.Surface((max(1, width), max(1, height)), pygame.SRCALPHA)
    y = 0
    for row in rows:
        out.blit(row, (0, y))
        y += row.get_height()
    return out


def _indented(surface: pygame.Surface, indent: int) -> pygame.Surface:
    if not indent:
        return surface
    out = pygame.Surface((surface.get_width() + indent, surface.get_height()), pygame.SRCALPHA)
    out.blit(surface, (indent, 0))
    return out


class PictureCache:
    """Pictures from :mod:`simulator.art`, drawn once per key and size."""

    LIMIT = 200

    def __init__(self) -> None:
        self._surfaces: dict[tuple[object, ...], pygame.Surface] = {}

    def get(self, key: tuple[object, ...], make: object) -> pygame.Surface:
        surface = self._surfaces.get(key)
        if surface is None:
            if len(self._surfaces) > self.LIMIT:
                self._surfaces.clear()
            surface = make()  # type: ignore[operator]
            self._surfaces[key] = surface
        return surface


# --- Status marks: a shape says what the colour says, so colour is never alone ---------------


def draw_tick(surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour) -> None:
    """A filled disc with a white check mark: done."""
    x, y = centre
    r = max(4, size // 2)
    pygame.draw.circle(surface, colour, centre, r)
    w = max(2, r // 3)
    points = [
        (x - r * 0.5, y + r * 0.02),
        (x - r * 0.12, y + r * 0.42),
        (x + r * 0.55, y - r * 0.4),
    ]
    pygame.draw.lines(surface, palette.PANEL, False, points, w)


def draw_warning(
    surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour
) -> None:
    """A triangle with an exclamation mark: this step drew a finding."""
    x, y = centre
    r = max(4, size // 2)
    pygame.draw.polygon(surface, colour, [(x, y - r), (x + r, y + r), (x - r, y + r)])
    w = max(2, r // 4)
    pygame.draw.line(surface, palette.PANEL, (x, y - r * 0.35), (x, y + r * 0.35), w)
    pygame.draw.circle(surface, palette.PANEL, (x, round(y + r * 0.68)), max(1, w // 2 + 1))


def draw_dot(surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour) -> None:
    """A plain bullet: done, without saying whether it was right (Ujian)."""
    pygame.draw.circle(surface, colour, centre, max(3, size // 4))


def draw_ring(surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour) -> None:
    """An empty ring: not done yet."""
    r = max(4, size // 2)
    pygame.draw.circle(surface, colour, centre, r, max(2, r // 4))


def draw_flag(surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour) -> None:
    """A pennant on a pole: reported to the PPS."""
    x, y = centre
    h = max(8, size)
    pole = max(2, h // 8)
    top, bottom = y - h // 2, y + h // 2
    pygame.draw.line(surface, palette.INK, (x - h // 3, top), (x - h // 3, bottom), pole)
    pygame.draw.polygon(
        surface,
        colour,
        [(x - h // 3 + pole, top), (x + h // 2, top + h // 4), (x - h // 3 + pole, top + h // 2)],
    )


def draw_clock_icon(
    surface: pygame.Surface, centre: tuple[int, int], size: int, colour: Colour
) -> None:
    """A small clock face: time passed."""
    x, y = centre
    r = max(4, size // 2)
    pygame.draw.circle(surface, colour, centre, r, max(2, r // 4))
    pygame.draw.line(surface, colour, centre, (x, y - r * 0.6), max(2, r // 4))
    pygame.draw.line(surface, colour, centre, (x + r * 0.45, y), max(2, r // 4))


def draw_clock_face(
    surface: pygame.Surface, centre: tuple[int, int], radius: int, minutes: int
) -> None:
    """A wall clock showing ``minutes`` since midnight."""
    x, y = centre
    pygame.draw.circle(surface, palette.PANEL, centre, radius)
    pygame.draw.circle(surface, palette.INK, centre, radius, max(2, radius // 10))
    for hour in range(12):
        angle = math.radians(hour * 30)
        outer = radius * 0.86
        inner = radius * (0.72 if hour % 3 == 0 else 0.78)
        pygame.draw.line(
            surface,
            palette.INK,
            (x + outer * math.sin(angle), y - outer * math.cos(angle)),
            (x + inner * math.sin(angle), y - inner * math.cos(angle)),
            max(1, radius // 14),
        )
    hour_angle = math.radians(((minutes / 60) % 12) * 30)
    minute_angle = math.radians((minutes % 60) * 6)
    pygame.draw.line(
        surface,
        palette.INK,
        centre,
        (x + radius * 0.5 * math.sin(hour_angle), y - radius * 0.5 * math.cos(hour_angle)),
        max(2, radius // 7),
    )
    pygame.draw.line(
        surface,
        palette.PRIMARY_DARK,
        centre,
        (x + radius * 0.78 * math.sin(minute_angle), y - radius * 0.78 * math.cos(minute_angle)),
        max(2, radius // 11),
    )
    pygame.draw.circle(surface, palette.ACCENT, centre, max(2, radius // 9))


def dashed_rect(
    surface: pygame.Surface, rect: pygame.Rect, colour: Colour, width: int = 2, dash: int = 8
) -> None:
    """A rectangle outline drawn in dashes: something that is not there yet."""
    edges = [
        (rect.topleft, rect.topright),
        (rect.topright, rect.bottomright),
        (rect.bottomright, rect.bottomleft),
        (rect.bottomleft, rect.topleft),
    ]
    for (x1, y1), (x2, y2) in edges:
        length = max(1, int(math.hypot(x2 - x1, y2 - y1)))
        for start in range(0, length, dash * 2):
            end = min(length, start + dash)
            a = (x1 + (x2 - x1) * start / length, y1 + (y2 - y1) * start / length)
            b = (x1 + (x2 - x1) * end / length, y1 + (y2 - y1) * end / length)
            pygame.draw.line(surface, colour, a, b, width)


# --- The TPS plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanState:
    """What the plan shows of the opening as it stands."""

    board_posted: bool
    box_colours: Sequence[Colour]  # one per box, in the order they stand
    boxes_open: Sequence[bool]
    witnesses_seated: int
    ptps_present: bool
    voters_waiting: int
    meeting_open: bool


@dataclass(frozen=True)
class PlanLabels:
    """The words on the plan, in the player's language."""

    entrance: str
    exit_ink: str
    board: str
    board_missing: str
    chair: str
    registration: str
    booths: str
    boxes: str
    witnesses: str
    ptps: str
    queue: str
    access: str


PLAN_DESIGN = (100.0, 64.0)


def draw_plan(
    size: tuple[int, int], state: PlanState, labels: PlanLabels, text: TextCache, font: int
) -> pygame.Surface:
    """The TPS seen from above (HANDBOOK §1.1, §4 step 1): booths along the back, the KPPS
    table with the boxes in front of it, seats for the witnesses and the PTPS, the registration
    desk by the entrance, the exit past the ink table, and outside, the queue and the notice
    board. A dashed lane marks the step-free way for wheelchairs."""
    w, h = size
    s = pygame.Surface(size, pygame.SRCALPHA)
    unit = min(w / PLAN_DESIGN[0], h / PLAN_DESIGN[1])
    ox = (w - PLAN_DESIGN[0] * unit) / 2
    oy = (h - PLAN_DESIGN[1] * unit) / 2

    def at(x: float, y: float) -> tuple[int, int]:
        return round(ox + x * unit), round(oy + y * unit)

    def r(x: float, y: float, rw: float, rh: float) -> pygame.Rect:
        left, top = at(x, y)
        return pygame.Rect(left, top, round(rw * unit), round(rh * unit))

    def label(
        words: str, rect: pygame.Rect, colour: Colour = palette.INK, bold: bool = False
    ) -> None:
        # A word on a map: it may be set smaller to stay whole in its place.
        surf = text.get(
            words, font, rect.width, bold=bold, colour=colour, shrink=True, least=font * 2 // 3
        )
        s.blit(surf, surf.get_rect(center=rect.center))

    line = max(1, round(unit * 0.35))
    radius = round(unit * 1.6)

    # The tent floor, its roof seams, and the two gaps in the front wall.
    floor = r(1, 1, 98, 47)
    pygame.draw.rect(s, palette.FLOOR, floor, border_radius=round(unit * 1.5))
    for i in range(1, 8):
        x = floor.left + floor.width * i // 8
        pygame.draw.line(s, palette.WALL, (x, floor.top + 2), (x, floor.bottom - 2), line)
    pygame.draw.rect(s, palette.WOOD_DARK, floor, line * 2, border_radius=round(unit * 1.5))
    for gap in (r(13, 46, 14, 3), r(63, 46, 14, 3)):
        pygame.draw.rect(s, palette.PANEL, gap)

    # Booths along the back wall, open towards it (privacy).
    for i in range(4):
        cell = r(44 + i * 13, 3, 11, 8)
        pygame.draw.rect(s, palette.TENT, cell)
        pygame.draw.rect(s, palette.OUTLINE, cell, line)
        pygame.draw.line(s, palette.TENT_STRIPE, cell.bottomleft, cell.bottomright, line * 2)
    label(labels.booths, r(44, 11.5, 51, 4.5), palette.MUTED)

    # The KPPS table; the boxes stand in front of it, open ones with their lid beside them.
    table = r(17, 17, 32, 7)
    pygame.draw.rect(s, palette.WOOD, table, border_radius=round(unit))
    pygame.draw.rect(s, palette.WOOD_DARK, table, line, border_radius=round(unit))
    label(labels.chair, table, palette.INK, bold=True)
    count = max(1, len(state.box_colours))
    step = min(7.0, 36.0 / count)
    start = 33 - step * count / 2
    for i, colour in enumerate(state.box_colours):
        box = r(start + i * step + 0.7, 27, step - 1.4, 5.5)
        pygame.draw.rect(s, palette.BOX_ALUMINIUM, box, border_radius=round(unit * 0.5))
        band = pygame.Rect(box.left, box.top, box.width, max(2, box.height // 3))
        pygame.draw.rect(s, colour, band)
        pygame.draw.rect(s, palette.OUTLINE, box, line, border_radius=round(unit * 0.5))
        if i < len(state.boxes_open) and state.boxes_open[i]:
            # Open: the lid lies on the table behind the box.
            lid = pygame.Rect(
                box.left, box.top - box.height // 2 - line, box.width, box.height // 3
            )
            pygame.draw.rect(s, palette.PANEL, lid)
            pygame.draw.rect(s, palette.OUTLINE, lid, line)
    label(labels.boxes, r(13, 33, 40, 4.5), palette.MUTED)

    # Seats: witnesses along the left wall, the PTPS below them.
    label(labels.witnesses, r(1, 3, 15.5, 4.5), palette.INK, bold=True)
    for i in range(4):
        centre = at(7, 10 + i * 5)
        filled = i < state.witnesses_seated
        pygame.draw.circle(s, palette.PRIMARY if filled else palette.PANEL, centre, radius)
        pygame.draw.circle(s, palette.OUTLINE, centre, radius, line)
    centre = at(7, 34)
    pygame.draw.circle(s, palette.ACCENT if state.ptps_present else palette.PANEL, centre, radius)
    pygame.draw.circle(s, palette.OUTLINE, centre, radius, line)
    label(labels.ptps, r(9.5, 32, 8, 4.5), palette.INK, bold=True)

    # The registration desk inside the entrance.
    desk = r(66, 24, 22, 6)
    pygame.draw.rect(s, palette.WOOD, desk, border_radius=round(unit))
    pygame.draw.rect(s, palette.WOOD_DARK, desk, line, border_radius=round(unit))
    label(labels.registration, r(60, 30.5, 34, 4.5), palette.MUTED)

    # The ink table by the exit.
    ink = r(15, 40, 10, 3.5)
    pygame.draw.rect(s, palette.INK_PURPLE, ink, border_radius=round(unit * 0.5))

    # The step-free lane from the entrance to the desk and on to the booths.
    lane = [at(70, 47), at(70, 38), at(57, 38), at(57, 13)]
    for a, b in itertools.pairwise(lane):
        _dashed_line(s, a, b, palette.PRIMARY, max(2, round(unit * 0.6)), max(4, round(unit * 1.6)))
    pygame.draw.circle(s, palette.PRIMARY, lane[-1], round(unit * 1.1))
    label(labels.access, r(71, 39, 26, 4.5), palette.PRIMARY_DARK)

    # Outside: the exit and entrance words, the queue, the notice board.
    label(labels.exit_ink, r(5, 49.5, 30, 4.5), palette.INK, bold=True)
    label(labels.entrance, r(52, 49.5, 30, 4.5), palette.INK, bold=True)
    for i in range(min(9, state.voters_waiting)):
        centre = at(68 - i * 4.2, 55.5)
        colour = palette.CLOTHES[i % len(palette.CLOTHES)]
        pygame.draw.circle(s, colour, centre, round(unit * 1.4))
        pygame.draw.circle(s, palette.OUTLINE, centre, round(unit * 1.4), line)
    label(labels.queue, r(32, 59.5, 36, 4.5), palette.MUTED)
    board = r(86, 50.5, 12, 7)
    if state.board_posted:
        pygame.draw.rect(s, palette.PANEL, board)
        pygame.draw.rect(s, palette.PRIMARY_DARK, board, line * 2)
        for i in range(1, 4):
            y = board.top + board.height * i // 4
            pygame.draw.line(s, palette.MUTED, (board.left + 3, y), (board.right - 3, y), line)
        label(labels.board, r(72, 59.5, 28, 4.5), palette.INK)
    else:
        dashed_rect(s, board, palette.MUTED, max(1, line), max(3, round(unit)))
        label(labels.board_missing, r(72, 59.5, 28, 4.5), palette.MUTED)
    return s


def _dashed_line(
    surface: pygame.Surface,
    a: tuple[int, int],
    b: tuple[int, int],
    colour: Colour,
    width: int,
    dash: int,
) -> None:
    length = max(1, int(math.hypot(b[0] - a[0], b[1] - a[1])))
    for start in range(0, length, dash * 2):
        end = min(length, start + dash)
        p = (a[0] + (b[0] - a[0]) * start / length, a[1] + (b[1] - a[1]) * start / length)
        q = (a[0] + (b[0] - a[0]) * end / length, a[1] + (b[1] - a[1]) * end / length)
        pygame.draw.line(surface, colour, p, q, width)
