"""Pictures for the voter desk that belong to this scene alone: the wall and the desk, the
queue's floor, a speech bubble, the closed pile of documents, the ballot colour chips; numbers
in words. Every picture is drawn once and kept in a :class:`DeskArt` cache (the scene blits,
never draws, per frame)."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable

import pygame

from simulator.art import palette
from simulator.art.canvas import darker, lighter
from simulator.art.documents import draw_document
from simulator.art.fonts import fit_text, font
from simulator.art.people import draw_voter
from simulator.art.sheet import wrap
from simulator.core.domain import ELDERLY_AGE
from simulator.i18n import Catalog
from simulator.schema.scenario import Scenario, Voter
from simulator.schema.types import BallotType, Disability

try:  # the finger drawing arrives with simulator.art.things
    from simulator.art.things import draw_finger
except ImportError:  # pragma: no cover - only while the drawing module is being written
    draw_finger = None  # type: ignore[assignment]

Colour = palette.Colour
Size = tuple[int, int]

# Disabilities a KPPS member can see at the desk (the others are not drawn, nor named).
VISIBLE_DISABILITIES = (
    Disability.TUNANETRA,
    Disability.TUNADAKSA,
    Disability.KURSI_RODA,
    Disability.TUNARUNGU,
)


# --- Words -----------------------------------------------------------------------------------


def number_words(count: int, cat: Catalog) -> str:
    """``count`` in words ("tiga", "twenty-one"); figures from 100 on."""
    base = "scene.pemungutan.number"
    if 0 <= count < 20:
        return cat(f"{base}.units.{count}")
    if count < 100:
        tens, units = divmod(count, 10)
        tens_text = cat(f"{base}.tens.{tens}")
        if units == 0:
            return tens_text
        return cat(f"{base}.compound", tens=tens_text, units=cat(f"{base}.units.{units}"))
    return str(count)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def looks(voter: Voter, cat: Catalog) -> list[str]:
    """What the KPPS sees of ``voter`` or is told: sex, age, pregnancy, a phone, a
    disability (a wheelchair at a glance; one that does not show, in the companion's words)."""
    base = "scene.pemungutan.look"
    words = [cat(f"{base}.{voter.sex.value}")]
    if voter.age >= ELDERLY_AGE:
        words.append(cat(f"{base}.elderly"))
    if voter.pregnant:
        words.append(cat(f"{base}.pregnant"))
    if voter.disability in VISIBLE_DISABILITIES:
        words.append(cat(f"{base}.{voter.disability.value}"))
    elif voter.disability is not None:
        # Not seen at a glance: the companion says so, and the DPT row records it.
        words.append(cat(f"{base}.{voter.disability.value}"))
    if voter.phone:
        words.append(cat(f"{base}.phone"))
    return words


# --- The cache ---------------------------------------------------------------------------------


class DeskArt:
    """Every surface the desk shows, made on first use and kept; cleared when the window size
    changes (sizes are part of each key, so nothing stale is ever shown)."""

    def __init__(self) -> None:
        self._cache: dict[Hashable, pygame.Surface] = {}

    def get(self, key: Hashable, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        surface = self._cache.get(key)
        if surface is None:
            surface = make()
            self._cache[key] = surface
        return surface

    def clear(self) -> None:
        self._cache.clear()

    # People and papers -------------------------------------------------------------------

    def figure(self, voter: Voter, size: Size) -> pygame.Surface:
        return self.get(("figure", voter.id, size), lambda: draw_voter(voter, size))

    def document(self, voter: Voter, index: int, scenario: Scenario, size: Size) -> pygame.Surface:
        """The document cropped to the paper (the drawing is centred in ``size``)."""

        def make() -> pygame.Surface:
            drawn = draw_document(voter.documents[index], voter, scenario, size)
            return drawn.subsurface(drawn.get_bounding_rect()).copy()

        return self.get(("document", voter.id, index, size), make)

    def finger(self, inked: bool, size: Size) -> pygame.Surface | None:
        if draw_finger is None:
            return None
        return self.get(("finger", inked, size), lambda: draw_finger(inked, size))

    # Text --------------------------------------------------------------------------------

    def text(
        self, text: str, size: int, width: int, *, bold: bool = False, colour: Colour = palette.INK
    ) -> pygame.Surface:
        return self.get(
            ("text", text, size, width, bold, colour),
            lambda: fit_text(text, size, width, bold, colour=colour),
        )

    def paragraph(
        self,
        text: str,
        size: int,
        width: int,
        max_lines: int,
        colour: Colour = palette.INK,
        *,
        bold: bool = False,
    ) -> pygame.Surface:
        return self.get(
            ("paragraph", text, size, width, max_lines, colour, bold),
            lambda: draw_paragraph(text, size, width, max_lines, colour, bold=bold),
        )

    def bubble(self, text: str, size: int, width: int) -> pygame.Surface:
        return self.get(("bubble", text, size, width), lambda: draw_bubble(text, size, width))

    def results(self, key: Hashable, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        return self.get(("results", key), make)

    # Scenery -----------------------------------------------------------------------------

    def scenery(
        self, key: str, size: Size, make: Callable[[Size], pygame.Surface]
    ) -> pygame.Surface:
        return self.get(("scenery", key, size), lambda: make(size))


# --- Drawings ------------------------------------------------------------------------------------


def draw_paragraph(
    text: str,
    size: int,
    width: int,
    max_lines: int,
    colour: Colour = palette.INK,
    *,
    bold: bool = False,
) -> pygame.Surface:
    """``text`` wrapped to ``width``; the last line is shortened with "…" if it must be."""
    face = font(size, bold)
    lines = wrap(face, text, width, max_lines)
    line_h = face.get_linesize()
    surface = pygame.Surface((width, max(1, line_h * len(lines))), pygame.SRCALPHA)
    for index, line in enumerate(lines):
        surface.blit(fit_text(line, size, width, bold, colour=colour), (0, index * line_h))
    return surface


def draw_bubble(text: str, size: int, width: int) -> pygame.Surface:
    """What the voter says, in a white speech bubble whose tail points left (to the voter)."""
    pad = max(6, size // 2)
    tail = max(8, size)
    body = draw_paragraph(text, size, width - 2 * pad - tail, 4)
    w = width
    h = body.get_height() + 2 * pad
    surface = pygame.Surface((w, h + 2), pygame.SRCALPHA)
    box = pygame.Rect(tail, 0, w - tail, h)
    pygame.draw.rect(surface, palette.PANEL, box, border_radius=pad)
    pygame.draw.rect(surface, palette.OUTLINE, box, width=2, border_radius=pad)
    points = [
        (tail + 2, h // 2 - tail // 2),
        (0, h // 2 + tail // 3),
        (tail + 2, h // 2 + tail // 2),
    ]
    pygame.draw.polygon(surface, palette.PANEL, points)
    pygame.draw.lines(surface, palette.OUTLINE, False, points, 2)
    surface.blit(body, (tail + pad, pad))
    return surface


def draw_wall(size: Size) -> pygame.Surface:
    """The back of the TPS behind the desk: a plain wall above a darker dado."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surface, palette.WALL, (0, 0, w, h), border_radius=8)
    dado = pygame.Rect(0, h * 3 // 5, w, h - h * 3 // 5)
    pygame.draw.rect(
        surface,
        darker(palette.WALL, 0.05),
        dado,
        border_bottom_left_radius=8,
        border_bottom_right_radius=8,
    )
    pygame.draw.line(surface, darker(palette.WALL, 0.12), dado.topleft, dado.topright, 2)
    return surface


def draw_panel(size: Size) -> pygame.Surface:
    """A white card with a thin border, behind a group of controls."""
    surface = pygame.Surface(size, pygame.SRCALPHA)
    rect = pygame.Rect((0, 0), size)
    pygame.draw.rect(surface, palette.PANEL, rect, border_radius=8)
    pygame.draw.rect(surface, palette.PANEL_LINE, rect, width=1, border_radius=8)
    return surface


def draw_queue_floor(size: Size) -> pygame.Surface:
    """Where the queue waits: the floor, and a rope between posts keeping the line."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surface, palette.WALL, (0, 0, w, h), border_radius=8)
    floor = pygame.Rect(0, h * 55 // 100, w, h - h * 55 // 100)
    pygame.draw.rect(
        surface, palette.FLOOR, floor, border_bottom_left_radius=8, border_bottom_right_radius=8
    )
    rope_y = h * 62 // 100
    posts = range(8, w, max(40, w // 8))
    for x in posts:
        pygame.draw.rect(surface, palette.METAL, (x - 2, rope_y - 4, 4, h - rope_y - 2))
    pygame.draw.line(surface, palette.DANGER, (8, rope_y), (w - 8, rope_y), 3)
    return surface


def draw_desk(size: Size) -> pygame.Surface:
    """The registration desk seen from the KPPS side: a table top and its front edge."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    top = pygame.Rect(0, 0, w, h)
    pygame.draw.rect(surface, palette.WOOD, top, border_radius=6)
    pygame.draw.rect(
        surface,
        lighter(palette.WOOD, 0.15),
        (0, 0, w, max(3, h // 14)),
        border_top_left_radius=6,
        border_top_right_radius=6,
    )
    for y in range(h // 5, h, max(12, h // 6)):
        pygame.draw.line(surface, darker(palette.WOOD, 0.06), (6, y), (w - 6, y), 1)
    pygame.draw.rect(surface, palette.WOOD_DARK, top, width=2, border_radius=6)
    return surface


def draw_paper_pile(count: int, size: Size) -> pygame.Surface:
    """Documents handed over and not yet looked at: papers in a pile, the top one face down."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    step = max(3, w // 24)
    sheet = pygame.Rect(0, 0, w - step * (count - 1), h - step * (count - 1))
    for index in range(max(1, count)):
        rect = sheet.move(step * index, step * (count - 1 - index))
        pygame.draw.rect(
            surface, palette.MANILA if index % 2 else palette.PAPER_WHITE, rect, border_radius=3
        )
        pygame.draw.rect(surface, palette.OUTLINE, rect, width=1, border_radius=3)
    return surface


def draw_ballot_chips(ballots: tuple[BallotType, ...], size: Size) -> pygame.Surface:
    """One folded ballot per type, in its colour, fanned left to right."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    if not ballots:
        return surface
    chip_w = max(6, min(h * 2 // 3, w // 2))
    step = 0 if len(ballots) == 1 else (w - chip_w) / (len(ballots) - 1)
    for index, ballot in enumerate(ballots):
        colour = palette.BALLOT_COLOURS.get(ballot.value, palette.PAPER_SHADE)
        rect = pygame.Rect(round(index * step), 0, chip_w, h)
        pygame.draw.rect(surface, colour, rect, border_radius=2)
        pygame.draw.rect(surface, palette.OUTLINE, rect, width=1, border_radius=2)
    return surface


def draw_priority_badge(size: Size) -> pygame.Surface:
    """The sign of a priority voter in the queue: a gold disc, dark rim, a white star (a shape,
    so it never rests on colour alone)."""
    w, h = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    radius = min(w, h) // 2 - 1
    centre = (w // 2, h // 2)
    pygame.draw.circle(surface, palette.ACCENT, centre, radius)
    pygame.draw.circle(surface, palette.OUTLINE, centre, radius, max(1, radius // 6))
    outer, inner = radius * 0.72, radius * 0.3
    points = []
    for index in range(10):
        angle = math.pi * (index / 5 - 0.5)
        reach = outer if index % 2 == 0 else inner
        points.append((centre[0] + reach * math.cos(angle), centre[1] + reach * math.sin(angle)))
    pygame.draw.polygon(surface, palette.PANEL, points)
    pygame.draw.polygon(surface, palette.OUTLINE, points, 1)
    return surface


def draw_dim(size: Size, alpha: int = 170) -> pygame.Surface:
    surface = pygame.Surface(size, pygame.SRCALPHA)
    surface.fill((*palette.INK, alpha))
    return surface


__all__ = [
    "DeskArt",
    "capitalised",
    "draw_ballot_chips",
    "draw_bubble",
    "draw_desk",
    "draw_dim",
    "draw_panel",
    "draw_paper_pile",
    "draw_paragraph",
    "draw_priority_badge",
    "draw_queue_floor",
    "draw_wall",
    "looks",
    "number_words",
]
