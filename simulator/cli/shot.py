"""``shot SCENARIO --out DIR [--size WxH] [--lang id|en]``: every screen of a scenario,
rendered headless to PNG files (for handouts and slides, and to check the look)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from simulator.app.theme import TEXT_SIZES
from simulator.cli._common import CliFailure, load_scenario_or_fail
from simulator.i18n import Catalog, catalog
from simulator.schema import bounded


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("scenario", type=Path, help=cat("cli.arg.run_scenario"))
    parser.add_argument("--out", type=Path, required=True, help=cat("cli.arg.shot_out"))
    parser.add_argument("--size", default="1366x768", help=cat("cli.arg.shot_size"))
    parser.add_argument(
        "--text-size",
        choices=list(TEXT_SIZES),
        default="normal",
        help=cat("cli.arg.shot_text_size"),
    )


def run(args: argparse.Namespace) -> int:
    cat = catalog(args.lang)
    try:
        size = bounded.size(args.size, (640, 480), (3840, 2160))
    except bounded.Unreadable:
        print(cat("cli.shot.bad_size", size=args.size[:24]), file=sys.stderr)
        return 2
    if str(args.scenario) == "quiz":
        return _quiz_shots(args, size, cat)
    try:
        loaded = load_scenario_or_fail(args.scenario, cat)
    except CliFailure as failure:
        print(failure, file=sys.stderr)
        return 2
    from simulator.app.library import ScenarioEntry
    from simulator.app.shots import render_shots

    entry = ScenarioEntry(loaded.path, loaded.scenario, loaded.sha256)
    return _write(
        lambda: render_shots(entry, args.out, size, args.lang, args.text_size), args.out, cat
    )


def _quiz_shots(args: argparse.Namespace, size: tuple[int, int], cat: Catalog) -> int:
    """``shot quiz``: the quiz screens instead of a scenario's."""
    from simulator.app.quiz_shots import render_quiz_shots

    return _write(
        lambda: render_quiz_shots(args.out, size, args.lang, args.text_size), args.out, cat
    )


def _write(render: Callable[[], list[Path]], out: Path, cat: Catalog) -> int:
    """Render, then print each file written; a folder that cannot be written is a message."""
    try:
        written = render()
    except OSError as error:
        print(cat("cli.shot.cannot_write", path=str(out), error=str(error)), file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0
