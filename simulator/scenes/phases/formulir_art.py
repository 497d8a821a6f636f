"""The C.Hasil form as the trainee sees it: rows laid out like the printed form, and the paper
they sit on (row labels, section bands, grid lines, figures already signed, struck figures).

The scene puts one entry per cell on top of this paper; the paper itself is one cached picture.
Nothing here judges a figure: it lays out and draws what the form holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from simulator.art import palette, sheet
from simulator.art.fonts import fit_text, font, render
from simulator.core import forms
from simulator.i18n import Catalog
from simulator.schema.scenario import Contest, Scenario

# Section I rows: A1-A4 then B1-B4, each with men, women and total cells.
SECTION_I_ROWS = tuple(f"{s}{n}" for s in "AB" for n in "1234")
SECTION_II = ("II.1", "II.2", "II.3", "II.4")
SECTION_III = ("III.registered", "III.voted")
SECTION_V = ("V.valid", "V.invalid", "V.total")


@dataclass(frozen=True)
class Metrics:
    """Lengths in pixels for one window size and text size."""

    width: int  # of the paper
    entry_w: int
    entry_h: int
    gap: int
    pad: int
    label_px: int  # font size of row labels
    title_px: int  # font size of section titles

    def column_x(self, column: int) -> int:
        """Left edge of cell column 0 (men), 1 (women) or 2 (total)."""
        right = self.width - self.pad
        return right - (3 - column) * self.entry_w - (2 - column) * self.gap

    @property
    def label_w(self) -> int:
        """Width of the label of a row with three cells."""
        return self.column_x(0) - 2 * self.pad

    @property
    def wide_label_w(self) -> int:
        """Width of the label of a row with one cell (in the total column), leaving room
        for a figure struck through beside the cell."""
        return self.column_x(2) - 2 * self.pad - self.entry_w // 2


@dataclass
class Row:
    """One horizontal band of the form."""

    kind: str  # "title", "section", "heading", "columns", "field"
    lines: list[str]
    y: int = 0
    h: int = 0
    sub: str | None = None  # a second, muted line (names of the pair, party or candidate)
    cells: tuple[str | None, str | None, str | None] = (None, None, None)
    bold: bool = False
    indent: int = 0

    def cell_rect(self, column: int, m: Metrics) -> pygame.Rect:
        top = self.y + (self.h - m.entry_h) // 2
        return pygame.Rect(m.column_x(column), top, m.entry_w, m.entry_h)


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (a word too long stays on its own)."""
    return sheet.wrap(font(size, bold), text, width, max_lines=10**6) or [""]


def _label(cat: Catalog, field_id: str) -> str:
    ref = forms.field_label(field_id)[0]
    return cat(ref.key, **ref.params)


def row_names(contest: Contest, scenario: Scenario) -> dict[str, str]:
    """The names printed beside section IV rows: the pair, party or candidate."""
    names: dict[str, str] = {}
    for pair in contest.pairs:
        names[f"pair:{pair.number}"] = f"{pair.head} – {pair.deputy}"
    for candidate in contest.candidates:
        names[f"cand:{candidate.number}"] = candidate.name
    parties = {p.number: p for p in scenario.parties}
    for slate in contest.slates:
        party = parties.get(slate.party)
        party_name = party.name if party else str(slate.party)
        names[f"party:{slate.party}"] = party_name
        names[f"party:{slate.party}/total"] = party_name
        for candidate in slate.candidates:
            names[f"party:{slate.party}/cand:{candidate.number}"] = candidate.name
    return names


