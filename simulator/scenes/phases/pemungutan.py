"""Pemungutan suara: the voter desk, seen from the KPPS side.

At the back, the queue (small figures, the count in words) and the clock; in front, the voter
called to the desk, drawn large, and the documents they hand over, laid on the desk once
checked (click one, or press L, to read it large); the finger after the ink check. The controls
follow the real procedure: check, enter in an attendance list or refuse with a reason, hand
over the ballots, answer the voter's requests, ink a finger at the exit. The voter lists of this
TPS sit in the side column with a search entry, as the printed DPT and DPTb sit on a real desk.

The clock runs compressed (about two seconds a game minute; 3× or paused on request) and
stops while a dialog, the pause menu or a note of the scenario's guide is open. The engine's
clock moves only by ``AdvanceClock``: the scene shows the minutes passing and moves the engine
when something is due (an arrival, 12:00, 13:00, a scenario event), and to the minute shown
before the trainee's own next action, so the log records when each thing was done.

Nothing here judges: the scene offers what ``allowed_actions()`` allows and the engine says
whether it was right.

The scene is built from parts, one module each: the queue and the clock
(``pemungutan_band``), the voter and the documents (``pemungutan_picture``, the large view in
``pemungutan_viewer``), the controls (``pemungutan_controls``) and the voter lists
(``pemungutan_lists``); this module holds them together, runs the clock and reads the input.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIScrollingContainer, UITextEntryLine

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import offer_key
from simulator.art.identity import home_rw
from simulator.core.actions import (
    Action,
    AdvanceClock,
    EndPhase,
    InformPtps,
    RecordSpecialEvent,
    RespondToEvent,
)
from simulator.core.phases.pemungutan import (
    CallVoter,
    IssueBallots,
)
from simulator.core.state import VoterState
from simulator.scenes.phase import PhaseScene, held_while_drawing
from simulator.scenes.phases import pemungutan_art as art
from simulator.scenes.phases import pemungutan_lists as lists
from simulator.scenes.phases.pemungutan_band import DeskBand
from simulator.scenes.phases.pemungutan_controls import DeskControls
from simulator.scenes.phases.pemungutan_picture import DeskPicture
from simulator.scenes.phases.pemungutan_units import (
    FAST,
    PICTURE_LEAST_W,
    PICTURE_W,
    RESULTS_H,
    ROW,
    Blit,
    P,
)
from simulator.scenes.phases.pemungutan_viewer import DocumentViewer
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.types import BallotType

SECONDS_PER_MINUTE = 2.0  # real seconds per game minute at 1×


class PemungutanScene(DeskBand, DeskPicture, DeskControls, PhaseScene):
    stage_kinds = frozenset(
        {
            "call_voter",
            "check_ink",
            "check_documents",
            "admit_voter",
            "issue_ballots",
            "remind_phone",
            "allow_assistance",
            "refuse_assistance",
            "helper_statement",
            "replace_ballot",
            "refuse_replacement",
            "apply_ink",
            "refuse_voter",
            "ask_come_back",
            "announce_dpk",
            "announce_close",
            "advance_clock",
        }
    )
    # Call the first voter, check the fingers and the documents, enter them in the DPT:
    # the voter at the desk, documents out, ballots about to be handed over.
    shot_steps = 4

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self.paused = False
        self.fast = False
        # An explanation is on screen (Latihan): the clock waits until it has been read.
        self.reading = False
        self._judged = False
        self._typing = False  # a rebuild while the trainee types in the search box
        self.seconds_per_minute = SECONDS_PER_MINUTE
        self.elapsed = 0.0  # game-clock seconds since the engine's clock last moved
        self.clock_seen = self.world.clock
        # A day resumed from its save after the decision has already been told.
        self.continued_vote_told = self.world.voting.continued
        self.search_text = ""
        self.viewer = DocumentViewer()  # a document held up large
        self.drawn_sizes: dict[str, tuple[int, int]] = {}
        self.picking = False  # the whole queue shown as a list to call from
        self.recent: str | None = self.world.voting.at_desk  # the voter last at the desk
        self.art = art.DeskArt()
        self.rows = lists.voter_lists(
            self.world.scenario, [v.voter for v in self.world.voters.values()]
        )
        self.blits: list[Blit] = []
        self.viewer_blits: list[Blit] = []
        self.doc_rects: list[pygame.Rect] = []
        self.allowed: dict[str, Action] = {}
        self.stop: int | None = None
        self.results_rect = pygame.Rect(0, 0, 1, 1)
        self.side_blits: list[Blit] = []
        self.chosen_subject: str | None = None  # records about another voter, when chosen
        self.picking_records = False
        self.choice_for: str | None = None  # the voter the ballot choice below is for
        self.chosen_ballots: set[BallotType] = set()
        self.signature: str | None = None  # chosen by the trainee, then kept
        self.ballot_toggles: dict[BallotType, UIButton] = {}  # for tests and tools
        self.picker_first: UIButton | None = None
        self.controls_box: UIScrollingContainer | None = None  # while the controls are built
        self.search_entry: UITextEntryLine | None = None
        self._art_size = ctx.size
        self._side_part: pygame.Rect | None = None

    # --- geometry -------------------------------------------------------------------------

    @held_while_drawing
    def side_rect(self) -> pygame.Rect:
        # While the base builds the action list, it gets the part below the voter lists.
        return self._side_part or super().side_rect()

    @held_while_drawing
    def band_rect(self) -> pygame.Rect:
        stage = self.stage_rect()
        return pygame.Rect(stage.left, stage.top, stage.width, self.band_height())

    @held_while_drawing
    def picture_rect(self) -> pygame.Rect:
        """The voter and the desk: the design's width, narrower (down to a least width) when
        large text needs the room for the controls' words."""
        stage, band, px = self.stage_rect(), self.band_rect(), self.ctx.px
        top = band.bottom + px(8)
        room = stage.width - px(12) - self.controls_need()
        width = max(px(PICTURE_LEAST_W), min(px(PICTURE_W), room))
        return pygame.Rect(stage.left, top, width, stage.bottom - top)

    @held_while_drawing
    def controls_rect(self) -> pygame.Rect:
        stage, picture = self.stage_rect(), self.picture_rect()
        left = picture.right + self.ctx.px(12)
        return pygame.Rect(left, picture.top, stage.right - left, picture.height)

    # --- state read for display -----------------------------------------------------------

    @property
    def desk(self) -> VoterState | None:
        voter = self.world.voting.at_desk
        return self.world.voters[voter] if voter is not None else None

    def shown_minute(self) -> int:
        """The clock as the trainee sees it: the engine's, plus the minutes run since."""
        stop = self.stop
        minutes = int(self.elapsed // self.seconds_per_minute)
        if stop is None:
            return self.world.clock
        return min(self.world.clock + minutes, stop)

    def next_stop(self) -> int | None:
        """The next moment something is due: an arrival, 12:00, 13:00 (the times the engine
        offers) or a scenario event."""
        world = self.world
        stops = [to_minutes(a.to) for a in self.allowed.values() if isinstance(a, AdvanceClock)]
        stops += [e.at for e in world.events if not e.fired and e.at > world.clock]
        return min(stops) if stops else None

    def offered(self, action: Action) -> bool:
        return offer_key(action) in self.allowed

    # --- building -------------------------------------------------------------------------

    def build(self) -> None:
        if self._art_size != self.ctx.size:
            self.art.clear()
            self._art_size = self.ctx.size
        self.allowed = {offer_key(a): a for a in self.offered_actions()}
        self.stop = self.next_stop()  # read every frame by the clock: worked out once here
        if self.world.voting.at_desk is not None:
            self.recent = self.world.voting.at_desk
        if self.desk is None or not self.desk.documents_checked:
            self.viewing = None
        super().build()
        self.keep_out_of_search()

    def keep_out_of_search(self) -> None:
        """The keyboard lands in the search box only when the trainee was typing there (or
        asks with F3): a focus kept by position after the screen changed (a document held
        up, a voter gone) must not put the next shortcut letter into it."""
        entry = self.search_entry
        if self._typing or entry is None or self.ui.focused() is not entry:
            return
        others = [e for e in self.ui.live_focusable() if e is not entry]
        if others:
            self.ui.set_focus(others[0])
        else:
            entry.unfocus()

    def rebuild(self) -> None:
        """Build again, keeping the keyboard where it was: in the search entry while typing
        (a voter arriving must not turn the next letters into shortcuts), else on the button
        with the same text when there still is one."""
        entry = self.search_entry
        typing = entry is not None and entry.alive() and entry.is_focused
        if entry is not None and entry.alive():
            # The box is made again from this: what it holds now, not the last change handled
            # (a letter typed in the same frame would be lost).
            self.search_text = entry.get_text()
        focused = self.ui.focused()
        text = getattr(focused, "text", None) if focused is not None else None
        self._typing = typing
        try:
            super().rebuild()
        finally:
            self._typing = False
        if typing and self.search_entry is not None:
            self.ui.set_focus(self.search_entry)
            self.search_entry.edit_position = len(self.search_entry.get_text())
            return
        same = next((e for e in self.ui.live_focusable() if getattr(e, "text", None) == text), None)
        if text is not None and same is not None:
            self.ui.set_focus(same)

    def build_header(self) -> None:
        super().build_header()
        self.refresh_clock()

    def build_stage(self) -> None:
        self.ballot_toggles = {}
        self.blits = []
        self.viewer_blits = []
        self.doc_rects = []
        if self.viewed_document() is not None:
            self.build_viewer()  # a document read large covers the whole stage
            return
        self.build_band()
        self.build_picture()
        if self.picking:
            self.build_queue_picker()
        elif self.picking_records:
            self.build_records_picker()
        else:
            self.build_controls()

    # --- the side column: the voter lists above the other actions -------------------------

    def build_side(self) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        side = super().side_rect()
        self.ui.label(
            pygame.Rect(side.left, side.top, side.width, self.ctx.line(19)),
            cat(f"{P}.lists.title", tps=f"{self.world.scenario.tps.number:03d}"),
            style="@heading",
        )
        y = side.top + self.ctx.line(19) + px(2)
        self.search_entry = self.ui.entry(
            pygame.Rect(side.left, y, side.width, self.search_h()),
            self.search_done,
            initial=self.search_text,
            name="voter_search",
        )
        y = self.results_rect_top(side)
        self.results_rect = pygame.Rect(side.left, y, side.width, self.results_height(side))
        self.show_results()
        y = self.results_rect.bottom + px(6)
        other = layout.button(
            self.ui,
            self.ctx,
            pygame.Rect(side.left, y, side.width, self.ctx.row_h(ROW)),
            cat(f"{P}.records.other"),
            self.open_records_picker,
            key=pygame.K_o,
        )
        y += other.rect.height + px(8)
        self._side_part = pygame.Rect(side.left, y, side.width, side.bottom - y)
        try:
            super().build_side()
        finally:
            self._side_part = None

    @property
    def record_subject(self) -> str | None:
        """Whom the records in the side list are about: the voter chosen, else the one at (or
        last at) the desk."""
        return self.chosen_subject or self.recent

    def side_actions(self) -> list[Action]:
        """What the stage does not show, trimmed to what matters now: the records about one
        voter (others through "records about another voter"), and the later clock stops."""
        subject = self.record_subject
        shown = [
            a
            for a in self.allowed.values()
            if a.kind not in self.stage_kinds
            and not isinstance(a, EndPhase | RespondToEvent)
            and (not isinstance(a, RecordSpecialEvent | InformPtps) or a.subject == subject)
        ]
        stops = sorted(
            (a for a in self.allowed.values() if isinstance(a, AdvanceClock)),
            key=lambda a: to_minutes(a.to),
        )
        return shown + stops[1:]

    def results_height(self, side: pygame.Rect) -> int:
        """As tall as the rows found need (every namesake in view), between the usual card
        and what leaves the list of other actions one row."""
        px = self.ctx.px
        usual = px(RESULTS_H)
        # Below the card: its gap, "records about another voter", then the base column's
        # heading, one row of actions (the list scrolls), the wait-until row and the end button.
        other = self.ctx.row_h(ROW)
        if not layout.fits(self.ctx, self.ctx.cat(f"{P}.records.other"), side.width, pygame.K_o):
            other *= 2  # its words wrap onto a second line
        below = (
            px(6) + other + px(8) + self.ctx.line(19) + self.ctx.row_h(42)
            + self.ctx.row_h(40, 16) + px(8) + self.end_button_h() + px(8)
        )
        room = side.bottom - self.results_rect_top(side) - below
        query = self.search_text.strip()
        found = lists.search(self.rows, query) if query else []
        needed = (
            lists.card_height(found, self.desk_facts(), self.ctx.cat, self.card_style(), side.width)
            if found
            else 0
        )
        return max(usual, min(needed, room))

    def search_h(self) -> int:
        return self.ctx.row_h(36, 16)

    def results_rect_top(self, side: pygame.Rect) -> int:
        return side.top + self.ctx.line(19) + self.ctx.px(2) + self.search_h() + self.ctx.px(4)

    @property
    def tps_number(self) -> str:
        return f"{self.world.scenario.tps.number:03d}"

    def desk_facts(self) -> lists.Desk:
        scenario = self.world.scenario
        area = self.ctx.cat(
            f"{P}.lists.area",
            tps=self.tps_number,
            rw=f"{home_rw(scenario):03d}",
            village=scenario.tps.village,
        )
        return lists.Desk(self.tps_number, area, scenario.rules.dptb_from)

    def card_style(self) -> lists.CardStyle:
        px = self.ctx.px
        return lists.CardStyle(
            body=self.ctx.font_px(14), small=self.ctx.font_px(13), pad=px(10), gap=px(6)
        )

    def show_results(self) -> None:
        """The rows of the voter lists that match the search, drawn on a white card."""
        rect = self.results_rect
        query = self.search_text.strip()

        def draw() -> pygame.Surface:
            found = lists.search(self.rows, query)
            return lists.draw_results(
                found,
                query,
                self.desk_facts(),
                self.ctx.cat,
                self.card_style(),
                rect.size,
                art.draw_panel(rect.size),
            )

        card = self.art.results((query, self.ctx.settings.lang, rect.size), draw)
        self.side_blits = [(card, rect.topleft)]

    def search_changed(self, text: str) -> None:
        self.search_text = text
        entry = self.search_entry
        if entry is not None and entry.alive() and entry.get_text() != text:
            entry.set_text(text)  # a search made for the trainee (a tool, a test) shows too
        side = super().side_rect()
        if self.results_height(side) != self.results_rect.height:
            self.rebuild()  # the card grows (or shrinks) to show every row found
        else:
            self.show_results()

    def search_done(self, text: str) -> None:
        """Enter in the search: the list stays filtered and the keys are shortcuts again."""
        self.search_changed(text)
        if self.ui.focused() is self.search_entry:
            self.ui.set_focus(None)

    # --- acting -----------------------------------------------------------------------------

    def act_all(self, actions: Sequence[Action]) -> None:
        """The trainee acts at the time the clock shows: the engine's clock catches up first."""
        shown = self.shown_minute()
        first = actions[0] if actions else None
        if shown > self.world.clock and not isinstance(first, AdvanceClock):
            actions = [AdvanceClock(to=format_minutes(shown)), *actions]
        self.picking = self.picking_records = False
        if any(isinstance(a, CallVoter) for a in actions):
            self.chosen_subject = None
        self._judged = True
        super().act_all(actions)

    def after_shown(self) -> None:
        super().after_shown()
        self.draw_ahead()  # the voters waiting, drawn while the trainee reads the desk

    def after_action(self) -> None:
        # The minutes the engine's clock just moved are no longer "run since".
        moved = self.world.clock - self.clock_seen
        if moved < 0:  # a continued vote starts again at 07:00: nothing has run on that day
            self.elapsed = 0.0
        else:
            self.elapsed = max(0.0, self.elapsed - moved * self.seconds_per_minute)
        self.clock_seen = self.world.clock
        if self._judged:  # the trainee's own action: its findings, or none, replace the last
            self.reading = self.explains(self.session.latest)
            self._judged = False
        super().after_action()
        self.tell_continued_vote()

    def tell_continued_vote(self) -> None:
        """Once, when the KPU Kab/Kota's decision carries the day into a continued vote: what
        it means, before the desk opens again at 07:00 (read after the follow-up card closes)."""
        if (
            not self.world.voting.continued
            or self.continued_vote_told
            or self.ctx.stack.top is not self
            or self.world.phase is not self.phase
        ):
            return
        from simulator.scenes.dialog import NoticeDialog

        self.continued_vote_told = True
        cat = self.ctx.cat
        self.ctx.stack.push(NoticeDialog(
            self.ctx,
            cat(f"{P}.continued_vote.title"),
            cat(f"{P}.continued_vote.body"),
            cat(f"{P}.continued_vote.go_on"),
        ))

    def explains(self, findings: Sequence[object]) -> bool:
        """In Latihan a finding is explained in the feedback strip: the clock waits until the
        trainee has read it (Ujian shows nothing, so nothing waits)."""
        return self.session.hints and bool(findings)

    # --- the running clock ----------------------------------------------------------------

    def clock_runs(self) -> bool:
        """The running clock moves: not paused, no explanation waiting to be read, nothing
        (a dialog, the pause menu) on top, the phase still on."""
        return (
            not self.paused
            and not self.reading
            and not self.guide.is_open  # a note of the guide is read in no game time
            and self.ctx.stack.top is self
            and self.world.phase is self.phase
        )

    def update(self, dt: float) -> None:
        if self.session.save_problem is not None and self.ctx.stack.top is self:
            self.ask_about_save()  # a checkpoint could not be written: the day waits
            return
        if not self.clock_runs():
            return
        stop = self.stop
        if stop is None:
            return
        self.elapsed += dt * (FAST if self.fast else 1)
        if self.elapsed < self.seconds_per_minute:
            return
        idle = not self.world.queue and self.world.voting.at_desk is None
        shown = self.shown_minute()
        if idle or shown >= stop:
            self.tick(stop)
        else:
            self.refresh_clock()

    def next_change(self) -> float | None:
        """The running clock moves on at each game minute (its own ``update`` replaces the
        base's, and so does this)."""
        if self.session.save_problem is not None and self.ctx.stack.top is self:
            return 0.0
        if not self.clock_runs() or self.stop is None:
            return None
        left = self.seconds_per_minute - self.elapsed % self.seconds_per_minute
        return left / (FAST if self.fast else 1)

    def tick(self, to: int) -> None:
        """The clock reaches something due: the engine moves there; the feedback strip keeps
        the trainee's last decision unless the moment itself brings a finding."""
        session = self.session
        before_action, before_latest = session.last_action, list(session.latest)
        self.keep_focus()
        result = session.do(AdvanceClock(to=format_minutes(to)))
        if not result.findings:
            session.last_action, session.latest = before_action, before_latest
        elif self.explains(result.findings):
            self.reading = True
        self.after_action()

    def refresh_clock(self) -> None:
        if self.clock_label is not None:
            text = format_minutes(self.shown_minute())
            if self.clock_label.text != text:
                self.clock_label.set_text(text)

    def toggle_pause(self) -> None:
        """[J]: go on after reading an explanation, else pause or run the clock."""
        if self.reading:
            self.reading = False
        else:
            self.paused = not self.paused
        self.refresh()

    def done_reading(self) -> None:
        if self.reading:
            self.reading = False
            self.refresh()

    def toggle_speed(self) -> None:
        self.fast = not self.fast
        self.refresh()

    def refresh(self) -> None:
        """Build again after a change of view (no engine action), keeping the focus ring on
        the same place."""
        self.keep_focus()
        self.rebuild()

    # --- local views -----------------------------------------------------------------------

    def next_document(self) -> None:
        vs = self.desk
        if vs is None or not vs.documents_checked or not vs.voter.documents:
            return
        index = -1 if self.viewing is None else self.viewing
        self.viewing = index + 1 if index + 1 < len(vs.voter.documents) else None
        self.refresh()

    def show_document(self, index: int) -> None:
        self.viewing = index
        self.refresh()

    def close_document(self) -> None:
        self.viewing = None
        self.refresh()

    def zoom_document(self) -> None:
        self.viewer.toggle_zoom()
        self.refresh()

    def scroll_document(self, pages: float) -> None:
        if self.viewer.scroll(pages):
            self.refresh()

    def open_queue_picker(self) -> None:
        self.picking, self.picking_records = True, False
        self.rebuild()
        self.focus_picker()

    def close_queue_picker(self) -> None:
        self.picking = False
        self.refresh()

    def open_records_picker(self) -> None:
        self.picking_records, self.picking = True, False
        self.rebuild()
        self.focus_picker()

    def focus_picker(self) -> None:
        """A list just opened: the keyboard starts on its first entry."""
        if self.picker_first is not None and self.picker_first.alive():
            self.ui.set_focus(self.picker_first)

    def choose_subject(self, voter_id: str | None) -> None:
        self.chosen_subject = voter_id
        self.picking_records = False
        self.refresh()

    def reveal(self, action: Action) -> bool:
        """Bring the control for ``action`` on screen: a voter far back in the queue, records
        about an earlier voter, or the ballot types and signature of a hand-over."""
        if not self.offered(action):
            return False
        if isinstance(action, CallVoter):
            self.open_queue_picker()
        elif isinstance(action, RecordSpecialEvent | InformPtps):
            self.choose_subject(action.subject)
        elif isinstance(action, IssueBallots) and self.desk is not None:
            self.keep_choice(self.desk)
            self.chosen_ballots = set(action.ballots)
            self.signature = action.signature
            self.refresh()
        else:
            return False
        return offer_key(action) in self.ui.offers

    # --- input and drawing ----------------------------------------------------------------

    def claims_click(self, event: pygame.event.Event) -> bool:
        """A click on the explanation says it has been read (the clock goes on)."""
        return self.reading and event.button == 1 and self.feedback_rect().collidepoint(event.pos)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and self.claims_click(event):
            self.done_reading()
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.search_entry:
            # What the box holds now: letters typed since this change was posted included.
            self.search_changed(self.search_entry.get_text())
            return True
        if (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_ESCAPE
            and self.viewing is not None
        ):
            self.close_document()
            return True
        if (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_F3
            and self.search_entry is not None
        ):
            self.ui.set_focus(self.search_entry)
            return True
        if self.viewing is not None and self.scrolls_document(event):
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.viewing is not None and self.stage_rect().collidepoint(event.pos):
                self.next_document()
                return True
            for index, rect in enumerate(self.doc_rects):
                if rect.collidepoint(event.pos):
                    self.show_document(index)
                    return True
        return super().handle(event)

    def scrolls_document(self, event: pygame.event.Event) -> bool:
        """The mouse wheel moves an enlarged document up and down."""
        if event.type != pygame.MOUSEWHEEL or not self.viewer.zoomed:
            return False
        self.scroll_document(-event.y / 2)
        return True

    def draw_stage(self, surface: pygame.Surface) -> None:
        surface.blits(self.blits, doreturn=False)
        surface.blits(self.side_blits, doreturn=False)
        if self.viewer_blits:
            surface.blits(self.viewer_blits, doreturn=False)


SCENE = PemungutanScene
