"""Finding and loading quiz banks: the shipped ones, or files and folders a trainer names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from simulator.content.errors import ContentError, Problem
from simulator.content.load import FileReport, expand_paths, read_document
from simulator.resources import content_dir
from simulator.schema.quiz import QuizBank

BANK_DIR = content_dir("scenarios") / "quiz"


@dataclass(frozen=True, slots=True)
class LoadedBanks:
    """The banks that passed every check, and the problems of those that did not."""

    banks: tuple[QuizBank, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not any(problem.is_error for problem in self.problems)


def load_banks(paths: Iterable[Path] = (BANK_DIR,)) -> LoadedBanks:
    """Every bank in ``paths`` (files, or folders searched for YAML), checked by the loader.

    Two files with the same ``bank`` id would mix their review histories: the second is
    refused with a located problem.
    """
    banks: list[QuizBank] = []
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for entry in expand_paths(paths):
        if isinstance(entry, FileReport):
            problems += entry.problems
            continue
        try:
            loaded = read_document(entry, QuizBank)
        except ContentError as error:
            problems += error.problems
            continue
        bank = loaded.model
        if bank.bank in ids:
            problems.append(Problem(str(entry), 1, 1, "bank", "quiz.duplicate_bank",
                                    {"bank": repr(bank.bank), "other": ids[bank.bank]}))
            continue
        ids[bank.bank] = str(entry)
        problems += loaded.warnings
        banks.append(bank)
    return LoadedBanks(tuple(banks), tuple(problems))
