"""People at the TPS: voters, witnesses, KPPS officers, and portraits for IDs and ballots.

A person is drawn from a :class:`Look`: skin, hair, clothes and what they carry. Variety comes
from the stable hash of an id (the voter's ``id``, a witness's name), never from a random
source, so the same voter looks the same on every screen and in every run. What the scenario
says about a voter shows: age (grey hair, a slight stoop), sex, disability (a wheelchair, dark
glasses and a white cane, a crutch, a hearing aid), pregnancy, a phone in hand, and ink on the
little finger of the raised hand when they arrive already inked.

Figures are drawn in a 100 × 140 design box (head and upper body) and fitted into the
requested size, feet-side down.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final, Literal

import pygame

from simulator.art import palette
from simulator.art.canvas import (
    Canvas,
    chance,
    darker,
    hex_colour,
    lighter,
    luminance,
    mix,
    pick,
)
from simulator.art.fonts import fit_text
from simulator.art.palette import Colour
from simulator.core.domain import ELDERLY_AGE
from simulator.schema.scenario import Voter
from simulator.schema.types import Disability, Sex

DESIGN: Final = (100.0, 140.0)
HEAD_ZOOM: Final = 1.14  # a slightly large head reads friendlier
HairStyle = Literal["short", "side", "crop", "receding", "long", "bob", "bun"]
Carry = Literal["none", "cane", "crutch", "phone", "clipboard", "belly"]
_MEN_HAIR: Final[tuple[HairStyle, ...]] = ("short", "side", "crop")
_WOMEN_HAIR: Final[tuple[HairStyle, ...]] = ("long", "bob", "bun")
_WITNESS_COLOURS: Final = ("#2b7bb9", "#d9822b", "#3f8f3a", "#8a5a9e", "#b23a48", "#1f6f8b")


@dataclass(frozen=True, slots=True)
class Look:
    """Everything that decides how one person is drawn."""

    sex: Sex
    skin: Colour
    hair: Colour
    hair_style: HairStyle
    shirt: Colour
    pattern: Literal["plain", "batik", "stripes"] = "plain"
    long_sleeves: bool = False
    headscarf: Colour | None = None
    peci: bool = False
    moustache: bool = False
    glasses: bool = False
    dark_glasses: bool = False
    hearing_aid: bool = False
    elderly: bool = False
    wheelchair: bool = False
    pregnant: bool = False
    carry: Carry = "none"
    raised_hand: bool = True
    inked: bool = False
    lanyard: bool = False
    badge: int | None = None  # a participant's number on the chest
    jacket: Colour | None = None  # formal portraits


# --- Looks ---------------------------------------------------------------------------------------


def base_look(seed: str, sex: Sex, age: int = 35) -> Look:
    """A person's face, hair and everyday clothes, from ``seed`` alone."""
    elderly = age >= ELDERLY_AGE
    men = sex is Sex.L
    hair = (
        palette.HAIR[2 + pick((0, 1), seed, "grey")]
        if elderly
        else pick(palette.HAIR[:2], seed, "hair")
    )
    style: HairStyle = pick(_MEN_HAIR if men else _WOMEN_HAIR, seed, "style")
    if not men and elderly:
        style = "bun"
    if men and elderly and chance(50, seed, "receding"):
        style = "receding"
    headscarf = None
    if not men and chance(45, seed, "headscarf"):
        headscarf = pick(palette.HEADSCARF, seed, "scarf")
    return Look(
        sex=sex,
        skin=pick(palette.SKIN, seed, "skin"),
        hair=hair,
        hair_style=style,
        shirt=pick(palette.CLOTHES, seed, "shirt"),
        pattern=pick(("plain", "plain", "batik", "stripes"), seed, "pattern"),
        long_sleeves=chance(40, seed, "sleeves"),
        headscarf=headscarf,
        peci=men and chance(30 if elderly else 12, seed, "peci"),
        moustache=men and chance(25, seed, "moustache"),
        glasses=chance(60 if elderly else 12, seed, "glasses"),
        elderly=elderly,
    )


