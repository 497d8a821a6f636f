"""Latihan's running list of this phase's mistakes: each rule broken so far, explained once,
with every case on its own line and the right answer for it. Ujian never shows it (a count of
mistakes would itself be a hint)."""

from __future__ import annotations

import pygame

from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.presenter.debrief import group_by_rule

CLOSE_KEYS = (pygame.K_ESCAPE, pygame.K_F2, pygame.K_RETURN, pygame.K_KP_ENTER)


class MistakesOverlay(Scene):
    overlay = True

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx)
        self.session = session

    def box(self) -> pygame.Rect:
        w, h = self.ctx.size
        px = self.ctx.px
        return pygame.Rect(px(80), px(50), w - px(160), h - px(100))

    def build(self) -> None:
        cat, px, box = self.ctx.cat, self.ctx.px, self.box()
        inner = box.inflate(-px(40), -px(36))
        world = self.session.sim.world
        phase = world.phase
        self.ui.label(
            pygame.Rect(inner.left, inner.top, inner.width, self.ctx.line(19)),
            cat("shell.mistakes.title", phase=cat(f"phase.{phase.value}") if phase else ""),
            style="@heading",
        )
        top = inner.top + self.ctx.line(19) + px(8)
        button_h = px(44)
        self.ui.text(
            pygame.Rect(inner.left, top, inner.width, inner.bottom - top - button_h - px(12)),
            self.markup(),
        )
        back = self.ui.button(
            pygame.Rect(inner.left, inner.bottom - button_h, px(300), button_h),
            cat("shell.mistakes.back"),
            self.close,
            style="@strong",
        )
        self.ui.set_focus(back)

    def markup(self) -> str:
        cat = self.ctx.cat
        sim = self.session.sim
        own = [f for f in sim.findings if f.phase is sim.world.phase]
        if not own:
            return escape(cat("shell.mistakes.none"))
        lines: list[str] = []
        for group in group_by_rule(own, sim.world, cat):
            first = group.first
            lines.append(f"<b>{escape(first.severity)} · {escape(first.title)}</b>")
            lines.append(escape(first.explanation))
            for instance in group.instances:
                case = " — ".join(t for t in (instance.case, instance.right) if t)
                lines.append(f"• {escape(instance.time)} {escape(case)}".rstrip())
            lines.append("")
        return "<br>".join(lines)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in CLOSE_KEYS:
            self.close()
            return True
        return super().handle(event)
