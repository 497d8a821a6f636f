"""A pilot for the game's screens, as Textual tests have: open the app headless, press
buttons and keys through the real event path, step frames, and read what the engine got."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pygame
import pygame_gui

from simulator.app.context import AppContext
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.scene import Scene
from simulator.app.shots import headless_context
from simulator.app.widgets import offer_key
from simulator.content import load_scenario, scenario_sha256
from simulator.core.actions import Action, AdvanceClock
from simulator.persistence.store import SaveStore

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"


def entry(name: str) -> ScenarioEntry:
    path = SCENARIOS / f"{name}.yaml"
    return ScenarioEntry(path, load_scenario(path), scenario_sha256(path))


class Pilot:
    def __init__(
        self,
        size: tuple[int, int] = (1366, 768),
        lang: str = "id",
        store: SaveStore | None = None,
        text_size: str = "normal",
    ) -> None:
        self.ctx: AppContext = headless_context(size, lang, text_size)
        self.ctx.store = store
        self.driver = Driver(self.ctx)

    @property
    def top(self) -> Scene:
        scene = self.ctx.stack.top
        assert scene is not None, "no scene on the stack"
        return scene

    def show(self, scene: Scene) -> Scene:
        self.ctx.stack.replace(scene)
        self.frames(2)
        return scene

    def frames(self, count: int = 1, events: Iterable[pygame.event.Event] = ()) -> None:
        pending = list(events)
        for _ in range(count):
            # pygame_gui posts its own events (button pressed) to the queue: pass them on.
            self.driver.step(1 / 60, pending + pygame.event.get())
            pending = []

    def click(self, element: pygame_gui.core.UIElement) -> None:
        """A press as pygame_gui reports it, through the driver and the scene."""
        self.frames(1, [pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=element)])

    def key(self, key: int, mod: int = 0, unicode: str = "") -> None:
        """A key pressed and released in one frame, as SDL reports it: the press, the text it
        types (``unicode``, when it types one), the release."""
        self.frames(1, key_events(key, mod, unicode))

    def type(self, text: str) -> None:
        """``text`` typed one key at a time (each its own frame)."""
        for char in text:
            self.key(key_code(char), pygame.KMOD_SHIFT if char.isupper() else 0, char)

    def play(self, action: Action) -> None:
        """Apply ``action`` by pressing the button the top scene offers for it."""
        button = self.top.ui.offers.get(offer_key(action))
        reveal = getattr(self.top, "reveal", None)
        if button is None and reveal is not None and reveal(action):
            self.frames(1)
            button = self.top.ui.offers.get(offer_key(action))
        if button is None and isinstance(action, AdvanceClock):
            self.type_into("clock", action.to)
            return
        if button is None and action.kind == "enter_figure":
            params = action.params()
            self.type_into(f"figure:{params['ballot']}:{params['field']}", str(params["value"]))
            return
        assert button is not None, (
            f"the screen {type(self.top).__name__} offers no button for {offer_key(action)}"
        )
        self.click(button)

    def type_into(self, name: str, text: str) -> None:
        """Type ``text`` into the entry the scene named ``name`` and press Enter."""
        entry_line = self.top.ui.named_entries.get(name)
        assert entry_line is not None, f"{type(self.top).__name__} has no entry named {name!r}"
        entry_line.set_text(text)
        self.frames(
            1,
            [
                pygame.event.Event(
                    pygame_gui.UI_TEXT_ENTRY_FINISHED, ui_element=entry_line, text=text
                )
            ],
        )

    def start_session(self, name: str, mode: Mode = Mode.LATIHAN) -> PlaySession:
        from simulator.scenes.phases import scene_for

        session = PlaySession.begin(entry(name), mode, self.ctx.store, None)
        self.show(scene_for(self.ctx, session))
        return session


def wraps(element: pygame_gui.core.UIElement) -> bool:
    """A button made as tall as its words wrapped at its width (height -1 when made): its
    text cannot be wider than it."""
    return isinstance(element, pygame_gui.elements.UIButton) and bool(element.dynamic_height)


def key_code(char: str) -> int:
    """The key that types ``char`` on a plain keyboard."""
    return pygame.K_SPACE if char == " " else pygame.key.key_code(char.lower())


def key_events(key: int, mod: int = 0, unicode: str = "") -> list[pygame.event.Event]:
    """One key press as SDL sends it: down, the text it types (if any), up."""
    down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
    up = pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0)
    if not unicode or not unicode.isprintable():
        return [down, up]
    return [down, pygame.event.Event(pygame.TEXTINPUT, text=unicode), up]


def texts_overflowing(scene: Scene) -> list[str]:
    """Labels and buttons of ``scene`` whose text is wider than the element (a button's
    lines as pygame_gui wraps them)."""
    from tests.fit import button_faults

    found = []
    for element in scene.ui.elements:
        if not isinstance(element, (pygame_gui.elements.UILabel, pygame_gui.elements.UIButton)):
            continue
        if not element.alive() or element.font is None or not element.text or wraps(element):
            continue
        if isinstance(element, pygame_gui.elements.UIButton):
            found += button_faults(element)
            continue
        width = element.font.size(element.text)[0]
        if width > element.rect.width:
            name = type(element).__name__
            found.append(f"{name} {element.text!r}: {width} px > {element.rect.width} px")
    return found


# --- What the screen shows, in words ------------------------------------------------------------


class _RecordingFont(pygame.font.Font):
    """A font that notes every string it renders, with its pixel height."""

    drawn: ClassVar[list[tuple[str, int, tuple[int, ...]]]] = []

    def render(self, text: object, *args: object, **kwargs: object) -> pygame.Surface:  # type: ignore[override]
        colour = args[1] if len(args) > 1 else kwargs.get("color", ())
        rgb = tuple(pygame.Color(colour))[:3] if colour else ()  # type: ignore[arg-type]
        _RecordingFont.drawn.append((str(text), self.get_height(), rgb))
        return super().render(text, *args, **kwargs)  # type: ignore[arg-type]


# Layers that cannot draw (tests/test_layers.py keeps them from importing the art, the app and
# the scenes): their caches hold texts, rules and parsed files, never a picture, and are kept
# (dropping the catalogue's would parse its YAML again at every look).
CANNOT_DRAW = ("schema", "core", "i18n", "content", "quiz", "persistence", "presenter")


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if parts[0] == "simulator" and len(parts) > 1 else ""


def _drawing_caches() -> list[Any]:
    """The cached functions of the layers that draw (a module also holds what it imported:
    each function is judged by the module that defines it)."""
    found: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if not _layer(name):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                layer = _layer(getattr(value, "__module__", None) or name)
                if layer and layer not in CANNOT_DRAW:
                    found[id(value)] = value
    return list(found.values())


def forget_drawings(scene: Scene) -> None:
    """Drop every picture a scene or an art module keeps, so the next build draws afresh."""
    for cached in _drawing_caches():
        cached.cache_clear()
    for name, value in vars(scene).items():
        for store in ("_cache", "_surfaces"):
            kept = getattr(value, store, None)
            if isinstance(kept, dict):
                kept.clear()
        if name.endswith("_key") and name.startswith("_"):
            setattr(scene, name, None)  # a scene's own "drawn for this state" marker


@dataclass(frozen=True)
class ShownText:
    """The words on screen: drawn into pictures (documents, cards, captions), each with the
    pixel height of its font, and on live widgets (labels, buttons, text boxes; tooltips are
    not on screen until hovered, so they are left out)."""

    drawn: tuple[tuple[str, int, tuple[int, ...]], ...]
    widgets: tuple[str, ...]

    @property
    def all(self) -> str:
        """Everything, one string per line, with spaces normalised."""
        texts = [t for t, _, _ in self.drawn] + list(self.widgets)
        return "\n".join(" ".join(t.split()) for t in texts)

    def shows(self, words: str, *, min_px: int = 0) -> bool:
        """``words`` appear whole in one string on screen (drawn at ``min_px`` or more), or
        across the lines of a wrapped paragraph."""
        wanted = " ".join(words.split()).casefold()
        strings = [t for t, h, _ in self.drawn if h >= min_px] + list(self.widgets)
        flat = [" ".join(t.split()).casefold() for t in strings]
        return any(wanted in t for t in flat) or wanted in " ".join(flat)

    def drawn_in(self, words: str, colour: tuple[int, ...]) -> bool:
        """``words`` were drawn in ``colour`` (a ticked box's label in ink, an empty one grey)."""
        wanted = " ".join(words.split()).casefold()
        return any(
            wanted in " ".join(t.split()).casefold() and c == tuple(colour)[:3]
            for t, _, c in self.drawn
        )


def _widget_text(element: pygame_gui.core.UIElement) -> str:
    if isinstance(element, pygame_gui.elements.UITextBox):
        return (
            re.sub(r"<[^>]+>", " ", element.html_text)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
        )
    if isinstance(element, pygame_gui.elements.UITextEntryLine):
        return element.get_text()
    return str(getattr(element, "text", "") or "")


def shown_text(pilot: Pilot) -> ShownText:
    """Build and draw the screen afresh, noting every word it shows: the top scene and any
    scene visible under it (a dialog over a phase)."""
    original = pygame.font.Font
    _RecordingFont.drawn = []
    pygame.font.Font = _RecordingFont  # type: ignore[misc]
    try:
        scenes = list(pilot.ctx.stack.visible())
        for scene in scenes:
            forget_drawings(scene)
            scene.rebuild()
        pilot.ctx.manager.update(0.0)
        pilot.driver.draw(pilot.ctx.screen)
        drawn = tuple(_RecordingFont.drawn)
    finally:
        pygame.font.Font = original  # type: ignore[misc]
        for scene in pilot.ctx.stack.visible():
            forget_drawings(scene)
    widgets = tuple(
        _widget_text(element)
        for scene in scenes
        for element in scene.ui.elements
        if element.alive() and element.visible
    )
    return ShownText(drawn, widgets)
