"""Malformed quiz banks: every problem named with file, line and field, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.cli import main
from simulator.content.load import check_file
from simulator.i18n import catalog

GOOD = (Path(__file__).parent / "fixtures" / "quiz_small.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 0) -> int:
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


# (what is broken, replace this, with this, expected code, the line it must point at)
CASES = [
    (
        "ballot answer the engine contradicts",
        "    answer: pair:1\n",
        "    answer: pair:2\n",
        "quiz.answer_disagrees_ballot",
        "    answer: pair:2",
    ),
    (
        "numeric answer the engine contradicts",
        "    answer: 262\n",
        "    answer: 263\n",
        "quiz.answer_disagrees",
        "    answer: 263",
    ),
    (
        "received ballots miscounted",
        "    answer: 255\n",
        "    answer: 250\n",
        "quiz.answer_disagrees",
        "    answer: 250",
    ),
    (
        "a mark on a party that is not on the ballot",
        "{party: 2}, {party: 2, candidate: 1}",
        "{party: 7}, {party: 2, candidate: 1}",
        "lint.mark.unknown_number",
        "{party: 7}",
    ),
    (
        "a contest that does not exist",
        "    contest: ppwp\n",
        "    contest: ppwp-x\n",
        "quiz.contest_unknown",
        "    contest: ppwp-x",
    ),
    (
        "cells that do not determine the asked one",
        '{"V.valid": 306, "V.invalid": 4}',
        '{"V.invalid": 4}',
        "quiz.cell_undetermined",
        'asks: "II.4"}\n    answer: 310',
    ),
    (
        "a duplicate question id",
        "  - id: q5\n",
        "  - id: q4\n",
        "quiz.duplicate_id",
        "  - id: q4\n    type: numeric",
    ),
    (
        "a section of another topic",
        '    section: "5.6"',
        '    section: "8.2"',
        "quiz.section_topic",
        '    section: "8.2"\n    difficulty: mudah',
    ),
    (
        "an option that does not exist",
        "    answer: 1\n",
        "    answer: 3\n",
        "schema.value",
        "    answer: 3",
    ),
    (
        "an unknown kind of question",
        "    type: true_false",
        "    type: yes_no",
        "schema.enum",
        "    type: yes_no",
    ),
    (
        "a mistake id out of range",
        "    mistakes: [M12]",
        "    mistakes: [M64]",
        "schema.value",
        "[M64]",
    ),
    (
        "an English text left out",
        '{id: "TPS dibuka pukul 07.00.", en: "The TPS opens at 07:00."}',
        '{id: "TPS dibuka pukul 07.00."}',
        "schema.missing",
        '{id: "TPS dibuka pukul 07.00."}',
    ),
    ("a real party", "code: Kebun,", "code: Gerindra,", "lint.real.party", "code: Gerindra"),
    (
        "a real candidate",
        "head: Ahmad Sutanto",
        "head: Anies Sutanto",
        "lint.real.person",
        "head: Anies Sutanto",
    ),
    (
        "a misspelt field",
        "    explanation: {id: x, en: x}\n    regulation: PKPU 25/2023 Pasal 1\n"
        "    mistakes: [M12]",
        "    explanation: {id: x, en: x}\n    regulation: PKPU 25/2023 Pasal 1\n    mistake: [M12]",
        "schema.extra",
        "    mistake: [M12]",
    ),
]


@pytest.mark.parametrize(("what", "old", "new", "code", "at"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_bank_is_reported_at_the_line_of_the_mistake(tmp_path, what, old, new, code, at):
    assert old in GOOD, f"the fixture no longer holds {old!r}"
    text = GOOD.replace(old, new, 1)
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    report = check_file(path)
    assert report.kind == "quiz"
    found = [(p.code, p.line) for p in report.errors]
    assert (code, line_of(text, at.strip() if "\n" not in at else at)) in found, (
        f"{what}: expected {code} at line {line_of(text, at)}, got {found}"
    )
    for lang in ("id", "en"):
        for problem in report.errors:
            rendered = problem.render(catalog(lang))
            assert rendered.startswith(f"{path}:{problem.line}:"), rendered
            assert "problem " not in rendered, f"untranslated message: {rendered}"


def test_the_engine_answer_is_named_in_the_message(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text(GOOD.replace("    answer: pair:1\n", "    answer: invalid\n", 1), "utf-8")
    message = check_file(path).errors[0].render(catalog("en"))
    assert "'invalid'" in message and "'pair:1'" in message and "variant V3" in message, message


def test_validate_exits_non_zero_on_a_broken_bank_and_zero_on_a_good_one(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, "utf-8")
    assert main(["validate", str(good)]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("    answer: 262\n", "    answer: 1\n"), "utf-8")
    assert main(["validate", str(bad), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert f"{bad}:" in out and "disagrees with the engine, which gives 262" in out


def test_the_quiz_json_schema_is_printed(capsys):
    assert main(["schema", "--kind", "quiz"]) == 0
    out = capsys.readouterr().out
    assert '"title": "Simulasi TPS quiz bank"' in out and '"BallotQuestion"' in out
