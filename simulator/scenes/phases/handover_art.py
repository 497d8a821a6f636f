"""Pictures of the handover table: the phone that photographs a C.Hasil for Sirekap, the
envelopes waiting to go into a box, and the PPS receipt.

Drawn from plain values (a colour, done or not); nothing here reads the engine or judges.
Each picture is drawn once per look and shared (a stage laid out again at every build shows
the same ones): it is only ever blitted.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from simulator.art import palette
from simulator.art.canvas import Canvas, darker


@lru_cache(maxsize=64)
def sirekap_phone(colour: palette.Colour, uploaded: bool, size: tuple[int, int]) -> pygame.Surface:
    """A phone showing the photographed C.Hasil plano (the type's colour on its header):
    a camera frame while it waits, a tick in a circle once it has been sent."""
    c = Canvas(size, (50.0, 92.0))
    c.rect(1, 1, 48, 90, palette.PHONE_BODY, radius=8)
    c.rect(4, 8, 42, 74, palette.PHONE_SCREEN, radius=2)
    c.rect(19, 3.6, 12, 1.8, darker(palette.PHONE_BODY, 0.3), radius=1)  # the speaker
    c.circle(25, 86.5, 2.4, darker(palette.PHONE_BODY, 0.4))
    # the form on screen: a header in the type's colour, then the tally rows
    c.rect(9, 14, 32, 50, palette.PAPER_WHITE)
    c.rect(9, 14, 32, 50, palette.PANEL_LINE, width=0.6)
    c.rect(9, 14, 32, 7, colour)
    for row in range(7):
        y = 25 + row * 5.2
        c.line((11.5, y), (26, y), palette.MUTED, 0.7)
        c.line((30, y), (38.5, y), palette.INK, 0.9)
    if uploaded:
        c.circle(25, 71.5, 7, palette.OK)
        c.polyline([(21.2, 71.6), (24, 74.6), (29.2, 68.6)], palette.PANEL, 1.8)
    else:
        corner = 4.0
        for x, y, dx, dy in ((7, 11, 1, 1), (43, 11, 1 * -1, 1), (7, 67, 1, -1), (43, 67, -1, -1)):
            c.polyline([(x, y + dy * corner), (x, y), (x + dx * corner, y)], palette.PRIMARY, 1.1)
        c.circle(25, 74.5, 4.2, palette.PANEL_LINE)
        c.circle(25, 74.5, 3.2, palette.PANEL)
    return c.finish()


@lru_cache(maxsize=64)
def envelopes(colour: palette.Colour, size: tuple[int, int]) -> pygame.Surface:
    """Two sealed document envelopes (*sampul*) with the type's colour stripe, lying ready."""
    c = Canvas(size, (60.0, 40.0))
    for index, (dx, dy) in enumerate(((0.0, 10.0), (8.0, 0.0))):
        with c.shifted(dx, dy):
            c.rect(1.5, 1.5, 50, 28, (0, 0, 0, 40), radius=2)
            c.rect(0, 0, 50, 28, palette.MANILA, radius=2)
            c.polygon([(0, 0), (25, 14), (50, 0)], darker(palette.MANILA, 0.08))
            c.polyline([(0, 0), (25, 14), (50, 0)], darker(palette.MANILA, 0.25), 0.8)
            c.rect(0, 22, 50, 3, colour)
            if index == 1:
                c.circle(25, 14, 3, palette.SEAL)
    return c.finish()


@lru_cache(maxsize=64)
def receipt(size: tuple[int, int]) -> pygame.Surface:
    """The signed PPS receipt (*tanda terima*) with its round stamp."""
    c = Canvas(size, (70.0, 90.0))
    c.rect(3, 3, 62, 84, (0, 0, 0, 40), radius=2)
    c.rect(0, 0, 62, 84, palette.PAPER_WHITE, radius=2)
    c.rect(0, 0, 62, 84, palette.PANEL_LINE, radius=2, width=0.8)
    c.rect(8, 8, 46, 5, palette.INK)
    for row in range(6):
        y = 22 + row * 7
        c.line((8, y), (54 if row % 2 else 44, y), palette.MUTED, 0.9)
    c.polyline([(10, 72), (16, 66), (20, 73), (27, 66), (31, 71)], palette.PEN_BLUE, 1.2)
    c.circle(46, 68, 10, palette.STAMP, width=1.6)
    c.circle(46, 68, 6.5, palette.STAMP, width=0.9)
    return c.finish()
