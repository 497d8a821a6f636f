"""Opening the game window: settings and saves first, then the start screen.

Only what the start screen needs is imported here; every other scene (and the engine) is
imported when the player first opens it, so the window appears about as fast as a bare one.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from simulator.app.context import AppContext, make_manager
from simulator.app.driver import Driver, run
from simulator.app.settings import Settings
from simulator.persistence.store import SaveStore, StoreError, StoreNotice

log = logging.getLogger(__name__)


def open_app(lang: str | None = None, data_dir: Path | None = None) -> AppContext:
    """Settings, saves, window and the start screen: everything up to the first frame."""
    pygame.display.init()  # no mixer unless sound is switched on: a hall PC may have none
    cheap_frames()
    pygame.font.init()
    store, notice = _open_store(data_dir)
    settings = Settings.load(store)
    if lang is not None:
        settings.lang = lang
    flags = pygame.FULLSCREEN if settings.fullscreen else pygame.RESIZABLE
    screen = pygame.display.set_mode((0, 0) if settings.fullscreen else settings.window_size, flags)
    ctx = AppContext(screen, make_manager(screen.get_size(), settings), settings, store)
    pygame.display.set_caption(ctx.cat("app.name"))
    pygame.key.set_repeat(400, 40)
    ctx.store_notice(notice)
    from simulator.scenes.start import StartScene

    ctx.stack.push(StartScene(ctx))
    return ctx


def cheap_frames() -> None:
    """Under X11, show frames through shared-memory images. SDL would send each one through
    an OpenGL texture, which on a laptop without a GPU driver (Mesa's llvmpipe) costs about
    7 ms of CPU a frame, against 0.1 ms. Call after ``pygame.display.init`` and before the
    window is made; the player's own setting of the hint wins."""
    if pygame.display.get_driver() == "x11":
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


def _open_store(data_dir: Path | None) -> tuple[SaveStore | None, StoreNotice | None]:
    try:
        return SaveStore.open(data_dir)
    except (OSError, StoreError):
        # A read-only or full disk: the game still runs, it just cannot save.
        log.exception("no save store")
        return None, None


def launch_game(
    lang: str | None = None,
    frames: int | None = None,
    screenshot: Path | None = None,
    opening: Callable[[AppContext], object] | None = None,
) -> int:
    """Open the window and run until it is closed, or for ``frames`` frames (tests, and
    ``screenshot``: the last frame saved as a PNG). ``opening`` puts another screen in
    front of the start screen (the replay viewer of ``replay LOG --show``)."""
    ctx = open_app(lang)
    if opening is not None:
        opening(ctx)
    driver = Driver(ctx)
    try:
        asyncio.run(run(driver, frames))
        if screenshot is not None:
            pygame.image.save(ctx.screen, str(screenshot))
    finally:
        if ctx.store is not None:
            ctx.store.close()
        pygame.quit()
    return 0
