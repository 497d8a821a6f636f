"""Pengisian formulir: the C.Hasil of each ballot type, filled in by the trainee from the day's
records, then signed.

The stage shows one form at a time (a tab per ballot type), laid out like the printed C.Hasil,
with an entry per cell; beside it, the records the KPPS really has at this point (the voter
lists, the attendance lists, the ballots counted at closing, the tally on the plano), which
are what the figures are copied from. The formula check lists the identities R1–R10 that the
figures written so far break, as a crew checks before signing; the engine judges the form
when it is signed.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import (
    UIImage,
    UIScrollingContainer,
    UITextBox,
    UITextEntryLine,
)

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import escape
from simulator.art import palette
from simulator.art.fonts import fit_text, text_size
from simulator.core import forms
from simulator.core.actions import Action, InformPtps, RecordSpecialEvent
from simulator.core.phases import formulir, incidents
from simulator.core.phases.formulir import MAX_FIGURE, EnterFigure, SignForm
from simulator.core.targets import parse_target
from simulator.presenter.labels import ballot_name
from simulator.scenes.phase import PhaseScene, held_while_drawing
from simulator.scenes.phases import formulir_art as art
from simulator.scenes.phases.formulir_correction import CorrectionDialog
from simulator.schema.bounded import Unreadable, whole_number
from simulator.schema.types import BallotType

ENTRY_PREFIX = "figure:"
RIGHT_W = 330  # design units: the records and checks column
NARROW_SIDE_W = 316  # the side column when it lists nothing
RECORDS_LEAST_H = 200  # the day's records get at least this, or the steps go under the form


def entry_name(ballot: BallotType, field_id: str) -> str:
    """The name a cell's entry is found by: ``figure:<ballot>:<field id>``."""
    return f"{ENTRY_PREFIX}{ballot.value}:{field_id}"


