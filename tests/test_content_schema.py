"""Schema errors are all reported, placed at the right line and column, translated, hinted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from simulator.content import ContentError, Problem, load_scenario
from simulator.content.schema_errors import (
    MODEL_MESSAGES,
    PATTERN_MESSAGES,
    TYPE_MESSAGES,
    VALUE_MESSAGES,
    issue_from_error,
)
from simulator.i18n import LANGUAGES, catalog
from simulator.schema.ballot import Mark
from simulator.schema.scenario import Scenario

FIXTURE = Path(__file__).parent / "fixtures" / "content" / "pemilu_minimal.yaml"


def variant(tmp_path: Path, *edits: tuple[str, str]) -> tuple[Path, list[str]]:
    """The Pemilu fixture with whole lines replaced (an empty replacement deletes the line)."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    for old, new in edits:
        index = lines.index(old)
        lines[index : index + 1] = [new] if new else []
    path = tmp_path / "scenario.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, lines


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_scenario(path)
    return caught.value.problems


def line_of(lines: list[str], text: str) -> int:
    return lines.index(text) + 1


def test_a_missing_field_points_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    path, lines = variant(tmp_path, ("  village: Sukamaju", ""))
    [problem] = problems_of(path)
    assert (problem.file, problem.line, problem.column) == (str(path), line_of(lines, "tps:"), 1)
    assert (problem.path, problem.code) == ("tps.village", "schema.missing")
    assert problem.render(catalog("en")) == (
        f"{path}:14:1: tps.village: field 'village' is required [schema.missing]"
    )


def test_an_unknown_field_points_at_its_key_and_suggests_the_close_one(tmp_path: Path) -> None:
    path, lines = variant(tmp_path, ("      arrives: 07:05", "      arives: 07:05"))
    missing, extra = problems_of(path)
    assert (missing.line, missing.column, missing.code) == (
        line_of(lines, "    - id: v1"),
        7,
        "schema.missing",
    )
    assert missing.path == "voters.listed[0].arrives"
    assert (extra.line, extra.column, extra.code) == (
        line_of(lines, "      arives: 07:05"),
        7,
        "schema.extra",
    )
    assert extra.path == "voters.listed[0].arives"
    assert extra.message(catalog("en")) == "unknown field 'arives' (did you mean 'arrives'?)"
    assert extra.message(catalog("id")) == "isian 'arives' tidak dikenal (maksud Anda 'arrives'?)"


def test_an_unknown_field_with_no_close_match_lists_the_allowed_ones(tmp_path: Path) -> None:
    path, _ = variant(tmp_path, ("      age: 34", "      zzz: 34\n      age: 34"))
    [problem] = problems_of(path)
    assert problem.code == "schema.extra"
    assert "allowed here: id, name, sex, age" in problem.message(catalog("en"))


def test_a_wrong_enum_value_lists_the_allowed_values(tmp_path: Path) -> None:
    path, _ = variant(tmp_path, ("election: pemilu2024", "election: pemilu2042"))
    [problem] = problems_of(path)
    assert problem.render(catalog("en")) == (
        f"{path}:10:11: election: 'pemilu2042' is not allowed here; choose one of "
        "'pemilu2024', 'pilkada2024' (did you mean 'pemilu2024'?) [schema.enum]"
    )
    assert problem.render(catalog("id")) == (
        f"{path}:10:11: election: 'pemilu2042' tidak diizinkan di sini; pilih salah satu dari "
        "'pemilu2024', 'pilkada2024' (maksud Anda 'pemilu2024'?) [schema.enum]"
    )


def test_a_wrong_type_deep_in_a_list_is_placed_at_the_value(tmp_path: Path) -> None:
    old = "        dpr: [{party: 1, candidate: 2}]"
    new = "        dpr: [{party: 1, candidate: dua}]"
    path, lines = variant(tmp_path, (old, new))
    [problem] = problems_of(path)
    assert (problem.line, problem.column) == (line_of(lines, new), new.index("dua") + 1)
    assert problem.path == "voters.listed[0].votes.dpr[0].candidate"
    assert problem.code == "schema.type"
    assert problem.message(catalog("en")) == "expected a whole number, found 'dua'"


def test_a_wrong_dict_key_points_at_the_key(tmp_path: Path) -> None:
    path, lines = variant(tmp_path, ("    ppwp: {count: 204}", "    ppwx: {count: 204}"))
    [problem] = problems_of(path)
    assert (problem.line, problem.column, problem.code) == (
        line_of(lines, "    ppwx: {count: 204}"),
        5,
        "schema.enum",
    )
    assert problem.path == "logistics.ballots.ppwx"
    assert "(did you mean 'ppwp'?)" in problem.message(catalog("en"))


def test_every_schema_error_is_reported_sorted_by_line(tmp_path: Path) -> None:
    path, _ = variant(
        tmp_path,
        ("election: pemilu2024", "election: pemilu2042"),
        ("  village: Sukamaju", ""),
        ("      age: 51", "      age: tua"),
        (
            "  - {number: 1, code: PKM, name: Partai Kemakmuran}",
            "  - {number: 1, code: PKM, name: Partai Kemakmuran, colour: red}",
        ),
    )
    problems = problems_of(path)
    assert [p.code for p in problems] == [
        "schema.enum",
        "schema.missing",
        "schema.extra",
        "schema.type",
    ]
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_a_yaml_boolean_where_text_is_expected_gets_a_quoting_hint(tmp_path: Path) -> None:
    path, _ = variant(
        tmp_path,
        (
            "  - {number: 1, code: PKM, name: Partai Kemakmuran}",
            "  - {number: 1, code: NO, name: Partai Kemakmuran}",
        ),
    )
    [problem] = problems_of(path)
    assert problem.message(catalog("en")) == (
        'expected text, found False (YAML reads NO as False; write "NO" in quotes to make it text)'
    )