def voter_look(voter: Voter) -> Look:
    """How ``voter`` looks at the desk: their base look plus what the scenario says of them."""
    look = base_look(voter.id, voter.sex, voter.age)
    disability = voter.disability
    carry: Carry = "none"
    if voter.phone:
        carry = "phone"
    if voter.pregnant:
        carry = "belly"
    if disability is Disability.TUNANETRA:
        carry = "cane"
    elif disability is Disability.TUNADAKSA:
        carry = "crutch"
    # Mental and other disabilities are not visible, and are not drawn as if they were.
    return replace(
        look,
        dark_glasses=disability is Disability.TUNANETRA,
        glasses=look.glasses and disability is not Disability.TUNANETRA,
        hearing_aid=disability is Disability.TUNARUNGU,
        wheelchair=disability is Disability.KURSI_RODA,
        pregnant=voter.pregnant,
        carry=carry,
        inked=voter.inked,
    )


def candidate_look(seed: str, sex: Sex | None) -> Look:
    """A candidate's formal portrait. ``sex`` None (pair ballots name no sex): a neutral look."""
    look = base_look(seed, sex or Sex.L)
    if sex is None:
        look = replace(look, hair_style=pick(("short", "side", "bob"), seed, "neutral"))
        look = replace(look, moustache=False, peci=False)
    jacket = pick(((40, 48, 66), (52, 52, 56), (70, 60, 52), (36, 70, 96)), seed, "jacket")
    return replace(look, shirt=(245, 245, 242), pattern="plain", jacket=jacket, glasses=False)


# --- Public drawings -----------------------------------------------------------------------------


def draw_voter(voter: Voter, size: tuple[int, int]) -> pygame.Surface:
    """``voter`` standing (or seated in a wheelchair) at the desk, head and upper body."""
    return draw_person(voter_look(voter), size)


def draw_witness(
    name_seed: str,
    size: tuple[int, int],
    attributes: bool,
    *,
    colour: str | None = None,
    number: int | None = None,
) -> pygame.Surface:
    """A saksi. With ``attributes`` they wear a participant's colour and number badge
    (``colour`` as ``#rrggbb`` and ``number``, or ones derived from ``name_seed``); without,
    everyday clothes and a clipboard."""
    sex = pick((Sex.L, Sex.L, Sex.P), name_seed, "sex")
    look = replace(base_look(name_seed, sex), carry="clipboard", raised_hand=False)
    if attributes:
        shirt = hex_colour(colour or pick(_WITNESS_COLOURS, name_seed, "party"))
        badge = number if number is not None else 1 + (len(name_seed) % 5)
        look = replace(look, shirt=shirt, pattern="plain", badge=badge)
    return draw_person(look, size)


def draw_officer(size: tuple[int, int], seed: str = "kpps") -> pygame.Surface:
    """A KPPS crew member: white shirt and an ID card on a lanyard. ``seed`` varies the face."""
    sex = pick((Sex.L, Sex.P), seed, "sex")
    look = base_look(seed, sex)
    look = replace(
        look,
        shirt=(246, 246, 244),
        pattern="plain",
        long_sleeves=True,
        lanyard=True,
        raised_hand=False,
    )
    return draw_person(look, size)


def draw_portrait(
    look: Look, size: tuple[int, int], background: Colour | None = None
) -> pygame.Surface:
    """Head and shoulders of ``look``, as on an ID photo or a ballot, nothing carried."""
    plain = replace(
        look, carry="none", raised_hand=False, wheelchair=False, pregnant=False, inked=False
    )
    canvas = Canvas(size, (52.0, 60.0), origin=(24.0, 22.0), background=background)
    _figure(canvas, plain)
    return canvas.finish()


def draw_voter_portrait(
    voter: Voter, size: tuple[int, int], background: Colour | None = None
) -> pygame.Surface:
    """The photo on ``voter``'s ID: their face, formally dressed, no dark glasses."""
    look = replace(voter_look(voter), dark_glasses=False, hearing_aid=False)
    return draw_portrait(look, size, background)


def draw_person(look: Look, size: tuple[int, int]) -> pygame.Surface:
    """A full figure (head and upper body) of ``look`` on a transparent surface."""
    canvas = Canvas(size, DESIGN, anchor="bottom")
    _figure(canvas, look)
    surface = canvas.finish()
    if look.badge is not None:
        _badge_number(surface, canvas, look)
    return surface


# --- The figure ----------------------------------------------------------------------------------


def _figure(c: Canvas, look: Look) -> None:
    drop = 16.0 if look.wheelchair else 0.0
    if look.wheelchair:
        _wheelchair_back(c)
    with c.shifted(0, drop):
        with c.zoomed(HEAD_ZOOM, 50, 68):
            _back_hair(c, look)
        _arms_behind(c, look)
        _torso(c, look)
        with c.zoomed(HEAD_ZOOM, 50, 68):
            _head(c, look)
        _arms_front(c, look)
    if look.wheelchair:
        _wheelchair_front(c, look)


