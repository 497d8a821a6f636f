"""The documents a voter brings to the desk, drawn as their real counterparts are laid out.

Each :class:`~simulator.schema.scenario.DocumentKind` has a drawing: the KTP-el (a blue card
with the photo on the right), its photocopy, a photo of it on a phone, the digital KTP (IKD) on
a phone, the Suket from Dukcapil, the family card (KK), the driving licence (SIM), the voter
notice (C.Pemberitahuan) and the transfer letter (Model A-Surat Pindah Memilih). They show
what the trainee must compare: the name, the NIK, the birth date, the address (this TPS's
area or elsewhere), the TPS number and, on a Model A, the ballot types it allows.

Particulars the scenario does not give (NIK, birth date, street) come from
:mod:`simulator.art.identity`, derived from the voter's id, so they are stable and fictional.
Documents are laid out in millimetres of the real paper and fitted to the requested size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Final

import pygame

from simulator.art import palette
from simulator.art.canvas import darker, handwriting, lighter, mix, stable_hash
from simulator.art.fonts import text_width
from simulator.art.identity import (
    Address,
    Identity,
    address_of,
    birth_date,
    dpt_number,
    format_date,
    identity_of,
    long_date,
    nik_of,
    other_tps_number,
    polling_day,
    regency_name,
)
from simulator.art.official import OFFICIAL_TEXT
from simulator.art.people import base_look, draw_portrait, draw_voter_portrait
from simulator.art.sheet import Sheet
from simulator.schema.scenario import Document, DocumentKind, Scenario, Voter
from simulator.schema.types import BallotType, ElectionType, Sex

T = OFFICIAL_TEXT
_GIVEN_MEN: Final = ("Sutrisno", "Bambang", "Hadi", "Yusuf", "Agus", "Rudi", "Dimas", "Fikri")
_GIVEN_WOMEN: Final = ("Sri", "Wati", "Lestari", "Aminah", "Yuni", "Rina", "Dinda", "Salsa")


def draw_document(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    """``document`` as ``voter`` hands it over at ``scenario``'s TPS, fitted into ``size``."""
    return _DRAWERS[document.kind](document, voter, scenario, size)


# --- Shared pieces -------------------------------------------------------------------------------


def _upper_place(text: str) -> str:
    return text.upper()


def _province_name(text: str) -> str:
    """``"Provinsi Nusa Harapan"`` → ``"NUSA HARAPAN"`` (the word PROVINSI is printed apart)."""
    upper = text.upper()
    prefix = T["province"] + " "
    return upper[len(prefix) :] if upper.startswith(prefix) else upper


def _sex(sex: Sex) -> str:
    return T[f"sex.{sex.value}"]


def _photo_drawer(
    document: Document, voter: Voter, identity: Identity, background: palette.Colour | None
) -> Callable[[tuple[int, int]], pygame.Surface]:
    """The holder's photo: the voter's own face, or a stranger's on someone else's document."""
    own = identity.name == voter.name
    if own:
        return lambda size: draw_voter_portrait(voter, size, background)
    look = base_look(f"{voter.id}/{identity.name}", identity.sex, 40)
    return lambda size: draw_portrait(look, size, background)


def _photo_background(identity: Identity) -> palette.Colour:
    # KTP photos have a red background for odd birth years and blue for even ones.
    return palette.PHOTO_RED if identity.born.year % 2 else palette.PHOTO_BLUE


def _signature(s: Sheet, x: float, y: float, w: float, h: float, seed: str) -> None:
    """A handwritten signature in ``(x, y, w, h)``, the same for the same ``seed``."""
    for stroke in handwriting(x, y, w, h, seed, flourish=True):
        s.polyline(stroke, palette.PEN_BLUE, max(0.25, h * 0.06))


def _stamp(s: Sheet, cx: float, cy: float, r: float) -> None:
    """A generic round rubber stamp (no emblem of any real office)."""
    ink = mix(palette.STAMP, palette.PAPER_WHITE, 0.25)
    s.circle(cx, cy, r, ink, width=r * 0.08)
    s.circle(cx, cy, r * 0.72, ink, width=r * 0.05)
    s.circle(cx, cy, r * 0.18, ink)


