"""The scenario's guide ("Panduan"): notes its author wrote to explain a phase as it is played,
for a first-timer (``guide:`` in the scenario file).

A note opens on a calm card at the foot of the stage when it becomes due: at the phase's start,
after the trainee's first action of a kind in the phase, or once the clock reaches a time. The
card is not a dialog: the phase goes on under it, every key and click that does not belong to
the card does what it always does. Esc or Enter (or its "Tutup" button) closes it; F4 (or the
header's "Panduan" button) opens the latest note again, and closes it.

Which notes have been shown is presentation state, held here and nowhere else: it is never
logged, never saved, never read by the engine, and a replay is the same with or without it.
When a note is due is worked out from what the screen already has (the action log and the
clock), so a resumed day shows the phase's notes again from the first one due.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import UIPanel

from simulator.app import layout
from simulator.app.widgets import escape
from simulator.art.fonts import text_size
from simulator.core.actions import EndPhase
from simulator.core.engine import LoggedAction
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import GuideNote
from simulator.schema.types import Phase

if TYPE_CHECKING:
    from simulator.scenes.phase import PhaseScene

#: the key that opens the latest note again (F1 pauses, F2 lists the mistakes, F3 searches)
GUIDE_KEY = pygame.K_F4
CLOSE_KEYS = frozenset({pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER})
#: design units: the card's inner margins and its gap from the stage's edges
PAD = 14
GAP = 8
#: letters of a line of the note, at most (as wide as this many "n"s)
READ_LETTERS = 72


def phase_notes(guide: Sequence[GuideNote], phase: Phase | None) -> list[GuideNote]:
    """The notes of ``phase``, in the order the author wrote them."""
    return [note for note in guide if note.phase is phase]


def kinds_this_phase(log: Sequence[LoggedAction]) -> set[str]:
    """The kinds of action taken since the current phase began (each phase but the last
    ends with an ``end_phase`` in the log)."""
    start = next(
        (i + 1 for i in range(len(log) - 1, -1, -1) if isinstance(log[i].action, EndPhase)), 0
    )
    return {entry.action.kind for entry in log[start:]}


def is_due(note: GuideNote, kinds: set[str], clock: int) -> bool:
    """Whether ``note`` may be shown now: at once, after its action, or from its time."""
    if note.after is not None:
        return note.after in kinds
    if note.at is not None:
        return clock >= to_minutes(note.at)
    return True


@dataclass
class GuideState:
    """Which of a phase's notes have been shown (by their place in the phase's list, in the
    order shown), which one is on the card (None: the card is closed), and which came due
    together with it and wait for it to be closed."""

    shown: list[int] = field(default_factory=list)
    current: int | None = None
    queued: set[int] = field(default_factory=set)

    def next_note(self, due: Sequence[bool]) -> int | None:
        """The note to put on the card now, if any: with the card closed, the first due that
        was never shown; with a note open, one that came due since it opened (the newer note
        is about what just happened), never one that waits for the open one to be read."""
        fresh = [i for i, ready in enumerate(due) if ready and i not in self.shown]
        if self.current is not None:
            fresh = [i for i in fresh if i not in self.queued]
        return fresh[0] if fresh else None

    def notice(self, due: Sequence[bool]) -> bool:
        """Put :meth:`next_note` on the card; True when the card changed."""
        note = self.next_note(due)
        if note is None:
            return False
        self.shown.append(note)
        self.current = note
        self.queued = {i for i, ready in enumerate(due) if ready and i not in self.shown}
        return True

    def close(self) -> None:
        self.current = None

    def toggle(self) -> bool:
        """Close the open note, or open the latest one shown; False when there is none."""
        if self.current is not None:
            self.current = None
            return True
        if not self.shown:
            return False
        self.current = self.shown[-1]
        return True


class Guide:
    """The guide of one phase screen: when its notes are due, the card and its keys."""

    def __init__(self, scene: PhaseScene) -> None:
        self.scene = scene
        session = scene.session
        # A recorded day in the replay viewer shows what the trainee did: no notes pop up
        # as its steps are stepped through.
        shown = not session.read_only
        self.notes = phase_notes(scene.world.scenario.guide, scene.phase) if shown else []
        self.state = GuideState()
        self.card: pygame.Rect | None = None  # where the last build put the card
        self._kinds: tuple[int, set[str]] = (-1, set())  # (log length, kinds this phase)

    @property
    def is_open(self) -> bool:
        return self.state.current is not None

    @property
    def has_shown(self) -> bool:
        return bool(self.state.shown)

    def due(self) -> list[bool]:
        world = self.scene.world
        if not self.notes or world.phase is not self.scene.phase:
            return [False] * len(self.notes)
        kinds = self.kinds_taken()
        return [is_due(note, kinds, world.clock) for note in self.notes]

    def kinds_taken(self) -> set[str]:
        """The kinds of action taken this phase, worked out once per action (asked at every
        build, and after every ruling of a count)."""
        log = self.scene.session.sim.log
        if self._kinds[0] != len(log):
            waits = any(note.after is not None for note in self.notes)
            self._kinds = (len(log), kinds_this_phase(log) if waits else set())
        return self._kinds[1]

    def waiting(self) -> bool:
        """Whether a note is to be put on the card (the screen must be built again)."""
        return self.state.next_note(self.due()) is not None

    def notice(self) -> bool:
        return self.state.notice(self.due())

    def current_text(self) -> str | None:
        index = self.state.current
        if index is None:
            return None
        return self.notes[index].text.get(self.scene.ctx.settings.lang)

    # --- acting on it -----------------------------------------------------------------------

    def close(self) -> None:
        self.state.close()
        self.state.notice(self.due())  # a note due at the same time comes next
        self.scene.rebuild()

    def toggle(self) -> None:
        if self.state.toggle():
            self.scene.rebuild()

    def handle(self, event: pygame.event.Event) -> bool:
        """Esc and Enter close an open note; F4 closes it or opens the latest again. Every
        other key is the phase's own."""
        if event.type != pygame.KEYDOWN:
            return False
        if event.key == GUIDE_KEY and self.has_shown:
            self.toggle()
            return True
        if event.key in CLOSE_KEYS and self.is_open and not self.scene.ui.typing():
            self.close()
            return True
        return False

    # --- building ---------------------------------------------------------------------------

    def header_label(self) -> str | None:
        """The header button's words, once a note has been shown (None before)."""
        return self.scene.ctx.cat("shell.guide.open") if self.has_shown else None

    def build_card(self) -> None:
        """The open note at the foot of the stage, as wide as the stage and as tall as its
        words: the heading and the close button on one row, the note below. Made last and
        lifted above the stage's own layers, so nothing of the stage is drawn over it."""
        self.card = None
        text = self.current_text()
        if text is None:
            return
        scene, ctx = self.scene, self.scene.ctx
        px, cat = ctx.px, ctx.cat
        stage = scene.stage_rect()
        font = layout.theme_font(ctx, "text_box", "@plain")
        width = stage.width - 2 * px(GAP)  # the whole width: no control is half covered
        inner = width - 2 * px(PAD)
        # Lines of about 70 letters at most: a long line is hard to follow back to the next.
        column = min(inner, text_size(font, "n" * READ_LETTERS)[0])
        close_words = cat("shell.guide.close")
        close_w = layout.button_width(ctx, close_words) + px(8)
        button_h = layout.button_height(ctx, close_words, close_w, least=ctx.row_h(36))
        heading_h = max(button_h, ctx.line(19))
        # Measured a little narrower than the box: pygame_gui's own wrapping never needs a
        # line more than this, so the note never scrolls.
        lines = len(layout.wrap_lines(font, text, column - px(8)))
        body_h = layout.text_height(ctx, lines, "@plain")
        height = 2 * px(PAD) + heading_h + px(6) + body_h
        height = min(height, stage.height - 2 * px(GAP))
        card = pygame.Rect(stage.left + px(GAP), stage.bottom - px(GAP) - height, width, height)
        panel = scene.ui.panel(card, style="@guide")
        left, top = px(PAD), px(PAD)
        heading = scene.ui.label(
            pygame.Rect(left, top, inner - close_w - px(12), heading_h),
            cat("shell.guide.title"),
            style="@heading",
            container=panel,
        )
        close = scene.ui.button(
            pygame.Rect(left + inner - close_w, top, close_w, button_h),
            close_words,
            self.close,
            focusable=False,
            container=panel,
        )
        body_top = top + heading_h + px(6)
        body = scene.ui.text(
            pygame.Rect(left, body_top, column, body_h),
            escape(text),
            style="@plain",
            container=panel,
        )
        self.card = card
        self.lift(panel, [heading, close, body])

    def lift(self, panel: UIPanel, inside: Sequence[UIElement]) -> None:
        """Above every layer on screen (a scrolling list of the stage sits on high layers of
        its own, and would be drawn over a card at the default layer), what it holds above
        it."""
        sprites = self.scene.ui.manager.get_sprite_group().sprites()
        others = [s for s in sprites if not _inside(s, panel)]
        top = max((s.get_top_layer() for s in others if hasattr(s, "get_top_layer")), default=0)
        if panel.layer <= top:
            panel.change_layer(top + 1)
        for element in inside:
            if element.layer <= panel.get_top_layer():
                element.change_layer(panel.get_top_layer() + 1)


def _inside(sprite: object, panel: UIPanel) -> bool:
    """Whether ``sprite`` is ``panel`` or lies within it (a child of its container)."""
    for _ in range(16):
        if sprite is None:
            return False
        if sprite is panel or sprite is panel.panel_container:
            return True
        sprite = getattr(sprite, "ui_container", None) or getattr(sprite, "parent_element", None)
    return False
