"""The ``validate`` and ``schema`` verbs: output, exit codes, both languages."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from simulator.cli import schema as schema_verb
from simulator.cli import validate as validate_verb

FIXTURES = Path(__file__).parent / "fixtures" / "content"


def run_validate(paths: list[Path], lang: str = "id") -> int:
    return validate_verb.run(argparse.Namespace(paths=paths, lang=lang))


def broken_copy(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    text = (FIXTURES / "pemilu_minimal.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("election: pemilu2024", "election: pemilu2042"), "utf-8")
    return path


def test_valid_files_exit_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_validate([FIXTURES]) == 0
    assert capsys.readouterr().out == "2 berkas diperiksa, 0 tidak valid (0 masalah)\n"


def test_an_invalid_file_exits_2_and_prints_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_copy(tmp_path)
    assert run_validate([FIXTURES, path]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{path}:10:11: election: 'pemilu2042' tidak diizinkan di sini")
    assert lines[0].endswith("[schema.enum]")
    assert lines[-1] == "3 berkas diperiksa, 1 tidak valid (1 masalah)"


def test_the_english_summary_and_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_copy(tmp_path)
    assert run_validate([path], lang="en") == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}:10:11: election: 'pemilu2042' is not allowed here")
    assert out[-1] == "1 file(s) checked, 1 invalid (1 problem(s))"


def test_a_path_that_does_not_exist_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_validate([tmp_path / "missing.yaml"]) == 2
    assert "berkas atau folder tidak ada [file.not_found]" in capsys.readouterr().out


def test_warnings_are_printed_and_counted_but_do_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "short.yaml"
    shutil.copy(FIXTURES / "pemilu_minimal.yaml", path)
    path.write_text(path.read_text("utf-8").replace("{count: 204}", "{count: 150}"), "utf-8")
    assert run_validate([path], lang="en") == 0
    out = capsys.readouterr().out.splitlines()
    assert "warning: 150 'ppwp' ballots delivered" in out[0]
    assert out[0].endswith("[lint.logistics.count_differs]")
    assert out[-1] == "1 file(s) checked, 0 invalid (0 problem(s), 1 warning(s))"


def test_rule_ids_are_checked_against_the_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(validate_verb, "known_rules", lambda: frozenset({"voter.dpk.early"}))
    path = tmp_path / "rules.yaml"
    text = (FIXTURES / "pemilu_minimal.yaml").read_text("utf-8")
    path.write_text(text + "scoring:\n  disable: [voter.dpk.eraly]\n", "utf-8")
    assert run_validate([path], lang="en") == 2
    [line, _] = capsys.readouterr().out.splitlines()
    assert line.endswith(
        "scoring.disable[0]: no rule 'voter.dpk.eraly' in the catalogue "
        "(did you mean 'voter.dpk.early'?) [lint.scoring.unknown_rule]"
    )


def test_garbage_never_produces_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert run_validate([path]) == 2
    out = capsys.readouterr().out
    assert "[yaml.encoding]" in out
    assert "Traceback" not in out


def test_the_schema_verb_prints_a_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert schema_verb.run(argparse.Namespace(kind="scenario")) == 0
    schema = json.loads(capsys.readouterr().out)
    assert list(schema)[:2] == ["$schema", "title"]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "contests" in schema["required"]
    assert "Voter" in schema["$defs"]