def layout(
    contest: Contest,
    scenario: Scenario,
    cat: Catalog,
    m: Metrics,
    title: str,
    place: str,
    hint: str = "",
) -> list[Row]:
    """The rows of the C.Hasil of ``contest``, with their positions on a paper ``m.width``
    wide; ``hint`` (how to fill it in) goes under the heading."""
    rows: list[Row] = [
        Row("title", [title]),
        Row("heading", wrap(place, m.label_px, m.width - 2 * m.pad)),
        *([Row("hint", wrap(hint, m.label_px, m.width - 2 * m.pad))] if hint else []),
        Row("section", [cat("forms.section.I")]),
        Row("heading", [cat("forms.section.I.A")]),
        Row("columns", [cat(f"forms.column.{c}") for c in forms.COLUMNS]),
    ]
    for name in SECTION_I_ROWS:
        if name == "B1":
            rows.append(Row("heading", [cat("forms.section.I.B")]))
            rows.append(Row("columns", [cat(f"forms.column.{c}") for c in forms.COLUMNS]))
        cells = tuple(f"I.{name}.{c}" for c in forms.COLUMNS)
        text = cat(f"forms.field.I.{name}")
        rows.append(
            Row("field", wrap(text, m.label_px, m.label_w), cells=cells, bold=name[1] == "4")
        )
    _single_rows(rows, "II", SECTION_II, cat, m)
    _single_rows(rows, "III", SECTION_III, cat, m)
    rows.append(Row("section", [cat("forms.section.IV")]))
    names = row_names(contest, scenario)
    for key in forms.row_keys(contest):
        field_id = f"IV.{key}"
        is_total = key.endswith("/total")
        indent = m.pad * 2 if "/cand:" in key else 0
        rows.append(
            Row(
                "field",
                wrap(_label(cat, field_id), m.label_px, m.wide_label_w - indent, bold=is_total),
                sub=names.get(key),
                cells=(None, None, field_id),
                bold=is_total,
                indent=indent,
            )
        )
    _single_rows(rows, "V", SECTION_V, cat, m)
    _place(rows, m)
    return rows


def _single_rows(
    rows: list[Row], section: str, ids: Sequence[str], cat: Catalog, m: Metrics
) -> None:
    rows.append(Row("section", [cat(f"forms.section.{section}")]))
    for field_id in ids:
        bold = field_id in ("II.4", "V.total")
        lines = wrap(_label(cat, field_id), m.label_px, m.wide_label_w, bold=bold)
        rows.append(Row("field", lines, cells=(None, None, field_id), bold=bold))


def _place(rows: list[Row], m: Metrics) -> None:
    line = font(m.label_px).get_linesize()
    title_line = font(m.title_px, True).get_linesize()
    y = m.pad
    for row in rows:
        if row.kind in ("title", "section"):
            row.h = title_line + m.gap
        elif row.kind in ("heading", "hint"):
            row.h = len(row.lines) * line + m.gap // 2
        elif row.kind == "columns":
            lines = max(len(wrap(label, m.label_px, m.entry_w + m.gap)) for label in row.lines)
            row.h = min(2, lines) * line + m.gap // 2
        else:
            text_lines = len(row.lines) + (1 if row.sub else 0)
            row.h = max(m.entry_h + m.gap, text_lines * line + m.gap)
        row.y = y
        y += row.h
    rows.append(Row("end", [], y=y, h=m.pad))


def paper_height(rows: Sequence[Row]) -> int:
    last = rows[-1]
    return last.y + last.h


def cells(rows: Sequence[Row], m: Metrics) -> list[tuple[str, pygame.Rect]]:
    """Every cell in printed order with its rectangle on the paper."""
    found: list[tuple[str, pygame.Rect]] = []
    for row in rows:
        for column, field_id in enumerate(row.cells):
            if field_id is not None:
                found.append((field_id, row.cell_rect(column, m)))
    return found


# --- Drawing ---------------------------------------------------------------------------------


def draw_paper(
    rows: Sequence[Row],
    m: Metrics,
    figure: Callable[[str], int | None],
    struck: Callable[[str], Sequence[int]],
    signed: bool,
    stamp: str,
) -> pygame.Surface:
    """The form's paper: labels, bands and lines; with ``signed`` the figures are written in
    ink (no entries sit on a signed form) and ``stamp`` is printed across its head."""
    height = paper_height(rows)
    surface = pygame.Surface((m.width, height))
    surface.fill(palette.PAPER_WHITE)
    line_px = font(m.label_px).get_linesize()
    for row in rows:
        _draw_row(surface, row, m, line_px, figure, struck, signed)
    if signed:
        _draw_stamp(surface, m, stamp)
    pygame.draw.rect(surface, palette.PANEL_LINE, surface.get_rect(), 1)
    return surface


