"""Text older eyes can read: the sizes pygame actually renders, and every screen whole at the
large text size ("Besar"), in both languages, on a hall laptop (1366×768) and a full-HD
projector (1920×1080).

Each case builds its screen once, in the state a trainee typically meets it in (a careful crew
a few steps into the phase, as ``run_sim.py shot`` photographs it), and reads it with
:func:`tests.fit.layout_faults`: words inside their widgets, no "…", nothing off the window,
no control over another.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pygame
import pytest
from pygame_gui.core import UIElement
from pygame_gui.core.interfaces import IGUIFontInterface
from pygame_gui.elements import UIScrollingContainer

from simulator.app.context import AppContext, make_manager
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.scene import Scene
from simulator.app.shots import headless_context
from simulator.art.fonts import font_path
from simulator.autoplay import CarefulCrew
from simulator.content import load_scenario
from simulator.core.actions import EndPhase
from simulator.scenes.phase import PhaseScene
from simulator.schema.types import Phase
from tests.fit import layout_faults, recording_cut_drawings
from tests.pilot import forget_drawings

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
PEMILU = SCENARIOS / "pemilu-hari-penuh.yaml"
PILKADA = SCENARIOS / "pilkada-hari-penuh.yaml"
LAPTOP, FULL_HD = (1366, 768), (1920, 1080)
LANGS = ("id", "en")
SAMPLE = "Pemilih menunjukkan KTP-el dan C.Pemberitahuan"


# --- the sizes pygame renders ---------------------------------------------------------------


def _context(size: tuple[int, int], text_size: str, lang: str = "id") -> AppContext:
    ctx = headless_context(size, lang, text_size)
    ctx.manager = make_manager(size, ctx.settings)
    return ctx


def _rendered(font: IGUIFontInterface) -> tuple[int, int]:
    """Width and height of the sample line as pygame_gui draws it with ``font``, in pixels."""
    surface = font.render_premul(SAMPLE, pygame.Color("black"))
    return surface.get_width(), surface.get_height()


def _reference(pixels: int) -> tuple[int, int]:
    """The sample rendered in Noto Sans at ``pixels`` px (pygame renders a point as a pixel)."""
    surface = pygame.font.Font(font_path(), pixels).render(SAMPLE, True, (0, 0, 0))
    return surface.get_width(), surface.get_height()


# What a trainee reads: the theme ids pygame_gui looks fonts up by.
READ_TEXT = {
    "label": ["label"],
    "button": ["button"],
    "text box": ["text_box"],
    "entry": ["text_entry_line"],
    "tooltip": ["tool_tip"],
    "muted note": ["@muted", "label"],
}


@pytest.mark.parametrize("what", list(READ_TEXT))
def test_body_text_is_at_least_16_px_on_a_laptop_and_besar_is_a_third_larger(what: str) -> None:
    normal = _context(LAPTOP, "normal").manager.get_theme().get_font(READ_TEXT[what])
    large = _context(LAPTOP, "besar").manager.get_theme().get_font(READ_TEXT[what])
    normal_size, large_size = _rendered(normal), _rendered(large)
    least = _reference(16)
    assert normal_size[0] >= least[0] and normal_size[1] >= least[1], (
        f"a {what} at Normal renders {normal_size} px, smaller than 16 px text {least}"
    )
    for axis, name in ((0, "wide"), (1, "tall")):
        ratio = large_size[axis] / normal_size[axis]
        assert ratio >= 1.35, f"a {what} at Besar is only {ratio:.2f}× as {name} as at Normal"
    assert large_size[1] >= _reference(22)[1], f"a {what} at Besar is under 22 px text"


def test_drawn_text_and_headings_follow_the_text_size() -> None:
    normal, large = _context(LAPTOP, "normal"), _context(LAPTOP, "besar")
    assert normal.font_px(15) >= 16, "drawn body text is under 16 px at Normal"
    for points in (11, 13, 15, 19, 30):
        assert large.font_px(points) >= 1.3 * normal.font_px(points), (
            f"drawn text of {points} points does not grow at Besar"
        )
    heading_n = _rendered(normal.manager.get_theme().get_font(["@heading", "label"]))
    heading_l = _rendered(large.manager.get_theme().get_font(["@heading", "label"]))
    assert heading_l[1] >= 1.3 * heading_n[1], "headings do not grow at Besar"
    assert large.line(15) >= 1.3 * normal.line(15) - 2, "a one-line row does not grow at Besar"


def test_a_full_hd_window_scales_the_text_up() -> None:
    laptop = _rendered(_context(LAPTOP, "normal").manager.get_theme().get_font(["label"]))
    full_hd = _rendered(_context(FULL_HD, "normal").manager.get_theme().get_font(["label"]))
    assert full_hd[1] >= 1.3 * laptop[1], "text on a 1920×1080 projector stays laptop-sized"


def test_a_saved_text_size_that_no_longer_exists_reads_as_normal(tmp_path: Path) -> None:
    from simulator.app.settings import Settings
    from simulator.persistence.store import SaveStore

    store, _ = SaveStore.open(tmp_path)
    store.set_setting("text_size", "kecil")  # the smaller size older versions offered
    assert Settings.load(store).text_size == "normal"


# --- phase scenes at Besar ------------------------------------------------------------------


@lru_cache(maxsize=4)
def _scenario_entry(path: Path) -> ScenarioEntry:
    return ScenarioEntry(path, load_scenario(path), "fit")


def phase_scene(
    path: Path, phase: Phase, lang: str, size: tuple[int, int], steps: int | None = None
) -> tuple[AppContext, PhaseScene]:
    """``phase`` of a careful day at Besar, ``steps`` of the crew's actions in (by default as
    many as ``run_sim.py shot`` plays for the photograph)."""
    from simulator.scenes.phases import scene_for

    ctx = _context(size, "besar", lang)
    session = PlaySession.begin(_scenario_entry(path), Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not phase:
        current = session.sim.world.phase
        assert current is not None, f"the day ended before {phase.value}"
        for action in crew.phase_actions(current):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    scene = scene_for(ctx, session)
    ctx.stack.replace(scene)
    count = type(scene).shot_steps if steps is None else steps
    for action in itertools.islice(crew.phase_actions(phase), count):
        scene.act(action)
        crew.respond_to_events()
    if ctx.stack.top is not scene:  # an event's dialog: the scene under it is checked alone
        ctx.stack.replace(scene)
    Driver(ctx).step(1 / 60, [])
    return ctx, scene


def side_list(scene: Scene) -> list[UIElement]:
    """The rows of a phase scene's side list ("Yang dapat Anda lakukan"): its own branch
    wraps them; here they may still be shortened, each whole in its tooltip."""
    if not isinstance(scene, PhaseScene):
        return []
    side = scene.side_rect()
    lists = [
        e
        for e in scene.ui.elements
        if isinstance(e, UIScrollingContainer) and side.contains(e.rect)
    ]
    holders = {s.scrollable_container for s in lists}
    return [e for e in scene.ui.elements if e.ui_container in holders]


def screen_faults(scene: Scene) -> list[str]:
    """What is not whole on ``scene`` (the top one), its pictures drawn afresh."""
    ctx = scene.ctx
    with recording_cut_drawings() as cut:
        forget_drawings(scene)
        scene.rebuild()
        ctx.manager.update(0.0)
        Driver(ctx).draw(ctx.screen)
    return layout_faults(scene, allow_cut=side_list(scene)) + cut


def assert_whole(scene: Scene, where: str) -> None:
    faults = screen_faults(scene)
    assert not faults, f"{where}: " + "\n  ".join(faults)


PHASES = list(Phase)
PHASE_CASES = [(PEMILU, phase, lang, LAPTOP) for phase in PHASES for lang in LANGS] + [
    (PILKADA, phase, lang, FULL_HD) for phase, lang in zip(PHASES, itertools.cycle(LANGS))
]


@pytest.mark.parametrize(
    ("path", "phase", "lang", "size"),
    PHASE_CASES,
    ids=[f"{p.stem[:7]}-{ph.value}-{lang}-{s[0]}" for p, ph, lang, s in PHASE_CASES],
)
def test_every_phase_scene_is_whole_at_besar(
    path: Path, phase: Phase, lang: str, size: tuple[int, int]
) -> None:
    _, scene = phase_scene(path, phase, lang, size)
    assert_whole(scene, f"{phase.value} {lang} {size[0]}×{size[1]} Besar")


# --- the shell at Besar ---------------------------------------------------------------------

ShellCase = Callable[[AppContext], Scene]
