"""Where everything sits on a drawn ballot: one layout for drawing, marks and clicks.

:func:`layout_ballot` places the header, the signature box and every column, party box and
candidate row of a contest on a ballot of a given pixel size. The drawing
(:mod:`simulator.art.ballots`), the punch holes and a scene's hit-testing all read this one
layout, so a hole drawn "inside pair 2" is inside the rectangle a click on pair 2 hits.

Targets are named as :mod:`simulator.core.targets` writes them (``pair:2``, ``kosong``,
``cand:4``, ``party:3``, ``party:3/cand:2``); their rectangles never overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Final

import pygame

from simulator.core.domain import LAYOUT_OF
from simulator.core.targets import KOSONG, Target
from simulator.schema.scenario import Candidate, Contest, Pair, PartySlate
from simulator.schema.types import Layout

MIN_TEXT: Final = 7  # the smallest text printed on a ballot, in pixels


@dataclass(frozen=True, slots=True)
class PairColumn:
    target: str
    rect: pygame.Rect
    pair: Pair | None  # None: the empty column (kolom kosong)
    number: pygame.Rect
    photo: pygame.Rect
    names: pygame.Rect
    parties: pygame.Rect


@dataclass(frozen=True, slots=True)
class CandidateCell:
    target: str
    rect: pygame.Rect
    candidate: Candidate
    number: pygame.Rect
    photo: pygame.Rect
    name: pygame.Rect


@dataclass(frozen=True, slots=True)
class CandidateRow:
    target: str
    rect: pygame.Rect
    candidate: Candidate


@dataclass(frozen=True, slots=True)
class PartyBox:
    party: int
    box: pygame.Rect  # the whole box: party column, candidate rows and shaded area
    header: pygame.Rect  # the party column (number, emblem, name): target ``party:N``
    number: pygame.Rect
    emblem: pygame.Rect
    name: pygame.Rect
    rows: tuple[CandidateRow, ...]
    blank: pygame.Rect  # the shaded area below the last candidate


@dataclass(frozen=True, slots=True)
class BallotLayout:
    size: tuple[int, int]
    layout: Layout
    header: pygame.Rect
    title: pygame.Rect
    signature: pygame.Rect
    body: pygame.Rect
    outside: pygame.Rect  # blank paper outside every column, for marks "outside"
    hole: int  # radius of a punch hole, in pixels
    text: int  # body text size, in pixels
    pairs: tuple[PairColumn, ...] = ()
    cells: tuple[CandidateCell, ...] = ()
    boxes: tuple[PartyBox, ...] = ()
    targets: dict[str, pygame.Rect] = field(default_factory=dict)


def layout_ballot(contest: Contest, size: tuple[int, int]) -> BallotLayout:
    """The layout of ``contest``'s ballot at ``size`` pixels."""
    w, h = max(1, size[0]), max(1, size[1])
    kind = LAYOUT_OF[contest.ballot]
    margin = max(3, round(min(w, h) * 0.018))
    header_h = max(24, min(64, round(h * (0.1 if kind is Layout.PARTY_LIST else 0.13))))
    header = pygame.Rect(margin, margin, w - 2 * margin, header_h)
    sign_w = min(round(header_h * 2.3), header.w // 4)
    signature = pygame.Rect(header.right - sign_w - 4, header.y + 4, sign_w, header_h - 8)
    title = pygame.Rect(header.x + 6, header.y + 2, signature.x - header.x - 12, header_h - 4)
    hole = max(3, min(10, round(min(w, h) / 56)))
    strip = max(2 * hole + 6, round(h * 0.045))
    top = header.bottom + max(4, margin)
    body = pygame.Rect(margin, top, w - 2 * margin, h - top - strip - margin)
    outside = pygame.Rect(margin, body.bottom + 2, w - 2 * margin, h - body.bottom - 2 - margin)
    base = BallotLayout(
        size=(w, h),
        layout=kind,
        header=header,
        title=title,
        signature=signature,
        body=body,
        outside=outside,
        hole=hole,
        text=max(MIN_TEXT, min(16, round(h / 34))),
    )
    if kind is Layout.PAIR:
        return _pairs(base, contest)
    if kind is Layout.INDIVIDUAL:
        return _individuals(base, contest)
    return _party_boxes(base, contest)


# --- Pair ballots --------------------------------------------------------------------------------


def _pairs(base: BallotLayout, contest: Contest) -> BallotLayout:
    pairs: list[Pair | None] = sorted(contest.pairs, key=lambda p: p.number)
    if len(pairs) == 1:
        pairs.append(None)
    body = base.body
    n = max(1, len(pairs))
    gap = max(6, round(body.w * 0.015), 2 * base.hole + 6)
    col_w = min((body.w - (n - 1) * gap) // n, round(body.h * 0.85))
    left = body.x + (body.w - (n * col_w + (n - 1) * gap)) // 2
    columns: list[PairColumn] = []
    for i, pair in enumerate(pairs):
        rect = pygame.Rect(left + i * (col_w + gap), body.y, col_w, body.h)
        target = str(KOSONG) if pair is None else str(Target.pair(pair.number))
        columns.append(_pair_column(target, rect, pair))
    targets = {c.target: c.rect for c in columns}
    text = max(MIN_TEXT, min(18, round(body.h * 0.055)))
    return _with(base, pairs=tuple(columns), targets=targets, text=text)


def _pair_column(target: str, rect: pygame.Rect, pair: Pair | None) -> PairColumn:
    pad = max(3, round(rect.w * 0.05))
    inner = rect.inflate(-2 * pad, -2 * pad)
    number_h = max(14, round(rect.h * 0.15))
    photo_h = round(rect.h * 0.47)
    names_h = round(rect.h * 0.2)
    number = pygame.Rect(inner.x, inner.y, inner.w, number_h)
    photo = pygame.Rect(inner.x, number.bottom + pad // 2, inner.w, photo_h)
    names = pygame.Rect(inner.x, photo.bottom + pad // 2, inner.w, names_h)
    parties = pygame.Rect(inner.x, names.bottom, inner.w, max(0, inner.bottom - names.bottom))
    return PairColumn(target, rect, pair, number, photo, names, parties)


# --- DPD ballots ---------------------------------------------------------------------------------


def _grid(count: int, area: pygame.Rect, gap: int, aspect: float) -> tuple[int, int]:
    """Rows and columns for ``count`` cells in ``area`` that make cells as big as possible
    while keeping about ``aspect`` (width / height)."""
    best, best_score = (1, max(1, count)), -1.0
    for rows in range(1, max(1, count) + 1):
        cols = math.ceil(count / rows)
        cell_w = (area.w - (cols - 1) * gap) / cols
        cell_h = (area.h - (rows - 1) * gap) / rows
        score = min(cell_w, cell_h * aspect)
        if score > best_score:
            best, best_score = (rows, cols), score
    return best


def _individuals(base: BallotLayout, contest: Contest) -> BallotLayout:
    candidates = sorted(contest.candidates, key=lambda c: c.number)
    body = base.body
    gap = max(5, round(body.w * 0.012), 2 * base.hole + 6)
    rows, cols = _grid(len(candidates), body, gap, 0.72)
    cell_h = (body.h - (rows - 1) * gap) // rows
    cell_w = min((body.w - (cols - 1) * gap) // cols, round(cell_h * 0.85))
    left = body.x + (body.w - (cols * cell_w + (cols - 1) * gap)) // 2
    cells: list[CandidateCell] = []
    for i, candidate in enumerate(candidates):
        row, col = divmod(i, cols)
        rect = pygame.Rect(
            left + col * (cell_w + gap), body.y + row * (cell_h + gap), cell_w, cell_h
        )
        pad = max(2, round(cell_w * 0.06))
        inner = rect.inflate(-2 * pad, -2 * pad)
        number = pygame.Rect(inner.x, inner.y, inner.w, round(inner.h * 0.16))
        name_h = max(MIN_TEXT + 4, round(inner.h * 0.2))
        name = pygame.Rect(inner.x, inner.bottom - name_h, inner.w, name_h)
        photo = pygame.Rect(inner.x, number.bottom + 2, inner.w, name.y - number.bottom - 4)
        target = str(Target.dpd(candidate.number))
        cells.append(CandidateCell(target, rect, candidate, number, photo, name))
    targets = {c.target: c.rect for c in cells}
    text = max(MIN_TEXT, min(16, round(cell_h * 0.075), round(cell_w / 9)))
    hole = max(3, min(base.hole, gap - 1, cell_w // 6))
    return _with(base, cells=tuple(cells), targets=targets, text=text, hole=hole)


# --- DPR and DPRD ballots ------------------------------------------------------------------------


def _party_boxes(base: BallotLayout, contest: Contest) -> BallotLayout:
    slates = sorted(contest.slates, key=lambda s: s.party)
    body = base.body
    gap = max(6, round(body.w * 0.012))
    slots = max((len(s.candidates) for s in slates), default=0) + 0.8  # room for the shade
    rows, cols = _party_grid(len(slates), body, gap, slots)
    box_w = (body.w - (cols - 1) * gap) // cols
    box_h = (body.h - (rows - 1) * gap) // rows
    box_w = min(box_w, round(box_h * 1.1))
    left = body.x + (body.w - (cols * box_w + (cols - 1) * gap)) // 2
    header_h = _party_header(box_w, box_h)
    row_h = min((box_h - header_h) / slots, _MAX_ROW)
    text = max(MIN_TEXT, min(15, round(row_h * 0.68), round(box_w / 8.5)))
    boxes: list[PartyBox] = []
    for i, slate in enumerate(slates):
        row, col = divmod(i, cols)
        rect = pygame.Rect(left + col * (box_w + gap), body.y + row * (box_h + gap), box_w, box_h)
        boxes.append(_party_box(slate, rect, header_h, row_h))
    hole = max(3, min(base.hole, round(row_h * 0.42), gap - 1))
    targets: dict[str, pygame.Rect] = {}
    for box in boxes:
        targets[str(Target.party(box.party))] = box.header
        targets.update((r.target, r.rect) for r in box.rows)
    return _with(base, boxes=tuple(boxes), targets=targets, text=text, hole=hole)


def _party_header(box_w: float, box_h: float) -> int:
    return round(max(34.0, min(box_h * 0.3, box_w * 0.8, 100.0)))


_MAX_ROW: Final = 34.0  # taller candidate rows read no better; the rest stays shaded
_ENOUGH_TEXT: Final = 14.0  # text this big is comfortable: prefer fewer rows of boxes


def _party_grid(count: int, body: pygame.Rect, gap: int, slots: float) -> tuple[int, int]:
    """Rows and columns of party boxes that leave the largest readable text, in as few rows
    as give that (real ballots run the parties side by side)."""
    best, best_score = (1, max(1, count)), -1.0
    for rows in range(1, max(1, count) + 1):
        cols = math.ceil(count / rows)
        box_w = (body.w - (cols - 1) * gap) / cols
        box_h = (body.h - (rows - 1) * gap) / rows
        box_w = min(box_w, box_h * 1.1)
        row_h = min((box_h - _party_header(box_w, box_h)) / slots, _MAX_ROW)
        score = min(row_h * 0.68, box_w / 8.5, _ENOUGH_TEXT)
        if score > best_score + 0.25:
            best, best_score = (rows, cols), score
    return best


def _party_box(slate: PartySlate, rect: pygame.Rect, header_h: int, row_h: float) -> PartyBox:
    header = pygame.Rect(rect.x, rect.y, rect.w, header_h)
    pad = max(2, round(header_h * 0.08))
    name_h = max(MIN_TEXT + 3, round(header_h * 0.42))
    top_h = header_h - name_h - 2 * pad
    number = pygame.Rect(
        header.x + pad, header.y + pad, min(top_h, rect.w // 4), min(top_h, rect.w // 4)
    )
    emblem_side = max(4, min(top_h, rect.w - 2 * number.w - 4 * pad))
    emblem = pygame.Rect(0, header.y + pad, emblem_side, emblem_side)
    emblem.centerx = header.centerx
    name = pygame.Rect(
        header.x + pad, header.bottom - name_h - pad // 2, header.w - 2 * pad, name_h
    )
    rows: list[CandidateRow] = []
    candidates = sorted(slate.candidates, key=lambda c: c.number)
    for i, candidate in enumerate(candidates):
        top = header.bottom + round(i * row_h)
        bottom = header.bottom + round((i + 1) * row_h)
        target = str(Target.party(slate.party, candidate.number))
        rows.append(CandidateRow(target, pygame.Rect(rect.x, top, rect.w, bottom - top), candidate))
    blank_top = header.bottom + round(len(candidates) * row_h)
    blank = pygame.Rect(rect.x, blank_top, rect.w, rect.bottom - blank_top)
    return PartyBox(slate.party, rect, header, number, emblem, name, tuple(rows), blank)


def _with(base: BallotLayout, **changes: object) -> BallotLayout:
    return replace(base, **changes)  # type: ignore[arg-type]
