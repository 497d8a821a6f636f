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
SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"


def launch_game(lang: str = "id", frames: int | None = None) -> int:
    """Open the window and run until it is closed (or for ``frames`` frames, for tests)."""
    return asyncio.run(_main(lang, frames))


async def _main(lang: str, frames: int | None) -> int:
    cat = catalog(lang)
    pygame.init()
    pygame.display.set_caption(cat("app.name"))
    screen = pygame.display.set_mode(WINDOW_SIZE, pygame.RESIZABLE)
    manager = pygame_gui.UIManager(WINDOW_SIZE)
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
        screen.fill((244, 241, 234))
        manager.draw_ui(screen)
        pygame.display.flip()
        frame += 1
        await asyncio.sleep(0)
    pygame.quit()
    return 0


def _build_start_screen(manager: pygame_gui.UIManager, cat: Catalog) -> None:
    width = WINDOW_SIZE[0] - 160
    pygame_gui.elements.UILabel(
        pygame.Rect(80, 60, width, 50), f"{cat('app.name')} — {cat('app.tagline')}", manager
    )
    names = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))
    body = "<br>".join([cat("app.start.intro"), "", *(f"• {n}" for n in names)])
    pygame_gui.elements.UITextBox(body, pygame.Rect(80, 130, width, 520), manager)
