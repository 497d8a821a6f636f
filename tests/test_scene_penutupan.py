"""The closing scene, played through its widgets: the leftover ballots counted and crossed out,
the attendance lists totalled, the counting area arranged; texts fit in both languages at both
window sizes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
import pytest
from pygame_gui.elements import UIButton, UILabel

from simulator.app.context import AppContext
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.shots import headless_context
from simulator.app.widgets import offer_key
from simulator.content import load_scenario
from simulator.core.actions import Action, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.phases.penutupan import (
    ArrangeCountingArea,
    CountDisabledVoters,
    CountUnused,
    CrossUnused,
    TotalAttendance,
    attendance,
)
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases.penutupan import PenutupanScene
from simulator.schema.types import BallotType, Phase

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
PEMILU = SCENARIOS / "pemilu-hari-penuh.yaml"
PILKADA = SCENARIOS / "pilkada-hari-penuh.yaml"
PPWP, DPR, DPD = BallotType.PPWP, BallotType.DPR, BallotType.DPD
COUNTING_HIDDEN = "penutupan.tempat_hitung_tidak_terbuka"
NOT_CROSSED = "penutupan.sisa_surat_suara_tidak_disilang"
NOT_COUNTED = "penutupan.sisa_surat_suara_tidak_dihitung"
LAPTOP, FULL_HD = (1366, 768), (1920, 1080)
# Five ballot types in both languages at both sizes; the two-type Pilkada once at each size.
FIT_CASES = [
    (PEMILU, "id", LAPTOP),
    (PEMILU, "en", LAPTOP),
    (PEMILU, "id", FULL_HD),
    (PEMILU, "en", FULL_HD),
    (PILKADA, "en", LAPTOP),
    (PILKADA, "id", FULL_HD),
]
FIT_IDS = [f"{path.stem}-{lang}-{size[0]}" for path, lang, size in FIT_CASES]


def play_until(session: PlaySession, phase: Phase) -> CarefulCrew:
    """A careful crew plays every phase before ``phase``."""
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not phase:
        current = session.sim.world.phase
        assert current is not None, f"the day ended before {phase.value}"
        for action in crew.phase_actions(current):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    return crew


def closing_scene(
    size: tuple[int, int] = (1366, 768), lang: str = "id", path: Path = PEMILU
) -> tuple[AppContext, PenutupanScene, CarefulCrew]:
    scenario = load_scenario(path)
    ctx = headless_context(size, lang)
    session = PlaySession.begin(ScenarioEntry(path, scenario, "test"), Mode.LATIHAN, None, None)
    crew = play_until(session, Phase.PENUTUPAN)
    scene = PenutupanScene(ctx, session)
    ctx.stack.replace(scene)
    return ctx, scene, crew


def press(ctx: AppContext, button: UIButton) -> None:
    Driver(ctx).step(1 / 60, [pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button)])


def press_offer(scene: PhaseScene, action: Action) -> None:
    button = scene.ui.offers.get(offer_key(action))
    assert button is not None, f"the scene offers no button for {action!r}"
    press(scene.ctx, button)


def key(ctx: AppContext, code: int) -> None:
    Driver(ctx).step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="")])


def end_phase(ctx: AppContext) -> None:
    """E, then "yes" in the confirmation (the focus starts on "cancel"), as a trainee would."""
    key(ctx, pygame.K_e)
    assert isinstance(ctx.stack.top, ConfirmDialog), "E asks to confirm the end of the phase"
    key(ctx, pygame.K_LEFT)
    key(ctx, pygame.K_RETURN)


def last(scene: PhaseScene) -> Action:
    return scene.session.sim.log[-1].action


def phase_rules(scene: PhaseScene) -> set[str]:
    return {f.rule_id for f in scene.session.sim.findings if f.phase is Phase.PENUTUPAN}


def texts_fit(scene: PhaseScene, where: str) -> int:
    checked = 0
    for element in scene.ui.elements:
        if isinstance(element, (UILabel, UIButton)) and element.alive():
            width = element.font.size(element.text)[0]
            assert width <= element.rect.width, (
                f"{where}: {element.text!r} is {width}px wide in a {element.rect.width}px element"
            )
            checked += 1
    return checked


# --- Fit ----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(("path", "lang", "size"), FIT_CASES, ids=FIT_IDS)
def test_every_text_fits_its_element(path: Path, lang: str, size: tuple[int, int]) -> None:
    ctx, scene, crew = closing_scene(size, lang, path)
    driver = Driver(ctx)
    driver.step(1 / 60, [])
    checked = texts_fit(scene, f"{lang} {size} at the start")
    assert checked >= 10, f"only {checked} labels and buttons on the closing stage"
    steps = list(crew.phase_actions(Phase.PENUTUPAN))
    scene.act_all(steps[:3])  # one type crossed out, one counted: every kind of card
    driver.step(1 / 60, [])
    texts_fit(scene, f"{lang} {size} mid-phase")
    scene.act_all(steps[3:])
    driver.step(1 / 60, [])
    texts_fit(scene, f"{lang} {size} with everything done")


# --- Pressing the stage's buttons ---------------------------------------------------------------


def test_stage_buttons_apply_their_actions() -> None:
    _, scene, _ = closing_scene()
    press_offer(scene, CountUnused(ballot=PPWP))
    assert last(scene) == CountUnused(ballot=PPWP), f"count pressed, got {last(scene)!r}"
    press_offer(scene, CrossUnused(ballot=DPR))
    assert last(scene) == CrossUnused(ballot=DPR), f"cross pressed, got {last(scene)!r}"
    press_offer(scene, TotalAttendance())
    assert last(scene) == TotalAttendance()
    press_offer(scene, CountDisabledVoters())
    assert last(scene) == CountDisabledVoters()
    press_offer(scene, ArrangeCountingArea(public=True))
    assert last(scene) == ArrangeCountingArea(public=True)
    assert offer_key(CountUnused(ballot=PPWP)) not in scene.ui.offers, (
        "a counted stack no longer offers counting"
    )


def test_shortcut_keys_count_a_stack_and_total_the_lists() -> None:
    ctx, scene, _ = closing_scene()
    key(ctx, pygame.K_2)
    assert last(scene) == CountUnused(ballot=DPR), f"key 2 counts the second stack: {last(scene)!r}"
    key(ctx, pygame.K_a)
    assert last(scene) == TotalAttendance(), f"key A totals the lists: {last(scene)!r}"
    key(ctx, pygame.K_d)
    assert last(scene) == CountDisabledVoters(), f"key D counts: {last(scene)!r}"


def test_keyboard_focus_and_enter_press_a_stage_button() -> None:
    ctx, scene, _ = closing_scene()
    button = scene.ui.offers[offer_key(CrossUnused(ballot=DPD))]
    scene.ui.set_focus(button)
    key(ctx, pygame.K_RETURN)
    assert last(scene) == CrossUnused(ballot=DPD), f"Enter on the focus: {last(scene)!r}"


def test_counted_stack_shows_the_engine_figures() -> None:
    _, scene, _ = closing_scene()
    stock = scene.world.stocks[DPR]
    press_offer(scene, CountUnused(ballot=DPR))
    assert stock.unused_counted, "the count reached the engine"
    # the totals the table shows are the attendance lists as signed
    totals = attendance(scene.world)
    signed = sum(1 for v in scene.world.voters.values() if v.attendance is not None)
    assert sum(count.total for count in totals.values()) == signed, totals


# --- A careful play and a wrong one, through the widgets --------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("path", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_careful_play_through_the_widgets_has_no_findings(path: Path) -> None:
    ctx, scene, crew = closing_scene(path=path)
    before = len(scene.session.sim.findings)
    for action in list(crew.phase_actions(Phase.PENUTUPAN)):
        press_offer(scene, action)
        assert last(scene) == action, f"pressing the button for {action!r} gave {last(scene)!r}"
    end_phase(ctx)
    assert scene.session.sim.world.phase is Phase.PENGHITUNGAN, "the day moved on to counting"
    found = scene.session.sim.findings[before:]
    assert not found, f"a careful closing found {[f.rule_id for f in found]}"
    assert ctx.stack.top is not scene, "the next phase's scene took over"


def test_closed_counting_and_skipped_steps_fire_their_rules() -> None:
    ctx, scene, _ = closing_scene()
    press_offer(scene, ArrangeCountingArea(public=False))
    assert COUNTING_HIDDEN in {f.rule_id for f in scene.session.latest}, (
        f"closing the doors is judged at once: {scene.session.latest}"
    )
    press_offer(scene, CountUnused(ballot=PPWP))
    end_phase(ctx)
    found = phase_rules(scene)
    assert {COUNTING_HIDDEN, NOT_CROSSED, NOT_COUNTED} <= found, found


def test_the_side_lists_only_what_the_stage_does_not_show() -> None:
    ctx, scene, _ = closing_scene()
    assert not scene.side_actions(), f"the stage shows every closing action: {scene.side_actions()}"

    class CountsOnly(PenutupanScene):
        """A stage that has controls only for counting and crossing out the leftovers."""

        stage_kinds = frozenset({"count_unused", "cross_unused"})

        def build_stage(self) -> None:
            pass

    partial = CountsOnly(ctx, scene.session)
    ctx.stack.replace(partial)
    listed = {action.kind for action in partial.side_actions()}
    assert listed == {"total_attendance", "count_disabled", "arrange_counting"}, listed
    in_lists = [e for e in partial.ui.elements if isinstance(e, UIButton) and e.ui_container]
    scrolled = [b for b in in_lists if b.ui_container is not ctx.manager.get_root_container()]
    assert len(scrolled) == 4, f"the side list holds the four actions: {[b.text for b in scrolled]}"

    class UnclaimedButShown(PenutupanScene):
        """A stage that claims no kind but has a button for every closing action."""

        stage_kinds = frozenset()

    shown = UnclaimedButShown(ctx, scene.session)
    ctx.stack.replace(shown)
    assert not shown.side_actions(), (
        f"an action with a button on the stage is not listed again: {shown.side_actions()}"
    )
