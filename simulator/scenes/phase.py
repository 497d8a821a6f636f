"""What every phase scene shares: the header (phase, clock, mode), the feedback strip, the
list of actions the engine allows, events that need an answer, and the way to the next phase.

A phase scene subclass draws its own stage (the delivery table, the voter desk, the ballot
being opened) and offers its own controls for the actions it shows there; every action it
does not claim appears in the side list (simulator/scenes/side_list.py), in words a trainee
understands, so nothing the engine allows is ever out of reach.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import pygame
from pygame_gui.elements import UILabel, UITextBox

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.scene import Scene
from simulator.app.widgets import FocusMemory, escape
from simulator.art import palette
from simulator.art.fonts import text_size
from simulator.core.actions import Action, AdvanceClock, EndPhase, RespondToEvent
from simulator.core.phases import incidents
from simulator.core.state import World
from simulator.presenter import finding_text
from simulator.presenter.labels import action_label
from simulator.scenes import side_list
from simulator.scenes.guide import Guide
from simulator.scenes.phase_exits import PhaseExits
from simulator.scenes.side_list import SideRow
from simulator.schema.clock import format_minutes, to_minutes

Measure = TypeVar("Measure", bound=Callable[..., Any])


def held_while_drawing(method: Measure) -> Measure:
    """A measure of the scene's layout (where a panel or a picture goes) that drawing asks
    for again and again, every frame: while a frame is drawn it is worked out once and held
    until the scene is built again or the state changes (the widgets, placed at the last
    build, stand where it said then). Building always works it out afresh. Held by the
    method's own name, so an override and the ``super()`` it calls are held apart."""
    name = method.__qualname__

    @functools.wraps(method)
    def held(self: PhaseScene, *args: Any) -> Any:
        memo = self.drawing_memo()
        if memo is None:
            return method(self, *args)
        key = (name, args)
        if key not in memo:
            memo[key] = method(self, *args)
        value = memo[key]
        # A copy of what a caller could change in place (a rectangle moved, a list added to).
        return value.copy() if isinstance(value, pygame.Rect | list) else value

    return held  # type: ignore[return-value]


HEADER_H = 56  # design units
FEEDBACK_H = 112
SIDE_W = 430
END_H = 44  # the "End this phase" button