def _head_drop(look: Look) -> float:
    return 3.0 if look.elderly else 0.0  # a slight stoop: the head sits lower on the shoulders


def _torso(c: Canvas, look: Look) -> None:
    shirt = look.shirt
    if luminance(shirt) > 0.85:  # a white shirt needs an edge to stand off a light wall
        c.rect(19.4, 74.4, 61.2, 84, darker(shirt, 0.16), radius=17.5)
    c.rect(20, 75, 60, 83, shirt, radius=17)
    if look.pregnant:
        c.ellipse(50, 134, 31, 16, shirt)
        c.arc(50, 126, 20, 10, 200, 340, darker(shirt, 0.12), 1.0)
    _pattern(c, look)
    if look.jacket is not None:
        _jacket(c, look.jacket)
    elif look.headscarf is None:
        _collar(c, look)
    if look.lanyard:
        _lanyard(c)
    if look.badge is not None:
        c.circle(62, 100, 7.5, (255, 255, 255))
        c.circle(62, 100, 7.5, darker(shirt, 0.3), width=1.0)


def _pattern(c: Canvas, look: Look) -> None:
    tone = darker(look.shirt, 0.1) if luminance(look.shirt) > 0.8 else lighter(look.shirt, 0.3)
    if look.pattern == "batik":
        for row in range(5):
            for col in range(5):
                x = 27 + col * 11.5 + (5.7 if row % 2 else 0)
                y = 92 + row * 10
                if x > 76:
                    continue
                c.polygon([(x, y - 3), (x + 3, y), (x, y + 3), (x - 3, y)], tone)
                c.circle(x, y, 0.9, darker(look.shirt, 0.15))
    elif look.pattern == "stripes":
        for i in range(6):
            x = 27 + i * 9.5
            c.rect(x, 86 + (4 if i in (0, 5) else 0), 3, 60, tone)


def _collar(c: Canvas, look: Look) -> None:
    y = 75
    if look.sex is Sex.L or look.pattern == "stripes":
        white = lighter(look.shirt, 0.55)
        c.polygon([(41, y - 1), (50, y + 9), (45, y + 12), (38, y + 3)], white)
        c.polygon([(59, y - 1), (50, y + 9), (55, y + 12), (62, y + 3)], white)
        c.line((50, y + 10), (50, 140), darker(look.shirt, 0.15), 0.8)
        for by in (100, 114, 128):
            c.circle(50, by, 1.1, darker(look.shirt, 0.2))
    else:
        c.ellipse(50, y + 1, 9, 6, darker(look.skin, 0.06))


def _jacket(c: Canvas, jacket: Colour) -> None:
    c.rect(20, 75, 60, 83, jacket, radius=17)
    c.polygon([(38, 75), (62, 75), (50, 110)], (250, 250, 250))
    c.polygon([(41, 74), (50, 84), (59, 74), (55, 72), (50, 79), (45, 72)], (250, 250, 250))
    c.line((38, 76), (48, 108), darker(jacket, 0.3), 0.9)
    c.line((62, 76), (52, 108), darker(jacket, 0.3), 0.9)


def _lanyard(c: Canvas) -> None:
    strap = palette.PRIMARY
    c.polyline([(42, 76), (46, 98), (50, 104)], strap, 2.2)
    c.polyline([(58, 76), (54, 98), (50, 104)], strap, 2.2)
    c.rect(42, 103, 16, 20, (255, 255, 255), radius=2)
    c.rect(42, 103, 16, 20, darker(palette.PANEL_LINE, 0.2), radius=2, width=0.6)
    c.rect(42, 103, 16, 5, palette.PRIMARY, radius=2)
    c.rect(44.5, 110, 5.5, 7, palette.PRIMARY_LIGHT)
    c.line((52, 111), (56, 111), palette.MUTED, 0.8)
    c.line((52, 114.5), (56, 114.5), palette.MUTED, 0.8)


# --- Head ----------------------------------------------------------------------------------------


def _head(c: Canvas, look: Look) -> None:
    with c.shifted(0, _head_drop(look)):
        skin = look.skin
        c.rect(44.5, 56, 11, 23 - _head_drop(look), darker(skin, 0.1))
        if look.headscarf is not None:
            _headscarf(c, look)
        else:
            c.ellipse(35, 47, 2.8, 4.2, skin)
            c.ellipse(65, 47, 2.8, 4.2, skin)
            c.ellipse(50, 46, 15, 18, skin)
            _front_hair(c, look)
        if look.hearing_aid and look.headscarf is None:
            c.arc(66.4, 45.5, 2.6, 4.8, -80, 110, (120, 150, 190), 2.2)
        _face(c, look)
        if look.peci:
            c.polygon(_peci_points(), palette.PECI)


