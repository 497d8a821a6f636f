"""Settings: text size, window mode and size, sound, language. Each change applies at once
and is saved."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.app.scene import Scene
from simulator.app.settings import WINDOW_SIZES
from simulator.app.theme import TEXT_SIZES
from simulator.i18n import LANGUAGES


class SettingsScene(Scene):
    def build(self) -> None:
        cat, px, settings = self.ctx.cat, self.ctx.px, self.ctx.settings
        w, _ = self.ctx.size
        self.ui.label(
            pygame.Rect(px(60), px(30), px(700), self.ctx.line(30)),
            cat("shell.settings.title"),
            style="@title",
        )
        rows: list[tuple[str, list[tuple[str, bool, Callable[[], None]]]]] = [
            (
                "text_size",
                [
                    (
                        cat(f"shell.settings.text_size.{size}"),
                        settings.text_size == size,
                        lambda s=size: self.change(text_size=s),
                    )
                    for size in TEXT_SIZES
                ],
            ),
            (
                "window",
                [
                    (
                        cat("shell.settings.windowed"),
                        not settings.fullscreen,
                        lambda: self.change(fullscreen=False),
                    ),
                    (
                        cat("shell.settings.fullscreen"),
                        settings.fullscreen,
                        lambda: self.change(fullscreen=True),
                    ),
                ],
            ),
            (
                "window_size",
                [
                    (
                        f"{size[0]} × {size[1]}",
                        settings.window_size == size,
                        lambda s=size: self.change(window_size=s),
                    )
                    for size in WINDOW_SIZES
                ],
            ),
            (
                "sound",
                [
                    (
                        cat("shell.settings.off"),
                        not settings.sound,
                        lambda: self.change(sound=False),
                    ),
                    (cat("shell.settings.on"), settings.sound, lambda: self.change(sound=True)),
                ],
            ),
            (
                "language",
                [
                    (
                        cat(f"shell.settings.lang.{lang}"),
                        settings.lang == lang,
                        lambda code=lang: self.change(lang=code),
                    )
                    for lang in LANGUAGES
                ],
            ),
        ]
        y = px(100)
        label_w, option_w = px(300), px(220)
        first = None
        for name, options in rows:
            self.ui.label(
                pygame.Rect(px(60), y + px(8), label_w, self.ctx.line(19)),
                cat(f"shell.settings.{name}.label"),
                style="@heading",
            )
            for index, (text, current, callback) in enumerate(options):
                marker = "• " if current else ""
                button = self.ui.button(
                    pygame.Rect(
                        px(60) + label_w + index * (option_w + px(12)), y, option_w, px(46)
                    ),
                    marker + text,
                    callback,
                    style="@strong" if current else None,
                )
                first = first or button
            y += px(70)
        self.ui.label(
            pygame.Rect(px(60), y, w - px(120), px(30)), cat("shell.settings.saved"), style="@muted"
        )
        back = self.ui.button(
            pygame.Rect(px(60), y + px(50), px(260), px(48)),
            cat("shell.common.back"),
            self.close,
            key=pygame.K_b,
        )
        self.ui.set_focus(back)

    def change(self, **values: object) -> None:
        settings = self.ctx.settings
        display_changed = any(k in values for k in ("fullscreen", "window_size"))
        for key, value in values.items():
            setattr(settings, key, value)
        settings.save(self.ctx.store)
        if "sound" in values:
            self.ctx.sounds.set_enabled(settings.sound)
            self.ctx.sounds.play("ok")
        if "lang" in values:
            pygame.display.set_caption(self.ctx.cat("app.name"))
        if display_changed:
            self.ctx.apply_display()
        else:
            self.ctx.relayout()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.close()
            return True
        return super().handle(event)
