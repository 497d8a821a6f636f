"""The SQLite save store: every method round trips, each action survives a crash, and a damaged
or foreign save file is set aside untouched — never a traceback, never lost."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.persistence import savefile
from simulator.persistence.store import (
    DATA_DIR_ENV,
    MAX_ACTION_LINE,
    SAVE_FILE_NAME,
    Profile,
    ProfileNameError,
    RunRecord,
    SaveStore,
    StoreError,
    default_data_dir,
    problem_kind,
)

FIRST_MOMENT = "2026-11-23T10:15:00+00:00"


class Clock:
    """A clock that starts at 10:15:00 and moves one second on every reading."""

    def __init__(self) -> None:
        self.readings = 0

    def __call__(self) -> str:
        text = f"2026-11-23T10:15:{self.readings:02d}+00:00"
        self.readings += 1
        return text


def frozen_clock() -> str:
    return FIRST_MOMENT


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SaveStore]:
    opened, notice = SaveStore.open(tmp_path, now=Clock())
    assert notice is None, f"a new store should open without a notice, got {notice}"
    yield opened
    opened.close()


def start_run(store: SaveStore, profile_id: int, scenario_id: str = "meja-pemilih") -> int:
    return store.begin_run(
        profile_id, scenario_id, f"scenarios/{scenario_id}.yaml", "ab" * 32, 14, "latihan"
    )


def finished_run(store: SaveStore, profile_id: int, scenario_id: str, score: int) -> int:
    run_id = start_run(store, profile_id, scenario_id)
    store.finish_run(run_id, score, f'{{"score": {score}}}')
    return run_id


def raw_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# -- the folder and the file ------------------------------------------------------------------


def test_default_data_dir_is_the_environment_variable_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "portable"))
    assert default_data_dir() == tmp_path / "portable"


@pytest.mark.parametrize("value", [None, "", "   "], ids=["unset", "empty", "blank"])
def test_default_data_dir_is_the_platform_folder_otherwise(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if value is None:
        monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    else:
        monkeypatch.setenv(DATA_DIR_ENV, value)
    expected = platformdirs.user_data_path("simulasi-tps", appauthor=False)
    assert default_data_dir() == expected


def test_open_without_a_folder_uses_the_default_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    opened, _ = SaveStore.open()
    try:
        assert opened.path == tmp_path / "data" / "saves.db"
    finally:
        opened.close()


def test_open_creates_missing_folders_and_a_wal_file(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    opened, notice = SaveStore.open(folder)
    opened.close()
    assert notice is None
    assert opened.path == folder / "saves.db"
    check = raw_connection(opened.path)
    mode = check.execute("PRAGMA journal_mode").fetchone()[0]
    version = check.execute("PRAGMA user_version").fetchone()[0]
    check.close()
    assert mode == "wal", f"the save file should be in WAL mode, is {mode!r}"
    assert version == SaveStore.SCHEMA_VERSION


def test_every_commit_is_flushed_and_foreign_keys_are_enforced(store: SaveStore) -> None:
    # Per-connection settings, so only the store's own connection can show them.
    connection = store._connection
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2, "synchronous is not FULL"
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1, "foreign keys are off"


def test_closing_twice_is_harmless(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path)
    opened.close()
    opened.close()


def test_data_survives_closing_and_reopening(tmp_path: Path) -> None:
    first, _ = SaveStore.open(tmp_path)
    profile = first.create_profile("Sri Rahayu")
    first.set_setting("language", "en")
    first.close()
    second, notice = SaveStore.open(tmp_path)
    try:
        assert notice is None, "reopening a healthy store should give no notice"
        assert second.profiles() == [profile]
        assert second.setting("language") == "en"
    finally:
        second.close()


# -- settings ----------------------------------------------------------------------------------


def test_a_global_setting_round_trips_and_can_be_overwritten(store: SaveStore) -> None:
    assert store.setting("language") is None
    assert store.setting("language", "id") == "id", "the default should come back when unset"
    store.set_setting("language", "en")
    store.set_setting("language", "id")
    assert store.setting("language", "en") == "id"


def test_profile_settings_are_separate_from_global_ones_and_from_each_other(
    store: SaveStore,
) -> None:
    sri = store.create_profile("Sri").id
    budi = store.create_profile("Budi").id
    store.set_setting("text_size", "large")
    store.set_setting("text_size", "small", profile_id=sri)
    assert store.setting("text_size") == "large"
    assert store.setting("text_size", profile_id=sri) == "small"
    assert store.setting("text_size", profile_id=budi) is None, "no fallback to the global value"


def test_a_setting_for_an_unknown_profile_is_refused(store: SaveStore) -> None:
    with pytest.raises(ValueError):
        store.set_setting("sound", "off", profile_id=999)


def test_an_oversized_setting_is_refused(store: SaveStore) -> None:
    with pytest.raises(ValueError):
        store.set_setting("window_size", "x" * 10_001)


# -- profiles ----------------------------------------------------------------------------------


def test_create_profile_strips_the_name_and_stamps_it(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path, now=frozen_clock)
    try:
        profile = opened.create_profile("  Sri Rahayu \n")
        assert profile == Profile(id=profile.id, name="Sri Rahayu", created=FIRST_MOMENT)
        assert opened.profiles() == [profile]
    finally:
        opened.close()


def test_profiles_are_ordered_by_name_ignoring_case(store: SaveStore) -> None:
    for name in ["budi", "Citra", "andi", "Agus"]:
        store.create_profile(name)
    assert [profile.name for profile in store.profiles()] == ["Agus", "andi", "budi", "Citra"]


@pytest.mark.parametrize(
    ("name", "existing", "problem"),
    [
        ("Sri", [], None),
        ("  Sri  ", ["Budi"], None),
        ("", [], "empty"),
        (" \t\n", [], "empty"),
        ("x" * 40, [], None),
        ("x" * 41, [], "too_long"),
        ("  " + "x" * 40 + "  ", [], None),
        ("sri", ["SRI"], "taken"),
        ("Sri  Rahayu", ["sri rahayu"], "taken"),
        ("Ｓｒｉ", ["Sri"], "taken"),
        ("Jose\u0301", ["JOSÉ"], "taken"),
        ("Sri 2", ["Sri"], None),
    ],
    ids=[
        "fine",
        "fine-after-strip",
        "empty",
        "only-whitespace",
        "forty-chars",
        "forty-one-chars",
        "forty-after-strip",
        "other-case",
        "extra-inner-space",
        "full-width-letters",
        "combining-accent",
        "similar-but-different",
    ],
)
def test_profile_name_problem(name: str, existing: list[str], problem: str | None) -> None:
    assert SaveStore.profile_name_problem(name, existing) == problem


@pytest.mark.parametrize(
    ("name", "code"), [("", "empty"), ("x" * 41, "too_long"), ("SRI", "taken")]
)
def test_create_profile_refuses_what_profile_name_problem_reports(
    store: SaveStore, name: str, code: str
) -> None:
    store.create_profile("Sri")
    with pytest.raises(ProfileNameError) as refused:
        store.create_profile(name)
    assert refused.value.code == code
    assert isinstance(refused.value, ValueError), "the caller catches ValueError"
    assert len(store.profiles()) == 1, "a refused profile must not be stored"


def test_rename_profile(store: SaveStore) -> None:
    sri = store.create_profile("Sri")
    store.create_profile("Budi")
    store.rename_profile(sri.id, "  Sri Rahayu ")
    store.rename_profile(sri.id, "SRI RAHAYU")  # only the case of its own name
    assert [profile.name for profile in store.profiles()] == ["Budi", "SRI RAHAYU"]
    with pytest.raises(ProfileNameError) as refused:
        store.rename_profile(sri.id, "budi")
    assert refused.value.code == "taken"
    with pytest.raises(ValueError):
        store.rename_profile(999, "Nobody")


def test_delete_profile_takes_its_runs_actions_and_settings_along(store: SaveStore) -> None:
    sri = store.create_profile("Sri").id
    budi = store.create_profile("Budi").id
    sri_run = start_run(store, sri)
    store.append_action(sri_run, "07:00 open_meeting")
    finished_run(store, sri, "meja-pemilih", 80)
    budi_run = start_run(store, budi)
    store.append_action(budi_run, "07:00 open_meeting")
    store.set_setting("text_size", "large", profile_id=sri)
    store.set_setting("language", "en")

    store.delete_profile(sri)

    assert [profile.id for profile in store.profiles()] == [budi]
    assert store.run(sri_run) is None
    assert store.run_actions(sri_run) == [], "the deleted profile's actions should be gone"
    assert store.setting("text_size", profile_id=sri) is None
    assert store.best_scores(sri) == {}
    assert store.run_actions(budi_run) == ["07:00 open_meeting"], "another profile was touched"
    assert store.setting("language") == "en", "global settings should stay"
    store.delete_profile(sri)  # already gone: nothing to do


def test_a_deleted_profiles_id_is_never_given_again(store: SaveStore) -> None:
    first = store.create_profile("Sri")
    store.delete_profile(first.id)
    # A global setting such as last_profile may still name the old id.
    assert store.create_profile("Budi").id != first.id


# -- runs --------------------------------------------------------------------------------------


def test_begin_run_and_read_it_back(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path, now=frozen_clock)
    try:
        profile = opened.create_profile("Sri").id
        run_id = opened.begin_run(profile, "pemilu", "scenarios/pemilu.yaml", "5b0c", 7, "ujian")
        assert opened.run(run_id) == RunRecord(
            id=run_id,
            profile_id=profile,
            scenario_id="pemilu",
            scenario_path="scenarios/pemilu.yaml",
            scenario_sha256="5b0c",
            seed=7,
            mode="ujian",
            started=FIRST_MOMENT,
            finished=None,
            score=None,
            result_json=None,
            actions=0,
        )
    finally:
        opened.close()


def test_run_of_an_unknown_id_is_none(store: SaveStore) -> None:
    assert store.run(12345) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [("mode", "santai"), ("seed", 2**63), ("scenario_id", "x" * 201)],
)
def test_begin_run_refuses_bad_values(store: SaveStore, field: str, value: object) -> None:
    arguments: dict[str, object] = {
        "profile_id": store.create_profile("Sri").id,
        "scenario_id": "pemilu",
        "scenario_path": "p.yaml",
        "scenario_sha256": "ab",
        "seed": 1,
        "mode": "latihan",
    }
    arguments[field] = value
    with pytest.raises(ValueError):
        store.begin_run(**arguments)  # type: ignore[arg-type]


def test_begin_run_for_an_unknown_profile_is_refused(store: SaveStore) -> None:
    with pytest.raises(ValueError):
        start_run(store, 999)


def test_actions_read_back_in_order_and_are_counted(store: SaveStore) -> None:
    run_id = start_run(store, store.create_profile("Sri").id)
    lines = ["06:00 post_board", "07:00 open_meeting", '08:14 admit_voter {"voter":"v001"}']
    for line in lines:
        store.append_action(run_id, line)
    assert store.run_actions(run_id) == lines
    record = store.run(run_id)
    assert record is not None and record.actions == 3


def test_actions_of_two_runs_do_not_mix(store: SaveStore) -> None:
    profile = store.create_profile("Sri").id
    first, second = start_run(store, profile), start_run(store, profile)
    for number in range(3):
        store.append_action(first, f"first {number}")
        store.append_action(second, f"second {number}")
    assert store.run_actions(first) == ["first 0", "first 1", "first 2"]
    assert store.run_actions(second) == ["second 0", "second 1", "second 2"]


def test_an_action_line_may_be_ten_thousand_characters_and_no_more(store: SaveStore) -> None:
    run_id = start_run(store, store.create_profile("Sri").id)
    store.append_action(run_id, "x" * MAX_ACTION_LINE)
    with pytest.raises(ValueError):
        store.append_action(run_id, "x" * (MAX_ACTION_LINE + 1))
    assert store.run_actions(run_id) == ["x" * MAX_ACTION_LINE]


def test_appending_to_an_unknown_run_is_refused(store: SaveStore) -> None:
    with pytest.raises(ValueError):
        store.append_action(999, "07:00 open_meeting")


def test_finish_run_records_the_result(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path, now=frozen_clock)
    try:
        run_id = start_run(opened, opened.create_profile("Sri").id)
        opened.append_action(run_id, "07:00 open_meeting")
        opened.finish_run(run_id, 87, '{"pemungutan": 87}')
        record = opened.run(run_id)
        assert record is not None
        assert (record.finished, record.score, record.result_json, record.actions) == (
            FIRST_MOMENT,
            87,
            '{"pemungutan": 87}',
            1,
        )
    finally:
        opened.close()


def test_a_finished_run_takes_no_more_actions_and_no_second_result(store: SaveStore) -> None:
    run_id = finished_run(store, store.create_profile("Sri").id, "pemilu", 90)
    with pytest.raises(ValueError):
        store.append_action(run_id, "07:00 open_meeting")
    with pytest.raises(ValueError):
        store.finish_run(run_id, 100, "{}")
    record = store.run(run_id)
    assert record is not None and record.score == 90, "the first result must stand"


def test_finishing_an_unknown_run_is_refused(store: SaveStore) -> None:
    with pytest.raises(ValueError):
        store.finish_run(999, 10, "{}")


def test_a_run_set_aside_is_kept_with_its_actions_but_no_longer_offered(
    store: SaveStore,
) -> None:
    profile = store.create_profile("Sri").id
    run_id = start_run(store, profile)
    store.append_action(run_id, "07:00 open_meeting")
    store.set_run_aside(run_id, "digest_mismatch")
    record = store.run(run_id)
    assert record is not None and record.set_aside == "digest_mismatch", "the run was lost"
    assert store.run_actions(run_id) == ["07:00 open_meeting"], "its actions were lost"
    assert store.unfinished_runs(profile) == [], "a run set aside is still offered to resume"


def test_setting_aside_leaves_a_result_as_it_is(store: SaveStore) -> None:
    run_id = finished_run(store, store.create_profile("Sri").id, "pemilu", 75)
    store.set_run_aside(run_id, "trainee")
    record = store.run(run_id)
    assert record is not None and record.set_aside is None and record.score == 75


def test_an_action_is_never_stored_after_a_missing_one(store: SaveStore) -> None:
    run_id = start_run(store, store.create_profile("Sri").id)
    store.append_action(run_id, "07:00 open_meeting", seq=1)
    for gap in (3, 4, 10**6):
        with pytest.raises(ValueError, match="missing"):
            store.append_action(run_id, "07:05 open_box", seq=gap)
    store.append_action(run_id, "07:05 open_box", seq=2)
    assert store.run_actions(run_id) == ["07:00 open_meeting", "07:05 open_box"]


def test_storing_the_same_action_again_is_harmless_and_another_is_refused(
    store: SaveStore,
) -> None:
    run_id = start_run(store, store.create_profile("Sri").id)
    store.append_action(run_id, "07:00 open_meeting", seq=1)
    store.append_action(run_id, "07:00 open_meeting", seq=1)  # a retry of a write that landed
    with pytest.raises(ValueError):
        store.append_action(run_id, "07:00 something_else", seq=1)
    assert store.run_actions(run_id) == ["07:00 open_meeting"]


def test_a_checkpoint_needs_its_action_stored(store: SaveStore) -> None:
    run_id = start_run(store, store.create_profile("Sri").id)
    with pytest.raises(ValueError):
        store.set_checkpoint(run_id, 1, "ab" * 32)
    store.append_action(run_id, "07:00 open_meeting", seq=1)
    store.set_checkpoint(run_id, 1, "ab" * 32)
    record = store.run(run_id)
    assert record is not None
    assert (record.checkpoint_seq, record.checkpoint_digest) == (1, "ab" * 32)


def test_a_save_file_removed_while_open_refuses_every_write(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path)
    try:
        run_id = start_run(opened, opened.create_profile("Sri").id)
        (tmp_path / SAVE_FILE_NAME).unlink()
        with pytest.raises(StoreError) as raised:
            opened.append_action(run_id, "07:00 open_meeting", seq=1)
        assert problem_kind(raised.value) == "missing"
    finally:
        opened.close()


def test_unfinished_runs_newest_first_and_only_the_profiles_own(store: SaveStore) -> None:
    sri = store.create_profile("Sri").id
    budi = store.create_profile("Budi").id
    older, newer = start_run(store, sri), start_run(store, sri)
    finished_run(store, sri, "pemilu", 50)
    start_run(store, budi)
    assert [record.id for record in store.unfinished_runs(sri)] == [newer, older]


def test_finished_runs_newest_first_optionally_for_one_scenario(store: SaveStore) -> None:
    profile = store.create_profile("Sri").id
    first = finished_run(store, profile, "pemilu", 60)
    other = finished_run(store, profile, "pilkada", 70)
    last = finished_run(store, profile, "pemilu", 80)
    start_run(store, profile, "pemilu")
    assert [record.id for record in store.finished_runs(profile)] == [last, other, first]
    assert [record.id for record in store.finished_runs(profile, "pemilu")] == [last, first]
    assert store.finished_runs(profile, "unknown") == []


def test_best_scores_take_the_best_finished_run_and_ignore_unfinished_ones(
    store: SaveStore,
) -> None:
    sri = store.create_profile("Sri").id
    budi = store.create_profile("Budi").id
    finished_run(store, sri, "pemilu", 60)
    finished_run(store, sri, "pemilu", 85)
    finished_run(store, sri, "pemilu", 70)
    finished_run(store, sri, "pilkada", 40)
    start_run(store, sri, "belum-selesai")
    finished_run(store, budi, "pemilu", 100)
    assert store.best_scores(sri) == {"pemilu": 85, "pilkada": 40}


# -- a crash mid-day ---------------------------------------------------------------------------


def test_every_action_is_committed_before_append_returns(tmp_path: Path) -> None:
    writer, _ = SaveStore.open(tmp_path)
    run_id = start_run(writer, writer.create_profile("Sri").id)
    lines = [f"07:{minute:02d} call_voter" for minute in range(20)]
    for line in lines:
        writer.append_action(run_id, line)
    # The writer is never closed, as when the game is killed; a second store must see it all.
    reader, notice = SaveStore.open(tmp_path)
    try:
        assert notice is None, f"a store in use by another connection is not damaged: {notice}"
        assert reader.run_actions(run_id) == lines
        assert [record.id for record in reader.unfinished_runs(1)] == [run_id]
    finally:
        reader.close()
        writer.close()


CRASHING_WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from simulator.persistence.store import SaveStore

    store, _ = SaveStore.open(Path(sys.argv[1]))
    run_id = store.begin_run(store.create_profile("Sri").id, "pemilu", "p.yaml", "ab", 7, "ujian")
    for number in range(25):
        store.append_action(run_id, f"action {number}")
    os._exit(3)  # die without closing anything or running any cleanup
    """
)


