"""Every number, string and structure from a stranger is read by one bounded reader, and the
terminal survives its terminal (issue 11, items 3 to 5): classes of input, not one example
each — digits from other scripts, numbers of thousands of digits, JSON nested thousands
deep, values of the wrong type in a save file, a closed or garbled stdin, a full output."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.app.settings import _parse_size
from simulator.cli import EXIT_INTERNAL, EXIT_INVALID, main
from simulator.core.actionlog import LogError, parse_log
from simulator.i18n import catalog
from simulator.persistence.store import DATA_DIR_ENV, SAVE_FILE_NAME, SaveStore
from simulator.presenter.notices import notice_lines
from simulator.schema import bounded
from simulator.schema.clock import to_minutes

ROOT = Path(__file__).resolve().parents[1]
#: digits that str.isdigit() takes and int() refuses, or that int() takes from other scripts
STRANGE_DIGITS = ["²", "³", "①", "٣", "७", "１", "𝟘"]
HUGE = "9" * 5000


# --- the reader itself -----------------------------------------------------------------------


@given(st.text(max_size=60))
def test_a_whole_number_is_read_or_refused_never_crashes(text: str) -> None:
    try:
        value = bounded.whole_number(text, -1000, 1000)
    except bounded.Unreadable:
        return
    assert -1000 <= value <= 1000
    assert text.strip().lstrip("+-").isascii(), f"{text!r} read although not ASCII digits"


@pytest.mark.parametrize("text", [*STRANGE_DIGITS, HUGE, "-" + HUGE, "1_000", "0x10", " ", ""])
def test_strange_or_enormous_numbers_are_refused(text: str) -> None:
    with pytest.raises(bounded.Unreadable):
        bounded.whole_number(text, 0, 10**9)


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e308", "1e3", HUGE, "²", "1.5.2"])
def test_real_numbers_are_finite_and_plain(text: str) -> None:
    with pytest.raises(bounded.Unreadable):
        bounded.real_number(text, 0, 10**9)


@pytest.mark.parametrize("depth", [17, 1000, 100_000])
def test_deep_json_is_measured_before_it_is_parsed(depth: int) -> None:
    for opening, closing in (("[", "]"), ('{"a":', "}")):
        with pytest.raises(bounded.Unreadable):
            bounded.json_value(opening * depth + "1" + closing * depth, max_length=10**7)


@pytest.mark.parametrize("text", ["NaN", "[Infinity]", "1" + "0" * 5000, '{"a": -Infinity}'])
def test_json_numbers_are_bounded(text: str) -> None:
    with pytest.raises(bounded.Unreadable):
        bounded.json_value(text)


@given(st.text(max_size=200))
def test_any_json_text_is_read_or_refused_never_crashes(text: str) -> None:
    with contextlib.suppress(bounded.Unreadable):
        bounded.json_value(text)


# --- every caller uses it ------------------------------------------------------------------


def log_text(seed: str = "7", engine: str = "2", line: str = "", result: str = "") -> str:
    body = [
        "# simulasi-tps-log/1",
        "scenario: meja-pemilih-jebakan",
        "scenario-sha256: " + "ab" * 32,
        f"seed: {seed}",
        f"engine: {engine}",
        "---",
    ]
    if line:
        body.append(line)
    if result:
        body += ["---", result, "digest: " + "cd" * 32]
    return "\n".join(body) + "\n"


@pytest.mark.parametrize("value", [*STRANGE_DIGITS, HUGE, "-1", str(2**64)])
@pytest.mark.parametrize("field", ["seed", "engine", "score"])
def test_a_log_with_a_strange_number_gets_a_located_error(field: str, value: str) -> None:
    text = (
        log_text(result=f"score: {value}")
        if field == "score"
        else log_text(**{field: value})  # type: ignore[arg-type]
    )
    with pytest.raises(LogError) as raised:
        parse_log(text)
    assert raised.value.problems[0].line >= 1


@pytest.mark.parametrize("depth", [100, 5000, 200_000])
def test_a_log_line_nested_thousands_deep_is_a_located_error(depth: int) -> None:
    line = '07:00 open_meeting {"x":' + "[" * depth + "]" * depth + "}"
    with pytest.raises(LogError) as raised:
        parse_log(log_text(line=line))
    assert raised.value.problems[0].code == "log.params"
    assert raised.value.problems[0].line == 7


@pytest.mark.parametrize("text", ["0²:00", "٠٧:00", "07:0٣", "07:00+²"])
def test_times_take_ascii_digits_only(text: str) -> None:
    with pytest.raises(ValueError):
        to_minutes(text)


@pytest.mark.parametrize(
    "text", ["²x768", "1366x" + HUGE, HUGE, "1366×768", "-1366x768", "1366x768x2", "0x0"]
)
def test_a_hand_edited_window_size_falls_back(text: str) -> None:
    assert _parse_size(text) is None


def test_quiz_answers_of_strange_digits_ask_again() -> None:
    import random

    from simulator.quiz.banks import BANK_DIR, load_banks
    from simulator.quiz.parse import AnswerError, parse_answer
    from simulator.quiz.session import items_of, practice_run

    items = items_of(load_banks([BANK_DIR]).banks)
    run = practice_run(items, random.Random(3))
    seen = 0
    while (shown := run.current()) is not None and seen < 40:
        for text in [*STRANGE_DIGITS, HUGE, "1 " + HUGE, "-1", "+2"]:
            with pytest.raises(AnswerError):
                parse_answer(shown, text)
        run.answer(run.current().values[0] if run.current().values else 0, 0.0)  # type: ignore[union-attr]
        seen += 1
    assert seen, "no question was asked"


# --- the save file ---------------------------------------------------------------------------


def columns(path: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        tables = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )]
        return [
            (table, column[1])
            for table in tables
            for column in connection.execute(f'PRAGMA table_info("{table}")')
        ]
    finally:
        connection.close()


def a_full_save(folder: Path) -> Path:
    """A save with a row in every table."""
    store, _ = SaveStore.open(folder)
    profile = store.create_profile("Sri")
    store.set_setting("language", "id")
    store.set_setting("text_size", "besar", profile.id)
    run = store.begin_run(profile.id, "meja", "scenarios/meja.yaml", "ab" * 32, 7, "latihan")
    store.append_action(run, "07:00 open_meeting", seq=1)
    store.set_checkpoint(run, 1, "cd" * 32)
    from simulator.persistence.quiz_records import QuizRecords

    records = QuizRecords(store, profile.id)
    store._connection.execute(
        "INSERT INTO quiz_answers (profile_id, at, mode, ref, topic, correct)"
        " VALUES (?, 'x', 'latihan', 'r', 't', 1)", (profile.id,)
    )
    store._connection.execute(
        "INSERT INTO quiz_cards VALUES (?, 'r', 1, 738000, 0, 1, 738000)", (profile.id,)
    )
    store._connection.execute(
        "INSERT INTO quiz_exams (profile_id, at, correct, total, seconds, time_up, passed)"
        " VALUES (?, 'x', 1, 2, 3, 0, 0)", (profile.id,)
    )
    del records
    store.close()
    return folder / SAVE_FILE_NAME


@pytest.mark.slow
@pytest.mark.parametrize(
    "wrong", ["x'00ff'", "3.5", "'text'", "-99999999", "CAST(x'ff41' AS TEXT)"]
)
def test_a_wrong_value_anywhere_in_the_save_is_a_located_message(
    tmp_path: Path, wrong: str
) -> None:
    template = a_full_save(tmp_path / "template")
    cat = catalog("id")
    for number, (table, column) in enumerate(columns(template)):
        folder = tmp_path / f"case{number}"
        folder.mkdir()
        path = folder / SAVE_FILE_NAME
        path.write_bytes(template.read_bytes())
        raw = sqlite3.connect(path)
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            raw.execute(f'UPDATE "{table}" SET "{column}" = {wrong}')
            raw.commit()
        except sqlite3.IntegrityError:
            continue  # the schema itself refuses it (a CHECK, a key)
        finally:
            raw.close()
        store, notice = SaveStore.open(folder)
        try:
            store.profiles()  # what the start screen reads first
        finally:
            store.close()
        if notice is None:
            continue  # a value this program reads (text '3.5' in a text column)
        lines = notice_lines(cat, notice)
        assert len(lines) == 2, f"{table}.{column} = {wrong}: the cause is not named"
        assert table in lines[1] and column in lines[1], lines[1]


def test_a_quiz_card_out_of_its_range_is_caught_on_opening(tmp_path: Path) -> None:
    path = a_full_save(tmp_path)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE quiz_cards SET box = -100")
    raw.commit()
    raw.close()
    store, notice = SaveStore.open(tmp_path)
    store.close()
    assert notice is not None and notice.value is not None
    assert (notice.value.table, notice.value.column) == ("quiz_cards", "box")
    assert "bilangan dari 0 sampai 7" in notice_lines(catalog("id"), notice)[1]


# --- the command line and the terminal ----------------------------------------------------


def run_cli(*args: str, stdin: int | bytes | None = None, env: dict[str, str] | None = None,
            stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    options: dict[str, object] = {}
    if isinstance(stdin, bytes):
        options["input"] = stdin
    else:
        options["stdin"] = stdin
    return subprocess.run(
        [sys.executable, str(ROOT / "run_sim.py"), *args],
        stdout=stdout, stderr=subprocess.PIPE, timeout=60, check=False,
        env={**os.environ, **(env or {})}, **options,  # type: ignore[arg-type]
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "stdin",
    [b"", b"\xff\xfe\x80\n", b"\xff" * 100_000, b"1\n" + b"a" * 200_000, b"\x00\x00\n"],
    ids=["eof", "not_utf8", "garbage_no_newline", "overlong_line", "nul"],
)
def test_the_terminal_quiz_survives_its_input(tmp_path: Path, stdin: bytes) -> None:
    done = run_cli("quiz", stdin=stdin, env={DATA_DIR_ENV: str(tmp_path)})
    error = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in error, error
    assert done.returncode == 0, error
    assert "Masukan berakhir sebelum kuis selesai" in done.stdout.decode("utf-8")


@pytest.mark.slow
def test_a_closed_stdin_ends_the_quiz_plainly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "run_sim.py"), "quiz"],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=60, check=False,
        env={**os.environ, DATA_DIR_ENV: str(tmp_path)},
        preexec_fn=lambda: os.close(0),
    )
    assert b"Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full")
def test_a_full_output_is_said_on_the_error_stream(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = run_cli("quiz", stdin=b"1\n", env={DATA_DIR_ENV: str(tmp_path)},
                       stdout=full.fileno())
    assert done.returncode == EXIT_INVALID
    assert "Keluaran tidak dapat ditulis" in done.stderr.decode("utf-8"), done.stderr


@pytest.mark.parametrize(
    "argument", ["--minutes=nan", "--minutes=inf", "--minutes=1e308", "--count=-3",
                 "--count=²", f"--seed={HUGE}", "--minutes=-1"],
)
def test_bad_numbers_on_the_command_line_are_refused_in_words(
    argument: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["quiz", argument])
    assert raised.value.code == EXIT_INVALID
    error = capsys.readouterr().err
    assert ("bilangan" in error or "di luar batas" in error) and "Traceback" not in error, error


def test_a_log_from_a_newer_engine_is_refused_with_its_line(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    log = tmp_path / "newer.log"
    log.write_text(log_text(engine="99"), encoding="utf-8")
    assert main(["replay", str(log)]) == EXIT_INVALID
    error = capsys.readouterr().err
    assert f"{log}:5:" in error and "versi program yang lebih baru" in error, error


def test_an_unforeseen_error_has_its_own_exit_code_and_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import simulator.cli.rules as rules

    def broken(args: object) -> int:
        raise RuntimeError("a fault nobody foresaw")

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(rules, "run", broken)
    assert main(["rules"]) == EXIT_INTERNAL
    error = capsys.readouterr().err
    assert "Kesalahan internal" in error and "Traceback" not in error, error
    report = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "a fault nobody foresaw" in report and "Traceback" in report


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_a_log_give_a_located_error_or_a_log(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    try:
        parse_log(log_text() + text)
    except LogError as error:
        assert all(problem.line >= 1 for problem in error.problems)


def test_an_unforeseen_error_in_the_game_has_the_same_exit_and_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import simulator.app.launch as launch

    def broken(lang: str | None = None, frames: int | None = None) -> int:
        raise RuntimeError("the game fell over")

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(launch, "launch_game", broken)
    assert main([]) == EXIT_INTERNAL
    assert "Kesalahan internal" in capsys.readouterr().err
    assert "the game fell over" in (tmp_path / "crash.log").read_text(encoding="utf-8")
