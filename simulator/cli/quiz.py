"""``quiz [BANK...] [--mode practice|exam|review]``: the quiz in a terminal, keyboard only.

The same sittings as the game (:mod:`simulator.quiz.session`): practice marks each answer at
once; the exam is timed and marked at the end; review asks what the trainee's schedule says is
due, so it needs ``--profile``. With ``--profile`` every answer is saved as in the game.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from simulator.cli._common import number_argument
from simulator.core.actionlog import MAX_SEED
from simulator.i18n import DEFAULT_LANGUAGE, Catalog, catalog
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore, StoreError
from simulator.presenter.notices import notice_lines
from simulator.quiz import texts
from simulator.quiz.banks import BANK_DIR, load_banks
from simulator.quiz.parse import AnswerError, parse_answer, read_polling_day
from simulator.quiz.session import (
    EXAM_SECONDS,
    EXAM_SIZE,
    Item,
    Mode,
    Outcome,
    QuizRun,
    Result,
    Shown,
    exam_run,
    items_of,
    practice_run,
    review_run,
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2

MODES = {"practice": Mode.LATIHAN, "latihan": Mode.LATIHAN, "exam": Mode.UJIAN,
         "ujian": Mode.UJIAN, "review": Mode.ULANGAN, "ulangan": Mode.ULANGAN}
QUIT = ("q", "quit", "keluar")
MAX_COUNT = 10_000  # questions in one sitting
MAX_MINUTES = 24 * 60  # an exam's time limit


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("banks", nargs="*", type=Path, metavar="BANK",
                        help=cat("cli.arg.quiz_banks"))
    parser.add_argument("--mode", choices=sorted(MODES), default="practice",
                        help=cat("cli.arg.quiz_mode"))
    parser.add_argument("--count", type=number_argument(cat, 1, MAX_COUNT), default=None,
                        metavar="N",
                        help=cat("cli.arg.quiz_count", default=EXAM_SIZE))
    parser.add_argument("--minutes", type=number_argument(cat, 1, MAX_MINUTES, real=True),
                        default=EXAM_SECONDS / 60, metavar="M",
                        help=cat("cli.arg.quiz_minutes", default=EXAM_SECONDS // 60))
    parser.add_argument("--topic", action="append", default=None, metavar="TOPIC",
                        help=cat("cli.arg.quiz_topic"))
    parser.add_argument("--seed", type=number_argument(cat, 0, MAX_SEED), default=None,
                        help=cat("cli.arg.quiz_seed"))
    parser.add_argument("--profile", default=None, metavar="NAME",
                        help=cat("cli.arg.quiz_profile"))
    parser.add_argument("--polling-day", default=None, metavar="DD-MM-YYYY",
                        help=cat("cli.arg.quiz_polling_day"))


@dataclass
class Terminal:
    """Where the sitting reads and writes; tests hand in their own."""

    read: Callable[[], str | None]  # None at end of input
    write: Callable[[str], None]
    clock: Callable[[], float]
    width: int = 78


MAX_ANSWER_BYTES = 4096  # a typed answer; the rest of a longer line is dropped


def _stdin_line() -> str | None:
    """The next line typed (or piped), None at the end of input or with no input at all (a
    closed stdin). Bytes that are not UTF-8 come through as "�", which no answer holds, so
    the trainee is asked again."""
    stream = sys.stdin
    source = getattr(stream, "buffer", None)
    if source is None:
        return None
    try:
        line = source.readline(MAX_ANSWER_BYTES)
        rest = line
        while rest and not rest.endswith(b"\n") and len(line) >= MAX_ANSWER_BYTES:
            rest = source.readline(MAX_ANSWER_BYTES)  # a line past the limit: drop the rest
    except (OSError, ValueError):
        return None  # stdin unreadable (a closed or vanished terminal): as its end
    if not line:
        return None
    return line.decode("utf-8", errors="replace").rstrip("\r\n")


def run(args: argparse.Namespace) -> int:
    cat = catalog(getattr(args, "lang", DEFAULT_LANGUAGE))
    width = min(100, max(40, shutil.get_terminal_size((80, 24)).columns - 2))
    terminal = Terminal(_stdin_line, lambda text: print(text, flush=True), time.monotonic, width)
    return run_quiz(args, cat, terminal, date.today())


def run_quiz(args: argparse.Namespace, cat: Catalog, terminal: Terminal, today: date) -> int:
    mode = MODES[args.mode]
    loaded = load_banks(args.banks or [BANK_DIR])
    for problem in loaded.problems:
        terminal.write(problem.render(cat))
    if not loaded.ok:
        return EXIT_INVALID
    items = items_of(loaded.banks)
    unknown = sorted(set(args.topic or ()) - {item.topic for item in items})
    if unknown:
        terminal.write(cat("cli.quiz.unknown_topic", topics=", ".join(unknown),
                           known=", ".join(sorted({item.topic for item in items}))))
        return EXIT_INVALID
    saver = _open_profile(args.profile, cat, terminal) if args.profile else None
    if args.profile and saver is None:
        return EXIT_INVALID
    if args.polling_day is not None and not _set_polling_day(args.polling_day, saver, cat,
                                                             terminal, today):
        return EXIT_INVALID
    if mode is Mode.ULANGAN and saver is None:
        terminal.write(cat("cli.quiz.review_needs_profile"))
        return EXIT_INVALID
    rng = random.Random(args.seed)
    sitting = _sitting(mode, items, rng, args, saver, today)
    if sitting.length == 0:
        terminal.write(cat("cli.quiz.nothing_due"))
        return EXIT_OK
    if saver is None:
        terminal.write(cat("cli.quiz.not_saved"))
    result = _play(sitting, cat, terminal, saver, today)
    _show_result(sitting, result, cat, terminal)
    if saver is not None:
        if mode is Mode.UJIAN:
            saver.records.record_exam(result)
        saver.close()
    return EXIT_OK if mode is not Mode.UJIAN or result.passed else EXIT_FAILED


def _sitting(mode: Mode, items: list[Item], rng: random.Random, args: argparse.Namespace,
             saver: _Saver | None, today: date) -> QuizRun:
    if mode is Mode.UJIAN:
        return exam_run(items, rng, size=args.count or EXAM_SIZE, seconds=args.minutes * 60)
    if mode is Mode.ULANGAN:
        assert saver is not None
        refs = saver.records.review_queue(items, today)
        return review_run(items, refs[: args.count] if args.count else refs, rng)
    run = practice_run(items, rng, topics=args.topic)
    if args.count:
        del run.queue[args.count:]
    return run


# --- The save file ---------------------------------------------------------------------------


def _set_polling_day(text: str, saver: _Saver | None, cat: Catalog, terminal: Terminal,
                     today: date) -> bool:
    """Store the trainee's polling day (``--polling-day``); False, with a message, if not."""
    if saver is None:
        terminal.write(cat("cli.quiz.review_needs_profile"))
        return False
    try:
        day = read_polling_day(text, today)
    except AnswerError as error:
        terminal.write(cat(error.key, **error.params))
        saver.close()
        return False
    saver.records.set_polling_day(day)
    terminal.write(cat("quiz.menu.polling_set", date=day.strftime("%d-%m-%Y"),
                       days=(day - today).days))
    return True


