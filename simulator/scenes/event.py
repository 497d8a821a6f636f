"""Something happens that needs an answer: an objection, intimidation, a colleague's proposal.
The dialog narrates it and offers the responses the engine allows; it never says which is
right (the engine judges the answer)."""

from __future__ import annotations

import pygame

from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.core.actions import RespondToEvent
from simulator.core.phases import incidents
from simulator.presenter.cases import event_case
from simulator.presenter.labels import param_text

SHORTCUTS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6)


class EventDialog(Scene):
    overlay = True

    def __init__(self, ctx: AppContext, phase_scene: Scene) -> None:
        super().__init__(ctx)
        self.phase_scene = phase_scene

    def box(self) -> pygame.Rect:
        w, h = self.ctx.size
        bw, bh = self.ctx.px(720), self.ctx.px(420)
        return pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)

    def build(self) -> None:
        world = self.phase_scene.world  # type: ignore[attr-defined]
        waiting = incidents.awaiting(world)
        if not waiting:
            return
        event = waiting[0]
        cat, px, box = self.ctx.cat, self.ctx.px, self.box()
        inner = box.inflate(-px(40), -px(36))
        self.ui.label(
            pygame.Rect(inner.left, inner.top, inner.width, px(34)),
            cat(f"event.{event.kind}.title"),
            style="@heading",
        )
        # The narration, then what the engine found it to be about (the ballot, the cell).
        about = event_case(event, world, cat)
        narration = escape(cat(f"event.{event.kind}.narration"))
        if about:
            narration += f"<br><br><b>{escape(about)}</b>"
        self.ui.text(
            pygame.Rect(inner.left, inner.top + px(42), inner.width, px(150)),
            narration,
        )
        self.ui.label(
            pygame.Rect(inner.left, inner.top + px(200), inner.width, px(28)),
            cat("shell.event.question"),
            style="@muted",
        )
        # In the order of their words: the engine lists the right answer first, and a dialog
        # that did the same would give it away (and put it under the key "1").
        answers = sorted(
            (a for a in incidents.allowed(world) if a.event == event.index),
            key=lambda a: param_text("respond", "response", a.response, world, cat),
        )
        top = inner.top + px(232)
        row = px(42)
        first = None
        for index, action in enumerate(answers):
            text = param_text("respond", "response", action.response, world, cat)
            button = self.ui.button(
                pygame.Rect(inner.left, top + index * (row + px(6)), inner.width, row),
                text,
                lambda a=action: self.close(a),
                key=SHORTCUTS[index] if index < len(SHORTCUTS) else None,
                action=action,
            )
            first = first or button
        if first is not None:
            self.ui.set_focus(first)

    def close(self, result: RespondToEvent | None = None) -> None:
        super().close(result)
