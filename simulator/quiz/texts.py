"""A question and its answers in words, for the game and the terminal alike.

Display text only: which answer is right is :mod:`simulator.core.answers`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core import forms
from simulator.core.answers import Answer
from simulator.core.domain import LAYOUT_OF
from simulator.core.targets import parse_target
from simulator.i18n import Catalog
from simulator.quiz.session import Item, Outcome, Shown
from simulator.quiz.situation_texts import (
    situation_explanation,
    situation_lines,
    situation_option_text,
    situation_prompt,
    situation_summary,
)
from simulator.schema.ballot import Ballot, Mark, Place, Tool
from simulator.schema.quiz import (
    BallotQuestion,
    MultipleChoice,
    Numeric,
    Ordering,
    SingleChoice,
    SituationQuestion,
    TrueFalse,
)
from simulator.schema.types import Layout


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer a trainee can pick: the value it stands for and its words."""

    value: Answer
    text: str


def question_text(item: Item, cat: Catalog) -> str:
    question = item.question
    if question.text is None:  # only a ballot or situation question may leave it out
        if isinstance(question, SituationQuestion):
            return situation_prompt(question, cat)
        return cat("quiz.ballot.prompt")
    return question.text.get(cat.lang)


def case_lines(item: Item, cat: Catalog) -> list[str]:
    """A situation's case in words, one line each (who, when, which papers; or what happened);
    nothing for other questions."""
    question = item.question
    return situation_lines(question, cat) if isinstance(question, SituationQuestion) else []


def given_cells(item: Item, cat: Catalog) -> list[tuple[str, int]]:
    """The C.Hasil cells a numeric form question shows, with their printed names."""
    question = item.question
    if not isinstance(question, Numeric) or question.task is None:
        return []
    task = question.task
    if task.compute != "form":
        assert task.dpt is not None and task.election is not None
        return [(cat("quiz.numeric.dpt"), task.dpt)]
    return [(cell_name(field_id, cat), value) for field_id, value in task.given.items()]


def asked_cell(item: Item, cat: Catalog) -> str | None:
    """The name of the cell a numeric form question asks for."""
    question = item.question
    if isinstance(question, Numeric) and question.task is not None and question.task.asks:
        return cell_name(question.task.asks, cat)
    return None


def cell_name(field_id: str, cat: Catalog) -> str:
    return " · ".join(cat.get(ref.key, field_id, **ref.params)
                      for ref in forms.field_label(field_id))


def choices(item: Item, order: tuple[int, ...], cat: Catalog) -> list[Choice]:
    """What the trainee picks from, in the order shown (options, true/false, ballot rows)."""
    if isinstance(item.question, Numeric):
        return []
    return [Choice(value, _row_text(item, value, cat)) for value in Shown(item, order).values]


def target_text(target: str, item: Item, cat: Catalog) -> str:
    """A C.Hasil row in words, with the names printed on the ballot."""
    key, params = parse_target(target).label()
    label = cat(key, **params)
    names = _names(target, item)
    return cat("quiz.target_named", label=label, names=names) if names else label


def _names(target: str, item: Item) -> str:
    contest = item.contest
    parsed = parse_target(target)
    if contest is None or parsed.number is None:
        return ""
    layout = LAYOUT_OF[contest.ballot]
    if layout is Layout.PAIR:
        pair = next((p for p in contest.pairs if p.number == parsed.number), None)
        return f"{pair.head} – {pair.deputy}" if pair else ""
    if layout is Layout.INDIVIDUAL:
        cand = next((c for c in contest.candidates if c.number == parsed.number), None)
        return cand.name if cand else ""
    party = next((p for p in item.bank.parties if p.number == parsed.number), None)
    slate = next((s for s in contest.slates if s.party == parsed.number), None)
    if parsed.candidate is not None and slate is not None:
        cand = next((c for c in slate.candidates if c.number == parsed.candidate), None)
        return cand.name if cand else ""
    return party.code if party else ""


def answer_text(item: Item, answer: Answer | None, cat: Catalog) -> str:
    """An answer (the right one, or the trainee's) in words."""
    if answer is None:
        return cat("quiz.unanswered")
    if isinstance(answer, frozenset):
        return "; ".join(_row_text(item, n, cat) for n in sorted(answer)) \
            or cat("quiz.nothing_chosen")
    if isinstance(answer, tuple):
        return " › ".join(f"{i}. {_row_text(item, n, cat)}" for i, n in enumerate(answer, 1))
    return _row_text(item, answer, cat)