class _Saver:
    """The profile's records, opened for this sitting."""

    def __init__(self, store: SaveStore, records: QuizRecords) -> None:
        self.store = store
        self.records = records

    def save(self, mode: Mode, outcome: Outcome, today: date) -> None:
        self.records.record_outcome(mode, outcome, today)

    def close(self) -> None:
        self.store.close()


def _open_profile(name: str, cat: Catalog, terminal: Terminal) -> _Saver | None:
    try:
        store, notice = SaveStore.open()
    except StoreError as error:
        terminal.write(cat("cli.quiz.store_error", path=str(error.path), reason=error.reason))
        return None
    if notice is not None:
        terminal.write(cat("cli.quiz.store_damaged", path=str(notice.moved_to)))
        for line in notice_lines(cat, notice)[1:]:
            terminal.write(line)
    profiles = store.profiles()
    profile = next((p for p in profiles if p.name.casefold() == name.strip().casefold()), None)
    if profile is None:
        terminal.write(cat("cli.quiz.no_profile", name=name,
                           known=", ".join(p.name for p in profiles) or "-"))
        store.close()
        return None
    return _Saver(store, QuizRecords(store, profile.id))


# --- Asking ----------------------------------------------------------------------------------


def _play(sitting: QuizRun, cat: Catalog, terminal: Terminal, saver: _Saver | None,
          today: date) -> Result:
    start = terminal.clock()
    terminal.write(cat(f"cli.quiz.intro.{sitting.mode.value}", count=sitting.length,
                       minutes=round((sitting.time_limit or 0) / 60)))
    while (shown := sitting.current()) is not None:
        elapsed = terminal.clock() - start
        if sitting.out_of_time(elapsed):
            terminal.write(cat("cli.quiz.time_up"))
            sitting.end(elapsed)
            break
        _ask(sitting, shown, cat, terminal, elapsed)
        given = _read_answer(shown, cat, terminal)
        elapsed = terminal.clock() - start
        if given is _Quit:
            sitting.end(elapsed)
            break
        outcome = sitting.answer(given, elapsed)  # type: ignore[arg-type]
        if not outcome.counted:
            terminal.write(cat("cli.quiz.time_up"))
            break
        if saver is not None:
            saver.save(sitting.mode, outcome, today)
        if sitting.mode is not Mode.UJIAN:
            _feedback(outcome, cat, terminal)
    return sitting.result(terminal.clock() - start)


