"""The voter desk played through its screen: it builds in both languages and sizes with no text
running out of its element, its buttons and keys apply the actions they show, its clock runs
only when it should, a careful morning through its widgets scores no finding, and a careless
one breaks the rules it should."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pygame_gui
import pytest
from pygame_gui.elements import UIButton

from simulator.app.play import Mode, PlaySession
from simulator.app.widgets import offer_key
from simulator.core.actions import (
    Action,
    AdvanceClock,
    EndPhase,
    InformPtps,
    RecordSpecialEvent,
    RespondToEvent,
)
from simulator.core.careful import CarefulCrew
from simulator.core.engine import Simulation
from simulator.core.phases import incidents
from simulator.core.phases import pemungutan as pm
from simulator.scenes.debrief import DebriefScene
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.event import EventDialog, FollowUpDialog
from simulator.scenes.pause import PauseScene
from simulator.scenes.phases import scene_for
from simulator.scenes.phases.pemungutan import FAST, PemungutanScene
from simulator.scenes.phases.pemungutan_art import draw_priority_badge
from simulator.scenes.phases.pemungutan_lists import search
from simulator.schema.types import BallotType, Phase, VoterList
from tests.pilot import Pilot, entry, texts_overflowing
from tests.playthroughs.crews import DeskCarelessCrew

DESK = "meja-pemilih-jebakan"
PEMILU = [
    BallotType.PPWP,
    BallotType.DPR,
    BallotType.DPD,
    BallotType.DPRD_PROV,
    BallotType.DPRD_KABKO,
]
FRAME = 1 / 60


MINUTE = 0.1  # the tests' clock: a game minute every six frames


def start(pilot: Pilot, *, paused: bool = True) -> tuple[PlaySession, PemungutanScene]:
    session = pilot.start_session(DESK)
    scene = pilot.top
    assert isinstance(scene, PemungutanScene), "the voting phase shows the voter desk"
    scene.paused = paused  # the running clock is tested on its own
    scene.seconds_per_minute = MINUTE
    return session, scene


def kinds(session: PlaySession) -> list[str]:
    return [logged.action.kind for logged in session.sim.log]


def press(pilot: Pilot, action: Action) -> None:
    """Press what the desk shows for ``action``, unfolding it first if it must (the whole
    queue, records about an earlier voter, the ballot types and signature of a hand-over);
    a time of the crew's own choosing goes into the wait-until entry."""
    pilot.play(action)


def answer_events(pilot: Pilot, crew: CarefulCrew) -> None:
    while incidents.awaiting(crew.world):
        assert isinstance(pilot.top, EventDialog), "an event waiting for an answer is shown"
        event = incidents.awaiting(crew.world)[0]
        pilot.play(RespondToEvent(event=event.index, response=crew.response_to(event)))
        for duty in incidents.duty_actions(event, crew.world):  # on the follow-up card
            pilot.play(duty)
        if isinstance(pilot.top, FollowUpDialog):
            pilot.key(pygame.K_ESCAPE)


def end_phase(pilot: Pilot) -> None:
    pilot.key(pygame.K_e)
    assert isinstance(pilot.top, ConfirmDialog), "ending the phase asks first"
    pilot.key(pygame.K_LEFT)  # from "cancel", where the focus starts, to "yes"
    pilot.key(pygame.K_RETURN)


def unoffered(scene: PemungutanScene) -> list[str]:
    """Allowed actions the screen shows no button (or entry) for."""
    missing = []
    for action in scene.session.sim.allowed_actions():
        if isinstance(action, EndPhase | RespondToEvent):
            continue
        about_another = isinstance(action, RecordSpecialEvent | InformPtps) and (
            action.subject != scene.record_subject
        )
        if about_another or isinstance(action, pm.IssueBallots):
            continue  # one choice away (scene.reveal), tested on their own
        if offer_key(action) not in scene.ui.offers:
            missing.append(offer_key(action))
    return missing