@pytest.mark.parametrize("shared_memory_lost", [False, True], ids=["as-left", "shm-deleted"])
def test_a_process_killed_mid_day_can_resume_every_action(
    tmp_path: Path, shared_memory_lost: bool
) -> None:
    finished = subprocess.run(
        [sys.executable, "-c", CRASHING_WRITER, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 3, f"the writer failed before its crash: {finished.stderr}"
    if shared_memory_lost:  # SQLite must then rebuild its index of the -wal file
        (tmp_path / "saves.db-shm").unlink()
    reopened, notice = SaveStore.open(tmp_path)
    try:
        assert notice is None, f"a crash must not make the save look damaged: {notice}"
        [unfinished] = reopened.unfinished_runs(1)
        assert reopened.run_actions(unfinished.id) == [f"action {n}" for n in range(25)]
    finally:
        reopened.close()


# -- damaged and foreign files -----------------------------------------------------------------


def write_random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(20261123).randbytes(16_384))


def write_text(path: Path) -> None:
    path.write_text("language=id\nlast_profile=Sri\n" * 50, encoding="utf-8")


def write_truncated_store(path: Path) -> None:
    opened, _ = SaveStore.open(path.parent)
    run_id = start_run(opened, opened.create_profile("Sri").id)
    for number in range(300):
        opened.append_action(run_id, f"08:{number % 60:02d} admit_voter {number:04d} " + "x" * 100)
    opened.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def write_newer_version(path: Path) -> None:
    SaveStore.open(path.parent)[0].close()
    raw = raw_connection(path)
    raw.execute(f"PRAGMA user_version = {SaveStore.SCHEMA_VERSION + 1}")
    raw.close()


def write_unrelated_tables(path: Path) -> None:
    raw = raw_connection(path)
    raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    raw.execute("INSERT INTO photos (caption) VALUES ('pantai')")
    raw.close()


def write_unrelated_tables_claiming_our_version(path: Path) -> None:
    write_unrelated_tables(path)
    raw = raw_connection(path)
    raw.execute(f"PRAGMA user_version = {SaveStore.SCHEMA_VERSION}")
    raw.close()


def write_a_missing_table(path: Path) -> None:
    SaveStore.open(path.parent)[0].close()
    raw = raw_connection(path)
    raw.execute("DROP TABLE profile_settings")
    raw.close()


def write_negative_version(path: Path) -> None:
    raw = raw_connection(path)
    raw.execute("PRAGMA user_version = -1")
    raw.close()


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random-bytes": write_random_bytes,
    "text-file": write_text,
    "truncated-store": write_truncated_store,
    "newer-schema-version": write_newer_version,
    "unrelated-tables": write_unrelated_tables,
    "unrelated-tables-with-our-version": write_unrelated_tables_claiming_our_version,
    "a-table-missing": write_a_missing_table,
    "negative-version": write_negative_version,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_file_is_set_aside_untouched_and_a_fresh_store_opened(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    path = tmp_path / "saves.db"
    damage(path)
    original = path.read_bytes()

    opened, notice = SaveStore.open(tmp_path, now=frozen_clock)
    try:
        assert notice is not None, "a damaged file should come with a notice"
        assert notice.kind == "damaged"
        assert notice.moved_to == tmp_path / "saves.damaged-20261123-101500.db"
        assert notice.detail, "the notice should say what was wrong, for the log"
        assert notice.moved_to.read_bytes() == original, "the set-aside file must be unchanged"
        assert opened.path == path
        assert opened.profiles() == [], "the fresh store should be empty"
        profile = opened.create_profile("Sri")
        opened.set_setting("language", "en")
        assert opened.profiles() == [profile], "the fresh store should work"
    finally:
        opened.close()
    reopened, second_notice = SaveStore.open(tmp_path)
    reopened.close()
    assert second_notice is None, "the fresh store should open cleanly next time"


def test_a_second_damaged_file_never_overwrites_the_first(tmp_path: Path) -> None:
    path = tmp_path / "saves.db"
    write_text(path)
    first_bytes = path.read_bytes()
    SaveStore.open(tmp_path, now=frozen_clock)[0].close()
    write_random_bytes(path)
    opened, notice = SaveStore.open(tmp_path, now=frozen_clock)
    opened.close()
    assert notice is not None
    assert notice.moved_to == tmp_path / "saves.damaged-20261123-101500-2.db"
    assert (tmp_path / "saves.damaged-20261123-101500.db").read_bytes() == first_bytes


def test_a_damaged_files_write_ahead_log_goes_with_it(tmp_path: Path) -> None:
    path = tmp_path / "saves.db"
    write_text(path)
    stale_log = b"not the fresh store's log" * 100
    (tmp_path / "saves.db-wal").write_bytes(stale_log)
    opened, notice = SaveStore.open(tmp_path, now=frozen_clock)
    opened.close()
    assert notice is not None
    moved_log = notice.moved_to.with_name(notice.moved_to.name + "-wal")
    assert moved_log.read_bytes() == stale_log, "the old -wal should lie beside the old file"


def test_a_hand_edited_value_of_the_wrong_type_is_a_store_error(store: SaveStore) -> None:
    store.create_profile("Sri")
    raw = raw_connection(store.path)
    raw.execute("UPDATE profiles SET name = x'00ff'")
    raw.close()
    with pytest.raises(StoreError):
        store.profiles()


# -- a file that cannot be used right now -------------------------------------------------------


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(savefile, "BUSY_TIMEOUT_SECONDS", 0.05)


@pytest.mark.usefixtures("short_busy_timeout")
def test_a_file_locked_by_another_program_is_a_store_error_and_stays(tmp_path: Path) -> None:
    first, _ = SaveStore.open(tmp_path)
    first.create_profile("Sri")
    first.close()
    locker = raw_connection(tmp_path / "saves.db")
    locker.execute("PRAGMA locking_mode = EXCLUSIVE")
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError):
            SaveStore.open(tmp_path)
    finally:
        locker.execute("COMMIT")
        locker.close()
    assert sorted(path.name for path in tmp_path.glob("saves*.db")) == ["saves.db"], (
        "a busy file is not damaged and must not be set aside"
    )
    reopened, _ = SaveStore.open(tmp_path)
    try:
        assert [profile.name for profile in reopened.profiles()] == ["Sri"]
    finally:
        reopened.close()


@pytest.mark.usefixtures("short_busy_timeout")
def test_a_write_that_cannot_reach_the_file_is_a_store_error(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path)
    writer = raw_connection(opened.path)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="locked"):
            opened.set_setting("language", "en")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        opened.close()


