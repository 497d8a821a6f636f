"""Print the game's own dependencies, one requirement a line, as pyproject.toml names them
(``[project] dependencies``, never the test extras): what a packaged program is built from.

    python packaging/dependencies.py > requirements.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as pip carries it
    from pip._vendor import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def dependencies(pyproject: Path = PYPROJECT) -> list[str]:
    with pyproject.open("rb") as handle:
        return list(tomllib.load(handle)["project"]["dependencies"])


if __name__ == "__main__":
    sys.stdout.write("".join(f"{requirement}\n" for requirement in dependencies()))