def repeated_check(action: Action, session: PlaySession) -> bool:
    """A voter back at 12:00 was checked on the first visit: the crew checks again, the engine
    (which keeps the first check) offers no second one, and the repeat changes nothing."""
    voter = session.sim.world.voters.get(getattr(action, "voter", ""))
    if isinstance(action, pm.CheckInk):
        return voter is not None and voter.ink_checked
    if isinstance(action, pm.CheckDocuments):
        return voter is not None and voter.documents_checked
    return False


def play_crew(pilot: Pilot, crew: CarefulCrew, actions: Iterator[Action]) -> None:
    for action in actions:
        answer_events(pilot, crew)
        scene = pilot.top
        assert isinstance(scene, PemungutanScene)
        assert not unoffered(scene), f"allowed but not on screen: {unoffered(scene)}"
        if repeated_check(action, scene.session):
            continue
        press(pilot, action)
    answer_events(pilot, crew)
    end_phase(pilot)


# --- Building ----------------------------------------------------------------------------


def _states(pilot: Pilot, session: PlaySession) -> Iterator[str]:
    """The desk in each of its states, named."""
    scene = pilot.top
    yield "queue, free desk"
    press(pilot, pm.CallVoter(voter="v01"))
    yield "voter called"
    press(pilot, pm.CheckInk(voter="v01"))
    press(pilot, pm.CheckDocuments(voter="v01"))
    assert isinstance(scene, PemungutanScene)
    scene.next_document()
    yield "document enlarged"
    scene.close_document()
    press(pilot, pm.AdmitVoter(voter="v01", list=VoterList.DPT))
    yield "choosing ballots"
    assert isinstance(scene, PemungutanScene)
    scene.reveal(pm.IssueBallots(voter="v01", ballots=PEMILU))
    yield "every type chosen"
    press(pilot, pm.IssueBallots(voter="v01", ballots=PEMILU))
    yield "holding ballots"
    scene.search_text = "a"
    scene.rebuild()
    yield "voter list searched"
    session.sim.apply(AdvanceClock(to="12:59"))  # a long queue and the 12:00 announcement
    scene.open_queue_picker()
    yield "the whole queue"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_text_fits_its_element(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size=size, lang=lang)
    session, _ = start(pilot)
    for state in _states(pilot, session):
        pilot.frames(1)
        overflowing = texts_overflowing(pilot.top)
        assert not overflowing, (
            f"{lang} {size}, {state}: text wider than its element: {overflowing}"
        )


def test_the_voter_lists_find_a_name_and_the_holder_of_a_borrowed_notice() -> None:
    pilot = Pilot()
    _, scene = start(pilot)
    found = {row.name: row for row in search(scene.rows, "saputra")}
    assert "Sutrisno Saputra" in found, "the name on v05's notice is on the DPT"
    assert "Hendra Saputra" not in found, "v05 himself is on no list"
    (teguh,) = search(scene.rows, "TEGUH santosa")
    assert teguh.moved_out, "a DPT voter who moved out is marked on the list"
    (maria,) = search(scene.rows, "ulfah")
    assert maria.list.value == "dptb"
    typed = scene.ui.named_entries["voter_search"]
    typed.set_text("sri")
    pilot.frames(
        1, [pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_CHANGED, ui_element=typed, text="sri")]
    )
    assert scene.search_text == "sri", "typing searches at once, without Enter"


# --- Buttons and keys -----------------------------------------------------------------------


