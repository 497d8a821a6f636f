"""The voter desk's controls, in the order of the procedure: check, enter in an attendance
list or refuse with a reason, hand over the ballots, answer the voter's requests, ink a finger
at the exit; the whole queue or everyone called, as lists to choose from. Every button offers
exactly what the engine allows (a greyed one otherwise)."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton, UIScrollingContainer

from simulator.app.context import AppContext
from simulator.app.widgets import Widgets
from simulator.art import palette
from simulator.core.actions import Action
from simulator.core.desk import Reason, all_types, is_priority
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
from simulator.presenter.labels import ballot_name
from simulator.scenes.phases import pemungutan_art as art
from simulator.scenes.phases.logistics_art import draw_tick
from simulator.scenes.phases.pemungutan_units import (
    DIGITS,
    GAP,
    HEAD,
    LIST_KEYS,
    ROW,
    SIGNATURES,
    Blit,
    P,
)
from simulator.schema.clock import format_minutes
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

    def build_controls(self) -> None:
        area = self.controls_rect()
        vs = self.desk
        if vs is None:
            self.build_free_desk(area)
            return
        y = self.build_checks(vs, area, area.top)
        if vs.attendance is None:
            y = self.build_admission(vs, area, y)
        else:
            y = self.build_admitted(vs, area, y)
        if vs.attendance is not None and not vs.ballots:
            y = self.build_ballots(vs, area, y)
        y = self.build_requests(vs, area, y)
        if vs.ballots:
            self.build_exit(vs, area, y)

    def stock_line(self) -> str:
        """The ballots left of each type (a DPK voter is sent on when they have run out, and
        a replacement needs one left)."""
        stocks = self.world.stocks
        counts = " · ".join(f"{self.short(t)} {stocks[t].remaining}" for t in all_types(self.world))
        return self.ctx.cat(f"{P}.stock", counts=counts)

    def heading(self, area: pygame.Rect, y: int, text: str) -> int:
        px = self.ctx.px
        self.blits.append(
            (
                self.art.text(
                    text, self.ctx.font_px(14), area.width, bold=True, colour=palette.PRIMARY_DARK
                ),
                (area.left, y),
            )
        )
        return y + px(HEAD)

    def chosen_mark(self, size: int) -> pygame.Surface:
        """The mark of a chosen toggle: a drawn tick (the font has no check glyph, and "×"
        read as "not this one")."""

        def make(wh: tuple[int, int]) -> pygame.Surface:
            surface = pygame.Surface(wh, pygame.SRCALPHA)
            draw_tick(surface, (wh[0] // 2, wh[1] // 2), min(wh) - 2, palette.OK)
            return surface

        return self.art.scenery("chosen-tick", (size, size), make)

    def grid(self, area: pygame.Rect, y: int, columns: int) -> Callable[[int], pygame.Rect]:
        """Cell ``i`` of a grid of ``columns`` starting at ``y``."""
        px = self.ctx.px
        cell_w = (area.width - px(GAP) * (columns - 1)) // columns
        row = px(ROW) + px(GAP)

        def cell(index: int, span: int = 1) -> pygame.Rect:
            r, c = divmod(index, columns)
            width = cell_w * span + px(GAP) * (span - 1)
            return pygame.Rect(area.left + c * (cell_w + px(GAP)), y + r * row, width, px(ROW))

        return cell

    def rows_height(self, count: int, columns: int) -> int:
        px = self.ctx.px
        rows = -(-count // columns)
        return rows * (px(ROW) + px(GAP)) + px(6)

    def build_free_desk(self, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        queue = self.world.queue
        y = area.top
        if queue:
            self.offer(
                pygame.Rect(area.left, y, area.width, px(40)),
                cat(f"{P}.desk.call_next"),
                CallVoter(voter=queue[0]),
                key=pygame.K_n,
                style="@strong",
            )
            y += px(48)
            hint = cat(f"{P}.desk.empty_hint")
        else:
            hint = cat(f"{P}.desk.no_queue")
        self.blits.append(
            (self.art.paragraph(hint, self.ctx.font_px(14), area.width, 3), (area.left, y))
        )

    def build_checks(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        cat = self.ctx.cat
        y = self.heading(area, y, cat(f"{P}.group.check"))
        cell = self.grid(area, y, 2)
        documents = CheckDocuments(voter=vs.id)
        self.offer_or_done(
            cell(0), f"{P}.button.documents", f"{P}.done.documents", documents, pygame.K_d
        )
        self.offer_or_done(
            cell(1), f"{P}.button.ink", f"{P}.done.ink", CheckInk(voter=vs.id), pygame.K_t
        )
        return y + self.rows_height(2, 2)

    def build_admission(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        cat = self.ctx.cat
        y = self.heading(area, y, cat(f"{P}.group.attend"))
        cell = self.grid(area, y, 3)
        for index, voter_list in enumerate(VoterList):
            self.offer(
                cell(index),
                cat(f"list.{voter_list.value}"),
                AdmitVoter(voter=vs.id, list=voter_list),
                key=LIST_KEYS[voter_list],
            )
        y += self.rows_height(3, 3)
        y = self.heading(area, y, cat(f"{P}.group.refuse"))
        cell = self.grid(area, y, 2)
        reasons = list(Reason)
        for index, reason in enumerate(reasons):
            self.offer(
                cell(index),
                cat(f"{P}.reason.{reason.value}"),
                RefuseVoter(voter=vs.id, reason=reason),
                tooltip=cat(f"desk.reason.{reason.value}"),
            )
        come_back = AskComeBack(voter=vs.id)
        rect = cell(len(reasons), span=2)
        if self.offered(come_back):
            self.offer(rect, cat(f"{P}.button.come_back"), come_back, key=pygame.K_k)
        return y + self.rows_height(len(reasons) + 2, 2)

    def build_admitted(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        """Step 2 done: which attendance list the voter signed (one line, for the record)."""
        assert vs.attendance is not None
        voter_list = self.ctx.cat(f"list.{vs.attendance.value}")
        y = self.heading(area, y, self.ctx.cat(f"{P}.group.attended", list=voter_list))
        return y + self.ctx.px(6)

    def build_ballots(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        """Step 3: toggle the types to hand over, choose how the chair signs, hand them over.
        The button applies the engine's ``IssueBallots`` for exactly the choice made, when the
        engine offers that choice."""
        cat, px = self.ctx.cat, self.ctx.px
        self.keep_choice(vs)
        y = self.heading(area, y, cat(f"{P}.group.ballots"))
        types = all_types(self.world)
        cell = self.grid(area, y, 2)
        chip_w = px(18)
        for index, ballot in enumerate(types):
            rect = cell(index)
            chip = self.art.scenery(
                f"chip-{ballot.value}",
                (chip_w - px(4), rect.height - px(4)),
                lambda s, b=ballot: art.draw_ballot_chips((b,), s),
            )
            self.blits.append((chip, (rect.left, rect.top + px(2))))
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
            )
            self.fit_button(button)
            self.ballot_toggles[ballot] = button
        y += self.rows_height(len(types), 2)
        y = self.heading(area, y, cat(f"{P}.sign.label"))
        sign_cell = self.grid(area, y, len(SIGNATURES))
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
            )
            self.fit_button(button)
        y += px(ROW) + px(GAP) + px(4)
        hand_over = self.issue_action(vs)
        rect = pygame.Rect(area.left, y, area.width, px(36))
        if hand_over is not None and self.offered(hand_over):
            self.offer(
                rect, cat(f"{P}.button.hand_over"), hand_over, key=pygame.K_s, style="@strong"
            )
            return y + px(42)
        self.disabled(rect, cat(f"{P}.button.hand_over"))
        note = cat(f"{P}.sign.choose" if hand_over is None else f"{P}.sign.unavailable")
        self.blits.append(
            (
                self.art.text(note, self.ctx.font_px(13), area.width, colour=palette.MUTED),
                (area.left, y + px(38)),
            )
        )
        return y + px(58)

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
        cell = self.grid(area, y, 2)
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
        if index % 2:
            index += 1
        shortcut: int | None = pygame.K_g  # the first request answered by key
        for ballot in dict.fromkeys(vs.replacements_pending):
            name = self.short(ballot)
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
        return y + self.rows_height(index, 2)

    def build_exit(self, vs: VoterState, area: pygame.Rect, y: int) -> int:
        cat, px = self.ctx.cat, self.ctx.px
        y = self.heading(area, y, cat(f"{P}.group.exit"))
        self.offer(
            pygame.Rect(area.left, y, area.width, px(36)),
            cat(f"{P}.button.ink_exit"),
            ApplyInk(voter=vs.id),
            key=pygame.K_i,
            style="@strong",
        )
        return y + px(42)

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
        scroller_rect = pygame.Rect(area.left, y, area.width, area.height - (y - area.top) - px(44))
        scroller = self.ui.scroller(scroller_rect)
        row = px(ROW) + px(GAP)
        inner_w = scroller_rect.width - px(22)
        first: UIButton | None = None
        for index in range(count):
            button = make_row(pygame.Rect(0, index * row, inner_w, px(ROW)), scroller, index)
            first = first or button
        scroller.set_scrollable_area_dimensions((inner_w, max(1, count * row)))
        self.ui.button(
            pygame.Rect(area.left, area.bottom - px(38), area.width, px(38)),
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
        """A button applying ``action`` if the engine allows it now; else a greyed one."""
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
        button = self.ui.button(rect, text, lambda: None, focusable=False, container=container)  # type: ignore[arg-type]
        button.disable()
        self.fit_button(button)
        return button

    def fit_button(self, button: UIButton) -> None:
        """Shorten a label that would run out of its button (a long name, a language)."""
        limit = button.rect.width - self.ctx.px(24)
        text = button.text
        if button.font.size(text)[0] <= limit:
            return
        head, sep, key = text.rpartition("  [")
        tail = f"{sep}{key}" if sep else ""
        body = head if sep else text
        while body and button.font.size(body + "…" + tail)[0] > limit:
            body = body[:-1]
        button.set_text(body.rstrip() + "…" + tail)

    def short(self, ballot: BallotType) -> str:
        return self.ctx.cat(f"{P}.short.{ballot.value}")
