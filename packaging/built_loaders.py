"""Check that a PyInstaller program carries the project's python-i18n loaders
(packaging/i18n_loaders/), not python-i18n's own, which read YAML with PyYAML's FullLoader or
run a .py file.

    python packaging/built_loaders.py dist/simulasi-tps/simulasi-tps

Run with a Python that has PyInstaller (its archive reader opens the program's module
archive). Exits 0 when every replaced module is the project's, 1 otherwise, naming it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from PyInstaller.archive.readers import CArchiveReader

SAFE_LOADERS = Path(__file__).resolve().parent / "i18n_loaders"


def foreign_loaders(program: Path) -> list[str]:
    """The replaced modules whose code in ``program`` is not the project's (known by their
    docstrings), or missing from it."""
    modules = CArchiveReader(str(program)).open_embedded_archive("PYZ.pyz")
    wrong = []
    for safe in sorted(SAFE_LOADERS.glob("*.py")):
        name = f"i18n.loaders.{safe.stem}"
        ours = ast.get_docstring(ast.parse(safe.read_text(encoding="utf-8")), clean=False)
        carried = modules.extract(name) if name in modules.toc else None
        docstring = carried.co_consts[0] if carried is not None and carried.co_consts else None
        if docstring != ours:
            wrong.append(name)
    return wrong


def main(argv: list[str]) -> int:
    wrong = foreign_loaders(Path(argv[0]))
    for name in wrong:
        print(f"{argv[0]} carries python-i18n's own {name}, not packaging/i18n_loaders'",
              file=sys.stderr)
    if not wrong:
        print(f"+ {argv[0]}: python-i18n's loaders are the project's (no FullLoader, no file run)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