def test_the_stage_buttons_apply_the_actions_they_show() -> None:
    pilot = Pilot()
    session, scene = start(pilot)
    pilot.click(scene.ui.offers[offer_key(pm.CallVoter(voter="v01"))])
    for action in (
        pm.CheckInk(voter="v01"),
        pm.CheckDocuments(voter="v01"),
        pm.AdmitVoter(voter="v01", list=VoterList.DPT),
        pm.RemindPhone(voter="v01"),
        "ballots",
        pm.ApplyInk(voter="v01"),
    ):
        if action == "ballots":  # toggle each type on, then hand them over
            for ballot in PEMILU:
                pilot.click(scene.ballot_toggles[ballot])
            assert session.sim.log[-1].action.kind == "remind_phone", "toggling applies nothing"
            action = pm.IssueBallots(voter="v01", ballots=PEMILU)
            assert offer_key(action) not in pilot.top.ui.offers, (
                "no way of marking the ballots is chosen for the trainee"
            )
            by_hand = pilot.ctx.cat("scene.pemungutan.sign.tangan")
            pilot.click(next(b for b in pilot.top.ui.elements
                             if isinstance(b, UIButton) and b.text == by_hand))
        pilot.click(pilot.top.ui.offers[offer_key(action)])
        assert session.sim.log[-1].action == action, f"pressing {offer_key(action)}"
    assert kinds(session) == [
        "call_voter",
        "check_ink",
        "check_documents",
        "admit_voter",
        "remind_phone",
        "issue_ballots",
        "apply_ink",
    ]


def test_the_shortcut_keys_follow_the_procedure() -> None:
    pilot = Pilot()
    session, _ = start(pilot)
    keys = [pygame.K_n, pygame.K_t, pygame.K_d, pygame.K_1]  # call, fingers, papers, DPT
    keys += [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5]
    for key in keys:
        pilot.key(key)
    # How the chair marks the ballots is chosen once, from the keyboard with Tab and Enter
    # (no letter: a shortcut for the right way only would give it away).
    by_hand = pilot.ctx.cat("scene.pemungutan.sign.tangan")
    for _ in range(len(pilot.top.ui.focusable) + 1):
        focused = pilot.top.ui.focused()
        if focused is not None and getattr(focused, "text", "") == by_hand:
            break
        pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN)
    for key in (pygame.K_s, pygame.K_i):
        pilot.key(key)
    assert [logged.action for logged in session.sim.log] == [
        pm.CallVoter(voter="v01"),
        pm.CheckInk(voter="v01"),
        pm.CheckDocuments(voter="v01"),
        pm.AdmitVoter(voter="v01", list=VoterList.DPT),
        pm.IssueBallots(voter="v01", ballots=PEMILU),  # types 1-5 toggled, then S
        pm.ApplyInk(voter="v01"),
    ]


def test_tab_and_enter_reach_the_desk_buttons() -> None:
    pilot = Pilot()
    session, scene = start(pilot)
    target = scene.ui.offers[offer_key(pm.CallVoter(voter="v01"))]
    for _ in range(len(scene.ui.focusable) + 1):
        if scene.ui.focused() is target:
            break
        pilot.key(pygame.K_TAB)
    assert scene.ui.focused() is target, "Tab reaches the queue"
    pilot.key(pygame.K_RETURN)
    assert session.sim.log[-1].action == pm.CallVoter(voter="v01")


@pytest.mark.slow
def test_every_hand_over_the_engine_offers_is_a_choice_of_types_and_signature() -> None:
    pilot = Pilot()
    _, scene = start(pilot)
    for key in (pygame.K_n, pygame.K_t, pygame.K_d, pygame.K_1):
        pilot.key(key)
    allowed = [a for a in scene.session.sim.allowed_actions() if isinstance(a, pm.IssueBallots)]
    assert len(allowed) > 2, "every type, the PPWP alone, stamped, unsigned"
    for action in allowed:
        assert scene.reveal(action), f"no way to choose {offer_key(action)}"
        assert offer_key(action) in scene.ui.offers


@pytest.mark.slow
def test_any_set_of_types_can_be_handed_over_and_a_press_takes_a_type_back() -> None:
    pilot = Pilot()
    session, scene = start(pilot)
    for key in (pygame.K_n, pygame.K_t, pygame.K_d, pygame.K_1, pygame.K_2, pygame.K_2):
        pilot.key(key)
    assert scene.chosen_ballots == set(), "a second press takes the type back"
    pilot.key(pygame.K_2)
    scene.choose_signature("tangan")
    pilot.key(pygame.K_s)  # DPR alone: wrong for this voter, and the trainee's to choose
    last = session.sim.log[-1].action
    assert last.kind == "issue_ballots" and last.ballots == [BallotType.DPR], last