def _peci_points() -> list[tuple[float, float]]:
    return [(35.5, 35), (37, 26.5), (43, 24), (57, 24), (63, 26.5), (64.5, 35), (50, 33.5)]


def _headscarf(c: Canvas, look: Look) -> None:
    scarf = look.headscarf
    assert scarf is not None
    c.circle(50, 44, 19.5, scarf)
    c.polygon([(31, 48), (69, 48), (73, 84), (62, 92), (38, 92), (27, 84)], scarf)
    c.ellipse(50, 48.5, 12.5, 15, look.skin)
    c.arc(50, 61, 14, 7, 20, 160, darker(scarf, 0.15), 1.0)
    c.arc(50, 47, 14.5, 17.5, 200, 340, darker(scarf, 0.1), 0.8)


def _back_hair(c: Canvas, look: Look) -> None:
    if look.headscarf is not None:
        return
    hair, y = look.hair, _head_drop(look)
    if look.hair_style == "long":
        c.ellipse(50, 46 + y, 19, 21, hair)
        c.rect(31, 46 + y, 38, 36, hair, radius=9)
    elif look.hair_style == "bob":
        c.ellipse(50, 45 + y, 19, 20, hair)
        c.rect(31, 44 + y, 38, 21, hair, radius=7)
    elif look.hair_style == "bun":
        c.circle(50, 25 + y, 7.5, hair)


def _front_hair(c: Canvas, look: Look) -> None:
    hair = look.hair
    style = look.hair_style
    top = [(50 + 16 * _cos(a), 46 + 19.5 * _sin(a)) for a in range(185, 356, 10)]
    if style == "receding":
        c.polygon([(34, 50), (33, 38), (38, 34), (39, 46)], hair)
        c.polygon([(66, 50), (67, 38), (62, 34), (61, 46)], hair)
        return
    fringes: dict[str, list[tuple[float, float]]] = {
        "short": [(66, 44), (61, 36), (52, 34.5), (42, 36), (34, 44)],
        "side": [(66, 46), (62, 37), (46, 33.5), (40, 38), (34, 46)],
        "crop": [(65.5, 41), (58, 33), (42, 33), (34.5, 41)],
        "long": [(66, 56), (63, 40), (51, 31), (49, 31), (37, 40), (34, 56)],
        "bob": [(66, 54), (64, 39), (50, 34), (36, 39), (34, 54)],
        "bun": [(66, 46), (61, 36), (51, 31.5), (49, 31.5), (39, 36), (34, 46)],
    }
    c.polygon([*top, *fringes[style]], hair)


def _face(c: Canvas, look: Look) -> None:
    skin = look.skin
    feature = palette.OUTLINE
    brow = look.hair if look.headscarf is None else darker(skin, 0.5)
    for x in (44.0, 56.0):
        c.circle(x, 47.5, 1.7, feature)
        c.circle(x + 0.6, 46.9, 0.5, (255, 255, 255))
        c.arc(x, 44.2, 3.2, 1.4, 200, 340, darker(brow, 0.1), 1.0)
    c.arc(50, 50.5, 1.6, 1.2, 20, 160, darker(skin, 0.25), 0.9)
    blush = mix(skin, palette.BLUSH, 0.35)
    c.ellipse(41, 53.5, 2.6, 1.5, blush)
    c.ellipse(59, 53.5, 2.6, 1.5, blush)
    if look.moustache:
        c.polygon(
            [(45.5, 54.5), (50, 53), (54.5, 54.5), (53, 55.6), (50, 54.8), (47, 55.6)], look.hair
        )
    c.arc(50, 54.5, 4.3, 2.8, 20, 160, darker(palette.LIP, 0.2), 1.2)
    if look.elderly:
        line = darker(skin, 0.18)
        c.arc(38.5, 48, 1.8, 2.0, 120, 240, line, 0.6)
        c.arc(61.5, 48, 1.8, 2.0, -60, 60, line, 0.6)
        c.arc(50, 55, 8, 4.5, 40, 70, line, 0.6)
        c.arc(50, 55, 8, 4.5, 110, 140, line, 0.6)
    if look.dark_glasses:
        c.rect(39.5, 44.6, 9, 6, palette.GLASSES_DARK, radius=2)
        c.rect(51.5, 44.6, 9, 6, palette.GLASSES_DARK, radius=2)
        c.line((48.5, 46.5), (51.5, 46.5), palette.GLASSES_DARK, 1.0)
        c.line((39.5, 46.5), (35.5, 45.5), palette.GLASSES_DARK, 0.8)
        c.line((60.5, 46.5), (64.5, 45.5), palette.GLASSES_DARK, 0.8)
    elif look.glasses:
        frame = (70, 62, 60)
        c.circle(44, 47.5, 3.8, frame, width=0.7)
        c.circle(56, 47.5, 3.8, frame, width=0.7)
        c.line((47.8, 47), (52.2, 47), frame, 0.7)


