"""Ballot papers, blank or as they come out of the box, with their punch holes.

A ballot is drawn in its type's colour (``palette.BALLOT_COLOURS``) with its name in words,
laid out as the real one: pair ballots (PPWP, Pilkada) have one column per pair with the
number, photos and names, plus an empty column (*kolom kosong*) when one pair stands alone;
DPR and DPRD ballots have one box per party (number, emblem, name, then the candidates and a
shaded area); the DPD ballot has one column per candidate with a photo.

A used :class:`~simulator.schema.ballot.Ballot` shows its marks where the
:class:`~simulator.schema.ballot.Mark` model puts them (inside a column, on its border, on the
line between two, in the shaded area, outside), drawn by the tool that made them; and its
writing, a torn corner, the district printed on it, and whether the chair signed the box in the
corner. :func:`ballot_target_rects` gives each vote target's box for highlighting and clicks,
from the same layout (:mod:`simulator.art.ballot_layout`) the drawing uses.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import Final

import pygame
import pygame.gfxdraw

from simulator.art import palette
from simulator.art.ballot_layout import (
    MIN_TEXT,
    BallotLayout,
    CandidateCell,
    PairColumn,
    PartyBox,
    layout_ballot,
)
from simulator.art.canvas import Canvas, darker, handwriting, lighter, stable_hash
from simulator.art.documents import OFFICIAL_TEXT
from simulator.art.emblems import draw_emblem
from simulator.art.fonts import fit_text, font, text_size
from simulator.art.palette import Colour
from simulator.art.people import Look, candidate_look, draw_portrait
from simulator.art.sheet import wrap
from simulator.core.targets import KOSONG, Target
from simulator.schema.ballot import Ballot, Mark, Place, Tool
from simulator.schema.scenario import Contest, Party
from simulator.schema.types import BallotType, Layout

T = OFFICIAL_TEXT
Point = tuple[int, int]

_DISTRICT_WORD: Final[dict[BallotType, str]] = {
    BallotType.PPWP: "province",
    BallotType.DPD: "province",
    BallotType.GUBERNUR: "province",
    BallotType.BUPATI: "ballot.kabupaten",
    BallotType.WALIKOTA: "ballot.kota",
    BallotType.DPR: "ballot.district",
    BallotType.DPRD_PROV: "ballot.district",
    BallotType.DPRD_KABKO: "ballot.district",
}
# Where the n-th hole inside one target goes, as fractions of the target's box.
_PHOTO_BACKGROUND: Final = (214, 226, 236)
_SPOTS: Final = ((0.4, 0.42), (0.3, 0.62), (0.7, 0.3), (0.32, 0.3), (0.68, 0.64), (0.5, 0.78))


def ballot_target_rects(
    contest: Contest, parties: list[Party], size: tuple[int, int]
) -> dict[str, pygame.Rect]:
    """Each vote target of ``contest`` (``pair:1``, ``kosong``, ``cand:4``, ``party:3``,
    ``party:3/cand:2``) and its box on the ballot drawn at ``size``."""
    del parties  # the layout does not depend on them; kept so both calls read alike
    return {k: r.copy() for k, r in layout_ballot(contest, size).targets.items()}


def draw_ballot(
    contest: Contest,
    parties: list[Party],
    ballot: Ballot | None,
    size: tuple[int, int],
    *,
    district: str | None = None,
) -> pygame.Surface:
    """The ballot of ``contest`` at ``size``: blank when ``ballot`` is None, else as used.

    ``district`` is this TPS's district for the type (see
    :func:`simulator.core.domain.district_of`); a ballot
    printed for another district (``ballot.district``) shows that one instead.
    """
    lay = layout_ballot(contest, size)
    colour = palette.BALLOT_COLOURS[contest.ballot.value]
    surface = pygame.Surface((max(1, size[0]), max(1, size[1])), pygame.SRCALPHA)
    surface.fill((*lighter(colour, 0.72), 255))
    pygame.draw.rect(surface, darker(colour, 0.2), surface.get_rect(), 1)
    printed = ballot.district if ballot is not None and ballot.district else district
    _header(surface, lay, contest.ballot, printed, colour)
    _signature_box(surface, lay, ballot is not None and ballot.signed)
    by_number = {p.number: p for p in parties}
    line = darker(colour, 0.35)
    if lay.layout is Layout.PAIR:
        for column in lay.pairs:
            _pair_column(surface, lay, column, by_number, contest.ballot, line)
    elif lay.layout is Layout.INDIVIDUAL:
        for cell in lay.cells:
            _candidate_cell(surface, lay, cell, line)
    else:
        for box in lay.boxes:
            _party_box(surface, lay, box, by_number.get(box.party), line)
    if ballot is not None:
        _marks(surface, lay, ballot)
        if ballot.writing:
            _writing(surface, lay)
        if ballot.damaged:
            _torn_corner(surface, lay)
    return surface


# Ballots repeat the same photos and emblems on every paper of a count: draw each once. The
# cached surfaces are only ever blitted from, never handed out.
@lru_cache(maxsize=512)
def _photo(look: Look, size: tuple[int, int]) -> pygame.Surface:
    return draw_portrait(look, size, _PHOTO_BACKGROUND)


@lru_cache(maxsize=512)
def _emblem(number: int, colour: str, side: int) -> pygame.Surface:
    return draw_emblem(number, colour, side)


# --- Header and signature ------------------------------------------------------------------------


def _header(
    surface: pygame.Surface,
    lay: BallotLayout,
    ballot_type: BallotType,
    district: str | None,
    colour: Colour,
) -> None:
    pygame.draw.rect(surface, colour, lay.header, border_radius=3)
    ink = palette.INK
    box = lay.title
    size = max(MIN_TEXT, round(box.h * 0.27))
    lines = [
        (T["ballot.heading"], True),
        (T[f"ballot.title.{ballot_type.value}"], True),
        (_district_line(ballot_type, district), False),
    ]
    step = box.h / 3
    for i, (text, bold) in enumerate(lines):
        image = fit_text(text, size, box.w, bold, colour=ink, min_size=MIN_TEXT)
        y = round(box.y + i * step + (step - image.get_height()) / 2)
        surface.blit(image, (box.x, y))


def _district_line(ballot_type: BallotType, district: str | None) -> str:
    if not district:
        return T["ballot.year"]
    word = T[_DISTRICT_WORD[ballot_type]]
    return f"{T['ballot.year']}  ·  {word} {district.upper()}"


def _signature_box(surface: pygame.Surface, lay: BallotLayout, signed: bool) -> None:
    box = lay.signature
    pygame.draw.rect(surface, palette.PAPER_WHITE, box, border_radius=2)
    pygame.draw.rect(surface, palette.MUTED, box, 1, border_radius=2)
    size = max(MIN_TEXT, min(11, box.h // 4))
    label = fit_text(
        T["ballot.signature"], size, box.w - 6, colour=palette.MUTED, min_size=MIN_TEXT
    )
    surface.blit(label, (box.centerx - label.get_width() // 2, box.y + 1))
    if signed:
        top = box.y + label.get_height()
        area = pygame.Rect(box.x + 6, top, box.w - 12, box.bottom - top - 3)
        surface.blit(
            _strokes(area.size, handwriting(0, 0, area.w, area.h, "ketua", flourish=True)), area
        )


def _strokes(size: tuple[int, int], strokes: list[list[tuple[float, float]]]) -> pygame.Surface:
    """Pen strokes given in pixels of a ``size`` box, drawn smooth."""
    c = Canvas(size, (float(max(1, size[0])), float(max(1, size[1]))), ss=3, halo=palette.PEN_BLUE)
    width = max(1.0, min(size) / 14)
    for stroke in strokes:
        c.polyline(stroke, palette.PEN_BLUE, width)
    return c.finish()


# --- Pair ballots --------------------------------------------------------------------------------


def _pair_column(
    surface: pygame.Surface,
    lay: BallotLayout,
    column: PairColumn,
    parties: dict[int, Party],
    ballot_type: BallotType,
    line: Colour,
) -> None:
    pygame.draw.rect(surface, palette.PAPER_WHITE, column.rect)
    pygame.draw.rect(surface, line, column.rect, 2)
    pair = column.pair
    if pair is None:  # kolom kosong: a column with no picture and no name
        return
    _number_disc(surface, column.number.center, column.number.h // 2, pair.number, line)
    photo = column.photo
    half = (photo.w - 4) // 2
    for i, name in enumerate((pair.head, pair.deputy)):
        rect = pygame.Rect(photo.x + i * (half + 4), photo.y, half, photo.h)
        portrait = _photo(candidate_look(name, None), rect.size)
        surface.blit(portrait, rect)
    names = column.names
    size = lay.text
    for i, (name, bold) in enumerate(((pair.head, True), (pair.deputy, False))):
        image = fit_text(name, size, names.w, bold, min_size=MIN_TEXT)
        y = names.y + round(i * names.h / 2 + (names.h / 2 - image.get_height()) / 2)
        surface.blit(image, (names.centerx - image.get_width() // 2, y))
    if ballot_type is BallotType.PPWP and pair.parties:
        _emblem_row(surface, column.parties, [parties[n] for n in pair.parties if n in parties])


def _emblem_row(surface: pygame.Surface, area: pygame.Rect, parties: list[Party]) -> None:
    if not parties or area.h < 8:
        return
    side = min(area.h - 4, (area.w - 4 * (len(parties) - 1)) // len(parties), 48)
    if side < 6:
        return
    total = len(parties) * side + (len(parties) - 1) * 4
    x = area.centerx - total // 2
    for party in parties:
        surface.blit(_emblem(party.number, party.color, side), (x, area.centery - side // 2))
        x += side + 4


def _number_disc(
    surface: pygame.Surface, centre: Point, radius: int, number: int, colour: Colour
) -> None:
    radius = max(6, radius)
    pygame.gfxdraw.filled_circle(surface, centre[0], centre[1], radius, colour)
    pygame.gfxdraw.aacircle(surface, centre[0], centre[1], radius, colour)
    image = fit_text(
        str(number), round(radius * 1.25), radius * 2 - 2, True, colour=(255, 255, 255), min_size=6
    )
    surface.blit(image, image.get_rect(center=(centre[0], centre[1] + 1)))


# --- DPD ballots ---------------------------------------------------------------------------------


def _candidate_cell(
    surface: pygame.Surface, lay: BallotLayout, cell: CandidateCell, line: Colour
) -> None:
    pygame.draw.rect(surface, palette.PAPER_WHITE, cell.rect)
    pygame.draw.rect(surface, line, cell.rect, 2)
    _number_disc(surface, cell.number.center, cell.number.h // 2, cell.candidate.number, line)
    photo = cell.photo
    side_w = min(photo.w, round(photo.h * 0.8))
    rect = pygame.Rect(0, photo.y, side_w, photo.h)
    rect.centerx = photo.centerx
    if rect.w > 4 and rect.h > 4:
        look = candidate_look(cell.candidate.name, cell.candidate.sex)
        surface.blit(_photo(look, rect.size), rect)
    image = fit_text(cell.candidate.name, lay.text, cell.name.w, True, min_size=MIN_TEXT)
    surface.blit(image, image.get_rect(center=cell.name.center))


# --- DPR and DPRD ballots ------------------------------------------------------------------------


def _party_box(
    surface: pygame.Surface, lay: BallotLayout, box: PartyBox, party: Party | None, line: Colour
) -> None:
    pygame.draw.rect(surface, palette.PAPER_WHITE, box.box)
    pygame.draw.rect(surface, palette.PAPER_SHADE, box.blank)
    for row in box.rows[1:]:
        pygame.draw.line(
            surface, lighter(line, 0.55), row.rect.topleft, (row.rect.right - 1, row.rect.top)
        )
    pygame.draw.line(
        surface, line, (box.box.x, box.header.bottom), (box.box.right - 1, box.header.bottom), 2
    )
    if box.rows:
        last = box.rows[-1].rect
        pygame.draw.line(
            surface, lighter(line, 0.4), (last.x, last.bottom), (last.right - 1, last.bottom)
        )
    pygame.draw.rect(surface, line, box.box, 2)
    number = box.number
    pygame.draw.rect(surface, palette.INK, number, 1)
    digits = fit_text(str(box.party), round(number.h * 0.7), number.w - 2, True, min_size=6)
    surface.blit(digits, digits.get_rect(center=number.center))
    colour = party.color if party is not None else "#777777"
    if box.emblem.w >= 6:
        surface.blit(_emblem(box.party, colour, box.emblem.w), box.emblem)
    _party_name(surface, lay, box, party)
    _candidate_rows(surface, lay, box)


def _party_name(
    surface: pygame.Surface, lay: BallotLayout, box: PartyBox, party: Party | None
) -> None:
    """The party's name in one or two lines; its acronym when even two lines cannot hold it."""
    if party is None:
        return
    area = box.name
    size = max(MIN_TEXT, min(lay.text, round(area.h / 2.3)))
    face = font(size, True)
    step = round(size * 1.15)
    lines = [
        line.replace("- ", "-") for line in wrap(face, party.name.replace("-", "- "), area.w, 2)
    ]
    if any(text_size(face, line)[0] > area.w for line in lines) or len(lines) * step > area.h + 3:
        lines = [party.code]
    top = area.centery - step * len(lines) // 2
    for i, line in enumerate(lines):
        image = fit_text(line, size, area.w, True, min_size=MIN_TEXT)
        y = top + i * step + (step - image.get_height()) // 2
        surface.blit(image, (area.centerx - image.get_width() // 2, y))


def _candidate_rows(surface: pygame.Surface, lay: BallotLayout, box: PartyBox) -> None:
    if not box.rows:
        return
    size = _row_text_size(lay, box)
    number_w = text_size(font(size), "00.")[0] + 2
    for row in box.rows:
        rect = row.rect
        number = fit_text(f"{row.candidate.number}.", size, number_w, min_size=size)
        y = rect.centery - number.get_height() // 2
        surface.blit(number, (rect.x + 4, y))
        name = fit_text(row.candidate.name, size, rect.w - number_w - 8, min_size=size)
        surface.blit(name, (rect.x + 4 + number_w, y))


def _row_text_size(lay: BallotLayout, box: PartyBox) -> int:
    """One size for every candidate row of the ballot: the largest at which all names fit,
    but not below the floor (names still too long are then cut with "…")."""
    height = box.rows[0].rect.h
    top = max(6, min(lay.text, round(height * 0.78)))
    names = [row.candidate.name for b in lay.boxes for row in b.rows]
    width = box.rows[0].rect.w - 8
    floor = min(top, MIN_TEXT)
    for size in range(top, floor, -1):
        number_w = text_size(font(size), "00.")[0] + 2
        if all(text_size(font(size), name)[0] <= width - number_w for name in names):
            return size
    return floor


# --- Marks ---------------------------------------------------------------------------------------


def _marks(surface: pygame.Surface, lay: BallotLayout, ballot: Ballot) -> None:
    seen: Counter[str] = Counter()
    first: Point | None = None
    for i, mark in enumerate(ballot.marks):
        key = _mark_key(mark)
        point = mark_point(lay, mark, seen[key])
        seen[key] += 1
        if mark.mirror and first is not None:
            point = _mirrored(lay, mark, first, point)
        elif first is None and not mark.mirror:
            first = point
        _draw_mark(surface, point, lay.hole, mark.tool, i)


def _mark_key(mark: Mark) -> str:
    """Marks with the same key sit at the same spot, so repeats are spread apart."""
    spot = (mark.pair, mark.kosong, mark.party, mark.candidate, mark.neighbour)
    return f"{mark.place.value}:{spot}"


def _target_of(mark: Mark) -> str | None:
    if mark.kosong:
        return str(KOSONG)
    if mark.pair is not None:
        return str(Target.pair(mark.pair))
    if mark.party is not None:
        return str(Target.party(mark.party, mark.candidate))
    if mark.candidate is not None:
        return str(Target.dpd(mark.candidate))
    return None


def _neighbour_of(mark: Mark) -> str | None:
    n = mark.neighbour
    if n is None:
        return None
    if mark.party is not None:
        return str(Target.party(mark.party, n))
    if mark.candidate is not None:
        return str(Target.dpd(n))
    return str(Target.pair(n))


def mark_point(lay: BallotLayout, mark: Mark, nth: int = 0) -> Point:
    """Where ``mark`` is drawn on the ballot laid out as ``lay`` (the ``nth`` at its spot)."""
    if mark.place is Place.OUTSIDE:
        out = lay.outside
        return out.x + round(out.w * (0.08 + 0.16 * (nth % 5))), out.centery
    target = _target_of(mark)
    rect = lay.targets.get(target or "")
    if rect is None:  # a mark naming a column this ballot does not print: on the margin
        return lay.outside.x + lay.hole * 2, lay.outside.centery
    r = lay.hole
    if mark.place is Place.BLANK_AREA:
        box = next(b for b in lay.boxes if b.party == mark.party)
        blank = box.blank
        return blank.x + round(blank.w * _SPOTS[nth % len(_SPOTS)][0]), blank.centery
    if mark.place is Place.BORDER:
        shift = (nth % 3 - 1) * 3 * r
        if mark.party is not None:  # a party box's rows share lines: use the outer side
            return rect.x, rect.centery
        return rect.centerx + shift, rect.top
    if mark.place is Place.BETWEEN:
        other = lay.targets.get(_neighbour_of(mark) or "")
        if other is not None:
            return _between(rect, other)
    fx, fy = _SPOTS[nth % len(_SPOTS)]
    x = rect.x + round(rect.w * fx)
    y = rect.y + round(rect.h * fy) if rect.h > 6 * r else rect.centery
    return _clamp(x, rect.x + r + 2, rect.right - r - 3), _clamp(
        y, rect.y + r + 2, rect.bottom - r - 3
    )


def _between(a: pygame.Rect, b: pygame.Rect) -> Point:
    """A point on the line (or in the gap) that separates two boxes."""
    if a.bottom <= b.top or b.bottom <= a.top:  # one above the other
        y = (a.bottom + b.top) // 2 if a.bottom <= b.top else (b.bottom + a.top) // 2
        left, right = max(a.x, b.x), min(a.right, b.right)
        x = (left + right) // 2 if left < right else (a.centerx + b.centerx) // 2
        return x, y
    x = (a.right + b.left) // 2 if a.right <= b.left else (b.right + a.left) // 2
    top, bottom = max(a.y, b.y), min(a.bottom, b.bottom)
    return x, (top + bottom) // 2


def _mirrored(lay: BallotLayout, mark: Mark, first: Point, point: Point) -> Point:
    """A fold's second hole: level with the first, mirrored across the fold, in its column."""
    if mark.place is not Place.INSIDE:
        return point
    rect = lay.targets.get(_target_of(mark) or "")
    if rect is None:
        return point
    r = lay.hole
    x = _clamp(lay.size[0] - first[0], rect.x + r + 2, rect.right - r - 3)
    y = _clamp(first[1], rect.y + r + 2, rect.bottom - r - 3)
    return x, y


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value)) if low <= high else (low + high) // 2


