"""The guide card on a phase screen: the scenario's note opens at the phase's start and after
its trigger, in both modes; Esc, Enter or its button close it, F4 or the header's button open
the latest again; nothing of it reaches the action log; it is whole at Besar."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton, UITextBox
from rulekit import PEMILU, scenario

from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.core.actions import AdvanceClock, EndPhase, InformPps
from simulator.core.careful import CarefulCrew
from simulator.core.digest import state_digest
from simulator.core.engine import LoggedAction, Simulation
from simulator.scenes.guide import GuideState, kinds_this_phase
from simulator.scenes.phase import PhaseScene
from simulator.scenes.phases import scene_for
from simulator.schema.scenario import GUIDE_TEXT_MAX, GuideNote, GuideText
from tests.fit import layout_faults
from tests.pilot import Pilot, entry

START = {"id": "Layani pemilih satu per satu.", "en": "Serve the voters one at a time."}
AFTER = {"id": "Sekarang serahkan surat suaranya.", "en": "Now hand over the ballots."}
LATER = {"id": "Menjelang siang antrean sepi.", "en": "The queue thins before noon."}
GUIDE = [
    {"phase": "pemungutan", "text": START},
    {"phase": "pemungutan", "after": "admit_voter", "text": AFTER},
    {"phase": "pemungutan", "at": "10:00", "text": LATER},
]
VOTER = {"voters": {"listed": [{
    "id": "v01", "name": "Sri Rahayu", "sex": "P", "age": 45, "registered": "dpt",
    "arrives": "07:00", "documents": [{"kind": "c_pemberitahuan"}, {"kind": "ktp_el"}],
}]}}


def voting_day(pilot: Pilot, mode: Mode = Mode.LATIHAN, guide: list | None = None) -> PhaseScene:
    """The voting phase alone, one voter at 07:00, with the guide above."""
    day = scenario(PEMILU, phases=["pemungutan"], guide=GUIDE if guide is None else guide,
                   **VOTER)
    session = PlaySession.begin(ScenarioEntry(Path("panduan.yaml"), day, "0" * 64), mode,
                                None, None)
    scene = scene_for(pilot.ctx, session)
    pilot.show(scene)
    return scene  # type: ignore[return-value]


def card_text(scene: PhaseScene) -> str | None:
    """The note the card shows, as drawn (None when no card is on screen)."""
    if scene.guide.card is None:
        return None
    boxes = [e for e in scene.ui.elements
             if isinstance(e, UITextBox) and e.alive() and e.visible
             and scene.guide.card.contains(e.rect)]
    return " ".join(box.html_text for box in boxes) or None


def button(scene: PhaseScene, words: str) -> UIButton:
    return next(e for e in scene.ui.elements
                if isinstance(e, UIButton) and e.alive() and e.visible and words in e.text)


def take(scene: PhaseScene, kind: str) -> None:
    """The first action of ``kind`` the engine allows, as its button would apply it."""
    scene.act(next(a for a in scene.offered_actions() if a.kind == kind))


def admit_first_voter(pilot: Pilot, scene: PhaseScene) -> None:
    for kind in ("call_voter", "check_documents", "check_ink", "admit_voter"):
        take(scene, kind)
        pilot.frames(1)


@pytest.mark.parametrize("mode", [Mode.LATIHAN, Mode.UJIAN])
def test_the_phase_start_note_opens_with_the_phase_in_both_modes(mode: Mode) -> None:
    pilot = Pilot()
    scene = voting_day(pilot, mode)
    assert card_text(scene) == START["id"], f"the card shows {card_text(scene)!r}"
    assert button(scene, "Panduan  [F4]"), "the header offers the note again"


def test_a_note_opens_after_the_first_action_of_its_kind_and_at_its_time() -> None:
    pilot = Pilot()
    scene = voting_day(pilot)
    take(scene, "call_voter")
    pilot.frames(1)
    assert card_text(scene) == START["id"], "calling a voter is not the note's trigger"
    for kind in ("check_documents", "check_ink", "admit_voter"):
        take(scene, kind)
        pilot.frames(1)
    assert card_text(scene) == AFTER["id"], f"after admitting: {card_text(scene)!r}"
    scene.act(AdvanceClock(to="10:00"))
    pilot.frames(2)
    assert card_text(scene) == LATER["id"], f"at 10:00: {card_text(scene)!r}"


def test_keys_close_the_note_and_f4_opens_the_latest_again() -> None:
    pilot = Pilot()
    scene = voting_day(pilot)
    pilot.key(pygame.K_ESCAPE)
    pilot.frames(1)
    assert pilot.top is scene, "Esc closed the note rather than pausing"
    assert card_text(scene) is None, "Esc leaves the note open"
    pilot.key(pygame.K_F4)
    pilot.frames(1)
    assert card_text(scene) == START["id"], "F4 does not open the note again"
    pilot.key(pygame.K_RETURN)
    pilot.frames(1)
    assert card_text(scene) is None, "Enter leaves the note open"
    pilot.key(pygame.K_ESCAPE)
    pilot.frames(1)
    assert pilot.top is not scene, "with the note closed, Esc pauses as always"


def test_the_mouse_closes_the_note_and_opens_it_again() -> None:
    pilot = Pilot(lang="en")
    scene = voting_day(pilot)
    pilot.click(button(scene, "Close  [Esc]"))
    pilot.frames(1)
    assert card_text(scene) is None, "the Close button leaves the note open"
    pilot.click(button(scene, "Guide  [F4]"))
    pilot.frames(1)
    assert card_text(scene) == START["en"], "the header's Guide button does not open it"


def test_the_stage_keys_work_under_an_open_note() -> None:
    """Not a dialog: a shortcut of the stage still does its work while the note is open."""
    pilot = Pilot()
    scene = voting_day(pilot)
    before = len(scene.session.sim.log)
    pilot.key(pygame.K_e)  # End this phase: asks first
    pilot.frames(1)
    assert pilot.top is not scene, "E did not reach the phase under the note"
    assert len(scene.session.sim.log) == before


def test_the_note_is_never_part_of_the_day() -> None:
    """Opening and closing notes logs nothing, and a day with a guide plays to the same state
    as one without."""
    pilot = Pilot()
    scene = voting_day(pilot)
    admit_first_voter(pilot, scene)
    log = [entry.action for entry in scene.session.sim.log]
    for key in (pygame.K_ESCAPE, pygame.K_F4, pygame.K_RETURN, pygame.K_F4):
        pilot.key(key)
        pilot.frames(1)
    assert [entry.action for entry in scene.session.sim.log] == log, "the card logged actions"
    plain = Simulation.start(scenario(PEMILU, phases=["pemungutan"], **VOTER))
    for action in log:
        plain.apply(action)
    assert state_digest(plain.world, plain.findings) == state_digest(
        scene.session.sim.world, scene.session.sim.findings
    ), "a guide changed the day"


def test_the_replay_viewer_shows_no_notes() -> None:
    pilot = Pilot()
    scene = voting_day(pilot)
    scene.session.read_only = True
    again = scene_for(pilot.ctx, scene.session)
    pilot.show(again)
    assert card_text(again) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_note_of_the_first_timers_day_is_whole_at_besar(
    lang: str, size: tuple[int, int]
) -> None:
    """etika-netralitas, each phase with its note open, at the larger text size."""
    pilot = Pilot(size, lang, text_size="besar")
    session = PlaySession.begin(entry("etika-netralitas"), Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    while not session.finished:
        phase = session.sim.world.phase
        assert phase is not None
        scene = scene_for(pilot.ctx, session)
        pilot.ctx.stack.replace(scene)
        pilot.frames(2)
        assert isinstance(scene, PhaseScene) and card_text(scene), f"{phase}: no note"
        faults = layout_faults(scene)
        assert not faults, f"{phase} {lang} {size}: {faults}"
        card = scene.guide.card
        assert card is not None and scene.stage_rect().contains(card), "the card leaves the stage"
        for action in crew.phase_actions(phase):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())


def test_the_voting_clock_waits_while_a_note_is_read() -> None:
    """A note explains the procedure: reading it costs no game time, in either mode."""
    pilot = Pilot()
    scene = voting_day(pilot, Mode.UJIAN)
    runs = scene.clock_runs  # type: ignore[attr-defined]
    assert runs() is False, "the clock runs under the phase's first note"
    pilot.key(pygame.K_ESCAPE)
    pilot.frames(1)
    assert runs() is True, "the clock stays stopped once the note is closed"


def test_a_trigger_counts_only_the_actions_of_this_phase() -> None:
    log = [LoggedAction(0, AdvanceClock(to="07:00")), LoggedAction(0, EndPhase()),
           LoggedAction(0, InformPps(subject="ballots"))]
    assert kinds_this_phase(log) == {"inform_pps"}, "an action of the last phase counted"
    assert kinds_this_phase(log[:1]) == {"advance_clock"}


def test_notes_due_together_come_one_after_the_other() -> None:
    state = GuideState()
    assert state.notice([True, False, True]) and state.current == 0
    assert not state.notice([True, False, True]), "a note due with the open one replaced it"
    state.close()
    assert state.notice([True, False, True]) and state.current == 2, "the next one waits"
    assert not state.notice([True, False, True]), "a note shown once is shown again"
    assert state.notice([True, True, True]) and state.current == 1, (
        "a note come due since replaces the open one")
    state.close()
    assert state.toggle() and state.current == 1, "F4 opens the latest shown"


LONGEST = {
    "id": ("Penjelasan tahap ini untuk anggota KPPS yang baru pertama kali bertugas: bacalah "
           "pelan-pelan, kerjakan langkah demi langkah, dan tanyakan kepada ketua KPPS bila ada "
           "yang belum jelas. Catatan ini dapat dibuka lagi kapan saja dengan tombol Panduan di "
           "bagian atas layar, sehingga tidak perlu dihafalkan sekarang. Selamat bertugas dan "
           "tetap teliti sampai akhir ya."),
    "en": ("An explanation of this phase for a KPPS member on duty for the very first time: "
           "read it slowly, work step by step, and ask the chair of the KPPS when something is "
           "not yet clear. This note can be opened again at any moment with the Guide button at "
           "the top of the screen, so there is no need to learn it by heart now. Good luck, and "
           "do stay careful until the end"),
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_longest_note_is_whole_on_every_phase_at_besar(lang: str) -> None:
    """A note of the most letters the schema allows, on each of the seven stages of a full
    day, on a laptop at the larger text size: read whole, never scrolled, inside the stage."""
    text = GuideText(**LONGEST)
    assert len(text.id) == len(text.en) == GUIDE_TEXT_MAX, (len(text.id), len(text.en))
    full = entry("pemilu-hari-penuh")
    assert full.scenario is not None
    day = full.scenario.model_copy(
        update={"guide": [GuideNote(phase=phase, text=text) for phase in full.scenario.phases]})
    pilot = Pilot((1366, 768), lang, text_size="besar")
    session = PlaySession.begin(ScenarioEntry(full.path, day, full.sha256), Mode.LATIHAN,
                                None, None)
    crew = CarefulCrew(session.sim)
    while not session.finished:
        phase = session.sim.world.phase
        assert phase is not None
        scene = scene_for(pilot.ctx, session)
        pilot.ctx.stack.replace(scene)
        pilot.frames(2)
        assert isinstance(scene, PhaseScene) and card_text(scene), f"{phase}: no note"
        faults = layout_faults(scene)
        assert not faults, f"{phase} {lang}: {faults}"
        card = scene.guide.card
        assert card is not None and scene.stage_rect().contains(card), f"{phase}: off the stage"
        scrolled = [e for e in scene.ui.elements if isinstance(e, UITextBox) and e.alive()
                    and card.contains(e.rect) and e.scroll_bar is not None]
        assert not scrolled, f"{phase} {lang}: the note scrolls"
        for action in crew.phase_actions(phase):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
