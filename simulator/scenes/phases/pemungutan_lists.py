"""The voter lists on the desk: this TPS's DPT and DPTb as the KPPS holds them, and the card
that shows the rows matching a search.

Real lists have namesakes, so a search shows every row that matches, each with what tells
namesakes apart (sex, birth date and age, RT/RW, the list and the number on it), and says so
when two rows carry the same name. Particulars come from :mod:`simulator.art.identity`, seeded
as on the documents, so a row and its holder's own papers agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import pygame

from simulator.art import palette
from simulator.art.fonts import fit_text, font
from simulator.art.identity import (
    Address,
    address_of,
    birth_date,
    dpt_number,
    format_date,
    identity_of,
    origin_area,
    polling_day,
)
from simulator.art.sheet import wrap
from simulator.i18n import Catalog
from simulator.schema.scenario import Area, DocumentKind, Registration, Scenario, Voter

P = "scene.pemungutan.lists"


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One row of this TPS's DPT or DPTb as the KPPS has it."""

    name: str
    sex: str
    born: str
    age: int
    street: str
    rt_rw: str
    village: str
    list: Registration
    number: int
    moved_out: bool = False
    other_tps: int | None = None  # a row of another TPS's DPT in this village

    @property
    def key(self) -> str:
        return " ".join(self.name.split()).casefold()

    @property
    def address(self) -> str:
        return f"{self.street}, RT/RW {self.rt_rw}, {self.village}"


def voter_lists(scenario: Scenario, voters: list[Voter]) -> list[ListEntry]:
    """The DPT and DPTb rows of this TPS: everyone registered here, and the people named on a
    C.Pemberitahuan of this TPS (a notice is only printed for someone on its DPT); and the row
    of a person on the DPT of another TPS of the village (``other_tps``), as the village's DPT
    shows it. One row per person, namesakes included, sorted by list, name and number."""
    day = polling_day(scenario)
    rows: dict[str, ListEntry] = {}  # by the seed of the person's particulars
    for voter in voters:
        if voter.registered is Registration.DPT:
            rows[voter.id] = _entry(
                voter.name,
                voter.sex.value,
                birth_date(voter.id, voter.age, day),
                day,
                address_of(Area.TPS_INI, voter.id, scenario),
                Registration.DPT,
                dpt_number(voter.id, scenario),
                moved_out=voter.transferred_out,
            )
        elif voter.other_tps is not None:
            rows[voter.id] = _entry(
                voter.name,
                voter.sex.value,
                birth_date(voter.id, voter.age, day),
                day,
                address_of(Area.DESA_SAMA, voter.id, scenario),
                Registration.DPT,
                dpt_number(voter.id, scenario),
                other_tps=voter.other_tps,
            )
        elif voter.registered is Registration.DPTB:
            rows[voter.id] = _entry(
                voter.name,
                voter.sex.value,
                birth_date(voter.id, voter.age, day),
                day,
                _dptb_address(voter, scenario),
                Registration.DPTB,
                0,
            )
        for document in voter.documents:
            someone_else = document.name is not None and document.name != voter.name
            if (
                document.kind is DocumentKind.C_PEMBERITAHUAN
                and document.tps == "ini"
                and someone_else
            ):
                holder = identity_of(document, voter, scenario)
                seed = f"{voter.id}/{holder.name}"
                rows.setdefault(
                    seed,
                    _entry(
                        holder.name,
                        holder.sex.value,
                        holder.born,
                        day,
                        holder.address,
                        Registration.DPT,
                        dpt_number(seed, scenario),
                    ),
                )
    return sorted(rows.values(), key=lambda row: (row.list.value, row.key, row.number, row.born))


def _dptb_address(voter: Voter, scenario: Scenario) -> Address:
    model_a = next((d for d in voter.documents if d.kind is DocumentKind.MODEL_A), None)
    if model_a is not None:
        return identity_of(model_a, voter, scenario).address
    return address_of(origin_area(voter), voter.id, scenario)


def _entry(
    name: str,
    sex: str,
    born: date,
    day: date,
    address: Address,
    registered: Registration,
    number: int,
    *,
    moved_out: bool = False,
    other_tps: int | None = None,
) -> ListEntry:
    age = day.year - born.year - ((born.month, born.day) > (day.month, day.day))
    return ListEntry(
        name=name,
        sex=sex,
        born=format_date(born),
        age=age,
        street=address.street,
        rt_rw=address.rt_rw,
        village=address.village,
        list=registered,
        number=number,
        moved_out=moved_out,
        other_tps=other_tps,
    )


def search(rows: list[ListEntry], query: str) -> list[ListEntry]:
    """Rows whose name holds every word of ``query`` (any case, any order)."""
    words = query.casefold().split()
    if not words:
        return []
    return [row for row in rows if all(word in row.key for word in words)]


def namesakes(rows: list[ListEntry]) -> int:
    """How many of ``rows`` share their name with another of them."""
    counts = Counter(row.key for row in rows)
    return sum(count for count in counts.values() if count > 1)


# --- The card of results ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CardStyle:
    """Pixel sizes for the card, from the scene's scale and text size."""

    body: int  # the names
    small: int  # the particulars
    pad: int
    gap: int  # between rows


