"""A stored run as an action log: the run's header (scenario, its hash, seed, engine), its
actions exactly as the store holds them, and its result once the day is over. Exported, the
file replays and confirms with ``replay`` on any laptop."""

from __future__ import annotations

import json

from simulator.core.actionlog import ActionLog, format_log, parse_log
from simulator.core.engine import ENGINE_VERSION
from simulator.persistence.store import RunRecord, SaveStore


def run_log(store: SaveStore, run: RunRecord) -> ActionLog:
    """The run as an action log (with its result once the day is over)."""
    lines = [
        "# simulasi-tps-log/1",
        f"scenario: {run.scenario_id}",
        f"scenario-sha256: {run.scenario_sha256}",
        f"seed: {run.seed}",
        f"engine: {ENGINE_VERSION}",
        "---",
        *store.run_actions(run.id),
    ]
    digest = stored_result(run).get("digest")
    if run.score is not None and isinstance(digest, str):
        lines += ["---", f"score: {run.score}", f"digest: {digest}"]
    return parse_log("\n".join(lines) + "\n")


def log_text(log: ActionLog) -> str:
    return format_log(log.header, log.entries, log.result)


def stored_result(run: RunRecord) -> dict[str, object]:
    """The result the game stored when the day ended (empty when there is none, or it does
    not read as one)."""
    try:
        data = json.loads(run.result_json or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