def _draw_mark(surface: pygame.Surface, point: Point, radius: int, tool: Tool, index: int) -> None:
    image = _mark_image(radius, tool, index)
    surface.blit(image, image.get_rect(center=point))


def _mark_image(radius: int, tool: Tool, index: int) -> pygame.Surface:
    side = radius * 4
    c = Canvas((side, side), (40.0, 40.0), ss=4, halo=palette.PAPER_WHITE)
    if tool is Tool.PAKU:
        c.circle(20, 20, 10, palette.HOLE_RIM)
        c.polygon(_torn(20, 20, 5.6, index), (255, 255, 255))
        c.circle(20, 20, 2.6, (240, 240, 236))
    elif tool is Tool.PEN:
        c.polyline([(8, 21), (16, 30), (33, 8)], palette.PEN_BLUE, 3.4)
    elif tool is Tool.BURN:
        c.polygon(_torn(20, 20, 12, index + 3), palette.BURN)
        c.polygon(_torn(20, 20, 6.5, index + 5), (40, 28, 20))
    else:
        points = [(20 + 11 * math.cos(a / 6), 20 + 9 * math.sin(a / 6)) for a in range(0, 44)]
        c.polyline(points, palette.PENCIL, 2.0)
    return c.finish()


def _torn(cx: float, cy: float, r: float, seed: int) -> list[tuple[float, float]]:
    """A ragged circle: the torn edge of a hole."""
    h = stable_hash("torn", seed)
    points = []
    for i in range(14):
        wobble = 0.72 + 0.28 * ((h >> (i * 2)) & 3) / 3
        a = 2 * math.pi * i / 14
        points.append((cx + r * wobble * math.cos(a), cy + r * wobble * math.sin(a)))
    return points


def _writing(surface: pygame.Surface, lay: BallotLayout) -> None:
    """Words scrawled in pen across the lower body of the ballot."""
    body = lay.body
    w, h = max(24, body.w * 2 // 5), max(12, body.h // 8)
    x, y = body.x + body.w // 10, body.bottom - h - body.h // 12
    surface.blit(_strokes((w, h), handwriting(0, 0, w, h, "writing", words=3)), (x, y))


def _torn_corner(surface: pygame.Surface, lay: BallotLayout) -> None:
    """Tear off the bottom-right corner: a ragged cut that leaves the corner transparent."""
    w, h = lay.size
    size = max(14, min(w, h) // 6)
    bits = stable_hash("tear", w, h)
    edge = []
    steps = 9
    for i in range(steps + 1):
        t = i / steps
        jag = ((bits >> i) & 1) * 0.14 - 0.07
        edge.append((round(w - size * (1 - t) + size * jag), round(h - size * t + size * jag)))
    gone = [(w - size - 2, h), *edge, (w, h - size - 2), (w, h)]
    pygame.draw.polygon(surface, (0, 0, 0, 0), gone)
    pygame.draw.lines(surface, darker(palette.PAPER_SHADE, 0.25), False, edge, 2)
