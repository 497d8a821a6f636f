"""What the ``run`` and ``replay`` verbs share: loading files with located, translated errors,
and printing a result."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from simulator.content.errors import ContentError
from simulator.content.load import load_scenario, scenario_sha256
from simulator.core.actionlog import ActionLog, LogError
from simulator.core.catalogue import RULES_BY_ID
from simulator.core.engine import ENGINE_VERSION, Simulation
from simulator.core.replay import ReplayError, apply_log
from simulator.i18n import Catalog
from simulator.persistence.logfile import read_log
from simulator.presenter import finding_text
from simulator.resources import content_dir
from simulator.schema.bounded import Unreadable, real_number, whole_number
from simulator.schema.scenario import Scenario

SCENARIO_DIR = content_dir("scenarios")


class CliFailure(Exception):
    """Bad input, already rendered in the user's language."""


@dataclass(frozen=True, slots=True)
class LoadedScenario:
    scenario: Scenario
    path: Path
    sha256: str


def load_scenario_or_fail(path: Path, cat: Catalog) -> LoadedScenario:
    """The scenario in the file ``path``; a bare name that is no file (``meja-pemilih-jebakan``)
    is the id of a shipped scenario, so an installed program needs no path into itself."""
    if not path.is_file() and _could_be_an_id(path):
        with contextlib.suppress(CliFailure):
            path = find_scenario(str(path), cat)
    if not path.is_file():
        raise CliFailure(cat("cli.no_such_file", path=str(path)))
    try:
        scenario = load_scenario(path, known_rules=set(RULES_BY_ID))
    except ContentError as error:
        raise CliFailure(error.render(cat)) from None
    return LoadedScenario(scenario, path, scenario_sha256(path))


def number_argument(
    cat: Catalog, low: float, high: float, *, real: bool = False
) -> Callable[[str], float]:
    """An argparse ``type`` reading a number from ``low`` to ``high`` through the bounded
    reader, refusing in the user's language (``nan``, ``1e308``, ``²``, 5,000 digits)."""

    def read(text: str) -> float:
        try:
            if real:
                return real_number(text, low, high)
            return whole_number(text, int(low), int(high))
        except Unreadable as error:
            raise argparse.ArgumentTypeError(cat(error.code, **error.params)) from None

    return read


def read_log_or_fail(path: Path, cat: Catalog) -> ActionLog:
    if not path.is_file():
        raise CliFailure(cat("cli.no_such_file", path=str(path)))
    try:
        log = read_log(path)
    except LogError as error:
        raise CliFailure(
            "\n".join(
                f"{path}:{p.line}: {cat(p.code, **p.params)} [{p.code}]" for p in error.problems
            )
        ) from None
    if int(log.header.engine) > int(ENGINE_VERSION):
        # Its actions may be ones this program does not know, and its rules are not these.
        line = _header_line(path, "engine")
        raise CliFailure(
            f"{path}:{line}: "
            + cat("log.engine_newer", logged=log.header.engine, now=ENGINE_VERSION)
            + " [log.engine_newer]"
        )
    return log


def _header_line(path: Path, field: str) -> int:
    """The file line of a header ``field`` (1 when it cannot be found)."""
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    return next(
        (number for number, line in enumerate(lines, 1) if line.startswith(field + ":")), 1
    )


def apply_or_fail(
    loaded: LoadedScenario,
    log: ActionLog,
    log_path: Path,
    cat: Catalog,
    *,
    strict_times: bool = True,
) -> Simulation:
    if log.header.scenario != loaded.scenario.id:
        raise CliFailure(
            cat("cli.log_other_scenario", log=log.header.scenario, scenario=loaded.scenario.id)
        )
    try:
        return apply_log(loaded.scenario, log, strict_times=strict_times)
    except ReplayError as error:
        line = _line_of_entry(log_path, error.index)
        message = cat(error.code, **dict(error.params))
        raise CliFailure(f"{log_path}:{line}: {message} [{error.code}]") from None


def _line_of_entry(path: Path, index: int) -> int:
    """The file line of the ``index``-th action (comments and blank lines skipped)."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = lines.index("---") + 1
    seen = -1
    for number in range(start, len(lines)):
        if lines[number].strip() and not lines[number].startswith("#"):
            seen += 1
            if seen == index:
                return number + 1
    return len(lines)


def _could_be_an_id(path: Path) -> bool:
    return len(path.parts) == 1 and path.suffix.lower() not in (".yaml", ".yml")


def find_scenario(scenario_id: str, cat: Catalog) -> Path:
    """The shipped scenario file whose ``id`` is ``scenario_id``."""
    import yaml

    for path in sorted(SCENARIO_DIR.rglob("*.yaml")):
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
        for line in head.splitlines():
            if line.startswith("id:"):
                value = yaml.load(line, Loader=yaml.CSafeLoader)
                if isinstance(value, dict) and str(value.get("id")) == scenario_id:
                    return path
                break
    raise CliFailure(cat("cli.scenario_not_found", id=scenario_id, folder=str(SCENARIO_DIR)))


def print_result(sim: Simulation, cat: Catalog, as_json: bool) -> None:
    score = sim.score()
    if as_json:
        payload = {
            "scenario": sim.world.scenario.id,
            "finished": sim.finished,
            "score": score.as_json(),
            "digest": sim.digest(),
            "findings": [f.as_json() for f in sim.findings],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    scenario = sim.world.scenario
    print(f"{cat('cli.run.scenario')}: {scenario.id} — {scenario.title.get(cat.lang)}")
    verdict = cat(f"verdict.{score.verdict.value}")
    print(
        f"{cat('cli.run.score')}: {score.overall}/100  "
        f"({cat('cli.run.critical')}: {len(score.critical)}) — {verdict}"
    )
    if not sim.finished:
        print(cat("cli.run.unfinished"))
    for phase in score.phases:
        share = cat("shell.debrief.phase_share", completion=phase.completion)
        verdict = cat(f"debrief.verdict_short.{phase.verdict.value}")
        print(f"  {cat(f'phase.{phase.phase.value}'):<28} {phase.score:>3}  {share}, {verdict}")
    if not sim.findings:
        print(cat("cli.run.no_findings"))
        return
    print(f"{cat('cli.run.findings')} ({len(sim.findings)}):")
    for finding in sim.findings:
        text = finding_text(finding, cat, sim.world)
        subject = f" ({text.subject})" if text.subject else ""
        print(f"  {text.time} [{text.severity}] {text.rule_id}{subject}: {text.title}")
        for line in (text.case, text.right):
            if line:
                print(f"        {line}")
        if finding.critical:
            print(f"        {cat('cli.run.would_cause')}: {', '.join(text.consequences)}")
