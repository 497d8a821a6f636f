"""Pemungutan suara: the voter desk, seen from the KPPS side.

At the back, the queue (small figures, the count in words) and the clock; in front, the voter
called to the desk, drawn large, and the documents they hand over, laid on the desk once
checked (click one, or press L, to read it large); the finger after the ink check. The controls
follow the real procedure: check, enter in an attendance list or refuse with a reason, hand
over the ballots, answer the voter's requests, ink a finger at the exit. The voter lists of this
TPS sit in the side column with a search entry, as the printed DPT and DPTb sit on a real desk.

The clock runs compressed (about two seconds a game minute; 3× or paused on request) and
stops while a dialog or the pause menu is open. The engine's clock moves only by
``AdvanceClock``: the scene shows the minutes passing and moves the engine when something is
due (an arrival, 12:00, 13:00, a scenario event), and to the minute shown before the trainee's
own next action, so the log records when each thing was done.

Nothing here judges: the scene offers what ``allowed_actions()`` allows and the engine says
whether it was right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIScrollingContainer, UITextEntryLine

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.widgets import offer_key
from simulator.art import palette
from simulator.art.fonts import fit_text
from simulator.core.actions import (
    Action,
    AdvanceClock,
    EndPhase,
    InformPtps,
    RecordSpecialEvent,
    RespondToEvent,
)
from simulator.core.desk import Reason, all_types
from simulator.core.phases.pemungutan import (
    AdmitVoter,
    AllowAssistance,
    AnnounceClose,
    AnnounceDpk,
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
from simulator.core.state import VoterState
from simulator.presenter.labels import action_label, ballot_name
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases import pemungutan_art as art
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.types import BallotType, VoterList

P = "scene.pemungutan"
SECONDS_PER_MINUTE = 2.0  # real seconds per game minute at 1×
FAST = 3
SIGNATURES = ("tangan", "stempel", "tanpa")  # IssueBallots.signature, by hand first
DIGITS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6)
LIST_KEYS = {VoterList.DPT: pygame.K_1, VoterList.DPTB: pygame.K_2, VoterList.DPK: pygame.K_3}

# Design units (1366×768), inside the stage.
BAND_H = 112
PICTURE_W = 400
ROW = 32
GAP = 4
HEAD = 20

Blit = tuple[pygame.Surface, tuple[int, int]]


class PemungutanScene(PhaseScene):
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
        self.seconds_per_minute = SECONDS_PER_MINUTE
        self.elapsed = 0.0  # game-clock seconds since the engine's clock last moved
        self.clock_seen = self.world.clock
        self.search_text = ""
        self.viewing: int | None = None  # the document shown large
        self.picking = False  # the whole queue shown as a list to call from
        self.recent: str | None = self.world.voting.at_desk  # the voter last at the desk
        self.art = art.DeskArt()
        self.rows = art.voter_lists(
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
        self.signature = "tangan"
        self.ballot_toggles: dict[BallotType, UIButton] = {}  # for tests and tools
        self.picker_first: UIButton | None = None
        self.search_entry: UITextEntryLine | None = None
        self._art_size = ctx.size
        self._side_part: pygame.Rect | None = None

    # --- geometry -------------------------------------------------------------------------

    def side_rect(self) -> pygame.Rect:
        # While the base builds the action list, it gets the part below the voter lists.
        return self._side_part or super().side_rect()

    def band_rect(self) -> pygame.Rect:
        stage = self.stage_rect()
        return pygame.Rect(stage.left, stage.top, stage.width, self.ctx.px(BAND_H))

    def picture_rect(self) -> pygame.Rect:
        stage, band = self.stage_rect(), self.band_rect()
        top = band.bottom + self.ctx.px(8)
        return pygame.Rect(stage.left, top, self.ctx.px(PICTURE_W), stage.bottom - top)

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

    def rebuild(self) -> None:
        """Build again, keeping the keyboard where it was: in the search entry while typing
        (a voter arriving must not turn the next letters into shortcuts), else on the button
        with the same text when there still is one."""
        entry = self.search_entry
        typing = entry is not None and entry.alive() and entry.is_focused
        focused = self.ui.focused()
        text = getattr(focused, "text", None) if focused is not None else None
        super().rebuild()
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
        self.build_band()
        self.build_picture()
        if self.picking:
            self.build_queue_picker()
        elif self.picking_records:
            self.build_records_picker()
        else:
            self.build_controls()
        self.build_viewer()

    # The queue and the clock ---------------------------------------------------------------

    def build_band(self) -> None:
        px = self.ctx.px
        band = self.band_rect()
        clock_w = px(252)
        floor = pygame.Rect(band.left, band.top, band.width - clock_w - px(16), band.height)
        panel = pygame.Rect(
            floor.right + px(8), band.top, band.right - floor.right - px(8), band.height
        )
        self.blits.append(
            (self.art.scenery("queue", floor.size, art.draw_queue_floor), floor.topleft)
        )
        self.blits.append((self.art.scenery("panel", panel.size, art.draw_panel), panel.topleft))
        title = self.queue_title(len(self.world.queue))
        self.blits.append(
            (
                self.art.text(title, self.ctx.font_px(15), floor.width - px(24), bold=True),
                (floor.left + px(12), floor.top + px(6)),
            )
        )
        self.build_queue(
            pygame.Rect(floor.left + px(8), floor.top + px(28), floor.width - px(16), px(82))
        )
        self.build_clock(panel.inflate(-px(12), -px(12)))

    def queue_title(self, count: int) -> str:
        cat = self.ctx.cat
        if count == 0:
            return f"{cat(f'{P}.queue.title')}: {cat(f'{P}.queue.none')}"
        words = art.number_words(count, cat)
        text = cat(f"{P}.queue.count_one" if count == 1 else f"{P}.queue.count_many", count=words)
        return f"{cat(f'{P}.queue.title')}: {text}"

    def build_queue(self, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        queue = self.world.queue
        slot = px(58)
        fig = (px(48), px(54))
        more_w = px(96)
        fits_all = len(queue) * slot <= area.width
        shown = queue if fits_all else queue[: max(0, (area.width - more_w) // slot)]
        for index, voter_id in enumerate(shown):
            voter = self.world.voters[voter_id].voter
            x = area.left + index * slot
            self.blits.append((self.art.figure(voter, fig), (x + (slot - fig[0]) // 2, area.top)))
            looks = ", ".join(art.looks(voter, cat))
            self.offer(
                pygame.Rect(x + px(3), area.top + fig[1] + px(2), slot - px(6), px(26)),
                str(index + 1),
                CallVoter(voter=voter_id),
                tooltip=f"{cat(f'{P}.queue.call', number=index + 1)}: {looks}",
                centred=True,
            )
        rest = len(queue) - len(shown)
        if rest > 0:
            x = area.left + len(shown) * slot
            small = (px(34), px(40))
            for k, voter_id in enumerate(queue[len(shown) : len(shown) + 4]):
                voter = self.world.voters[voter_id].voter
                spot = (x + px(6) + k * px(16), area.top + fig[1] - small[1])
                self.blits.append((self.art.figure(voter, small), spot))
            more = self.ui.button(
                pygame.Rect(x + px(3), area.top + fig[1] + px(2), more_w - px(6), px(26)),
                cat(f"{P}.queue.more", count=rest),
                self.open_queue_picker,
                tooltip=cat(f"{P}.queue.more_hint"),
                key=pygame.K_q,
            )
            self.fit_button(more)

    def build_clock(self, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        half = (area.width - px(6)) // 2
        row = px(ROW)
        self.ui.button(
            pygame.Rect(area.left, area.top, half, row),
            cat(f"{P}.clock.resume" if self.paused else f"{P}.clock.pause"),
            self.toggle_pause,
            key=pygame.K_j,
        )
        self.ui.button(
            pygame.Rect(area.left + half + px(6), area.top, half, row),
            cat(f"{P}.clock.normal" if self.fast else f"{P}.clock.fast"),
            self.toggle_speed,
            key=pygame.K_v,
        )
        stops = [a for a in self.allowed.values() if isinstance(a, AdvanceClock)]
        wait_rect = pygame.Rect(area.left, area.top + row + px(6), area.width, row)
        if stops:
            first = min(stops, key=lambda a: to_minutes(a.to))
            self.offer(
                wait_rect,
                cat(f"{P}.clock.wait", time=first.to),
                first,
                key=pygame.K_w,
                tooltip=cat(f"{P}.clock.wait_hint"),
            )
        else:
            self.disabled(wait_rect, cat(f"{P}.clock.nothing"))
        state = (
            cat(f"{P}.clock.paused")
            if self.paused
            else cat(f"{P}.clock.running", speed=FAST if self.fast else 1)
        )
        self.blits.append(
            (
                self.art.text(state, self.ctx.font_px(13), area.width, colour=palette.MUTED),
                (area.left + px(2), wait_rect.bottom + px(4)),
            )
        )

    # The picture: the voter at the desk and the documents --------------------------------

    def build_picture(self) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        pic = self.picture_rect()
        desk_h = px(160)
        desk_top = pic.bottom - desk_h
        self.blits.append((self.art.scenery("wall", pic.size, art.draw_wall), pic.topleft))
        top = pic.top + px(8)
        shortcut: int | None = pygame.K_u  # the first announcement due
        for action, key in ((AnnounceDpk(), "dpk"), (AnnounceClose(), "close")):
            if self.offered(action):
                self.offer(
                    pygame.Rect(pic.left + px(8), top, pic.width - px(16), px(36)),
                    cat(f"{P}.announce.{key}"),
                    action,
                    key=shortcut,
                    tooltip=action_label(action, self.world, cat),
                    style="@strong",
                )
                top += px(42)
                shortcut = None
        desk_surface = self.art.scenery("desk", (pic.width, desk_h), art.draw_desk)
        vs = self.desk
        text_w = pic.width - px(24)
        if vs is None:
            self.blits.append((desk_surface, (pic.left, desk_top)))
            text = self.art.text(cat(f"{P}.desk.empty"), self.ctx.font_px(17), text_w, bold=True)
            self.blits.append((text, (pic.left + px(12), top + px(4))))
            return
        voter = vs.voter
        view_w = px(172)
        if vs.documents_checked and voter.documents:
            view = pygame.Rect(pic.right - view_w - px(8), top, view_w, px(30))
            self.fit_button(
                self.ui.button(view, cat(f"{P}.button.view"), self.next_document, key=pygame.K_l)
            )
        lines = [
            self.art.text(
                cat(f"{P}.desk.at_desk", name=voter.name),
                self.ctx.font_px(17),
                text_w - view_w - px(8),
                bold=True,
            ),
            self.art.text(
                cat(f"{P}.desk.visible", looks=", ".join(art.looks(voter, cat))),
                self.ctx.font_px(13),
                text_w,
                colour=palette.MUTED,
            ),
            *(self.art.text(line, self.ctx.font_px(13), text_w) for line in self.status_lines(vs)),
        ]
        y = top
        for surface in lines:
            self.blits.append((surface, (pic.left + px(12), y)))
            y += surface.get_height() + px(1)
        # The voter stands behind the desk, as large as the wall above it allows.
        figure_h = max(px(120), min(px(250), desk_top + px(60) - y))
        figure_size = (figure_h * 18 // 25, figure_h)
        figure_top = desk_top + px(60) - figure_h
        self.blits.append((self.art.figure(voter, figure_size), (pic.left + px(6), figure_top)))
        right = pic.left + figure_size[0] + px(10)
        speech = self.speech(vs)
        if speech:
            bubble = self.art.bubble(speech, self.ctx.font_px(14), pic.right - px(8) - right)
            self.blits.append((bubble, (right, max(y + px(4), figure_top + px(8)))))
        if vs.ink_checked:
            area = pygame.Rect(pic.right - px(132), desk_top - px(108), px(124), px(104))
            self.build_finger(vs, area)
        self.blits.append((desk_surface, (pic.left, desk_top)))
        self.build_documents(
            vs,
            pygame.Rect(pic.left + px(8), desk_top + px(10), pic.width - px(16), desk_h - px(18)),
        )

    def status_lines(self, vs: VoterState) -> list[str]:
        cat = self.ctx.cat
        lines = []
        if vs.attendance is not None:
            lines.append(cat(f"{P}.status.attendance", list=cat(f"list.{vs.attendance.value}")))
        if vs.ballots:
            names = ", ".join(self.short(b) for b in vs.ballots)
            lines.append(cat(f"{P}.status.holding", ballots=names))
        if vs.replacements_done:
            names = ", ".join(self.short(b) for b in vs.replacements_done)
            lines.append(cat(f"{P}.status.replaced", ballots=names))
        return lines

    def speech(self, vs: VoterState) -> str:
        """What the voter says: a request for help in the booth, or for a new ballot."""
        cat, voter = self.ctx.cat, vs.voter
        if vs.replacements_pending:
            ballot = vs.replacements_pending[0]
            again = ballot in vs.replacements_done
            key = "replace_again" if again else "replace"
            return cat(f"{P}.speech.{key}", ballot=self.short(ballot))
        if voter.assistance != "none" and vs.assistance is None:
            return cat(f"{P}.speech.{voter.assistance}")
        return ""

    def build_finger(self, vs: VoterState, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        inked = vs.voter.inked
        caption = cat(f"{P}.ink.seen" if inked else f"{P}.ink.clean")
        text = self.art.text(
            caption, self.ctx.font_px(13), area.width, bold=True, colour=palette.INK
        )
        finger = self.art.finger(inked, (area.width, area.height - px(22)))
        if finger is not None:
            self.blits.append((finger, (area.left, area.top)))
        self.blits.append((text, (area.left, area.bottom - px(18))))

    def build_documents(self, vs: VoterState, area: pygame.Rect) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        voter = vs.voter
        count = len(voter.documents)
        if count == 0:
            text = cat(f"{P}.documents.none")
            self.blits.append(
                (self.art.text(text, self.ctx.font_px(14), area.width, bold=True), area.topleft)
            )
            return
        if not vs.documents_checked:
            pile = self.art.scenery(
                f"pile{count}", (px(96), px(70)), lambda s: art.draw_paper_pile(count, s)
            )
            self.blits.append((pile, (area.left + px(180), area.top + px(6))))
            text = art.capitalised(cat(f"{P}.documents.closed", count=art.number_words(count, cat)))
            self.blits.append(
                (
                    self.art.text(text, self.ctx.font_px(13), area.width, bold=True),
                    (area.left, area.bottom - px(18)),
                )
            )
            return
        gap = px(8)
        box_w = min(px(184), (area.width - gap * (count - 1)) // count)
        box = (box_w, area.height)
        x = area.left
        for index in range(count):
            surface = self.art.document(voter, index, self.world.scenario, box)
            rect = surface.get_rect(left=x, centery=area.centery)
            self.blits.append((surface, rect.topleft))
            self.doc_rects.append(rect)
            x += box_w + gap

    def build_viewer(self) -> None:
        vs = self.desk
        if self.viewing is None or vs is None or self.viewing >= len(vs.voter.documents):
            self.viewing = None
            return
        cat, px = self.ctx.cat, self.ctx.px
        pic = self.picture_rect()
        self.viewer_blits.append((self.art.scenery("dim", pic.size, art.draw_dim), pic.topleft))
        # Below the "view documents" button, above the caption.
        size = (pic.width - px(20), pic.height - px(106))
        doc = self.art.document(vs.voter, self.viewing, self.world.scenario, size)
        self.viewer_blits.append(
            (doc, doc.get_rect(centerx=pic.centerx, top=pic.top + px(46)).topleft)
        )
        kind = vs.voter.documents[self.viewing].kind.value
        caption = cat(
            f"{P}.documents.viewer",
            index=self.viewing + 1,
            total=len(vs.voter.documents),
            name=cat(f"{P}.documents.kind.{kind}"),
        )
        text = self.art.paragraph(
            caption, self.ctx.font_px(14), pic.width - px(24), 2, palette.PANEL
        )
        self.viewer_blits.append((text, (pic.left + px(12), pic.bottom - px(54))))

    # The controls, in the order of the procedure ------------------------------------------

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
                cat(f"label.refuse_reason.{reason.value}"),
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
            mark = "× " if chosen else ""
            button = self.ui.button(
                pygame.Rect(rect.left + chip_w, rect.top, rect.width - chip_w, rect.height),
                mark + self.short(ballot),
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
            button = self.ui.button(
                sign_cell(index),
                ("× " if chosen else "") + cat(f"{P}.sign.{signature}"),
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
        """The types and signature chosen belong to one voter: a new voter starts afresh."""
        if self.choice_for != vs.id:
            self.choice_for = vs.id
            self.chosen_ballots = set()
            self.signature = "tangan"

    def issue_action(self, vs: VoterState) -> IssueBallots | None:
        """The hand-over the current choice makes, or None while no type is chosen."""
        chosen = [t for t in all_types(self.world) if t in self.chosen_ballots]
        if not chosen:
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
            text = cat(f"{P}.queue.row", number=index + 1, looks=", ".join(art.looks(voter, cat)))
            return self.offer(rect, text, CallVoter(voter=queue[index]), container=scroller)

        self._build_picker(cat(f"{P}.queue.pick"), len(queue), row, self.close_queue_picker)

    def build_records_picker(self) -> None:
        """Everyone who has been at the desk, to record or report something about them."""
        called = [vs for vs in self.world.voters.values() if vs.called]

        def row(rect: pygame.Rect, scroller: UIScrollingContainer, index: int) -> UIButton:
            vs = called[index]
            button = self.ui.button(rect, vs.voter.name, lambda v=vs.id: self.choose_subject(v),
                                    container=scroller)
            self.fit_button(button)
            return button

        self._build_picker(self.ctx.cat(f"{P}.records.pick"), len(called), row,
                           lambda: self.choose_subject(self.chosen_subject))

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
            pygame.Rect(side.left, y, side.width, px(36)),
            self.search_done,
            initial=self.search_text,
            name="voter_search",
        )
        y += px(40)
        self.results_rect = pygame.Rect(side.left, y, side.width, px(196))
        self.show_results()
        y = self.results_rect.bottom + px(6)
        other = self.ui.button(
            pygame.Rect(side.left, y, side.width, px(ROW)),
            cat(f"{P}.records.other"),
            self.open_records_picker,
            key=pygame.K_o,
        )
        self.fit_button(other)
        y += px(ROW) + px(8)
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

    def show_results(self) -> None:
        """The rows of the voter lists that match the search, drawn on a white card."""
        rect = self.results_rect
        card = self.art.results(
            (self.search_text.strip(), self.ctx.settings.lang, rect.size),
            lambda: self.draw_results(rect.size),
        )
        self.side_blits = [(card, rect.topleft)]

    def draw_results(self, size: tuple[int, int]) -> pygame.Surface:
        cat, px = self.ctx.cat, self.ctx.px
        card = art.draw_panel(size)
        pad = px(10)
        width = size[0] - 2 * pad
        small, body = self.ctx.font_px(13), self.ctx.font_px(14)
        query = self.search_text.strip()
        y = pad
        if not query:
            card.blit(art.draw_paragraph(cat(f"{P}.lists.hint"), body, width, 4), (pad, y))
            return card
        found = art.search(self.rows, query)
        if not found:
            text = cat(f"{P}.lists.none", query=query)
            card.blit(art.draw_paragraph(text, body, width, 4), (pad, y))
            return card
        head = fit_text(
            cat(f"{P}.lists.found", count=len(found)), small, width, colour=palette.MUTED
        )
        card.blit(head, (pad, y))
        y += head.get_height() + px(4)
        tps = f"{self.world.scenario.tps.number:03d}"
        for index, row in enumerate(found):
            lines = self.row_lines(row, tps)
            height = sum(s.get_height() for s in lines) + px(6)
            more = len(found) - index
            if y + height > size[1] - pad - (0 if more == 1 else px(18)):
                text = cat(f"{P}.lists.more", count=more)
                card.blit(fit_text(text, small, width, colour=palette.MUTED), (pad, y))
                break
            for line in lines:
                card.blit(line, (pad, y))
                y += line.get_height()
            y += px(6)
        return card

    def row_lines(self, row: art.ListEntry, tps: str) -> list[pygame.Surface]:
        cat = self.ctx.cat
        width = self.results_rect.width - self.ctx.px(20)
        small, body = self.ctx.font_px(13), self.ctx.font_px(14)
        sex = cat(f"{P}.look.{row.sex}")
        details = cat(f"{P}.lists.details", sex=sex, born=row.born, age=row.age)
        if row.list.value == "dptb":
            where, colour = cat(f"{P}.lists.dptb", tps=tps, origin=row.origin), palette.INK
        elif row.moved_out:
            where, colour = cat(f"{P}.lists.moved", tps=tps, number=row.number), palette.DANGER
        else:
            where, colour = cat(f"{P}.lists.dpt", tps=tps, number=row.number), palette.INK
        return [
            fit_text(row.name, body, width, True),
            fit_text(details, small, width),
            fit_text(row.address, small, width),
            fit_text(where, small, width, bold=True, colour=colour),
        ]

    def search_changed(self, text: str) -> None:
        self.search_text = text
        self.show_results()

    def search_done(self, text: str) -> None:
        self.search_changed(text)
        if self.search_entry is not None:
            self.search_entry.unfocus()

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
        super().act_all(actions)

    def after_action(self) -> None:
        # The minutes the engine's clock just moved are no longer "run since".
        moved = self.world.clock - self.clock_seen
        self.elapsed = max(0.0, self.elapsed - moved * self.seconds_per_minute)
        self.clock_seen = self.world.clock
        super().after_action()

    # --- the running clock ----------------------------------------------------------------

    def update(self, dt: float) -> None:
        if self.paused or self.ctx.stack.top is not self or self.world.phase is not self.phase:
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
        if self.paused or self.ctx.stack.top is not self or self.world.phase is not self.phase:
            return None
        if self.stop is None:
            return None
        left = self.seconds_per_minute - self.elapsed % self.seconds_per_minute
        return left / (FAST if self.fast else 1)

    def tick(self, to: int) -> None:
        """The clock reaches something due: the engine moves there; the feedback strip keeps
        the trainee's last decision unless the moment itself brings a finding."""
        session = self.session
        before_action, before_latest = session.last_action, list(session.latest)
        focused = self.ui.focused()
        live = self.ui.live_focusable()
        self._focus_after_build = live.index(focused) if focused in live else None
        result = session.do(AdvanceClock(to=format_minutes(to)))
        if not result.findings:
            session.last_action, session.latest = before_action, before_latest
        self.after_action()

    def refresh_clock(self) -> None:
        if self.clock_label is not None:
            text = format_minutes(self.shown_minute())
            if self.clock_label.text != text:
                self.clock_label.set_text(text)

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        self.refresh()

    def toggle_speed(self) -> None:
        self.fast = not self.fast
        self.refresh()

    def refresh(self) -> None:
        """Build again after a change of view (no engine action), keeping the focus ring on
        the same place."""
        focused = self.ui.focused()
        live = self.ui.live_focusable()
        self._focus_after_build = live.index(focused) if focused in live else None
        self.rebuild()

    # --- local views -----------------------------------------------------------------------

    def next_document(self) -> None:
        vs = self.desk
        if vs is None or not vs.documents_checked or not vs.voter.documents:
            return
        index = -1 if self.viewing is None else self.viewing
        self.viewing = index + 1 if index + 1 < len(vs.voter.documents) else None
        self.viewer_blits = []
        self.build_viewer()

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

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.search_entry:
            self.search_changed(event.text)
            return True
        if (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_ESCAPE
            and self.viewing is not None
        ):
            self.viewing = None
            self.viewer_blits = []
            return True
        if (
            event.type == pygame.KEYDOWN
            and event.key == pygame.K_F3
            and self.search_entry is not None
        ):
            self.ui.set_focus(self.search_entry)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.viewing is not None and self.picture_rect().collidepoint(event.pos):
                self.next_document()
                return True
            for index, rect in enumerate(self.doc_rects):
                if rect.collidepoint(event.pos):
                    self.viewing = index
                    self.viewer_blits = []
                    self.build_viewer()
                    return True
        return super().handle(event)

    def draw_stage(self, surface: pygame.Surface) -> None:
        surface.blits(self.blits, doreturn=False)
        surface.blits(self.side_blits, doreturn=False)
        if self.viewer_blits:
            surface.blits(self.viewer_blits, doreturn=False)


SCENE = PemungutanScene
