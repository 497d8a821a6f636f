"""The opening's list of steps, top to bottom in a scrolling panel: the notice board, the
undelivered notices (each with the deliverer's note), the voting meeting (with who is here),
the boxes (an opened packet's delivery list and count beside its reports), how to vote."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import pygame
from pygame_gui.core import UIElement
from pygame_gui.core.interfaces import IGUIFontInterface
from pygame_gui.elements import UIScrollingContainer

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
from simulator.scenes.labels import action_label, ballot_name
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases.logistik import (
    Tile,
    manifest_words,
    seen_words,
)
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.types import BallotType

if TYPE_CHECKING:
    from simulator.scenes.phases.pembukaan import PembukaanScene

T = TypeVar("T")


class StepList:
    """Builds the steps list in the scrolling panel, top to bottom."""

    def __init__(self, scene: PembukaanScene, scroller: UIScrollingContainer, width: int) -> None:
        self.scene = scene
        self.scroller = scroller
        self.width = width
        self.y = scene.ctx.px(8)
        self.px = scene.ctx.px
        self.cat = scene.ctx.cat

    # --- primitives -----------------------------------------------------------------------

    def heading(self, text: str) -> None:
        px = self.px
        self.y += px(4)
        self.label(text, px(10), self.width - px(10), style="@badge")
        self.y += px(26)

    def note(self, text: str, *, indent: int = 14) -> None:
        px = self.px
        self.label(text, px(indent), self.width - px(indent), style="@muted", tick=True)
        self.y += px(26)

    def label(self, text: str, x: int, width: int, *, style: str, tick: bool = False) -> UIElement:
        px = self.px
        if tick:
            text = "✓ " + text if _has_glyph(self.scene, "✓") else text
        element = self.scene.ui.label(
            pygame.Rect(x, self.y, width, px(26)), text, style=style, container=self.scroller
        )
        _shorten(element)
        return element

    def paragraph(
        self, text: str, *, indent: int = 28, style: str = "label", after: int = 6
    ) -> None:
        """``text`` in as many lines as it needs, never cut: a fact the trainee decides on."""
        px = self.px
        x, width = px(indent), self.width - px(indent)
        font = self.scene.ctx.manager.get_theme().get_font([style])
        lines = _wrapped(font, text, width - px(8))
        line_h = max(px(22), font.size("Ag")[1] + px(4))
        for line in lines:
            self.scene.ui.label(
                pygame.Rect(x, self.y, width, line_h), line, style=style, container=self.scroller
            )
            self.y += line_h
        self.y += px(after)

    def natural_widths(self, row: Sequence[tuple[str, object, object, int]]) -> list[int]:
        font = self.scene.ctx.manager.get_theme().get_font(["button"])
        return [max(self.px(84), font.size(text)[0] + self.px(26)) for text, *_ in row]

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
        share the rest). ``natural``: each as wide as its text needs, when they all fit."""
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
        for index, (text, callback, action, w) in enumerate(row):
            width = widths[index] if natural else (px(w) if w else share)
            self.scene.ui.button(
                pygame.Rect(x, self.y, width, px(32)),
                self.scene.fit(text, width),
                callback,
                container=self.scroller,
                action=action,
                tooltip=action_label(action, self.scene.world, self.cat) if action else text,
                style=style,
            )
            x += width + gap
        self.y += px(38)

    def act(self, action: Action) -> Callable[[], None]:
        return lambda: self.scene.act(action)

    # --- sections -------------------------------------------------------------------------

    def board(self) -> None:
        cat, scene = self.cat, self.scene
        opening = scene.world.opening
        self.heading(cat("scene.pembukaan.step.board"))
        if opening.board_posted:
            key = "posted_marked" if opening.board_marked else "posted_unmarked"
            self.note(cat(f"scene.pembukaan.board.{key}"))
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
            if given is not None:
                reason = cat.get(f"label.notice_reason.{given}", given)
                self.note(cat("scene.pembukaan.notice.returned", name=notice.name, reason=reason))
                continue
            options = [
                a
                for a in scene.offered_actions()
                if isinstance(a, ReturnNotice) and a.notice == notice.id
            ]
            if not options:
                continue
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
            if scene.fold.notice == notice.id:
                # What the deliverer found at the address: the fact the reason is judged on.
                self.label(
                    cat("scene.pembukaan.notice.found"),
                    self.px(28),
                    self.width - self.px(28),
                    style="@badge",
                )
                self.y += self.px(24)
                self.paragraph(
                    cat(f"scene.pembukaan.notice.note.{notice.reason.value}", name=notice.name)
                )
                self.label(
                    cat("scene.pembukaan.notice.reason", name=notice.name),
                    self.px(28),
                    self.width - self.px(28),
                    style="@muted",
                )
                self.y += self.px(26)
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
        if opening.meeting_opened_at is None:
            # Who is here: the meeting may wait (up to the grace) only for someone absent.
            self.paragraph(self.presence(), indent=14, style="@muted")
        if opening.meeting_opened_at is not None:
            self.note(
                cat(
                    "scene.pembukaan.meeting.opened", time=format_minutes(opening.meeting_opened_at)
                )
            )
        if opening.oath_taken:
            self.note(cat("scene.pembukaan.meeting.sworn"))
        row = []
        open_meeting = scene.find(OpenMeeting)
        if open_meeting is not None:
            row.append(
                (cat("scene.pembukaan.meeting.open"), self.act(open_meeting), open_meeting, 0)
            )
        oath = scene.find(TakeOath)
        if oath is not None and not opening.oath_taken:
            row.append((cat("scene.pembukaan.meeting.oath"), self.act(oath), oath, 0))
        if row:
            self.buttons(row)

    def presence(self) -> str:
        """Who is at the TPS now, in words: the Pengawas TPS, the witnesses (and how many
        more are coming), the voters waiting."""
        cat, world = self.cat, self.scene.world
        clock = world.clock
        base = "scene.pembukaan.presence"
        ptps = "ptps_here" if to_minutes(world.scenario.ptps_arrives) <= clock else "ptps_away"
        here = sum(1 for w in world.witnesses.values() if w.arrives <= clock)
        coming = sum(1 for w in world.witnesses.values() if w.arrives > clock)
        witnesses = cat(f"{base}.witnesses", count=here)
        if coming:
            witnesses += " " + cat(f"{base}.coming", count=coming)
        voters = sum(1 for v in world.voters.values() if v.arrives <= clock)
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
        for ballot in scene.box_order():
            box = world.boxes[ballot]
            name = cat.get(f"scene.logistik.short.ballot.{ballot.value}", ballot.value)
            row: list[tuple[str, Callable[[], None], Action | None, int]] = []
            opened = scene.find(OpenBox, ballot=ballot)
            if opened is not None:
                row.append((cat("scene.pembukaan.box.open"), self.act(opened), opened, 0))
            count = scene.find(CountBallots, ballot=ballot)
            if count is not None and box.opened:
                row.append((cat("scene.pembukaan.box.count"), self.act(count), count, 0))
            show = scene.find(ShowBoxEmpty, ballot=ballot)
            if show is not None and not box.shown_empty:
                row.append((cat("scene.pembukaan.box.show"), self.act(show), show, 0))
            lock = scene.find(LockBox, ballot=ballot)
            if lock is not None and not box.relocked:
                row.append((cat("scene.pembukaan.box.lock"), self.act(lock), lock, 0))
            reports = scene.packet_reports(ballot)
            toggle = None
            if reports and box.opened:
                toggle = (
                    cat("scene.pembukaan.box.report"),
                    lambda b=ballot: scene.toggle_box(b),
                    None,
                    0,
                )
            label_w = px(118)
            self.label(name, px(14), label_w, style="label")
            if row:
                row += [toggle] if toggle else []
                if self.fits(row, 14 + 122):
                    saved = self.y
                    self.y += px(-3)
                    self.buttons(row, indent=14 + 122, natural=True)
                    self.y = max(self.y, saved + px(32))
                else:  # too many for one line: the steps go under the box's name
                    self.y += px(28)
                    self.buttons(row, indent=28, natural=True)
                self.box_reports(ballot, reports)
                continue
            status = "done" if box.relocked else "closed"
            toggle_w = px(100) if toggle else 0
            self.label(
                cat(f"scene.pembukaan.box.{status}"),
                px(14) + label_w,
                self.width - label_w - px(14) - toggle_w - px(6),
                style="@muted",
                tick=box.relocked,
            )
            if toggle is not None:
                text, callback, _, _ = toggle
                scene.ui.button(
                    pygame.Rect(self.width - toggle_w, self.y - px(3), toggle_w, px(32)),
                    scene.fit(text, toggle_w),
                    callback,
                    container=self.scroller,
                    tooltip=cat(
                        "scene.pembukaan.box.report_hint", ballot=ballot_name(ballot.value, cat)
                    ),
                )
            self.y += px(36)
            self.box_reports(ballot, reports)

    def box_reports(self, ballot: BallotType, reports: Sequence[ReportDiscrepancy]) -> None:
        """The reports of one type's packets, when its "Report…" is unfolded."""
        cat, scene, px = self.cat, self.scene, self.px
        if scene.fold.box != ballot or not reports:
            return
        # The packet as the delivery list has it and as counted here: what a report is
        # judged on (at the opening the ballots may be counted for the first time).
        tile = Tile(f"ballots.{ballot.value}")
        self.label(
            cat("scene.logistik.detail.manifest"), px(28), self.width - px(28), style="@badge"
        )
        self.y += px(24)
        for line in manifest_words(scene.world, tile, cat):
            self.paragraph(f"• {line}", indent=36, after=0)
        self.label(cat("scene.logistik.detail.seen"), px(28), self.width - px(28), style="@badge")
        self.y += px(24)
        for line in seen_words(scene.world, tile, cat):
            self.paragraph(f"• {line}", indent=36, after=0)
        words = cat("scene.pembukaan.box.report_pick", ballot=ballot_name(ballot.value, cat))
        self.label(words, px(28), self.width - px(28), style="@muted")
        self.y += px(26)
        for report in reports:
            what = report.discrepancy.rsplit(".", 1)[1]
            problem = cat(f"scene.logistik.problem.{what}")
            text = cat("scene.logistik.button.report", problem=problem)
            self.buttons([(text, self.act(report), report, 0)], indent=28)

    def explain(self) -> None:
        cat, scene = self.cat, self.scene
        self.heading(cat("scene.pembukaan.step.explain"))
        if scene.world.opening.procedure_explained:
            self.note(cat("scene.pembukaan.explain.done"))
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
        if lines and font.size(trial)[0] <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines or [""]


def _shorten(element: UIElement) -> None:
    """A label whose text is wider than itself loses its end to an ellipsis."""
    text = getattr(element, "text", "")
    font = getattr(element, "font", None)
    if not text or font is None or font.size(text)[0] <= element.rect.width:
        return
    while text and font.size(text + "…")[0] > element.rect.width:
        text = text[:-1]
    element.set_text(text.rstrip() + "…")
