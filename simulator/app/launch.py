"""The game window. Until the phase scenes land, it shows the start screen: the shipped
scenarios and how to run them from the command line."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pygame_gui

from simulator.i18n import Catalog, catalog

WINDOW_SIZE = (1366, 768)
FRAME_SECONDS = 1 / 60
ROOT = Path(__file__).resolve().parents[2]
SCENARIO_DIR = ROOT / "scenarios"
THEME = ROOT / "assets" / "themes" / "default.json"
BACKGROUND = (244, 241, 234)


def launch_game(
    lang: str = "id", frames: int | None = None, screenshot: Path | None = None
) -> int:
    """Open the window and run until it is closed, or for ``frames`` frames (tests, and
    ``screenshot``: the last frame saved as a PNG)."""
    return asyncio.run(_main(lang, frames, screenshot))


async def _main(lang: str, frames: int | None, screenshot: Path | None) -> int:
    cat = catalog(lang)
    pygame.display.init()  # no mixer: sound is off by default, and a hall PC may have none
    pygame.font.init()
    pygame.display.set_caption(cat("app.name"))
    screen = pygame.display.set_mode(WINDOW_SIZE, pygame.RESIZABLE)
    manager = pygame_gui.UIManager(WINDOW_SIZE, theme_path=str(THEME))
    manager.preload_fonts([{"name": "noto_sans", "point_size": 16, "style": "bold"}])
    _build_start_screen(manager, cat)
    clock = pygame.time.Clock()
    running, frame = True, 0
    while running and (frames is None or frame < frames):
        delta = clock.tick(60) / 1000
        for event in pygame.event.get():
            if event.type == pygame.QUIT or (
                event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE
            ):
                running = False
            manager.process_events(event)
        manager.update(delta)
        screen.fill(BACKGROUND)
        manager.draw_ui(screen)
        pygame.display.flip()
        frame += 1
        await asyncio.sleep(0)
    if screenshot is not None:
        pygame.image.save(screen, str(screenshot))
    pygame.quit()
    return 0


def _build_start_screen(manager: pygame_gui.UIManager, cat: Catalog) -> None:
    width = WINDOW_SIZE[0] - 160
    pygame_gui.elements.UILabel(
        pygame.Rect(80, 48, width, 48), cat("app.name"), manager, object_id="#title"
    )
    pygame_gui.elements.UILabel(
        pygame.Rect(80, 96, width, 30), cat("app.tagline"), manager, object_id="#tagline"
    )
    lines = [cat("app.start.intro"), ""]
    for title, path in _scenario_titles(cat.lang):
        lines.append(f"<b>{_escape(title)}</b>  ({path})")
    pygame_gui.elements.UITextBox(
        "<br>".join(lines), pygame.Rect(80, 150, width, 520), manager, object_id="#start_body"
    )


def _scenario_titles(lang: str) -> list[tuple[str, str]]:
    """Each shipped scenario's title in ``lang``, with its file; an invalid one by its file."""
    from simulator.content.errors import ContentError
    from simulator.content.load import load_scenario

    titles: list[tuple[str, str]] = []
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        try:
            title = load_scenario(path).title.get(lang)
        except ContentError:
            title = path.stem
        titles.append((title, f"scenarios/{path.name}"))
    return titles


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
