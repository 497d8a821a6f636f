"""The pause menu: back to the day, help for this phase (its rules, from the engine's own
catalogue), settings, or back to the start screen (the day is saved and can be resumed)."""

from __future__ import annotations

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.play import PlaySession
from simulator.app.scene import Scene
from simulator.app.widgets import escape
from simulator.core.catalogue import RULES
from simulator.presenter import rule_title


class PauseScene(Scene):
    overlay = True

    def __init__(self, ctx: AppContext, session: PlaySession) -> None:
        super().__init__(ctx)
        self.session = session

    def box(self) -> pygame.Rect:
        w, h = self.ctx.size
        return pygame.Rect(
            self.ctx.px(60), self.ctx.px(40), w - self.ctx.px(120), h - self.ctx.px(80)
        )

    def build(self) -> None:
        cat, px, box = self.ctx.cat, self.ctx.px, self.box()
        inner = box.inflate(-px(40), -px(40))
        self.ui.label(
            pygame.Rect(inner.left, inner.top, inner.width, self.ctx.line(30)),
            cat("shell.pause.title"),
            style="@title",
        )
        top = inner.top + self.ctx.line(30) + px(4)
        y = top
        buttons = [
            (cat("shell.pause.resume"), self.close, pygame.K_k, "@strong"),
            (cat("shell.start.settings"), self.open_settings, pygame.K_s, None),
            (cat("shell.pause.menu"), self.to_menu, pygame.K_m, None),
        ]
        # The buttons' column: as wide as their words, up to two fifths of the card.
        widest = max(layout.button_width(self.ctx, t, k, s) for t, _, k, s in buttons)
        column = min(inner.width * 2 // 5, max(px(300), widest))
        first = None
        for text, callback, key, style in buttons:
            button = layout.button(
                self.ui,
                self.ctx,
                pygame.Rect(inner.left, y, column, self.ctx.row_h(48, 16)),
                text,
                callback,
                key=key,
                style=style,
            )
            first = first or button
            y += button.rect.height + px(10)
        self.ui.text(  # the keys, as tall as the card allows: never a scroll bar to read them
            pygame.Rect(inner.left, y + px(8), column, max(px(140), inner.bottom - y - px(8))),
            escape(cat("shell.pause.keys")),
            style="@feedback",
        )
        help_rect = pygame.Rect(
            inner.left + column + px(24),
            top,
            inner.width - column - px(24),
            inner.bottom - top,
        )
        self.ui.text(help_rect, self.help_markup())
        if first is not None:
            self.ui.set_focus(first)

    def help_markup(self) -> str:
        """The current phase's rules: title, what to do instead, and where it is written."""
        cat = self.ctx.cat
        phase = self.session.sim.world.phase
        election = self.session.sim.world.scenario.election
        if phase is None:
            return ""
        lines = [
            f"<b>{escape(cat('shell.pause.help', phase=cat(f'phase.{phase.value}')))}</b>",
            escape(cat(f"shell.intro.{phase.value}")),
            "",
        ]
        for rule in RULES:
            if rule.phase is not phase:
                continue
            severity = cat(f"severity.{rule.severity.value}")
            lines.append(f"<b>{escape(rule_title(rule, cat))}</b> ({escape(severity)})")
            lines.append(escape(cat(rule.key("explanation"))))
            lines.append(f"<i>{escape(rule.basis(election))}</i>")
            lines.append("")
        return "<br>".join(lines)

    def open_settings(self) -> None:
        from simulator.scenes.settings import SettingsScene

        self.ctx.stack.push(SettingsScene(self.ctx))

    def to_menu(self) -> None:
        from simulator.scenes.start import StartScene

        self.ctx.stack.replace(StartScene(self.ctx))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_F1):
            self.close()
            return True
        return super().handle(event)
