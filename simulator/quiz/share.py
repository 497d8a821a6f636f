"""How many of the banks' answers the engine works out itself, rather than taking the author's
word: ballots, computed figures and situations (the goal is at least 60 %)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from simulator.core.answers import KeyProblem, key_of
from simulator.i18n import Catalog
from simulator.quiz.session import percent
from simulator.schema.quiz import QuizBank


@dataclass(frozen=True, slots=True)
class EngineShare:
    checked: int
    total: int

    @property
    def percent(self) -> int:
        return percent(self.checked, self.total)

    def text(self, cat: Catalog) -> str:
        return cat("content.quiz_share", checked=self.checked, total=self.total,
                   percent=self.percent)


def engine_share(banks: Iterable[QuizBank]) -> EngineShare:
    """The questions whose answer the engine decides, of all questions (a question the engine
    cannot work out, which the lint reports, counts as not checked)."""
    checked = total = 0
    for bank in banks:
        for question in bank.questions:
            total += 1
            try:
                checked += key_of(question, bank).from_engine
            except KeyProblem:
                continue
    return EngineShare(checked, total)
