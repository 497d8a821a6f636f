"""The review schedule (simulator.quiz.schedule): properties over random answer histories."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.quiz.schedule import (
    FINAL_DAYS,
    INTERVALS,
    Card,
    after_answer,
    final_window,
    review_queue,
)

DAY0 = 739_000  # an ordinal day number, as date.toordinal() gives


@dataclass(frozen=True)
class Q:
    ref: str
    topic: str


ITEMS = [Q(f"bank/q{i}", f"topic{i % 4}") for i in range(12)]

answers = st.lists(
    st.tuples(st.integers(0, len(ITEMS) - 1), st.booleans(), st.integers(0, 20)),
    min_size=1,
    max_size=60,
)
polling_days = st.one_of(st.none(), st.integers(DAY0, DAY0 + 120))


def replay(history: list[tuple[int, bool, int]], polling: int | None):
    """Play a history (question, right?, days waited before it); yield the state after each."""
    cards: dict[str, Card] = {}
    today = DAY0
    for index, right, wait in history:
        today += wait
        ref = ITEMS[index].ref
        cards[ref] = after_answer(cards.get(ref, Card(ref)), right, today, polling)
        yield today, ref, right, cards


@settings(max_examples=300, deadline=None)
@given(answers, polling_days)
def test_a_due_date_is_never_in_the_past_after_answering(history, polling):
    for today, ref, right, cards in replay(history, polling):
        card = cards[ref]
        assert card.due >= today, f"{ref} answered on day {today} is due on {card.due}, earlier"
        if right:
            assert card.due > today, "a question answered right must not come back the same day"
        else:
            assert card.due == today and card.box == 0, "a missed question must be due at once"


@settings(max_examples=300, deadline=None)
@given(
    answers,
    polling_days,
    st.integers(0, len(ITEMS) - 1),
    st.integers(0, len(ITEMS) - 1),
    st.integers(0, 90),
)
def test_a_missed_question_returns_before_a_known_one(history, polling, missed_i, known_i, later):
    if missed_i == known_i:
        return
    *_, (today, _, _, cards) = replay(history, polling)
    cards = dict(cards)
    missed, known = ITEMS[missed_i].ref, ITEMS[known_i].ref
    cards[known] = after_answer(cards.get(known, Card(known)), True, today, polling)
    cards[missed] = after_answer(cards.get(missed, Card(missed)), False, today, polling)
    assert cards[missed].due < cards[known].due
    day = today + later
    queue = review_queue(ITEMS, cards, day, polling, size=len(ITEMS))
    if known in queue:
        assert missed in queue, f"on day {day} the known question is asked but the missed one not"
        assert queue.index(missed) < queue.index(known), (
            f"on day {day} the known question comes before the missed one: {queue}"
        )


@settings(max_examples=200, deadline=None)
@given(answers, st.integers(DAY0 + 1, DAY0 + 200))
def test_no_interval_jumps_past_the_polling_day(history, polling):
    for today, ref, _right, cards in replay(history, polling):
        if today < polling:
            assert cards[ref].due <= polling, (
                f"answered on day {today}, due {cards[ref].due}: after polling day {polling}"
            )


def test_intervals_grow_with_each_right_answer_in_a_row():
    card, dues = Card("b/q"), []
    for day in range(DAY0, DAY0 + 400):
        if card.due <= day:
            card = after_answer(card, True, day)
            dues.append(card.due - day)
    assert dues[: len(INTERVALS)] == list(INTERVALS)
    assert set(dues[len(INTERVALS) :]) == {INTERVALS[-1]}


def test_a_lapse_is_counted_only_for_a_question_seen_before():
    first = after_answer(Card("b/q"), False, DAY0)
    assert (first.lapses, first.seen) == (0, 1)
    again = after_answer(after_answer(first, True, DAY0), False, DAY0 + 1)
    assert again.lapses == 1 and again.box == 0


def test_in_the_last_days_every_topic_not_yet_refreshed_is_asked():
    polling = DAY0 + 30
    cards = {item.ref: after_answer(Card(item.ref), True, DAY0) for item in ITEMS}
    cards = {ref: Card(ref, box=5, due=polling + 50, seen=3, last=DAY0) for ref in cards}
    day = final_window(polling).start
    queue = review_queue(ITEMS, cards, day, polling)
    assert {ref.split("/")[1] for ref in queue} and {
        next(i.topic for i in ITEMS if i.ref == ref) for ref in queue
    } == {item.topic for item in ITEMS}, f"every topic should be refreshed, got {queue}"
    # once each topic has been answered inside the window, nothing more is added
    for ref in queue:
        cards[ref] = after_answer(cards[ref], True, day, polling)
    assert review_queue(ITEMS, cards, day + 1, polling) == []


def test_a_right_answer_that_would_be_due_after_polling_day_comes_back_in_the_last_days():
    polling = DAY0 + 10
    card = Card("b/q", box=6, due=DAY0, seen=6, last=DAY0 - 30)
    after = after_answer(card, True, DAY0, polling)
    assert after.due in final_window(polling), after
    assert len(final_window(polling)) == FINAL_DAYS


def test_new_questions_come_one_topic_after_another():
    queue = review_queue(ITEMS, {}, DAY0)
    topics = [next(i.topic for i in ITEMS if i.ref == ref) for ref in queue[:4]]
    assert sorted(topics) == ["topic0", "topic1", "topic2", "topic3"], queue