@dataclass(frozen=True, slots=True)
class Desk:
    """What the card says about this TPS: its number, the area it serves (a DPK voter's
    address must lie in it) and, where the scenario sets one, the hour DPTb voters are
    served from."""

    tps: str
    area: str
    dptb_from: str | None = None


def row_texts(row: ListEntry, desk: Desk, cat: Catalog) -> tuple[str, str, str, bool]:
    """The words of one row: the name (with its DPT number, where it has one), the particulars
    that tell namesakes apart, and for a DPTb voter or one marked as transferred, a line
    saying so (``True``: a warning, drawn in red)."""
    sex = cat(f"scene.pemungutan.look.{row.sex}")
    details = cat(f"{P}.details", sex=sex, born=row.born, age=row.age)
    address = cat(f"{P}.address", street=row.street, rt_rw=row.rt_rw)
    particulars = f"{details}; {address}"
    tps = desk.tps
    if row.list is Registration.DPTB:
        where = cat(f"{P}.dptb", tps=tps, origin=row.village)
        if desk.dptb_from is not None:
            where = f"{where} {cat(f'{P}.dptb_from', time=desk.dptb_from)}"
        return row.name, particulars, where, False
    if row.moved_out:
        return row.name, particulars, cat(f"{P}.moved", tps=tps, number=row.number), True
    if row.other_tps is not None:
        where = cat(f"{P}.other_tps", tps=row.other_tps, number=row.number)
        return row.name, particulars, where, True
    title = f"{row.name} · {cat(f'{P}.dpt', tps=tps, number=row.number)}"
    return title, particulars, "", False


def row_surfaces(
    row: ListEntry, desk: Desk, cat: Catalog, style: CardStyle, width: int
) -> list[pygame.Surface]:
    """One row drawn as lines: the name in bold, the particulars wrapped (never cut: they are
    what tells namesakes apart), then the list line if it has one."""
    title, details, where, warning = row_texts(row, desk, cat)
    bold = font(style.body, bold=True)
    lines = [fit_text(line, style.body, width, True) for line in wrap(bold, title, width, 2)]
    face = font(style.small)
    lines += [fit_text(line, style.small, width) for line in wrap(face, details, width, 4)]
    if where:
        colour = palette.DANGER if warning else palette.INK
        lines.append(fit_text(where, style.small, width, bold=True, colour=colour))
    return lines


def header_text(found: list[ListEntry], cat: Catalog) -> str:
    text = cat(f"{P}.found", count=len(found))
    if namesakes(found):
        text = f"{text} {cat(f'{P}.namesakes')}"
    return text


def card_height(
    found: list[ListEntry], desk: Desk, cat: Catalog, style: CardStyle, width: int
) -> int:
    """How tall the card must be to show every row of ``found`` with its header."""
    inner = width - 2 * style.pad
    face = font(style.small)
    head = len(wrap(face, header_text(found, cat), inner, 3)) * face.get_linesize()
    area = len(wrap(face, desk.area, inner, 2)) * face.get_linesize()
    rows = sum(
        sum(s.get_height() for s in row_surfaces(row, desk, cat, style, inner)) + style.gap
        for row in found
    )
    return 2 * style.pad + area + head + style.gap + rows


def draw_results(
    found: list[ListEntry],
    query: str,
    desk: Desk,
    cat: Catalog,
    style: CardStyle,
    size: tuple[int, int],
    background: pygame.Surface,
) -> pygame.Surface:
    """The area this TPS serves, then the rows matching ``query`` on ``background`` (the
    card), as many as fit, then a line saying how many more there are."""
    card = background
    width = size[0] - 2 * style.pad
    y = style.pad
    face = font(style.small)
    for line in wrap(face, desk.area, width, 2):
        card.blit(fit_text(line, style.small, width, bold=True), (style.pad, y))
        y += face.get_linesize()
    if not query:
        return _paragraph_on(card, cat(f"{P}.hint"), style, width, y)
    if not found:
        return _paragraph_on(card, cat(f"{P}.none", query=query), style, width, y)
    for line in wrap(face, header_text(found, cat), width, 3):
        card.blit(fit_text(line, style.small, width, colour=palette.MUTED), (style.pad, y))
        y += face.get_linesize()
    y += style.gap
    for index, row in enumerate(found):
        lines = row_surfaces(row, desk, cat, style, width)
        height = sum(s.get_height() for s in lines)
        left = len(found) - index
        room = size[1] - style.pad - (0 if left == 1 else face.get_linesize())
        if y + height > room:
            text = cat(f"{P}.more", count=left)
            card.blit(fit_text(text, style.small, width, colour=palette.MUTED), (style.pad, y))
            break
        for line in lines:
            card.blit(line, (style.pad, y))
            y += line.get_height()
        y += style.gap
    return card


def _paragraph_on(
    card: pygame.Surface, text: str, style: CardStyle, width: int, y: int
) -> pygame.Surface:
    face = font(style.body)
    for line in wrap(face, text, width, 6):
        card.blit(fit_text(line, style.body, width), (style.pad, y))
        y += face.get_linesize()
    return card
