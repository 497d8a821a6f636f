"""``shot SCENARIO --out DIR [--size WxH] [--lang id|en]``: every screen of a scenario,
rendered headless to PNG files (for handouts and slides, and to check the look); given a
demonstration (``scenarios/demos/*.yaml``), each of its steps in the replay viewer, captions
and cards included."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from simulator.app.theme import TEXT_SIZES
from simulator.cli._common import CliFailure, find_scenario, load_scenario_or_fail
from simulator.i18n import Catalog, catalog, os_errors
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
    if _is_demo(args.scenario):
        return _demo_shots(args, size, cat)
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


def _is_demo(path: Path) -> bool:
    """Whether ``path`` holds a demonstration (a top-level ``steps:``), read as validate does."""
    from simulator.content.kinds import kind_of
    from simulator.content.yaml_loader import parse_source, read_source

    if not path.is_file():
        return False
    try:
        data = parse_source(read_source(path)).data
    except Exception:  # not readable as YAML: the scenario path reports it, located
        return False
    return isinstance(data, dict) and kind_of(data).name == "demo"


def _demo_shots(args: argparse.Namespace, size: tuple[int, int], cat: Catalog) -> int:
    """``shot DEMO``: the demo as the trainer shows it, one picture per step."""
    from simulator.app.shots import render_demo_shots
    from simulator.content.load import check_file, load_document
    from simulator.core.catalogue import RULES_BY_ID
    from simulator.schema.demo import Demo

    report = check_file(args.scenario, known_rules=RULES_BY_ID)
    if not report.valid:
        for problem in report.errors:
            print(problem.render(cat), file=sys.stderr)
        return 2
    demo = load_document(args.scenario, Demo, known_rules=RULES_BY_ID)
    try:
        loaded = load_scenario_or_fail(find_scenario(demo.scenario, cat), cat)
    except CliFailure as failure:
        print(failure, file=sys.stderr)
        return 2
    from simulator.app.library import ScenarioEntry

    entry = ScenarioEntry(loaded.path, loaded.scenario, loaded.sha256)
    return _write(
        lambda: render_demo_shots(demo, entry, args.out, size, args.lang, args.text_size),
        args.out,
        cat,
    )


def _write(render: Callable[[], list[Path]], out: Path, cat: Catalog) -> int:
    """Render, then print each file written; a folder that cannot be written is a message."""
    try:
        written = render()
    except OSError as error:
        why = os_errors.reason(cat, error, out)
        print(cat("cli.shot.cannot_write", path=str(out), error=why), file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0
