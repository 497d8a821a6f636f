"""``run_sim.py quiz``: the quiz in a terminal, and what it saves for a profile."""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.cli.quiz import Terminal, run_quiz
from simulator.i18n import catalog
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import DATA_DIR_ENV, SaveStore
from simulator.quiz.banks import load_banks
from simulator.quiz.session import exam_run, items_of, practice_run

BANK = Path(__file__).parent / "fixtures" / "quiz_small.yaml"
TODAY = date(2026, 11, 23)


class Script:
    """A terminal that types the given lines and moves a fake clock on each read."""

    def __init__(self, lines: list[str], seconds_per_answer: float = 5.0) -> None:
        self.lines = list(lines)
        self.out: list[str] = []
        self.now = 0.0
        self.step = seconds_per_answer

    def read(self) -> str | None:
        self.now += self.step
        return self.lines.pop(0) if self.lines else None

    def terminal(self) -> Terminal:
        return Terminal(self.read, self.out.append, lambda: self.now, 78)

    @property
    def text(self) -> str:
        return "\n".join(self.out)


def args(*extra: str) -> argparse.Namespace:
    from simulator.cli import _parser

    return _parser("en").parse_args(["quiz", str(BANK), "--seed", "4", *extra])


def right_lines(mode_args: list[str], wrong: int = 0) -> list[str]:
    """The lines a trainee who knows every answer types, for the sitting the seed gives;
    the first ``wrong`` questions are answered wrongly (a right answer for another question)."""
    from tests.test_quiz_session import right_text

    namespace = args(*mode_args)
    items = items_of(load_banks([BANK]).banks)
    rng = random.Random(namespace.seed)
    run = (
        exam_run(items, rng, size=namespace.count or 30)
        if namespace.mode == "exam"
        else practice_run(items, rng)
    )
    lines = []
    while (shown := run.current()) is not None:
        text = right_text(shown)
        lines.append(text)
        run.answer(shown.item.key.answer, 0)
    single = [n for n, line in enumerate(lines) if " " not in line][:wrong]
    assert len(single) == wrong, "the seed gives too few one-word answers to make wrong"
    for n in single:
        lines[n] = _other(lines[n])
    return lines


def _other(line: str) -> str:
    """A well-formed answer other than ``line``."""
    if line in ("b", "s"):
        return "s" if line == "b" else "b"
    if int(line) > 9:  # a numeric answer
        return str(int(line) + 1)
    return "2" if line == "1" else "1"


def test_practice_marks_each_answer_at_once_with_explanation_and_article(monkeypatch):
    script = Script(right_lines(["--mode", "practice"]))
    assert run_quiz(args("--mode", "practice"), catalog("en"), script.terminal(), TODAY) == 0
    assert script.text.count("✓ Right.") == 9, script.text
    assert "Source: PKPU 25/2023 Pasal 1" in script.text
    assert "Score: 9 of 9 right (100%)" in script.text
    assert "Without --profile, answers are not saved." in script.text


def test_a_wrong_answer_shows_the_right_one(monkeypatch):
    script = Script(right_lines(["--mode", "practice"], wrong=1))
    run_quiz(args("--mode", "practice"), catalog("id"), script.terminal(), TODAY)
    assert "✗ Salah. Jawaban yang benar:" in script.text
    assert "Nilai: 8 dari 9 benar" in script.text


def test_a_typing_slip_asks_again_instead_of_marking_wrong():
    lines = right_lines(["--mode", "practice"])
    script = Script(["", "zzz", *lines])
    run_quiz(args("--mode", "practice"), catalog("en"), script.terminal(), TODAY)
    assert "Score: 9 of 9 right" in script.text


def test_the_exam_is_marked_at_the_end_and_passes_at_75_percent():
    lines = right_lines(["--mode", "exam", "--count", "8"], wrong=2)
    script = Script(lines)
    code = run_quiz(args("--mode", "exam", "--count", "8"), catalog("en"), script.terminal(), TODAY)
    assert "✓ Right." not in script.text and "✗ Wrong." not in script.text
    assert "Score: 6 of 8 right (75%)" in script.text and "PASSED" in script.text
    assert code == 0


