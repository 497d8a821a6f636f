"""Something happens that needs an answer: an objection, intimidation, a colleague's proposal.
The dialog narrates it and offers the responses the engine allows; it never says which is
right (the engine judges the answer).

An answer costs points when it is wrong, so none is taken by a single key: the focus starts on
no answer (on the first one it would be a hint, or a stray Enter's choice), Tab or the arrows
reach one and Enter gives it. Esc opens the pause menu with the phase's rules; the event
waits."""

from __future__ import annotations

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.art.fonts import text_size
from simulator.core.actions import RespondToEvent
from simulator.core.phases import incidents
from simulator.core.state import EventState
from simulator.presenter.cases import event_case
from simulator.presenter.labels import param_text


class EventDialog(Scene):
    overlay = True

    def __init__(self, ctx: AppContext, phase_scene: Scene) -> None:
        super().__init__(ctx)
        self.phase_scene = phase_scene

    def box(self) -> pygame.Rect:
        """As tall as the event's words and answers need at the player's text size (up to
        the screen's height), centred."""
        w, h = self.ctx.size
        px = self.ctx.px
        bw = min(px(720), w - px(40))
        needed = self.content_h(bw - px(40)) + px(36) if self.event_shown() else px(420)
        bh = max(px(300), min(needed, h - px(40)))
        return pygame.Rect((w - bw) // 2, (h - bh) // 2, bw, bh)

    def event_shown(self) -> EventState | None:
        waiting = incidents.awaiting(self.phase_scene.world)  # type: ignore[attr-defined]
        return waiting[0] if waiting else None

    def answers(self, event: EventState) -> list[tuple[str, RespondToEvent]]:
        """The responses allowed, in the order of their words: the engine lists the right
        answer first, and a dialog that did the same would give it away (and put it under
        the key "1")."""
        world, cat = self.phase_scene.world, self.ctx.cat  # type: ignore[attr-defined]
        shown = [
            (param_text("respond", "response", a.response, world, cat), a)
            for a in incidents.allowed(world)
            if isinstance(a, RespondToEvent) and a.event == event.index
        ]
        return sorted(shown, key=lambda pair: pair[0])

    def narration(self, event: EventState) -> tuple[str, list[str]]:
        """The narration's markup, then its paragraphs as plain words (to measure): what
        happened, then what the engine found it to be about (the ballot, the cell)."""
        world, cat = self.phase_scene.world, self.ctx.cat  # type: ignore[attr-defined]
        said = cat(f"event.{event.kind}.narration")
        about = event_case(event, world, cat)
        if not about:
            return escape(said), [said]
        return f"{escape(said)}<br><br><b>{escape(about)}</b>", [said, "", about]

    def narration_h(self, event: EventState, width: int) -> int:
        font = layout.theme_font(self.ctx, "text_box")
        room = width - self.ctx.px(16)  # the text box's own padding
        _, paragraphs = self.narration(event)
        lines = sum(max(1, len(layout.wrap_lines(font, p, room))) for p in paragraphs)
        return layout.text_height(self.ctx, lines) + self.ctx.px(8)

    def question_h(self, width: int) -> int:
        font = layout.theme_font(self.ctx, "label", "@muted")
        lines = layout.wrap_lines(font, self.ctx.cat("shell.event.question"), width)
        return len(lines) * self.ctx.line(15)

    def heading_h(self, event: EventState, width: int) -> int:
        font = layout.theme_font(self.ctx, "label", "@heading")
        title = self.ctx.cat(f"event.{event.kind}.title")
        if text_size(font, title)[0] <= width:
            return self.ctx.line(19)
        return layout.text_height(self.ctx, len(layout.wrap_lines(font, title, width)))

    def answers_h(self, event: EventState, width: int) -> int:
        px = self.ctx.px
        heights = [
            layout.button_height(self.ctx, text, width, least=px(42))
            for text, _ in self.answers(event)
        ]
        return sum(heights) + px(6) * len(heights)

    def content_h(self, width: int) -> int:
        event = self.event_shown()
        if event is None:
            return 0
        px = self.ctx.px
        return (
            self.heading_h(event, width)
            + px(8)
            + self.narration_h(event, width)
            + px(8)
            + self.question_h(width)
            + px(6)
            + self.answers_h(event, width)
        )

    def build(self) -> None:
        event = self.event_shown()
        if event is None:
            return
        cat, px, box = self.ctx.cat, self.ctx.px, self.box()
        inner = box.inflate(-px(40), -px(36))
        y = inner.top
        y += layout.heading(
            self.ui, self.ctx, inner.left, y, inner.width, cat(f"event.{event.kind}.title")
        ) + px(8)
        # The answers and the question keep their room; the narration takes what is left
        # (it scrolls only when the screen is too short for all of it).
        below = px(8) + self.question_h(inner.width) + px(6) + self.answers_h(event, inner.width)
        narration_h = min(self.narration_h(event, inner.width), inner.bottom - y - below)
        markup, _ = self.narration(event)
        self.ui.text(pygame.Rect(inner.left, y, inner.width, max(px(60), narration_h)), markup)
        y += max(px(60), narration_h) + px(8)
        font = layout.theme_font(self.ctx, "label", "@muted")
        for line in layout.wrap_lines(font, cat("shell.event.question"), inner.width):
            self.ui.label(
                pygame.Rect(inner.left, y, inner.width, self.ctx.line(15)), line, style="@muted"
            )
            y += self.ctx.line(15)
        y += px(6)
        for text, action in self.answers(event):
            button = layout.button(
                self.ui,
                self.ctx,
                pygame.Rect(inner.left, y, inner.width, px(42)),
                text,
                lambda a=action: self.close(a),
                action=action,
            )
            y += button.rect.height + px(6)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_F1):
            self.phase_scene.open_pause()  # type: ignore[attr-defined]
            return True
        return super().handle(event)

    def close(self, result: RespondToEvent | None = None) -> None:
        super().close(result)