# --- Arms and hands ------------------------------------------------------------------------------


def _sleeve(look: Look) -> Colour:
    return darker(look.shirt, 0.06) if look.jacket is None else darker(look.jacket, 0.06)


def _forearm(look: Look) -> Colour:
    return _sleeve(look) if look.long_sleeves or look.jacket else look.skin


def _arms_behind(c: Canvas, look: Look) -> None:
    sleeve = _sleeve(look)
    edge = darker(sleeve, 0.16) if luminance(sleeve) > 0.85 else sleeve
    if look.carry == "none" and not look.wheelchair:  # otherwise the left hand holds something
        c.rect(12.9, 87.4, 14.2, 63, edge, radius=7)
        c.rect(13.5, 88, 13, 62, sleeve, radius=6.5)
    if not look.raised_hand:
        c.rect(72.9, 87.4, 14.2, 63, edge, radius=7)
        c.rect(73.5, 88, 13, 62, sleeve, radius=6.5)


def _arms_front(c: Canvas, look: Look) -> None:
    if look.raised_hand:
        _raised_arm(c, look)
    carry = look.carry
    if carry == "cane":
        _cane(c, look)
    elif carry == "crutch":
        _crutch(c, look)
    elif carry == "phone":
        _phone_hand(c, look)
    elif carry == "clipboard":
        _clipboard(c, look)
    elif carry == "belly":
        _belly_hand(c, look)
    elif look.wheelchair:
        _bent_left_arm(c, look, (22, 128))


def _raised_arm(c: Canvas, look: Look) -> None:
    c.line((76, 90), (87, 118), _sleeve(look), 12)
    if not (look.long_sleeves or look.jacket):
        c.line((87, 118), (87.5, 111), _sleeve(look), 10)
    c.line((87, 118), (88.5, 99), _forearm(look), 8.5)
    if look.long_sleeves or look.jacket:
        c.line((88.3, 101.5), (88.5, 99.5), darker(look.skin, 0.05), 7.5)
    _open_hand(c, 88.5, 91, look.skin, look.inked)


def _open_hand(c: Canvas, x: float, y: float, skin: Colour, inked: bool) -> None:
    """A left hand raised palm forward: thumb toward the body, little finger outward."""
    shade = darker(skin, 0.14)
    c.line((x - 4.8, y + 3.5), (x - 9.6, y - 1.8), shade, 3.4)  # thumb
    c.line((x - 4.8, y + 3.5), (x - 9.6, y - 1.8), skin, 2.7)
    fingers = ((-4.0, 6.6), (-1.35, 7.9), (1.35, 7.3), (4.0, 5.8))  # index .. little
    for i, (fx, length) in enumerate(fingers):
        top = (x + fx, y - 3 - length)
        c.line((x + fx, y - 1), top, shade, 2.75)
        c.line((x + fx, y - 1), top, skin, 2.2)
        if i == 3 and inked:
            c.line((x + fx, top[1] + 2.2), top, palette.INK_PURPLE, 2.75)
    c.rect(x - 5.6, y - 4, 11.2, 10.5, skin, radius=3.8)
    c.arc(x, y + 1.5, 3, 2, 200, 340, shade, 0.6)


def _fist(c: Canvas, x: float, y: float, skin: Colour) -> None:
    c.rect(x - 4.2, y - 3.8, 8.4, 7.6, skin, radius=3.2)
    c.line((x - 3.5, y - 1), (x + 3.5, y - 1), darker(skin, 0.15), 0.5)