def test_the_exam_ends_when_time_is_up_and_unanswered_questions_count_as_wrong():
    lines = right_lines(["--mode", "exam", "--count", "8"])
    script = Script(lines, seconds_per_answer=25)  # 1 minute: two answers fit, not three
    code = run_quiz(
        args("--mode", "exam", "--count", "8", "--minutes", "1"),
        catalog("en"),
        script.terminal(),
        TODAY,
    )
    assert "Time is up." in script.text
    assert "Score: 2 of 8 right (25%)" in script.text and "NOT PASSED" in script.text
    assert code == 1


def test_quitting_ends_the_sitting_with_what_was_answered():
    script = Script([*right_lines(["--mode", "practice"])[:2], "q"])
    assert run_quiz(args(), catalog("en"), script.terminal(), TODAY) == 0
    assert "Score: 2 of 2 right" in script.text


@pytest.fixture
def profile(tmp_path, monkeypatch) -> tuple[Path, int]:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    store, _ = SaveStore.open(tmp_path)
    profile = store.create_profile("Sari")
    store.close()
    return tmp_path, profile.id


def records(folder: Path, profile_id: int) -> tuple[SaveStore, QuizRecords]:
    store, _ = SaveStore.open(folder)
    return store, QuizRecords(store, profile_id)


def test_review_needs_a_profile():
    script = Script([])
    assert run_quiz(args("--mode", "review"), catalog("en"), script.terminal(), TODAY) == 2
    assert "--profile" in script.text


def test_an_unknown_profile_is_named(profile):
    script = Script([])
    assert run_quiz(args("--profile", "Budi"), catalog("en"), script.terminal(), TODAY) == 2
    assert "No profile named 'Budi'. Profiles: Sari" in script.text


def test_answers_are_saved_and_missed_ones_come_back_first_in_review(profile):
    folder, profile_id = profile
    script = Script(right_lines(["--mode", "practice"], wrong=2))
    run_quiz(args("--profile", "sari"), catalog("en"), script.terminal(), TODAY)
    store, saved = records(folder, profile_id)
    cards = saved.cards()
    missed = sorted(ref for ref, card in cards.items() if card.box == 0)
    assert len(cards) == 9 and len(missed) == 2
    assert sum(t.total for t in saved.by_topic()) == 9
    store.close()

    review = Script(["q"])
    run_quiz(args("--mode", "review", "--profile", "Sari"), catalog("en"), review.terminal(), TODAY)
    assert "Review: 2 question(s) due today" in review.text, review.text
    tomorrow = Script(["q"])
    run_quiz(
        args("--mode", "review", "--profile", "Sari"),
        catalog("en"),
        tomorrow.terminal(),
        TODAY + timedelta(days=1),
    )
    assert "Review: 9 question(s) due today" in tomorrow.text, tomorrow.text


def test_an_exam_result_is_saved(profile):
    folder, profile_id = profile
    script = Script(right_lines(["--mode", "exam", "--count", "4"]))
    run_quiz(
        args("--mode", "exam", "--count", "4", "--profile", "Sari"),
        catalog("en"),
        script.terminal(),
        TODAY,
    )
    store, saved = records(folder, profile_id)
    [exam] = saved.exams()
    assert (exam.correct, exam.total, exam.passed, exam.time_up) == (4, 4, True, False)
    store.close()


def test_a_broken_bank_is_reported_and_nothing_is_asked(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BANK.read_text("utf-8").replace("answer: 255", "answer: 256"), "utf-8")
    assert main(["quiz", str(bad), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert f"{bad}:" in out and "Question 1" not in out


def test_the_verb_reads_the_keyboard_from_standard_input(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["quiz", str(BANK), "--lang", "en", "--seed", "1"]) == 0
    assert "Question 1/9" in capsys.readouterr().out


def test_the_polling_day_can_be_entered_from_the_terminal(profile):
    folder, profile_id = profile
    script = Script(["q"])
    run_quiz(
        args("--profile", "Sari", "--polling-day", "27-11-2026"),
        catalog("en"),
        script.terminal(),
        TODAY,
    )
    assert "Your polling day: 27-11-2026 (in 4 days)" in script.text
    store, saved = records(folder, profile_id)
    assert saved.polling_day() == date(2026, 11, 27)
    store.close()
    bad = Script([])
    assert (
        run_quiz(
            args("--profile", "Sari", "--polling-day", "kemarin"),
            catalog("en"),
            bad.terminal(),
            TODAY,
        )
        == 2
    )
    assert "'kemarin' is not a date" in bad.text
