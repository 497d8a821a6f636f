"""The player's settings: language, text size, window, sound. Stored in the save store, read
once at start; the defaults fit a quiet hall of 1366×768 laptops."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.app.theme import TEXT_SIZES
from simulator.i18n import DEFAULT_LANGUAGE, LANGUAGES
from simulator.persistence.store import SaveStore
from simulator.schema import bounded

WINDOW_SIZES: tuple[tuple[int, int], ...] = ((1366, 768), (1600, 900), (1920, 1080))


@dataclass(slots=True)
class Settings:
    lang: str = DEFAULT_LANGUAGE
    text_size: str = "normal"
    fullscreen: bool = False
    window_size: tuple[int, int] = WINDOW_SIZES[0]
    sound: bool = False  # off by default: a hall of thirty laptops is no place for beeps
    #: a projector in a hall: large text, high contrast, a large pointer and focus ring
    projector: bool = False

    @property
    def shown_text_size(self) -> str:
        """The text size the screens use: the largest on a projector, else the trainee's."""
        return "besar" if self.projector else self.text_size

    @classmethod
    def load(cls, store: SaveStore | None) -> Settings:
        settings = cls()
        if store is None:
            return settings
        lang = store.setting("language")
        if lang in LANGUAGES:
            settings.lang = lang
        size = store.setting("text_size")
        if size in TEXT_SIZES:
            settings.text_size = size
        settings.fullscreen = store.setting("fullscreen") == "1"
        settings.sound = store.setting("sound") == "1"
        settings.projector = store.setting("projector") == "1"
        settings.window_size = _parse_size(store.setting("window_size")) or settings.window_size
        return settings

    def save(self, store: SaveStore | None) -> None:
        if store is None:
            return
        store.set_setting("language", self.lang)
        store.set_setting("text_size", self.text_size)
        store.set_setting("fullscreen", "1" if self.fullscreen else "0")
        store.set_setting("sound", "1" if self.sound else "0")
        store.set_setting("projector", "1" if self.projector else "0")
        store.set_setting("window_size", f"{self.window_size[0]}x{self.window_size[1]}")


def _parse_size(text: str | None) -> tuple[int, int] | None:
    """``1366x768`` → (1366, 768); anything odd (a hand-edited save) → None."""
    if not text:
        return None
    try:
        return bounded.size(text, (800, 600), (7680, 4320))
    except bounded.Unreadable:
        return None
