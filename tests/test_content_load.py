"""The public loading API: scenarios, folders, document kinds, digests, internal errors."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from simulator.content import (
    DOCUMENT_KINDS,
    ContentError,
    load_document,
    load_scenario,
    read_document,
    scenario_sha256,
    validate_paths,
)
from simulator.content import load as load_module
from simulator.schema.scenario import Scenario

FIXTURES = Path(__file__).parent / "fixtures" / "content"
PEMILU = FIXTURES / "pemilu_minimal.yaml"
PILKADA = FIXTURES / "pilkada_minimal.yaml"


def test_the_fixtures_load_as_scenarios() -> None:
    pemilu = load_scenario(PEMILU)
    assert pemilu.id == "pemilu-minimal"
    assert pemilu.voters.listed[1].arrives == "11:30"  # unquoted, and still a time
    assert load_document(PILKADA, Scenario).ballot_types[0].value == "gubernur"


def test_the_digest_is_of_the_bytes_read() -> None:
    expected = hashlib.sha256(PEMILU.read_bytes()).hexdigest()
    assert scenario_sha256(PEMILU) == expected
    assert read_document(PEMILU, Scenario).sha256 == expected


def test_a_content_error_carries_every_problem_and_renders_in_english_by_default(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("id: X\nelection: nope\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_scenario(path)
    error = caught.value
    assert len(error.problems) > 3
    assert error.problems == sorted(error.problems)
    assert f"{path}:2:11: election: 'nope' is not allowed here" in str(error)


def copy_fixtures(folder: Path) -> None:
    (folder / "sub").mkdir(parents=True)
    shutil.copy(PEMILU, folder / "b.yaml")
    shutil.copy(PILKADA, folder / "sub" / "a.yml")
    (folder / "notes.txt").write_text("not yaml", encoding="utf-8")


def test_folders_are_expanded_recursively_and_sorted(tmp_path: Path) -> None:
    copy_fixtures(tmp_path / "set")
    reports = validate_paths([tmp_path / "set"])
    assert [r.path.relative_to(tmp_path).as_posix() for r in reports] == [
        "set/b.yaml",
        "set/sub/a.yml",
    ]
    assert all(r.valid and r.kind == "scenario" for r in reports)


def test_a_missing_path_is_reported_not_skipped(tmp_path: Path) -> None:
    [report] = validate_paths([tmp_path / "gone.yaml"])
    assert not report.valid
    assert [p.code for p in report.problems] == ["file.not_found"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlink_leading_outside_the_folder_is_refused(tmp_path: Path) -> None:
    copy_fixtures(tmp_path / "set")
    (tmp_path / "secret.yaml").write_text("id: secret\n", encoding="utf-8")
    (tmp_path / "set" / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (tmp_path / "set" / "dirlink").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "set" / "inside.yaml").symlink_to(tmp_path / "set" / "b.yaml")
    reports = {r.path.name: r for r in validate_paths([tmp_path / "set"])}
    assert [p.code for p in reports["link.yaml"].problems] == ["file.outside"]
    assert [p.code for p in reports["dirlink"].problems] == ["file.outside"]
    assert reports["inside.yaml"].valid
    assert reports["b.yaml"].valid


def test_a_quiz_bank_is_recognised_and_reported_unsupported_while_it_has_no_model(
    tmp_path: Path,
) -> None:
    path = tmp_path / "quiz.yaml"
    path.write_text("id: q\nquestions:\n  - {}\n", encoding="utf-8")
    quiz = next(kind for kind in DOCUMENT_KINDS if kind.name == "quiz")
    [report] = validate_paths([path])
    assert report.kind == "quiz"
    if quiz.model() is None:
        assert [(p.line, p.column, p.code) for p in report.problems] == [(2, 1, "kind_unsupported")]


def test_an_unexpected_exception_becomes_a_located_internal_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(load_module, "_validate", broken)
    path = tmp_path / "s.yaml"
    shutil.copy(PEMILU, path)
    [report] = validate_paths(
        [
            path,
        ]
    )
    [problem] = report.problems
    assert (problem.file, problem.line, problem.column, problem.code) == (
        str(path),
        1,
        1,
        "internal",
    )
    assert problem.params["error"] == "RuntimeError: boom"


@pytest.mark.parametrize(
    ("setting", "value", "path"),
    [
        ("rules", {"dptb_from": "25:00"}, "rules.dptb_from"),
        ("voter", {"other_tps": 0}, "voters.listed[0].other_tps"),
        ("voter", {"other_tps": "tujuh"}, "voters.listed[0].other_tps"),
        ("rules", {"plano_slip_correction": "tipex"}, "rules.plano_slip_correction"),
    ],
)
def test_bad_values_of_issue_14_fields_are_located(
    tmp_path: Path, setting: str, value: dict[str, object], path: str
) -> None:
    """A trainer's typo in the new settings points at its line, not at the whole file."""
    import yaml

    data = yaml.safe_load(PEMILU.read_text(encoding="utf-8"))
    if setting == "rules":
        data.setdefault("rules", {}).update(value)
    else:
        data["voters"]["listed"][0].update(value, registered="none")
    target = tmp_path / "s.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    [report] = validate_paths([target])
    located = [(p.path, p.line) for p in report.problems if p.is_error]
    assert located and all(line > 1 for _, line in located), located
    assert any(found.startswith(path) for found, _ in located), located
