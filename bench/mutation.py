"""Mutation test of the rule core (issue 11): mutmut changes ``core/desk.py``,
``core/validity.py`` and ``core/forms.py`` one small edit at a time (a ``<`` for a ``<=``, a
constant, a dropped condition) and runs the tests that hold them (``[tool.mutmut]`` in
pyproject.toml); a mutant no test notices is a wrong rule the suite would let through.

Not in CI: it takes most of an hour on a two-core laptop. Run it after changing a rule::

    .venv/bin/pip install -e ".[mutation]" && .venv/bin/python bench/mutation.py

It prints ``name value unit budget`` per module (the share of mutants killed, budget 95%),
then the surviving mutants: read each with ``.venv/bin/mutmut show NAME``; one that changes
no behaviour (an equivalent mutant) is noted as such, any other wants a test at that
boundary. Exits 1 when a module misses its budget.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ("desk", "validity", "forms")
BUDGET = 95.0
#: mutmut's word for each result, and whether it counts for or against the tests
KILLED = {"killed", "timeout", "segfault"}
COUNTED = KILLED | {"survived", "no tests", "suspicious"}
LINE = re.compile(r"^\s*(simulator\.core\.(\w+)\.\S+): (.+)$")


def main() -> int:
    mutmut = Path(sys.executable).with_name("mutmut")
    if not mutmut.exists():
        print('mutmut is not installed: .venv/bin/pip install -e ".[mutation]"', file=sys.stderr)
        return 2
    subprocess.run([str(mutmut), "run"], cwd=ROOT, check=False)
    results = subprocess.run(
        [str(mutmut), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True,
        check=False,
    ).stdout
    tally: dict[str, Counter[str]] = {module: Counter() for module in MODULES}
    survivors: list[str] = []
    for line in results.splitlines():
        found = LINE.match(line)
        if found is None or found[2] not in tally:
            continue
        status = found[3].strip()
        tally[found[2]][status] += 1
        if status in COUNTED - KILLED:
            survivors.append(f"{found[1]}: {status}")
    missed = False
    for module, counts in tally.items():
        total = sum(counts[s] for s in COUNTED)
        killed = sum(counts[s] for s in KILLED)
        share = 100.0 * killed / total if total else 0.0
        missed |= share < BUDGET
        print(f"mutation_killed_{module} {share:.4g} % {BUDGET:g}")
    print(f"\n{len(survivors)} mutants not killed:")
    for survivor in survivors:
        print("  " + survivor)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
