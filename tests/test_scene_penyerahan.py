"""The handover scene, played through its widgets: Sirekap uploads, the C.Hasil copies and who
receives them, packed and sealed boxes, the handover to the PPS; texts fit in both languages at
both window sizes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from test_scene_penutupan import (
    FIT_CASES,
    FIT_IDS,
    PEMILU,
    PILKADA,
    end_phase,
    key,
    last,
    play_until,
    press,
    press_offer,
    texts_fit,
)

from simulator.app.context import AppContext
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.shots import headless_context
from simulator.app.widgets import offer_key
from simulator.content import load_scenario
from simulator.core.actions import RespondToEvent
from simulator.core.careful import CarefulCrew
from simulator.core.phases import incidents
from simulator.core.phases.penyerahan import (
    GiveCopies,
    HandOver,
    MakeCopies,
    PackBox,
    SealBox,
    UploadSirekap,
)
from simulator.scenes.debrief import DebriefScene
from simulator.scenes.event import EventDialog
from simulator.scenes.phases.penyerahan import PenyerahanScene
from simulator.schema.types import BallotType, Phase

PPWP, DPR = BallotType.PPWP, BallotType.DPR
FORMS_TAKEN_OUT = "penyerahan.formulir_dibawa_keluar"
BOX_NOT_SEALED = "penyerahan.kotak_tidak_disegel"
BOX_NOT_PACKED = "penyerahan.kotak_disegel_sebelum_dikemas"
COPIES_NOT_GIVEN = "penyerahan.salinan_tidak_diberikan"


def handover_scene(
    size: tuple[int, int] = (1366, 768), lang: str = "id", path: Path = PEMILU
) -> tuple[AppContext, PenyerahanScene, CarefulCrew]:
    scenario = load_scenario(path)
    ctx = headless_context(size, lang)
    session = PlaySession.begin(ScenarioEntry(path, scenario, "test"), Mode.LATIHAN, None, None)
    crew = play_until(session, Phase.PENYERAHAN)
    scene = PenyerahanScene(ctx, session)
    ctx.stack.replace(scene)
    return ctx, scene, crew


def handover_rules(scene: PenyerahanScene) -> set[str]:
    return {f.rule_id for f in scene.session.sim.findings if f.phase is Phase.PENYERAHAN}


# --- Fit ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "lang", "size"), FIT_CASES, ids=FIT_IDS)
def test_every_text_fits_its_element(path: Path, lang: str, size: tuple[int, int]) -> None:
    ctx, scene, crew = handover_scene(size, lang, path)
    driver = Driver(ctx)
    driver.step(1 / 60, [])
    checked = texts_fit(scene, f"{lang} {size} at the start")
    assert checked >= 10, f"only {checked} labels and buttons on the handover stage"
    steps = list(crew.phase_actions(Phase.PENYERAHAN))
    scene.act_all(steps[:-3])  # uploads, copies, recipients, a first box sealed
    driver.step(1 / 60, [])
    texts_fit(scene, f"{lang} {size} mid-phase")
    scene.act_all(steps[-3:])
    driver.step(1 / 60, [])
    texts_fit(scene, f"{lang} {size} after the handover")


# --- Pressing the stage's buttons ---------------------------------------------------------------


def test_stage_buttons_apply_their_actions() -> None:
    _, scene, _ = handover_scene()
    # The upload last: Sirekap misreading the uploaded sheet opens a dialog over the stage.
    for action in (
        MakeCopies(ballot=PPWP),
        PackBox(ballot=DPR),
        SealBox(ballot=DPR),
        UploadSirekap(ballot=PPWP),
    ):
        press_offer(scene, action)
        assert last(scene) == action, f"pressing for {action!r} gave {last(scene)!r}"
    assert offer_key(GiveCopies(recipient="ptps")) not in scene.ui.offers, (
        "copies are handed out once every type has them, as the engine allows"
    )


def test_shortcut_keys_give_copies_and_hand_over() -> None:
    ctx, scene, _ = handover_scene()
    for ballot in scene.world.boxes:
        press_offer(scene, MakeCopies(ballot=ballot))
    key(ctx, pygame.K_2)
    assert last(scene) == GiveCopies(recipient="ptps"), f"key 2: {last(scene)!r}"
    key(ctx, pygame.K_h)
    assert last(scene) == HandOver(), f"key H hands over: {last(scene)!r}"
    assert offer_key(HandOver()) not in scene.ui.offers, "nothing is offered after the handover"


def test_keyboard_focus_and_enter_press_a_stage_button() -> None:
    ctx, scene, _ = handover_scene()
    button = scene.ui.offers[offer_key(UploadSirekap(ballot=DPR))]
    scene.ui.set_focus(button)
    key(ctx, pygame.K_RETURN)
    assert last(scene) == UploadSirekap(ballot=DPR), f"Enter on the focus: {last(scene)!r}"


# --- A careful play and a wrong one, through the widgets --------------------------------------


@pytest.mark.parametrize("path", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_careful_play_through_the_widgets_has_no_findings(path: Path) -> None:
    ctx, scene, crew = handover_scene(path=path)
    before = len(scene.session.sim.findings)
    for action in list(crew.phase_actions(Phase.PENYERAHAN)):
        press_offer(scene, action)
        assert last(scene) == action, f"pressing the button for {action!r} gave {last(scene)!r}"
        for event in incidents.awaiting(scene.world):  # Sirekap misreads an uploaded sheet
            dialog = ctx.stack.top
            assert isinstance(dialog, EventDialog), "the event is put in front of the trainee"
            answer = RespondToEvent(event=event.index, response=crew.response(event.kind))
            press(ctx, dialog.ui.offers[offer_key(answer)])
    end_phase(ctx)
    assert scene.session.finished, "the handover is the last phase of the day"
    found = scene.session.sim.findings[before:]
    assert not found, f"a careful handover found {[f.rule_id for f in found]}"
    assert isinstance(ctx.stack.top, DebriefScene), "the debrief follows the last phase"


def test_copies_made_outside_and_an_unsealed_box_fire_their_rules() -> None:
    ctx, scene, _ = handover_scene()
    press_offer(scene, MakeCopies(ballot=PPWP, place="luar"))
    assert FORMS_TAKEN_OUT in {f.rule_id for f in scene.session.latest}, (
        f"taking the forms to a copy shop is judged at once: {scene.session.latest}"
    )
    for ballot in scene.world.boxes:
        if ballot is not PPWP:
            press_offer(scene, MakeCopies(ballot=ballot))
    press_offer(scene, SealBox(ballot=DPR))  # sealed before it was packed
    press_offer(scene, HandOver())
    end_phase(ctx)
    found = handover_rules(scene)
    assert {FORMS_TAKEN_OUT, BOX_NOT_PACKED, BOX_NOT_SEALED, COPIES_NOT_GIVEN} <= found, found
