"""Every careless crew and the rules it must break, gathered from ``crews.py`` and from each
``crews_*.py`` beside it (one file per group of scenarios, so groups are written apart).

A ``crews_*.py`` module defines ``CREWS`` (scenario id → careless crew class) and ``EXPECTED``
(scenario id → the rule ids its recorded mistaken playthrough breaks, exactly).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from simulator.core.careful import CarefulCrew

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the crews import one another by their plain module names
    sys.path.insert(0, str(HERE))


def _modules() -> list:
    names = ["crews", *sorted(p.stem for p in HERE.glob("crews_*.py"))]
    return [importlib.import_module(name) for name in names]


def careless_crews() -> dict[str, type[CarefulCrew]]:
    crews: dict[str, type[CarefulCrew]] = {}
    for module in _modules():
        table = getattr(module, "CARELESS_CREWS", None) or module.CREWS
        clash = crews.keys() & table.keys()
        assert not clash, f"{module.__name__} scripts {sorted(clash)} a second time"
        crews.update(table)
    return crews


def expected_mistakes() -> dict[str, set[str]]:
    expected: dict[str, set[str]] = {}
    for module in _modules():
        clash = expected.keys() & module.EXPECTED.keys()
        assert not clash, f"{module.__name__} expects {sorted(clash)} a second time"
        expected.update(module.EXPECTED)
    return expected
