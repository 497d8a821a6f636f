"""Quiz sittings (simulator.quiz.session), typed answers (parse) and answer texts."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from simulator.core.answers import is_right
from simulator.i18n import catalog
from simulator.quiz import texts
from simulator.quiz.banks import load_banks
from simulator.quiz.parse import AnswerError, parse_answer
from simulator.quiz.session import (
    PASS_PERCENT,
    RETRY_GAP,
    Item,
    Mode,
    Shown,
    ballot_targets,
    exam_run,
    items_of,
    practice_run,
    present,
    review_run,
)

BANK = Path(__file__).parent / "fixtures" / "quiz_small.yaml"


@pytest.fixture(scope="module")
def items() -> list[Item]:
    loaded = load_banks([BANK])
    assert loaded.ok, [p.render(catalog("en")) for p in loaded.problems]
    return items_of(loaded.banks)


def by_id(items: list[Item], question_id: str) -> Item:
    return next(item for item in items if item.question.id == question_id)


def right_text(shown: Shown) -> str:
    """What a trainee who knows the answer types, for the question as shown."""
    answer = shown.item.key.answer
    if isinstance(answer, bool):
        return "b" if answer else "s"
    if isinstance(answer, str):
        targets = ballot_targets(shown.item.bank.contest(shown.item.question.contest))
        return str(targets.index(answer) + 1)
    if isinstance(answer, int):
        return str(shown.order.index(answer) + 1) if shown.order else str(answer)
    return " ".join(
        str(shown.order.index(n) + 1)
        for n in sorted(
            answer, key=lambda n: list(answer).index(n) if isinstance(answer, tuple) else n
        )
    )


def test_typing_the_right_answer_is_right_for_every_kind_of_question(items):
    rng = random.Random(5)
    for item in items:
        shown = present(item, rng)
        given = parse_answer(shown, right_text(shown))
        assert is_right(item.key, given), f"{item.ref}: {right_text(shown)!r} → {given!r}"


def test_options_are_shuffled_but_answers_keep_their_authored_numbers(items):
    item = by_id(items, "q7")  # multiple: 1 and 3 of four
    orders = {present(item, random.Random(seed)).order for seed in range(20)}
    assert len(orders) > 1, "options should not always come in the authored order"
    for seed in range(20):
        shown = present(item, random.Random(seed))
        picks = " ".join(str(shown.order.index(n) + 1) for n in (3, 1))
        assert parse_answer(shown, picks) == frozenset({1, 3})


def test_an_ordering_question_is_never_shown_already_in_order(items):
    item = by_id(items, "q9")
    for seed in range(50):
        assert present(item, random.Random(seed)).order != (1, 2, 3, 4)


@pytest.mark.parametrize(
    ("question", "typed", "key"),
    [
        ("q1", "7", "quiz.input.range"),
        ("q1", "1 2", "quiz.input.one"),
        ("q1", "satu", "quiz.input.numbers"),
        ("q7", "1 1", "quiz.input.twice"),
        ("q8", "mungkin", "quiz.input.true_false"),
        ("q9", "1 2 3", "quiz.input.ordering"),
        ("q9", "1 2 2 3", "quiz.input.ordering"),
        ("q3", "-5", "quiz.input.whole_number"),
        ("q3", "12a", "quiz.input.whole_number"),
    ],
)
def test_a_typing_slip_is_refused_with_a_reason_not_marked_wrong(items, question, typed, key):
    shown = present(by_id(items, question), random.Random(1))
    with pytest.raises(AnswerError) as caught:
        parse_answer(shown, typed)
    assert caught.value.key == key
    assert catalog("id")(key, **caught.value.params) and catalog("en")(key, **caught.value.params)


def test_a_number_with_a_thousands_separator_is_read_as_one_number(items):
    shown = present(by_id(items, "q3"), random.Random(1))
    assert parse_answer(shown, "1.262") == 1262
    assert parse_answer(shown, "1,262") == 1262


def test_an_exam_spreads_its_questions_over_the_topics(items):
    run = exam_run(items, random.Random(3), size=5)
    topics = {item.topic for item in run.queue}
    assert len(run.queue) == 5 and len(topics) == 5, [i.ref for i in run.queue]


def test_an_exam_answer_after_the_time_limit_does_not_count(items):
    run = exam_run(items, random.Random(3), size=3, seconds=60)
    first = run.current()
    assert first is not None
    run.answer(first.item.key.answer, elapsed=10)
    late = run.current()
    assert late is not None
    outcome = run.answer(late.item.key.answer, elapsed=61)
    assert outcome.given is None and not outcome.right and run.over
    result = run.result(elapsed=61)
    assert (result.right, result.total, result.time_up) == (1, 3, True)
    assert result.seconds == 60 and not result.passed


def test_the_exam_pass_mark_is_seventy_five_percent(items):
    run = exam_run(items, random.Random(3), size=4)
    for n in range(4):
        shown = run.current()
        assert shown is not None
        run.answer(shown.item.key.answer if n < 3 else None, elapsed=n)
    result = run.result(elapsed=5)
    assert result.percent == 75 == PASS_PERCENT and result.passed


def test_a_question_missed_in_review_comes_back_later_in_the_same_sitting(items):
    refs = [item.ref for item in items[:6]]
    run = review_run(items, refs, random.Random(1))
    missed = run.current()
    assert missed is not None
    run.answer(None, elapsed=1)
    following = [run.queue[i].ref for i in range(1, len(run.queue))]
    assert following.index(missed.item.ref) == RETRY_GAP, following
    assert run.length == 7


def test_practice_can_be_limited_to_topics(items):
    run = practice_run(items, random.Random(2), topics=["keabsahan"])
    assert {item.topic for item in run.queue} == {"keabsahan"} and run.length == 2
    assert run.mode is Mode.LATIHAN


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_answer_has_words_in_both_languages(items, lang):
    cat = catalog(lang)
    for item in items:
        shown = present(item, random.Random(0))
        assert texts.question_text(item, cat)
        assert texts.answer_text(item, item.key.answer, cat)
        assert texts.explanation_text(item, cat)
        for choice in texts.choices(item, shown.order, cat):
            assert choice.text.strip()


def test_a_ballot_is_described_in_words_mark_by_mark(items):
    lines = texts.ballot_description(by_id(items, "q2"), catalog("en"))
    assert lines == [
        "President and Vice President ballot",
        "Signed by the KPPS chair.",
        "Punched inside the column of pair number 1.",
        "Punched exactly on the border line of the column of pair number 1.",
    ]
