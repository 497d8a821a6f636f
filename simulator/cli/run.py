"""``run SCENARIO --actions LOG [--json] [--write-log OUT]``: apply a log headless, print the
score and every error with its rule id."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.cli._common import (
    CliFailure,
    apply_or_fail,
    load_scenario_or_fail,
    print_result,
    read_log_or_fail,
)
from simulator.core.actionlog import format_log
from simulator.core.replay import header_for, result_of
from simulator.i18n import catalog
from simulator.persistence.logfile import write_text_atomically

HELP = "apply an action log to a scenario without the game; print the score and every error"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", type=Path, help="the scenario YAML file")
    parser.add_argument("--actions", type=Path, required=True, help="the action log to apply")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--write-log",
        type=Path,
        metavar="OUT",
        help="write the complete log, with its result, for replay",
    )


def run(args: argparse.Namespace) -> int:
    cat = catalog(args.lang)
    try:
        loaded = load_scenario_or_fail(args.scenario, cat)
        log = read_log_or_fail(args.actions, cat)
        sim = apply_or_fail(loaded, log, args.actions, cat)
    except CliFailure as failure:
        print(failure, file=sys.stderr)
        return 2
    if args.write_log is not None:
        text = format_log(header_for(sim, loaded.sha256), sim.log, result_of(sim))
        write_text_atomically(args.write_log, text)
    print_result(sim, cat, args.json)
    return 0