def test_an_unwritable_place_is_a_store_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("in the way", encoding="utf-8")
    with pytest.raises(StoreError):
        SaveStore.open(not_a_folder)


# -- any lines ---------------------------------------------------------------------------------


def test_any_sequence_of_lines_reads_back_identical(tmp_path: Path) -> None:
    opened, _ = SaveStore.open(tmp_path)
    profile = opened.create_profile("Hypothesis").id

    @settings(max_examples=40, deadline=None)
    @given(lines=st.lists(st.text(max_size=120), max_size=15))
    def check(lines: list[str]) -> None:
        run_id = start_run(opened, profile)
        for line in lines:
            opened.append_action(run_id, line)
        assert opened.run_actions(run_id) == lines

    try:
        check()
    finally:
        opened.close()


# -- what a killed writer or a stranger leaves where the save should be ------------------------


def test_a_writer_killed_in_rollback_journal_mode_is_recovered(tmp_path: Path) -> None:
    """Where WAL is not possible SQLite keeps a rollback journal; a writer killed mid-way
    leaves it "hot", and only a connection that may write can roll it back."""
    opened, _ = SaveStore.open(tmp_path)
    opened.create_profile("Sri")
    opened.close()
    path = tmp_path / SAVE_FILE_NAME
    raw = raw_connection(path)
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    writer = textwrap.dedent(
        f"""
        import os, sqlite3
        connection = sqlite3.connect({str(path)!r}, isolation_level=None)
        connection.execute("PRAGMA cache_size = 1")  # pages spill into the file mid-way
        connection.execute("BEGIN IMMEDIATE")
        for number in range(2000):
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)", (f"k{{number}}", "x" * 200)
            )
        os._exit(9)  # killed before the commit
        """
    )
    subprocess.run([sys.executable, "-c", writer], check=False)
    assert (tmp_path / (SAVE_FILE_NAME + "-journal")).stat().st_size > 0, "no hot journal left"
    reopened, notice = SaveStore.open(tmp_path)
    try:
        assert notice is None, "a recoverable save was set aside"
        assert [profile.name for profile in reopened.profiles()] == ["Sri"]
        assert reopened.setting("k1") is None, "the killed transaction was not rolled back"
    finally:
        reopened.close()


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_save_path_that_is_not_a_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    path = tmp_path / SAVE_FILE_NAME
    if kind == "folder":
        path.mkdir()
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("this system has no FIFOs")
        os.mkfifo(path)
    with pytest.raises(StoreError, match="not a regular file"):
        SaveStore.open(tmp_path)
    assert path.exists(), "what was there was moved or removed"
