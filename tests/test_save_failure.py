"""A save that fails is never silent, and a day with a gap never resumes as another day
(issue 11, item 1): the first write that fails stops the day at that action with a message
and a retry; no later action is stored after a missing one; resuming checks the replayed day
against the digest noted while playing and sets a different one aside, never deleting it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from simulator.app.play import CHECKPOINT_EVERY, Mode, PlaySession, ResumeError
from simulator.core.actions import Action, EndPhase
from simulator.core.careful import CarefulCrew
from simulator.persistence.store import SaveStore
from simulator.scenes.phase import PhaseScene
from simulator.scenes.resume import ResumeScene
from simulator.scenes.save_problem import SaveProblemDialog
from simulator.scenes.start import StartScene
from tests.pilot import Pilot, entry, shown_text

SCENARIO = "meja-pemilih-jebakan"


def crew_actions(count: int) -> list[Action]:
    """The first ``count`` actions a careful crew takes in the scenario (and its phase ends)."""
    session = PlaySession.begin(entry(SCENARIO), Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    actions: list[Action] = []
    while len(actions) < count and not session.sim.finished:
        phase = session.sim.world.phase
        assert phase is not None
        for action in crew.phase_actions(phase):
            actions.append(action)
            crew.do(action)
            if len(actions) == count:
                return actions
        crew.respond_to_events()
        actions.append(EndPhase())
        crew.do(EndPhase())
    return actions


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SaveStore]:
    opened, _ = SaveStore.open(tmp_path)
    yield opened
    opened.close()


def new_session(store: SaveStore) -> PlaySession:
    profile = store.create_profile("Sri")
    return PlaySession.begin(entry(SCENARIO), Mode.LATIHAN, store, profile.id)


@contextmanager
def disk_full(store: SaveStore) -> Iterator[None]:
    """SQLite's own "database or disk is full", as on a full disk: the file may not grow."""
    connection = store._connection  # the test reaches in to cap the file where it stands
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    try:
        yield
    finally:
        connection.execute("PRAGMA max_page_count = 1073741823")


