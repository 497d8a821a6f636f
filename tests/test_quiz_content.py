"""The shipped quiz banks: they load, agree with the engine, cover the handbook and MISTAKES.md,
and fit the screen."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from simulator.core.answers import key_of, stated_answer
from simulator.core.targets import KOSONG
from simulator.i18n import catalog
from simulator.quiz.banks import BANK_DIR, load_banks
from simulator.quiz.session import Item, items_of, present
from simulator.schema.quiz import (
    HANDBOOK_SECTIONS,
    BallotQuestion,
    Numeric,
    QuizBank,
    SituationQuestion,
)
from simulator.schema.types import ElectionType

MISTAKES = [f"M{n:02d}" for n in range(1, 64)]


@pytest.fixture(scope="module")
def banks() -> tuple[QuizBank, ...]:
    loaded = load_banks([BANK_DIR])
    problems = [p.render(catalog("en")) for p in loaded.problems]
    assert loaded.ok and not problems, "a shipped bank has problems:\n" + "\n".join(problems)
    return loaded.banks


@pytest.fixture(scope="module")
def items(banks) -> list[Item]:
    return items_of(banks)


def test_every_stated_answer_is_the_engines_where_the_engine_knows_it(banks):
    checked = 0
    for bank in banks:
        for question in bank.questions:
            key = key_of(question, bank)
            if key.from_engine:
                checked += 1
                assert key.answer == stated_answer(question), (
                    f"{bank.bank}/{question.id}: the bank says {stated_answer(question)!r}, "
                    f"the engine {key.answer!r}"
                )
    assert checked >= 50, f"only {checked} answers come from the engine"


def test_every_ballot_and_every_form_figure_is_answered_by_the_engine(items):
    for item in items:
        question = item.question
        if isinstance(question, BallotQuestion) or (
            isinstance(question, Numeric) and question.task is not None
        ):
            assert item.key.from_engine, f"{item.ref} is not answered by the engine"


def test_there_are_enough_questions_and_ballots(items):
    assert len(items) >= 300, f"{len(items)} questions; at least 300 are needed (issue 14)"
    ballots = [i for i in items if isinstance(i.question, BallotQuestion)]
    assert len(ballots) >= 30, f"{len(ballots)} ballot questions; at least 30 are needed"
    elections = Counter(i.bank.contest(i.question.contest).election for i in ballots)
    assert elections[ElectionType.PEMILU_2024] >= 10 and elections[ElectionType.PILKADA_2024] >= 10
    kosong = [i for i in ballots if i.key.answer == str(KOSONG)]
    assert len(kosong) >= 3, "the kolom kosong must be trained by ballots that count for it"


def test_every_handbook_section_is_covered(items):
    covered = Counter(item.question.section for item in items)
    missing = [section for section in HANDBOOK_SECTIONS if not covered[section]]
    assert not missing, f"no question on handbook section(s) {missing}"


def test_every_common_mistake_is_trained_at_least_twice(items):
    trained = Counter(m for item in items for m in item.question.mistakes)
    short = {m: trained[m] for m in MISTAKES if trained[m] < 2}
    assert not short, f"mistakes trained fewer than twice: {short}"


def test_every_kind_of_question_is_used(items):
    kinds = Counter(str(item.question.type) for item in items)
    assert set(kinds) == {"single", "multiple", "true_false", "ordering", "numeric", "ballot",
                          "situation"}


def test_ids_are_unique_across_banks(items):
    refs = Counter(item.ref for item in items)
    assert not [ref for ref, n in refs.items() if n > 1]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_texts_fit_the_screen(items, lang):
    from simulator.quiz import texts

    cat = catalog(lang)
    too_long = []
    for item in items:
        if len(texts.question_text(item, cat)) > 400:
            too_long.append(f"{item.ref} question")
        if len(item.question.explanation.get(lang)) > 700:
            too_long.append(f"{item.ref} explanation")
        if isinstance(item.question, SituationQuestion):
            continue  # its options are the game's own texts; the quiz screen tests fit them
        for choice in texts.choices(item, present(item, random.Random(0)).order, cat):
            if len(choice.text) > 160:
                too_long.append(f"{item.ref} option {choice.text[:30]!r}")
    assert not too_long, too_long


def test_each_question_is_written_in_both_languages(items):
    same = [
        item.ref
        for item in items
        if item.question.text is not None and item.question.text.id == item.question.text.en
    ]
    same += [
        f"{item.ref} explanation"
        for item in items
        if item.question.explanation.id == item.question.explanation.en
    ]
    assert not same, f"texts left untranslated: {same}"
