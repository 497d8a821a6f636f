"""The voter desk's controls, in the order of the procedure: check, enter in an attendance
list or refuse with a reason, hand over the ballots, answer the voter's requests, ink a finger
at the exit; the whole queue or everyone called, as lists to choose from. Every button offers
exactly what the engine allows (a greyed one otherwise)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame
from pygame_gui.elements import UIButton, UIScrollingContainer

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.widgets import Widgets
from simulator.art import palette
from simulator.art.fonts import text_size
from simulator.core.actions import Action
from simulator.core.desk import Reason, all_types, is_priority
from simulator.core.phases import continued_vote
from simulator.core.phases.pemungutan import (
    AdmitVoter,
    AllowAssistance,
    ApplyInk,
    AskComeBack,
    CallVoter,
    CheckDocuments,
    CheckInk,
    IssueBallots,
    RecordHelperStatement,
    RefuseAssistance,
    RefuseReplacement,
    RefuseVoter,
    RemindPhone,
    ReplaceBallot,
)
from simulator.core.state import VoterState, World
from simulator.presenter.cases import clock_words
from simulator.presenter.labels import ballot_name
from simulator.scenes.phases import pemungutan_art as art
from simulator.scenes.phases.logistics_art import draw_tick
from simulator.scenes.phases.pemungutan_units import (
    DIGITS,
    GAP,
    HEAD,
    LIST_KEYS,
    ROW,
    SCROLL_BAR,
    SIGNATURES,
    Blit,
    P,
)
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.types import BallotType, VoterList


class DeskControls:
    """Builds the controls and the lists to choose from (a part of :class:`PemungutanScene`)."""

    ctx: AppContext
    ui: Widgets
    art: art.DeskArt
    blits: list[Blit]
    world: World
    allowed: dict[str, Action]
    chosen_ballots: set[BallotType]
    choice_for: str | None
    signature: str | None
    ballot_toggles: dict[BallotType, UIButton]
    picker_first: UIButton | None
    chosen_subject: str | None
    controls_box: UIScrollingContainer | None

    def build_controls(self) -> None:
        """The controls, top to bottom, in a column that scrolls when large text makes them
        taller than the room beside the picture (the keyboard's focus scrolls it too)."""
        area = self.controls_rect()
        vs = self.desk
        box = self.ui.scroller(area)
        self.controls_box = box
        # The column keeps room for the scroll bar, so no button hides under it.
        inner = pygame.Rect(0, 0, area.width - self.ctx.px(SCROLL_BAR), area.height)
        try:
            if vs is None:
                y = self.build_free_desk(inner)
            else:
                y = self.build_checks(vs, inner, inner.top)
                if vs.attendance is None:
                    y = self.build_admission(vs, inner, y)
                else:
                    y = self.build_admitted(vs, inner, y)
                if vs.attendance is not None and not vs.ballots:
                    y = self.build_ballots(vs, inner, y)
                y = self.build_requests(vs, inner, y)
                if vs.ballots:
                    y = self.build_exit(vs, inner, y)
        finally:
            self.controls_box = None
        layout.scroll_area(box, (inner.width, max(1, y)))

    def stock_line(self) -> str:
        """The ballots left of each type (a DPK voter is sent on when they have run out, and
        a replacement needs one left)."""
        stocks = self.world.stocks
        counts = " · ".join(f"{self.short(t)} {stocks[t].remaining}" for t in all_types(self.world))
        return self.ctx.cat(f"{P}.stock", counts=counts)

    def heading(self, area: pygame.Rect, y: int, text: str) -> int:
        """A group's title, in as many lines as its words need; returns where it ends."""
        font = layout.theme_font(self.ctx, "label", "@badge")
        height = max(self.ctx.px(HEAD), text_size(font, "Ag")[1] + self.ctx.px(4))
        for line in layout.wrap_lines(font, text, area.width - self.ctx.px(4)):
            self.ui.label(
                pygame.Rect(area.left, y, area.width, height),
                line,
                style="@badge",
                container=self.controls_box,
            )
            y += height
        return y

    def chosen_mark(self, size: int) -> pygame.Surface:
        """The mark of a chosen toggle: a drawn tick (the font has no check glyph, and "×"
        read as "not this one")."""

        def make(wh: tuple[int, int]) -> pygame.Surface:
            surface = pygame.Surface(wh, pygame.SRCALPHA)
            draw_tick(surface, (wh[0] // 2, wh[1] // 2), min(wh) - 2, palette.OK)
            return surface

        return self.art.scenery("chosen-tick", (size, size), make)

    def note_at(self, area: pygame.Rect, y: int, text: str, colour: palette.Colour) -> int:
        """A drawn line of words under a row (wrapped, never cut); returns where it ends."""
        picture = self.art.paragraph(text, self.ctx.font_px(13), area.width, 6, colour)
        self.ui.image(
            pygame.Rect((area.left, y), picture.get_size()), picture, container=self.controls_box
        )
        return y + picture.get_height()

    def row_h(self) -> int:
        return self.ctx.row_h(ROW)

    def grid(
        self, area: pygame.Rect, y: int, most: int, labels: Sequence[str] = ()
    ) -> tuple[Callable[..., pygame.Rect], int]:
        """Cell ``i`` of a grid starting at ``y``, and its number of columns: ``most``, or
        fewer when ``labels`` would not fit their cells whole (a large text size)."""
        px = self.ctx.px
        columns = layout.columns(self.ctx, labels, area.width, most, px(GAP)) if labels else most
        cell_w = (area.width - px(GAP) * (columns - 1)) // columns
        row_h = self.row_h()
        row = row_h + px(GAP)

        def cell(index: int, span: int = 1) -> pygame.Rect:
            r, c = divmod(index, columns)
            if c + span > columns:  # a wide cell that would run past the last column
                r, c, span = r + (c > 0), 0, min(span, columns)
            width = cell_w * span + px(GAP) * (span - 1)
            return pygame.Rect(area.left + c * (cell_w + px(GAP)), y + r * row, width, row_h)

        return cell, columns

    def rows_height(self, count: int, columns: int) -> int:
        px = self.ctx.px
        rows = -(-count // columns)
        return rows * (self.row_h() + px(GAP)) + px(6)

    def build_free_desk(self, area: pygame.Rect) -> int:
        cat, px = self.ctx.cat, self.ctx.px
        queue = self.world.queue
        y = area.top
        if continued_vote.halted(self.world):  # nobody is called until the KPU decides
            return self.note_at(area, y, cat(f"{P}.desk.halted"), palette.INK)
        if queue:
            button = self.offer(
                pygame.Rect(area.left, y, area.width, self.ctx.row_h(40, 16)),
                cat(f"{P}.desk.call_next"),
                CallVoter(voter=queue[0]),
                key=pygame.K_n,
                style="@strong",
            )
            y += button.rect.height + px(8)
            hint = cat(f"{P}.desk.empty_hint")
        else:
            hint = cat(f"{P}.desk.no_queue")
        if self.world.voting.continued:
            hint = f"{cat(f'{P}.desk.continued')} {hint}"
        return self.note_at(area, y, hint, palette.INK)

    def build_checks(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        cat = self.ctx.cat
        y = self.heading(area, y, cat(f"{P}.group.check"))
        labels = [
            layout.shown_label(cat(f"{P}.button.documents"), pygame.K_d),
            layout.shown_label(cat(f"{P}.button.ink"), pygame.K_t),
            cat(f"{P}.done.documents"),
            cat(f"{P}.done.ink"),
        ]
        cell, columns = self.grid(area, y, 2, labels)
        documents = CheckDocuments(voter=vs.id)
        self.offer_or_done(
            cell(0), f"{P}.button.documents", f"{P}.done.documents", documents, pygame.K_d
        )
        self.offer_or_done(
            cell(1), f"{P}.button.ink", f"{P}.done.ink", CheckInk(voter=vs.id), pygame.K_t
        )
        return y + self.rows_height(2, columns)

    def build_admission(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        cat = self.ctx.cat
        y = self.heading(area, y, cat(f"{P}.group.attend"))
        lists = [
            layout.shown_label(cat(f"list.{v.value}"), LIST_KEYS[v]) for v in VoterList
        ]
        cell, columns = self.grid(area, y, 3, lists)
        for index, voter_list in enumerate(VoterList):
            self.offer(
                cell(index),
                cat(f"list.{voter_list.value}"),
                AdmitVoter(voter=vs.id, list=voter_list),
                key=LIST_KEYS[voter_list],
            )
        y += self.rows_height(3, columns)
        y = self.heading(area, y, cat(f"{P}.group.refuse"))
        reasons = list(Reason)
        cell, columns = self.grid(
            area, y, 2, [cat(f"{P}.reason.{reason.value}") for reason in reasons]
        )
        for index, reason in enumerate(reasons):
            self.offer(
                cell(index),
                cat(f"{P}.reason.{reason.value}"),
                RefuseVoter(voter=vs.id, reason=reason),
                tooltip=cat(f"desk.reason.{reason.value}"),
            )
        # Each hour the engine offers (12:00 for DPK, the scenario's DPTb hour), on a line of
        # its own under the reasons; [K] is the first.
        first_free = -(-len(reasons) // columns) * columns
        offers = [
            action for action in self.allowed.values()
            if isinstance(action, AskComeBack) and action.voter == vs.id
        ]
        for line, come_back in enumerate(offers):
            rect = cell(first_free + line * columns, span=columns)
            time = clock_words(to_minutes(come_back.at), cat)
            key = pygame.K_k if line == 0 else None
            self.offer(rect, cat(f"{P}.button.come_back", time=time), come_back, key=key)
        lines = max(1, len(offers))
        return y + self.rows_height(first_free + lines * columns, columns)

    def build_admitted(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        """Step 2 done: which attendance list the voter signed (one line, for the record)."""
        assert vs.attendance is not None
        voter_list = self.ctx.cat(f"list.{vs.attendance.value}")
        words = self.ctx.cat(f"{P}.group.attended", list=voter_list)
        return self.note_at(area, y, words, palette.PRIMARY_DARK) + self.ctx.px(6)

    def build_ballots(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        """Step 3: toggle the types to hand over, choose how the chair signs, hand them over.
        The button applies the engine's ``IssueBallots`` for exactly the choice made, when the
        engine offers that choice."""
        cat, px = self.ctx.cat, self.ctx.px
        self.keep_choice(vs)
        y = self.heading(area, y, cat(f"{P}.group.ballots"))
        types = all_types(self.world)
        chip_w = px(18)
        # The widest label a toggle can show (chosen, with its mark and key), and its chip.
        labels = [
            layout.shown_label("× " + self.short(t), DIGITS[i] if i < len(DIGITS) else None)
            + "  "
            for i, t in enumerate(types)
        ]
        cell, columns = self.grid(area, y, 2, labels)
        for index, ballot in enumerate(types):
            rect = cell(index)
            chip = self.art.scenery(
                f"chip-{ballot.value}",
                (chip_w - px(4), rect.height - px(4)),
                lambda s, b=ballot: art.draw_ballot_chips((b,), s),
            )
            self.ui.image(
                pygame.Rect((rect.left, rect.top + px(2)), chip.get_size()),
                chip,
                container=self.controls_box,
            )
            chosen = ballot in self.chosen_ballots
            if chosen:  # a tick drawn on the chip, besides the filled button: never colour alone
                mark = self.chosen_mark(chip_w)
                self.blits.append((mark, (rect.left, rect.centery - chip_w // 2)))
            button = self.ui.button(
                pygame.Rect(rect.left + chip_w, rect.top, rect.width - chip_w, rect.height),
                self.short(ballot),
                lambda b=ballot: self.toggle_ballot(b),
                key=DIGITS[index] if index < len(DIGITS) else None,
                style="@strong" if chosen else None,
                tooltip=ballot_name(ballot.value, cat),
                container=self.controls_box,
            )
            self.fit_button(button)
            self.ballot_toggles[ballot] = button
        y += self.rows_height(len(types), columns)
        y = self.heading(area, y, cat(f"{P}.sign.label"))
        sign_labels = ["× " + cat(f"{P}.sign.{signature}") for signature in SIGNATURES]
        sign_cell, sign_columns = self.grid(area, y, len(SIGNATURES), sign_labels)
        for index, signature in enumerate(SIGNATURES):
            chosen = signature == self.signature
            cell = sign_cell(index)
            if chosen:
                mark = self.chosen_mark(chip_w)
                self.blits.append((mark, (cell.left, cell.centery - chip_w // 2)))
            button = self.ui.button(
                pygame.Rect(cell.left + chip_w, cell.top, cell.width - chip_w, cell.height),
                cat(f"{P}.sign.{signature}"),
                lambda s=signature: self.choose_signature(s),
                style="@strong" if chosen else None,
                tooltip=cat(f"label.signature.{signature}"),
                container=self.controls_box,
            )
            self.fit_button(button)
        y += self.rows_height(len(SIGNATURES), sign_columns) - px(2)
        hand_over = self.issue_action(vs)
        rect = pygame.Rect(area.left, y, area.width, self.ctx.row_h(36, 16))
        if hand_over is not None and self.offered(hand_over):
            self.offer(
                rect, cat(f"{P}.button.hand_over"), hand_over, key=pygame.K_s, style="@strong"
            )
            return y + rect.height + px(6)
        self.disabled(rect, cat(f"{P}.button.hand_over"))
        note = cat(f"{P}.sign.choose" if hand_over is None else f"{P}.sign.unavailable")
        return self.note_at(area, y + rect.height + px(2), note, palette.MUTED) + px(6)

    def keep_choice(self, vs: VoterState) -> None:
        """The types chosen belong to one voter: a new voter starts afresh. How the chair
        marks the ballots is the chair's practice, kept from voter to voter; nothing is
        chosen for the trainee at the start of the day (that would be the answer)."""
        if self.choice_for != vs.id:
            self.choice_for = vs.id
            self.chosen_ballots = set()

    def issue_action(self, vs: VoterState) -> IssueBallots | None:
        """The hand-over the current choice makes, or None while no type or no way of
        marking the ballots is chosen."""
        chosen = [t for t in all_types(self.world) if t in self.chosen_ballots]
        if not chosen or self.signature is None:
            return None
        return IssueBallots(voter=vs.id, ballots=chosen, signature=self.signature)

    def toggle_ballot(self, ballot: BallotType) -> None:
        self.chosen_ballots ^= {ballot}
        self.refresh()

    def choose_signature(self, signature: str) -> None:
        self.signature = signature
        self.refresh()

    def build_requests(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        cat = self.ctx.cat
        y = self.heading(area, y, cat(f"{P}.group.requests"))
        cell, columns = self.grid(area, y, 2, self.request_labels())
        index = 0
        self.offer_or_done(
            cell(index),
            f"{P}.button.phone",
            f"{P}.done.phone",
            RemindPhone(voter=vs.id),
            pygame.K_p,
        )
        index += 1
        if vs.assistance is None:
            self.offer(
                cell(index),
                cat(f"{P}.button.allow_help"),
                AllowAssistance(voter=vs.id),
                key=pygame.K_a,
            )
            self.offer(
                cell(index + 1),
                cat(f"{P}.button.refuse_help"),
                RefuseAssistance(voter=vs.id),
                key=pygame.K_x,
            )
            index += 2
        else:
            done = "help_allowed" if vs.assistance == "allowed" else "help_refused"
            self.disabled(cell(index), cat(f"{P}.done.{done}"))
            index += 1
            if vs.assistance == "allowed":
                self.offer_or_done(
                    cell(index),
                    f"{P}.button.helper_form",
                    f"{P}.done.helper_form",
                    RecordHelperStatement(voter=vs.id),
                    pygame.K_h,
                )
                index += 1
        y += self.rows_height(index, columns)
        pending = list(dict.fromkeys(vs.replacements_pending))
        if not pending:
            return y
        # A new ballot asked for: its own rows, as wide as their words need.
        names = {ballot: self.short(ballot) for ballot in pending}
        labels = [cat(f"{P}.button.replace", ballot=n) + "  [G]" for n in names.values()]
        labels += [cat(f"{P}.button.refuse_replace", ballot=n) for n in names.values()]
        cell, columns = self.grid(area, y - self.ctx.px(6), 2, labels)
        index = 0
        shortcut: int | None = pygame.K_g  # the first request answered by key
        for ballot, name in names.items():
            replace = ReplaceBallot(voter=vs.id, ballot=ballot)
            if self.offered(replace):
                self.offer(
                    cell(index), cat(f"{P}.button.replace", ballot=name), replace, key=shortcut
                )
                shortcut = None
            index += 1
            self.offer(
                cell(index),
                cat(f"{P}.button.refuse_replace", ballot=name),
                RefuseReplacement(voter=vs.id, ballot=ballot),
            )
            index += 1
        return y - self.ctx.px(6) + self.rows_height(index, columns)

    def build_exit(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        cat, px = self.ctx.cat, self.ctx.px
        y = self.heading(area, y, cat(f"{P}.group.exit"))
        height = self.ctx.row_h(36, 16)
        self.offer(
            pygame.Rect(area.left, y, area.width, height),
            cat(f"{P}.button.ink_exit"),
            ApplyInk(voter=vs.id),
            key=pygame.K_i,
            style="@strong",
        )
        return y + height + px(6)

    def build_queue_picker(self) -> None:
        cat = self.ctx.cat
        queue = self.world.queue

        def row(rect: pygame.Rect, scroller: UIScrollingContainer, index: int) -> UIButton:
            voter = self.world.voters[queue[index]].voter
            row = f"{P}.queue.row_priority" if is_priority(voter) else f"{P}.queue.row"
            arrived = cat(
                f"{P}.status.arrived", time=format_minutes(self.world.voters[queue[index]].arrives)
            )
            text = cat(row, number=index + 1, looks=", ".join([*art.looks(voter, cat), arrived]))
            return self.offer(rect, text, CallVoter(voter=queue[index]), container=scroller)

        self._build_picker(cat(f"{P}.queue.pick"), len(queue), row, self.close_queue_picker)

    def build_records_picker(self) -> None:
        """Everyone who has been at the desk, to record or report something about them."""
        called = [vs for vs in self.world.voters.values() if vs.called]

        def row(rect: pygame.Rect, scroller: UIScrollingContainer, index: int) -> UIButton:
            vs = called[index]
            button = self.ui.button(
                rect, vs.voter.name, lambda v=vs.id: self.choose_subject(v), container=scroller
            )
            self.fit_button(button)
            return button

        self._build_picker(
            self.ctx.cat(f"{P}.records.pick"),
            len(called),
            row,
            lambda: self.choose_subject(self.chosen_subject),
        )

    def _build_picker(
        self,
        title: str,
        count: int,
        make_row: Callable[[pygame.Rect, UIScrollingContainer, int], UIButton],
        cancel: Callable[[], None],
    ) -> None:
        """A scrolling list of ``count`` buttons under ``title`` in the controls, Cancel below."""
        px = self.ctx.px
        area = self.controls_rect()
        y = self.heading(area, area.top, title)
        cancel_h = self.ctx.row_h(38)
        scroller_rect = pygame.Rect(
            area.left, y, area.width, area.height - (y - area.top) - cancel_h - px(6)
        )
        scroller = self.ui.scroller(scroller_rect)
        row = self.row_h() + px(GAP)
        inner_w = scroller_rect.width - px(SCROLL_BAR)
        first: UIButton | None = None
        for index in range(count):
            button = make_row(pygame.Rect(0, index * row, inner_w, self.row_h()), scroller, index)
            first = first or button
        layout.scroll_area(scroller, (inner_w, max(1, count * row)))
        self.ui.button(
            pygame.Rect(area.left, area.bottom - cancel_h, area.width, cancel_h),
            self.ctx.cat("shell.common.cancel"),
            cancel,
        )
        self.picker_first = first

    # --- widgets that offer exactly what the engine allows ---------------------------------

    def offer(
        self,
        rect: pygame.Rect,
        text: str,
        action: Action,
        *,
        key: int | None = None,
        style: str | None = None,
        tooltip: str | None = None,
        container: object = None,
        centred: bool = False,
    ) -> UIButton:
        """A button applying ``action`` if the engine allows it now; else a greyed one. In
        the controls it goes into their column (``controls_box``)."""
        container = container if container is not None else self.controls_box
        if not self.offered(action):
            return self.disabled(rect, text, container=container)
        button = self.ui.button(
            rect,
            text,
            lambda: self.act(action),
            key=key,
            style=style if style else ("@centred" if centred else None),
            tooltip=tooltip,
            container=container,  # type: ignore[arg-type]
            action=action,
        )
        self.fit_button(button)
        return button

    def offer_or_done(
        self, rect: pygame.Rect, text_key: str, done_key: str, action: Action, key: int
    ) -> UIButton:
        if self.offered(action):
            return self.offer(rect, self.ctx.cat(text_key), action, key=key)
        return self.disabled(rect, self.ctx.cat(done_key))

    def disabled(self, rect: pygame.Rect, text: str, container: object = None) -> UIButton:
        container = container if container is not None else self.controls_box
        button = self.ui.button(rect, text, lambda: None, focusable=False, container=container)  # type: ignore[arg-type]
        button.disable()
        self.fit_button(button)
        return button

    def fit_button(self, button: UIButton) -> None:
        """Shorten a label that would run out of its button (a long name, a language)."""
        limit = button.rect.width - self.ctx.px(24)
        text = button.text
        if text_size(button.font, text)[0] <= limit:
            return
        head, sep, key = text.rpartition("  [")
        tail = f"{sep}{key}" if sep else ""
        body = head if sep else text
        while body and text_size(button.font, body + "…" + tail)[0] > limit:
            body = body[:-1]
        button.set_text(body.rstrip() + "…" + tail)

    def request_labels(self) -> list[str]:
        """Every label the voter's requests can show, in any state (the grid's columns are
        chosen for all of them, so answering a request never moves the others)."""
        cat = self.ctx.cat
        return [
            layout.shown_label(cat(f"{P}.button.phone"), pygame.K_p),
            cat(f"{P}.done.phone"),
            layout.shown_label(cat(f"{P}.button.allow_help"), pygame.K_a),
            layout.shown_label(cat(f"{P}.button.refuse_help"), pygame.K_x),
            cat(f"{P}.done.help_allowed"),
            cat(f"{P}.done.help_refused"),
            layout.shown_label(cat(f"{P}.button.helper_form"), pygame.K_h),
            cat(f"{P}.done.helper_form"),
        ]

    def controls_need(self) -> int:
        """The width the controls need for two columns of their longest words (a refusal
        reason, a request) on one line each."""
        cat, px = self.ctx.cat, self.ctx.px
        labels = [cat(f"{P}.reason.{reason.value}") for reason in Reason]
        labels += self.request_labels()
        widest = max(layout.button_width(self.ctx, label) for label in labels)
        return 2 * widest + px(GAP) + px(SCROLL_BAR)

    def short(self, ballot: BallotType) -> str:
        return self.ctx.cat(f"{P}.short.{ballot.value}")