def test_documents_open_large_by_key_or_click_and_close_with_escape() -> None:
    pilot = Pilot()
    _, scene = start(pilot)
    pilot.key(pygame.K_n)
    pilot.key(pygame.K_l)
    assert scene.viewing is None, "documents are read once they are checked"
    pilot.key(pygame.K_d)
    pilot.key(pygame.K_l)
    assert scene.viewing == 0 and scene.viewer_blits, "L shows the first document large"
    pilot.key(pygame.K_l)
    pilot.key(pygame.K_l)
    assert scene.viewing is None, "after the last document, L puts them back on the desk"
    assert len(scene.doc_rects) == 2, "v01's notice and KTP-el lie on the desk"
    click = pygame.event.Event(
        pygame.MOUSEBUTTONDOWN, pos=scene.doc_rects[1].center, button=1, touch=False
    )
    pilot.frames(1, [click])
    assert scene.viewing == 1, "a click on the KTP-el shows it large"
    pilot.key(pygame.K_ESCAPE)
    assert scene.viewing is None and pilot.top is scene, "Esc closes the document, not the day"


def test_anyone_in_a_long_queue_can_be_called_from_the_keyboard() -> None:
    pilot = Pilot()
    session, scene = start(pilot)
    session.sim.apply(AdvanceClock(to="12:59"))  # everyone but the latecomer is waiting
    scene.rebuild()
    queue = list(session.sim.world.queue)
    last = pm.CallVoter(voter=queue[-1])
    assert offer_key(last) not in scene.ui.offers, "the band shows the front of the queue"
    pilot.key(pygame.K_q)
    assert offer_key(last) in scene.ui.offers, "the whole queue is listed"
    pilot.key(pygame.K_RETURN)
    assert session.sim.log[-1].action == pm.CallVoter(voter=queue[0]), "Enter calls the first"


def test_records_about_an_earlier_voter_are_one_choice_away() -> None:
    pilot = Pilot()
    session, scene = start(pilot)
    pilot.key(pygame.K_w)  # wait until 07:01: v02 arrives
    for voter in ("v01", "v02"):
        pilot.click(pilot.top.ui.offers[offer_key(pm.CallVoter(voter=voter))])
    about_v01 = RecordSpecialEvent(topic="pemilih_bertinta", subject="v01")
    assert offer_key(about_v01) not in scene.ui.offers, "the side list is about v02 now"
    pilot.key(pygame.K_o)
    (button,) = [b for b in scene.ui.elements if getattr(b, "text", "") == "Sri Rahayu"]
    pilot.click(button)
    pilot.click(scene.ui.offers[offer_key(about_v01)])
    assert session.sim.log[-1].action == about_v01


# --- The clock -------------------------------------------------------------------------------


def test_the_clock_runs_and_moves_the_engine_when_something_is_due() -> None:
    pilot = Pilot()
    session, _ = start(pilot, paused=False)
    assert session.sim.world.clock == 7 * 60
    # v01 waits; v02 arrives at 07:01: one game minute later the engine gets there.
    pilot.frames(round(MINUTE / FRAME) + 2)
    assert session.sim.log[-1].action == AdvanceClock(to="07:01")
    assert session.sim.world.queue == ["v01", "v02"]


def test_the_clock_stands_still_when_paused() -> None:
    pilot = Pilot()
    session, scene = start(pilot, paused=True)
    pilot.frames(round(5 * MINUTE / FRAME))
    assert session.sim.log == [], "a paused clock applies nothing"
    pilot.key(pygame.K_j)  # run
    assert not scene.paused
    pilot.frames(round(MINUTE / FRAME) + 2)
    assert kinds(session) == ["advance_clock"]