def _bent_left_arm(
    c: Canvas, look: Look, hand: tuple[float, float], held: Callable[[], None] | None = None
) -> None:
    """The person's right arm bent at the elbow; ``held`` draws what the fist closes on."""
    elbow = (16.0, 116.0)
    c.line((24, 90), elbow, _sleeve(look), 12)
    c.line(elbow, hand, _forearm(look), 8.5)
    if held is not None:
        held()
    _fist(c, hand[0], hand[1], look.skin)


def _cane(c: Canvas, look: Look) -> None:
    top, bottom = (22.0, 98.0), (5.0, 150.0)

    def cane() -> None:
        c.line(top, bottom, darker(palette.CANE_WHITE, 0.5), 3.4)
        c.line(top, bottom, palette.CANE_WHITE, 2.5)
        c.line((9.6, 136), (7.6, 142), palette.CANE_RED, 2.7)

    _bent_left_arm(c, look, (20, 106), cane)


def _crutch(c: Canvas, look: Look) -> None:
    metal = palette.METAL
    c.line((12, 96), (9, 160), metal, 2.4)
    c.arc(14, 100, 5, 4, 100, 260, darker(metal, 0.2), 1.6)
    c.line((9.5, 118), (22, 118), darker(metal, 0.25), 2.2)
    _bent_left_arm(c, look, (20, 118))


def _phone_hand(c: Canvas, look: Look) -> None:
    c.rect(19, 104, 9, 15, palette.PHONE_BODY, radius=1.8)
    c.rect(20.2, 105.6, 6.6, 11.5, (120, 170, 220), radius=1)
    _bent_left_arm(c, look, (23, 118))


def _belly_hand(c: Canvas, look: Look) -> None:
    elbow = (18.0, 118.0)
    c.line((24, 90), elbow, _sleeve(look), 12)
    c.line(elbow, (36, 128), _forearm(look), 8.5)
    c.rect(33, 123.5, 11, 8, look.skin, radius=3.5)


def _clipboard(c: Canvas, look: Look) -> None:
    c.line((24, 90), (18, 118), _sleeve(look), 12)
    c.line((18, 118), (32, 122), _forearm(look), 8.5)
    c.rect(27, 100, 22, 30, palette.WOOD, radius=2)
    c.rect(29.5, 104, 17, 24, (252, 252, 250), radius=1)
    c.rect(34, 98.5, 8, 4, palette.METAL, radius=1)
    for i in range(4):
        c.line((31.5, 109 + i * 4.5), (44.5 - (i % 2) * 4, 109 + i * 4.5), palette.MUTED, 0.7)
    _fist(c, 30, 122, look.skin)


# --- Wheelchair ----------------------------------------------------------------------------------


def _wheelchair_back(c: Canvas) -> None:
    frame = palette.WHEELCHAIR
    c.line((18, 88), (18, 140), frame, 3)
    c.line((82, 88), (82, 140), frame, 3)
    c.line((18, 88), (13, 86), (30, 30, 34), 3.4)
    c.line((82, 88), (87, 86), (30, 30, 34), 3.4)
    c.rect(19, 94, 62, 40, darker(frame, 0.1), radius=4)


def _wheelchair_front(c: Canvas, look: Look) -> None:
    frame = palette.WHEELCHAIR
    trousers = pick(((60, 66, 84), (90, 80, 70), (50, 60, 60)), look.shirt, "trousers")
    c.rect(24, 128, 52, 16, trousers, radius=7)
    for cx in (9.0, 91.0):
        c.circle(cx, 132, 19, frame, width=3.2)
        c.circle(cx, 132, 15.5, palette.METAL, width=1.2)
        for angle in range(0, 360, 45):
            c.line((cx, 132), (cx + 15 * _cos(angle), 132 + 15 * _sin(angle)), palette.METAL, 0.6)
        c.circle(cx, 132, 2.6, darker(frame, 0.2))
    c.line((16, 124), (30, 124), frame, 2.6)
    c.line((84, 124), (70, 124), frame, 2.6)


def _badge_number(surface: pygame.Surface, c: Canvas, look: Look) -> None:
    """The participant's number on the chest badge, drawn at final size for crisp text."""
    drop = 16.0 if look.wheelchair else 0.0
    centre = c.to_px(62, 100 + drop)
    radius = 7.5 * c.scale
    text = fit_text(
        str(look.badge), max(6, round(radius * 1.3)), round(radius * 1.6), True, min_size=5
    )
    surface.blit(text, text.get_rect(center=centre))


def _cos(degrees: float) -> float:
    return math.cos(math.radians(degrees))


def _sin(degrees: float) -> float:
    return math.sin(math.radians(degrees))
