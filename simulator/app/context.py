"""What every scene is handed: the window, the widget manager, settings, the save store, the
player's profile and the scene stack. Passed along, never global (STYLE.md lesson 2)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from simulator.app.gui_fixes import (
    cache_theme_ids,
    draw_states_when_shown,
    json_translations_only,
)
from simulator.app.scene import SceneStack
from simulator.app.settings import Settings
from simulator.app.sound import Sounds
from simulator.app.theme import BODY_POINTS, HEADING_POINTS, build_theme, font_size, ui_scale
from simulator.i18n import Catalog, catalog
from simulator.persistence.store import Profile, SaveStore, StoreNotice

if TYPE_CHECKING:  # the library loads the engine and the content layer: not at start-up
    from simulator.app.library import ScenarioEntry
    from simulator.app.quiz_play import QuizLibrary

log = logging.getLogger(__name__)


def make_manager(size: tuple[int, int], settings: Settings) -> pygame_gui.UIManager:
    scale = ui_scale(size)
    theme = build_theme(scale, settings.shown_text_size, contrast=settings.projector)
    json_translations_only()
    manager = pygame_gui.UIManager(size, theme_path=theme, starting_language="en")
    cache_theme_ids(manager)  # every widget is built faster (see gui_fixes)
    draw_states_when_shown(manager)
    # Text boxes use bold and italic at the body size, and a wrapped heading the heading's
    # size: load them now, not mid-frame.
    body = font_size(BODY_POINTS, scale, settings.shown_text_size)
    heading = font_size(HEADING_POINTS, scale, settings.shown_text_size)
    fonts = manager.get_theme().get_font_dictionary()
    wanted = [
        {"name": "noto_sans", "point_size": size, "style": style}
        for size, style in ((body, "bold"), (body, "italic"), (heading, "regular"))
        # a heading or badge may use the body size in bold already
        if not fonts.check_font_preloaded(
            fonts.create_font_id(size, "noto_sans", style == "bold", style == "italic")
        )
    ]
    if wanted:
        manager.preload_fonts(wanted)
    return manager


@dataclass
class AppContext:
    screen: pygame.Surface
    manager: pygame_gui.UIManager
    settings: Settings
    store: SaveStore | None
    stack: SceneStack = field(default_factory=SceneStack)
    profile: Profile | None = None
    notices: list[str] = field(default_factory=list)  # messages for the start screen
    running: bool = True
    sounds: Sounds = field(default_factory=Sounds)
    #: where the file dialog opens: the folder last chosen (a USB stick is offered again)
    last_folder: Path = field(default_factory=Path.home)
    _library: list[ScenarioEntry] | None = None
    _quiz: QuizLibrary | None = None

    def __post_init__(self) -> None:
        from simulator.scenes.start import StartScene

        self.stack.home = lambda: StartScene(self)
        self.sounds.set_enabled(self.settings.sound)

    @property
    def cat(self) -> Catalog:
        return catalog(self.settings.lang)

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    @property
    def scale(self) -> float:
        return ui_scale(self.size)

    def px(self, design: float) -> int:
        """A length given at the 1366×768 design size, for this window."""
        return round(design * self.scale)

    def font_px(self, points: int) -> int:
        """A font size in pixels for drawn (non-widget) text, honouring the text size."""
        return font_size(points, self.scale, self.settings.shown_text_size)

    def normal_font_px(self, points: int) -> int:
        """The size drawn text of ``points`` has at the normal text size: the least a
        crowded drawing may shrink it to at a larger one."""
        return font_size(points, self.scale, "normal")

    def line(self, points: int) -> int:
        """The height a one-line widget needs for text of ``points`` (theme sizes)."""
        return round(self.font_px(points) * 1.45) + 4

    def row_h(self, design: float, points: int = 15) -> int:
        """A control holding one line of text of ``points``: ``design`` tall at the design
        size, taller when the player's text size needs it."""
        return max(self.px(design), self.line(points))

    def library(self) -> list[ScenarioEntry]:
        """The scenarios, loaded the first time they are needed (not at start-up)."""
        if self._library is None:
            from simulator.app.library import load_library

            self._library = load_library()
        return self._library

    def quiz(self) -> QuizLibrary:
        """The quiz banks' questions, loaded the first time the quiz is opened."""
        if self._quiz is None:
            from simulator.app.quiz_play import load_quiz_library

            self._quiz = load_quiz_library()
        return self._quiz

    # --- changes that rebuild every visible scene -----------------------------------------

    def apply_display(self) -> None:
        """Window mode or size changed in the settings."""
        flags = pygame.RESIZABLE
        size = self.settings.window_size
        if self.settings.fullscreen:
            flags = pygame.FULLSCREEN
            size = (0, 0)
        self.screen = pygame.display.set_mode(size, flags)
        self.relayout()

    def resized(self, size: tuple[int, int]) -> None:
        """The player dragged the window to ``size``."""
        size = (max(size[0], 800), max(size[1], 600))
        if self.screen.get_size() != size:
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.relayout()

    def relayout(self) -> None:
        """New size, text size or language: a fresh theme, then every scene builds again."""
        for scene in self.stack.visible():
            scene.teardown()
        self.manager = make_manager(self.size, self.settings)
        self.stack.rebuild_all()  # each scene makes its widgets anew, with the new manager
        show_pointer(self.settings.projector)

    def store_notice(self, notice: StoreNotice | None) -> None:
        if notice is not None:
            # Imported only when there is something to say: the presenter package brings the
            # whole rule catalogue, a third of a second of a start that has nothing to show.
            from simulator.presenter.notices import notice_lines

            self.notices.extend(notice_lines(self.cat, notice))


def show_pointer(large: bool) -> None:
    """The mouse pointer: the system's, or on a projector a large arrow (black with a white
    edge, seen on any background from the back of a hall)."""
    try:
        if not large:
            pygame.mouse.set_cursor(pygame.SYSTEM_CURSOR_ARROW)
            return
        pygame.mouse.set_cursor(pygame.cursors.Cursor((2, 2), _large_arrow()))
    except pygame.error:  # a display without a pointer (a headless run)
        log.debug("the pointer could not be set", exc_info=True)


def _large_arrow(size: int = 48) -> pygame.Surface:
    arrow = pygame.Surface((size, size), pygame.SRCALPHA)
    tip = [(2, 2), (2, size * 3 // 4), (size // 4, size * 3 // 5), (size * 2 // 5, size - 4),
           (size // 2, size - 8), (size * 3 // 10, size // 2), (size * 3 // 5, size // 2)]
    pygame.draw.polygon(arrow, (0, 0, 0), tip)
    pygame.draw.polygon(arrow, (255, 255, 255), tip, 3)
    return arrow
