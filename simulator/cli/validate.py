"""``validate [PATH...]``: check scenario files and folders (with no path, the shipped
scenarios folder); print every problem, located."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from simulator.content.load import FileReport, validate_paths
from simulator.i18n import DEFAULT_LANGUAGE, Catalog, catalog
from simulator.persistence.portable import trainer_scenarios
from simulator.resources import content_dir

EXIT_OK = 0
EXIT_INVALID = 2

logger = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=cat("cli.arg.validate_paths"),
    )


def run(args: argparse.Namespace) -> int:
    cat = catalog(getattr(args, "lang", DEFAULT_LANGUAGE))
    # With no path, the shipped content (an installation checks itself) and, beside a
    # portable program, the trainer's own scenarios.
    shipped = content_dir("scenarios")
    trainer = trainer_scenarios(shipped)
    paths = args.paths or [shipped, *([trainer] if trainer is not None else [])]
    reports = validate_paths(paths, known_rules=known_rules())
    for report in reports:
        for problem in report.problems:
            print(problem.render(cat))
    print(summary(reports, cat))
    share = quiz_share(reports, cat)
    if share:
        print(share)
    sys.stdout.flush()
    return EXIT_OK if all(report.valid for report in reports) else EXIT_INVALID


def known_rules() -> frozenset[str] | None:
    """The engine's rule ids, so the ids under ``scoring:`` are checked too.

    The content layer cannot import the engine; the command line can. If the catalogue cannot
    be loaded (a broken checkout), the files are still checked, without rule ids.
    """
    try:
        from simulator.core.catalogue import RULES_BY_ID
    except Exception:  # any failure of another layer must not stop validation
        logger.debug("rule catalogue unavailable; rule ids are not checked", exc_info=True)
        return None
    return frozenset(RULES_BY_ID)


def quiz_share(reports: list[FileReport], cat: Catalog) -> str:
    """How many answers of the valid quiz banks checked the engine works out ("" when none was
    checked): the banks with errors are left out, their answers being unknown."""
    from simulator.content.errors import ContentError
    from simulator.content.load import read_document
    from simulator.quiz.share import engine_share
    from simulator.schema.quiz import QuizBank

    banks: list[QuizBank] = []
    for report in reports:
        if report.kind != "quiz" or not report.valid:
            continue
        try:
            banks.append(read_document(report.path, QuizBank).model)
        except (ContentError, OSError):  # changed since it was checked: left out
            continue
    return engine_share(banks).text(cat) if banks else ""


def summary(reports: list[FileReport], cat: Catalog) -> str:
    """One line: how many files, how many invalid, how many problems and warnings."""
    warnings = sum(len(report.warnings) for report in reports)
    return cat(
        "content.summary_warnings" if warnings else "content.summary",
        files=len(reports),
        invalid=sum(1 for report in reports if not report.valid),
        problems=sum(len(report.errors) for report in reports),
        warnings=warnings,
    )
