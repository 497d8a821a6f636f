"""``replay LOG [--scenario PATH] [--show]``: re-run a recorded log and confirm its recorded
result, or (``--show``) open it in the game's replay viewer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.cli._common import (
    CliFailure,
    LoadedScenario,
    apply_or_fail,
    find_scenario,
    load_scenario_or_fail,
    print_result,
    read_log_or_fail,
)
from simulator.core.actionlog import ActionLog
from simulator.core.engine import ENGINE_VERSION
from simulator.core.replay import result_of
from simulator.i18n import Catalog, catalog


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("log", type=Path, help=cat("cli.arg.replay_log"))
    parser.add_argument("--scenario", type=Path, help=cat("cli.arg.replay_scenario"))
    parser.add_argument("--json", action="store_true", help=cat("cli.arg.json"))
    parser.add_argument("--show", action="store_true", help=cat("cli.arg.replay_show"))


def run(args: argparse.Namespace) -> int:
    cat = catalog(args.lang)
    try:
        log = read_log_or_fail(args.log, cat)
        path = args.scenario or find_scenario(log.header.scenario, cat)
        loaded = load_scenario_or_fail(path, cat)
        if loaded.sha256 != log.header.scenario_sha256:
            print(cat("cli.replay.scenario_changed", path=str(path)), file=sys.stderr)
        if log.header.engine != ENGINE_VERSION:
            # Recorded under other rules (engine 1 scored no duties): the actions replay,
            # the score is today's.
            print(
                cat("cli.replay.engine_changed", logged=log.header.engine, now=ENGINE_VERSION),
                file=sys.stderr,
            )
        sim = apply_or_fail(loaded, log, args.log, cat)
    except CliFailure as failure:
        print(failure, file=sys.stderr)
        return 2
    if args.show:
        return show(loaded, log, args.log.name, args.lang)
    print_result(sim, cat, args.json)
    if log.result is None:
        print(cat("cli.replay.no_result"), file=sys.stderr)
        return 1
    actual = result_of(sim)
    if actual != log.result:
        print(
            cat(
                "cli.replay.mismatch",
                score=log.result.score,
                actual_score=actual.score,
                digest=log.result.digest[:12],
                actual_digest=actual.digest[:12],
            ),
            file=sys.stderr,
        )
        return 1
    # with --json, standard output stays one JSON document; the word for the person goes aside
    print(cat("cli.replay.confirmed", score=actual.score, digest=actual.digest[:12]),
          file=sys.stderr if args.json else sys.stdout)
    return 0


def show(loaded: LoadedScenario, log: ActionLog, title: str, lang: str | None) -> int:
    """The game opened on the replay viewer, standing at the start of the recorded day."""
    from simulator.app.launch import launch_game
    from simulator.app.library import ScenarioEntry
    from simulator.app.viewing import ReplayView
    from simulator.scenes.viewer import ReplayViewer

    entry = ScenarioEntry(loaded.path, loaded.scenario, loaded.sha256)
    view = ReplayView.of(entry, log, title)
    return launch_game(lang=lang, opening=lambda ctx: ReplayViewer.open(ctx, view))