def test_the_clock_stands_still_under_the_pause_menu() -> None:
    pilot = Pilot()
    session, _ = start(pilot, paused=False)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, PauseScene)
    pilot.frames(round(3 * MINUTE / FRAME))
    assert session.sim.log == [], "the clock waits while the pause menu is open"


def test_the_shown_minutes_reach_the_engine_before_the_next_decision() -> None:
    pilot = Pilot()
    session, scene = start(pilot, paused=False)
    pilot.key(pygame.K_n)  # v01 to the desk; the next arrival (v02) is at 07:01
    pilot.key(pygame.K_v)  # 3×
    session.sim.apply(AdvanceClock(to="07:02"))  # v02, v03 queue; next arrival 07:20
    scene.rebuild()
    scene.elapsed = 0.0
    pilot.frames(round(5.5 * MINUTE / FAST / FRAME))  # five and a half minutes at 3×
    assert session.sim.world.clock == 7 * 60 + 2, "minutes pass on screen, not in the engine"
    assert scene.shown_minute() == 7 * 60 + 7
    pilot.key(pygame.K_t)
    assert [logged.action for logged in session.sim.log[-2:]] == [
        AdvanceClock(to="07:07"),
        pm.CheckInk(voter="v01"),
    ], "the decision is logged at the time the trainee saw"


def test_an_idle_desk_skips_to_the_next_arrival() -> None:
    pilot = Pilot()
    session, scene = start(pilot, paused=True)
    for key in (pygame.K_n, pygame.K_t, pygame.K_d):
        pilot.key(key)
    pilot.click(scene.ui.offers[offer_key(pm.RefuseVoter(voter="v01", reason=pm.Reason.BERTINTA))])
    assert scene.reading, "v01 has no ink: the finding's explanation holds the clock"
    pilot.key(pygame.K_j)  # read
    for voter in ("v02", "v03"):
        session.sim.apply(AdvanceClock(to="07:02"))
        session.sim.apply(pm.CallVoter(voter=voter))
        session.sim.apply(pm.RefuseVoter(voter=voter, reason=pm.Reason.BERTINTA))
    scene.rebuild()
    scene.paused = False
    pilot.frames(round(MINUTE / FRAME) + 2)
    assert session.sim.log[-1].action == AdvanceClock(to="07:20"), "straight to v04's arrival"


# --- Whole mornings through the screen ------------------------------------------------------


@pytest.mark.slow
def test_a_careful_morning_through_the_desk_scores_no_finding() -> None:
    pilot = Pilot()
    session, _ = start(pilot)
    crew = CarefulCrew(session.sim)
    play_crew(pilot, crew, crew.voting())
    assert isinstance(pilot.top, DebriefScene), "the one-phase scenario ends on the debrief"
    assert session.sim.findings == [], [f.rule_id for f in session.sim.findings]
    headless = CarefulCrew(Simulation.start(entry(DESK).scenario, seed=session.sim.world.seed))
    assert session.sim.digest() == headless.play().digest(), "the same day as played headless"


def first_voters(crew: CarefulCrew, last: str) -> Iterator[Action]:
    """The crew's morning until ``last`` has left the desk."""
    for action in crew.voting():
        yield action
        if isinstance(action, pm.ApplyInk) and action.voter == last:
            return


@pytest.mark.slow
def test_a_careless_start_of_the_morning_breaks_the_expected_rules() -> None:
    pilot = Pilot()
    session, _ = start(pilot)
    crew = DeskCarelessCrew(session.sim)
    play_crew(pilot, crew, first_voters(crew, "v08"))
    broken = {finding.rule_id for finding in session.sim.findings}
    headless = DeskCarelessCrew(Simulation.start(entry(DESK).scenario, seed=session.sim.world.seed))
    for action in first_voters(headless, "v08"):
        headless.do(action)
    headless.do(EndPhase())
    assert broken == {finding.rule_id for finding in headless.sim.findings}
    for rule in (
        "pemungutan.prioritas_diabaikan",  # v02 called before the elderly v03
        "pemungutan.surat_suara_tidak_ditandatangani",  # v01's ballots only stamped
        "pemungutan.pemilih_bertinta_dilayani",  # v04 admitted with ink on a finger
        "pemungutan.joki_dilayani",  # v05 with his father's notice
        "pemungutan.pendamping_tanpa_formulir",  # v07's helper signs nothing
        "pemungutan.jenis_surat_suara_dptb_salah",  # v08 given every type, not the Model A's
        "pemungutan.ditutup_sebelum_1300",  # and the desk closed at nine
    ):
        assert rule in broken, f"{rule} should have been found"


