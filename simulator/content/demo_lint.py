"""A demonstration checked by playing it: its scenario is found (by id, among the shipped
scenarios), every step is applied by the engine, and every declared mistake must happen."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from simulator.content.errors import ContentError, Issue
from simulator.resources import content_dir
from simulator.schema.demo import Demo
from simulator.schema.scenario import Scenario

SCENARIO_DIR = content_dir("scenarios")


def lint_demo(demo: Demo, known_rules: Collection[str] | None) -> list[Issue]:
    # Imported when first used: playing a demo needs the engine and the careful crew.
    from simulator.core.demo import make_script

    scenario = find_scenario(demo.scenario, known_rules)
    if scenario is None:
        return [Issue(("scenario",), "demo.scenario_missing", {"scenario": demo.scenario})]
    # The steps are the same in both languages (the schema has every caption in both): one
    # playing checks them.
    _, problems = make_script(demo, scenario, "id")
    return [Issue(p.loc, f"demo.{p.code}", dict(p.params)) for p in problems]


def find_scenario(
    scenario_id: str, known_rules: Collection[str] | None, folder: Path = SCENARIO_DIR
) -> Scenario | None:
    """The scenario whose id is ``scenario_id`` among ``folder``'s files (None if absent or
    broken: a broken scenario has its own report)."""
    from simulator.content.load import load_scenario

    for path in sorted(folder.glob("*.yaml")):
        if _declared_id(path) != scenario_id:
            continue
        try:
            return load_scenario(path, known_rules=known_rules)
        except ContentError:
            return None
    return None


def _declared_id(path: Path) -> str | None:
    """The ``id:`` at the top level of a scenario file, read from its first lines only."""
    with path.open("rb") as handle:
        head = handle.read(4096).decode("utf-8", "replace")
    for line in head.splitlines():
        if line.startswith("id:"):
            return line[3:].strip().strip("'\"") or None
    return None
