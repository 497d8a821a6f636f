"""The text action log: round trip, located errors for every kind of malformed log, and no
other exception for any input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.core.actionlog import (
    LOG_FORMAT,
    LogError,
    LogHeader,
    LogResult,
    format_log,
    parse_log,
)
from simulator.core.actions import AdvanceClock, EndPhase
from simulator.core.engine import LoggedAction
from simulator.core.phases.pemungutan import AdmitVoter
from simulator.persistence.logfile import MAX_LOG_BYTES, read_log
from simulator.schema.types import VoterList

HEADER = LogHeader(scenario="contoh", scenario_sha256="abc", seed=7, engine="1")
ENTRIES = (
    LoggedAction(360, AdvanceClock(to="07:00")),
    LoggedAction(420, AdmitVoter(voter="v01", list=VoterList.DPT)),
    LoggedAction(1500, EndPhase()),
)
GOOD = format_log(HEADER, ENTRIES, LogResult(score=91, digest="d1"))


def problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(LogError) as caught:
        parse_log(text)
    return [(p.line, p.code) for p in caught.value.problems]


def test_round_trip() -> None:
    log = parse_log(GOOD)
    assert log.header == HEADER
    assert log.entries == ENTRIES
    assert log.result == LogResult(91, "d1")
    assert format_log(log.header, log.entries, log.result) == GOOD


def test_times_past_midnight_are_written_with_a_day_offset() -> None:
    assert "01:00+1 end_phase" in GOOD


def test_comments_and_blank_lines_are_ignored() -> None:
    text = GOOD.replace("---\n06:00", "---\n# catatan pelatih\n\n06:00")
    assert parse_log(text).entries == ENTRIES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(1, "log.format")]),
        ("hello\n", [(1, "log.format")]),
        (f"{LOG_FORMAT}\nscenario: x\n", [(2, "log.no_separator")]),
        (f"{LOG_FORMAT}\nscenario: x\nseed: 1\nengine: 1\n---\n", [(1, "log.header")]),
        (GOOD.replace("seed: 7", "seed: tujuh"), [(1, "log.seed")]),
        (GOOD.replace("07:00 admit_voter", "7 pagi admit_voter"), [(8, "log.time")]),
        (GOOD.replace('{"list":"dpt","voter":"v01"}', "{list: dpt}"), [(8, "log.params")]),
        (GOOD.replace('{"list":"dpt","voter":"v01"}', "[1, 2]"), [(8, "log.params")]),
        (GOOD.replace("admit_voter", "terbang"), [(8, "log.action")]),
        (GOOD.replace('"list":"dpt"', '"list":"vip"'), [(8, "log.action")]),
        (GOOD.replace("score: 91", "score: banyak"), [(11, "log.result")]),
        (
            GOOD.replace('07:00 admit_voter {"list":"dpt","voter":"v01"}', "07:00"),
            [(8, "log.line")],
        ),
    ],
)
def test_malformed_logs_are_located(text: str, expected: list[tuple[int, str]]) -> None:
    assert problems(text) == expected


def test_every_bad_line_is_reported_not_just_the_first() -> None:
    text = GOOD.replace("admit_voter", "terbang").replace("advance_clock", "melompat")
    assert [code for _, code in problems(text)] == ["log.action", "log.action"]


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "besar.log"
    with path.open("wb") as handle:
        handle.truncate(MAX_LOG_BYTES + 10)
    with pytest.raises(LogError) as caught:
        read_log(path)
    assert caught.value.problems[0].code == "log.too_large"


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "rusak.log"
    path.write_bytes(GOOD.encode()[:60] + b"\n\xff\xfe\n")
    with pytest.raises(LogError) as caught:
        read_log(path)
    assert caught.value.problems[0].code == "log.encoding"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_a_log_or_a_located_error(text: str) -> None:
    try:
        parse_log(text)
    except LogError as error:
        assert error.problems and all(p.line >= 1 for p in error.problems)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_edit_of_a_good_log_is_a_log_or_a_located_error(data: st.DataObject) -> None:
    lines = GOOD.splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    lines[index] = data.draw(st.text(max_size=60))
    try:
        parse_log("\n".join(lines))
    except LogError as error:
        assert error.problems