def _field_rows(
    s: Sheet,
    rows: list[tuple[str, str]],
    x: float,
    y: float,
    *,
    value_w: float,
    step: float,
    size: float,
    label_w: float | None = None,
    bold_values: bool = False,
    colour: palette.Colour = palette.INK,
) -> None:
    """Label, colon and value rows; the labels' column is as wide as the longest label."""
    if label_w is None:
        label_w = max(text_width(label, size) for label, _ in rows) + size * 1.1
    for i, (label, value) in enumerate(rows):
        top = y + i * step
        s.text(x, top, label, size, label_w - size * 0.6, colour=colour)
        s.text(x + label_w - size * 0.45, top, ":", size, size, colour=colour)
        s.text(x + label_w, top, value, size, value_w, colour=colour, bold=bold_values)


def _this_tps(document: Document, voter: Voter, scenario: Scenario) -> int:
    if document.tps == "ini":
        return scenario.tps.number
    return other_tps_number(voter.id, scenario)


def _address_line(address: Address) -> str:
    return f"{address.street}, RT/RW {address.rt_rw}"


# --- KTP-el and its copies -----------------------------------------------------------------------

_CARD: Final = (85.6, 54.0)


def _card(size: tuple[int, int], colour: palette.Colour) -> Sheet:
    """A blank ID-sized card (KTP-el, SIM) in ``colour``, with its shadow."""
    s = Sheet(size, (_CARD[0] + 1.6, _CARD[1] + 1.6))
    s.rect(1.2, 1.4, *_CARD, (0, 0, 0, 46), radius=3.4)
    s.rect(0, 0, *_CARD, colour, radius=3.4)
    return s


