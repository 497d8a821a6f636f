"""Record the playthrough logs of every shipped scenario: ``python tests/playthroughs/record.py``.

For each scenario it writes ``<id>.benar.log`` (the careful crew) and ``<id>.keliru.log`` (the
scripted careless crew of ``crews.py``). Re-record only on purpose — after a rule changes —
and check the new findings against the regulation before committing them.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from library import careless_crews  # noqa: E402

from simulator.content.load import load_scenario, scenario_sha256  # noqa: E402
from simulator.core.actionlog import format_log  # noqa: E402
from simulator.core.careful import CarefulCrew  # noqa: E402
from simulator.core.engine import Simulation  # noqa: E402
from simulator.core.replay import header_for, result_of  # noqa: E402
from simulator.persistence.logfile import write_text_atomically  # noqa: E402


def record(scenario_path: Path) -> None:
    scenario = load_scenario(scenario_path)
    sha = scenario_sha256(scenario_path)
    crews = {"benar": CarefulCrew, "keliru": careless_crews()[scenario.id]}
    for label, crew in crews.items():
        sim = crew(Simulation.start(scenario)).play()
        text = format_log(header_for(sim, sha), sim.log, result_of(sim))
        out = HERE / f"{scenario.id}.{label}.log"
        write_text_atomically(out, text)
        rules = sorted({f.rule_id for f in sim.findings})
        print(f"{out.name}: score {sim.score().overall}, {len(sim.log)} actions, {rules}")


if __name__ == "__main__":
    # With ids as arguments, only those scenarios are recorded again.
    wanted = set(sys.argv[1:])
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        if not wanted or path.stem in wanted:
            record(path)
