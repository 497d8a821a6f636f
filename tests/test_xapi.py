"""Results that leave the laptop: every finished day, quiz answer and exam as an xAPI 1.0.3
statement that Ralph's models accept, with stable ids (exporting twice never duplicates), the
day's findings with their rules and MISTAKES entries, and its log, which replays."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from simulator.app.play import Mode, PlaySession
from simulator.cli import main as cli_main
from simulator.core.actionlog import parse_log
from simulator.core.catalogue import RULES_BY_ID
from simulator.core.replay import apply_log
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import Profile, SaveStore
from simulator.quiz.session import Mode as QuizMode
from simulator.xapi.export import export, laptop_id
from simulator.xapi.statements import PROJECT_IRI, extension
from tests.pilot import entry

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SaveStore]:
    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path / "data"))
    opened, _ = SaveStore.open(tmp_path / "data")
    sri = opened.create_profile("Sri Wahyuni")
    log = parse_log(
        (ROOT / "tests" / "playthroughs" / "pemilu-hari-penuh.keliru.log").read_text("utf-8")
    )
    session = PlaySession.begin(entry(log.header.scenario), Mode.LATIHAN, opened, sri.id)
    for logged in log.entries:
        session.do(logged.action)
    assert session.finished and session.save()
    records = QuizRecords(opened, sri.id)
    records.record_answer(QuizMode.LATIHAN, "bank:q1", "pemungutan", True, kind="single",
                          response="2", millis=4500)
    # An answer kept before kinds, responses and times were: exported with what there is.
    records.record_answer(QuizMode.LATIHAN, "bank:q2", "penghitungan", False)
    with opened.guarded() as connection:
        connection.execute(
            "INSERT INTO quiz_exams (profile_id, at, correct, total, seconds, time_up, passed)"
            " VALUES (?, ?, 18, 20, 900, 0, 1)",
            (sri.id, opened.now()),
        )
    opened.create_profile("Budi")
    yield opened
    opened.close()


def sri(store: SaveStore) -> list[Profile]:
    return [p for p in store.profiles() if p.name == "Sri Wahyuni"]


def read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_every_result_is_a_statement_ralph_accepts(store: SaveStore, tmp_path: Path) -> None:
    out = tmp_path / "sri.jsonl"
    count = export(store, sri(store), out)
    statements = read(out)
    assert count == len(statements) == 4, "a day, two answers and an exam"
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
    verbs = [s["verb"]["id"] for s in statements]  # type: ignore[index]
    assert verbs == [
        "http://adlnet.gov/expapi/verbs/completed",
        "http://adlnet.gov/expapi/verbs/answered",
        "http://adlnet.gov/expapi/verbs/answered",
        "http://adlnet.gov/expapi/verbs/passed",
    ]
    actor = statements[0]["actor"]
    assert actor["name"] == "Sri Wahyuni" and "mbox" not in actor  # type: ignore[index]
    assert actor["account"]["homePage"] == f"{PROJECT_IRI}/laptop/{laptop_id(store)}"  # type: ignore[index]
    assert all(str(s["object"]["id"]).startswith(PROJECT_IRI) for s in statements)  # type: ignore[index]


@pytest.mark.slow
def test_a_day_carries_its_findings_and_a_log_that_replays(
    store: SaveStore, tmp_path: Path
) -> None:
    out = tmp_path / "sri.jsonl"
    export(store, sri(store), out)
    day = read(out)[0]
    result, context = day["result"], day["context"]
    [run] = store.finished_runs(sri(store)[0].id)
    assert result["score"]["raw"] == run.score  # type: ignore[index]
    assert result["success"] is False, "the careless day did not pass"  # type: ignore[index]
    findings = result["extensions"][extension("findings")]  # type: ignore[index]
    assert findings and all(f["rule"] in RULES_BY_ID for f in findings)
    assert {"M09"} <= {m for f in findings for m in f["mistakes"]}, "the witness mistake"
    assert set(result["extensions"][extension("phase-scores")]) == {  # type: ignore[index]
        p.value for p in entry("pemilu-hari-penuh").scenario.phases  # type: ignore[union-attr]
    }
    log = parse_log(context["extensions"][extension("action-log")])  # type: ignore[index]
    replayed = apply_log(entry(log.header.scenario).scenario, log)  # type: ignore[arg-type]
    assert log.result is not None and replayed.digest() == log.result.digest


@pytest.mark.slow
def test_exporting_twice_gives_the_same_statements(store: SaveStore, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    export(store, store.profiles(), first)
    export(store, store.profiles(), second)
    assert first.read_text("utf-8") == second.read_text("utf-8")
    ids = [s["id"] for s in read(first)]
    assert len(ids) == len(set(ids)), "two results with one statement id"


@pytest.mark.slow
def test_the_command_line_exports_one_profile_or_all(
    store: SaveStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kelas.jsonl"
    assert cli_main(["export", "--profile", "Sri Wahyuni", "--out", str(out)]) == 0
    assert len(read(out)) == 4
    assert cli_main(["export", "--all", "--out", str(out)]) == 0
    assert len(read(out)) == 4, "Budi has no results yet"
    assert cli_main(["export", "--profile", "Tidak Ada", "--out", str(out)]) == 2
    assert "Tidak Ada" in capsys.readouterr().err
    folder = tmp_path / "bukan-berkas"
    folder.mkdir()
    assert cli_main(["export", "--all", "--out", str(folder)]) == 2


@pytest.mark.slow
def test_an_answer_says_what_was_answered_and_how_long_it_took(
    store: SaveStore, tmp_path: Path
) -> None:
    out = tmp_path / "sri.jsonl"
    export(store, sri(store), out)
    first, older = read(out)[1:3]
    assert first["result"] == {"success": True, "response": "2", "duration": "PT4.500S"}
    assert first["object"]["definition"]["interactionType"] == "choice"  # type: ignore[index]
    assert older["result"] == {"success": False}, "nothing made up for an older answer"


def test_a_quiz_outcome_keeps_its_kind_response_and_time(tmp_path: Path) -> None:
    from simulator.persistence.quiz_records import response_json
    from simulator.quiz.banks import BANK_DIR, load_banks
    from simulator.quiz.session import Outcome, items_of

    opened, _ = SaveStore.open(tmp_path / "data")
    profile = opened.create_profile("Ani")
    item = next(i for i in items_of(load_banks([BANK_DIR]).banks)
                if str(i.question.type) == "multiple")
    records = QuizRecords(opened, profile.id)
    records.record_outcome(QuizMode.LATIHAN, Outcome(item, frozenset({3, 1}), False, 12.25),
                           __import__("datetime").date(2026, 12, 6))
    [kept] = records.all_answers()
    assert (kept.kind, kept.response, kept.millis) == ("multiple", "[1, 3]", 12250)
    assert response_json(None) is None and response_json((2, 1, 3)) == "[2, 1, 3]"
    opened.close()