def _row_text(item: Item, value: Answer, cat: Catalog) -> str:
    """One option, step, truth value or C.Hasil row in words (a figure as it is)."""
    question = item.question
    if isinstance(question, SingleChoice | MultipleChoice) and isinstance(value, int):
        return question.options[value - 1].get(cat.lang)
    if isinstance(question, Ordering) and isinstance(value, int):
        return question.steps[value - 1].get(cat.lang)
    if isinstance(question, TrueFalse) and isinstance(value, bool):
        return cat("quiz.answer_true") if value else cat("quiz.answer_false")
    if isinstance(question, BallotQuestion) and isinstance(value, str):
        return target_text(value, item, cat)
    if isinstance(question, SituationQuestion) and isinstance(value, str):
        return situation_option_text(question, value, cat)
    return str(value)


def explanation_text(item: Item, cat: Catalog) -> str:
    """The author's explanation; for a ballot or a situation, preceded by the engine's ruling
    in words."""
    text = item.question.explanation.get(cat.lang)
    question, situation = item.question, item.key.situation
    if isinstance(question, SituationQuestion) and situation is not None:
        return situation_explanation(question, situation, text, cat)
    verdict = item.key.verdict
    if verdict is None:
        return text
    ruling = cat(verdict.title_key)
    return cat("quiz.ballot.ruling", ruling=ruling, explanation=text)


def ballot_description(item: Item, cat: Catalog) -> list[str]:
    """A ballot question's paper in words, one line each: for the terminal, and beside the
    drawing in the game (so nothing rests on seeing the picture alone)."""
    question = item.question
    if not isinstance(question, BallotQuestion):
        return []
    return paper_lines(question.paper, cat)


def paper_lines(paper: Ballot, cat: Catalog) -> list[str]:
    """A used ballot in words, one line each: its type, signature, anything odd about it and
    every punch hole (the quiz and the debrief describe ballots the same way)."""
    lines = [cat("quiz.paper.header", ballot=cat(f"ballot.{paper.ballot.value}"))]
    lines.append(cat("quiz.paper.signed" if paper.signed else "quiz.paper.unsigned"))
    if paper.district:
        lines.append(cat("quiz.paper.district", district=paper.district))
    if paper.writing:
        lines.append(cat("quiz.paper.writing"))
    if paper.damaged:
        lines.append(cat("quiz.paper.damaged"))
    if not paper.marks:
        lines.append(cat("quiz.paper.no_marks"))
    lines += [mark_text(mark, cat) for mark in paper.marks]
    return lines


def mark_text(mark: Mark, cat: Catalog) -> str:
    """One punch hole in words: where it is, and anything odd about it."""
    if mark.place is Place.OUTSIDE:
        text = cat("quiz.paper.mark.outside")
    else:
        where = _column_words(mark, cat)
        if mark.place is Place.BETWEEN:
            neighbour = _neighbour_words(mark, cat)
            text = cat("quiz.paper.mark.between", where=where, neighbour=neighbour)
        else:
            text = cat(f"quiz.paper.mark.{mark.place.value}", where=where)
    if mark.tool is not Tool.PAKU:
        text += " " + cat(f"quiz.paper.tool.{mark.tool.value}")
    if mark.mirror:
        text += " " + cat("quiz.paper.mirror")
    return text


def _column_words(mark: Mark, cat: Catalog) -> str:
    if mark.kosong:
        return cat("quiz.paper.where.kosong")
    if mark.pair is not None:
        return cat("quiz.paper.where.pair", number=mark.pair)
    if mark.party is not None and mark.candidate is not None:
        return cat("quiz.paper.where.party_candidate", party=mark.party, candidate=mark.candidate)
    if mark.party is not None:
        return cat("quiz.paper.where.party", party=mark.party)
    return cat("quiz.paper.where.dpd", number=mark.candidate)


def _neighbour_words(mark: Mark, cat: Catalog) -> str:
    if mark.pair is not None or mark.kosong:
        return cat("quiz.paper.where.pair", number=mark.neighbour)
    if mark.party is not None and mark.candidate is not None:
        return cat("quiz.paper.where.candidate", number=mark.neighbour)
    if mark.party is not None:
        return cat("quiz.paper.where.party", party=mark.neighbour)
    return cat("quiz.paper.where.dpd", number=mark.neighbour)


@dataclass(frozen=True, slots=True)
class Review:
    """An answered question in words: what the feedback, the result list and the terminal
    show after an answer (``given`` only when the answer was wrong)."""

    question: str
    given: str | None
    right: str
    explanation: str
    source: str


def review(outcome: Outcome, cat: Catalog) -> Review:
    item = outcome.item
    given = None if outcome.right else cat(
        "quiz.play.your_answer", answer=answer_text(item, outcome.given, cat))
    asked = question_text(item, cat)
    if isinstance(item.question, SituationQuestion):  # the case answered, named in a line
        asked = f"{situation_summary(item.question, cat)} {asked}"
    return Review(
        asked,
        given,
        cat("quiz.play.right_answer", answer=answer_text(item, item.key.answer, cat)),
        explanation_text(item, cat),
        cat("quiz.play.regulation", regulation=item.question.regulation),
    )


def mmss(seconds: float) -> str:
    """A duration as MM:SS (whole seconds, never negative)."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"
