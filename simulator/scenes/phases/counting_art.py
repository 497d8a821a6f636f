"""The C.Hasil plano on the wall during the count: one row per vote target, tally marks in
groups of five (four strokes and a strike through them), the count of each row, and the
totals below.

The rows' names are either drawn here (a plano only looked at) or left blank for the
scene's buttons, which sit over the name column (a plano the chair rules from). Nothing here
judges a ballot: the tally is whatever was ruled.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygame

from simulator.art import palette
from simulator.art.fonts import fit_text, font, render
from simulator.art.sheet import wrap
from simulator.core.targets import INVALID, all_targets
from simulator.schema.scenario import Contest, Party


@dataclass(frozen=True)
class PlanoRow:
    """One row of the plano: the target it tallies and its name in words."""

    target: str
    number: str  # "1", "1.2" for candidate 2 of party 1, "" for kolom kosong and invalid
    name: str
    full_name: str = ""  # when ``name`` is short: the pair's two names
    indent: bool = False  # a candidate row under its party


@dataclass(frozen=True)
class PlanoMetrics:
    width: int
    label_w: int  # the name column (where buttons go)
    count_w: int  # the figure column at the right
    row_h: int  # the least height of a row
    stroke: int  # distance between two strokes of a group
    stroke_h: int  # height of a stroke
    text_px: int
    pad: int
    min_height: int = 0  # the sheet is at least this tall, rows or not
    least: tuple[int, ...] = ()  # per row, the height its name needs (a long one wraps)

    @property
    def tally_w(self) -> int:
        return self.width - self.label_w - self.count_w - 3 * self.pad

    @property
    def group_w(self) -> int:
        return 6 * self.stroke  # four strokes 1 apart, then room before the next group

    @property
    def groups_per_line(self) -> int:
        return max(1, self.tally_w // self.group_w)

    @property
    def line_h(self) -> int:
        return self.stroke_h + self.stroke


def plano_rows(
    contest: Contest, parties: Sequence[Party], names: Mapping[str, str]
) -> list[PlanoRow]:
    """The rows of ``contest``'s plano in printed order, then the invalid row.

    ``names`` gives the words for the rows without a name of their own on the ballot:
    ``kosong`` and ``invalid``.
    """
    pairs = {p.number: p for p in contest.pairs}
    dpd = {c.number: c for c in contest.candidates}
    by_party = {p.number: p for p in parties}
    slates = {s.party: {c.number: c for c in s.candidates} for s in contest.slates}
    rows: list[PlanoRow] = []
    for target in all_targets(contest):
        text = str(target)
        kind, number, candidate = target.kind.value, target.number, target.candidate
        if kind == "pair" and number in pairs:
            pair = pairs[number]
            rows.append(PlanoRow(text, str(number), pair.head, f"{pair.head} – {pair.deputy}"))
        elif kind == "cand" and number in dpd:
            rows.append(PlanoRow(text, str(number), dpd[number].name))
        elif kind == "party" and candidate is None:
            party = by_party.get(number or 0)
            rows.append(PlanoRow(text, str(number), party.name if party else str(number)))
        elif kind == "party":
            person = slates.get(number or 0, {}).get(candidate or 0)
            name = person.name if person else str(candidate)
            rows.append(PlanoRow(text, f"{number}.{candidate}", name, indent=True))
        else:
            rows.append(PlanoRow(text, "", names.get(text, text)))
    rows.append(PlanoRow(str(INVALID), "", names.get(str(INVALID), str(INVALID))))
    return rows


def row_heights(rows: Sequence[PlanoRow], tally: Mapping[str, int], m: PlanoMetrics) -> list[int]:
    """Each row as tall as its tally marks need (never less than ``m.row_h``)."""
    heights = []
    for index, row in enumerate(rows):
        groups = math.ceil(tally.get(row.target, 0) / 5)
        lines = max(1, math.ceil(groups / m.groups_per_line))
        least = m.least[index] if index < len(m.least) else 0
        heights.append(max(m.row_h, least, lines * m.line_h + m.pad))
    return heights


def row_tops(heights: Sequence[int], m: PlanoMetrics) -> list[int]:
    tops, y = [], m.pad
    for h in heights:
        tops.append(y)
        y += h
    return tops


def plano_height(heights: Sequence[int], m: PlanoMetrics, summary_lines: int) -> int:
    line = font(m.text_px).get_linesize()
    return max(m.min_height, m.pad + sum(heights) + m.pad + summary_lines * line + m.pad)


@dataclass(frozen=True)
class RowLook:
    """What one row shows: its count, and whether it is marked (so a row whose look did not
    change is not drawn again)."""

    count: int
    latest: bool = False  # the row of the last ruling: a band and a pointer at its count
    chosen: bool = False  # a party typed on the keyboard, or one of its candidates


def row_looks(
    rows: Sequence[PlanoRow], tally: Mapping[str, int], latest: str | None, chosen: str | None
) -> list[RowLook]:
    """Each row's look: ``chosen`` is a party row, marked with its candidates' rows."""
    return [
        RowLook(
            tally.get(row.target, 0),
            row.target == latest,
            chosen is not None and (row.target == chosen or row.target.startswith(chosen + "/")),
        )
        for row in rows
    ]


def draw_plano(
    rows: Sequence[PlanoRow],
    tally: Mapping[str, int],
    m: PlanoMetrics,
    *,
    summary: Sequence[str],
    with_names: bool,
    latest: str | None = None,
    room_for: Mapping[str, int] | None = None,
    chosen: str | None = None,
) -> pygame.Surface:
    """The plano: the rows with their tally marks and counts, then ``summary`` lines.

    ``with_names`` draws the names (else the name column is left for buttons); ``latest``
    is the row of the last ruling, marked with a pointer beside its count. ``room_for`` is
    the tally the rows are made tall enough for (a plano filling up keeps its size);
    ``chosen`` is a party row typed on the keyboard, marked with its candidates' rows.
    """
    heights = row_heights(rows, tally if room_for is None else room_for, m)
    tops = row_tops(heights, m)
    surface = pygame.Surface((m.width, plano_height(heights, m, len(summary))))
    surface.fill(palette.PAPER_WHITE)
    looks = row_looks(rows, tally, latest, chosen)
    for row, top, height, look in zip(rows, tops, heights, looks, strict=True):
        draw_row(surface, row, pygame.Rect(0, top, m.width, height), look, m, with_names)
    draw_summary(surface, tops[-1] + heights[-1] + m.pad, summary, m)
    return surface


def draw_row(
    surface: pygame.Surface,
    row: PlanoRow,
    band: pygame.Rect,
    look: RowLook,
    m: PlanoMetrics,
    with_names: bool,
) -> None:
    """One row in ``band``, drawn over whatever was there (a row changes alone)."""
    surface.fill(palette.PAPER_WHITE, band)
    if look.latest:
        pygame.draw.rect(surface, palette.WARNING_LIGHT, band)
    if look.chosen:
        pygame.draw.rect(surface, palette.PRIMARY_LIGHT, band)
        bar = pygame.Rect(band.left, band.top, max(3, m.pad // 2), band.height)
        pygame.draw.rect(surface, palette.PRIMARY, bar)  # a shape, not colour only
    pygame.draw.line(surface, palette.PANEL_LINE, band.bottomleft, band.bottomright)
    tally_x = m.label_w + 2 * m.pad
    count_x = m.width - m.count_w - m.pad
    rule_x = tally_x - m.pad
    pygame.draw.line(surface, palette.INK, (rule_x, band.top), (rule_x, band.bottom - 1))
    if with_names:
        _draw_name(surface, row, band, m)
    lines = max(1, math.ceil(math.ceil(look.count / 5) / m.groups_per_line))
    _draw_tally(surface, look.count, tally_x, band.centery - (lines * m.line_h - m.stroke) // 2, m)
    figure = render(str(look.count), m.text_px + 2, palette.INK, bold=True)
    surface.blit(figure, figure.get_rect(midright=(count_x + m.count_w, band.centery)))
    if look.latest:
        _draw_pointer(surface, count_x, band.centery, m)
    _draw_edge(surface)


def draw_summary(surface: pygame.Surface, y: int, summary: Sequence[str], m: PlanoMetrics) -> None:
    """The totals under the rows, from ``y`` to the foot of the sheet."""
    surface.fill(palette.PAPER_WHITE, pygame.Rect(0, y, m.width, surface.get_height() - y))
    line = font(m.text_px).get_linesize()
    for text in summary:
        surface.blit(fit_text(text, m.text_px, m.width - 2 * m.pad, bold=True), (m.pad, y))
        y += line
    _draw_edge(surface)


def _draw_edge(surface: pygame.Surface) -> None:
    pygame.draw.rect(surface, palette.PANEL_LINE, surface.get_rect(), 1)


def _draw_name(surface: pygame.Surface, row: PlanoRow, band: pygame.Rect, m: PlanoMetrics) -> None:
    """The row's number and name, on as many lines as the name column needs."""
    x = m.pad + (2 * m.pad if row.indent else 0)
    text = f"{row.number}  {row.name}" if row.number else row.name
    room = m.label_w - (x - m.pad)
    face = font(m.text_px, not row.indent)
    lines = wrap(face, text, room, max(1, band.height // face.get_linesize()))
    rendered = [fit_text(line, m.text_px, room, bold=not row.indent) for line in lines]
    y = band.centery - sum(r.get_height() for r in rendered) // 2
    for line in rendered:
        surface.blit(line, (x, y))
        y += line.get_height()


def _draw_tally(surface: pygame.Surface, count: int, x: int, y: int, m: PlanoMetrics) -> None:
    """``count`` as tally marks: groups of four strokes struck through by a fifth."""
    per_line = m.groups_per_line
    width = max(2, m.stroke // 2)
    for group in range(math.ceil(count / 5)):
        line, slot = divmod(group, per_line)
        gx = x + slot * m.group_w
        gy = y + line * m.line_h
        strokes = min(4, count - group * 5)
        for i in range(strokes):
            sx = gx + i * m.stroke
            pygame.draw.line(surface, palette.PEN_BLUE, (sx, gy), (sx, gy + m.stroke_h), width)
        if count - group * 5 >= 5:
            start = (gx - m.stroke // 2, gy + m.stroke_h - 2)
            end = (gx + 3 * m.stroke + m.stroke // 2, gy + 2)
            pygame.draw.line(surface, palette.PEN_BLUE, start, end, width)


def _draw_pointer(surface: pygame.Surface, x: int, y: int, m: PlanoMetrics) -> None:
    """A small triangle pointing at the figure that just grew (shape, not colour only)."""
    size = max(4, m.text_px // 2)
    points = [(x, y - size), (x + size, y), (x, y + size)]
    pygame.draw.polygon(surface, palette.WARNING, points)
