"""The counting scene, played through its widgets: boxes opened, counts announced, each
ballot ruled by a click on the ballot, a plano button or a key; texts fit in both languages
at both window sizes."""

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
from simulator.content.load import load_scenario
from simulator.core.actions import Action, EndPhase, RespondToEvent
from simulator.core.careful import CarefulCrew
from simulator.core.domain import BALLOT_ORDER
from simulator.core.phases import incidents, penghitungan
from simulator.core.phases.penghitungan import AnnounceBoxCount, OpenBoxForCount, RuleBallot
from simulator.scenes.phases.penghitungan import PenghitunganScene
from simulator.schema.scenario import EventKind
from simulator.schema.types import BallotType, Phase
from tests.fit import line_widths

ROOT = Path(__file__).resolve().parents[1] / "scenarios"
COUNT_SCENARIO = ROOT / "pilkada-calon-tunggal-hitung.yaml"
FULL_DAY = ROOT / "pemilu-hari-penuh.yaml"
GUBERNUR, BUPATI = BallotType.GUBERNUR, BallotType.BUPATI


def counting_scene(
    size: tuple[int, int] = (1366, 768), lang: str = "id", path: Path = COUNT_SCENARIO
) -> tuple[AppContext, PenghitunganScene]:
    """The counting phase on screen, before any box is opened: the counting scenario alone,
    or a full day played carefully up to the count."""
    scenario = load_scenario(path)
    if scenario.phases[0] is Phase.PENGHITUNGAN:
        scenario = scenario.model_copy(update={"phases": [Phase.PENGHITUNGAN]})
    ctx = headless_context(size, lang)
    session = PlaySession.begin(ScenarioEntry(path, scenario, "test"), Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not Phase.PENGHITUNGAN:
        for action in crew.phase_actions(session.sim.world.phase):
            crew.do(action)
        crew.do(EndPhase())
    scene = PenghitunganScene(ctx, session)
    ctx.stack.replace(scene)
    return ctx, scene


def log_kinds(scene: PenghitunganScene) -> list[str]:
    return [entry.action.kind for entry in scene.session.sim.log]


def rule_ids(scene: PenghitunganScene) -> set[str]:
    return {finding.rule_id for finding in scene.session.sim.findings}


def press_offer(ctx: AppContext, action: Action, *, draw: bool = True) -> None:
    """Press the button the top scene offers for ``action``, as a mouse click reports it
    (``draw=False``: routed as a frame would, without drawing the frame, for long plays)."""
    top = ctx.stack.top
    assert top is not None
    button = top.ui.offers.get(offer_key(action))
    assert button is not None, f"{type(top).__name__} offers no button for {action!r}"
    event = pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button)
    if draw:
        Driver(ctx).step(1 / 60, [event])
    else:
        Driver(ctx).dispatch(event)


def answer_events(ctx: AppContext, scene: PenghitunganScene) -> None:
    """Give the right answer to anything that happened, through the event dialog."""
    for event in incidents.awaiting(scene.world):
        correct = incidents.EVENT_RULES[EventKind(event.kind)].correct
        press_offer(ctx, RespondToEvent(event=event.index, response=correct))


def open_and_announce(ctx: AppContext, ballot: BallotType, *, draw: bool = True) -> None:
    press_offer(ctx, OpenBoxForCount(ballot=ballot), draw=draw)
    press_offer(ctx, AnnounceBoxCount(ballot=ballot), draw=draw)


def truth(scene: PenghitunganScene) -> str:
    """What the ballot being shown counts for (asked of the engine, as the test's key)."""
    ballot = penghitungan.current_ballot(scene.world)
    assert ballot is not None
    return str(penghitungan.true_verdict(scene.world, ballot).counted_as)


def rule_carefully_until(ctx: AppContext, scene: PenghitunganScene, verdict: str) -> None:
    """Rule ballots correctly through the plano buttons until one worth ``verdict`` shows."""
    while truth(scene) != verdict:
        press_offer(ctx, RuleBallot(verdict=truth(scene)), draw=False)
        answer_events(ctx, scene)


def check_fit(scene: PenghitunganScene, where: str) -> int:
    """Every label and button's words inside it (a wrapped button's lines each); how many
    were checked."""
    checked = 0
    for element in scene.ui.elements:
        if isinstance(element, (UILabel, UIButton)) and element.alive():
            widths = (
                line_widths(element)
                if isinstance(element, UIButton)
                else [element.font.size(element.text)[0]]
            )
            for width in widths:
                assert width <= element.rect.width, (
                    f"{where}: {element.text!r} is {width}px wide in a "
                    f"{element.rect.width}px element"
                )
            checked += 1
    return checked


# --- Fit ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
@pytest.mark.parametrize("path", [COUNT_SCENARIO, FULL_DAY], ids=["pilkada", "pemilu"])
def test_every_text_fits_its_element(lang: str, size: tuple[int, int], path: Path) -> None:
    _ctx, scene = counting_scene(size, lang, path)
    where = f"{path.stem} {lang} {size}"
    assert check_fit(scene, f"{where}, boxes") > 3
    order = [b for b in BALLOT_ORDER[scene.world.scenario.election] if b in scene.world.boxes]
    for ballot in order[:2]:  # the second one is DPR (party list) or the empty-column race
        scene.session.do(OpenBoxForCount(ballot=ballot))
        scene.session.do(RuleBallot(verdict=truth(scene)))
        scene.rebuild()
        assert check_fit(scene, f"{where}, {ballot.value} open, count not announced") > 3
        widgets = len(scene.ui.elements)
        assert widgets < 60, f"{where}: {widgets} widgets for one {ballot.value} ballot"
        while scene.world.counting.open_box is ballot:
            scene.session.do(RuleBallot(verdict=truth(scene)))
    scene.rebuild()
    assert check_fit(scene, f"{where}, between boxes") > 3


