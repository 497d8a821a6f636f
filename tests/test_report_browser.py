"""The class report in a real browser: headless Chromium (the Debian package) renders the page
in each language; the screenshot is not blank, and the page says nothing on the console (it has
no script, and must not reach for anything it does not hold)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.district import write_district
from simulator.cli import main as cli_main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed here "
                       "(apt-get install chromium; .ci/run installs it)"),
]


def render(page: Path, shot: Path) -> list[str]:
    """Screenshot ``page`` at 1366 px wide; the console lines Chromium logged."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
         f"--user-data-dir={shot.parent / 'profile'}",
         "--window-size=1366,3000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert shot.exists(), f"Chromium made no screenshot:\n{done.stderr[-2000:]}"
    return [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


def ink(shot: Path) -> tuple[float, int]:
    """The share of pixels that are not white, and how many colours the page shows."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    image = pygame.image.load(str(shot))
    width, height = image.get_size()
    samples = [image.get_at((x, y))[:3] for x in range(0, width, 5) for y in range(0, height, 5)]
    inked = sum(1 for colour in samples if colour != (255, 255, 255))
    return inked / len(samples), len(set(samples))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_report_renders_in_chromium(tmp_path: Path, lang: str) -> None:
    write_district(tmp_path / "kelas", 30)
    page = tmp_path / f"laporan-{lang}.html"
    assert cli_main(["--lang", lang, "report", str(tmp_path / "kelas"), "--out", str(page)]) == 0
    shot = tmp_path / f"laporan-{lang}.png"
    console = render(page, shot)
    assert console == [], f"the page wrote to the browser's console: {console}"
    share, colours = ink(shot)
    assert share > 0.03, f"the screenshot is nearly blank ({share:.1%} of it inked)"
    assert colours > 20, "text and charts show more than a handful of colours"


def test_the_console_check_can_fail(tmp_path: Path) -> None:
    """The check above reads what Chromium logs: a page that complains is caught."""
    page = tmp_path / "rusak.html"
    page.write_text("<html><body>x<script>console.error('rusak')</script></body></html>")
    assert render(page, tmp_path / "rusak.png"), "a console error goes unseen"