def test_the_exam_mode_records_without_explaining() -> None:
    pilot = Pilot()
    session = PlaySession.begin(entry(DESK), Mode.UJIAN, None, None)
    from simulator.scenes.phases import scene_for

    scene = pilot.show(scene_for(pilot.ctx, session))
    assert isinstance(scene, PemungutanScene)
    scene.paused = True
    pilot.key(pygame.K_n)
    pilot.key(pygame.K_1)  # admitted without any check
    assert session.sim.findings, "the engine judged it"
    assert "Tercatat" in scene.feedback_markup()


# --- Namesakes, priority, the clock that waits ------------------------------------------------


def full_day_desk(pilot: Pilot, name: str = "pemilu-hari-penuh") -> tuple[PlaySession, CarefulCrew]:
    """A whole-day scenario played by a careful crew up to its voter desk, shown on screen."""
    from simulator.scenes.phases import scene_for
    from simulator.schema.types import Phase

    session = PlaySession.begin(entry(name), Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not Phase.PEMUNGUTAN:
        phase = session.sim.world.phase
        assert phase is not None
        for action in crew.phase_actions(phase):
            crew.do(action)
        crew.do(EndPhase())
    scene = pilot.show(scene_for(pilot.ctx, session))
    assert isinstance(scene, PemungutanScene)
    scene.paused = True
    return session, crew


@pytest.mark.slow
def test_the_lookup_shows_every_namesake_with_what_tells_them_apart() -> None:
    from simulator.scenes.phases.pemungutan_lists import voter_lists
    from tests.pilot import shown_text

    pilot = Pilot()
    session, _ = full_day_desk(pilot)
    scene = pilot.top
    assert isinstance(scene, PemungutanScene)
    voters = [vs.voter for vs in session.sim.world.voters.values()]
    rows = voter_lists(session.sim.world.scenario, voters)
    names = [row.name for row in rows]
    shared = sorted({n for n in names if names.count(n) > 1})
    assert shared, "the full day has namesakes on its DPT"
    for name in shared:
        scene.search_changed(name)
        shown = shown_text(pilot)
        found = [row for row in rows if row.name == name]
        births = {row.born for row in found}
        assert len(births) == len(found), f"the namesakes {name} are told apart by birth date"
        for row in found:
            for fact in (row.born, f"RT/RW {row.rt_rw}", f"DPT no. {row.number}"):
                assert shown.shows(fact, min_px=16), f"{name}: {fact!r} is not on screen"
        assert shown.shows("Ada nama yang sama"), "the card says two rows share the name"


@pytest.mark.slow
def test_namesakes_at_the_desk_served_right_through_the_screen_cost_nothing() -> None:
    """Pilkada's full day has Entin Rohaeti twice: one on the DPT, one a resident on no
    list who comes in the morning. Each is served through the desk's buttons as the rules say;
    nothing is charged."""
    pilot = Pilot()
    session, crew = full_day_desk(pilot, "pilkada-hari-penuh")
    world = session.sim.world
    by_name: dict[str, list[str]] = {}
    for vs in world.voters.values():
        by_name.setdefault(vs.voter.name, []).append(vs.id)
    pair = next(
        ids
        for ids in by_name.values()
        if len(ids) == 2
        and {world.voters[i].voter.registered.value for i in ids} == {"dpt", "none"}
    )
    scene = pilot.top
    assert isinstance(scene, PemungutanScene)
    for action in crew.voting():
        if repeated_check(action, session):
            continue
        if getattr(action, "voter", None) in pair:
            scene.rebuild()  # the desk as it stands now
            press(pilot, action)  # the namesakes through the screen
            answer_events(pilot, crew)
        else:
            crew.do(action)  # everyone else headless, events answered as they come
    assert all(world.voters[i].done for i in pair), "both namesakes voted"
    charged = [f.rule_id for f in session.sim.findings if f.subject in pair]
    assert charged == [], f"serving each namesake right cost: {charged}"


def test_a_priority_voter_is_marked_in_the_queue_picture_in_words_and_shape() -> None:
    from tests.pilot import shown_text

    pilot = Pilot()
    session, scene = start(pilot)
    session.sim.apply(AdvanceClock(to="07:02"))  # v01, v02 and the elderly v03 queue
    scene.after_action()
    assert pm.is_priority(session.sim.world.voters["v03"].voter)
    position = session.sim.world.queue.index("v03") + 1
    shown = shown_text(pilot)
    assert shown.shows(f"prioritas: nomor {position}"), "the queue's title names the place"
    assert shown.shows("prioritas", min_px=16), "the word stands under the figure"
    scene.rebuild()
    badge = scene.art.scenery("priority", (scene.ctx.px(18),) * 2, draw_priority_badge)
    badges = [surface for surface, _ in scene.blits if surface is badge]
    assert len(badges) == 1, "one star badge, on the one priority voter"


def test_a_full_size_morning_queue_names_a_few_priority_places_in_readable_type() -> None:
    """At a 600-voter TPS the queue at 09:30 holds a score of priority voters: the title names
    the first places and how many more, at a size that can be read, not every place in type
    shrunk to fit."""
    from simulator.scenes.phases.pemungutan_band import PRIORITY_PLACES_SHOWN
    from tests.pilot import shown_text

    pilot = Pilot()
    session = PlaySession.begin(entry("pilkada-tps-600"), Mode.LATIHAN, None, None)
    CarefulCrew(session.sim).play_to(Phase.PEMUNGUTAN)
    world = session.sim.world
    session.sim.apply(AdvanceClock(to="09:30"))
    pilot.show(scene_for(pilot.ctx, session))
    voters = world.voters
    places = [str(i + 1) for i, v in enumerate(world.queue) if pm.is_priority(voters[v].voter)]
    assert len(places) > PRIORITY_PLACES_SHOWN, "the scenario's morning queue is full-size"
    more = len(places) - PRIORITY_PLACES_SHOWN
    title = f"prioritas: nomor {', '.join(places[:PRIORITY_PLACES_SHOWN])} dan {more} lainnya"
    assert shown_text(pilot).shows(title, min_px=14), "the title is cut short and stays legible"


def test_in_latihan_the_clock_waits_while_a_finding_is_explained() -> None:
    pilot = Pilot()
    session, scene = start(pilot, paused=False)
    pilot.key(pygame.K_n)  # v01 to the desk
    pilot.key(pygame.K_1)  # admitted to the DPT without checking ink or documents
    assert session.latest, "the engine found a mistake"
    assert scene.reading, "the explanation is on screen"
    logged = len(session.sim.log)
    pilot.frames(round(5 * MINUTE / FRAME))
    assert len(session.sim.log) == logged, "no minute passes while the explanation is read"
    labels = [getattr(e, "text", "") for e in scene.ui.elements if e.alive()]
    assert "Lanjut  [J]" in labels, "the clock's first button says how to go on"
    pilot.key(pygame.K_j)  # read: the clock goes on
    assert not scene.reading and not scene.paused
    pilot.frames(round(MINUTE / FRAME) + 2)
    assert session.sim.log[-1].action.kind == "advance_clock", "the clock runs again"


def test_a_click_on_the_explanation_or_the_next_action_lets_the_clock_go_on() -> None:
    pilot = Pilot()
    session, scene = start(pilot, paused=False)
    pilot.key(pygame.K_n)
    pilot.key(pygame.K_1)
    assert scene.reading
    centre = scene.feedback_rect().center
    pilot.frames(1, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=centre)])
    assert not scene.reading, "a click on the explanation says it was read"
    pilot.key(pygame.K_t)  # an ink check after admitting: no new finding
    assert not session.latest and not scene.reading


