"""The start screen: who is playing, and where to go (scenarios, settings, language)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from simulator.app import layout
from simulator.app.context import AppContext
from simulator.app.scene import Scene
from simulator.app.widgets import escape


class StartScene(Scene):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._backdrop: pygame.Surface | None = None
        self._frames_shown = 0

    def build(self) -> None:
        ctx, cat, px = self.ctx, self.ctx.cat, self.ctx.px
        self._choose_profile_if_needed()
        left = px(80)
        column = int(ctx.size[0] * 0.5) - left - px(20)  # the picture takes the right half
        y = px(56)
        self.ui.label(
            pygame.Rect(left, y, column, self.ctx.line(30)), cat("app.name"), style="@title"
        )
        y += self.ctx.line(30)
        y += self._words(left, y, column, cat("app.tagline"), "@note") + px(14)
        profile = ctx.profile.name if ctx.profile else cat("shell.start.no_profile")
        y += layout.heading(
            self.ui, ctx, left, y, column, cat("shell.start.profile", name=profile)
        ) + px(8)
        buttons: list[tuple[str, object, int, str | None]] = []
        resumable = self._resumable()
        if resumable:
            buttons.append((cat("shell.start.resume"), self.resume, pygame.K_r, "@strong"))
        buttons += [
            (
                cat("shell.start.play"),
                self.open_picker,
                pygame.K_p,
                None if resumable else "@strong",
            ),
            (cat("shell.start.plans"), self.open_plans, pygame.K_b, None),
            (cat("shell.start.quiz"), self.open_quiz, pygame.K_k, None),
            (cat("shell.start.demos"), self.open_demos, pygame.K_d, None),
            (cat("shell.start.profiles"), self.open_profiles, pygame.K_g, None),
            (cat("shell.start.settings"), self.open_settings, pygame.K_s, None),
            (cat("shell.start.language"), self.toggle_language, pygame.K_l, None),
            (cat("shell.start.quit"), self.quit, pygame.K_q, None),
        ]
        widest = max(layout.button_width(ctx, text, key, style) for text, _, key, style in buttons)
        width = min(column, max(px(420), widest))
        height = self.ctx.row_h(50, 16)
        # The gaps give way before the buttons leave the window.
        room = ctx.size[1] - px(16) - y - len(buttons) * height
        gap = max(px(4), min(px(12), room // max(1, len(buttons) - 1)))
        first = None
        for text, callback, key, style in buttons:
            button = layout.button(
                self.ui,
                ctx,
                pygame.Rect(left, y, width, height),
                text,
                callback,  # type: ignore[arg-type]
                key=key,
                style=style,
            )
            first = first or button
            y += button.rect.height + gap
        if ctx.notices:
            notice = "<br>".join(escape(n) for n in ctx.notices)
            bottom = max(y + px(60), ctx.size[1] - px(12))
            self.ui.text(pygame.Rect(left, y + px(4), column, bottom - y - px(4)), notice)
        if first is not None:
            self.ui.set_focus(first)

    def _words(self, left: int, top: int, width: int, text: str, style: str) -> int:
        """Wrapped words on the background at (``left``, ``top``); their height."""
        font = layout.theme_font(self.ctx, "text_box", style)
        height = layout.text_height(self.ctx, len(layout.wrap_lines(font, text, width)), style)
        self.ui.text(pygame.Rect(left, top, width, height), escape(text), style=style)
        return height

    def _choose_profile_if_needed(self) -> None:
        store = self.ctx.store
        if store is None or self.ctx.profile is not None:
            return
        last = store.setting("last_profile")
        for profile in store.profiles():
            if str(profile.id) == last:
                self.ctx.profile = profile

    def _resumable(self) -> bool:
        store, profile = self.ctx.store, self.ctx.profile
        return bool(store and profile and store.unfinished_runs(profile.id))

    # --- where to go ----------------------------------------------------------------------

    def open_picker(self) -> None:
        if self.ctx.profile is None and self.ctx.store is not None:
            self.open_profiles(then=self.open_picker)
            return
        from simulator.scenes.picker import PickerScene

        self.ctx.stack.push(PickerScene(self.ctx))

    def open_plans(self) -> None:
        """The bimtek class: the trainee's results are kept, so a profile comes first."""
        if self.ctx.profile is None and self.ctx.store is not None:
            self.open_profiles(then=self.open_plans)
            return
        from simulator.scenes.plans import PlanScene

        self.ctx.stack.push(PlanScene(self.ctx))

    def open_quiz(self) -> None:
        from simulator.scenes.quiz_menu import QuizMenuScene

        self.ctx.stack.push(QuizMenuScene(self.ctx))

    def open_demos(self) -> None:
        from simulator.scenes.demos import DemoMenuScene

        self.ctx.stack.push(DemoMenuScene(self.ctx))

    def open_profiles(self, then: Callable[[], None] | None = None) -> None:
        """The profiles; ``then`` goes on once one is chosen."""
        from simulator.scenes.profiles import ProfileScene

        def chosen(picked: object) -> None:
            if picked and then is not None:
                then()

        self.ctx.stack.push(ProfileScene(self.ctx), on_result=chosen)

    def open_settings(self) -> None:
        from simulator.scenes.settings import SettingsScene

        self.ctx.stack.push(SettingsScene(self.ctx))

    def resume(self) -> None:
        from simulator.scenes.resume import ResumeScene

        self.ctx.stack.push(ResumeScene(self.ctx))

    def toggle_language(self) -> None:
        settings = self.ctx.settings
        settings.lang = "en" if settings.lang == "id" else "id"
        settings.save(self.ctx.store)
        pygame.display.set_caption(self.ctx.cat("app.name"))
        self.ctx.relayout()

    def quit(self) -> None:
        self.ctx.running = False

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return True  # the start screen is the bottom: Esc does not quit by accident
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        area = pygame.Rect(int(w * 0.5), 0, w - int(w * 0.5), h)
        self._frames_shown += 1
        if self._frames_shown == 1:
            return  # the buttons first; the picture (and the drawing code) a frame later
        if self._backdrop is None or self._backdrop.get_size() != area.size:
            self._backdrop = _backdrop(area.size)
        surface.blit(self._backdrop, area)


def _backdrop(size: tuple[int, int]) -> pygame.Surface:
    """The TPS picture on the right of the start screen (drawn once per window size)."""
    from simulator.art.things import draw_tps_backdrop  # not needed before the first frame

    return draw_tps_backdrop(size)