def test_a_time_written_wrongly_gets_a_sentence_not_a_regex(tmp_path: Path) -> None:
    path, _ = variant(tmp_path, ("      arrives: 07:05", "      arrives: 7:5"))
    [problem] = problems_of(path)
    assert problem.code == "schema.value"
    assert problem.message(catalog("en")).startswith("'7:5' is not a time: write HH:MM")


def test_a_model_validator_message_is_translated(tmp_path: Path) -> None:
    old, new = "        ppwp: [{pair: 2}]", "        ppwp: [{pair: 2, kosong: true}]"
    path, _ = variant(tmp_path, (old, new))
    [problem] = problems_of(path)
    assert problem.path == "voters.listed[0].votes.ppwp[0]"
    assert problem.message(catalog("id")) == (
        "tanda berada di kolom pasangan atau di kolom kosong, tidak keduanya"
    )


@pytest.mark.parametrize(
    "mark",
    [
        {"place": "outside", "pair": 1},
        {"place": "inside"},
        {"pair": 1, "kosong": True},
        {"pair": 1, "neighbour": 2},
        {"party": 1, "candidate": 1, "place": "blank_area"},
    ],
)
def test_the_schema_still_says_what_our_translations_expect(mark: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as caught:
        Mark.model_validate(mark)
    [detail] = caught.value.errors()
    issue = issue_from_error(detail, Mark)
    assert issue.key in MODEL_MESSAGES.values()


def test_an_unknown_pydantic_error_type_falls_back_to_its_kind() -> None:
    detail: Any = {
        "type": "url_parsing",
        "loc": ("title",),
        "msg": "Input should be a URL",
        "input": "x",
    }
    issue = issue_from_error(detail, Scenario)
    problem = Problem("f", 1, 1, "title", issue.code, issue.params, issue.key)
    assert issue.code == "schema.type"
    assert problem.message(catalog("en")) == "invalid value 'x' (check url_parsing)"
    # Indonesian names the check, never pydantic's English sentence
    assert problem.message(catalog("id")) == "nilai 'x' tidak valid (pemeriksaan url_parsing)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_key_the_mapping_can_choose_exists(lang: str) -> None:
    keys = {f"content.schema.type.{t}" for t in TYPE_MESSAGES}
    keys |= {f"content.schema.value.{t}" for t in VALUE_MESSAGES}
    keys |= set(PATTERN_MESSAGES.values()) | set(MODEL_MESSAGES.values())
    keys |= {
        "content.schema.missing",
        "content.schema.extra",
        "content.schema.enum",
        "content.schema.other",
    }
    missing = sorted(key for key in keys if not catalog(lang).has(key))
    assert not missing


def test_phases_out_of_order_point_at_the_phases(tmp_path: Path) -> None:
    old = "phases: [logistik, pembukaan, pemungutan]"
    path, _ = variant(tmp_path, (old, "phases: [pemungutan, logistik]"))
    [problem] = problems_of(path)
    assert (problem.line, problem.column, problem.path) == (11, 9, "phases")
    assert problem.message(catalog("en")) == (
        "phases must be listed once each, in the order of the day"
    )


def test_yes_is_not_a_number_and_one_is_not_true(tmp_path: Path) -> None:
    """YAML reads `yes` as true; lax validation would quietly make it the number 1."""
    path, _ = variant(tmp_path, ("  number: 7", "  number: yes"))
    [problem] = problems_of(path)
    assert problem.path == "tps.number" and problem.code == "schema.type"


def test_every_validator_message_an_author_can_meet_is_translated() -> None:
    """A pydantic validator in simulator/schema speaks English; each message one raises must
    have its translation in MODEL_MESSAGES, or an Indonesian author reads "nilai tidak valid:
    a demo step is exactly one of…"."""
    import ast
    import importlib

    schema_dir = Path(__file__).resolve().parents[1] / "simulator" / "schema"
    untranslated = []
    for path in sorted(schema_dir.glob("*.py")):
        module = importlib.import_module(f"simulator.schema.{path.stem}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or not any(
                "validator" in ast.unparse(decorator) for decorator in node.decorator_list
            ):
                continue
            for raised in ast.walk(node):
                if not (isinstance(raised, ast.Raise) and isinstance(raised.exc, ast.Call)
                        and ast.unparse(raised.exc.func) == "ValueError" and raised.exc.args):
                    continue
                argument = raised.exc.args[0]
                if isinstance(argument, ast.Constant):
                    message = argument.value
                elif isinstance(argument, ast.Name):
                    message = getattr(module, argument.id)
                else:
                    message = ast.unparse(argument)  # composed: cannot be looked up
                if message not in MODEL_MESSAGES:
                    untranslated.append(f"{path.name}:{raised.lineno}: {message}")
    assert not untranslated, "validator messages without a translation:\n" + "\n".join(
        untranslated)
