"""Tests run headless: no window, no sound device, and saves in a throwaway folder."""

import os
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.ralph_lrs import RalphLrs

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Saves go to a throwaway folder, never to the tester's own profile.
os.environ["SIMULASI_TPS_DATA"] = tempfile.mkdtemp(prefix="simulasi-tps-test-")


@pytest.fixture(autouse=True)
def _no_event_outlives_its_test() -> Iterator[None]:
    """Events pygame_gui posted that a test never read (a hover, a press) are taken off the
    queue when it ends: each holds its element, so a queue left full kept every screen of the
    run alive (gigabytes by the end), and the next test's first frame would read them. Read,
    not cleared: ``pygame.event.clear()`` drops the events but keeps what they hold."""
    yield
    import pygame

    if pygame.display.get_init():
        pygame.event.get()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """In CI (``.ci/run`` sets SIMULASI_TPS_CI) nothing may be skipped: a test skipped for want
    of Chromium or a server there is a test that did not run, so it fails, with its reason."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if os.environ.get("SIMULASI_TPS_CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {report.longrepr}"


@pytest.fixture(scope="session")
def ralph_lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator["RalphLrs"]:
    """A real LRS (Ralph, FileSystem backend) on 127.0.0.1, started once for the session by
    the first test that asks for it (tests/ralph_lrs.py); a test may stop and start it again.
    Skipped, saying why, only when Ralph's server is not installed (``pip install -e
    ".[test]"`` installs it); one that is installed and does not start fails the test."""
    from tests.ralph_lrs import RalphLrs, missing_modules

    missing = missing_modules()
    if missing:
        pytest.skip(f"Ralph's LRS is not installed (no {', '.join(missing)}): "
                    'pip install -e ".[test]"')
    server = RalphLrs(tmp_path_factory.mktemp("ralph"))
    server.start()
    yield server
    server.stop()