class PhaseScene(PhaseExits, Scene):
    """The frame around one phase of the day."""

    #: action kinds this scene offers on its stage; the rest go to the side list
    stage_kinds: frozenset[str] = frozenset()
    #: how many of a careful crew's actions ``shot`` plays before photographing this scene
    shot_steps = 0

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx)
        self.session = session
        self.phase = session.sim.world.phase
        self._focus_after_build: FocusMemory | None = None
        # A duty taken after an event's answer, and the feedback on the answer it keeps shown
        self._pinned_feedback: tuple[Action, str] | None = None
        self.wait_message = ""
        self.clock_label: UILabel | None = None
        self._offered: tuple[int, list[Action]] = (-1, [])
        self._side_actions: tuple[tuple[int, frozenset[str]], list[Action]] = (
            (-1, frozenset()),
            [],
        )
        self.feedback_box: UITextBox | None = None
        self._feedback_stale = False
        self.side_unfolded: str | None = None  # the side list's group shown in full
        self.shortened: dict[str, set[str]] = {}  # words shown → the longer words they stand for
        self.stage_offers: frozenset[str] = frozenset()  # what the stage has buttons for
        self.builds = 0  # how many times this scene has been built
        self._next_loaded = False
        self._drawing = False
        self._drawn_layout: tuple[tuple[int, int], dict[Any, Any]] = ((-1, -1), {})
        self.guide = Guide(self)  # the scenario's notes on this phase (presentation only)

    @property
    def world(self) -> World:
        return self.session.sim.world

    # --- geometry -------------------------------------------------------------------------

    def drawing_memo(self) -> dict[Any, Any] | None:
        """While a frame is drawn, the measures held since the last build and action (see
        :func:`held_while_drawing`); None otherwise."""
        if not self._drawing:
            return None
        stamp = (self.builds, len(self.session.sim.log))
        if self._drawn_layout[0] != stamp:
            self._drawn_layout = (stamp, {})
        return self._drawn_layout[1]

    @contextmanager
    def layout_held(self) -> Iterator[None]:
        self._drawing = True
        try:
            yield
        finally:
            self._drawing = False

    @held_while_drawing
    def header_rect(self) -> pygame.Rect:
        """The strip at the top: as tall as its heading needs at the player's text size."""
        height = max(self.ctx.px(HEADER_H), self.ctx.line(19) + self.ctx.px(8))
        return pygame.Rect(0, 0, self.ctx.size[0], height)

    @held_while_drawing
    def feedback_rect(self) -> pygame.Rect:
        """The strip at the foot: room for three lines of an explanation at any text size."""
        w, h = self.ctx.size
        px = self.ctx.px
        height = max(px(FEEDBACK_H), 3 * self.ctx.line(15) + px(8))
        return pygame.Rect(px(12), h - height - px(8), w - px(24), height)

    @held_while_drawing
    def side_rect(self) -> pygame.Rect:
        w, _ = self.ctx.size
        px = self.ctx.px
        top = self.header_rect().bottom + px(8)
        bottom = self.feedback_rect().top - px(8)
        return pygame.Rect(w - px(SIDE_W) - px(12), top, px(SIDE_W), bottom - top)

    @held_while_drawing
    def stage_rect(self) -> pygame.Rect:
        px = self.ctx.px
        side = self.side_rect()
        return pygame.Rect(px(12), side.top, side.left - px(24), side.height)

    def stage_inner(self) -> pygame.Rect:
        """The stage less its margins: where a scene lays out its own content."""
        px = self.ctx.px
        return self.stage_rect().inflate(-px(16), -px(20))

    # --- building -------------------------------------------------------------------------

    def build(self) -> None:
        self.builds += 1
        self.shortened = {}
        self.guide.notice()  # a note come due (the phase begun, an action, the clock)
        for panel in (self.header_rect(), self.stage_rect(), self.side_rect()):
            self.ui.focus_panel(panel)  # the focus reads a panel at a time
        self.build_header()
        self.stage_offers = frozenset()
        self.build_stage()
        self.stage_offers = frozenset(self.ui.offers)
        self.build_side()
        self.build_feedback()
        self.guide.build_card()  # last: over the stage
        if self._focus_after_build is not None:
            self.ui.restore_focus(self._focus_after_build)
            self._focus_after_build = None

    def build_header(self) -> None:
        """Phase title, mode and clock on the left; the mistakes (Latihan) and the pause on the
        right, each as wide as its words: what is left goes to the title."""
        cat, px = self.ctx.cat, self.ctx.px
        header = self.header_rect()
        world = self.world
        number = world.phase_index + 1
        title = cat(
            "shell.phase.title",
            number=number,
            total=len(world.phases),
            phase=cat(f"phase.{world.phase.value}") if world.phase else "",
        )
        button_h = self.ctx.row_h(36)
        button_top = (header.height - button_h) // 2
        pause = cat("shell.phase.pause")
        pause_w = max(px(150), layout.button_width(self.ctx, pause))
        right = header.right - px(14) - pause_w
        self.ui.button(
            pygame.Rect(right, button_top, pause_w, button_h),
            pause,
            self.open_pause,
            focusable=False,
            tooltip=cat("shell.phase.pause_hint"),
        )
        if self.session.hints:
            # Latihan: this phase's mistakes so far, a key away (Ujian gives no such hint).
            count = sum(1 for f in self.session.sim.findings if f.phase is self.phase)
            mistakes = cat("shell.phase.mistakes", count=count)
            style = "@danger" if count else None
            mistakes_w = max(px(190), layout.button_width(self.ctx, mistakes, style=style))
            right -= px(14) + mistakes_w
            self.ui.button(
                pygame.Rect(right, button_top, mistakes_w, button_h),
                mistakes,
                self.open_mistakes,
                focusable=False,
                style=style,
            )
        guide = self.guide.header_label()
        if guide is not None:  # the scenario's latest note, a key away once one was shown
            guide_w = max(px(150), layout.button_width(self.ctx, guide))
            right -= px(14) + guide_w
            self.ui.button(
                pygame.Rect(right, button_top, guide_w, button_h),
                guide,
                self.guide.toggle,
                focusable=False,
                tooltip=cat("shell.guide.open_hint"),
            )
        clock_font = layout.theme_font(self.ctx, "label", "@clock")
        clock_w = text_size(clock_font, "00:00")[0] + px(12)
        right -= px(24) + clock_w
        label_h = header.height - px(8)
        self.clock_label = self.ui.label(
            pygame.Rect(right, px(4), clock_w, label_h),
            format_minutes(world.clock),
            style="@clock",
        )
        mode = cat(f"shell.mode.{self.session.mode.value}")
        mode_w = text_size(layout.theme_font(self.ctx, "label", "@badge"), mode)[0] + px(8)
        right -= px(16) + mode_w
        self.ui.label(pygame.Rect(right, px(4), mode_w, label_h), mode, style="@badge")
        title_w = right - px(16) - px(20)
        self.ui.label(pygame.Rect(px(20), px(4), title_w, label_h), title, style="@heading")

    def build_stage(self) -> None:
        """The scene's own picture and controls; the base has none."""

    def build_side(self) -> None:
        cat, px = self.ctx.cat, self.ctx.px
        side = self.side_rect()
        heading_h = layout.heading(
            self.ui, self.ctx, side.left, side.top, side.width, cat("shell.phase.actions")
        )
        bottom = side.bottom - self.end_button_h() - px(8)
        bottom = self.build_wait(side, bottom)  # time can always be let pass
        top = side.top + heading_h + px(4)
        list_rect = pygame.Rect(side.left, top, side.width, bottom - top)
        self.build_action_list(list_rect, self.side_rows())
        self.build_end_button(side)

    def side_row(self, action: Action) -> SideRow:
        """An allowed action as a row of the side list: its sentence, what pressing does."""
        return SideRow(
            action_label(action, self.world, self.ctx.cat), lambda: self.act(action), action
        )

    def side_rows(self) -> list[SideRow]:
        """The side list's rows, many of one kind folded under one."""
        return side_list.side_rows(self)

    def build_action_list(
        self, rect: pygame.Rect, rows: Sequence[tuple[str, Callable[[], None], Action | None]]
    ) -> None:
        """A scrolling list of buttons, one per row, each as tall as its wrapped words."""
        side_list.build_side_list(self, rect, [SideRow(*row) for row in rows])

    def build_end_button(self, side: pygame.Rect) -> None:
        """ "End this phase" [E] at the foot of the side column."""
        end_h = self.end_button_h()
        self.ui.button(
            pygame.Rect(side.left, side.bottom - end_h, side.width, end_h),
            self.ctx.cat("shell.phase.end"),
            self.confirm_end,
            key=pygame.K_e,
            style="@strong",
        )

    def end_button_h(self) -> int:
        return self.ctx.row_h(END_H, 16)

    def build_wait(self, side: pygame.Rect, bottom: int) -> int:
        """ "Wait until HH:MM": any later time, as on the real day; returns the space left."""
        cat, px = self.ctx.cat, self.ctx.px
        entry_h = self.ctx.row_h(40, 16)
        entry_font = layout.theme_font(self.ctx, "text_entry_line")
        entry_w = max(px(104), text_size(entry_font, "00:00")[0] + px(28))
        label_w = side.width - entry_w - px(6)
        words = self.wait_message or cat("shell.phase.wait")
        lines = layout.wrap_lines(layout.theme_font(self.ctx, "label"), words, label_w)
        if len(lines) == 1:
            top = bottom - entry_h
            self.ui.label(pygame.Rect(side.left, top, label_w, entry_h), words)
        else:  # a longer message (a time that cannot be waited for) wraps beside the entry
            box = self.ui.text(
                pygame.Rect(side.left, bottom, label_w, -1), escape(words), style="@plain"
            )
            top = bottom - max(entry_h, box.rect.height)
            box.set_relative_position((side.left, top))
        self.ui.entry(
            pygame.Rect(side.right - entry_w, bottom - entry_h, entry_w, entry_h),
            self.wait_until,
            max_length=5,
            name="clock",
        )
        return top - px(8)

    def wait_until(self, text: str) -> None:
        text = text.strip().replace(".", ":")
        try:
            minutes = to_minutes(text if len(text) == 5 else text.zfill(5))
        except ValueError:
            minutes = None
        if minutes is None or minutes <= self.world.clock:
            self.wait_message = self.ctx.cat(
                "shell.phase.wait_invalid", clock=format_minutes(self.world.clock)
            )
            self.rebuild()
            return
        self.wait_message = ""
        self.act(AdvanceClock(to=format_minutes(minutes)))

    def reveal(self, action: Action) -> bool:
        """Unfold whatever hides the control for ``action`` (a tile's reports, a folded
        group of the side list); True when that changed anything."""
        return side_list.reveal_in_side(self, action)

    def has_home(self, action: Action) -> bool:
        """True for an action the stage offers in context behind a fold of its own (a box's
        "Report…" button, the desk's records about another voter): the side list leaves it
        out. The base stage has none."""
        return False

    def flagged_by(self, match: Callable[[Action], bool]) -> tuple[str, ...]:
        """The rules broken by the last logged action ``match`` accepts (none if none did)."""
        for entry in reversed(self.session.sim.log):
            if match(entry.action):
                return entry.flagged
        return ()

    def step_mark(self, flagged: Sequence[str]) -> str:
        """How a step taken is marked: "ok" or "finding" in Latihan, "done" in Ujian, where
        a mark saying right or wrong would be a hint. Never a tick beside a mistake."""
        if not self.session.hints:
            return "done"
        return "finding" if flagged else "ok"

    def offered_actions(self) -> list[Action]:
        """What the engine allows now, asked once per state: only an action changes the
        state, and every applied action is logged."""
        applied = len(self.session.sim.log)
        if self._offered[0] != applied:
            self._offered = (applied, list(self.session.sim.allowed_actions()))
        return self._offered[1]

    def side_actions(self) -> list[Action]:
        """What the engine allows now that the stage does not show: asked once per state and
        set of the stage's buttons (a layout asks for it at every measure of the side)."""
        key = (len(self.session.sim.log), self.stage_offers)
        if self._side_actions[0] != key:
            self._side_actions = (key, side_list.other_actions(self, self.offered_actions()))
        return list(self._side_actions[1])

    def build_feedback(self) -> None:
        rect = self.feedback_rect()
        gutter = self.ctx.px(40)  # room for the icon that says right or wrong by its shape
        rect = pygame.Rect(rect.left + gutter, rect.top, rect.width - gutter, rect.height)
        self.feedback_box = self.ui.text(rect, self.feedback_markup(), style="@feedback")
        self._feedback_stale = False

    def refresh_feedback(self) -> bool:
        """Rewrite the feedback in place at the next frame (one text layout per frame),
        for a scene that updates after an action without making every widget again; False
        when there is no feedback box to rewrite."""
        box = self.feedback_box
        if box is None or not box.alive():
            return False
        self._feedback_stale = True
        return True

    def act_follow_up(self, action: Action) -> None:
        """A duty taken after an event's answer (record it, tell the PTPS or the PPS): done,
        while the feedback goes on explaining the answer. A duty is never a mistake, so its
        own "no mistake" would read as a verdict on the answer, wrong or right."""
        self._pinned_feedback = (action, self.feedback_markup())
        self.act(action)

    def feedback_markup(self) -> str:
        pinned = self._pinned_feedback
        if pinned is not None and pinned[0] is self.session.last_action:
            return pinned[1]
        cat = self.ctx.cat
        last = self.session.last_action
        if last is None or isinstance(last, EndPhase):
            intro = escape(cat(f"shell.intro.{self.phase.value}")) if self.phase else ""
            if last is None or not self.session.hints or not self.session.latest:
                return intro
            # What the phase just ended left undone, then what this one is about.
            return self.findings_markup() + "<br><br>" + intro
        done = escape(action_label(last, self.world, cat))
        if not self.session.hints:
            return cat("shell.feedback.recorded", action=done)
        if not self.session.latest:
            return cat("shell.feedback.ok", action=done)
        return self.findings_markup()

    def findings_markup(self) -> str:
        cat = self.ctx.cat
        findings = self.session.latest
        parts = []
        for finding in findings:
            text = finding_text(finding, cat, self.world)
            # The case and its right answer first, then the rule's explanation.
            case = " — ".join(part for part in (text.case, text.right) if part)
            parts.append(
                cat(
                    "shell.feedback.finding",
                    severity=escape(text.severity),
                    title=escape(text.title),
                    case=f"<b>{escape(case)}</b><br>" if case else "",
                    explanation=escape(text.explanation),
                    regulation=escape(text.regulation),
                    points=text.points,
                )
            )
        return "<br>".join(parts)

    # --- text that must fit ---------------------------------------------------------------

    def fit(self, text: str, width: int, *, short: str | None = None) -> str:
        """``text`` for a button ``width`` wide: whole if it fits, else ``short`` (see
        :meth:`shorten`)."""
        font = self.ctx.manager.get_theme().get_font(["button"])
        return self.shorten(text, width - self.ctx.px(24), font, short=short)

    def shorten(
        self,
        text: str,
        room: int,
        font: pygame.font.Font,
        *,
        short: str | None = None,
        suffix: str = "",
    ) -> str:
        """``text`` (then ``suffix``, a shortcut key) in ``room`` pixels of ``font``: whole if
        it fits; else ``short``, the shorter name that keeps what tells this label from its
        neighbours (the official "DPRD Kab/Kota" for "Buka DPRD Kabupaten/Kota"); else the
        shorter of the two cut with "…". Each shortening is remembered (``shortened``: shown
        words → the words they stand for), so a test can tell when two different labels end up
        looking the same."""
        if text_size(font, text + suffix)[0] <= room:
            return text + suffix
        shown = short if short is not None else text
        if text_size(font, shown + suffix)[0] > room:
            while shown and text_size(font, shown + "…" + suffix)[0] > room:
                shown = shown[:-1]
            shown = shown.rstrip() + "…"
        self.shortened.setdefault(shown + suffix, set()).add(text)
        return shown + suffix

    # --- acting ---------------------------------------------------------------------------

    def act(self, action: Action) -> None:
        """Apply ``action`` through the session, then show what follows from it."""
        self.act_all([action])

    def keep_focus(self) -> None:
        """Have the next build put the focus back where it is now (on the same element, or
        the button now in its place)."""
        self._focus_after_build = self.ui.remember_focus()

    def act_all(self, actions: Sequence[Action]) -> None:
        self.keep_focus()
        for action in actions:
            self.session.do(action)
            if self.session.save_problem is not None:
                break  # the day stops at the action that could not be saved
        self.play_sound()
        self.after_action()

    def play_sound(self) -> None:
        """A tick for a recorded action; in Latihan a low tone for a mistake (in Ujian a
        mistake sounds like any other action, or the sound would be a hint)."""
        sounds = self.ctx.sounds
        if self.world.phase is not self.phase:
            sounds.play("phase")
        elif self.session.hints and self.session.latest:
            sounds.play("mistake")
        else:
            sounds.play("ok")

    def after_action(self) -> None:
        if self.session.save_problem is not None:
            self.ask_about_save()
            return
        if self.session.finished:
            self.show_debrief()
            return
        if self.world.phase is not self.phase:
            self.next_phase()
            return
        if incidents.awaiting(self.world):
            self.rebuild()
            self.show_event()
            return
        self.rebuild()

    def show_event(self) -> None:
        from simulator.scenes.event import EventDialog

        self.ctx.stack.push(EventDialog(self.ctx, self), on_result=self._event_answered)

    def _event_answered(self, action: Action | None) -> None:
        if action is None:
            return
        self.act(action)
        if not isinstance(action, RespondToEvent) or self.ctx.stack.top is not self:
            return
        event = self.world.events[action.event]
        if incidents.follow_ups(event, self.world):
            from simulator.scenes.event import FollowUpDialog

            self.ctx.stack.push(FollowUpDialog(self.ctx, self, event),
                                on_result=lambda _: self.after_action())

    def after_shown(self) -> None:
        """Once the phase is on screen, the day's checkpoint is noted when due and the next
        screen's code is loaded (see :meth:`Scene.after_shown`)."""
        self.session.checkpoint_if_due()
        if not self._next_loaded:
            self._next_loaded = True
            from simulator.scenes.phases import load_next

            load_next(self.session)

    def update(self, dt: float) -> None:
        """Feedback marked for rewriting is written; an event that is waiting (one that fired
        as the phase began, or on a resumed day) is put in front of the trainee as soon as
        this scene is on top."""
        box = self.feedback_box
        if self._feedback_stale and box is not None and box.alive():
            box.set_text(self.feedback_markup())
        self._feedback_stale = False
        on_top = self.ctx.stack.top is self and self.world.phase is self.phase
        if on_top and self.session.save_problem is not None:
            self.ask_about_save()  # the day could not be saved (its start, a checkpoint)
        elif on_top and incidents.awaiting(self.world):
            self.show_event()

    def next_change(self) -> float | None:
        """Feedback marked for rewriting, a failed save or an event waiting to be shown,
        appears at the next update."""
        on_top = self.ctx.stack.top is self and self.world.phase is self.phase
        waiting = self.session.save_problem is not None or incidents.awaiting(self.world)
        if self._feedback_stale or (on_top and waiting):
            return 0.0
        return None

    # --- input and drawing ----------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> bool:
        if self.guide.handle(event):  # Esc and Enter close an open note first
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_F1):
            self.open_pause()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F2 and self.session.hints:
            self.open_mistakes()
            return True
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        with self.layout_held():
            header = self.header_rect()
            pygame.draw.rect(surface, palette.PANEL, header)
            pygame.draw.line(surface, palette.PANEL_LINE, header.bottomleft, header.bottomright, 2)
            self.draw_stage(surface)
            self.draw_feedback_icon(surface)

    def draw_stage(self, surface: pygame.Surface) -> None:
        """The scene's picture under its widgets; the base draws a plain panel."""
        pygame.draw.rect(surface, palette.WALL, self.stage_rect(), border_radius=8)

    def draw_feedback_icon(self, surface: pygame.Surface) -> None:
        """A shape beside the feedback, so its meaning never rests on colour alone."""
        if self.session.last_action is None:
            return
        rect = self.feedback_rect()
        size = self.ctx.px(18)
        centre = (rect.left + self.ctx.px(18), rect.top + size)
        if not self.session.hints:
            return
        if self.session.latest:
            x, y = centre
            points = [
                (x, y - size // 2),
                (x + size // 2, y + size // 2),
                (x - size // 2, y + size // 2),
            ]
            pygame.draw.polygon(surface, palette.DANGER, points)
        else:
            pygame.draw.circle(surface, palette.OK, centre, size // 2)
