"""The opening scene, played through its widgets: the clock moves only when the trainee waits;
witnesses are received at the entrance; the steps are buttons in any order; a careful crew's
logistics and opening through the two scenes finds nothing, and opening the meeting before
07:00 is flagged by the engine (the scene does not stop it). Texts fit in both languages at
both window sizes."""

from __future__ import annotations

import pygame
import pytest

from simulator.app.play import Mode
from simulator.app.widgets import offer_key
from simulator.core.actions import AdvanceClock, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.core.phases.pembukaan import (
    AdmitWitness,
    OpenBox,
    OpenMeeting,
    PostNoticeBoard,
    RefuseWitness,
    ReturnNotice,
    TakeOath,
)
from simulator.scenes.phases.pembukaan import Fold, PembukaanScene
from simulator.schema.scenario import NoticeReason
from simulator.schema.types import BallotType, Phase
from tests.pilot import Pilot, texts_overflowing
from tests.test_scene_logistik import end_phase, padded_overflow, press

LAPTOP, FULL_HD = (1366, 768), (1920, 1080)
OPENED_EARLY = "pembukaan.dibuka_sebelum_0700"


def opening(pilot: Pilot, name: str = "pemilu-hari-penuh") -> PembukaanScene:
    """The opening scene after a careful crew has checked the logistics (engine only)."""
    session = pilot.start_session(name)
    crew = CarefulCrew(session.sim)
    for action in crew.logistics():
        session.do(action)
    scene = pilot.top
    scene.act(EndPhase())  # type: ignore[attr-defined]
    pilot.frames(1)
    assert isinstance(pilot.top, PembukaanScene), f"the opening follows, not {pilot.top}"
    return pilot.top


def overflow(scene: PembukaanScene) -> list[str]:
    """Texts wider than their element, and stage buttons cut short with "…" to fit (the
    side list may shorten long action names: its tooltips hold them whole)."""
    side = scene.side_rect().left
    cut = [
        f"{b.text!r} is cut short"
        for b in scene.ui.offers.values()
        if "…" in b.text and b.rect.left < side
    ]
    return texts_overflowing(scene) + padded_overflow(scene) + cut  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [LAPTOP, FULL_HD], ids=["laptop", "full-hd"])
def test_every_text_fits_its_element(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size, lang)
    scene = opening(pilot)
    session = scene.session
    assert not overflow(scene), ("at 06:00", overflow(scene))
    # A witness in a participant's shirt at the entrance, a notice's reasons unfolded.
    session.do_all([AdvanceClock(to="06:40"), AdmitWitness(witness="w1")])
    session.do(RefuseWitness(witness="w2"))
    scene.fold = Fold(notice="n01")
    scene.rebuild()
    assert [w.id for w in scene.waiting_witnesses()] == ["w3"]
    assert not overflow(scene), ("witness with attributes", overflow(scene))
    # Boxes being opened, one box's reports unfolded, the side list's checks unfolded.
    session.do_all([AdvanceClock(to="07:00"), OpenMeeting(), OpenBox(ballot=BallotType.PPWP)])
    scene.fold = Fold(box=BallotType.PPWP)
    scene.side_unfolded = "inspect"
    scene.rebuild()
    assert not overflow(scene), ("boxes and folds open", overflow(scene))
    # The whole opening done: every step in the list, the oldest cut off.
    for action in CarefulCrew(session.sim).opening():
        session.do(action)
    scene.fold = Fold()
    scene.rebuild()
    assert not overflow(scene), ("all done", overflow(scene))


def test_the_clock_waits_and_the_buttons_apply_what_they_show() -> None:
    pilot = Pilot(LAPTOP, "en")
    scene = opening(pilot)
    sim = scene.session.sim
    assert sim.world.clock == 6 * 60, "the opening starts at 06:00"
    assert scene.waiting_witnesses() == [], "nobody is at the entrance yet"
    pilot.key(pygame.K_t)  # wait for the next moment something happens
    assert sim.log[-1].action == AdvanceClock(to="06:15"), sim.log[-1]  # the PTPS arrives
    pilot.key(pygame.K_t)
    assert sim.log[-1].action == AdvanceClock(to="06:20"), sim.log[-1]
    assert [w.id for w in pilot.top.waiting_witnesses()] == ["w1"], "the first witness is here"
    press(pilot, AdmitWitness(witness="w1"))
    assert sim.world.witnesses["w1"].decision == "admitted"
    press(pilot, PostNoticeBoard(marked_ineligible=True))
    assert sim.log[-1].action == PostNoticeBoard(marked_ineligible=True)
    # The return of a notice hides behind the notice's own button until it is unfolded.
    scene = pilot.top
    toggle = next(e for e in scene.ui.elements if "Sukarti Wahyuni" in getattr(e, "text", ""))
    pilot.click(toggle)
    press(pilot, ReturnNotice(notice="n01", reason=NoticeReason.MENINGGAL))
    assert sim.log[-1].action == ReturnNotice(notice="n01", reason=NoticeReason.MENINGGAL)
    done = [text for _, text, _ in pilot.top.done_entries()]
    assert done[-1].startswith("Return a voter notice"), f"the steps list grows: {done}"


