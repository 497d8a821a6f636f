"""A trainee's quiz history in the save file: answers, the review schedule, exam results.

Every answer is committed as it is given, with the card it moves, in one transaction: closing
the window mid-sitting loses nothing already answered, and the schedule never disagrees with
the history. The polling day a trainee enters is a profile setting.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from simulator.persistence.store import SaveStore, _checked, _require_length
from simulator.quiz.schedule import Card, Reviewable, after_answer, review_queue
from simulator.quiz.session import Mode, Outcome, Result, percent
from simulator.schema.plan_tag import PlanTag, plan_columns

POLLING_DAY_KEY = "quiz.polling_day"
MAX_REF = 200


@dataclass(frozen=True, slots=True)
class TopicRecord:
    """Answers on one topic over all sittings, and over the most recent ones."""

    topic: str
    correct: int
    total: int
    recent_correct: int  # of the last RECENT answers on the topic
    recent_total: int

    @property
    def percent(self) -> int:
        return percent(self.correct, self.total)

    @property
    def recent_percent(self) -> int:
        return percent(self.recent_correct, self.recent_total)


@dataclass(frozen=True, slots=True)
class ExamRecord:
    at: str
    correct: int
    total: int
    seconds: int
    time_up: bool
    passed: bool
    plan: str | None = None  # the class plan it was the pre- or post-test of ...
    plan_part: str | None = None  # ... "pre" or "post"


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """One answer as kept: kind, response (JSON) and milliseconds are None for an answer
    given before they were kept."""

    id: int
    at: str
    mode: str
    ref: str
    topic: str
    correct: bool
    kind: str | None
    response: str | None
    millis: int | None
    plan: str | None = None  # the class plan it was given in, and the part ("pre", "post")
    plan_part: str | None = None


def response_json(given: object) -> str | None:
    """An answer as JSON: a number, true or false, a list (a set of options sorted), a word;
    None when the question was skipped or the time ran out."""
    if given is None:
        return None
    if isinstance(given, frozenset):
        given = sorted(given)
    elif isinstance(given, tuple):
        given = list(given)
    return json.dumps(given, ensure_ascii=False)


RECENT = 10
MAX_RESPONSE = 2000
_OPTIONAL_TEXT = (str, type(None))
_OPTIONAL_INT = (int, type(None))
_CARD_TYPES = (str, int, int, int, int, (int, type(None)))


class QuizRecords:
    """The quiz part of a :class:`SaveStore`, for one profile."""

    def __init__(self, store: SaveStore, profile_id: int) -> None:
        self._store = store
        self._profile = profile_id

    # -- answers and the schedule ----------------------------------------------------------

    def cards(self) -> dict[str, Card]:
        with self._store.guarded() as connection:
            rows = connection.execute(
                "SELECT ref, box, due, lapses, seen, last FROM quiz_cards WHERE profile_id = ?",
                (self._profile,),
            ).fetchall()
        cards = [Card(*_checked(row, _CARD_TYPES)) for row in rows]
        return {card.ref: card for card in cards}

    def record_answer(self, mode: Mode, ref: str, topic: str, correct: bool,
                      card: Card | None = None, *, kind: str | None = None,
                      response: str | None = None, millis: int | None = None,
                      plan: PlanTag | None = None) -> None:
        """Store one answer (with its kind of question, the response as JSON, how many
        milliseconds it took and the class plan's test it belongs to, when known) and the
        card it moved; both or neither."""
        _require_length(ref, MAX_REF, "question ref")
        if response is not None:
            _require_length(response, MAX_RESPONSE, "response")
        with self._store.transaction() as connection:
            connection.execute(
                "INSERT INTO quiz_answers (profile_id, at, mode, ref, topic, correct, kind,"
                " response, millis, plan, plan_part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self._profile, self._store.now(), str(mode), ref, topic, int(correct), kind,
                 response, None if millis is None else max(0, min(millis, 10**9)),
                 *plan_columns(plan)),
            )
            if card is not None:
                connection.execute(
                    "INSERT OR REPLACE INTO quiz_cards (profile_id, ref, box, due, lapses, seen,"
                    " last) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (self._profile, card.ref, card.box, card.due, card.lapses, card.seen,
                     card.last),
                )

    def card(self, ref: str) -> Card:
        """The schedule's card for one question (a fresh one if it was never answered)."""
        with self._store.guarded() as connection:
            row = connection.execute(
                "SELECT ref, box, due, lapses, seen, last FROM quiz_cards"
                " WHERE profile_id = ? AND ref = ?",
                (self._profile, ref),
            ).fetchone()
        return Card(ref) if row is None else Card(*_checked(row, _CARD_TYPES))

    def record_outcome(self, mode: Mode, outcome: Outcome, today: date,
                       plan: PlanTag | None = None) -> Card:
        """Store an answer and move its card on the schedule, whatever the mode: a question
        missed in Latihan or Ujian comes back in Ulangan too."""
        card = after_answer(self.card(outcome.item.ref), outcome.right, today.toordinal(),
                            self._polling_ordinal())
        self.record_answer(
            mode, outcome.item.ref, outcome.item.topic, outcome.right, card,
            kind=str(outcome.item.question.type),
            response=response_json(outcome.given),
            millis=round(outcome.seconds * 1000),
            plan=plan,
        )
        return card

    def review_queue(self, items: Sequence[Reviewable], today: date) -> list[str]:
        """What an Ulangan sitting asks today, by this trainee's cards and polling day."""
        return review_queue(items, self.cards(), today.toordinal(), self._polling_ordinal())

    def record_exam(self, result: Result, plan: PlanTag | None = None) -> None:
        with self._store.guarded() as connection:
            connection.execute(
                "INSERT INTO quiz_exams (profile_id, at, correct, total, seconds, time_up, passed,"
                " plan, plan_part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self._profile, self._store.now(), result.right, result.total,
                 round(result.seconds), int(result.time_up), int(result.passed),
                 *plan_columns(plan)),
            )

    # -- what the profile page shows -------------------------------------------------------

    def by_topic(self, topics: Iterable[str] | None = None) -> list[TopicRecord]:
        """Per topic: all answers, and the last :data:`RECENT` of them (what is known now)."""
        with self._store.guarded() as connection:
            rows = connection.execute(
                "SELECT topic, correct FROM quiz_answers WHERE profile_id = ?"
                " ORDER BY id DESC",
                (self._profile,),
            ).fetchall()
        seen: dict[str, list[int]] = {}
        for row in rows:
            topic, correct = _checked(row, (str, int))
            seen.setdefault(topic, []).append(correct)
        order = list(topics) if topics is not None else sorted(seen)
        return [
            TopicRecord(topic, sum(seen[topic]), len(seen[topic]),
                        sum(seen[topic][:RECENT]), len(seen[topic][:RECENT]))
            for topic in order if topic in seen
        ]

    def exams(self, limit: int = 5) -> list[ExamRecord]:
        with self._store.guarded() as connection:
            rows = connection.execute(
                "SELECT at, correct, total, seconds, time_up, passed FROM quiz_exams"
                " WHERE profile_id = ? ORDER BY id DESC LIMIT ?",
                (self._profile, limit),
            ).fetchall()
        return [ExamRecord(*(_checked(row, (str, int, int, int, int, int))[:4]),
                           bool(row[4]), bool(row[5])) for row in rows]

    # -- everything, for an export ---------------------------------------------------------

    def all_answers(self) -> list[StoredAnswer]:
        """Every answer, oldest first."""
        with self._store.guarded() as connection:
            rows = connection.execute(
                "SELECT id, at, mode, ref, topic, correct, kind, response, millis, plan,"
                " plan_part FROM quiz_answers WHERE profile_id = ? ORDER BY id",
                (self._profile,),
            ).fetchall()
        types = (int, str, str, str, str, int, _OPTIONAL_TEXT, _OPTIONAL_TEXT, _OPTIONAL_INT,
                 _OPTIONAL_TEXT, _OPTIONAL_TEXT)
        found = [_checked(row, types) for row in rows]
        return [
            StoredAnswer(n, at, mode, ref, topic, bool(ok), kind, response, millis, plan, part)
            for n, at, mode, ref, topic, ok, kind, response, millis, plan, part in found
        ]

    def all_exams(self) -> list[tuple[int, ExamRecord]]:
        """Every exam sitting, oldest first, with its id."""
        with self._store.guarded() as connection:
            rows = connection.execute(
                "SELECT id, at, correct, total, seconds, time_up, passed, plan, plan_part"
                " FROM quiz_exams WHERE profile_id = ? ORDER BY id",
                (self._profile,),
            ).fetchall()
        found = []
        for row in rows:
            number, at, correct, total, seconds, time_up, passed, plan, part = _checked(
                row, (int, str, int, int, int, int, int, _OPTIONAL_TEXT, _OPTIONAL_TEXT)
            )
            found.append((number, ExamRecord(at, correct, total, seconds, bool(time_up),
                                             bool(passed), plan, part)))
        return found

    # -- the polling day -------------------------------------------------------------------

    def polling_day(self) -> date | None:
        text = self._store.setting(POLLING_DAY_KEY, profile_id=self._profile)
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:  # a damaged setting is forgotten, not fatal
            return None

    def _polling_ordinal(self) -> int | None:
        day = self.polling_day()
        return day.toordinal() if day is not None else None

    def set_polling_day(self, day: date | None) -> None:
        self._store.set_setting(POLLING_DAY_KEY, day.isoformat() if day else "",
                                profile_id=self._profile)