def test_in_ujian_the_clock_never_waits_for_an_explanation() -> None:
    from simulator.scenes.phases import scene_for

    pilot = Pilot()
    session = PlaySession.begin(entry(DESK), Mode.UJIAN, None, None)
    scene = pilot.show(scene_for(pilot.ctx, session))
    assert isinstance(scene, PemungutanScene)
    scene.seconds_per_minute = MINUTE
    pilot.key(pygame.K_n)
    pilot.key(pygame.K_1)
    assert session.sim.findings and not scene.reading, "Ujian shows no explanation to wait for"


@pytest.mark.slow
def test_a_document_is_read_large_over_the_stage_by_key_or_click() -> None:
    from tests.pilot import shown_text

    pilot = Pilot()
    _, scene = start(pilot)
    for key in (pygame.K_n, pygame.K_d):  # v01 to the desk, documents checked
        pilot.key(key)
    pilot.frames(
        1, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=scene.doc_rects[1].center)]
    )
    assert scene.viewing == 1, "a click on a document on the desk holds it up"
    shown = shown_text(pilot)
    assert shown.shows("SRI RAHAYU", min_px=20), "the KTP-el's name reads at a large size"
    pilot.key(pygame.K_l)
    assert scene.viewing is None, "L after the last document puts them down"
    pilot.key(pygame.K_l)
    assert scene.viewing == 0
    pilot.key(pygame.K_ESCAPE)
    assert scene.viewing is None and pilot.top is scene, "Esc puts the document down first"


