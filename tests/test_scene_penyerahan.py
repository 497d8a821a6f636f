"""The handover scene, played through its widgets: Sirekap uploads, the C.Hasil copies and who
receives them, packed and sealed boxes, the handover to the PPS; texts fit in both languages at
both window sizes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pygame
import pytest
from fit import layout_faults
from pilot import ShownText, shown_text
from pygame_gui.elements import UIButton
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
)

from simulator.app.context import AppContext
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.shots import headless_context
from simulator.app.widgets import offer_key
from simulator.content import load_scenario
from simulator.core.actions import Action, RespondToEvent
from simulator.core.careful import CarefulCrew
from simulator.core.phases import incidents
from simulator.core.phases.penyerahan import (
    GiveCopies,
    HandOver,
    MakeCopies,
    PutInBox,
    PutInEnvelope,
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


def choose(scene: PenyerahanScene, document: str) -> None:
    """Click the document's button in the packing list."""
    press(scene.ctx, scene.choices[f"document:{document}"])
    assert scene.chosen == document, f"clicking {document} chose {scene.chosen}"


def press_packing(scene: PenyerahanScene, action: Action) -> None:
    """A packing move as a trainee makes it with the mouse: the document first (for a box,
    one in that envelope), then the envelope's or the box's button."""
    if isinstance(action, PutInEnvelope):
        document = action.document
    elif isinstance(action, PutInBox):
        held = scene.world.handover.envelope_of
        document = next(d for d, e in held.items() if e == action.envelope)
    else:
        press_offer(scene, action)
        return
    if scene.chosen != document:
        choose(scene, document)
    press_offer(scene, action)


def tab_to(ctx: AppContext, scene: PenyerahanScene, find: Callable[[], UIButton]) -> None:
    """Tab until the focus is on the button ``find`` names (the buttons are made again
    after each action), as a trainee without a mouse would."""
    for _ in range(300):
        if scene.ui.focused() is find():
            return
        key(ctx, pygame.K_TAB)
    raise AssertionError("Tab never reached the button")


def shown(scene: PenyerahanScene) -> ShownText:
    """Every word the screen draws now (the pilot's reading of it)."""
    return shown_text(SimpleNamespace(ctx=scene.ctx, driver=Driver(scene.ctx)))  # type: ignore[arg-type]


def handover_rules(scene: PenyerahanScene) -> set[str]:
    return {f.rule_id for f in scene.session.sim.findings if f.phase is Phase.PENYERAHAN}


# --- Fit ----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(("path", "lang", "size"), FIT_CASES, ids=FIT_IDS)
def test_every_text_fits_its_element(path: Path, lang: str, size: tuple[int, int]) -> None:
    """Whole words everywhere (the packing's buttons wrap their long names onto lines of
    their own, read as pygame_gui lays them out), at the start, mid-phase, after it."""
    ctx, scene, crew = handover_scene(size, lang, path)
    driver = Driver(ctx)
    driver.step(1 / 60, [])
    assert len(scene.choices) == len(scene.world.packing.envelope_of), "a button per document"
    faults = layout_faults(scene)
    assert not faults, f"{lang} {size} at the start: {faults}"
    steps = list(crew.phase_actions(Phase.PENYERAHAN))
    scene.act_all(steps[:-3])  # uploads, copies, recipients, packing, the first boxes sealed
    driver.step(1 / 60, [])
    faults = layout_faults(scene)
    assert not faults, f"{lang} {size} mid-phase: {faults}"
    scene.act_all(steps[-3:])
    driver.step(1 / 60, [])
    faults = layout_faults(scene)
    assert not faults, f"{lang} {size} after the handover: {faults}"


# --- Pressing the stage's buttons ---------------------------------------------------------------


def test_stage_buttons_apply_their_actions() -> None:
    _, scene, _ = handover_scene()
    # The upload last: Sirekap misreading the uploaded sheet opens a dialog over the stage.
    for action in (
        MakeCopies(ballot=PPWP),
        SealBox(ballot=DPR),
        UploadSirekap(ballot=PPWP),
    ):
        press_offer(scene, action)
        assert last(scene) == action, f"pressing for {action!r} gave {last(scene)!r}"
    assert offer_key(GiveCopies(recipient="ptps")) not in scene.ui.offers, (
        "copies are handed out once every type has them, as the engine allows"
    )


@pytest.mark.slow
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


