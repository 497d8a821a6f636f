"""A trainee's past days as recordings: each finished run as an action log to replay, to
export to a folder (a USB stick) or to reopen the debrief of; and a log file from anywhere
opened on the scenario it was played on.

A run's actions are in the save store one line each, exactly as a log file writes them; the
log is that list under the run's header (scenario, its hash, seed, engine) with the run's
result, so an exported file replays and confirms with ``replay`` on any laptop.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.core.actionlog import ActionLog, LogError
from simulator.core.replay import ReplayError, apply_log
from simulator.persistence.logfile import read_log, write_text_atomically
from simulator.persistence.runlog import log_text, run_log, stored_result
from simulator.persistence.store import RunRecord, SaveStore, local_time
from simulator.schema.types import Severity

if TYPE_CHECKING:
    from simulator.app.viewing import ReplayView


class RecordingProblem(Exception):
    """A recording that cannot be opened: ``code`` is a ``viewer.problem.<code>`` text, with
    ``params``."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Recording:
    """A log and the scenario it opens on."""

    entry: ScenarioEntry
    log: ActionLog
    title: str


def mistake_counts(run: RunRecord) -> dict[Severity, int]:
    """How many mistakes of each severity the finished day drew (none when unknown)."""
    counts: Counter[Severity] = Counter()
    findings = stored_result(run).get("findings", [])
    for finding in findings if isinstance(findings, list) else []:
        try:
            counts[Severity(finding.get("severity"))] += 1
        except (ValueError, AttributeError):
            continue
    return {severity: counts.get(severity, 0) for severity in Severity}


def export_name(run: RunRecord, profile_name: str) -> str:
    """A file name that says whose day, which scenario and when (letters, digits, dashes)."""
    when = local_time(run.finished or run.started, "%Y%m%d-%H%M")
    who = re.sub(r"[^A-Za-z0-9]+", "-", profile_name).strip("-")[:30] or "peserta"
    return f"{who}-{run.scenario_id}-{when}.log"


def export_run(store: SaveStore, run: RunRecord, profile_name: str, folder: Path) -> Path:
    """Write the run's log into ``folder``; the path written. OSError when it cannot be."""
    path = folder / export_name(run, profile_name)
    write_text_atomically(path, log_text(run_log(store, run)))
    return path


def run_recording(
    store: SaveStore, run: RunRecord, library: list[ScenarioEntry], title: str
) -> Recording:
    return Recording(_entry_for(run.scenario_id, run.scenario_sha256, library), run_log(store, run),
                     title)


def file_recording(path: Path, library: list[ScenarioEntry]) -> Recording:
    """The log at ``path`` on its scenario; :class:`RecordingProblem` when it is not a
    readable log or its scenario is not here."""
    try:
        log = read_log(path)
    except (LogError, OSError) as error:
        line = error.problems[0].line if isinstance(error, LogError) else 1
        raise RecordingProblem("unreadable", path=path.name, line=line) from None
    entry = _entry_for(log.header.scenario, log.header.scenario_sha256, library)
    return Recording(entry, log, path.name)


def recording_view(recording: Recording) -> ReplayView:
    """The recording laid out for the viewer; :class:`RecordingProblem` when it does not
    replay on its scenario (a changed scenario, an edited log)."""
    from simulator.app.viewing import ReplayView

    try:
        return ReplayView.of(recording.entry, recording.log, recording.title)
    except ReplayError as error:
        raise RecordingProblem("replay", step=error.index + 1) from None


def file_view(path: Path, library: list[ScenarioEntry]) -> ReplayView:
    """The log at ``path`` laid out for the viewer on its scenario; :class:`RecordingProblem`
    when it cannot be read, its scenario is not here, or it does not replay."""
    return recording_view(file_recording(path, library))


def debrief_session(recording: Recording) -> PlaySession:
    """The recorded day replayed, for its debrief (read-only)."""
    scenario = recording.entry.scenario
    assert scenario is not None
    try:
        sim = apply_log(scenario, recording.log)
    except ReplayError as error:
        raise RecordingProblem("replay", step=error.index + 1) from None
    return PlaySession(recording.entry, sim, Mode.LATIHAN, None, None, read_only=True)


def _entry_for(scenario_id: str, sha256: str, library: list[ScenarioEntry]) -> ScenarioEntry:
    entry = next(
        (e for e in library if e.scenario is not None and e.scenario.id == scenario_id), None
    )
    if entry is None:
        raise RecordingProblem("scenario_missing", scenario=scenario_id)
    return entry
