"""Settings: text size, window mode and size, sound, language. Each change applies at once
and is saved."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.app import layout
from simulator.app.scene import Scene
from simulator.app.settings import WINDOW_SIZES
from simulator.app.theme import TEXT_SIZES
from simulator.art.fonts import text_size
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
                "projector",
                [
                    (
                        cat("shell.settings.off"),
                        not settings.projector,
                        lambda: self.change(projector=False),
                    ),
                    (
                        cat("shell.settings.on"),
                        settings.projector,
                        lambda: self.change(projector=True),
                    ),
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
        ctx = self.ctx
        y = px(30) + ctx.line(30) + px(16)
        heading = layout.theme_font(ctx, "label", "@heading")
        label_w = max(px(300), *(
            text_size(heading, cat(f"shell.settings.{name}.label"))[0] + px(16) for name, _ in rows
        ))
        row_h = ctx.row_h(46, 16)
        first = None
        for name, options in rows:
            self.ui.label(
                pygame.Rect(px(60), y + (row_h - ctx.line(19)) // 2, label_w, ctx.line(19)),
                cat(f"shell.settings.{name}.label"),
                style="@heading",
            )
            # Each option as wide as the row's widest words (marked, in the bold they take
            # when chosen).
            option_w = max(px(220), *(
                layout.button_width(ctx, "• " + text, style="@strong") for text, _, _ in options
            ))
            for index, (text, current, callback) in enumerate(options):
                marker = "• " if current else ""
                button = self.ui.button(
                    pygame.Rect(
                        px(60) + label_w + index * (option_w + px(12)), y, option_w, row_h
                    ),
                    marker + text,
                    callback,
                    style="@strong" if current else None,
                )
                first = first or button
            y += max(px(70), row_h + px(20))
        y += layout.words(self.ui, ctx, px(60), y, w - px(120), cat("shell.settings.saved"),
                          "@note")
        back = self.ui.button(
            pygame.Rect(px(60), y + px(20),
                        max(px(260), layout.button_width(ctx, cat("shell.common.back"),
                                                         pygame.K_b)),
                        ctx.row_h(48, 16)),
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
