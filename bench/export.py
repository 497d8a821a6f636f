"""The export's figure (issue 13): ``export_profile_50_runs`` is the time to write, as xAPI
statements, a profile that finished 50 full Pemilu days (about 870 actions each, their logs
attached) and answered 2,000 quiz questions. The days are one played day copied in the save
file (the export reads what is stored; playing 50 days would time the engine instead)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 50
ANSWERS = 2000


def rows() -> list[tuple[str, float, str, float]]:
    # Imported here, not at the top: ``bench/run.py`` imports this module before it spawns the
    # memory figures' child processes, whose peak RSS counts the parent's at the spawn.
    from simulator.app.library import ScenarioEntry
    from simulator.app.play import Mode, PlaySession
    from simulator.content import load_scenario, scenario_sha256
    from simulator.core.actionlog import parse_log
    from simulator.persistence.store import SaveStore
    from simulator.xapi.export import export

    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        store, _ = SaveStore.open(Path(folder))
        profile = store.create_profile("Bench")
        log = parse_log(
            (ROOT / "tests" / "playthroughs" / "pemilu-hari-penuh.keliru.log").read_text("utf-8")
        )
        path = ROOT / "scenarios" / "pemilu-hari-penuh.yaml"
        entry = ScenarioEntry(path, load_scenario(path), scenario_sha256(path))
        session = PlaySession.begin(entry, Mode.LATIHAN, store, profile.id)
        for logged in log.entries:
            session.do(logged.action)
        assert session.finished and session.save() and session.run_id is not None
        with store.transaction() as connection:
            for _ in range(RUNS - 1):
                copied = connection.execute(
                    "INSERT INTO runs (profile_id, scenario_id, scenario_path, scenario_sha256,"
                    " seed, mode, started, finished, score, result_json) SELECT profile_id,"
                    " scenario_id, scenario_path, scenario_sha256, seed, mode, started, finished,"
                    " score, result_json FROM runs WHERE id = ?",
                    (session.run_id,),
                ).lastrowid
                connection.execute(
                    "INSERT INTO actions (run_id, seq, line) SELECT ?, seq, line FROM actions"
                    " WHERE run_id = ?",
                    (copied, session.run_id),
                )
            connection.executemany(
                "INSERT INTO quiz_answers (profile_id, at, mode, ref, topic, correct)"
                " VALUES (?, ?, 'latihan', ?, 'pemungutan', ?)",
                [(profile.id, store.now(), f"bank:q{n}", n % 3 != 0) for n in range(ANSWERS)],
            )
        started = time.perf_counter()
        count = export(store, [profile], Path(folder) / "out.jsonl")
        took = time.perf_counter() - started
        store.close()
    assert count == RUNS + ANSWERS, count
    return [("export_profile_50_runs", took, "s", 2.0)]