@pytest.mark.slow
def test_an_enlarged_document_moves_up_and_down_by_key_wheel_or_button() -> None:
    pilot = Pilot()
    session, scene = start(pilot)
    session.sim.apply(AdvanceClock(to="08:45"))  # Maria Ulfah (v08) with her Model A
    scene.after_action()
    scene.act(pm.CallVoter(voter="v08"))
    pilot.key(pygame.K_d)
    pilot.key(pygame.K_l)
    assert scene.viewing == 0
    pilot.key(pygame.K_z)
    assert scene.viewer.zoomed and scene.viewer.offset == 0
    pilot.key(pygame.K_PAGEDOWN)
    assert scene.viewer.offset > 0, "Page Down moves the enlarged Model A up the screen"
    lowest = scene.viewer.offset
    pilot.frames(1, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1)])
    assert scene.viewer.offset < lowest, "the wheel moves it back"
    up = next(b for b in scene.ui.elements if getattr(b, "text", "").startswith("Geser ke atas"))
    pilot.click(up)
    assert scene.viewer.offset == 0
    pilot.key(pygame.K_z)
    assert not scene.viewer.zoomed, "Z again shows the whole document"


def test_typing_a_name_keeps_every_letter_while_the_card_of_matches_grows() -> None:
    """The card of matches grows (every namesake in view) by building the side column again;
    a letter typed in the same frame as the change that made it grow must not be lost."""
    pilot = Pilot()
    _, scene = start(pilot)
    pilot.key(pygame.K_F3)
    assert scene.search_entry is not None and scene.ui.focused() is scene.search_entry
    heights = set()
    for char in "andi firmansyah":
        key = pygame.K_SPACE if char == " " else pygame.key.key_code(char)
        typed = [
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0),
            pygame.event.Event(pygame.TEXTINPUT, text=char),
        ]
        pilot.frames(1, typed)
        heights.add(scene.results_rect.height)
    pilot.frames(2)
    assert len(heights) > 1, "the card changed size on the way (the case under test)"
    assert scene.search_entry.get_text() == "andi firmansyah", "no letter lost to a rebuild"
    assert scene.search_text == "andi firmansyah"