def _ktp(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    identity = identity_of(document, voter, scenario)
    s = _card(size, palette.KTP_BLUE)
    with s.clipped(0.8, 0.8, _CARD[0] - 1.6, _CARD[1] - 1.6):  # the faint guilloche waves
        for i in range(6):
            s.arc(42.8, 70 + i * 3, 60 + i * 5, 40, 200, 340, lighter(palette.KTP_BLUE, 0.22), 0.5)
    s.rect(0, 0, *_CARD, palette.KTP_BLUE_DEEP, radius=3.4, width=0.5)
    address = identity.address
    s.text(
        42.8,
        2.6,
        f"{T['province']} {_province_name(address.province)}",
        3.2,
        80,
        bold=True,
        align="center",
    )
    s.text(42.8, 6.3, _upper_place(address.regency), 3.2, 80, bold=True, align="center")
    s.text(3.5, 11.2, T["nik"], 4.0, 12, bold=True)
    s.text(13, 11.2, f": {identity.nik}", 4.0, 48, bold=True)
    born = f"{identity.birthplace}, {format_date(identity.born)}"
    rows = [
        (T["name"], identity.name.upper()),
        (T["birth"], born),
        (T["sex"], _sex(identity.sex)),
        (T["address"], address.street.upper()),
        (f"   {T['rt_rw']}", address.rt_rw),
        (f"   {T['village']}", address.village.upper()),
        (f"   {T['subdistrict']}", address.subdistrict.upper()),
        (T["citizenship"], T["citizenship.value"]),
        (T["valid_until"], T["valid_until.value"]),
    ]
    _field_rows(s, rows, 3.5, 17.2, value_w=36.5, step=3.75, size=2.6)
    s.rect(64.5, 11.5, 18.5, 23.5, palette.PAPER_WHITE, radius=0.8)
    s.picture(
        65, 12, 17.5, 22.5, _photo_drawer(document, voter, identity, _photo_background(identity))
    )
    city = _birthplace_of(address)
    s.text(73.75, 36.6, city, 2.2, 20, align="center")
    s.text(
        73.75, 39.5, format_date(polling_day(scenario).replace(year=2019)), 2.2, 20, align="center"
    )
    _signature(s, 67, 43, 13.5, 6.5, identity.nik)
    return s.finish()


def _birthplace_of(address: Address) -> str:
    return regency_name(address.regency)


def _ktp_photocopy(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    s = Sheet(size, (112.0, 78.0))
    s.rect(1.4, 1.6, 110, 76, (0, 0, 0, 40))
    s.rect(0, 0, 110, 76, (246, 246, 243))
    s.rect(0, 0, 110, 76, palette.PANEL_LINE, width=0.4)
    s.text(4, 3, T["photocopy"], 3.0, 40, bold=True, colour=palette.MUTED)
    s.picture(12, 11, 86, 56, lambda px: _greyscale(_ktp(document, voter, scenario, px)))
    return s.finish()


def _greyscale(surface: pygame.Surface) -> pygame.Surface:
    grey = pygame.transform.grayscale(surface)
    wash = pygame.Surface(grey.get_size(), pygame.SRCALPHA)
    wash.fill((30, 30, 30, 0))
    grey.blit(wash, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    return grey


def _phone(
    s: Sheet, x: float, y: float, w: float, h: float, landscape: bool
) -> tuple[float, float, float, float]:
    """A phone body; returns the screen rectangle."""
    s.rect(x + 1.2, y + 1.6, w, h, (0, 0, 0, 50), radius=7)
    s.rect(x, y, w, h, palette.PHONE_BODY, radius=7)
    bezel = 3.2
    if landscape:
        screen = (x + bezel * 2.2, y + bezel, w - bezel * 4.4, h - 2 * bezel)
        s.circle(x + bezel * 1.1, y + h / 2, 1.0, (70, 76, 88))
    else:
        screen = (x + bezel, y + bezel * 2.2, w - 2 * bezel, h - bezel * 4.4)
        s.circle(x + w / 2, y + bezel * 1.1, 1.0, (70, 76, 88))
    s.rect(*screen, palette.PHONE_SCREEN, radius=2)
    return screen


def _ktp_phone_photo(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    s = Sheet(size, (152.0, 76.0))
    sx, sy, sw, sh = _phone(s, 0, 0, 150, 74, landscape=True)
    s.rect(sx, sy, sw, sh, (54, 58, 64), radius=2)
    s.circle(sx + sw - 6, sy + sh / 2, 4.2, (250, 250, 250))
    s.circle(sx + sw - 6, sy + sh / 2, 3.3, (210, 210, 214))
    card_w = sw - 22
    card_h = card_w * _CARD[1] / _CARD[0]
    if card_h > sh - 6:
        card_h = sh - 6
        card_w = card_h * _CARD[0] / _CARD[1]
    s.picture(
        sx + 4,
        sy + (sh - card_h) / 2,
        card_w,
        card_h,
        lambda px: _ktp(document, voter, scenario, px),
    )
    return s.finish()


def _ikd(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    identity = identity_of(document, voter, scenario)
    s = Sheet(size, (78.0, 152.0))
    sx, sy, sw, sh = _phone(s, 0, 0, 76, 150, landscape=False)
    header = (38, 96, 168)
    s.rect(sx, sy, sw, 14, header, radius=2)
    s.text(
        sx + sw / 2,
        sy + 4.5,
        T["ikd.title"],
        3.4,
        sw - 4,
        bold=True,
        colour=(255, 255, 255),
        align="center",
    )
    s.rect(sx + sw / 2 - 12.5, sy + 18, 25, 31, (255, 255, 255), radius=1)
    s.picture(
        sx + sw / 2 - 12,
        sy + 18.5,
        24,
        30,
        _photo_drawer(document, voter, identity, _photo_background(identity)),
    )
    s.text(sx + sw / 2, sy + 52, identity.name.upper(), 4.2, sw - 4, bold=True, align="center")
    s.text(sx + sw / 2, sy + 58, f"{T['nik']} {identity.nik}", 3.6, sw - 4, align="center")
    address = identity.address
    rows = [
        (T["birth"], f"{identity.birthplace}, {format_date(identity.born)}"),
        (T["sex"], _sex(identity.sex)),
        (T["address"], address.street.upper()),
        (T["rt_rw"], address.rt_rw),
        (T["village"], address.village.upper()),
        (T["subdistrict"], address.subdistrict.upper()),
    ]
    for i, (label, value) in enumerate(rows):
        top = sy + 65 + i * 8.3
        s.text(sx + 3, top, label, 2.7, sw - 6, colour=palette.MUTED)
        s.text(sx + 3, top + 3.3, value, 3.3, sw - 6, bold=True)
    _qr(s, sx + sw / 2 - 8, sy + sh - 19, 16, identity.nik)
    return s.finish()


def _qr(s: Sheet, x: float, y: float, size: float, seed: str) -> None:
    """A QR-like square of modules from ``seed``: decoration, it encodes nothing."""
    n = 15
    cell = size / n
    s.rect(x - cell, y - cell, size + 2 * cell, size + 2 * cell, (255, 255, 255))
    bits = stable_hash(seed, "qr")
    for row in range(n):
        for col in range(n):
            corner = (row < 4 and col < 4) or (row < 4 and col > n - 5) or (row > n - 5 and col < 4)
            if corner:
                continue
            bits = (bits * 1103515245 + 12345) & 0x7FFFFFFF
            if bits >> 16 & 1:
                s.rect(x + col * cell, y + row * cell, cell, cell, palette.INK)
    for cx, cy in ((0, 0), (n - 4, 0), (0, n - 4)):
        s.rect(x + cx * cell, y + cy * cell, 4 * cell, 4 * cell, palette.INK)
        s.rect(
            x + (cx + 0.7) * cell, y + (cy + 0.7) * cell, 2.6 * cell, 2.6 * cell, (255, 255, 255)
        )
        s.rect(x + (cx + 1.3) * cell, y + (cy + 1.3) * cell, 1.4 * cell, 1.4 * cell, palette.INK)


# --- SIM -----------------------------------------------------------------------------------------


def _sim(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    identity = identity_of(document, voter, scenario)
    s = _card(size, palette.SIM_CARD)
    s.rect(0, 0, _CARD[0], 9.5, palette.SIM_DEEP, radius=3.4)
    s.rect(0, 5, _CARD[0], 4.5, palette.SIM_DEEP)
    s.text(4, 2.6, T["sim.title"], 3.6, 62, bold=True, colour=(255, 255, 255))
    s.circle(77, 4.75, 3.6, (255, 255, 255))
    s.text(77, 2.4, T["sim.class"], 4.2, 6, bold=True, colour=palette.SIM_DEEP, align="center")
    s.rect(3.5, 12.5, 19, 24, (255, 255, 255), radius=0.8)
    s.picture(4, 13, 18, 23, _photo_drawer(document, voter, identity, (120, 150, 200)))
    number = f"{stable_hash(identity.nik, 'sim') % 10**12:012d}"
    s.text(13, 38.5, f"{number[:4]}-{number[4:8]}-{number[8:]}", 2.4, 19, bold=True, align="center")
    address = identity.address
    rows = [
        (T["name"], identity.name.upper()),
        (T["birth"], f"{identity.birthplace}, {format_date(identity.born)}"),
        (T["sex"], _sex(identity.sex)),
        (T["address"], f"{address.street.upper()} RT/RW {address.rt_rw}"),
        ("", f"{address.village.upper()}, {address.subdistrict.upper()}"),
    ]
    top = 11.8
    for label, value in rows:
        if label:
            s.text(25, top, label, 2.1, 40, colour=darker(palette.SIM_DEEP, 0.45))
            top += 2.5
        s.text(25, top, value, 2.6, 58, bold=True)
        top += 3.7
    expiry = polling_day(scenario)
    s.text(
        25, 46.5, f"{T['sim.valid']} {format_date(expiry.replace(year=expiry.year + 3))}", 2.3, 40
    )
    _signature(s, 64, 44, 17, 7, identity.name)
    return s.finish()


# --- Suket ---------------------------------------------------------------------------------------

_A4: Final = (210.0, 297.0)


def _paper(s: Sheet, w: float, h: float, tint: palette.Colour = palette.PAPER_WHITE) -> None:
    s.rect(2.5, 3, w, h, (0, 0, 0, 40))
    s.rect(0, 0, w, h, tint)
    s.rect(0, 0, w, h, palette.PANEL_LINE, width=0.6)


def _suket(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    identity = identity_of(document, voter, scenario)
    address = identity.address
    s = Sheet(size, (_A4[0] + 3, _A4[1] + 3))
    _paper(s, *_A4)
    s.text(
        105,
        12,
        f"{T['suket.government']} {_upper_place(address.regency)}",
        8,
        190,
        bold=True,
        align="center",
    )
    s.text(105, 23, T["suket.office"], 8, 190, bold=True, align="center")
    s.rect(12, 35, 186, 1.4, palette.INK)
    s.text(105, 44, T["suket.title"], 11, 150, bold=True, align="center")
    s.rect(62, 58, 86, 0.8, palette.INK)
    serial = stable_hash(identity.nik, "suket") % 9000 + 1000
    s.text(105, 62, f"{T['suket.number']}: 470/{serial}/Dukcapil/2024", 6.5, 160, align="center")
    s.text(14, 78, T["suket.opening"], 7, 182)
    rows = [
        (T["nik"], identity.nik),
        (T["name"], identity.name.upper()),
        (T["birth"], f"{identity.birthplace}, {format_date(identity.born)}"),
        (T["sex"], _sex(identity.sex)),
        (T["address"], address.street.upper()),
        (T["rt_rw"], address.rt_rw),
        (T["village"], address.village.upper()),
        (T["subdistrict"], address.subdistrict.upper()),
    ]
    _field_rows(s, rows, 14, 94, value_w=92, step=12, size=6.6, bold_values=True)
    s.rect(166, 92, 32, 42, (255, 255, 255))
    s.rect(166, 92, 32, 42, palette.PANEL_LINE, width=0.5)
    s.picture(
        167, 93, 30, 40, _photo_drawer(document, voter, identity, _photo_background(identity))
    )
    s.text(14, 196, T["suket.statement"], 7, 182)
    place = _birthplace_of(address).title()
    s.text(
        150,
        222,
        f"{place}, {long_date(polling_day(scenario).replace(day=1)).title()}",
        6.5,
        90,
        align="center",
    )
    s.text(150, 232, T["suket.signer"], 6.5, 90, align="center")
    _stamp(s, 138, 252, 13)
    _signature(s, 136, 245, 32, 14, address.regency)
    return s.finish()


# --- KK ------------------------------------------------------------------------------------------

_KK: Final = (297.0, 210.0)


def _kk(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    identity = identity_of(document, voter, scenario)
    address = identity.address
    s = Sheet(size, (_KK[0] + 3, _KK[1] + 3))
    _paper(s, *_KK, tint=palette.KK_TINT)
    with s.clipped(1, 1, _KK[0] - 2, _KK[1] - 2):
        for i in range(9):
            s.arc(148, 260, 120 + i * 12, 110, 200, 340, lighter(palette.KK_TINT, 0.5), 1.2)
    s.text(148.5, 10, T["kk.title"], 13, 200, bold=True, align="center")
    kk_number = nik_of(f"{voter.id}/kk", identity.sex, identity.born, document.address)
    s.text(148.5, 27, f"{T['kk.number']} {kk_number}", 8.5, 200, bold=True, align="center")
    members = _family(voter, identity, document, polling_day(scenario))
    left = [
        (T["kk.head"], members[0].name.upper()),
        (T["address"], address.street.upper()),
        (T["rt_rw"], address.rt_rw),
        (T["village"], address.village.upper()),
    ]
    right = [
        (T["subdistrict"], address.subdistrict.upper()),
        (T["regency"], _upper_place(address.regency)),
        (T["province"].title(), _province_name(address.province)),
    ]
    _field_rows(s, left, 10, 46, value_w=76, step=10, size=6.5, bold_values=True)
    _field_rows(s, right, 160, 46, value_w=86, step=10, size=6.5, bold_values=True)
    columns = (
        (T["kk.col.no"], 12),
        (T["kk.col.name"], 70),
        (T["kk.col.nik"], 66),
        (T["kk.col.sex"], 40),
        (T["kk.col.birthplace"], 50),
        (T["kk.col.born"], 43),
    )
    top, row_h = 92, 14.0
    x = 8.0
    s.rect(8, top, 281, row_h, darker(palette.KK_TINT, 0.12))
    for title, width in columns:
        s.text(x + width / 2, top + 4.2, title, 5.6, width - 3, bold=True, align="center")
        x += width
    for i, member in enumerate(members):
        y = top + row_h * (i + 1)
        s.rect(8, y, 281, row_h, (255, 255, 255) if i % 2 == 0 else lighter(palette.KK_TINT, 0.5))
        cells = (
            str(i + 1),
            member.name.upper(),
            member.nik,
            _sex(member.sex),
            member.birthplace,
            format_date(member.born),
        )
        x = 8.0
        for (_, width), value in zip(columns, cells, strict=True):
            s.text(
                x + width / 2, y + 4, value, 5.8, width - 3, align="center", bold=member is identity
            )
            x += width
    x = 8.0
    bottom = top + row_h * (len(members) + 1)
    for _, width in columns:
        s.rect(x, top, 0.5, bottom - top, palette.MUTED)
        x += width
    s.rect(x, top, 0.5, bottom - top, palette.MUTED)
    s.rect(8, top, 281, bottom - top, palette.MUTED, width=0.5)
    _stamp(s, 250, 185, 13)
    _signature(s, 234, 178, 36, 14, kk_number)
    return s.finish()


def _family(voter: Voter, identity: Identity, document: Document, day: date) -> list[Identity]:
    """The holder and one or two fictional relatives, the head of the family first."""
    age = _age(identity, day)
    holder_heads = identity.sex is Sex.L and age >= 25
    head = identity if holder_heads else _relative(voter, identity, document, day, 0, age + 25)
    count = 1 + stable_hash(voter.id, "family") % 2
    others = [_relative(voter, identity, document, day, i, None) for i in range(1, count + 1)]
    return [identity, *others] if holder_heads else [head, identity, *others]


def _relative(
    voter: Voter, identity: Identity, document: Document, day: date, index: int, age: int | None
) -> Identity:
    """Relative ``index`` on the holder's family card: the head (``age`` given) or a child."""
    seed = f"{voter.id}/family/{index}"
    sex = Sex.L if age is not None or stable_hash(seed, "sex") % 2 == 0 else Sex.P
    given = (_GIVEN_MEN if sex is Sex.L else _GIVEN_WOMEN)[stable_hash(seed, "given") % 8]
    surname = identity.name.split()[-1] if " " in identity.name else ""
    years = age if age is not None else 17 + stable_hash(seed, "age") % 30
    born = birth_date(seed, years, day)
    return replace(
        identity,
        name=f"{given} {surname}".strip(),
        sex=sex,
        born=born,
        nik=nik_of(seed, sex, born, document.address),
    )


def _age(identity: Identity, day: date) -> int:
    born = identity.born
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# --- C.Pemberitahuan -----------------------------------------------------------------------------

_A5: Final = (148.0, 210.0)


def _notice(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    identity = identity_of(document, voter, scenario)
    seed = voter.id if identity.name == voter.name else f"{voter.id}/{identity.name}"
    address = address_of(document.address, seed, scenario)
    tps = _this_tps(document, voter, scenario)
    s = Sheet(size, (_A5[0] + 3, _A5[1] + 3))
    _paper(s, *_A5)
    s.text(140, 6, T["notice.form"], 4.2, 80, bold=True, align="right", colour=palette.MUTED)
    s.text(74, 16, T["notice.title"], 8, 136, bold=True, align="center")
    s.text(74, 26, T["notice.subtitle"], 5.6, 136, bold=True, align="center")
    s.text(74, 33.5, T[f"election.{scenario.election.value}"], 5.6, 136, bold=True, align="center")
    s.rect(8, 42, 132, 0.8, palette.INK)
    s.rect(98, 48, 42, 22, palette.PRIMARY_LIGHT, radius=2)
    s.rect(98, 48, 42, 22, palette.PRIMARY, radius=2, width=0.7)
    s.text(119, 50, T["form.tps"], 5.5, 38, bold=True, align="center", colour=palette.PRIMARY_DARK)
    s.text(119, 57, f"{tps:03d}", 10, 38, bold=True, align="center", colour=palette.PRIMARY_DARK)
    s.text(10, 50, T["notice.to"], 5.2, 80)
    s.text(10, 58, identity.name.upper(), 7, 84, bold=True)
    rows = [
        (T["sex"], _sex(identity.sex)),
        (T["address"], _address_line(address)),
        (T["village"], address.village),
        (T["notice.dpt"], str(dpt_number(seed, scenario))),
        (T["notice.day"], _polling_day_text(scenario)),
        (T["notice.time"], T["notice.time.value"]),
        (
            T["notice.place"],
            f"TPS {tps:03d} {scenario.tps.village if document.tps == 'ini' else address.village}",
        ),
    ]
    _field_rows(s, rows, 10, 78, value_w=90, step=9.5, size=5.2, bold_values=True)
    s.rect(8, 146, 132, 28, palette.WARNING_LIGHT, radius=2)
    s.paragraph(74, 149, T["notice.bring"], 5, 124, lines=2, align="center")
    s.paragraph(
        74, 162, T["notice.warning"], 4.6, 124, lines=2, align="center", colour=palette.DANGER
    )
    s.text(112, 178, T["notice.signer"], 5, 50, align="center")
    _signature(s, 98, 184, 28, 12, f"kpps{scenario.tps.number}")
    return s.finish()


def _polling_day_text(scenario: Scenario) -> str:
    weekday = T[f"weekday.{scenario.election.value}"]
    return f"{weekday}, {long_date(polling_day(scenario)).title()}"


# --- Model A -------------------------------------------------------------------------------------

_ELECTION_BALLOTS: Final[dict[ElectionType, tuple[BallotType, ...]]] = {
    ElectionType.PEMILU_2024: (
        BallotType.PPWP,
        BallotType.DPR,
        BallotType.DPD,
        BallotType.DPRD_PROV,
        BallotType.DPRD_KABKO,
    ),
    ElectionType.PILKADA_2024: (BallotType.GUBERNUR, BallotType.BUPATI, BallotType.WALIKOTA),
}


def _model_a(
    document: Document, voter: Voter, scenario: Scenario, size: tuple[int, int]
) -> pygame.Surface:
    identity = identity_of(document, voter, scenario)
    origin = identity.address
    tps = _this_tps(document, voter, scenario)
    s = Sheet(size, (_A4[0] + 3, _A4[1] + 3))
    _paper(s, *_A4)
    s.text(200, 8, T["model_a.form"], 6, 120, bold=True, align="right", colour=palette.MUTED)
    s.text(105, 22, T["model_a.title"], 12, 180, bold=True, align="center")
    s.text(105, 37, T[f"election.{scenario.election.value}"], 7.5, 180, bold=True, align="center")
    s.rect(12, 49, 186, 1.2, palette.INK)
    s.text(14, 56, T["model_a.opening"], 7, 182)
    rows = [
        (T["name"], identity.name.upper()),
        (T["nik"], identity.nik),
        (T["sex"], _sex(identity.sex)),
        (T["address"], _address_line(origin)),
        ("", f"{origin.village}, {origin.subdistrict}"),
        ("", f"{origin.regency}, {origin.province}"),
    ]
    _field_rows(s, rows, 14, 70, value_w=130, step=10.5, size=7, bold_values=True)
    origin_tps = 1 + stable_hash(voter.id, "origin-tps") % 30
    s.text(14, 136, f"{T['model_a.registered']}: TPS {origin_tps:03d} {origin.village}", 7, 182)
    s.rect(12, 148, 186, 34, palette.PRIMARY_LIGHT, radius=2)
    s.text(16, 151, f"{T['model_a.moves_to']}:", 6.5, 100)
    village = (
        scenario.tps.village
        if document.tps == "ini"
        else address_of(document.address, voter.id, scenario).village
    )
    s.text(16, 161, f"TPS {tps:03d}  {village}", 10, 176, bold=True, colour=palette.PRIMARY_DARK)
    s.text(16, 174, f"{scenario.tps.subdistrict}, {scenario.tps.regency}", 6, 176)
    s.text(14, 191, T["model_a.ballots"], 7, 182, bold=True)
    allowed = set(document.ballots)
    kinds = [b for b in BallotType if b in _ELECTION_BALLOTS[scenario.election] or b in allowed]
    for i, ballot in enumerate(kinds):
        y = 202 + i * 11
        ticked = ballot in allowed
        s.rect(16, y, 7.5, 7.5, (255, 255, 255))
        s.rect(16, y, 7.5, 7.5, palette.INK, width=0.7)
        if ticked:
            s.polyline([(17.3, y + 3.8), (19.4, y + 6.2), (24.6, y - 0.8)], palette.PEN_BLUE, 1.3)
        label = T[f"ballot.type.{ballot.value}"]
        s.text(
            28,
            y + 0.6,
            label,
            6.5,
            110,
            bold=ticked,
            colour=palette.INK if ticked else palette.MUTED,
        )
    s.text(160, 238, T["model_a.signer"], 6.5, 60, align="center")
    _stamp(s, 148, 258, 13)
    _signature(s, 146, 250, 30, 14, f"pps{origin.village}")
    return s.finish()


_DRAWERS: Final[
    dict[DocumentKind, Callable[[Document, Voter, Scenario, tuple[int, int]], pygame.Surface]]
] = {
    DocumentKind.C_PEMBERITAHUAN: _notice,
    DocumentKind.KTP_EL: _ktp,
    DocumentKind.SUKET: _suket,
    DocumentKind.KTP_FOTOKOPI: _ktp_photocopy,
    DocumentKind.KTP_FOTO_HP: _ktp_phone_photo,
    DocumentKind.IKD: _ikd,
    DocumentKind.KK: _kk,
    DocumentKind.SIM: _sim,
    DocumentKind.MODEL_A: _model_a,
}
