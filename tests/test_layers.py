"""The layers of STYLE.md hold: each package imports only those to its left, and the pure
ones import neither pygame nor anything that reads a clock, a file or the network."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "simulator"

# schema ← core ← content ← quiz ← persistence ← xapi ← app ← scenes; i18n and art beside.
# simulator/resources.py (where the shipped content is) serves every layer that reads files.
ALLOWED: dict[str, set[str]] = {
    "schema": {"schema"},
    "core": {"schema", "core"},
    "i18n": {"resources", "i18n"},
    "content": {"resources", "schema", "core", "content", "i18n"},
    "quiz": {"resources", "schema", "core", "content", "quiz", "i18n"},
    "persistence": {"resources", "schema", "core", "content", "quiz", "persistence", "i18n"},
    # Findings, actions and rulings in words, for the game, the command line and reports.
    "presenter": {"resources", "schema", "core", "content", "quiz", "presenter", "i18n"},
    # Results as xAPI statements, read from the save store; the class report in words.
    "xapi": {"resources", "schema", "core", "content", "quiz", "persistence", "xapi", "i18n"},
}
# What a pure layer must not import, even lazily.
IMPURE = {"pygame", "pygame_gui", "sqlite3", "time", "socket", "urllib", "subprocess"}
PURE = {"schema", "core", "quiz", "presenter"}


def imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_the_layers_to_its_left(layer: str) -> None:
    wrong = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        for name in imports(path):
            parts = name.split(".")
            if parts[0] == "simulator" and len(parts) > 1 and parts[1] not in ALLOWED[layer]:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
            if layer in PURE and parts[0] in IMPURE:
                wrong.append(f"{path.relative_to(ROOT)} imports {name} (a pure layer)")
    assert not wrong, "\n".join(wrong)
