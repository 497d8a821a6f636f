"""The opening's list of steps, top to bottom in a scrolling panel: the notice board, the
undelivered notices (each with the deliverer's note), the voting meeting (with who is here),
the boxes (an opened packet's delivery list and count beside its reports), how to vote."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import pygame
from pygame_gui.core.interfaces import IGUIFontInterface
from pygame_gui.elements import UIScrollingContainer

from simulator.app import layout
from simulator.art.fonts import text_size
from simulator.core.actions import Action
from simulator.core.phases.logistik import CountBallots, ReportDiscrepancy
from simulator.core.phases.pembukaan import (
    ExplainProcedure,
    LockBox,
    OpenBox,
    OpenMeeting,
    PostNoticeBoard,
    ReturnNotice,
    ShowBoxEmpty,
    TakeOath,
)
from simulator.presenter.labels import action_label, ballot_name
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases.logistik import (
    Tile,
    manifest_words,
    seen_words,
)
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.scenario import NoticeReason
from simulator.schema.types import BallotType

if TYPE_CHECKING:
    from simulator.scenes.phases.pembukaan import PembukaanScene

T = TypeVar("T")
NOTICE_REASONS = tuple(reason.value for reason in NoticeReason)

# A row of buttons and the gap under it (design units); a status line that stands in for a
# row takes as much, so nothing below moves under the pointer when a step is done.
ROW_STEP = 38


def _DONE() -> None:
    """The callback of a place kept for a step already taken (never drawn)."""


class StepList:
    """Builds the steps list in the scrolling panel, top to bottom."""

    def __init__(self, scene: PembukaanScene, scroller: UIScrollingContainer, width: int) -> None:
        self.scene = scene
        self.scroller = scroller
        self.width = width
        self.y = scene.ctx.px(8)
        self.px = scene.ctx.px
        self.cat = scene.ctx.cat
        # Heights at the player's text size (the design's at the normal size).
        self.button_h = scene.ctx.row_h(32)
        self.row_step = self.button_h + self.px(ROW_STEP - 32)
        self.line_h = self.line_height("label")

    def line_height(self, style: str) -> int:
        """One line of a label of ``style``, with the air the design gives it."""
        font = self.scene.ctx.manager.get_theme().get_font([style, "label"])
        return max(self.px(22), text_size(font, "Ag")[1] + self.px(4))

    # --- primitives -----------------------------------------------------------------------

    def heading(self, text: str) -> None:
        px = self.px
        self.y += px(4)
        self.y += self.lines(text, px(10), self.width - px(10), style="@badge")

    def note(
        self,
        text: str,
        *,
        indent: int = 14,
        by: Callable[[Action], bool] | None = None,
        slot: bool = False,
        room_for: str = "",
    ) -> None:
        """A step's outcome; ticked only in Latihan and only when the action ``by`` matches
        (the last one that did it) broke no rule as it was taken. ``slot``: it takes the place
        of a row of buttons and is at least as tall, so what lies below never moves under the
        pointer. ``room_for``: the other words this line may show (before or after the step),
        whose lines are kept too."""
        px = self.px
        tick = self.scene.step_mark(self.scene.flagged_by(by)) == "ok" if by else False
        top = self.y
        used = self.lines(
            text, px(indent), self.width - px(indent), style="@muted", tick=tick, room_for=room_for
        )
        self.y = top + max(used, self.row_step if slot else self.line_h)

    def lines(
        self,
        text: str,
        x: int,
        width: int,
        *,
        style: str,
        tick: bool = False,
        room_for: str = "",
    ) -> int:
        """``text`` at ``self.y`` in as many lines of ``style`` as it needs (never cut short),
        one label a line; the height it takes (with room for ``room_for``'s lines) is
        returned and ``self.y`` left where it was."""
        if tick:
            text = "✓ " + text if _has_glyph(self.scene, "✓") else text
        font = self.scene.ctx.manager.get_theme().get_font([style, "label"])
        room = width - self.px(4)
        words = _wrapped(font, text, room)
        reserved = len(_wrapped(font, room_for, room)) if room_for else 0
        line_h = self.line_height(style)
        for index, line in enumerate(words):
            self.scene.ui.label(
                pygame.Rect(x, self.y + index * line_h, width, line_h),
                line,
                style=style,
                container=self.scroller,
            )
        return max(len(words), reserved) * line_h

    def label(self, text: str, x: int, width: int, *, style: str, tick: bool = False) -> int:
        """``text`` in lines at ``self.y``; the height it takes (``self.y`` is not moved)."""
        return self.lines(text, x, width, style=style, tick=tick)

    def measure(self, text: str, width: int, style: str) -> int:
        """The height :meth:`lines` would give ``text`` in ``width``."""
        font = self.scene.ctx.manager.get_theme().get_font([style, "label"])
        return len(_wrapped(font, text, width - self.px(4))) * self.line_height(style)

    def paragraph(
        self,
        text: str,
        *,
        indent: int = 28,
        style: str = "label",
        after: int = 6,
        room_for: str = "",
    ) -> None:
        """``text`` in as many lines as it needs, never cut: a fact the trainee decides on.
        ``room_for``: a longer text this one may become; its lines are kept, so a change of
        words never moves what lies below."""
        px = self.px
        x, width = px(indent), self.width - px(indent)
        self.y += self.lines(text, x, width, style=style, room_for=room_for) + px(after)

    def natural_widths(self, row: Sequence[tuple[str, object, object, int]]) -> list[int]:
        ctx = self.scene.ctx
        return [max(self.px(64), layout.button_width(ctx, str(text))) for text, *_ in row]

    def fits(self, row: Sequence[tuple[str, object, object, int]], indent: int) -> bool:
        """Whether ``row``'s buttons, each as wide as its text, fit on one line."""
        needs = self.natural_widths(row)
        return sum(needs) + self.px(6) * (len(row) - 1) <= self.width - self.px(indent)

    def fits_halves(self, row: Sequence[tuple[str, object, object, int]], indent: int) -> bool:
        """Whether ``row``'s buttons fit whole when they share the line equally."""
        share = (self.width - self.px(indent) - self.px(6) * (len(row) - 1)) // max(1, len(row))
        return all(width <= share for width in self.natural_widths(row))

    def buttons(
        self,
        row: Sequence[tuple[str, Callable[[], None], Action | None, int]],
        *,
        indent: int = 14,
        style: str | None = None,
        natural: bool = False,
    ) -> None:
        """One row of buttons; each is (text, callback, action, width in design units, 0 =
        share the rest). ``natural``: each as wide as its text needs, when they all fit. When
        a button's words do not fit its share of the row (a large text size), the row's
        buttons stand one under the other, the whole width, each as tall as its words."""
        px = self.px
        x = px(indent)
        gap = px(6)
        widths: list[int] = []
        if natural and self.fits(row, indent):
            row = [(t, c, a, 0) for t, c, a, _ in row]
            widths = self.natural_widths(row)
        else:
            natural = False
        fixed = sum(px(w) for _, _, _, w in row if w)
        flexible = [r for r in row if not r[3]]
        rest = self.width - x - fixed - gap * (len(row) - 1)
        share = rest // max(1, len(flexible))
        if not natural:
            widths = [px(w) if w else share for _, _, _, w in row]
        if len(row) > 1 and not all(
            layout.fits(self.scene.ctx, text, width, style=style)
            for (text, *_), width in zip(row, widths, strict=True)
        ):
            for one in row:
                self.buttons([(one[0], one[1], one[2], 0)], indent=indent, style=style)
            return
        tallest = self.button_h
        for index, (text, callback, action, _) in enumerate(row):
            width = widths[index]
            if callback is _DONE:  # a step already taken keeps its place, empty
                x += width + gap
                continue
            button = layout.button(
                self.scene.ui,
                self.scene.ctx,
                pygame.Rect(x, self.y, width, self.button_h),
                text,
                callback,
                container=self.scroller,
                action=action,
                tooltip=action_label(action, self.scene.world, self.cat) if action else text,
                style=style,
            )
            tallest = max(tallest, button.rect.height)
            x += width + gap
        self.y += tallest + self.row_step - self.button_h

    def act(self, action: Action) -> Callable[[], None]:
        return lambda: self.scene.act(action)

    def slot(
        self, text: str, action: Action | None
    ) -> tuple[str, Callable[[], None], Action | None, int]:
        """A button for ``action``, or its place kept empty once the step is done."""
        if action is None:
            return (text, _DONE, None, 0)
        return (text, self.act(action), action, 0)

    # --- sections -------------------------------------------------------------------------

    def board(self) -> None:
        cat, scene = self.cat, self.scene
        opening = scene.world.opening
        self.heading(cat("scene.pembukaan.step.board"))
        # The status line is there before and after: posting never moves the buttons.
        longest = max(
            (cat(f"scene.pembukaan.board.{k}") for k in ("posted_marked", "posted_unmarked")),
            key=len,
        )
        if opening.board_posted:
            key = "posted_marked" if opening.board_marked else "posted_unmarked"
            self.note(
                cat(f"scene.pembukaan.board.{key}"),
                by=lambda a: isinstance(a, PostNoticeBoard),
                room_for=longest,
            )
        else:
            self.note(cat("scene.pembukaan.board.not_posted"), room_for=longest)
        row = []
        for marked in (True, False):
            action = scene.find(PostNoticeBoard, marked_ineligible=marked)
            if action is not None:
                words = cat(
                    "scene.pembukaan.board.marked" if marked else "scene.pembukaan.board.unmarked"
                )
                row.append((words, self.act(action), action, 0))
        if row:
            self.buttons(row)

    def notices(self) -> None:
        cat, scene = self.cat, self.scene
        world = scene.world
        self.heading(cat("scene.pembukaan.step.notices"))
        notices = world.scenario.undelivered_notices
        if not notices:
            self.note(cat("scene.pembukaan.notice.none"))
        for notice in notices:
            given = world.opening.notices_returned.get(notice.id)
            # The line a returned notice leaves, at its longest: its button's place is as tall.
            longest = max(
                (
                    cat(
                        "scene.pembukaan.notice.returned",
                        name=notice.name,
                        reason=cat.get(f"label.notice_reason.{r}", r),
                    )
                    for r in NOTICE_REASONS
                ),
                key=len,
            )
            if given is not None:
                reason = cat.get(f"label.notice_reason.{given}", given)
                self.note(
                    cat("scene.pembukaan.notice.returned", name=notice.name, reason=reason),
                    by=lambda a, n=notice.id: isinstance(a, ReturnNotice) and a.notice == n,
                    slot=True,
                    room_for=longest,
                )
                continue
            options = [
                a
                for a in scene.offered_actions()
                if isinstance(a, ReturnNotice) and a.notice == notice.id
            ]
            if not options:
                continue
            top = self.y
            self.buttons(
                [
                    (
                        cat("scene.pembukaan.notice.open", name=notice.name),
                        lambda n=notice.id: scene.toggle_notice(n),
                        None,
                        0,
                    )
                ]
            )
            if scene.fold.notice != notice.id:
                returned_h = self.measure(longest, self.width - self.px(14), "@muted")
                self.y = max(self.y, top + returned_h)
            if scene.fold.notice == notice.id:
                # What the deliverer found at the address: the fact the reason is judged on.
                self.y += self.label(
                    cat("scene.pembukaan.notice.found"),
                    self.px(28),
                    self.width - self.px(28),
                    style="@badge",
                )
                self.paragraph(
                    cat(f"scene.pembukaan.notice.note.{notice.reason.value}", name=notice.name)
                )
                self.y += self.label(
                    cat("scene.pembukaan.notice.reason", name=notice.name),
                    self.px(28),
                    self.width - self.px(28),
                    style="@muted",
                )
                reasons: list[tuple[str, Callable[[], None], Action | None, int]] = [
                    (
                        cat.get(f"label.notice_reason.{a.reason.value}", a.reason.value),
                        self.act(a),
                        a,
                        0,
                    )
                    for a in options
                ]
                # Two reasons a line when both fit whole, else one.
                for pair in _pairs(reasons):
                    rows = [pair] if self.fits_halves(pair, 28) else [[one] for one in pair]
                    for row in rows:
                        self.buttons(row, indent=28)

    def meeting(self) -> None:
        cat, scene = self.cat, self.scene
        opening = scene.world.opening
        self.heading(cat("scene.pembukaan.step.meeting"))
        # Who is here: the meeting may wait (up to the grace) only for someone absent. It
        # stays once the meeting is open, so opening it moves nothing below.
        self.paragraph(
            self.presence(), indent=14, style="@muted", room_for=self.presence(longest=True)
        )
        # Both status lines and the row of buttons keep their places whatever is done.
        opened = cat("scene.pembukaan.meeting.opened", time="00:00")
        not_opened = cat("scene.pembukaan.meeting.not_opened")
        if opening.meeting_opened_at is not None:
            self.note(
                cat(
                    "scene.pembukaan.meeting.opened", time=format_minutes(opening.meeting_opened_at)
                ),
                by=lambda a: isinstance(a, OpenMeeting),
                room_for=not_opened,
            )
        else:
            self.note(not_opened, room_for=opened)
        sworn, not_sworn = (
            cat("scene.pembukaan.meeting.sworn"),
            cat("scene.pembukaan.meeting.not_sworn"),
        )
        if opening.oath_taken:
            self.note(sworn, by=lambda a: isinstance(a, TakeOath), room_for=not_sworn)
        else:
            self.note(not_sworn, room_for=sworn)
        # Two fixed places: a step taken leaves its place empty, so the other never slides
        # under the pointer.
        open_meeting = scene.find(OpenMeeting)
        oath = scene.find(TakeOath) if not opening.oath_taken else None
        self.buttons(
            [
                self.slot(cat("scene.pembukaan.meeting.open"), open_meeting),
                self.slot(cat("scene.pembukaan.meeting.oath"), oath),
            ]
        )

    def presence(self, *, longest: bool = False) -> str:
        """Who is at the TPS now, in words: the Pengawas TPS, the witnesses (and how many
        more are coming), the voters waiting. ``longest``: the longest this line can read
        today, to keep room for it."""
        cat, world = self.cat, self.scene.world
        clock = world.clock
        base = "scene.pembukaan.presence"
        ptps = "ptps_here" if to_minutes(world.scenario.ptps_arrives) <= clock else "ptps_away"
        here = sum(1 for w in world.witnesses.values() if w.arrives <= clock)
        coming = sum(1 for w in world.witnesses.values() if w.arrives > clock)
        voters = sum(1 for v in world.voters.values() if v.arrives <= clock)
        if longest:
            ptps, here = "ptps_away", len(world.witnesses)
            coming, voters = len(world.witnesses), len(world.voters)
        witnesses = cat(f"{base}.witnesses", count=here)
        if coming:
            witnesses += " " + cat(f"{base}.coming", count=coming)
        queue = cat(f"{base}.voters", count=voters) if voters else cat(f"{base}.no_voters")
        return cat(
            f"{base}.line",
            time=format_minutes(clock),
            ptps=cat(f"{base}.{ptps}"),
            witnesses=witnesses,
            voters=queue,
        )

    def boxes(self) -> None:
        cat, scene, px = self.cat, self.scene, self.px
        world = scene.world
        self.heading(cat("scene.pembukaan.step.boxes"))
        names = {
            ballot: cat.get(f"scene.logistik.short.ballot.{ballot.value}", ballot.value)
            for ballot in scene.box_order()
        }
        # The names' column is as wide as the longest name needs at the player's text size
        # ("DPRD Kab/Kota" whole); the steps start after it.
        font = scene.ctx.manager.get_theme().get_font(["label"])
        widest_name = max((text_size(font, name)[0] for name in names.values()), default=0)
        label_w = max(px(118), widest_name + px(8))
        steps_at = 14 + round((label_w + px(4)) / scene.ctx.scale)  # design units
        for ballot, name in names.items():
            box = world.boxes[ballot]
            row: list[tuple[str, Callable[[], None], Action | None, int]] = []
            opened = scene.find(OpenBox, ballot=ballot)
            if opened is not None:
                row.append((cat("scene.pembukaan.box.open"), self.act(opened), opened, 0))
            elif not box.relocked:
                # Once open, the box's three steps keep their places until it is locked.
                count = scene.find(CountBallots, ballot=ballot)
                show = scene.find(ShowBoxEmpty, ballot=ballot) if not box.shown_empty else None
                lock = scene.find(LockBox, ballot=ballot)
                row = [
                    self.slot(cat("scene.pembukaan.box.count"), count),
                    self.slot(cat("scene.pembukaan.box.show"), show),
                    self.slot(cat("scene.pembukaan.box.lock"), lock),
                ]
            reports = scene.packet_reports(ballot)
            toggle = None
            if reports and box.opened:
                toggle = (
                    cat("scene.pembukaan.box.report"),
                    lambda b=ballot: scene.toggle_box(b),
                    None,
                    0,
                )
            top = self.y
            self.label(name, px(14), label_w, style="label")
            # One geometry per box whatever its state: the widest row it can have (three
            # steps and the report button) decides one line or two, so opening, showing or
            # locking a box never moves the boxes below it under the pointer.
            widest = [
                self.slot(cat("scene.pembukaan.box.count"), None),
                self.slot(cat("scene.pembukaan.box.show"), None),
                self.slot(cat("scene.pembukaan.box.lock"), None),
                self.slot(cat("scene.pembukaan.box.report"), None),
            ]
            one_line = self.fits(widest, steps_at)
            # On one line, the buttons stand level with the name (a little above its top);
            # on two, under it.
            lift = (self.button_h - self.line_h) // 2 if one_line else 0
            steps_top = top - lift if one_line else top + self.line_h + px(2)
            indent = steps_at if one_line else 28
            # Where the next box starts, the same in every state of this one.
            if one_line:
                bottom = top + max(self.row_step - px(2), self.line_h + px(10))
            else:
                bottom = steps_top + self.row_step
            if row:
                row += [toggle] if toggle else []
                self.y = steps_top
                self.buttons(row, indent=indent, natural=True)
                self.y = max(self.y - self.row_step + self.button_h + px(4), bottom)
                self.box_reports(ballot, reports)
                continue
            status = "done" if box.relocked else "closed"
            toggle_w = self.natural_widths([toggle])[0] if toggle else 0
            self.y = steps_top + lift
            self.label(
                cat(f"scene.pembukaan.box.{status}"),
                px(indent),
                self.width - px(indent) - toggle_w - px(6),
                style="@muted",
                tick=box.relocked
                and scene.step_mark(
                    scene.flagged_by(lambda a, b=ballot: isinstance(a, LockBox) and a.ballot is b)
                )
                == "ok",
            )
            if toggle is not None:
                text, callback, _, _ = toggle
                scene.ui.button(
                    pygame.Rect(self.width - toggle_w, steps_top, toggle_w, self.button_h),
                    text,
                    callback,
                    container=self.scroller,
                    tooltip=cat(
                        "scene.pembukaan.box.report_hint", ballot=ballot_name(ballot.value, cat)
                    ),
                )
            self.y = bottom
            self.box_reports(ballot, reports)

    def box_reports(self, ballot: BallotType, reports: Sequence[ReportDiscrepancy]) -> None:
        """The reports of one type's packets, when its "Report…" is unfolded."""
        cat, scene, px = self.cat, self.scene, self.px
        if scene.fold.box != ballot or not reports:
            return
        # The packet as the delivery list has it and as counted here: what a report is
        # judged on (at the opening the ballots may be counted for the first time).
        tile = Tile(f"ballots.{ballot.value}")
        self.y += self.label(
            cat("scene.logistik.detail.manifest"), px(28), self.width - px(28), style="@badge"
        )
        for line in manifest_words(scene.world, tile, cat):
            self.paragraph(f"• {line}", indent=36, after=0)
        self.y += self.label(
            cat("scene.logistik.detail.seen"), px(28), self.width - px(28), style="@badge"
        )
        for line in seen_words(scene.world, tile, cat):
            self.paragraph(f"• {line}", indent=36, after=0)
        words = cat("scene.pembukaan.box.report_pick", ballot=ballot_name(ballot.value, cat))
        self.y += self.label(words, px(28), self.width - px(28), style="@muted")
        for report in reports:
            what = report.discrepancy.rsplit(".", 1)[1]
            problem = cat(f"scene.logistik.problem.{what}")
            text = cat("scene.logistik.button.report", problem=problem)
            self.buttons([(text, self.act(report), report, 0)], indent=28)

    def explain(self) -> None:
        cat, scene = self.cat, self.scene
        self.heading(cat("scene.pembukaan.step.explain"))
        if scene.world.opening.procedure_explained:
            self.note(
                cat("scene.pembukaan.explain.done"),
                by=lambda a: isinstance(a, ExplainProcedure),
                slot=True,
            )
            return
        action = scene.find(ExplainProcedure)
        if action is not None:
            self.buttons([(cat("scene.pembukaan.explain.button"), self.act(action), action, 0)])


def _pairs(items: Sequence[T]) -> list[Sequence[T]]:
    return [items[i : i + 2] for i in range(0, len(items), 2)]


def _has_glyph(scene: PhaseScene, glyph: str) -> bool:
    font = scene.ctx.manager.get_theme().get_font(["label"])
    metrics = getattr(font, "metrics", None)
    if metrics is None:
        return False
    found = metrics(glyph)
    return bool(found and found[0] is not None)


def _wrapped(font: IGUIFontInterface, text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` at ``font``."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and text_size(font, trial)[0] <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines or [""]