@pytest.mark.slow
def test_a_careful_day_start_through_both_scenes_finds_nothing() -> None:
    pilot = Pilot(LAPTOP, "id")
    session = pilot.start_session("pemilu-hari-penuh")
    sim = session.sim
    crew = CarefulCrew(sim)
    for phase in (Phase.LOGISTIK, Phase.PEMBUKAAN):
        assert sim.world.phase is phase
        for action in crew.phase_actions(phase):
            press(pilot, action)
        end_phase(pilot)
    assert sim.world.phase is Phase.PEMUNGUTAN, "the voting follows the opening"
    assert not sim.findings, [(f.rule_id, f.subject) for f in sim.findings]


def test_opening_the_meeting_before_seven_is_allowed_and_flagged() -> None:
    pilot = Pilot(LAPTOP, "id")
    scene = opening(pilot)
    assert offer_key(OpenMeeting()) in scene.ui.offers, "the meeting can be opened at 06:00 too"
    press(pilot, OpenMeeting())
    assert scene.session.sim.world.opening.meeting_opened_at == 6 * 60
    assert OPENED_EARLY in {f.rule_id for f in scene.session.latest}, scene.session.latest


@pytest.mark.slow
def test_a_step_that_broke_a_rule_never_gets_a_tick() -> None:
    """Latihan: the steps list marks the early opening with a warning, not a tick; the note
    under the meeting has no tick either. Ujian marks every step alike (no hint)."""
    pilot = Pilot(LAPTOP, "id")
    scene = opening(pilot)
    press(pilot, OpenMeeting())  # at 06:00: before 07:00, a finding
    press(pilot, TakeOath())
    marks = {text: mark for _, text, mark in scene.done}
    assert "finding" in marks.values() and "ok" in marks.values(), marks
    opened = next(mark for text, mark in marks.items() if "rapat" in text.lower())
    assert opened == "finding", f"the early opening is marked {opened!r}"
    notes = [e.text for e in scene.ui.elements if hasattr(e, "text") and "dibuka pukul" in e.text]
    assert notes and not any(n.startswith("✓") for n in notes), notes

    ujian = Pilot(LAPTOP, "id")
    session = ujian.start_session("pemilu-hari-penuh", Mode.UJIAN)
    for action in CarefulCrew(session.sim).logistics():
        session.do(action)
    ujian.top.act(EndPhase())  # type: ignore[attr-defined]
    ujian.frames(1)
    exam = ujian.top
    assert isinstance(exam, PembukaanScene)
    press(ujian, OpenMeeting())
    assert {mark for _, _, mark in exam.done} == {"done"}, "Ujian gives no right/wrong marks"


@pytest.mark.slow
def test_buttons_stay_where_they_were_after_a_click() -> None:
    """A trainee clicks, then clicks again without looking: a button still on screen after a
    step must not have moved under the pointer (a status line takes a done step's place)."""
    pilot = Pilot(LAPTOP, "id")
    scene = opening(pilot)
    crew = CarefulCrew(scene.session.sim)
    moved: list[str] = []
    for action in crew.opening():
        key_ = offer_key(action)
        if key_ not in scene.ui.offers:
            scene.act(action)
            continue
        before = {k: b.get_abs_rect().topleft for k, b in scene.ui.offers.items()}
        press(pilot, action)
        after = {k: b.get_abs_rect().topleft for k, b in scene.ui.offers.items()}
        for k in before.keys() & after.keys():
            if before[k] != after[k]:
                moved.append(f"after {key_}: {k} moved {before[k]} → {after[k]}")
    assert not moved, "\n".join(moved[:40])
