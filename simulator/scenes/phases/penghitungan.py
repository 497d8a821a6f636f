"""Penghitungan suara: boxes opened one at a time, each ballot shown and ruled, the tally
growing on the C.Hasil plano on the wall.

Before a box is open the stage shows the boxes on the chair's table; which one to open first
is the trainee's choice (the engine judges the order). With a box open, the ballot the chair
is holding is drawn large: clicking the punched column rules the ballot valid for that
target; the plano beside it has one button per row, and every row can be typed by its number
(``counting_keys``: a party, then its candidate, on DPR and DPRD ballots). A box of hundreds
of ballots may be handed to the careful crew for the rest: the engine rules them, and they
appear on the plano at a visible pace (``counting_plano``). The last ballots ruled stay in
view in the side column (``counting_recent``); the ballot on the table is built and drawn by
``counting_table``. The scene never says what a ballot is worth.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame
from pygame_gui.elements import UIButton, UILabel

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import offer_key
from simulator.art import palette
from simulator.art.fonts import fit_text, text_size
from simulator.art.things import BoxState, draw_box
from simulator.core.actions import Action
from simulator.core.phases import incidents
from simulator.core.phases.penghitungan import (
    DelegateCount,
    OpenBoxForCount,
    RuleBallot,
)
from simulator.core.targets import all_targets
from simulator.scenes.phase import PhaseScene, held_while_drawing
from simulator.scenes.phases import counting_recent as recent
from simulator.scenes.phases.counting_plano import PlanoView
from simulator.scenes.phases.counting_prompt import RowPrompt
from simulator.scenes.phases.counting_table import BallotTable
from simulator.scenes.phases.formulir_art import wrap
from simulator.scenes.side_list import SideRow, side_list_height
from simulator.schema.clock import format_minutes
from simulator.schema.scenario import Contest
from simulator.schema.types import BallotType

LEFT_W = 440  # design units: the chair's table (boxes, or the ballot being ruled)
GAP = 16
NUMBER_KEYS = {n: getattr(pygame, f"K_{n}") for n in range(1, 10)}  # the boxes on the table
DELEGATE_KEY = pygame.K_t  # T: the crew (tim) counts the rest; again: show it all now


class PenghitunganScene(BallotTable, PhaseScene):
    """The count, one box and one ballot at a time."""

    shot_steps = 8  # a box opened and announced, six ballots ruled

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self._pictures: dict[tuple[object, ...], pygame.Surface] = {}
        self._ballots: dict[tuple[BallotType, int, tuple[int, int]], pygame.Surface] = {}
        self._ballot_rect: pygame.Rect | None = None
        self._words_rect: pygame.Rect | None = None
        self._words: dict[tuple[object, ...], list[pygame.Surface]] = {}
        self._targets: dict[str, pygame.Rect] = {}
        self.plano = PlanoView(ctx, lambda: self.world, self.fit)
        self._progress: UILabel | None = None
        self._crew_label: UILabel | None = None
        self._skip_button: UIButton | None = None
        self._built_at: tuple[object, ...] = ()
        self._one_ruling = False
        self._just_acted = False
        self._box_pictures: list[tuple[pygame.Surface, pygame.Rect]] = []
        self._notes: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.prompt = RowPrompt(ctx, self._party_name)
        self._prompt_of: BallotType | None = None
        self.recent = recent.RecentPanel(ctx, session, self._row_name, self.short)

    # --- what the side list leaves to the stage -------------------------------------------

    stage_kinds = frozenset({"open_count", "announce_count", "rule_ballot", "delegate_count"})

    def side_actions(self) -> list[Action]:
        """Opening another box while one is open stays reachable, in the side list."""
        actions = super().side_actions()
        if self.world.counting.open_box is None:
            return actions
        others = [a for a in self.offered_actions() if isinstance(a, OpenBoxForCount)]
        return others + actions

    def allowed(self) -> dict[str, Action]:
        return {offer_key(a): a for a in self.offered_actions()}

    def contest(self, ballot: BallotType) -> Contest:
        contest = self.world.scenario.contest(ballot)
        assert contest is not None, "scenario validation guarantees a contest per box"
        return contest

    def short(self, ballot: BallotType) -> str:
        return self.ctx.cat(f"scene.penghitungan.short.{ballot.value}")

    # --- geometry -------------------------------------------------------------------------

    @held_while_drawing
    def left_rect(self) -> pygame.Rect:
        stage = self.stage_rect()
        return pygame.Rect(stage.left, stage.top, self.ctx.px(LEFT_W), stage.height)

    @held_while_drawing
    def right_rect(self) -> pygame.Rect:
        stage, left = self.stage_rect(), self.left_rect()
        x = left.right + self.ctx.px(GAP)
        return pygame.Rect(x, stage.top, stage.right - x, stage.height)

    # --- building -------------------------------------------------------------------------

    def rebuild(self) -> None:
        self.plano.remember_scroll()
        super().rebuild()

    def build_stage(self) -> None:
        counting = self.world.counting
        self._ballot_rect, self._targets = None, {}
        self._words_rect = None
        self._box_pictures, self._notes = [], []
        self._progress = self._crew_label = self._skip_button = None
        self.plano.forget()
        open_box = counting.open_box
        self._built_at = (open_box,)
        if open_box is not self._prompt_of:
            self.prompt.reset(all_targets(self.contest(open_box)) if open_box else None)
            self._prompt_of = open_box
            self.plano.chosen = None
        allowed = self.allowed()
        if open_box is not None:
            self._build_ballot(open_box, allowed)
            self._build_plano(open_box, allowed)
        else:
            shown = counting.order[-1] if counting.order else None
            if shown is not None:
                self._build_boxes(allowed, self.left_rect())
                self._build_plano(shown, {})
            else:
                self._build_boxes(allowed, self.stage_rect().inflate(-self.ctx.px(24), 0))

    def _build_boxes(self, allowed: dict[str, Action], left: pygame.Rect) -> None:
        """The boxes on the chair's table in ``left``, each with its state in words."""
        cat, px = self.ctx.cat, self.ctx.px
        title_h = layout.heading(
            self.ui, self.ctx, left.left, left.top, left.width, cat("scene.penghitungan.boxes")
        )
        counting = self.world.counting
        everything_counted = all(b in counting.finished for b in self.world.boxes)
        key = "scene.penghitungan.choose"
        if everything_counted:
            key = "scene.penghitungan.done"
        elif counting.order:
            key = "scene.penghitungan.next"
        note_top = self._note(
            cat(key), pygame.Rect(left.left, left.top + title_h + px(4), left.width, 0)
        )
        types = list(self.world.boxes)
        cols = min(3, max(1, len(types)))
        rows = -(-len(types) // cols)
        gap = px(10)
        cell_w = (left.width - (cols - 1) * gap) // cols
        top = note_top + px(8)
        cell_h = min(px(280), (left.bottom - top - (rows - 1) * gap) // rows)
        for index, ballot in enumerate(types):
            row, col = divmod(index, cols)
            cell = pygame.Rect(
                left.left + col * (cell_w + gap), top + row * (cell_h + gap), cell_w, cell_h
            )
            self._box_cell(ballot, cell, index, allowed)

    def _box_cell(
        self, ballot: BallotType, cell: pygame.Rect, index: int, allowed: dict[str, Action]
    ) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        box = self.world.boxes[ballot]
        counting = self.world.counting
        done = counting.next_index.get(ballot, 0)
        state: BoxState
        if ballot in counting.finished:
            state, fill, status = "open", 0.0, cat("scene.penghitungan.box.counted")
        elif box.opened_for_count:
            state = "open"
            fill = 1 - done / max(1, len(box.contents))
            status = cat("scene.penghitungan.box.paused", done=done, count=len(box.contents))
        else:
            state, fill, status = "locked", 0.8, cat("scene.penghitungan.box.waiting")
        button_h = self.ctx.row_h(36)
        text_h = self._note_h(self.short(ballot), cell.width) + self._note_h(
            status, cell.width, points=12
        )
        side = max(px(24), min(cell.width, cell.height - button_h - text_h - px(6)))
        picture = self._picture(
            ("box", ballot, state, round(fill, 2), side),
            lambda: draw_box(ballot, (side, side), state, fill=fill),
        )
        self._box_pictures.append((picture, picture.get_rect(midtop=(cell.centerx, cell.top))))
        y = cell.top + side + px(2)
        colour = palette.OK if ballot in counting.finished else palette.MUTED
        for text, points, bold, ink in (
            (self.short(ballot), 14, True, palette.INK),
            (status, 12, False, colour),
        ):
            size = self.ctx.font_px(points)
            for line in wrap(text, size, cell.width, bold=bold):
                rendered = fit_text(line, size, cell.width, bold, colour=ink)
                self._notes.append((rendered, (cell.centerx - rendered.get_width() // 2, y)))
                y += rendered.get_height()
        action = OpenBoxForCount(ballot=ballot)
        if offer_key(action) in allowed:
            key = NUMBER_KEYS.get(index + 1)
            text = cat("scene.penghitungan.open", ballot=self.short(ballot))
            font = self.ctx.manager.get_theme().get_font(["button"])
            if text_size(font, text)[0] > cell.width - px(36) - px(24):
                text = cat("scene.penghitungan.open_short")  # the box's name is just above
            self.ui.button(
                pygame.Rect(cell.left, cell.bottom - button_h, cell.width, button_h),
                self.fit(text, cell.width - px(36), short=self.short(ballot)),
                lambda a=action: self.act(a),
                key=key,
                action=action,
            )

    def _note(
        self,
        text: str,
        rect: pygame.Rect,
        points: int = 14,
        *,
        colour: palette.Colour = palette.MUTED,
        bold: bool = False,
    ) -> int:
        """Wrapped text (muted unless told) from ``rect``'s top-left; the y where it ends."""
        size = self.ctx.font_px(points)
        y = rect.top
        for line in wrap(text, size, rect.width, bold=bold):
            rendered = fit_text(line, size, rect.width, bold, colour=colour)
            self._notes.append((rendered, (rect.left, y)))
            y += rendered.get_height()
        return y

    def _note_h(self, text: str, width: int, points: int = 14) -> int:
        """How tall :meth:`_note` draws ``text`` (bold) ``width`` wide."""
        size = self.ctx.font_px(points)
        line = fit_text("Ag", size, 10**6, True).get_height()
        return len(wrap(text, size, width, bold=True)) * line

    def _build_plano(self, ballot: BallotType, allowed: dict[str, Action]) -> None:
        """The plano in the right column: its title, how to type a row (while ruling), the
        sheet, and under it the crew's part (the button that hands them the rest, or what
        they counted)."""
        cat, px = self.ctx.cat, self.ctx.px
        right = self.right_rect()
        self.ui.label(
            pygame.Rect(right.left, right.top, right.width, px(30)),
            self.fit(cat("scene.penghitungan.plano_title", ballot=self.short(ballot)), right.width),
            style="@heading",
        )
        top = right.top + px(34)
        if allowed and self.prompt.typing is not None:
            names = [party.name for party in self.world.scenario.parties]
            height = self.prompt.height(right.width, names)
            self.prompt.place(pygame.Rect(right.left, top, right.width, height))
            top += height + px(4)
        bottom = self._build_crew_row(ballot, allowed, right)
        self.plano.build(
            self.ui,
            pygame.Rect(right.left, top, right.width, bottom - top),
            ballot,
            allowed,
            self.act,
        )

    def _build_crew_row(
        self, ballot: BallotType, allowed: dict[str, Action], right: pygame.Rect
    ) -> int:
        """The row under the plano; returns where the plano must end."""
        cat, px = self.ctx.cat, self.ctx.px
        row_h = self.ctx.row_h(38)
        row = pygame.Rect(right.left, right.bottom - row_h, right.width, row_h)
        delegate = DelegateCount(ballot=ballot)
        crew = self.world.counting.delegated.get(ballot, 0)
        if offer_key(delegate) in allowed:
            text = cat("scene.penghitungan.delegate.button")
            button = layout.button(
                self.ui,
                self.ctx,
                row,
                text,
                lambda: self.confirm_delegate(delegate),
                key=DELEGATE_KEY,
            )
            if button.rect.height != row.height:  # its words on two lines: it stands taller
                row = pygame.Rect(
                    right.left, right.bottom - button.rect.height, right.width, button.rect.height
                )
                button.set_relative_position(row.topleft)
        elif crew:
            text = cat("scene.penghitungan.delegate.counted", count=crew)
            self._crew_label = self.ui.label(row, self.fit(text, row.width))
            if self.plano.reveal is not None:
                self._crew_label.hide()
                self._skip_button = self.ui.button(
                    row,
                    self.fit(cat("scene.penghitungan.delegate.skip"), row.width - px(36)),
                    self.skip_reveal,
                    key=DELEGATE_KEY,
                )
        else:
            return right.bottom
        return row.top - px(6)

    # --- the crew counts the rest -----------------------------------------------------------

    def confirm_delegate(self, action: DelegateCount) -> None:
        from simulator.scenes.dialog import ConfirmDialog

        cat = self.ctx.cat
        counting = self.world.counting
        left = len(self.world.boxes[action.ballot].contents) - counting.next_index[action.ballot]
        dialog = ConfirmDialog(
            self.ctx,
            cat("scene.penghitungan.delegate.title"),
            cat("scene.penghitungan.delegate.body", count=left, ballot=self.short(action.ballot)),
            cat("scene.penghitungan.delegate.confirm"),
            cat("shell.common.cancel"),
        )
        self.ctx.stack.push(dialog, on_result=lambda yes: self._delegate(action, yes))

    def _delegate(self, action: DelegateCount, yes: bool) -> None:
        """The crew's ballots start appearing on the plano; the engine has them all at once."""
        if not yes:
            return
        start = self.world.counting.next_index[action.ballot]
        self.plano.start_reveal(action.ballot, start, len(self.world.boxes[action.ballot].contents))
        self.act(action)

    def skip_reveal(self) -> None:
        self.plano.skip_reveal()
        self._reveal_changed()

    def _reveal_changed(self) -> None:
        """Once every delegated ballot is on the plano, the skip button gives way to what
        the crew counted."""
        if self.plano.reveal is None and self._skip_button is not None:
            self._skip_button.hide()
            self._skip_button = None
            if self._crew_label is not None:
                self._crew_label.show()

    def moving(self) -> bool:
        """Whether something on screen moves by itself (the crew's ballots appearing)."""
        return self.plano.reveal is not None

    def next_change(self) -> float | None:
        """Drawn every frame while the crew's ballots appear; otherwise as any phase."""
        return 0.0 if self.moving() else super().next_change()

    def after_shown(self) -> None:
        """The next ballot of the open box is drawn while the counter reads this one: the
        ruling that brings it up then only shows it."""
        super().after_shown()
        counting, rect = self.world.counting, self._ballot_rect
        if counting.open_box is None or rect is None or self.ctx.stack.top is not self:
            return
        index = counting.next_index.get(counting.open_box, 0)
        self._ballot_picture(counting.open_box, index + 1, rect.size)

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.ctx.stack.top is not self:
            return
        if self.plano.update(dt):
            self._reveal_changed()
        if self._just_acted:
            self._just_acted = False  # this frame answers the action: nothing else in it
        else:
            self._draw_next_ballot()

    # --- typing a row ---------------------------------------------------------------------

    def _typing_key(self, event: pygame.event.Event) -> bool:
        """Digits (and Enter, Backspace, Esc while typing) for the row typing; False when
        the key is not for it."""
        if self.world.counting.open_box is None or self._entry_focused():
            return False
        used, ruled = self.prompt.key(event.key)
        if self.prompt.chosen != self.plano.chosen:
            self.plano.chosen = self.prompt.chosen  # the party's rows marked, in sight
            self.plano.refresh()
            self.plano.show_latest()
        if ruled is not None:
            self.act(RuleBallot(verdict=ruled))
        return used

    def _entry_focused(self) -> bool:
        """Whether a text box has the cursor (keys are typed into it, never taken here)."""
        return any(getattr(entry, "is_focused", False) for entry in self.ui.entry_submit)

    def _party_name(self, target: str) -> str:
        ballot = self.world.counting.open_box
        rows = self.plano.rows_of(ballot) if ballot is not None else []
        return next((r.name for r in rows if r.target == target), "")

    # --- the last rulings, in the side column -----------------------------------------------

    def build_action_list(
        self, rect: pygame.Rect, rows: Sequence[tuple[str, Callable[[], None], Action | None]]
    ) -> None:
        """The side list takes the room its rows need; the last rulings take the rest."""
        px = self.ctx.px
        used = min(rect.height, side_list_height(self, rect.width, [SideRow(*r) for r in rows]))
        if rows:
            super().build_action_list(pygame.Rect(rect.left, rect.top, rect.width, used), rows)
        top = rect.top + used + (px(12) if rows else 0)
        self.recent.place(pygame.Rect(rect.left, top, rect.width, rect.bottom - top))

    def _row_name(self, ballot: BallotType, target: str) -> str:
        """A plano row in words, as the plano prints it (``3.2 Kartika Dewi``)."""
        rows = self.plano.rows_of(ballot)
        row = next((r for r in rows if r.target == target), None)
        if row is None:
            return target
        return f"{row.number} {row.name}" if row.number else row.name

    def _keep_thumb(self) -> None:
        """The ballot about to be ruled, kept small for the last rulings while its large
        picture is at hand."""
        ballot_type, rect = self.world.counting.open_box, self._ballot_rect
        if ballot_type is None or rect is None:
            return
        index = self.world.counting.next_index.get(ballot_type, 0)
        picture = self._ballots.get((ballot_type, index, rect.size))
        if picture is not None:
            self.recent.keep_thumb(ballot_type, index, picture)

    def _picture(
        self, key: tuple[object, ...], draw: Callable[[], pygame.Surface]
    ) -> pygame.Surface:
        """A drawn picture, made once per ``key`` (the cache is kept small)."""
        picture = self._pictures.get(key)
        if picture is None:
            if len(self._pictures) > 8:
                self._pictures.clear()
            picture = draw()
            self._pictures[key] = picture
        return picture

    # --- acting ---------------------------------------------------------------------------

    def act_all(self, actions: Sequence[Action]) -> None:
        self._just_acted = True
        self._one_ruling = len(actions) == 1 and isinstance(actions[0], RuleBallot)
        self.prompt.clear()
        self.plano.chosen = None
        ruling = self._ruling_at() if self._one_ruling else None
        if ruling is not None:
            self._keep_thumb()
        super().act_all(actions)
        if ruling is not None:
            self.recent.saw(*ruling, self.session.latest)

    def _ruling_at(self) -> tuple[BallotType, int] | None:
        open_box = self.world.counting.open_box
        if open_box is None:
            return None
        return open_box, self.world.counting.next_index.get(open_box, 0)

    def after_action(self) -> None:
        """One ballot ruled, the same box still open: the plano, the progress and the
        feedback change in place instead of every widget being made again."""
        one_ruling, self._one_ruling = self._one_ruling, False
        counting = self.world.counting
        quiet = (
            one_ruling
            and not self.session.finished
            and self.world.phase is self.phase
            and (counting.open_box,) == self._built_at
            and not incidents.awaiting(self.world)
            and not self.guide.waiting()  # a note come due: shown on a new build
        )
        if not quiet or not self.refresh_feedback() or not self.plano.refresh():
            super().after_action()
            return
        self.plano.show_latest()
        self._focus_after_build = None
        ballot = counting.open_box
        assert ballot is not None and self._progress is not None
        index = counting.next_index.get(ballot, 0)
        total = len(self.world.boxes[ballot].contents)
        self._progress.set_text(self._progress_text(ballot, index, total))
        self.prompt.render()
        clock = format_minutes(self.world.clock)
        if self.clock_label is not None and self.clock_label.text != clock:
            self.clock_label.set_text(clock)

    # --- input ----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            target = self.target_at(event.pos)
            if target is not None:
                self.act(RuleBallot(verdict=target))
                return True
        if event.type == pygame.KEYDOWN and self._typing_key(event):
            return True
        return super().handle(event)

    # --- drawing --------------------------------------------------------------------------

    def draw_stage(self, surface: pygame.Surface) -> None:
        stage = self.stage_rect()
        pygame.draw.rect(surface, palette.WALL, stage, border_radius=8)
        if self._ballot_rect is not None:
            table = self._ballot_rect.inflate(self.ctx.px(16), self.ctx.px(16))
            pygame.draw.rect(surface, palette.WOOD, table, border_radius=6)
            self._draw_ballot(surface)
        self.plano.draw(surface)
        for picture, rect in self._box_pictures:
            surface.blit(picture, rect)
        for rendered, at in self._notes:
            surface.blit(rendered, at)
        self.prompt.draw(surface)
        reveal = self.plano.reveal
        so_far = reveal.drawn - reveal.start if reveal is not None else None
        self.recent.draw(surface, so_far)

SCENE = PenghitunganScene
