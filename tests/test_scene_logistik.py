"""The logistics scene, played through its widgets: a tile shows what it holds only once it has
been checked; counting and reporting come from the checked tile's buttons; a careful check
through the screen finds nothing, and a shortage left unreported is flagged. Texts fit in both
languages at both window sizes."""

from __future__ import annotations

import pygame
import pygame_gui
import pytest
from pygame_gui.elements import UIButton

from simulator.app.widgets import offer_key
from simulator.core.actions import Action, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.phases.logistik import CountBallots, InspectItem, ReportDiscrepancy
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.phases.logistik import LogistikScene, Tile
from simulator.schema.types import BallotType, Phase
from tests.fit import line_widths
from tests.pilot import Pilot, texts_overflowing

LAPTOP, FULL_HD = (1366, 768), (1920, 1080)
BRAILLE_UNREPORTED = "logistik.braille_tidak_dilaporkan"
FALSE_REPORT = "logistik.laporan_tanpa_dasar"


def logistics(pilot: Pilot, name: str = "pemilu-hari-penuh") -> LogistikScene:
    pilot.start_session(name)
    scene = pilot.top
    assert isinstance(scene, LogistikScene), f"the day opens on the logistics scene, not {scene}"
    return scene


def press(pilot: Pilot, action: Action) -> None:
    """Press the button for ``action``, choosing its tile first as a trainee would."""
    scene = pilot.top
    if offer_key(action) not in scene.ui.offers:
        reveal = getattr(scene, "reveal", None)
        assert reveal is not None and reveal(action), f"nothing on screen leads to {action!r}"
        pilot.frames(1)
    button = scene.ui.offers.get(offer_key(action))
    assert button is not None, f"{type(scene).__name__} offers no button for {offer_key(action)}"
    pilot.click(button)


def end_phase(pilot: Pilot) -> None:
    scene = pilot.top
    pilot.key(pygame.K_e)
    assert isinstance(pilot.top, ConfirmDialog), "E asks before ending the phase"
    pilot.key(pygame.K_LEFT)  # from "cancel", where the focus starts, to "yes"
    pilot.key(pygame.K_RETURN)
    assert pilot.top is not scene, "confirming leaves the phase"


def padded_overflow(scene: LogistikScene) -> list[str]:
    """Stage buttons whose text (each line of a wrapped one) does not fit inside the button's
    padding (10 px a side)."""
    pad = scene.ctx.px(24)
    return [
        f"{e.text!r}: {width} px > {e.rect.width - pad} px"
        for e in scene.ui.elements
        if isinstance(e, UIButton)
        for width in line_widths(e)
        if width > e.rect.width - pad
    ]


def overflow(scene: LogistikScene) -> list[str]:
    """Texts wider than their element, and buttons cut short with "…" to fit."""
    cut = [f"{b.text!r} is cut short" for b in scene.ui.offers.values() if "…" in b.text]
    return texts_overflowing(scene) + padded_overflow(scene) + cut


def detail_text(scene: LogistikScene) -> str:
    return " ".join(line.text for line in scene.detail_lines())


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [LAPTOP, FULL_HD], ids=["laptop", "full-hd"])
def test_every_text_fits_its_element(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size, lang)
    scene = logistics(pilot)
    session = scene.session
    assert not overflow(scene), ("at the start", overflow(scene))
    for target in ("ballots.dprd_kabko", "box.ppwp", "item.template_braille"):
        session.do(InspectItem(target=target))
        scene.selected = target
        scene.rebuild()
        assert not overflow(scene), (target, overflow(scene))
    session.do_all([CountBallots(ballot=BallotType.DPRD_KABKO)])
    for action in CarefulCrew(session.sim).logistics():
        session.do(action)
    scene.selected = "ballots.dprd_kabko"
    scene.rebuild()
    assert not overflow(scene), ("all checked and reported", overflow(scene))


def test_a_tile_shows_its_state_only_after_it_is_checked() -> None:
    pilot = Pilot(LAPTOP, "en")
    scene = logistics(pilot)
    wrong = "Bukit Permai 1"  # the district printed on the DPRD Kab/Kota packets
    scene.selected = "ballots.dprd_kabko"  # chosen, not yet opened
    scene.rebuild()
    assert "Not opened and checked yet" in detail_text(scene), detail_text(scene)
    assert wrong not in detail_text(scene), "the district printed must stay hidden until checked"
    assert "ballots.dprd_kabko" not in scene.session.sim.world.inspected
    press(pilot, InspectItem(target="ballots.dprd_kabko"))
    assert scene.session.sim.log[-1].action == InspectItem(target="ballots.dprd_kabko")
    assert wrong in detail_text(pilot.top), "checking shows the district printed on the packet"
    assert "not counted yet" in detail_text(pilot.top), "the number shows only after counting"
    press(pilot, CountBallots(ballot=BallotType.DPRD_KABKO))
    assert "Counted: 64 ballots" in detail_text(pilot.top), detail_text(pilot.top)


def test_the_tile_and_its_buttons_apply_the_actions_they_show() -> None:
    pilot = Pilot(LAPTOP, "id")
    scene = logistics(pilot)
    log = scene.session.sim.log
    tile_button = scene.ui.offers[offer_key(InspectItem(target="item.template_braille"))]
    pilot.frames(1, [pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=tile_button)])
    assert log[-1].action == InspectItem(target="item.template_braille"), log[-1]
    assert scene.selected == "item.template_braille", "the checked tile is the one shown"
    pilot.key(pygame.K_1)  # the tile's first (only) report: fewer than listed
    assert log[-1].action == ReportDiscrepancy(discrepancy="item.template_braille"), log[-1]
    # A packet: H counts it, the report buttons follow in order.
    press(pilot, InspectItem(target="ballots.dpd"))
    pilot.key(pygame.K_h)
    assert log[-1].action == CountBallots(ballot=BallotType.DPD), log[-1]
    pilot.key(pygame.K_1)
    assert log[-1].action == ReportDiscrepancy(discrepancy="ballots.dpd.count"), log[-1]
    # Keyboard: Tab reaches the first tile, Enter opens it.
    pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)
    assert log[-1].action == InspectItem(target=Tile("box.ppwp").target), log[-1]


@pytest.mark.slow
def test_a_careful_check_through_the_screen_finds_nothing() -> None:
    # Pilkada here; Pemilu in test_scene_pembukaan, logistics and opening in one run.
    pilot = Pilot(LAPTOP, "id")
    scene = logistics(pilot, "pilkada-hari-penuh")
    sim = scene.session.sim
    for action in CarefulCrew(sim).logistics():
        press(pilot, action)
    end_phase(pilot)
    assert sim.world.phase is Phase.PEMBUKAAN, "the day moves on to the opening"
    assert not sim.findings, [f.rule_id for f in sim.findings]


def test_an_unreported_shortage_and_a_baseless_report_are_flagged() -> None:
    pilot = Pilot(LAPTOP, "en")
    scene = logistics(pilot)
    sim = scene.session.sim
    press(pilot, InspectItem(target="item.template_braille"))  # 1 of the 2 listed: not reported
    press(pilot, InspectItem(target="box.ppwp"))
    press(pilot, ReportDiscrepancy(discrepancy="box.ppwp.seal"))  # the seal is intact
    assert FALSE_REPORT in {f.rule_id for f in scene.session.latest}, "judged at once"
    end_phase(pilot)
    # The packets' problems wait for the opening, where the ballots are counted.
    found = {f.rule_id for f in sim.findings}
    assert found == {FALSE_REPORT, BRAILLE_UNREPORTED}, found
    assert sim.log[-1].action == EndPhase()
