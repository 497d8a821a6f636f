"""The last ballots ruled, kept in view beside the count: a small picture of each, its ruling
in words and, in Latihan, what the ruling broke. A trainee (and a hall watching the
projector) sees what was just ruled after the ballot has left the table.

The findings come from the engine: those naming the ballot (``dpr#12``), and those the scene
saw arrive with the ruling (a ballot not shown names only its box). Nothing here judges.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pygame

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.art import palette
from simulator.art.ballots import draw_ballot
from simulator.art.fonts import fit_text, font
from simulator.core.domain import district_of
from simulator.core.phases.penghitungan import ballot_subject
from simulator.core.rules import Finding
from simulator.core.state import World
from simulator.presenter import finding_text
from simulator.scenes.phases.formulir_art import wrap
from simulator.schema.types import BallotType

SHOWN = 5  # rulings kept in view, at most (fewer when the column is short)
TEXT = 16  # points: legible from the chair, and from the back of a hall on a projector
THUMB = (54, 48)  # design units: a ballot's small picture


@dataclass(frozen=True)
class RecentRuling:
    """One of the last ballots the trainee ruled, newest first."""

    index: int  # its place in the box, from 0
    ruled: str  # the plano row it went to
    findings: tuple[Finding, ...]


def recent_rulings(
    world: World,
    findings: Sequence[Finding],
    ballot: BallotType,
    seen: Mapping[tuple[BallotType, int], Sequence[Finding]],
    count: int = SHOWN,
) -> list[RecentRuling]:
    """The trainee's last ``count`` rulings of the ``ballot`` box, newest first, with the
    findings each drew (``seen``: what arrived with each ruling in this sitting)."""
    rulings = world.counting.rulings.get(ballot, [])
    own = len(rulings) - world.counting.delegated.get(ballot, 0)
    wanted = {ballot_subject(ballot, i): i for i in range(max(0, own - count), own)}
    named: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.subject in wanted:
            named.setdefault(wanted[finding.subject], []).append(finding)
    recent = []
    for index in sorted(wanted.values(), reverse=True):
        drew = named.get(index, [])
        drew += [f for f in seen.get((ballot, index), ()) if f not in drew]
        recent.append(RecentRuling(index, rulings[index], tuple(drew)))
    return recent


@dataclass(frozen=True)
class RecentLine:
    """One entry as drawn: a picture, the ruling in words, notes under it, and a mark."""

    picture: pygame.Surface | None
    text: str
    notes: tuple[str, ...] = ()
    mark: str = ""  # "ok", "mistake", or "" (Ujian: no hint either way)


def draw_recent(
    heading: str, intro: str, lines: Sequence[RecentLine], size: tuple[int, int], text_px: int
) -> pygame.Surface:
    """The panel: ``heading``, an ``intro`` line (the crew's share, or that nothing is ruled
    yet), then as many ``lines`` as fit in ``size``, newest at the top."""
    width, height = size
    surface = pygame.Surface(size, pygame.SRCALPHA)
    line_h = font(text_px).get_linesize()
    y = 0
    title = fit_text(heading, text_px + 2, width, bold=True, colour=palette.PRIMARY_DARK)
    surface.blit(title, (0, y))
    y += title.get_height() + line_h // 4
    for text in wrap(intro, text_px, width) if intro else []:
        surface.blit(fit_text(text, text_px, width, colour=palette.MUTED), (0, y))
        y += line_h
    for line in lines:
        entry = _entry(line, width, text_px)
        if y + entry.get_height() > height:
            break
        surface.blit(entry, (0, y))
        y += entry.get_height() + line_h // 3
    return surface


def _entry(line: RecentLine, width: int, text_px: int) -> pygame.Surface:
    line_h = font(text_px).get_linesize()
    mark_w = line_h if line.mark else 0
    picture_w = line.picture.get_width() + line_h // 2 if line.picture is not None else 0
    text_w = max(1, width - picture_w - mark_w)
    texts = [(t, True, palette.INK) for t in wrap(line.text, text_px, text_w, bold=True)]
    for note in line.notes:
        texts += [(t, False, palette.DANGER) for t in wrap(note, text_px, text_w)]
    picture_h = line.picture.get_height() if line.picture is not None else 0
    entry = pygame.Surface((width, max(picture_h, len(texts) * line_h)), pygame.SRCALPHA)
    if line.picture is not None:
        entry.blit(line.picture, (0, 0))
        pygame.draw.rect(entry, palette.PANEL_LINE, line.picture.get_rect(), 1)
    if line.mark:
        _mark(entry, line.mark, (picture_w + line_h // 2, line_h // 2), line_h)
    for row, (text, bold, colour) in enumerate(texts):
        rendered = fit_text(text, text_px, text_w, bold=bold, colour=colour)
        entry.blit(rendered, (picture_w + mark_w, row * line_h))
    return entry


def _mark(surface: pygame.Surface, mark: str, centre: tuple[int, int], line_h: int) -> None:
    """A circle for a ruling that drew nothing, a triangle for one that drew a finding: the
    meaning rests on the shape, not on the colour alone (as the feedback strip's icon)."""
    x, y = centre
    r = max(4, line_h // 3)
    if mark == "ok":
        pygame.draw.circle(surface, palette.OK, centre, r)
    else:
        points = [(x, y - r), (x + r, y + r), (x - r, y + r)]
        pygame.draw.polygon(surface, palette.DANGER, points)


@dataclass
class RecentPanel:
    """The panel on the counting screen: where it is, and its picture, made again only when
    a ruling was added (or the language, the mode or the room changed)."""

    ctx: AppContext
    session: PlaySession
    row_name: Callable[[BallotType, str], str]  # a plano row in words
    box_name: Callable[[BallotType], str]
    rect: pygame.Rect | None = None
    seen: dict[tuple[BallotType, int], list[Finding]] = field(default_factory=dict)
    _thumbs: dict[tuple[BallotType, int], pygame.Surface] = field(default_factory=dict)
    _drawn: tuple[tuple[object, ...], pygame.Surface] | None = None

    @property
    def world(self) -> World:
        return self.session.sim.world

    def place(self, rect: pygame.Rect | None) -> None:
        self.rect, self._drawn = rect, None

    def ballot(self) -> BallotType | None:
        """The box whose rulings are shown: the open one, else the last one opened."""
        counting = self.world.counting
        return counting.open_box or (counting.order[-1] if counting.order else None)

    def saw(self, ballot: BallotType, index: int, drew: Sequence[Finding]) -> None:
        """What the ruling of the ``index``-th ballot drew, as it arrived."""
        self.seen[(ballot, index)] = list(drew)

    def keep_thumb(self, ballot: BallotType, index: int, picture: pygame.Surface) -> None:
        """The ballot's large picture, shrunk while it is at hand."""
        self._thumbs[(ballot, index)] = pygame.transform.smoothscale(picture, self._thumb_size())

    def draw(self, surface: pygame.Surface, crew_so_far: int | None = None) -> None:
        picture = self.picture(crew_so_far)
        if picture is not None and self.rect is not None:
            surface.blit(picture, self.rect)

    def picture(self, crew_so_far: int | None = None) -> pygame.Surface | None:
        """The panel; ``crew_so_far``: how many of the crew's ballots are on the plano yet,
        while they are appearing."""
        rect, ballot = self.rect, self.ballot()
        if rect is None or ballot is None or rect.height < self.ctx.px(60):
            return None
        counting, hints, cat = self.world.counting, self.session.hints, self.ctx.cat
        ruled = len(counting.rulings.get(ballot, []))
        key = (ballot, ruled, rect.size, cat.lang, hints, crew_so_far)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        lines = self.lines(ballot)
        crew = counting.delegated.get(ballot, 0)
        intro = ""
        if crew and crew_so_far is not None:
            intro = cat("scene.penghitungan.recent.crew_so_far", done=crew_so_far, count=crew)
        elif crew:
            intro = cat("scene.penghitungan.recent.crew", count=crew)
        elif not lines:
            intro = cat("scene.penghitungan.recent.none")
        title = cat("scene.penghitungan.recent.title", ballot=self.box_name(ballot))
        picture = draw_recent(title, intro, lines, rect.size, self.ctx.font_px(TEXT))
        self._drawn = (key, picture)
        return picture

    def lines(self, ballot: BallotType) -> list[RecentLine]:
        """The entries of the ``ballot`` box's last rulings, newest first, as drawn."""
        hints = self.session.hints
        findings = self.session.sim.findings if hints else ()
        entries = recent_rulings(self.world, findings, ballot, self.seen if hints else {})
        return [self._line(ballot, entry, hints) for entry in entries]

    def _line(self, ballot: BallotType, entry: RecentRuling, hints: bool) -> RecentLine:
        cat = self.ctx.cat
        number = entry.index + 1
        if entry.ruled == "invalid":
            text = cat("scene.penghitungan.recent.invalid", number=number)
        else:
            row = self.row_name(ballot, entry.ruled)
            text = cat("scene.penghitungan.recent.valid", number=number, row=row)
        notes: list[str] = []
        mark = ""
        if hints:  # in Ujian neither a mistake nor its absence is shown before the debrief
            mark = "mistake" if entry.findings else "ok"
            for finding in entry.findings:
                notes.append(finding_text(finding, cat).title)
                params = finding.param_dict()
                if params.get("expected"):  # the engine's own ruling, and why
                    row = self.row_name(ballot, str(params["expected"]))
                    why = cat.get(f"validity.code.{params.get('code')}.title", "")
                    key = "expected_why" if why else "expected"
                    notes.append(cat(f"scene.penghitungan.recent.{key}", row=row, why=why))
        return RecentLine(self._thumb(ballot, entry.index), text, tuple(notes), mark)

    def _thumb_size(self) -> tuple[int, int]:
        return self.ctx.px(THUMB[0]), self.ctx.px(THUMB[1])

    def _thumb(self, ballot: BallotType, index: int) -> pygame.Surface:
        """A small picture of the ``index``-th ballot of the box (made once)."""
        thumb = self._thumbs.get((ballot, index))
        size = self._thumb_size()
        if thumb is None or thumb.get_size() != size:
            scenario = self.world.scenario
            contest = scenario.contest(ballot)
            assert contest is not None, "scenario validation guarantees a contest per box"
            district = district_of(scenario.tps.districts, ballot)
            drawn = self.world.boxes[ballot].contents[index]
            # Drawn larger and shrunk, as from the ballot on the table: a ballot drawn this
            # small lays its text out for the small size and looks like another paper.
            large = (size[0] * 4, size[1] * 4)
            picture = draw_ballot(contest, scenario.parties, drawn, large, district=district)
            thumb = pygame.transform.smoothscale(picture, size)
            if len(self._thumbs) > 4 * SHOWN:
                self._thumbs.clear()
            self._thumbs[(ballot, index)] = thumb
        return thumb
