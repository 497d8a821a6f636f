"""Things at the TPS: logistics items, ballot packets, ballot boxes, the room, a finger.

Items are icons for the logistics check (one per :class:`~simulator.schema.scenario.Item`);
``ok=False`` greys an item and marks it with a red cross (missing, short or wrong). Boxes are
the transparent boxes of 2024 with the type's coloured sticker and its short name in words, in
the states the polling day gives them. The backdrop is the TPS seen from the KPPS desk, kept
calm and low in contrast so text and widgets read on top of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Literal

import pygame

from simulator.art import palette
from simulator.art.canvas import Canvas, darker, lighter, mix, pick
from simulator.art.official import OFFICIAL_TEXT
from simulator.art.palette import Colour
from simulator.art.sheet import Sheet
from simulator.schema.types import BallotType

T = OFFICIAL_TEXT
BoxState = Literal["sealed", "open", "locked", "damaged_seal"]
BOX_STATES: Final[tuple[BoxState, ...]] = ("sealed", "open", "locked", "damaged_seal")
_WHITE: Final = (255, 255, 255)


# --- Logistics items -----------------------------------------------------------------------------


def draw_item(item_id: str, size: tuple[int, int], ok: bool = True) -> pygame.Surface:
    """The icon of logistics item ``item_id`` (an :class:`Item` value). ``ok=False``: greyed,
    with a red cross."""
    s = Sheet(size, (100.0, 100.0), ss=3)
    _ITEMS[item_id](s)
    surface = s.finish()
    if not ok:
        surface = _not_ok(surface)
    return surface


def _not_ok(surface: pygame.Surface) -> pygame.Surface:
    grey = pygame.transform.grayscale(surface)
    w, h = surface.get_size()
    side = max(8, min(w, h) // 3)
    c = Canvas((side, side), (20.0, 20.0), ss=4)
    c.circle(10, 10, 9.5, palette.DANGER)
    c.line((6, 6), (14, 14), _WHITE, 2.6)
    c.line((14, 6), (6, 14), _WHITE, 2.6)
    grey.blit(c.finish(), (w - side, 0))
    return grey


def _label(s: Sheet, x: float, y: float, w: float, text: str, size: float = 9) -> None:
    s.text(x + w / 2, y, text, size, w, bold=True, align="center")


def _form(s: Sheet, x: float, y: float, w: float, h: float, title: str) -> None:
    """A sheet of paper with a title band and ruled lines."""
    s.rect(x + 2, y + 2.5, w, h, (0, 0, 0, 40), radius=2)
    s.rect(x, y, w, h, palette.PAPER_WHITE, radius=2)
    s.rect(x, y, w, h, palette.PANEL_LINE, radius=2, width=0.8)
    s.rect(x + 5, y + 5, w - 10, 16, palette.PRIMARY_LIGHT, radius=1.5)
    s.paragraph(x + w / 2, y + 6.5, title, 6.5, w - 12, lines=2, align="center", bold=True)


def _bilik_suara(s: Sheet) -> None:
    wood, panel = palette.WOOD, (246, 246, 244)
    s.rect(12, 66, 76, 7, wood, radius=1.5)
    s.rect(16, 73, 5, 22, palette.WOOD_DARK)
    s.rect(79, 73, 5, 22, palette.WOOD_DARK)
    s.polygon([(22, 14), (78, 14), (78, 66), (22, 66)], mix(panel, palette.BOX_ALUMINIUM, 0.5))
    s.polygon([(10, 22), (22, 14), (22, 66), (10, 66)], panel)
    s.polygon([(90, 22), (78, 14), (78, 66), (90, 66)], panel)
    s.line((10, 22), (10, 66), palette.METAL, 1.4)
    s.line((90, 22), (90, 66), palette.METAL, 1.4)
    s.polyline([(10, 22), (22, 14), (78, 14), (90, 22)], palette.METAL, 1.4)
    s.rect(22, 14, 56, 6, palette.PRIMARY)
    s.rect(46, 56, 12, 7, palette.GLASSES_DARK, radius=1)  # the punching mat
    s.line((52, 56), (60, 44), palette.METAL, 1.2)


def _tinta(s: Sheet) -> None:
    s.rect(30, 30, 40, 60, (0, 0, 0, 40), radius=8)
    s.rect(28, 28, 40, 60, mix(palette.INK_PURPLE, _WHITE, 0.15), radius=8)
    s.rect(32, 32, 8, 50, lighter(palette.INK_PURPLE, 0.35), radius=4)
    s.rect(36, 12, 24, 18, palette.GLASSES_DARK, radius=3)
    s.rect(32, 48, 32, 24, _WHITE, radius=2)
    s.rect(32, 48, 32, 6, palette.INK_PURPLE)
    s.circle(48, 64, 4.5, palette.INK_PURPLE)


def _segel(s: Sheet) -> None:
    for x, y in ((12, 20), (18, 44), (24, 68)):
        s.rect(x + 1.5, y + 2, 64, 18, (0, 0, 0, 36), radius=2)
        s.rect(x, y, 64, 18, _WHITE, radius=2)
        s.rect(x, y, 64, 18, palette.SEAL, radius=2, width=1.2)
        s.rect(x + 3, y + 3, 16, 12, palette.SEAL, radius=1)
        for j in range(3):
            s.line((x + 24, y + 5 + j * 4), (x + 58 - j * 8, y + 5 + j * 4), palette.MUTED, 1.0)


def _gembok(s: Sheet) -> None:
    s.arc(50, 40, 17, 20, 180, 360, palette.METAL, 6.5)
    s.line((33, 40), (33, 48), palette.METAL, 6.5)
    s.line((67, 40), (67, 48), palette.METAL, 6.5)
    s.rect(26, 46, 48, 42, (0, 0, 0, 40), radius=7)
    s.rect(24, 44, 48 + 4, 42, palette.ACCENT, radius=7)
    s.rect(24, 44, 52, 10, lighter(palette.ACCENT, 0.25), radius=7)
    s.circle(50, 62, 5, darker(palette.ACCENT, 0.55))
    s.rect(48, 64, 4, 12, darker(palette.ACCENT, 0.55), radius=1.5)


def _alat_coblos(s: Sheet) -> None:
    s.rect(14, 50, 72, 40, (0, 0, 0, 40), radius=5)
    s.rect(12, 48, 72, 40, (70, 86, 78), radius=5)
    s.rect(16, 52, 64, 32, (84, 102, 92), radius=4)
    s.polyline([(70, 20), (84, 30), (86, 48), (74, 60)], (236, 226, 200), 1.4)  # the string
    s.line((40, 22), (60, 58), palette.METAL, 3.2)
    s.line((37, 17), (43, 27), palette.WOOD_DARK, 7)
    s.polygon([(58.5, 55), (62, 53), (64, 64)], darker(palette.METAL, 0.2))
    s.line((43, 24), (70, 20), (236, 226, 200), 1.4)


def _template_braille(s: Sheet) -> None:
    s.rect(18, 10, 64, 82, (0, 0, 0, 40), radius=4)
    s.rect(16, 8, 64, 82, (54, 58, 66), radius=4)
    for row in range(3):
        y = 18 + row * 24
        s.rect(46, y, 26, 16, (236, 236, 230), radius=2)
        for col in range(3):
            for dot in range(3):
                if (row + col + dot) % 2 == 0 or dot == 1:
                    s.circle(24 + col * 6, y + 3 + dot * 5, 1.4, (220, 220, 214))


def _c_hasil_plano(s: Sheet) -> None:
    s.rect(10, 8, 80, 84, (0, 0, 0, 40), radius=2)
    s.rect(8, 6, 80, 84, palette.PAPER_WHITE, radius=2)
    s.rect(8, 6, 80, 84, palette.PANEL_LINE, radius=2, width=0.8)
    _label(s, 8, 10, 80, T["form.c_hasil"], 10)
    s.rect(78, 6, 6, 84, mix(palette.PRIMARY_LIGHT, (210, 190, 240), 0.5))  # holographic strip
    for row in range(7):
        y = 26 + row * 9
        s.line((14, y), (74, y), palette.PANEL_LINE, 0.8)
        s.rect(58, y + 1.5, 14, 6, palette.PRIMARY_LIGHT)
    s.line((56, 26), (56, 89), palette.PANEL_LINE, 0.8)


def _c_daftar_hadir(s: Sheet) -> None:
    s.rect(20, 10, 60, 84, palette.WOOD, radius=4)
    s.rect(24, 18, 52, 72, palette.PAPER_WHITE, radius=1)
    s.rect(38, 6, 24, 9, palette.METAL, radius=2)
    _label(s, 24, 21, 52, T["form.c_daftar_hadir"], 6.5)
    for row in range(6):
        y = 36 + row * 8.5
        s.rect(28, y, 5, 5, _WHITE)
        s.rect(28, y, 5, 5, palette.MUTED, width=0.6)
        if row < 4:
            s.polyline([(28.6, y + 2.6), (30.3, y + 4.4), (33.8, y - 0.6)], palette.OK, 1.1)
        s.line((37, y + 2.5), (70 - (row % 3) * 6, y + 2.5), palette.MUTED, 0.9)


def _c_kejadian_khusus(s: Sheet) -> None:
    _form(s, 16, 8, 68, 86, T["form.c_kejadian_khusus"])
    s.polygon([(50, 32), (66, 60), (34, 60)], palette.WARNING)
    s.rect(48.6, 40, 2.8, 11, _WHITE, radius=1)
    s.circle(50, 55, 1.7, _WHITE)
    for i in range(3):
        s.line((24, 68 + i * 7), (76 - i * 10, 68 + i * 7), palette.MUTED, 0.9)


def _c_pendamping(s: Sheet) -> None:
    _form(s, 16, 8, 68, 86, T["form.c_pendamping"])
    for cx, tone in ((42, palette.PRIMARY), (58, palette.ACCENT)):
        s.circle(cx, 40, 6, tone)
        s.rect(cx - 9, 48, 18, 14, tone, radius=7)
    s.line((50, 52), (50, 52), _WHITE, 1)
    for i in range(3):
        s.line((24, 70 + i * 7), (76 - i * 10, 70 + i * 7), palette.MUTED, 0.9)


def _sampul(s: Sheet) -> None:
    s.rect(10, 26, 80, 56, (0, 0, 0, 40), radius=3)
    s.rect(8, 24, 80, 56, palette.MANILA, radius=3)
    s.polygon([(8, 26), (48, 54), (88, 26)], darker(palette.MANILA, 0.1))
    s.polyline([(8, 26), (48, 54), (88, 26)], darker(palette.MANILA, 0.25), 0.8)
    s.circle(48, 54, 6, palette.SEAL)
    s.circle(48, 54, 3, lighter(palette.SEAL, 0.3))


def _salinan_dpt(s: Sheet) -> None:
    for i, (x, y) in enumerate(((26, 18), (20, 12), (14, 6))):
        s.rect(x + 1.5, y + 2, 58, 78, (0, 0, 0, 30), radius=2)
        s.rect(x, y, 58, 78, palette.PAPER_WHITE, radius=2)
        s.rect(x, y, 58, 78, palette.PANEL_LINE, radius=2, width=0.8)
        if i == 2:
            _label(s, x, y + 4, 58, T["form.salinan_dpt"], 10)
            for row in range(7):
                yy = y + 20 + row * 7.5
                s.line((x + 5, yy), (x + 53, yy), palette.PANEL_LINE, 0.8)
                s.line((x + 5, yy + 3.5), (x + 30 + (row * 7) % 18, yy + 3.5), palette.MUTED, 1.0)


def _daftar_calon(s: Sheet) -> None:
    s.rect(12, 8, 76, 86, (0, 0, 0, 40), radius=2)
    s.rect(10, 6, 76, 86, palette.PAPER_WHITE, radius=2)
    s.rect(10, 6, 76, 86, palette.PANEL_LINE, radius=2, width=0.8)
    _label(s, 10, 10, 76, T["form.daftar_calon"], 8)
    for i in range(6):
        col, row = i % 3, i // 3
        x, y = 16 + col * 24, 26 + row * 32
        s.rect(x, y, 16, 20, palette.PRIMARY_LIGHT, radius=1)
        skin = palette.SKIN[(i * 2) % len(palette.SKIN)]
        s.circle(x + 8, y + 8, 4.2, skin)
        s.rect(x + 2.5, y + 13, 11, 7, palette.INK, radius=3)
        s.line((x, y + 24), (x + 16, y + 24), palette.MUTED, 1.0)


_ITEMS: Final[dict[str, Callable[[Sheet], None]]] = {
    "bilik_suara": _bilik_suara,
    "tinta": _tinta,
    "segel": _segel,
    "gembok": _gembok,
    "alat_coblos": _alat_coblos,
    "template_braille": _template_braille,
    "c_hasil_plano": _c_hasil_plano,
    "c_daftar_hadir": _c_daftar_hadir,
    "c_kejadian_khusus": _c_kejadian_khusus,
    "c_pendamping": _c_pendamping,
    "sampul": _sampul,
    "salinan_dpt": _salinan_dpt,
    "daftar_calon": _daftar_calon,
}


# --- Ballot packets and boxes --------------------------------------------------------------------


def _type_colour(ballot_type: BallotType | str) -> Colour:
    return palette.BALLOT_COLOURS[BallotType(ballot_type).value]


def draw_ballot_packet(
    ballot_type: BallotType | str, count_label: str, size: tuple[int, int]
) -> pygame.Surface:
    """A bundle of ballots of ``ballot_type`` with its band: the type's name and
    ``count_label`` (text from the caller, e.g. "62 lembar")."""
    kind = BallotType(ballot_type)
    colour = _type_colour(kind)
    s = Sheet(size, (120.0, 90.0), ss=3)
    for i in range(5, -1, -1):
        y = 18 + i * 3.2
        s.rect(8 + i * 0.8, y + 2, 104, 58, (0, 0, 0, 30), radius=2)
        s.rect(8 + i * 0.8, y, 104, 58, lighter(colour, 0.45 if i else 0.3), radius=2)
        s.rect(8 + i * 0.8, y, 104, 58, darker(colour, 0.2), radius=2, width=0.6)
    s.rect(8, 18, 104, 10, colour, radius=2)
    s.rect(30, 14, 60, 68, palette.PAPER_WHITE)
    s.rect(30, 14, 60, 68, palette.PANEL_LINE, width=0.6)
    s.text(60, 19, T["packet.heading"], 7.5, 56, bold=True, align="center")
    s.text(
        60,
        29,
        T[f"box.{kind.value}"],
        8.5,
        56,
        bold=True,
        align="center",
        colour=darker(colour, 0.5),
    )
    s.rect(34, 42, 52, 0.8, palette.PANEL_LINE)
    s.paragraph(60, 48, count_label, 9, 56, lines=2, align="center")
    return s.finish()


def draw_box(
    ballot_type: BallotType | str, size: tuple[int, int], state: BoxState, *, fill: float = 0.0
) -> pygame.Surface:
    """A transparent ballot box of ``ballot_type`` in ``state`` ("sealed", "open", "locked",
    "damaged_seal"). ``fill`` (0 to 1) shows folded ballots inside."""
    if state not in BOX_STATES:
        raise ValueError(f"unknown box state {state!r}; expected one of {BOX_STATES}")
    kind = BallotType(ballot_type)
    colour = _type_colour(kind)
    s = Sheet(size, (110.0, 110.0), ss=3)
    glass = palette.BOX_ALUMINIUM
    front = (14, 40, 70, 58)  # x, y, w, h
    depth = (18, -14)
    fx, fy, fw, fh = front
    dx, dy = depth
    s.ellipse(fx + (fw + dx) / 2 + 2, fy + fh + 1, (fw + dx) / 2 + 4, 5, (0, 0, 0, 34))
    back = [
        (fx + dx, fy + dy),
        (fx + fw + dx, fy + dy),
        (fx + fw + dx, fy + fh + dy),
        (fx + dx, fy + fh + dy),
    ]
    s.polygon(back, mix(glass, _WHITE, 0.35))
    _ballots_inside(s, front, depth, fill, colour)
    side = [
        (fx + fw, fy),
        (fx + fw + dx, fy + dy),
        (fx + fw + dx, fy + fh + dy),
        (fx + fw, fy + fh),
    ]
    s.polygon(side, mix(glass, _WHITE, 0.15))
    s.polygon(side, darker(glass, 0.2), width=0.8)
    s.rect(fx, fy, fw, fh, mix(glass, _WHITE, 0.55))
    _ballots_inside(s, front, depth, fill, mix(colour, glass, 0.35), front_only=True)
    s.rect(fx, fy, fw, fh, darker(glass, 0.25), width=1.2)
    s.line((fx + 8, fy + 6), (fx + 22, fy + 20), _WHITE, 1.4)  # a reflection
    s.line((fx + 14, fy + 4), (fx + 24, fy + 14), _WHITE, 0.9)
    if state == "open":
        _open_lid(s, front, depth)
    else:
        _closed_lid(s, front, depth)
    _sticker(s, fx + 10, fy + 22, fw - 20, 28, kind, colour)
    if state in ("sealed", "locked", "damaged_seal"):
        _seals(s, front, broken=state == "damaged_seal")
    if state == "locked":
        _padlock(s, fx + fw / 2, fy + 6)
    return s.finish()


def _ballots_inside(
    s: Sheet,
    front: tuple[float, float, float, float],
    depth: tuple[float, float],
    fill: float,
    colour: Colour,
    front_only: bool = False,
) -> None:
    fill = max(0.0, min(1.0, fill))
    if fill <= 0:
        return
    fx, fy, fw, fh = front
    height = (fh - 4) * fill
    top = fy + fh - 2 - height
    if front_only:
        s.rect(fx + 2, top, fw - 4, height, colour)
        for i in range(int(height // 5)):
            y = top + 3 + i * 5
            s.line(
                (fx + 4 + (i * 7) % 10, y),
                (fx + fw - 6 - (i * 5) % 12, y),
                darker(colour, 0.15),
                0.6,
            )
        return
    dx, dy = depth
    s.polygon(
        [(fx + 2, top), (fx + dx + 2, top + dy), (fx + fw + dx - 2, top + dy), (fx + fw - 2, top)],
        lighter(colour, 0.2),
    )


def _closed_lid(
    s: Sheet, front: tuple[float, float, float, float], depth: tuple[float, float]
) -> None:
    fx, fy, fw, _ = front
    lid = [
        (fx, fy),
        (fx + depth[0], fy + depth[1]),
        (fx + fw + depth[0], fy + depth[1]),
        (fx + fw, fy),
    ]
    s.polygon(lid, mix(palette.BOX_ALUMINIUM, _WHITE, 0.2))
    s.polygon(lid, darker(palette.BOX_ALUMINIUM, 0.25), width=1.0)
    cx, cy = fx + fw / 2 + depth[0] / 2, fy + depth[1] / 2
    s.polygon(
        [(cx - 16, cy + 1.6), (cx - 13, cy - 1.6), (cx + 16, cy - 1.6), (cx + 13, cy + 1.6)],
        palette.GLASSES_DARK,
    )


def _open_lid(
    s: Sheet, front: tuple[float, float, float, float], depth: tuple[float, float]
) -> None:
    fx, fy, fw, _ = front
    opening = [
        (fx, fy),
        (fx + depth[0], fy + depth[1]),
        (fx + fw + depth[0], fy + depth[1]),
        (fx + fw, fy),
    ]
    s.polygon(opening, darker(palette.BOX_ALUMINIUM, 0.3))
    hinge_y = fy + depth[1]
    lid = [
        (fx + depth[0], hinge_y),
        (fx + fw + depth[0], hinge_y),
        (fx + fw + depth[0] - 6, hinge_y - 26),
        (fx + depth[0] - 6, hinge_y - 26),
    ]
    s.polygon(lid, mix(palette.BOX_ALUMINIUM, _WHITE, 0.3))
    s.polygon(lid, darker(palette.BOX_ALUMINIUM, 0.25), width=1.0)


def _sticker(
    s: Sheet, x: float, y: float, w: float, h: float, kind: BallotType, colour: Colour
) -> None:
    s.rect(x, y, w, h, _WHITE, radius=2)
    s.rect(x, y, w, h * 0.36, colour, radius=2)
    s.rect(x, y, w, h, darker(colour, 0.3), radius=2, width=0.8)
    s.text(x + w / 2, y + 2.2, T["box.heading"], h * 0.2, w - 4, bold=True, align="center")
    s.text(
        x + w / 2, y + h * 0.5, T[f"box.{kind.value}"], h * 0.3, w - 4, bold=True, align="center"
    )


def _seals(s: Sheet, front: tuple[float, float, float, float], broken: bool) -> None:
    fx, fy, fw, _ = front
    for i, x in enumerate((fx + 8, fx + fw - 16)):
        if broken and i == 1:
            s.rect(x, fy - 5, 8, 4.5, palette.SEAL)
            s.polygon(
                [
                    (x, fy - 0.5),
                    (x + 8, fy - 0.5),
                    (x + 6, fy + 1.2),
                    (x + 3.5, fy - 0.2),
                    (x + 1.5, fy + 1.4),
                ],
                palette.SEAL,
            )
            s.rect(x + 1, fy + 4.5, 8, 6, palette.SEAL)
            s.polygon(
                [
                    (x + 1, fy + 4.5),
                    (x + 3, fy + 2.6),
                    (x + 5, fy + 4),
                    (x + 7, fy + 2.4),
                    (x + 9, fy + 4.5),
                ],
                palette.SEAL,
            )
            s.circle(x + 14, fy - 3, 4.2, palette.WARNING)
            s.rect(x + 13.4, fy - 5.6, 1.2, 3.4, _WHITE)
            s.circle(x + 14, fy - 1.2, 0.6, _WHITE)
        else:
            s.rect(x, fy - 5, 8, 15, palette.SEAL)
            s.rect(x + 1.5, fy - 2.5, 5, 2, lighter(palette.SEAL, 0.5))


def _padlock(s: Sheet, cx: float, cy: float) -> None:
    s.arc(cx, cy + 1, 3.6, 4.5, 180, 360, palette.METAL, 1.6)
    s.rect(cx - 5, cy + 1, 10, 8.5, palette.ACCENT, radius=1.8)
    s.circle(cx, cy + 5, 1.2, darker(palette.ACCENT, 0.5))


# --- The room ------------------------------------------------------------------------------------


def _soft(colour: Colour) -> Colour:
    """``colour`` washed toward the wall: the room stays calm behind text and widgets."""
    return mix(colour, palette.WALL, 0.45)


def draw_tps_backdrop(size: tuple[int, int]) -> pygame.Surface:
    """The TPS seen from the KPPS desk: a tent over a hall wall, booths along the back, the
    floor and the edge of the desk at the bottom. Calm and low in contrast, filling ``size``."""
    w, h = max(1, size[0]), max(1, size[1])
    dw = 90.0 * w / h
    c = Canvas((w, h), (dw, 90.0), ss=2, background=palette.WALL)
    c.rect(0, 54, dw, 36, _soft(palette.FLOOR))
    for i in range(-12, 13):
        x = dw / 2 + i * dw / 16
        c.line((dw / 2 + i * dw / 40, 54), (x, 90), _soft(darker(palette.FLOOR, 0.06)), 0.25)
    for y in (60, 67.5, 77):
        c.line((0, y), (dw, y), _soft(darker(palette.FLOOR, 0.05)), 0.25)
    c.rect(0, 52.5, dw, 2, _soft(darker(palette.WALL, 0.12)))
    c.rect(dw * 0.3, 14, dw * 0.4, 9, _soft(lighter(palette.PRIMARY_LIGHT, 0.2)), radius=1)
    booths = max(1, min(4, int((dw - 34) // 24)))
    for i in range(booths):
        _backdrop_booth(c, 12 + i * 22, 34)
    left = max(12 + booths * 22 - 4, dw - 28)
    if left + 22 <= dw:  # the table of ballot boxes, where there is room for it
        _backdrop_boxes(c, left)
    _tent(c, dw)
    c.rect(0, 80, dw, 10, mix(palette.WOOD, palette.WALL, 0.25))
    c.rect(0, 80, dw, 1.4, mix(palette.WOOD_DARK, palette.WALL, 0.25))
    return c.finish()


def _backdrop_boxes(c: Canvas, left: float) -> None:
    c.rect(left, 50, 20, 2, _soft(palette.WOOD))
    c.line((left + 2, 51.5), (left + 2, 56), _soft(palette.WOOD_DARK), 0.8)
    c.line((left + 18, 51.5), (left + 18, 56), _soft(palette.WOOD_DARK), 0.8)
    for i, kind in enumerate((BallotType.PPWP, BallotType.DPR, BallotType.DPD)):
        x = left + 1.5 + i * 6
        c.rect(x, 44, 5, 6, _soft(palette.BOX_ALUMINIUM))
        c.rect(x + 0.8, 46, 3.4, 2, _soft(palette.BALLOT_COLOURS[kind.value]))


def _backdrop_booth(c: Canvas, x: float, y: float) -> None:
    c.rect(x - 7, y + 10, 14, 1.6, _soft(palette.WOOD))
    c.line((x - 6, y + 11.5), (x - 6, y + 20), _soft(palette.WOOD_DARK), 0.8)
    c.line((x + 6, y + 11.5), (x + 6, y + 20), _soft(palette.WOOD_DARK), 0.8)
    c.rect(x - 5, y, 10, 10, _soft((246, 246, 244)))
    c.rect(x - 5, y, 10, 1.6, _soft(palette.PRIMARY))


def _tent(c: Canvas, dw: float) -> None:
    c.rect(0, 0, dw, 8, _soft(palette.TENT))
    stripe = _soft(palette.TENT_STRIPE)
    scallop = dw / max(8, round(dw / 7))
    x = 0.0
    while x < dw:
        c.ellipse(x + scallop / 2, 8, scallop / 2, 2.6, stripe)
        x += scallop
    c.rect(0, 0, dw, 8, stripe)
    for x in (3.0, dw - 3.0):
        c.line((x, 8), (x, 80), _soft(palette.METAL), 1.1)


# --- A finger ------------------------------------------------------------------------------------


def draw_finger(inked: bool, size: tuple[int, int], *, seed: str = "") -> pygame.Surface:
    """A hand held up to be checked, back of the hand toward the desk; with ``inked`` the
    little finger carries the purple election ink to its first joint. ``seed`` picks the
    skin tone."""
    skin = pick(palette.SKIN, seed, "finger") if seed else palette.SKIN[1]
    shade = darker(skin, 0.14)
    c = Canvas(size, (100.0, 124.0), ss=3, anchor="bottom")
    c.rect(30, 98, 42, 24, mix(palette.CLOTHES[0], _WHITE, 0.1), radius=4)  # the sleeve
    c.polyline([(30, 92), (18, 78), (13, 66)], shade, 13.5)  # the thumb
    c.polyline([(30, 92), (18, 78), (13, 66)], skin, 12)
    c.rect(10.5, 60, 5.5, 7, mix(skin, _WHITE, 0.4), radius=2.5)
    fingers = ((33, 60, 40), (46, 57, 47), (59, 59, 43), (71, 64, 32))  # index .. little
    for i, (x, base, length) in enumerate(fingers):
        top = base - length
        width = 12.5 if i < 3 else 11
        c.line((x, base), (x, top), shade, width + 1.5)
        c.line((x, base), (x, top), skin, width)
        inked_here = inked and i == 3
        if inked_here:  # the ink reaches the first joint
            c.line((x, top + 9), (x, top), palette.INK_PURPLE, width + 0.6)
        nail = darker(palette.INK_PURPLE, 0.25) if inked_here else mix(skin, _WHITE, 0.4)
        c.rect(x - width * 0.3, top - 4, width * 0.6, 8, nail, radius=3)
        c.arc(x, top + length * 0.42, 3.2, 1.2, 200, 340, shade, 0.8)  # the middle joint
    c.rect(24, 54, 56, 48, skin, radius=14)
    c.rect(30, 98, 42, 3, darker(palette.CLOTHES[0], 0.2))
    return c.finish()