# --- Playing through the widgets -------------------------------------------------------------


def test_clicking_a_column_on_the_ballot_rules_for_it() -> None:
    ctx, scene = counting_scene()
    open_and_announce(ctx, GUBERNUR)
    assert scene._ballot_rect is not None and set(scene._targets) == {"pair:1", "pair:2"}
    spot = scene._targets["pair:2"].move(scene._ballot_rect.topleft).center
    assert scene.target_at(spot) == "pair:2"
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=spot)
    Driver(ctx).step(1 / 60, [click])
    last = scene.session.sim.log[-1].action
    assert isinstance(last, RuleBallot), log_kinds(scene)
    assert (last.verdict, last.shown) == ("pair:2", True)
    outside = (scene._ballot_rect.left + 2, scene._ballot_rect.top + 2)  # the header
    Driver(ctx).step(1 / 60, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=outside)])
    assert len(scene.session.sim.log) == 3, "a click off every column rules nothing"


def test_keys_rule_a_pair_the_empty_column_and_invalid() -> None:
    ctx, scene = counting_scene()
    driver = Driver(ctx)
    driver.step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0)])
    assert scene.world.counting.open_box is BUPATI, "key 2 opens the second box on the table"
    driver.step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=0)])
    for key in (pygame.K_k, pygame.K_1, pygame.K_x):
        driver.step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, key=key, mod=0)])
    verdicts = [e.action.verdict for e in scene.session.sim.log if isinstance(e.action, RuleBallot)]
    assert verdicts == ["kosong", "pair:1", "invalid"]
    assert log_kinds(scene)[:2] == ["open_count", "announce_count"]
    assert "penghitungan.urutan_salah" in rule_ids(scene), "Bupati before Gubernur is out of order"


def test_a_careful_count_through_the_screen_finds_nothing() -> None:
    ctx, scene = counting_scene()
    for ballot in (GUBERNUR, BUPATI):
        open_and_announce(ctx, ballot)
        while scene.world.counting.open_box is ballot:
            press_offer(ctx, RuleBallot(verdict=truth(scene)), draw=False)
            answer_events(ctx, scene)
    assert log_kinds(scene).count("rule_ballot") == 96
    assert scene.world.counting.finished == [GUBERNUR, BUPATI]
    scene.session.do(EndPhase())
    found = [(f.rule_id, f.subject) for f in scene.session.sim.findings]
    assert not found, f"a careful count through the screen broke rules: {found}"


def test_an_empty_column_vote_given_to_the_pair_is_a_wrong_target() -> None:
    ctx, scene = counting_scene()
    open_and_announce(ctx, GUBERNUR)
    while scene.world.counting.open_box is GUBERNUR:
        scene.session.do(RuleBallot(verdict=truth(scene)))
    scene.rebuild()
    open_and_announce(ctx, BUPATI)
    rule_carefully_until(ctx, scene, "kosong")
    assert not rule_ids(scene)
    press_offer(ctx, RuleBallot(verdict="pair:1"))
    assert rule_ids(scene) == {"penghitungan.suara_untuk_peserta_lain"}
    rule_carefully_until(ctx, scene, "kosong")
    press_offer(ctx, RuleBallot(verdict="invalid"))
    assert "penghitungan.kolom_kosong_tidak_sah" in rule_ids(scene)


def test_ruling_before_announcing_and_without_showing_are_caught() -> None:
    ctx, scene = counting_scene()
    press_offer(ctx, OpenBoxForCount(ballot=GUBERNUR))
    press_offer(ctx, RuleBallot(verdict="invalid", shown=False))
    found = rule_ids(scene)
    assert "penghitungan.jumlah_tidak_diumumkan" in found, found
    assert "penghitungan.surat_suara_tidak_ditunjukkan" in found, found


def test_another_box_can_still_be_opened_from_the_side_list() -> None:
    ctx, scene = counting_scene()
    open_and_announce(ctx, GUBERNUR)
    press_offer(ctx, OpenBoxForCount(ballot=BUPATI))
    assert "penghitungan.kotak_dibuka_bersamaan" in rule_ids(scene)


def test_the_plano_tallies_what_was_ruled() -> None:
    ctx, scene = counting_scene()
    open_and_announce(ctx, GUBERNUR)
    for verdict in ("pair:1", "pair:1", "pair:2", "invalid"):
        press_offer(ctx, RuleBallot(verdict=verdict))
    assert scene.world.counting.tally[GUBERNUR] == {"pair:1": 2, "pair:2": 1, "invalid": 1}
    progress = scene._progress
    assert progress is not None and "5" in progress.text and "48" in progress.text, (
        "the progress names the fifth ballot of 48"
    )