class _Quit:
    """The trainee asked to stop."""


def _wrap(text: str, terminal: Terminal, indent: str = "") -> str:
    """``text`` filled to the terminal; continuation lines keep a bar (``|``) and line up."""
    bar = indent.rstrip()
    follow = bar + " " * (len(indent) - len(bar)) if bar.endswith("|") else " " * len(indent)
    return textwrap.fill(text, width=terminal.width, initial_indent=indent,
                         subsequent_indent=follow)


def _ask(sitting: QuizRun, shown: Shown, cat: Catalog, terminal: Terminal,
         elapsed: float) -> None:
    item = shown.item
    remaining = sitting.remaining(elapsed)
    clock = cat("cli.quiz.time_left", time=texts.mmss(remaining)) if remaining is not None \
        else ""
    terminal.write("")
    terminal.write(cat("cli.quiz.heading", number=sitting.position + 1, count=sitting.length,
                       topic=cat(f"quiz.topic.{item.topic}"),
                       difficulty=cat(f"quiz.difficulty.{item.question.difficulty.value}"),
                       clock=clock).rstrip())
    for line in texts.case_lines(item, cat):
        terminal.write(_wrap(line, terminal, "  | "))
    terminal.write(_wrap(texts.question_text(item, cat), terminal))
    for line in texts.ballot_description(item, cat):
        terminal.write(_wrap(line, terminal, "  | "))
    for name, value in texts.given_cells(item, cat):
        terminal.write(_wrap(f"{name}: {value}", terminal, "  - "))
    asked = texts.asked_cell(item, cat)
    if asked:
        terminal.write(_wrap(cat("quiz.play.asked_cell", cell=asked), terminal))
    for number, choice in enumerate(texts.choices(item, shown.order, cat), 1):
        head = f"  {number}) "
        terminal.write(textwrap.fill(choice.text, width=terminal.width, initial_indent=head,
                                     subsequent_indent=" " * len(head)))
    terminal.write(cat(f"cli.quiz.prompt.{item.question.type}"))


def _read_answer(shown: Shown, cat: Catalog, terminal: Terminal) -> object:
    while True:
        line = terminal.read()
        if line is None:
            terminal.write(cat("cli.quiz.input_ended"))
            return _Quit
        if line.strip().casefold() in QUIT:
            return _Quit
        if not line.strip():
            continue
        try:
            return parse_answer(shown, line)
        except AnswerError as error:
            terminal.write(cat(error.key, **error.params))


def _feedback(outcome: Outcome, cat: Catalog, terminal: Terminal) -> None:
    item = outcome.item
    if outcome.right:
        terminal.write(cat("cli.quiz.right"))
    else:
        terminal.write(cat("cli.quiz.wrong", answer=texts.answer_text(item, item.key.answer, cat)))
    review = texts.review(outcome, cat)
    terminal.write(_wrap(review.explanation, terminal))
    terminal.write(_wrap(review.source, terminal))


def _show_result(sitting: QuizRun, result: Result, cat: Catalog, terminal: Terminal) -> None:
    terminal.write("")
    terminal.write(cat("cli.quiz.score", right=result.right, total=result.total,
                       percent=result.percent, time=texts.mmss(result.seconds)))
    if sitting.mode is Mode.UJIAN:
        terminal.write(cat("cli.quiz.passed" if result.passed else "cli.quiz.failed"))
        for outcome in sitting.outcomes:
            if not outcome.right:
                _review_mistake(outcome, cat, terminal)
    for topic, score in result.by_topic.items():
        terminal.write(f"  {cat(f'quiz.topic.{topic}')}: {score.right}/{score.total}")


def _review_mistake(outcome: Outcome, cat: Catalog, terminal: Terminal) -> None:
    review = texts.review(outcome, cat)
    terminal.write("")
    terminal.write(_wrap(review.question, terminal, "✗ "))
    for line in (review.given, review.right, review.explanation, review.source):
        if line is not None:
            terminal.write(_wrap(line, terminal, "  "))