@contextmanager
def locked_by_another(store: SaveStore) -> Iterator[None]:
    """Another program holding the save file's write lock."""
    other = sqlite3.connect(store.path, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    store._connection.execute("PRAGMA busy_timeout = 50")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.parametrize("fault", [disk_full, locked_by_another], ids=["disk_full", "locked"])
def test_a_failed_write_stops_the_day_at_that_action_until_a_retry_stores_it(
    store: SaveStore, fault: object
) -> None:
    session = new_session(store)
    actions = crew_actions(1000)
    for action in actions[:5]:
        session.do(action)
    assert session.save_problem is None and session.stored == 5
    with fault(store):  # type: ignore[operator]
        failed_at = None
        for index, action in enumerate(actions[5:], start=5):
            session.do(action)
            if session.save_problem is not None:
                failed_at = index
                break
        assert failed_at is not None, "no write failed although the file could not take one"
        applied = len(session.sim.log)
        for action in actions[failed_at + 1 :]:
            session.do(action)  # the day waits: nothing more is applied or stored
        assert len(session.sim.log) == applied, "the day went on past an unsaved action"
        assert session.stored == applied - 1
        assert not session.save(), "a retry claimed success while the fault lasted"
    stored = store.run_actions(session.run_id)  # type: ignore[arg-type]
    assert len(stored) == applied - 1, "an action was stored after the missing one"
    assert session.save(), "the retry failed once the fault was gone"
    assert session.save_problem is None
    assert len(store.run_actions(session.run_id)) == applied  # type: ignore[arg-type]


def test_the_problem_names_what_happened(store: SaveStore) -> None:
    session = new_session(store)
    actions = crew_actions(1000)
    with disk_full(store):
        for action in actions:
            session.do(action)
            if session.save_problem:
                break
    assert session.save_problem == "full"


def test_resume_checks_the_replayed_day_against_its_checkpoint(store: SaveStore) -> None:
    session = new_session(store)
    for action in crew_actions(CHECKPOINT_EVERY + 3):
        session.do(action)
        session.checkpoint_if_due()
    run = store.run(session.run_id)  # type: ignore[arg-type]
    assert run is not None and run.checkpoint_seq, "no checkpoint was noted while playing"
    resumed = PlaySession.resume(entry(SCENARIO), run, store)
    assert resumed.sim.digest() == session.sim.digest(), "the resumed day is another day"
    assert resumed.stored == session.stored
    # The recording as another program version would replay it: another state at the
    # checkpoint (here, a digest that is not this day's).
    store._connection.execute(
        "UPDATE runs SET checkpoint_digest = ? WHERE id = ?", ("0" * 64, run.id)
    )
    changed = store.run(run.id)
    assert changed is not None
    with pytest.raises(ResumeError, match="digest_mismatch"):
        PlaySession.resume(entry(SCENARIO), changed, store)


def test_a_day_that_resumes_different_is_set_aside_with_a_plain_message(
    store: SaveStore,
) -> None:
    session = new_session(store)
    for action in crew_actions(CHECKPOINT_EVERY + 1):
        session.do(action)
        session.checkpoint_if_due()
    store._connection.execute("UPDATE runs SET checkpoint_digest = ?", ("0" * 64,))
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.profiles()[0]
    scene = pilot.show(ResumeScene(pilot.ctx))
    [run] = store.unfinished_runs(pilot.ctx.profile.id)
    scene.resume(run)  # type: ignore[attr-defined]
    pilot.frames(2)
    text = shown_text(pilot).all
    assert "tidak sama lagi dengan hari yang Anda mainkan" in text, text
    assert "disisihkan, tidak dihapus" in text
    kept = store.run(run.id)
    assert kept is not None and kept.set_aside == "digest_mismatch", "the run was not kept"
    assert store.run_actions(run.id), "the run's actions were lost"
    assert not store.unfinished_runs(pilot.ctx.profile.id), "it is still offered to resume"


@pytest.mark.slow
def test_the_screen_stops_the_day_says_why_and_retries(store: SaveStore) -> None:
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Sri")
    session = PlaySession.begin(entry(SCENARIO), Mode.LATIHAN, store, pilot.ctx.profile.id)
    from simulator.scenes.phases import scene_for

    pilot.show(scene_for(pilot.ctx, session))
    actions = crew_actions(1000)
    with disk_full(store):
        for action in actions:
            if isinstance(pilot.top, SaveProblemDialog):
                break
            pilot.play(action)
            pilot.frames(1)
        dialog = pilot.top
        assert isinstance(dialog, SaveProblemDialog), "a failed save went unannounced"
        text = shown_text(pilot).all
        assert "disk laptop (atau flashdisk) penuh" in text, text
        assert f"sampai langkah ke-{session.stored}" in text, text
        dialog.close(True)  # retry while the disk is still full: asked again
        pilot.frames(1)
        assert isinstance(pilot.top, SaveProblemDialog), "a failed retry was not announced"
    stored_before = session.stored
    pilot.top.close(True)
    pilot.frames(2)
    assert isinstance(pilot.top, PhaseScene), "the day did not carry on after the retry"
    assert session.stored == stored_before + 1 == len(session.sim.log)


@pytest.mark.slow
def test_leaving_keeps_the_day_up_to_the_last_stored_action(store: SaveStore) -> None:
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Sri")
    session = PlaySession.begin(entry(SCENARIO), Mode.LATIHAN, store, pilot.ctx.profile.id)
    from simulator.scenes.phases import scene_for

    pilot.show(scene_for(pilot.ctx, session))
    with disk_full(store):
        for action in crew_actions(1000):
            if isinstance(pilot.top, SaveProblemDialog):
                break
            pilot.play(action)
            pilot.frames(1)
        assert isinstance(pilot.top, SaveProblemDialog)
        pilot.top.close(False)
        pilot.frames(1)
    assert isinstance(pilot.top, StartScene)
    [run] = store.unfinished_runs(pilot.ctx.profile.id)
    assert run.actions == session.stored == len(session.sim.log) - 1
    resumed = PlaySession.resume(entry(SCENARIO), run, store)
    assert len(resumed.sim.log) == session.stored


def test_a_day_whose_start_cannot_be_saved_is_not_played_unsaved(store: SaveStore) -> None:
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Sri")
    from simulator.scenes.phases import scene_for

    with locked_by_another(store):
        session = PlaySession.begin(entry(SCENARIO), Mode.LATIHAN, store, pilot.ctx.profile.id)
        assert session.save_problem == "locked" and session.run_id is None
        pilot.show(scene_for(pilot.ctx, session))
        pilot.frames(1)
        assert isinstance(pilot.top, SaveProblemDialog), "the day began unsaved without a word"
        assert "sedang dipakai program lain" in shown_text(pilot).all
        assert "belum tersimpan sama sekali" in shown_text(pilot).all
    pilot.top.close(True)
    pilot.frames(1)
    assert isinstance(pilot.top, PhaseScene)
    assert session.run_id is not None and store.unfinished_runs(pilot.ctx.profile.id)
