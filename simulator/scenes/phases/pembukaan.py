"""Persiapan & pembukaan: the TPS from above, the clock, the witnesses at the entrance, and the
opening steps as the engine allows them.

The plan shows the standard layout (HANDBOOK §1.1, §4 step 1) and what has happened so far: the
notice board once posted, the witnesses admitted, the PTPS once arrived, the voters queuing, the
boxes opened. The layout itself is illustrative: the engine has no layout actions. The steps
are offered in the order of the handbook but may be taken in any order; the engine judges the
order and the time (opening before 07:00 is allowed, and flagged). Time passes only when the
trainee waits, with a button per moment something happens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.art import palette
from simulator.core.actions import Action, AdvanceClock, EndPhase
from simulator.core.domain import BALLOT_ORDER, OPENING_TIME
from simulator.core.phases.logistik import ReportDiscrepancy
from simulator.core.phases.pembukaan import (
    AdmitWitness,
    AskRemoveAttributes,
    RefuseWitness,
    ReturnNotice,
)
from simulator.core.state import WitnessState
from simulator.presenter.labels import action_label
from simulator.scenes.phase import PhaseScene, held_while_drawing
from simulator.scenes.phases.logistics_art import (
    PictureCache,
    PlanLabels,
    PlanState,
    TextCache,
    draw_clock_face,
    draw_clock_icon,
    draw_dot,
    draw_plan,
    draw_tick,
    draw_warning,
)
from simulator.scenes.phases.logistik import build_side_column, narrow_side
from simulator.scenes.phases.pembukaan_steps import StepList
from simulator.scenes.side_list import reveal_in_side
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.scenario import Witness
from simulator.schema.types import BallotType

T = TypeVar("T")
LEFT_W = 440  # design units: clock, plan and entrance; the steps take the rest of the stage
CLOCK_H = 96
CLOCK_TEXT_W = 176  # the clock face and its digits; the wait buttons take the rest
PLAN_LEAST_H = 150  # a plan of the TPS smaller than this shows nothing
MAX_STOPS = 6
DOOR_H = 186
DOOR_CARDS = 1  # witnesses are received one at a time, in order of arrival
PICTURE_W = 124  # a witness's picture at the entrance


@dataclass
class Fold:
    """Which folded part of the steps list is open: a notice's reasons or a box's reports."""

    notice: str | None = None
    box: BallotType | None = None



class PembukaanScene(PhaseScene):
    """The plan, the clock, the entrance and the opening steps."""

    stage_kinds = frozenset(
        {
            "advance_clock",
            "post_board",
            "return_notice",
            "admit_witness",
            "refuse_witness",
            "ask_remove_attributes",
            "open_meeting",
            "take_oath",
            "open_box",
            "show_box_empty",
            "lock_box",
            "explain_procedure",
            "count_ballots",
        }
    )
    # Board posted, notices returned, the first witness admitted, and the clock at the next
    # arrival: a witness without a mandate stands at the entrance.
    shot_steps = 6

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx, session)
        self.fold = Fold()
        # Where each moment to wait for sits beside the clock, fixed when it is first shown:
        # a moment passed leaves its place empty, so a second click never lands on the next.
        self.stop_slots: list[str] = []
        self.text_cache = TextCache()
        self.pictures = PictureCache()
        self.door_cards: list[tuple[pygame.Rect, WitnessState]] = []
        self.done_rect: pygame.Rect | None = None
        self.side_unfolded: str | None = None  # the side list's group shown in full
        # What the pictures show, taken from the state when it changes (not every frame).
        self.plan: PlanState | None = None
        self.waiting: list[WitnessState] = []
        self.done: list[tuple[str, str, str]] = []

    # --- what the engine offers -----------------------------------------------------------

    def find(self, kind: type[Action], **fields: object) -> Action | None:
        """The allowed action of ``kind`` with these fields, if the engine offers it."""
        for action in self.offered_actions():
            if isinstance(action, kind) and all(
                getattr(action, name) == value for name, value in fields.items()
            ):
                return action
        return None

    def clock_stops(self) -> list[AdvanceClock]:
        """The moments to wait for, as the engine lists them: a witness or the PTPS arrives,
        07:00, and the end of the allowed wait."""
        return [a for a in self.offered_actions() if isinstance(a, AdvanceClock)]

    def waiting_witnesses(self) -> list[WitnessState]:
        """Witnesses at the entrance whom the engine lets the crew receive now."""
        ids = {
            a.witness
            for a in self.offered_actions()
            if isinstance(a, (AdmitWitness, RefuseWitness, AskRemoveAttributes))
        }
        return sorted(
            (w for w in self.world.witnesses.values() if w.id in ids),
            key=lambda w: (w.arrives, w.id),
        )

    def box_order(self) -> list[BallotType]:
        order = [b for b in BALLOT_ORDER[self.world.scenario.election] if b in self.world.boxes]
        return order + [b for b in self.world.boxes if b not in order]

    def packet_reports(self, ballot: BallotType) -> list[ReportDiscrepancy]:
        prefix = f"ballots.{ballot.value}."
        return [
            a
            for a in self.offered_actions()
            if isinstance(a, ReportDiscrepancy) and a.discrepancy.startswith(prefix)
        ]

    def has_home(self, action: Action) -> bool:
        """Packet reports live behind their box's "Report…" button."""
        return isinstance(action, ReportDiscrepancy) and action.discrepancy.startswith("ballots.")

    # --- geometry ---------------------------------------------------------------------------

    @held_while_drawing
    def side_rect(self) -> pygame.Rect:
        return narrow_side(self)

    @held_while_drawing
    def left_rect(self) -> pygame.Rect:
        stage = self.stage_rect()
        return pygame.Rect(
            stage.left, stage.top, min(stage.width // 2, self.ctx.px(LEFT_W)), stage.height
        )

    @held_while_drawing
    def clock_rect(self) -> pygame.Rect:
        left = self.left_rect()
        return pygame.Rect(left.left, left.top, left.width, self.clock_h())

    def clock_digits_w(self) -> int:
        return self.text_cache.get("00:00", self.ctx.font_px(30), 10**6, bold=True).get_width()

    def shows_digits(self) -> bool:
        """The clock's digits beside its face, when they fit at the player's text size (the
        header shows the time in digits too)."""
        px = self.ctx.px
        return px(12) + 2 * px(30) + px(10) + self.clock_digits_w() <= px(CLOCK_TEXT_W)

    @held_while_drawing
    def clock_face_w(self) -> int:
        """The part of the strip the clock takes: its face, and its digits when they fit."""
        px = self.ctx.px
        return px(CLOCK_TEXT_W) if self.shows_digits() else px(12) + 2 * px(30) + px(12)

    def stop_button(self) -> tuple[int, int]:
        """Width and height of a button beside the clock (a time, "07:30")."""
        width = max(self.ctx.px(70), layout.button_width(self.ctx, "00:00", style="@strong"))
        return width, self.ctx.row_h(32, 16)

    @held_while_drawing
    def stops_per_row(self) -> int:
        px = self.ctx.px
        width, _ = self.stop_button()
        room = self.left_rect().width - self.clock_face_w() - px(2)
        return max(1, (room + px(6)) // (width + px(6)))

    @held_while_drawing
    def clock_words(self) -> list[str]:
        """The line over the buttons beside the clock, wrapped to its room."""
        cat = self.ctx.cat
        words = cat("scene.pembukaan.clock.wait") if self.clock_stops() else cat(
            "scene.pembukaan.clock.none"
        )
        font = layout.theme_font(self.ctx, "label", "@muted")
        room = self.left_rect().width - self.clock_face_w() - self.ctx.px(4)
        return layout.wrap_lines(font, words, room)

    @held_while_drawing
    def clock_h(self) -> int:
        """As tall as the design's strip, or as its words and rows of buttons need."""
        px = self.ctx.px
        _, button_h = self.stop_button()
        rows = -(-MAX_STOPS // self.stops_per_row())
        words = len(self.clock_words()) * self.ctx.line(15)
        return max(px(CLOCK_H), px(4) + words + rows * (button_h + px(4)) + px(4))

    @held_while_drawing
    def plan_rect(self) -> pygame.Rect:
        left, px = self.left_rect(), self.ctx.px
        top = self.clock_rect().bottom + px(8)
        return pygame.Rect(left.left, top, left.width, self.door_rect().top - px(8) - top)

    @held_while_drawing
    def door_rect(self) -> pygame.Rect:
        """The entrance, at the foot of the left column; it takes the plan's place too when
        large text leaves the plan too little room to show anything."""
        left, px = self.left_rect(), self.ctx.px
        height = self.door_h()
        plan_h = left.height - self.clock_rect().height - height - 2 * px(8)
        if plan_h < px(PLAN_LEAST_H):
            height = left.bottom - self.clock_rect().bottom - px(8)
        return pygame.Rect(left.left, left.bottom - height, left.width, height)

    @held_while_drawing
    def shows_plan(self) -> bool:
        return self.plan_rect().height >= self.ctx.px(PLAN_LEAST_H)

    def door_title_h(self) -> int:
        return max(self.ctx.px(28), self.ctx.font_px(16) * 4 // 3 + self.ctx.px(4))

    @held_while_drawing
    def door_h(self) -> int:
        """The design's height, or what the longest witness card of the day needs at the
        player's text size (the same for every witness: the plan above never jumps)."""
        px = self.ctx.px
        width = self.left_rect().width - px(PICTURE_W + 12) - px(8)
        text_h = max(
            (self.witness_text_h(w, width) for w in self.world.scenario.witnesses), default=0
        )
        _, button_h = self.door_button()
        card = px(4) + text_h + px(6) + 2 * button_h + px(6) + px(6)
        return max(px(DOOR_H), self.door_title_h() + card)

    def door_button(self) -> tuple[int, int]:
        return 0, self.ctx.row_h(32)

    @held_while_drawing
    def steps_rect(self) -> pygame.Rect:
        stage, left = self.stage_rect(), self.left_rect()
        gap = self.ctx.px(12)
        return pygame.Rect(
            left.right + gap, stage.top, stage.right - left.right - gap, stage.height
        )

    # --- building ---------------------------------------------------------------------------

    def build_stage(self) -> None:
        self.plan = self.plan_state()
        self.waiting = self.waiting_witnesses()
        self.done = self.done_entries()
        self.build_clock()
        self.build_door()
        self.build_steps()

    def build_clock(self) -> None:
        """A button per moment to wait for, in two rows beside the clock, each in a place of
        its own; T waits for the next moment, which is the strong button."""
        cat, px = self.ctx.cat, self.ctx.px
        strip = self.clock_rect()
        stops = self.shown_stops()
        for stop in stops:
            if stop.to not in self.stop_slots:
                self.stop_slots.append(stop.to)
        left = strip.left + self.clock_face_w()
        line_h = self.ctx.line(15)
        words = self.clock_words()
        for index, line in enumerate(words):
            self.ui.label(
                pygame.Rect(left, strip.top + px(4) + index * line_h, strip.right - left, line_h),
                line,
                style="@muted",
            )
        by_time = {stop.to: stop for stop in stops}
        gap = px(6)
        width, row_h = self.stop_button()
        per_row = self.stops_per_row()
        first_row = strip.top + px(4) + len(words) * line_h
        for index, when in enumerate(self.stop_slots):
            stop = by_time.get(when)
            if stop is None:
                continue  # passed: its place stays empty
            x = left + (index % per_row) * (width + gap)
            y = first_row + (index // per_row) * (row_h + px(4))
            is_next = stop is stops[0]
            self.ui.button(
                pygame.Rect(x, y, width, row_h),
                stop.to,
                lambda a=stop: self.act(a),
                tooltip=cat("scene.pembukaan.clock.wait_hint", time=stop.to),
                action=stop,
                style="@strong" if is_next else "@centred",
            )
        if stops:
            next_stop = stops[0]
            self.ui.shortcuts[pygame.K_t] = lambda: self.act(next_stop)

    def shown_stops(self) -> list[AdvanceClock]:
        """The moments that have room beside the clock: the next ones, and always 07:00 and
        the last (the end of the allowed wait)."""
        stops = self.clock_stops()
        if len(stops) <= MAX_STOPS:
            return stops
        keep = {0, len(stops) - 1}
        keep |= {i for i, s in enumerate(stops) if to_minutes(s.to) == OPENING_TIME}
        for index in range(len(stops)):
            if len(keep) >= MAX_STOPS:
                break
            keep.add(index)
        return [s for i, s in enumerate(stops) if i in keep]

    def build_door(self) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        door = self.door_rect()
        waiting = self.waiting
        self.door_cards = []
        top = door.top + self.door_title_h()
        card_h = (door.bottom - top - px(6) * (DOOR_CARDS - 1)) // DOOR_CARDS
        for index, witness in enumerate(waiting[:DOOR_CARDS]):
            card = pygame.Rect(door.left, top + index * (card_h + px(6)), door.width, card_h)
            self.door_cards.append((card, witness))
            admit = self.find(AdmitWitness, witness=witness.id)
            refuse = self.find(RefuseWitness, witness=witness.id)
            remove = self.find(AskRemoveAttributes, witness=witness.id)
            left = card.left + px(PICTURE_W + 12)
            width = card.right - px(6) - left
            _, row_h = self.door_button()
            gap = px(6)
            rows: list[list[tuple[str, Action]]] = []
            if remove is not None:
                rows.append([(cat("scene.pembukaan.door.remove"), remove)])
            rows.append(
                [
                    (text, action)
                    for text, action in (
                        (cat("scene.pembukaan.door.admit"), admit),
                        (cat("scene.pembukaan.door.refuse"), refuse),
                    )
                    if action is not None
                ]
            )
            y = card.bottom - px(6) - len(rows) * row_h - (len(rows) - 1) * gap
            for row in rows:
                w = (width - gap * (len(row) - 1)) // max(1, len(row))
                for index, (text, action) in enumerate(row):
                    rect = pygame.Rect(left + index * (w + gap), y, w, row_h)
                    self.ui.button(
                        rect,
                        text,
                        lambda a=action: self.act(a),
                        action=action,
                        tooltip=action_label(action, self.world, cat),
                        style="@centred",
                    )
                y += row_h + gap

    def build_steps(self) -> None:
        area = self.steps_rect()
        scroller = self.ui.scroller(area)
        builder = StepList(self, scroller, area.width - self.ctx.px(22))
        builder.board()
        builder.notices()
        builder.meeting()
        builder.boxes()
        builder.explain()
        layout.scroll_area(scroller, (builder.width, max(1, builder.y)))

    def build_side(self) -> None:
        self.done_rect = build_side_column(self, self.ctx.cat("scene.pembukaan.done.title"))

    # --- acting -----------------------------------------------------------------------------

    def toggle_notice(self, notice: str) -> None:
        self.fold = Fold(notice=None if self.fold.notice == notice else notice)
        self._rebuild_keeping_focus()

    def toggle_box(self, ballot: BallotType) -> None:
        self.fold = Fold(box=None if self.fold.box == ballot else ballot)
        self._rebuild_keeping_focus()

    def _rebuild_keeping_focus(self) -> None:
        self.keep_focus()
        self.rebuild()

    def act_all(self, actions: Sequence[Action]) -> None:
        if any(isinstance(a, (ReturnNotice, ReportDiscrepancy)) for a in actions):
            self.fold = Fold()
        super().act_all(actions)

    def reveal(self, action: Action) -> bool:
        """Unfold the part of the steps list that holds ``action``'s button; True if it
        changed anything. For tests and demonstrations that play through the screen."""
        if isinstance(action, ReturnNotice) and self.fold.notice != action.notice:
            self.fold = Fold(notice=action.notice)
        elif isinstance(action, ReportDiscrepancy) and action.discrepancy.startswith("ballots."):
            ballot = BallotType(action.discrepancy.split(".")[1])
            if self.fold.box == ballot:
                return False
            self.fold = Fold(box=ballot)
        else:
            return reveal_in_side(self, action)
        self.rebuild()
        return True

    # --- drawing ----------------------------------------------------------------------------

    def draw_stage(self, surface: pygame.Surface) -> None:
        self.draw_clock(surface)
        self.draw_plan(surface)
        self.draw_door(surface)
        steps = self.steps_rect()
        pygame.draw.rect(surface, palette.PANEL, steps, border_radius=self.ctx.px(8))
        pygame.draw.rect(surface, palette.PANEL_LINE, steps, 1, border_radius=self.ctx.px(8))
        self.draw_done(surface)

    def draw_clock(self, surface: pygame.Surface) -> None:
        px = self.ctx.px
        strip = self.clock_rect()
        pygame.draw.rect(surface, palette.PANEL, strip, border_radius=px(8))
        pygame.draw.rect(surface, palette.PANEL_LINE, strip, 1, border_radius=px(8))
        radius = px(30)
        centre = (strip.left + px(12) + radius, strip.centery)
        draw_clock_face(surface, centre, radius, self.world.clock)
        if not self.shows_digits():
            return
        digits = self.text_cache.get(
            format_minutes(self.world.clock),
            self.ctx.font_px(30),
            px(CLOCK_TEXT_W) - 2 * radius - px(30),
            bold=True,
            shrink=True,
        )
        surface.blit(
            digits, (centre[0] + radius + px(10), strip.centery - digits.get_height() // 2)
        )

    def draw_plan(self, surface: pygame.Surface) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        rect = self.plan_rect()
        if not self.shows_plan():
            return  # crowded out by large text: the steps say the same in words
        pygame.draw.rect(surface, palette.PANEL, rect, border_radius=px(8))
        pygame.draw.rect(surface, palette.PANEL_LINE, rect, 1, border_radius=px(8))
        title = self.text_cache.get(
            cat("scene.pembukaan.plan.title"), self.ctx.font_px(14), rect.width, bold=True
        )
        surface.blit(title, (rect.left + px(10), rect.top + px(4)))
        area = pygame.Rect(
            rect.left + px(6), rect.top + px(24), rect.width - px(12), rect.height - px(28)
        )
        state = self.plan or self.plan_state()
        key = ("plan", state, area.size, self.ctx.settings.lang, self.ctx.font_px(11))
        picture = self.pictures.get(
            key,
            lambda: draw_plan(
                area.size, state, self.plan_labels(), self.text_cache, self.ctx.font_px(11)
            ),
        )
        surface.blit(picture, picture.get_rect(center=area.center))

    def plan_state(self) -> PlanState:
        world = self.world
        order = self.box_order()
        return PlanState(
            board_posted=world.opening.board_posted,
            box_colours=tuple(palette.BALLOT_COLOURS.get(b.value, palette.METAL) for b in order),
            boxes_open=tuple(world.boxes[b].opened and not world.boxes[b].relocked for b in order),
            witnesses_seated=sum(1 for w in world.witnesses.values() if w.decision == "admitted"),
            ptps_present=world.clock >= to_minutes(world.scenario.ptps_arrives),
            voters_waiting=sum(1 for v in world.voters.values() if v.arrives <= world.clock),
            meeting_open=world.opening.meeting_opened_at is not None,
        )

    def plan_labels(self) -> PlanLabels:
        cat = self.ctx.cat
        names = PlanLabels.__dataclass_fields__
        return PlanLabels(**{name: cat(f"scene.pembukaan.plan.{name}") for name in names})

    def draw_door(self, surface: pygame.Surface) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        door = self.door_rect()
        title = self.text_cache.get(
            cat("scene.pembukaan.door.title"), self.ctx.font_px(16), door.width, bold=True
        )
        surface.blit(title, (door.left + px(2), door.top + px(2)))
        waiting = self.waiting
        if not waiting:
            y = door.top + self.door_title_h() + px(6)
            for line in self.text_lines(
                cat("scene.pembukaan.door.none"), self.ctx.font_px(14), door.width - px(4),
                colour=palette.MUTED,
            ):
                surface.blit(line, (door.left + px(2), y))
                y += line.get_height()
            return
        for card, witness in self.door_cards:
            self.draw_witness_card(surface, card, witness)
        extra = len(waiting) - len(self.door_cards)
        if extra > 0:
            words = self.text_cache.get(
                cat("scene.pembukaan.door.more", count=extra),
                self.ctx.font_px(13),
                door.width // 2,
                colour=palette.MUTED,
            )
            surface.blit(words, (door.right - words.get_width(), door.top + px(4)))

    def draw_witness_card(
        self, surface: pygame.Surface, card: pygame.Rect, witness: WitnessState
    ) -> None:
        from simulator.art.people import draw_witness

        px = self.ctx.px
        pygame.draw.rect(surface, palette.PANEL, card, border_radius=px(6))
        pygame.draw.rect(surface, palette.PANEL_LINE, card, 1, border_radius=px(6))
        info = next(w for w in self.world.scenario.witnesses if w.id == witness.id)
        wearing = witness.attributes and not witness.attributes_removed
        size = (px(PICTURE_W), min(card.height - px(8), px(PICTURE_W * 7 // 5)))
        colour, number = self.witness_colours(info.represents)
        picture = self.pictures.get(
            ("witness", witness.id, wearing, size),
            lambda: draw_witness(info.name, size, wearing, colour=colour, number=number),
        )
        surface.blit(picture, (card.left + px(4), card.top + px(4)))
        x = card.left + px(PICTURE_W + 12)
        width = card.right - px(8) - x
        if witness.attributes_removed:
            attributes = "attributes_removed"
        else:
            attributes = "attributes" if witness.attributes else "attributes_none"
        y = card.top + px(4)
        for text, points, bold in self.witness_lines(witness, attributes):
            for line in self.text_lines(text, self.ctx.font_px(points), width, bold=bold):
                surface.blit(line, (x, y))
                y += line.get_height()

    def witness_lines(
        self, witness: WitnessState | Witness, attributes: str
    ) -> list[tuple[str, int, bool]]:
        """What the card says of a witness: (words, design points, bold), each a paragraph;
        ``attributes``: which sentence about party attributes."""
        cat = self.ctx.cat
        info = next(w for w in self.world.scenario.witnesses if w.id == witness.id)
        mandate = "mandate_yes" if info.mandate else "mandate_no"
        represents = cat("scene.pembukaan.door.represents", represents=info.represents)
        return [
            (info.name, 15, True),
            (represents, 13, False),
            (cat(f"scene.pembukaan.door.{mandate}"), 13, False),
            (cat(f"scene.pembukaan.door.{attributes}"), 13, False),
        ]

    def witness_text_h(self, witness: Witness, width: int) -> int:
        """How tall a witness's card words are in ``width``, in their longest state."""
        from simulator.art.fonts import font

        heights = []
        for attributes in ("attributes", "attributes_removed", "attributes_none"):
            height = 0
            for text, points, bold in self.witness_lines(witness, attributes):
                face = font(self.ctx.font_px(points), bold)
                height += len(layout.wrap_lines(face, text, width)) * face.get_linesize()
            heights.append(height)
        return max(heights)

    def text_lines(
        self,
        text: str,
        size: int,
        width: int,
        *,
        bold: bool = False,
        colour: palette.Colour = palette.INK,
    ) -> list[pygame.Surface]:
        """``text`` drawn in as many lines as ``width`` needs (cached)."""
        from simulator.art.fonts import font

        lines = layout.wrap_lines(font(size, bold), text, width) or [""]
        return [self.text_cache.get(line, size, width, bold=bold, colour=colour) for line in lines]

    def witness_colours(self, represents: str) -> tuple[str | None, int | None]:
        """A party's colour and number when the witness represents a party of the scenario;
        the number of a pair ("Pasangan 3") otherwise."""
        for party in self.world.scenario.parties:
            if party.name == represents:
                return party.color, party.number
        digits = "".join(ch for ch in represents if "0" <= ch <= "9")  # "²" is no number
        return None, int(digits) if 0 < len(digits) <= 6 else None

    def draw_done(self, surface: pygame.Surface) -> None:
        """The steps taken in this phase, in the order taken, each with its mark and time; the
        latest at the bottom, the oldest dropped when full. In Latihan a step that drew a
        finding has a warning sign, never a tick; in Ujian every step has a plain bullet (a
        mark that said right or wrong would be a hint)."""
        rect = self.done_rect
        if rect is None:
            return
        cat, px = self.ctx.cat, self.ctx.px
        pygame.draw.rect(surface, palette.PANEL, rect, border_radius=px(8))
        pygame.draw.rect(surface, palette.PANEL_LINE, rect, 1, border_radius=px(8))
        inner = rect.inflate(-px(16), -px(12))
        size = self.ctx.font_px(13)
        line_h = self.text_cache.get("Ag", size, inner.width).get_height()
        icon = max(px(14), size * 3 // 4)
        time_w = self.text_cache.get("00:00", size, 10**6).get_width() + px(6)
        text_left = inner.left + icon + px(6) + time_w
        rows = [
            (at, self.wrapped(text, size, inner.right - text_left), mark)
            for at, text, mark in self.done
        ]
        if not rows:
            words = self.text_cache.get(
                cat("scene.pembukaan.done.none"), size, inner.width, colour=palette.MUTED
            )
            surface.blit(words, inner.topleft)
            return
        gap = px(4)
        total = inner.height
        shown: list[tuple[str, list[pygame.Surface], str]] = []
        used = line_h  # room for the "earlier steps" line
        for row in reversed(rows):
            height = len(row[1]) * line_h + gap
            if used + height > total:
                break
            shown.insert(0, row)
            used += height
        y = inner.top
        hidden = len(rows) - len(shown)
        if hidden:
            words = self.text_cache.get(
                cat("scene.pembukaan.done.earlier", count=hidden),
                size,
                inner.width,
                colour=palette.MUTED,
            )
            surface.blit(words, (inner.left, y))
            y += line_h + gap
        for at, lines, mark in shown:
            centre = (inner.left + icon // 2, y + line_h // 2)
            if mark == "wait":
                draw_clock_icon(surface, centre, icon, palette.MUTED)
            elif mark == "finding":
                draw_warning(surface, centre, icon, palette.DANGER)
            elif mark == "done":
                draw_dot(surface, centre, icon, palette.INK)
            else:
                draw_tick(surface, centre, icon, palette.OK)
            stamp = self.text_cache.get(at, size, time_w, colour=palette.MUTED)
            surface.blit(stamp, (inner.left + icon + px(6), y))
            for line in lines:
                surface.blit(line, (text_left, y))
                y += line_h
            y += gap

    def wrapped(self, text: str, size: int, width: int) -> list[pygame.Surface]:
        """``text`` in as many lines as ``width`` needs, never cut short."""
        return self.text_lines(text, size, width)

    def done_entries(self) -> list[tuple[str, str, str]]:
        """(time, words, mark) for each action since this phase began; the mark is "wait",
        "finding" (Latihan, the step broke a rule), "ok" (Latihan) or "done" (Ujian)."""
        cat = self.ctx.cat
        log = self.session.sim.log
        start = max((i + 1 for i, e in enumerate(log) if isinstance(e.action, EndPhase)), default=0)
        entries = []
        for entry in log[start:]:
            action = entry.action
            if isinstance(action, AdvanceClock):
                entries.append(
                    (
                        format_minutes(entry.at),
                        cat("scene.pembukaan.done.wait", time=action.to),
                        "wait",
                    )
                )
            else:
                mark = self.step_mark(entry.flagged)
                entries.append(
                    (format_minutes(entry.at), action_label(action, self.world, cat), mark)
                )
        return entries


SCENE = PembukaanScene