@pytest.mark.slow
@pytest.mark.parametrize("path", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_careful_play_through_the_widgets_has_no_findings(path: Path) -> None:
    ctx, scene, crew = handover_scene(path=path)
    before = len(scene.session.sim.findings)
    for action in list(crew.phase_actions(Phase.PENYERAHAN)):
        press_packing(scene, action)
        assert last(scene) == action, f"pressing the button for {action!r} gave {last(scene)!r}"
        for event in incidents.awaiting(scene.world):  # Sirekap misreads an uploaded sheet
            dialog = ctx.stack.top
            assert isinstance(dialog, EventDialog), "the event is put in front of the trainee"
            answer = RespondToEvent(event=event.index, response=crew.response_to(event))
            press(ctx, dialog.ui.offers[offer_key(answer)])
    end_phase(ctx)
    assert scene.session.finished, "the handover is the last phase of the day"
    found = scene.session.sim.findings[before:]
    assert not found, f"a careful handover found {[f.rule_id for f in found]}"
    assert isinstance(ctx.stack.top, DebriefScene), "the debrief follows the last phase"


@pytest.mark.slow
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


# --- Packing: each document into an envelope, each envelope into a box -------------------------


@pytest.mark.slow
def test_the_mouse_chooses_a_document_then_its_envelope_and_box() -> None:
    ctx, scene, _ = handover_scene()
    choose(scene, "c_daftar_hadir")
    cat = ctx.cat
    heading = cat("scene.penyerahan.packing.envelope_for",
                  document=cat("label.document.c_daftar_hadir"))
    assert shown(scene).shows(heading), f"the chooser names the document: {heading!r}"
    press_offer(scene, PutInEnvelope(document="c_daftar_hadir", envelope="sampul_c_hasil.dpr"))
    assert last(scene) == PutInEnvelope(document="c_daftar_hadir", envelope="sampul_c_hasil.dpr")
    press_offer(scene, PutInBox(envelope="sampul_c_hasil.dpr", box=DPR))
    assert last(scene) == PutInBox(envelope="sampul_c_hasil.dpr", box=DPR)
    place = cat(
        "scene.penyerahan.packing.in_box",
        envelope=cat("label.envelope.sampul_c_hasil", ballot="DPR"),
        box=cat("label.box", ballot="DPR"),
    )
    assert shown(scene).shows(place), f"the list says where it went: {place!r}"
    name = scene.choices["document:c_daftar_hadir"].text.replace("\xa0", " ")
    assert " ".join(name.split()) == cat("label.document.c_daftar_hadir"), (
        f"the document's button keeps its name as it moves, not {name!r}"
    )


@pytest.mark.slow
def test_the_keyboard_alone_packs_a_document() -> None:
    """Tab to the document, Enter; Tab to an envelope, Enter; Tab to a box, Enter."""
    ctx, scene, _ = handover_scene()
    tab_to(ctx, scene, lambda: scene.choices["document:model_a"])
    key(ctx, pygame.K_RETURN)
    assert scene.chosen == "model_a", f"Enter on the document chose {scene.chosen}"
    into = PutInEnvelope(document="model_a", envelope="sampul_dokumen")
    tab_to(ctx, scene, lambda: scene.ui.offers[offer_key(into)])
    key(ctx, pygame.K_RETURN)
    assert last(scene) == into, f"Enter on the envelope: {last(scene)!r}"
    box = PutInBox(envelope="sampul_dokumen", box=PPWP)
    tab_to(ctx, scene, lambda: scene.ui.offers[offer_key(box)])
    key(ctx, pygame.K_RETURN)
    assert last(scene) == box, f"Enter on the box: {last(scene)!r}"


@pytest.mark.slow
def test_a_document_in_another_types_box_is_judged_at_the_handover() -> None:
    _, scene, crew = handover_scene()
    for action in crew.phase_actions(Phase.PENYERAHAN):
        if action == PutInBox(envelope="sampul_sisa.dpd", box=BallotType.DPD):
            action = PutInBox(envelope="sampul_sisa.dpd", box=DPR)
        if isinstance(action, UploadSirekap):
            continue  # no Sirekap dialog in the way
        press_packing(scene, action)
    found = handover_rules(scene)
    assert "penyerahan.surat_suara_salah_kotak" in found, found


@pytest.mark.slow
def test_nothing_is_offered_for_a_document_sealed_in_its_box() -> None:
    ctx, scene, crew = handover_scene()
    steps = [a for a in crew.phase_actions(Phase.PENYERAHAN) if not isinstance(a, HandOver)]
    scene.act_all([a for a in steps if not isinstance(a, UploadSirekap)])
    choose(scene, "c_hasil.ppwp")
    assert not any(key.startswith("put_in") for key in scene.ui.offers), (
        "every box is sealed: nothing moves in or out"
    )
    assert shown(scene).shows(ctx.cat("scene.penyerahan.packing.sealed_in"))
