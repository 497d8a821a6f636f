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
from simulator.core.actions import Action, RespondToEvent
from simulator.core.phases import incidents
from simulator.core.state import EventState
from simulator.presenter.cases import event_case
from simulator.presenter.labels import action_label, param_text
from simulator.scenes.dialog import CardDialog


class EventDialog(CardDialog):
    card_size = (720, 420)

    def __init__(self, ctx: AppContext, phase_scene: Scene) -> None:
        super().__init__(ctx)
        self.phase_scene = phase_scene

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

    def narration(self, event: EventState) -> str:
        """What happened, then what the engine found it to be about (the ballot, the cell)."""
        world, cat = self.phase_scene.world, self.ctx.cat  # type: ignore[attr-defined]
        said = escape(cat(f"event.{event.kind}.narration"))
        about = event_case(event, world, cat)
        return f"{said}<br><br><b>{escape(about)}</b>" if about else said

    def build(self) -> None:
        """Laid out top to bottom as tall as pygame_gui makes each part, then the card is
        placed round them in the middle of the screen; when the screen is too short, the
        narration scrolls and the answers keep their room."""
        self._box = None
        event = self.event_shown()
        if event is None:
            return
        cat, px = self.ctx.cat, self.ctx.px
        bw = self.card_width()
        pad_x, pad_y = px(20), px(18)
        left, width = (self.ctx.size[0] - bw) // 2 + pad_x, bw - 2 * pad_x
        y = 0
        y += layout.heading(self.ui, self.ctx, left, y, width, cat(f"event.{event.kind}.title"))
        y += px(8)
        narration = self.ui.text(pygame.Rect(left, y, width, -1), self.narration(event))
        narration_top = y
        y += narration.rect.height + px(8)
        font = layout.theme_font(self.ctx, "label", "@muted")
        for line in layout.wrap_lines(font, cat("shell.event.question"), width):
            self.ui.label(pygame.Rect(left, y, width, self.ctx.line(15)), line, style="@muted")
            y += self.ctx.line(15)
        y += px(6)
        for text, action in self.answers(event):
            button = layout.button(
                self.ui,
                self.ctx,
                pygame.Rect(left, y, width, px(42)),
                text,
                lambda a=action: self.close(a),
                action=action,
            )
            y += button.rect.height + px(6)
        content = y - px(6)
        if content > self.room(pad_y):  # the narration gives way, and scrolls
            keep = max(px(60), narration.rect.height - (content - self.room(pad_y)))
            moved = narration.rect.height - keep
            narration.set_dimensions((width, keep))
            below = [e for e in self.ui.elements if e.get_relative_rect().top > narration_top]
            layout.shift(below, -moved)
            content -= moved
        self.place_card(content, pad_y)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_F1):
            self.phase_scene.open_pause()  # type: ignore[attr-defined]
            return True
        return super().handle(event)

    def close(self, result: RespondToEvent | None = None) -> None:
        super().close(result)


class FollowUpDialog(CardDialog):
    """After an answer to an event that leaves duties: what else the crew does now — record it
    in the C.Kejadian Khusus form, tell the TPS supervisor — or go on. The same offers follow
    any answer (offers only after the right one would give it away); each one taken is done at
    once, through the phase screen, and the card shows what is left. Esc (or Lanjutkan) goes
    on; what was left undone is judged when the phase ends."""

    card_size = (680, 320)

    def __init__(self, ctx: AppContext, phase_scene: Scene, event: EventState) -> None:
        super().__init__(ctx)
        self.phase_scene = phase_scene
        self.event = event

    def offers(self) -> list[Action]:
        return incidents.follow_ups(self.event, self.phase_scene.world)  # type: ignore[attr-defined]

    def build(self) -> None:
        self._box = None
        world, cat, px = self.phase_scene.world, self.ctx.cat, self.ctx.px  # type: ignore[attr-defined]
        bw = self.card_width()
        pad_x, pad_y = px(20), px(18)
        left, width = (self.ctx.size[0] - bw) // 2 + pad_x, bw - 2 * pad_x
        y = layout.heading(self.ui, self.ctx, left, 0, width,
                           cat(f"event.{self.event.kind}.title")) + px(8)
        answer = param_text("respond", "response", self.event.response, world, cat)
        said = cat("shell.event.answered", response=answer)
        y += layout.words(self.ui, self.ctx, left, y, width, said) + px(6)
        offers = self.offers()
        question = cat("shell.event.follow_up" if offers else "shell.event.follow_up_done")
        font = layout.theme_font(self.ctx, "label", "@muted")
        for line in layout.wrap_lines(font, question, width):
            self.ui.label(pygame.Rect(left, y, width, self.ctx.line(15)), line, style="@muted")
            y += self.ctx.line(15)
        y += px(8)
        for action in offers:
            button = layout.button(self.ui, self.ctx, pygame.Rect(left, y, width, px(42)),
                                   action_label(action, world, cat),
                                   lambda a=action: self.take(a), action=action)
            y += button.rect.height + px(6)
        go_on = layout.button(self.ui, self.ctx, pygame.Rect(left, y, width, px(42)),
                              cat("shell.event.go_on"), self.close)
        y += go_on.rect.height
        if not offers:
            self.ui.set_focus(go_on)
        self.place_card(y, pad_y)

    def take(self, action: Action) -> None:
        """Done at once; the card stays, with what is left (a second key press by momentum
        lands on the next offer or on Lanjutkan, never on something already done)."""
        self.phase_scene.act_follow_up(action)  # type: ignore[attr-defined]
        if self.ctx.stack.top is self:
            self.rebuild()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)
