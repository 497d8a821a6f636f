"""The engine's verbs: rules, run, replay — exit codes, both languages, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.core.catalogue import RULES

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "meja-pemilih-jebakan.yaml"
MISTAKEN = ROOT / "tests" / "playthroughs" / "meja-pemilih-jebakan.keliru.log"
CORRECT = ROOT / "tests" / "playthroughs" / "meja-pemilih-jebakan.benar.log"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_rules_lists_every_rule_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0
    missing = [r.id for r in RULES if r.id not in out]
    assert not missing, f"rules output lacks {missing}"
    assert "Akibat" in out
    code, out_en, _ = run_cli(capsys, "--lang", "en", "rules")
    assert code == 0 and "Consequence" in out_en


def test_rules_json_has_texts_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "rules", "--json")
    assert code == 0
    rules = json.loads(out)
    assert len(rules) == len(RULES)
    first = rules[0]
    assert set(first["text"]) == {"id", "en"}
    assert first["text"]["id"]["title"] and first["text"]["en"]["title"]


def test_rules_shows_trainers_how_firm_each_basis_is(capsys: pytest.CaptureFixture[str]) -> None:
    """The handbook's H/M/L grade of each rule's basis, in words, and the Pilkada's own basis
    where a rule has one; the JSON carries both for every rule."""
    code, out, _ = run_cli(capsys, "--lang", "en", "rules")
    assert code == 0
    assert out.count("Confidence of the source (for trainers): ") == len(RULES)
    graded = {r.confidence for r in RULES}
    assert "M, news or a regional KPU's explanation" in out and {"H", "M"} <= graded
    own = [r for r in RULES if r.regulation_pilkada]
    assert own and all(f"Source in the Pilkada: {r.regulation_pilkada}" in out for r in own)
    code, out, _ = run_cli(capsys, "rules")
    assert out.count("Keyakinan atas sumber (untuk pelatih): ") == len(RULES)
    code, out, _ = run_cli(capsys, "rules", "--json")
    by_id = {row["id"]: row for row in json.loads(out)}
    for rule in RULES:
        row = by_id[rule.id]
        assert row["confidence"] == rule.confidence
        assert row["regulation_pilkada"] == (rule.regulation_pilkada or rule.regulation)


def test_run_prints_score_and_every_error_with_its_rule_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "run", SCENARIO, "--actions", MISTAKEN)
    assert code == 0
    assert "Skor: 0/100" in out
    assert "pemungutan.pemilih_bertinta_dilayani (v04)" in out
    assert "Pemungutan suara ulang (PSU)" in out, "a critical error says what it would cause"


def test_run_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "run", SCENARIO, "--actions", CORRECT, "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["score"]["overall"] == 100 and payload["findings"] == []
    assert payload["finished"] is True


def test_run_then_replay_confirms(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    recorded = tmp_path / "rekaman.log"
    code, _, _ = run_cli(capsys, "run", SCENARIO, "--actions", MISTAKEN, "--write-log", recorded)
    assert code == 0 and recorded.exists()
    code, out, _ = run_cli(capsys, "--lang", "en", "replay", recorded, "--scenario", SCENARIO)
    assert code == 0, out
    assert "Confirmed: score 0" in out


def test_replay_finds_the_scenario_by_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "replay", CORRECT)
    assert code == 0 and "Terkonfirmasi" in out


def test_replay_json_is_one_json_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "replay", CORRECT, "--json")
    assert code == 0, err
    payload = json.loads(out)  # a confirmation line mixed in would make this fail
    assert payload["findings"] == [], "the careful crew's recorded day has no findings"
    assert "Terkonfirmasi" in err, "the confirmation is still said, beside the JSON"


def test_replay_reports_a_different_result(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tampered = tmp_path / "diubah.log"
    tampered.write_text(MISTAKEN.read_text().replace("score: 0", "score: 97"), encoding="utf-8")
    code, _, err = run_cli(capsys, "--lang", "en", "replay", tampered)
    assert code == 1
    assert "score 97 recorded, 0 now" in err


def test_replay_of_a_log_from_older_scoring_rules_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A trainee's log recorded before the duties entered the score replays its steps, and
    the trainer is told why the score may differ."""
    older = tmp_path / "lama.log"
    older.write_text(CORRECT.read_text().replace("engine: 2", "engine: 1"), encoding="utf-8")
    code, out, err = run_cli(capsys, "--lang", "en", "replay", older)
    assert "recorded under scoring rules version 1; these are version 2" in err, err
    assert code == 0 and "Confirmed" in out, "the same steps, the same result here"


def test_a_malformed_log_is_located_and_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "rusak.log"
    lines = CORRECT.read_text().splitlines()
    lines[8] = "07:00 terbang {}"
    broken.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = run_cli(capsys, "run", SCENARIO, "--actions", broken)
    assert code == 2
    assert f"{broken}:9:" in err and "[log.action]" in err


def test_an_impossible_action_is_located_and_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "mustahil.log"
    text = CORRECT.read_text()
    text = text.replace('07:00 call_voter {"voter":"v01"}', '07:00 call_voter {"voter":"v99"}', 1)
    broken.write_text(text, encoding="utf-8")
    code, _, err = run_cli(capsys, "--lang", "en", "run", SCENARIO, "--actions", broken)
    assert code == 2
    assert "[replay.illegal]" in err and "v99" in err


def test_a_log_of_another_scenario_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    other = ROOT / "scenarios" / "pilkada-hari-penuh.yaml"
    code, _, err = run_cli(capsys, "run", other, "--actions", CORRECT)
    assert code == 2 and "meja-pemilih-jebakan" in err


def test_missing_files_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "run", tmp_path / "tidak-ada.yaml", "--actions", CORRECT)
    assert code == 2 and "tidak ditemukan" in err
    code, _, err = run_cli(capsys, "replay", tmp_path / "tidak-ada.log")
    assert code == 2


def test_run_takes_logged_times_as_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A log written by hand need not match the engine's clock; replay is the strict verb."""
    sloppy = tmp_path / "tangan.log"
    text = CORRECT.read_text()
    body, result = text.split("\n---\n")[1], text.split("\n---\n")[2]
    header = text.split("\n---\n")[0]
    lines = ["12:34 " + line.split(" ", 1)[1] for line in body.splitlines()]
    sloppy.write_text(f"{header}\n---\n" + "\n".join(lines) + f"\n---\n{result}", "utf-8")
    code, out, _ = run_cli(capsys, "run", SCENARIO, "--actions", sloppy)
    assert code == 0 and "Skor: 100/100" in out
    code, _, err = run_cli(capsys, "replay", sloppy)
    assert code == 2 and "[replay.time]" in err


def test_run_careful_writes_a_correct_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_log = tmp_path / "benar.log"
    code, out, _ = run_cli(capsys, "run", SCENARIO, "--careful", "--write-log", out_log)
    assert code == 0 and "Skor: 100/100" in out
    code, _, _ = run_cli(capsys, "replay", out_log, "--scenario", SCENARIO)
    assert code == 0


def test_actions_lists_every_kind_with_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    from simulator.core.catalogue import ACTION_KINDS

    code, out, _ = run_cli(capsys, "--lang", "en", "actions")
    assert code == 0
    assert all(kind in out for kind in ACTION_KINDS)
    assert "reason: bertinta | sudah_ditutup" in out
    code, out, _ = run_cli(capsys, "actions", "--json")
    assert code == 0 and set(json.loads(out)) == set(ACTION_KINDS)