def _draw_row(
    surface: pygame.Surface,
    row: Row,
    m: Metrics,
    line_px: int,
    figure: Callable[[str], int | None],
    struck: Callable[[str], Sequence[int]],
    signed: bool,
) -> None:
    x = m.pad
    if row.kind == "title":
        room = m.width // 2 if signed else m.width - 2 * m.pad  # the stamp takes the right
        text = fit_text(row.lines[0], m.title_px, room, bold=True)
        surface.blit(text, (x, row.y))
        return
    if row.kind == "section":
        band = pygame.Rect(0, row.y + 2, m.width, row.h - 4)
        pygame.draw.rect(surface, palette.PRIMARY_LIGHT, band)
        text = fit_text(
            row.lines[0], m.title_px, m.width - 2 * m.pad, bold=True, colour=palette.PRIMARY_DARK
        )
        surface.blit(text, (x, band.centery - text.get_height() // 2))
        return
    if row.kind == "heading":
        for index, line in enumerate(row.lines):
            text = fit_text(line, m.label_px, m.width - 2 * m.pad, bold=True, colour=palette.MUTED)
            surface.blit(text, (x, row.y + index * line_px))
        return
    if row.kind == "hint":
        for index, line in enumerate(row.lines):
            text = fit_text(
                line, m.label_px, m.width - 2 * m.pad, colour=palette.PRIMARY_DARK, italic=True
            )
            surface.blit(text, (x, row.y + index * line_px))
        return
    if row.kind == "columns":
        for column, label in enumerate(row.lines):
            _centred_lines(surface, label, m, column, row.y, line_px)
        return
    if row.kind != "field":
        return
    pygame.draw.line(
        surface, palette.PANEL_LINE, (0, row.y + row.h - 1), (m.width, row.y + row.h - 1)
    )
    top = row.y + (row.h - (len(row.lines) + (1 if row.sub else 0)) * line_px) // 2
    width = (m.label_w if row.cells[0] else m.wide_label_w) - row.indent
    for index, line in enumerate(row.lines):
        text = fit_text(line, m.label_px, width, bold=row.bold)
        surface.blit(text, (x + row.indent, top + index * line_px))
    if row.sub:
        text = fit_text(row.sub, m.label_px, width, colour=palette.MUTED, italic=True)
        surface.blit(text, (x + row.indent, top + len(row.lines) * line_px))
    for column, field_id in enumerate(row.cells):
        if field_id is None:
            continue
        rect = row.cell_rect(column, m)
        pygame.draw.rect(surface, palette.PANEL_LINE, rect.inflate(4, 4), 1)
        old = struck(field_id)
        if old:
            _draw_struck(surface, rect, old, m)
        value = figure(field_id)
        if signed:
            pygame.draw.rect(surface, palette.PAPER_WHITE, rect)
            if value is not None:
                text = render(str(value), m.title_px, palette.PEN_BLUE, bold=True)
                surface.blit(text, text.get_rect(center=rect.center))


def _centred_lines(
    surface: pygame.Surface, label: str, m: Metrics, column: int, y: int, line_px: int
) -> None:
    lines = wrap(label, m.label_px, m.entry_w + m.gap)
    for index, line in enumerate(lines[:2]):
        text = fit_text(line, m.label_px, m.entry_w + m.gap, bold=True, colour=palette.MUTED)
        centre_x = m.column_x(column) + m.entry_w // 2
        surface.blit(text, (centre_x - text.get_width() // 2, y + index * line_px))


def _draw_struck(
    surface: pygame.Surface, rect: pygame.Rect, old: Sequence[int], m: Metrics
) -> None:
    """Figures struck through and initialled, written just left of the cell."""
    right = rect.left - m.gap
    for value in reversed(old):
        text = render(str(value), m.label_px, palette.DANGER)
        box = text.get_rect(midright=(right, rect.centery))
        surface.blit(text, box)
        pygame.draw.line(surface, palette.DANGER, box.midleft, box.midright, 2)
        right = box.left - m.gap


def _draw_stamp(surface: pygame.Surface, m: Metrics, stamp: str) -> None:
    text = fit_text(stamp, m.title_px, m.width // 2, bold=True, colour=palette.OK)
    box = text.get_rect(topright=(m.width - m.pad, m.pad // 2))
    frame = box.inflate(m.gap * 2, m.gap)
    pygame.draw.rect(surface, palette.OK_LIGHT, frame, border_radius=4)
    pygame.draw.rect(surface, palette.OK, frame, 2, border_radius=4)
    surface.blit(text, box)
