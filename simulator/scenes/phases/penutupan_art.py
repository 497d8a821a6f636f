"""Pictures of the closing table (and the checklist both end-of-day scenes share).

Drawn from plain values (done or not, a count, a list's name): nothing here reads the engine
or judges anything. The pictures a stage shows at every build (a badge, the checklist, a
tick) are drawn once per look and shared: they are only ever blitted.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pygame

from simulator.art import fonts, palette
from simulator.art.canvas import Canvas, darker, lighter
from simulator.art.fonts import fit_text
from simulator.art.sheet import wrap


@lru_cache(maxsize=32)
def check_icon(size: int, done: bool) -> pygame.Surface:
    """A ticked square (done) or an empty one (not yet): a shape, not only a colour."""
    c = Canvas((size, size), (20.0, 20.0))
    if done:
        c.rect(1, 1, 18, 18, palette.OK, radius=4)
        c.polyline([(5, 10.5), (8.5, 14), (15, 6)], palette.PANEL, width=2.6)
    else:
        c.rect(1.5, 1.5, 17, 17, palette.PANEL, radius=4)
        c.rect(1.5, 1.5, 17, 17, palette.MUTED, radius=4, width=1.6)
    return c.finish()


@lru_cache(maxsize=256)
def done_badge(
    text: str, width: int, height: int, font_px: int, *, line_h: int | None = None
) -> pygame.Surface:
    """A finished step where its button was: a tick and its words on a light green pill;
    words too long for one line wrap (the pill is as tall as ``height``; ``line_h``, the
    height of a one-line badge, sizes the tick)."""
    one = line_h or height
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.draw.rect(surface, palette.OK_LIGHT, surface.get_rect(), border_radius=max(3, one // 5))
    icon = check_icon(max(8, one - one // 3), True)
    pad = one // 6
    surface.blit(icon, (pad, (height - icon.get_height()) // 2))
    room = badge_room(width, one)
    face = fonts.font(font_px)
    lines = wrap(face, text, room, max(1, height // face.get_height()))
    rendered = [fit_text(line, font_px, room, colour=palette.OK) for line in lines]
    top = (height - sum(r.get_height() for r in rendered)) // 2
    for words in rendered:
        surface.blit(words, (icon.get_width() + 2 * pad, top))
        top += words.get_height()
    return surface


def badge_room(width: int, line_h: int) -> int:
    """The width a done badge ``width`` wide leaves its words (after the tick and padding);
    ``line_h``: the height of a one-line badge."""
    icon = max(8, line_h - line_h // 3)
    return width - icon - 3 * (line_h // 6)


def checklist(
    items: Sequence[tuple[bool, str]], width: int, row_h: int, font_px: int
) -> pygame.Surface:
    """One row per step: a ticked or empty square, then the step in words."""
    return _checklist(tuple(items), width, row_h, font_px)


@lru_cache(maxsize=64)
def _checklist(
    items: tuple[tuple[bool, str], ...], width: int, row_h: int, font_px: int
) -> pygame.Surface:
    surface = pygame.Surface((width, max(1, row_h * len(items))), pygame.SRCALPHA)
    icon_size = max(10, row_h * 3 // 5)
    for index, (done, text) in enumerate(items):
        top = index * row_h
        surface.blit(check_icon(icon_size, done), (0, top + (row_h - icon_size) // 2))
        colour = palette.INK if done else palette.MUTED
        words = fit_text(text, font_px, width - icon_size - row_h // 3, colour=colour)
        surface.blit(words, (icon_size + row_h // 3, top + (row_h - words.get_height()) // 2))
    return surface


@lru_cache(maxsize=32)
def cross_mark(size: tuple[int, int]) -> pygame.Surface:
    """The pen cross over a stack of unused ballots, corner to corner."""
    w, h = size
    c = Canvas(size, (float(w), float(h)))
    inset = min(w, h) * 0.08
    width = max(3.0, min(w, h) * 0.07)
    c.line((inset, inset), (w - inset, h - inset), palette.INK, width)
    c.line((w - inset, inset), (inset, h - inset), palette.INK, width)
    return c.finish()


def attendance_sheets(names: Sequence[str], size: tuple[int, int], font_px: int) -> pygame.Surface:
    """The attendance lists side by side, signatures on their lines, each named on top."""
    return _attendance_sheets(tuple(names), size, font_px)


@lru_cache(maxsize=16)
def _attendance_sheets(
    names: tuple[str, ...], size: tuple[int, int], font_px: int
) -> pygame.Surface:
    w, h = size
    count = max(1, len(names))
    gap = w * 0.06
    sheet_w = (w - gap * (count - 1)) / count
    c = Canvas(size, (float(w), float(h)))
    label_h = font_px * 1.5
    for index in range(count):
        x = index * (sheet_w + gap)
        c.rect(x + 3, label_h + 3, sheet_w, h - label_h - 4, (0, 0, 0, 40), radius=3)
        c.rect(x, label_h, sheet_w, h - label_h - 4, palette.PAPER_WHITE, radius=3)
        c.rect(x, label_h, sheet_w, h - label_h - 4, palette.PANEL_LINE, radius=3, width=1)
        rows = 7
        step = (h - label_h - 16) / rows
        for row in range(rows):
            y = label_h + 10 + row * step
            c.line((x + 6, y), (x + sheet_w - 6, y), palette.PANEL_LINE, 1)
            # a signature squiggle on most lines: people came and signed
            if (row + index) % 4 != 3:
                sx = x + sheet_w * 0.55
                c.polyline(
                    [(sx, y - 2), (sx + 6, y - 6), (sx + 10, y - 1), (sx + 16, y - 5)],
                    palette.PEN_BLUE,
                    1.2,
                )
    surface = c.finish()
    for index, name in enumerate(names):
        x = round(index * (sheet_w + gap))
        text = fit_text(name, font_px, round(sheet_w), bold=True)
        surface.blit(text, (x + (round(sheet_w) - text.get_width()) // 2, 0))
    return surface


@lru_cache(maxsize=32)
def wheelchair_symbol(size: int) -> pygame.Surface:
    """The access symbol on a rounded square, for the voters-with-disabilities count."""
    c = Canvas((size, size), (40.0, 40.0))
    c.rect(0, 0, 40, 40, palette.PRIMARY, radius=7)
    white = palette.PANEL
    c.circle(19, 8, 3.2, white)
    c.polyline([(18, 12.5), (17, 23), (26, 23), (30, 31.5), (33, 30)], white, 3.2)
    c.line((17.5, 17), (25, 17), white, 2.6)
    c.arc(18, 26.5, 8.5, 8.5, 150, 400, white, 2.6, steps=24)
    return c.finish()


@lru_cache(maxsize=32)
def counting_area(public: bool, size: tuple[int, int]) -> pygame.Surface:
    """The TPS seen from the side as it was arranged: open to the watchers, or shut."""
    c = Canvas(size, (160.0, 90.0))
    wall = palette.WALL
    c.rect(0, 84, 160, 6, palette.FLOOR)
    # the room: roof, back wall, the planos on the wall
    c.polygon([(20, 22), (80, 4), (140, 22)], palette.WOOD_DARK)
    c.rect(26, 22, 108, 62, wall)
    for index in range(3):
        c.rect(34 + index * 20, 30, 16, 20, palette.PAPER_WHITE)
        c.rect(34 + index * 20, 30, 16, 20, palette.PANEL_LINE, width=0.8)
        x = 37 + index * 20
        for row in range(4):
            c.line((x, 34 + row * 4), (x + 10, 34 + row * 4), palette.MUTED, 0.6)
    c.rect(42, 62, 44, 5, palette.WOOD)  # the counting table
    c.rect(46, 67, 3, 17, palette.WOOD_DARK)
    c.rect(79, 67, 3, 17, palette.WOOD_DARK)
    _head(c, 56, 56, palette.CLOTHES[8])
    _head(c, 72, 56, palette.CLOTHES[8])
    door_x = 108
    if public:
        # the side stays open; a line on the floor; people outside it watch
        c.rect(door_x, 40, 20, 44, lighter(wall, 0.5))
        for x in range(4, 26, 5):
            c.line((x, 86), (x + 2.5, 86), palette.PRIMARY_DARK, 1.2)
        _head(c, 8, 66, palette.CLOTHES[0])
        _head(c, 18, 68, palette.CLOTHES[2])
        _head(c, 146, 66, palette.CLOTHES[4])
    else:
        c.rect(26, 22, 108, 62, darker(wall, 0.12))  # walls all round: nothing to see inside
        c.rect(door_x, 40, 20, 44, palette.WOOD_DARK)
        c.circle(door_x + 4, 63, 1.4, palette.ACCENT)
        _head(c, 8, 66, palette.CLOTHES[0])
        _head(c, 146, 66, palette.CLOTHES[4])
    c.rect(26, 22, 108, 62, palette.OUTLINE, width=0.8)
    return c.finish()


def _head(c: Canvas, x: float, y: float, shirt: palette.Colour) -> None:
    c.rect(x - 5, y + 4, 10, 14, shirt, radius=3)
    c.circle(x, y, 4, palette.SKIN[1])
