"""``run SCENARIO (--actions LOG | --careful) [--json] [--write-log OUT]``: play a scenario
headless and print the score and every error with its rule id.

The times written in the log are notes here (a log written by hand need not match the engine's
clock to the minute); ``replay`` is the verb that holds a recording to its times.
"""

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
from simulator.core.careful import play_careful_day
from simulator.core.engine import Simulation
from simulator.core.replay import header_for, result_of
from simulator.i18n import Catalog, catalog
from simulator.persistence.logfile import write_text_atomically


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("scenario", type=Path, help=cat("cli.arg.run_scenario"))
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--actions", type=Path, metavar="LOG", help=cat("cli.arg.run_actions"))
    source.add_argument(
        "--careful",
        action="store_true",
        help=cat("cli.arg.run_careful"),
    )
    parser.add_argument("--json", action="store_true", help=cat("cli.arg.json"))
    parser.add_argument(
        "--write-log",
        type=Path,
        metavar="OUT",
        help=cat("cli.arg.run_write_log"),
    )


def run(args: argparse.Namespace) -> int:
    cat = catalog(args.lang)
    try:
        loaded = load_scenario_or_fail(args.scenario, cat)
        if args.careful:
            sim = play_careful_day(Simulation.start(loaded.scenario))
        else:
            log = read_log_or_fail(args.actions, cat)
            sim = apply_or_fail(loaded, log, args.actions, cat, strict_times=False)
    except CliFailure as failure:
        print(failure, file=sys.stderr)
        return 2
    if args.write_log is not None:
        text = format_log(header_for(sim, loaded.sha256), sim.log, result_of(sim))
        write_text_atomically(args.write_log, text)
    print_result(sim, cat, args.json)
    return 0
