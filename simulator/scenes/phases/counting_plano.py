"""The C.Hasil plano on the counting screen: a scrolling sheet with one button per row (while
a box is open), changed in place after each ruling, and the careful crew's delegated ballots
appearing on it at a visible pace.

The sheet is drawn once and changed row by row: a ruling redraws the row it went to, the row
marked before it and the totals, nothing else; the row buttons stay, and move down when a
row grows a line of tally marks (making the 70-odd row buttons of a DPR plano again would
cost several frames). The scene blits the sheet under the buttons at the scroll position.
The delegated ballots are already ruled in the engine when they start to appear: the
animation only shows a growing part of the final tally, in a sheet already sized for it, and
a key shows it all at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame
from pygame_gui.elements import UIButton, UIScrollingContainer

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.widgets import Widgets, offer_key
from simulator.art import palette
from simulator.core.actions import Action
from simulator.core.phases.penghitungan import RuleBallot
from simulator.core.state import World
from simulator.scenes.phases import counting_art as art
from simulator.schema.types import BallotType

ROW_KEYS = {"invalid": pygame.K_x, "kosong": pygame.K_k}  # the rows without a number
REVEAL_PER_SECOND = 6.0  # delegated ballots appearing on the plano, at the least
REVEAL_SECONDS = 10.0  # ... and faster for a large rest, so that it never takes longer


@dataclass
class Reveal:
    """The delegated ballots of one box appearing: rulings ``[start, end)``, ``shown`` so far."""

    ballot: BallotType
    start: int
    end: int
    shown: float

    @property
    def rate(self) -> float:
        return max(REVEAL_PER_SECOND, (self.end - self.start) / REVEAL_SECONDS)

    @property
    def drawn(self) -> int:
        return min(self.end, int(self.shown))


class PlanoView:
    """The plano of one ballot type, as the counting scene shows it."""

    def __init__(
        self, ctx: AppContext, world: Callable[[], World], fit: Callable[[str, int], str]
    ) -> None:
        self.ctx = ctx
        self._world = world
        self._fit = fit  # text shortened to fit a button of a width
        self.ballot: BallotType | None = None
        self.scroller: UIScrollingContainer | None = None
        self.sheet: pygame.Surface | None = None
        self._with_names = False
        self.buttons: list[tuple[art.PlanoRow, UIButton]] = []
        self.chosen: str | None = None  # a party row typed on the keyboard
        self.reveal: Reveal | None = None
        self._scroll = 0.0
        self._scroll_of: BallotType | None = None
        self._sheet_key: tuple[object, ...] = ()
        self._looks: list[art.RowLook] = []
        self._summary: list[str] = []
        self._rows: dict[tuple[BallotType, str], list[art.PlanoRow]] = {}

    @property
    def world(self) -> World:
        return self._world()

    # --- building -------------------------------------------------------------------------

    def remember_scroll(self) -> None:
        """Keep the scroll position across a rebuild of the scene's widgets."""
        bar = getattr(self.scroller, "vert_scroll_bar", None)
        if bar is not None:
            self._scroll = float(bar.start_percentage)

    def forget(self) -> None:
        self.scroller, self.buttons = None, []

    def build(
        self,
        ui: Widgets,
        rect: pygame.Rect,
        ballot: BallotType,
        allowed: dict[str, Action],
        act: Callable[[Action], None],
    ) -> None:
        """The sheet of ``ballot`` in ``rect``; with ``allowed`` rulings, a button per row."""
        if self.reveal is not None and self.reveal.ballot is not ballot:
            self.reveal = None  # another box is on the plano now: the animation is dropped
        self.ballot = ballot
        scroller = ui.scroller(rect)
        self.scroller = scroller
        if ballot is not self._scroll_of:
            self._scroll, self._scroll_of = 0.0, ballot
        interactive = bool(allowed)
        self._with_names = not interactive
        layout.scroll_area(scroller, self.update_sheet().get_size())
        self.buttons = []
        if interactive:
            m = self.metrics()
            for row, top, height in self._layout(m):
                self._row_button(ui, row, top, height, m, allowed, act)
        bar = scroller.vert_scroll_bar
        if self._scroll and bar is not None:
            bar.set_scroll_from_start_percentage(self._scroll)
        self.show_latest()

    def _row_button(
        self,
        ui: Widgets,
        row: art.PlanoRow,
        top: int,
        height: int,
        m: art.PlanoMetrics,
        allowed: dict[str, Action],
        act: Callable[[Action], None],
    ) -> None:
        action = RuleBallot(verdict=row.target)
        if offer_key(action) not in allowed:
            return
        rect = self._button_rect(row, top, height, m)
        key = ROW_KEYS.get(row.target)
        text = row_words(row)
        button = layout.button(
            ui,
            self.ctx,
            rect,
            text,
            lambda a=action: act(a),
            key=key,
            container=self.scroller,
            tooltip=f"{row.number}  {row.full_name}" if row.full_name else text,
            action=action,
        )
        # centred on its row (a name on two lines makes a taller button)
        button.set_relative_position((rect.left, top + (height - button.rect.height) // 2))
        self.buttons.append((row, button))

    def _button_rect(
        self, row: art.PlanoRow, top: int, height: int, m: art.PlanoMetrics
    ) -> pygame.Rect:
        indent = 2 * m.pad if row.indent else 0
        button_h = min(height - self.ctx.px(4), self.ctx.row_h(34))
        return pygame.Rect(
            m.pad + indent, top + (height - button_h) // 2, m.label_w - indent, button_h
        )

    # --- what the sheet shows -------------------------------------------------------------

    def rows(self) -> list[art.PlanoRow]:
        assert self.ballot is not None
        return self.rows_of(self.ballot)

    def rows_of(self, ballot: BallotType) -> list[art.PlanoRow]:
        """The plano rows of ``ballot`` in words (made once per language)."""
        cat = self.ctx.cat
        key = (ballot, cat.lang)
        rows = self._rows.get(key)
        if rows is None:
            contest = self.world.scenario.contest(ballot)
            assert contest is not None, "scenario validation guarantees a contest per box"
            names = {
                "kosong": cat("scene.penghitungan.row.kosong"),
                "invalid": cat("scene.penghitungan.row.invalid"),
            }
            rows = art.plano_rows(contest, self.world.scenario.parties, names)
            self._rows[key] = rows
        return rows

    def metrics(self) -> art.PlanoMetrics:
        """Rows as tall as the sheet allows (a few rows get big, legible tally marks), never
        lower than a button."""
        assert self.scroller is not None
        px = self.ctx.px
        rect = self.scroller.get_relative_rect()
        width, height = rect.width - px(22), rect.height
        summary = 5 * self.ctx.font_px(13) + px(40)
        rows = self.rows()
        button_h = self.ctx.row_h(34)
        row_h = max(px(38), button_h + px(4), min(px(64), (height - summary) // max(1, len(rows))))
        # The name column: as wide as the names need on one line, up to three fifths of the
        # sheet; a name still too long wraps, its row as tall as its lines.
        pad = px(6)
        widest = max(
            layout.button_width(self.ctx, row_words(row), ROW_KEYS.get(row.target))
            + (2 * pad if row.indent else 0)
            for row in rows
        )
        label_w = min(width * 3 // 5, max(min(px(200), width // 2), widest))
        least = tuple(
            layout.button_height(
                self.ctx,
                row_words(row),
                label_w - (2 * pad if row.indent else 0),
                ROW_KEYS.get(row.target),
                least=button_h,
            )
            + px(4)
            for row in rows
        )
        return art.PlanoMetrics(
            width=width,
            label_w=label_w,
            least=least,
            count_w=max(px(44), self.ctx.font_px(15) * 2),
            row_h=row_h,
            stroke=max(3, px(6)),
            stroke_h=min(px(26), row_h // 2),
            text_px=self.ctx.font_px(13),
            pad=pad,
            min_height=height,
        )

    def rulings_shown(self) -> list[str]:
        """The rulings on the sheet: all of them, or those revealed so far."""
        assert self.ballot is not None
        rulings = self.world.counting.rulings.get(self.ballot, [])
        if self.reveal is not None:
            return rulings[: self.reveal.drawn]
        return rulings

    def _layout(self, m: art.PlanoMetrics) -> list[tuple[art.PlanoRow, int, int]]:
        assert self.ballot is not None
        rows = self.rows()
        heights = art.row_heights(rows, self.world.counting.tally.get(self.ballot, {}), m)
        return list(zip(rows, art.row_tops(heights, m), heights, strict=True))

    def _summary_lines(self, tally: dict[str, int]) -> list[str]:
        assert self.ballot is not None
        cat, counting = self.ctx.cat, self.world.counting
        valid = sum(v for k, v in tally.items() if k != "invalid")
        invalid = tally.get("invalid", 0)
        taken = len(self.world.boxes[self.ballot].contents)
        lines = [
            cat("scene.penghitungan.summary.valid", count=valid),
            cat("scene.penghitungan.summary.invalid", count=invalid),
            cat("scene.penghitungan.summary.total", count=valid + invalid, taken=taken),
        ]
        crew = counting.delegated.get(self.ballot, 0)
        if crew:
            own = len(counting.rulings[self.ballot]) - crew
            lines.append(cat("scene.penghitungan.summary.own", count=own))
            if self.reveal is None:
                lines.append(cat("scene.penghitungan.summary.crew", count=crew))
            else:
                done = self.reveal.drawn - self.reveal.start
                lines.append(cat("scene.penghitungan.summary.crew_so_far", done=done, count=crew))
        return lines

    def update_sheet(self) -> pygame.Surface:
        """The sheet as the state stands: drawn whole when its layout changed, else only the
        rows whose look changed, and the totals if they did."""
        assert self.ballot is not None
        rulings = self.rulings_shown()
        tally = _count(rulings) if self.reveal is not None else self._full_tally()
        rows, m = self.rows(), self.metrics()
        looks = art.row_looks(rows, tally, rulings[-1] if rulings else None, self.chosen)
        summary = self._summary_lines(tally)
        layout = self._layout(m)
        heights = [height for _row, _top, height in layout]
        key = (self.ballot, m, self.ctx.cat.lang, self._with_names, len(summary), *heights)
        sheet = self.sheet
        if sheet is None or key != self._sheet_key:
            size = (m.width, art.plano_height(heights, m, len(summary)))
            sheet = self.sheet = pygame.Surface(size)
            sheet.fill(palette.PAPER_WHITE)
            self._sheet_key, self._looks, self._summary = key, [], []
        for index, (row, top, height) in enumerate(layout):
            if index >= len(self._looks) or self._looks[index] != looks[index]:
                band = pygame.Rect(0, top, m.width, height)
                art.draw_row(sheet, row, band, looks[index], m, self._with_names)
        if summary != self._summary:
            _row, top, height = layout[-1]
            art.draw_summary(sheet, top + height + m.pad, summary, m)
        self._looks, self._summary = looks, summary
        return sheet

    def _full_tally(self) -> dict[str, int]:
        assert self.ballot is not None
        return self.world.counting.tally.get(self.ballot, {})

    # --- changing in place ----------------------------------------------------------------

    def refresh(self) -> bool:
        """Bring the sheet up to date, moving the row buttons if rows grew; False when
        there is no sheet on screen to change."""
        scroller = self.scroller
        if scroller is None or not scroller.alive() or self.ballot is None:
            return False
        before = self.sheet.get_size() if self.sheet is not None else None
        sheet = self.update_sheet()
        if sheet.get_size() != before:
            layout.scroll_area(scroller, sheet.get_size())
            self._place_buttons()
        return True

    def draw(self, surface: pygame.Surface) -> None:
        """The sheet under its buttons, at the scroll position, with a shadow."""
        scroller, sheet = self.scroller, self.sheet
        if scroller is None or sheet is None or not scroller.alive():
            return
        view = scroller.get_abs_rect()
        shadow = pygame.Rect(view.left, view.top, sheet.get_width(), view.height)
        offset = self.ctx.px(4)
        pygame.draw.rect(surface, palette.PANEL_LINE, shadow.move(offset, offset))
        top = scroller.scrollable_container.get_abs_rect().top
        area = pygame.Rect(0, view.top - top, sheet.get_width(), view.height)
        surface.blit(sheet, view.topleft, area)

    def _place_buttons(self) -> None:
        m = self.metrics()
        tops = {row.target: (top, height) for row, top, height in self._layout(m)}
        for row, button in self.buttons:
            top, height = tops[row.target]
            rect = self._button_rect(row, top, height, m)
            button.set_relative_position((rect.left, top + (height - button.rect.height) // 2))

    def show_latest(self) -> None:
        """Scroll a long plano so that the row just tallied (or the party being typed) is
        in sight."""
        scroller = self.scroller
        if scroller is None or scroller.vert_scroll_bar is None or self.ballot is None:
            return
        rulings = self.rulings_shown()
        wanted = self.chosen or (rulings[-1] if rulings else None)
        layout = self._layout(self.metrics())
        index = next((i for i, (r, _, _) in enumerate(layout) if r.target == wanted), None)
        if index is None:
            return
        _row, top, height = layout[index]
        if self.chosen is not None:  # the party's candidates below it come into view too
            last = max(i for i, (r, _, _) in enumerate(layout) if r.target.startswith(self.chosen))
            height = layout[last][1] + layout[last][2] - top
        visible = scroller.get_relative_rect().height
        content = max(1, scroller.scrollable_container.get_relative_rect().height)
        bar = scroller.vert_scroll_bar
        start = bar.start_percentage * content
        if top < start or top + height > start + visible:
            wanted_top = max(0, top - max(0, visible - height) // 2)
            bar.set_scroll_from_start_percentage(min(wanted_top / content, 1 - visible / content))

    # --- the crew's ballots appearing -------------------------------------------------------

    def start_reveal(self, ballot: BallotType, start: int, end: int) -> None:
        self.reveal = Reveal(ballot, start, end, float(start))

    def update(self, dt: float) -> bool:
        """Advance the delegated ballots appearing; True when the sheet changed."""
        reveal = self.reveal
        if reveal is None:
            return False
        before = reveal.drawn
        reveal.shown += reveal.rate * dt
        if reveal.drawn >= reveal.end:
            self.reveal = None
        if self.reveal is None or reveal.drawn != before:
            self.refresh()
            return True
        return False

    def skip_reveal(self) -> None:
        if self.reveal is not None:
            self.reveal = None
            self.refresh()


def row_words(row: art.PlanoRow) -> str:
    """A plano row's number and name, as its button shows them."""
    return f"{row.number}  {row.name}" if row.number else row.name


def _count(rulings: list[str]) -> dict[str, int]:
    tally: dict[str, int] = {}
    for ruling in rulings:
        tally[ruling] = tally.get(ruling, 0) + 1
    return tally