class FormulirScene(PhaseScene):
    """The C.Hasil forms, one ballot type at a time."""

    stage_kinds = frozenset(
        {"enter_figure", "correct_figure", "sign_form", "record_event", "inform_ptps"}
    )
    shot_steps = 30

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        types = list(self.world.boxes)
        unsigned = [t for t in types if not self.world.forms.signed.get(t)]
        self.current: BallotType = (unsigned or types)[0]
        self._scroll = 0.0
        self._paper_key: tuple[object, ...] | None = None
        self._paper: pygame.Surface | None = None
        self._rows: list[art.Row] = []
        self._scroller: UIScrollingContainer | None = None
        self._entries: dict[str, UITextEntryLine] = {}  # field id → entry of the current form
        self._one_figure = False
        self._status_key: tuple[object, ...] = ()
        self._status: list[pygame.Surface] = []
        self._checks_box: UITextBox | None = None
        self._checks_text = ""

    # --- what the form holds (read only: the engine owns it) ------------------------------

    def form(self, ballot: BallotType | None = None) -> forms.ResultForm:
        ballot = ballot or self.current
        entered = self.world.forms.entries.get(ballot)
        if entered is not None:
            return entered
        contest = self.world.scenario.contest(ballot)
        assert contest is not None
        return forms.ResultForm.blank(contest)

    def signed(self, ballot: BallotType | None = None) -> bool:
        return bool(self.world.forms.signed.get(ballot or self.current))

    # --- geometry -------------------------------------------------------------------------

    def metrics(self, width: int) -> art.Metrics:
        px = self.ctx.px
        digits = text_size(layout.theme_font(self.ctx, "text_entry_line"), "00000")[0]
        return art.Metrics(
            width=width,
            entry_w=max(px(76), digits + px(20)),
            entry_h=self.ctx.row_h(32, 16),
            gap=px(8),
            pad=px(10),
            label_px=self.ctx.font_px(15),  # the form is read line by line: body size
            title_px=self.ctx.font_px(17),
        )

    @held_while_drawing
    def side_rect(self) -> pygame.Rect:
        """The side column, narrowed when it lists nothing (the forms' every step is on the
        stage): the day's records beside the form get the room."""
        if self.side_actions():
            return super().side_rect()
        side = super().side_rect()
        width = min(side.width, self.ctx.px(NARROW_SIDE_W))
        return pygame.Rect(side.right - width, side.top, width, side.height)

    def right_w(self) -> int:
        """The records and checks column, wider by half of what a narrowed side column gave
        up (the form gets the other half)."""
        given_up = PhaseScene.side_rect(self).width - self.side_rect().width
        return self.ctx.px(RIGHT_W) + max(0, given_up) // 2

    @held_while_drawing
    def tab_width(self) -> int:
        types = list(self.world.boxes)
        gap = self.ctx.px(6)
        return (self.stage_rect().width - gap * (len(types) - 1)) // max(1, len(types))

    @held_while_drawing
    def tab_h(self) -> int:
        """The tabs' height: one line of their words, or two when one of them needs it."""
        cat = self.ctx.cat
        return max(
            layout.button_height(
                self.ctx,
                cat(f"scene.formulir.tab.{ballot.value}"),
                self.tab_width(),
                style="@strong",
                least=self.ctx.row_h(38),
            )
            for ballot in self.world.boxes
        )

    @held_while_drawing
    def status_top(self) -> int:
        """Where the words under the tabs (signed, cells filled) start."""
        return self.stage_rect().top + self.tab_h() + self.ctx.px(4)

    @held_while_drawing
    def body_rect(self) -> pygame.Rect:
        stage, px = self.stage_rect(), self.ctx.px
        status_h = fit_text("Ag", self.ctx.font_px(14), 10**6).get_height()
        top = self.status_top() + status_h + px(8)
        return pygame.Rect(stage.left, top, stage.width, stage.bottom - top)

    # --- building -------------------------------------------------------------------------

    def rebuild(self) -> None:
        self._remember_scroll()
        super().rebuild()

    def build_stage(self) -> None:
        self._build_tabs()
        self._build_form()
        self._build_right()

    def _build_tabs(self) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        stage = self.stage_rect()
        types = list(self.world.boxes)
        gap = px(6)
        width, height = self.tab_width(), self.tab_h()
        for index, ballot in enumerate(types):
            rect = pygame.Rect(stage.left + index * (width + gap), stage.top, width, height)
            layout.button(
                self.ui,
                self.ctx,
                rect,
                cat(f"scene.formulir.tab.{ballot.value}"),
                lambda b=ballot: self.show(b),
                style="@strong" if ballot is self.current else None,
                tooltip=cat("scene.formulir.form_title", ballot=ballot_name(ballot.value, cat)),
            )

    def _build_form(self) -> None:
        px = self.ctx.px
        body = self.body_rect()
        rect = pygame.Rect(body.left, body.top, body.width - self.right_w() - px(12), body.height)
        if self.steps_in_a_row():  # the form's steps stand under it
            rect.height -= self.steps_row_h(rect.width) + px(6)
        scroller = self.ui.scroller(rect)
        self._scroller = scroller
        width = rect.width - px(22)
        metrics = self.metrics(width)
        paper = self._paper_for(metrics)
        image = UIImage(
            pygame.Rect(0, 0, width, paper.get_height()),
            paper,
            self.ui.manager,
            container=scroller,
        )
        self.ui.elements.append(image)  # killed with the scene's other widgets
        layout.scroll_area(scroller, (width, paper.get_height()))
        self._entries = {}
        if not self.signed():
            form = self.form()
            for field_id, cell in art.cells(self._rows, metrics):
                value = form.get(field_id)
                entry = self.ui.entry(
                    cell,
                    lambda text, f=field_id: self.submit(f, text),
                    initial="" if value is None else str(value),
                    allowed="numbers",
                    max_length=5,
                    container=scroller,
                    name=entry_name(self.current, field_id),
                )
                self._entries[field_id] = entry
        if self._scroll and scroller.vert_scroll_bar is not None:
            scroller.vert_scroll_bar.set_scroll_from_start_percentage(self._scroll)
        elif self._entries and self._focus_after_build is None:
            self._focus_first_empty()

    def _focus_first_empty(self) -> None:
        """A form turned to starts with the keyboard in its first empty cell."""
        form = self.form()
        empty = next((e for f, e in self._entries.items() if form.get(f) is None), None)
        if empty is not None:
            self.ui.set_focus(empty)

    def _paper_for(self, m: art.Metrics) -> pygame.Surface:
        """The form's paper, drawn again only when what it shows has changed."""
        cat = self.ctx.cat
        form = self.form()
        signed = self.signed()
        struck = tuple(sorted((k, tuple(v)) for k, v in form.struck.items()))
        figures = tuple(form.cells().values()) if signed else ()
        key = (self.current, m, cat.lang, signed, struck, figures)
        if key != self._paper_key or self._paper is None:
            contest = self.world.scenario.contest(self.current)
            assert contest is not None
            tps = self.world.scenario.tps
            title = cat("scene.formulir.form_title", ballot=ballot_name(self.current.value, cat))
            place = cat(
                "scene.formulir.place",
                number=f"{tps.number:03d}",
                village=tps.village,
                subdistrict=tps.subdistrict,
                regency=tps.regency,
            )
            hint = "" if signed else cat("scene.formulir.keys")
            self._rows = art.layout(contest, self.world.scenario, cat, m, title, place, hint)
            self._paper = art.draw_paper(
                self._rows,
                m,
                form.get,
                lambda f: form.struck.get(f, []),
                signed,
                cat("scene.formulir.stamp"),
            )
            self._paper_key = key
        return self._paper

    def _steps(self) -> list[tuple[str, str, Action | None, int | None, str | None]]:
        """The form's steps beside its cells: (words, style, the action or None once done,
        key, button style): record a discrepancy, tell the PTPS, sign."""
        cat = self.ctx.cat
        ballot = self.current.value
        record = RecordSpecialEvent(topic=formulir.DISCREPANCY_TOPIC, subject=ballot)
        inform = InformPtps(subject=ballot)
        recorded = (formulir.DISCREPANCY_TOPIC, ballot) in self.world.special_events
        informed = ballot in self.world.ptps_informed
        steps: list[tuple[str, str, Action | None, int | None, str | None]] = [
            (cat("scene.formulir.recorded"), "@note", None, None, None)
            if recorded
            else (cat("scene.formulir.record"), "", record, None, None),
            (cat("scene.formulir.informed"), "@note", None, None, None)
            if informed
            else (cat("scene.formulir.inform"), "", inform, None, None),
        ]
        if self.signed():
            steps.append((cat("scene.formulir.status.signed"), "@plain", None, None, None))
        else:
            sign = SignForm(ballot=self.current)
            steps.append((cat("scene.formulir.sign"), "", sign, pygame.K_s, "@strong"))
        return steps

    def _step(
        self, rect: pygame.Rect, step: tuple[str, str, Action | None, int | None, str | None]
    ) -> UIElement:
        words, note_style, action, key, style = step
        if action is None:
            return self.note_box(rect, words, note_style)
        return layout.button(
            self.ui, self.ctx, rect, words, lambda a=action: self.act(a), key=key, style=style,
            action=action,
        )

    def steps_in_a_row(self) -> bool:
        """Whether the steps stand in a row under the form: when, stacked beside it, they
        would leave the day's records too little room (a large text size)."""
        px = self.ctx.px
        width = self.right_w()
        stacked = sum(
            layout.button_height(self.ctx, words, width, key, style, least=self.ctx.row_h(38))
            + px(6)
            for words, _, _, key, style in self._steps()
        )
        checks_h = max(px(118), layout.text_height(self.ctx, 4))
        return self.body_rect().height - stacked - checks_h < px(RECORDS_LEAST_H)

    def steps_rows(self, width: int) -> tuple[int, int]:
        """Under the form: the two lesser steps side by side, then signing the whole width;
        the height of each row."""
        gap = self.ctx.px(6)
        *pair, sign = self._steps()
        half = (width - gap) // 2
        least = self.ctx.row_h(38)
        first = max(
            layout.button_height(self.ctx, words, half, key, style, least=least)
            for words, _, _, key, style in pair
        )
        words, _, _, key, style = sign
        return first, layout.button_height(self.ctx, words, width, key, style, least=least)

    def steps_row_h(self, width: int) -> int:
        first, second = self.steps_rows(width)
        return first + self.ctx.px(6) + second

    def _build_right(self) -> None:
        px = self.ctx.px
        body = self.body_rect()
        w = self.right_w()
        x = body.right - w
        button_h, gap = self.ctx.row_h(38), px(6)
        bottom = body.bottom
        if self.steps_in_a_row():
            form_w = body.width - w - px(12)
            *pair, sign = self._steps()
            first, second = self.steps_rows(form_w)
            half = (form_w - gap) // 2
            top = body.bottom - self.steps_row_h(form_w)
            for index, step in enumerate(pair):
                self._step(pygame.Rect(body.left + index * (half + gap), top, half, first), step)
            self._step(pygame.Rect(body.left, body.bottom - second, form_w, second), sign)
        else:
            # At the foot, from the bottom up: sign, tell the PTPS, record a discrepancy, each
            # as tall as its words need; the records and the checks share what is left.
            made = [self._step(pygame.Rect(x, body.top, w, button_h), step)
                    for step in self._steps()]
            bottom = layout.stack_up(made, body.bottom, gap) - gap
        checks_h = max(px(118), layout.text_height(self.ctx, 4))
        records_h = bottom - gap - checks_h - body.top
        self.ui.text(pygame.Rect(x, body.top, w, records_h), self.records_markup())
        self._checks_text = self.checks_markup()
        checks = pygame.Rect(x, body.top + records_h + gap, w, checks_h)
        self._checks_box = self.ui.text(checks, self._checks_text)

    def note_box(self, rect: pygame.Rect, text: str, style: str) -> UITextBox:
        """Words in place of a button (a step done), wrapped and as tall as they need."""
        return self.ui.text(
            pygame.Rect(rect.left, rect.top, rect.width, -1), escape(text), style=style
        )

    # --- text beside the form -------------------------------------------------------------

    def records_markup(self) -> str:
        cat = self.ctx.cat
        world = self.world
        ballot = self.current
        name = ballot_name(ballot.value, cat)
        day = formulir.day_figures(world, ballot)

        def sexes(list_id: str, count: forms.Headcount) -> str:
            text = cat(
                "scene.formulir.records.sexes",
                list=cat(f"list.{list_id}"),
                men=count.men,
                women=count.women,
            )
            return escape(text)

        def heading(key: str, **params: object) -> str:
            return f"<b>{escape(cat(key, **params))}</b>"

        def line(key: str, **params: object) -> str:
            return escape(cat(key, **params))

        parts = [
            heading("scene.formulir.records.title", ballot=name),
            f"<i>{line('scene.formulir.records.hint')}</i>",
            "",
            heading("scene.formulir.records.lists"),
            sexes("dpt", day.registered_dpt),
            sexes("dptb", day.registered_dptb),
            "",
            heading("scene.formulir.records.attendance", ballot=name),
            sexes("dpt", day.voted_dpt),
            sexes("dptb", day.voted_dptb),
            sexes("dpk", day.voted_dpk),
            line(
                "scene.formulir.records.disabled",
                registered=day.disabled_registered,
                voted=day.disabled_voted,
            ),
            "",
            heading("scene.formulir.records.ballots", ballot=name),
            line("scene.formulir.records.received", count=day.received),
            line("scene.formulir.records.returned", count=day.returned),
            line("scene.formulir.records.unused", count=day.unused),
            line("scene.formulir.records.used", count=day.used),
            "",
            heading("scene.formulir.records.plano"),
            *self._plano_lines(),
        ]
        return "<br>".join(parts)

    def _plano_lines(self) -> list[str]:
        """The tally as ruled at the count, one line per row of the plano, invalid last."""
        cat = self.ctx.cat
        tally = self.world.counting.tally.get(self.current, {})
        if not tally:
            return [escape(cat("scene.formulir.records.no_votes"))]
        contest = self.world.scenario.contest(self.current)
        assert contest is not None
        order = [*forms.vote_targets(contest), "invalid"]
        lines = []
        for target in order:
            if target not in tally:
                continue
            key, params = parse_target(target).label()
            text = cat("scene.formulir.records.row", target=cat(key, **params), count=tally[target])
            lines.append(escape(text))
        return lines

    def checks_markup(self) -> str:
        cat = self.ctx.cat
        parts = [f"<b>{escape(cat('scene.formulir.checks.title'))}</b>"]
        if self.signed():
            parts.append(escape(cat("scene.formulir.checks.signed")))
            return "<br>".join(parts)
        contest = self.world.scenario.contest(self.current)
        assert contest is not None
        form = self.form()
        failures = forms.check_identities(form, contest)
        if failures:
            parts.append(escape(cat("scene.formulir.checks.failed", count=len(failures))))
            for failure in failures:
                title = cat(f"forms.identity.{failure.identity}.title")
                parts.append(f"• {escape(title)}")
        else:
            parts.append(escape(cat("scene.formulir.checks.clean")))
        missing = forms.missing_fields(form, contest)
        if missing:
            parts.append(escape(cat("scene.formulir.checks.missing", count=len(missing))))
        else:
            parts.append(escape(cat("scene.formulir.checks.complete")))
        return "<br>".join(parts)

    # --- acting ---------------------------------------------------------------------------

    def act_all(self, actions: Sequence[Action]) -> None:
        """After a form is signed, the next unsigned form is turned to."""
        self._one_figure = len(actions) == 1 and isinstance(actions[0], EnterFigure)
        signed = any(isinstance(a, SignForm) and a.ballot is self.current for a in actions)
        if signed:
            self._focus_after_build = None
            types = list(self.world.boxes)
            after = types[types.index(self.current) + 1 :] + types[: types.index(self.current)]
            following = [t for t in after if not self.signed(t) and t is not self.current]
            if following:
                # Turned to before the screen is made again after the action: made once, on
                # the next form, not once on the signed one and again on the next.
                self.current, self._scroll = following[0], 0.0
            super().act_all(actions)
            return
        super().act_all(actions)

    def after_action(self) -> None:
        """One figure written: the texts that depend on it change in place, so typing a
        figure does not make every widget again (the rest of the day goes the usual way)."""
        one_figure, self._one_figure = self._one_figure, False
        quiet = (
            one_figure
            and not self.session.finished
            and self.world.phase is self.phase
            and not incidents.awaiting(self.world)
            and not self.guide.waiting()  # a note come due: shown on a new build
        )
        if not quiet or not self.refresh_feedback():
            super().after_action()
            return
        self._focus_after_build = None
        last = self.session.last_action
        assert isinstance(last, EnterFigure)
        entry = self._entries.get(last.field)
        if entry is not None:
            entry.set_text(str(last.value))
        checks = self.checks_markup()
        if self._checks_box is not None and checks != self._checks_text:
            self._checks_box.set_text(checks)
            self._checks_text = checks

    def show(self, ballot: BallotType) -> None:
        """Turn to the form of ``ballot`` (no engine action: the trainee looks elsewhere)."""
        if ballot is self.current:
            return
        self.current = ballot
        self._scroll = 0.0
        self.rebuild()

    def reveal(self, action: Action) -> bool:
        """Turn to the form ``action`` is about (signing it, recording or reporting its
        discrepancy); True if that changed anything."""
        about = str(getattr(action, "ballot", None) or getattr(action, "subject", None))
        ballot = next((b for b in self.world.boxes if b.value == about), None)
        if ballot is not None and ballot is not self.current:
            self.show(ballot)
            return True
        return super().reveal(action)

    def submit(self, field_id: str, text: str, step: int = 1, leave_form: bool = False) -> None:
        """A figure typed into a cell: written if the cell is empty, corrected if it differs;
        then the focus moves on (see :meth:`focus_cell`)."""
        current = self.form().get(field_id)
        try:
            value = whole_number(text, 0, MAX_FIGURE)
        except Unreadable:
            value = None
        if value is None or self.signed():
            self.focus_cell(field_id, step, leave_form)
            return
        if current is None:
            self.act(EnterFigure(ballot=self.current, field=field_id, value=value))
            self.focus_cell(field_id, step, leave_form)
        elif value != current:
            dialog = CorrectionDialog(self.ctx, self, field_id, current, value)
            self.ctx.stack.push(
                dialog, on_result=lambda a: self._corrected(a, field_id, step, leave_form)
            )
        else:
            self.focus_cell(field_id, step, leave_form)

    def _corrected(
        self, action: Action | None, field_id: str, step: int, leave_form: bool
    ) -> None:
        if action is not None:
            self.act(action)
        else:
            entry = self._entries.get(field_id)
            value = self.form().get(field_id)
            if entry is not None and entry.alive():
                entry.set_text("" if value is None else str(value))
        self.focus_cell(field_id, step, leave_form)

    def focus_cell(self, field_id: str, step: int, leave_form: bool = False) -> None:
        """Put the keyboard focus ``step`` cells on from ``field_id`` in reading order (row by
        row, as the form is printed). Past the last cell (or before the first) Enter stays on
        the cell: a second Enter by momentum must not press the button beyond; Tab
        (``leave_form``) goes on to it, as Tab does everywhere."""
        if self.ctx.stack.top is not self or not self._entries:
            return
        entry = self._entries.get(field_id)
        if entry is None or not entry.alive():
            self._focus_first_empty()
            return
        if self.ui.focused() is not entry:
            self.ui.set_focus(entry)
        cells = [e for e in self.ui.live_focusable() if e in self._entries.values()]
        index = cells.index(entry) + step if entry in cells else -1
        if 0 <= index < len(cells):
            self.ui.set_focus(cells[index])
        elif leave_form:
            self.ui.move_focus(step)

    def _remember_scroll(self) -> None:
        bar = getattr(self._scroller, "vert_scroll_bar", None)
        if bar is not None:
            self._scroll = float(bar.start_percentage)

    # --- input ----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        """Tab out of a cell with a changed figure writes the figure first (as Enter does).
        Letters and digits never reach here from a cell: they go to the cell alone."""
        if event.type != pygame.KEYDOWN or event.key != pygame.K_TAB:
            return super().handle(event)
        focused = self.ui.focused()
        field_id = self._field_of(focused)
        if field_id is None or not isinstance(focused, UITextEntryLine):
            return super().handle(event)
        value = self.form().get(field_id)
        typed = focused.get_text().strip()
        if typed and typed != ("" if value is None else str(value)):
            step = -1 if event.mod & pygame.KMOD_SHIFT else 1
            self.submit(field_id, typed, step, leave_form=True)
            return True
        return super().handle(event)

    def _field_of(self, element: object) -> str | None:
        return next((f for f, e in self._entries.items() if e is element), None)

    def draw_stage(self, surface: pygame.Surface) -> None:
        super().draw_stage(surface)
        self._draw_tab_status(surface)

    def _draw_tab_status(self, surface: pygame.Surface) -> None:
        """Under each tab, in words: signed, or how many cells are filled."""
        px = self.ctx.px
        stage = self.stage_rect()
        types = list(self.world.boxes)
        gap = px(6)
        width = (stage.width - gap * (len(types) - 1)) // max(1, len(types))
        for index, rendered in enumerate(self._tab_status(width)):
            x = stage.left + index * (width + gap) + (width - rendered.get_width()) // 2
            surface.blit(rendered, (x, self.status_top()))

    def _tab_status(self, width: int) -> list[pygame.Surface]:
        """The status lines, rendered again only after an action."""
        key = (len(self.session.sim.log), width, self.ctx.cat.lang)
        if key == self._status_key:
            return self._status
        cat = self.ctx.cat
        lines = []
        for ballot in self.world.boxes:
            if self.signed(ballot):
                text, colour = cat("scene.formulir.status.signed"), palette.OK
            else:
                cells = self.form(ballot).cells()
                filled = sum(1 for v in cells.values() if v is not None)
                text = cat("scene.formulir.status.filled", filled=filled, total=len(cells))
                colour = palette.MUTED
            lines.append(fit_text(text, self.ctx.font_px(14), width, colour=colour))
        self._status_key, self._status = key, lines
        return lines


SCENE = FormulirScene
