"""Where the shipped content is: the one function that finds scenarios (and their quiz banks,
demos and class plans), assets and locales, installed or not.

The repository keeps the content at its top (``scenarios/``, ``assets/``); a wheel installs
those folders inside the package as ``simulator/_shipped/…`` (pyproject.toml's package-dir),
and the locales live in the package already (``simulator/i18n/locales``). The installed place
is asked of :mod:`importlib.resources` first; running from the source checkout, the folder at
the top of the repository is used. A folder found in neither place is an error that says
where it was looked for, never an empty list of scenarios.

This module sits left of every layer: it imports nothing of the simulator.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Final

# content name → its place inside the installed package
_INSTALLED: Final[dict[str, tuple[str, ...]]] = {
    "scenarios": ("_shipped", "scenarios"),
    "assets": ("_shipped", "assets"),
    "locales": ("i18n", "locales"),
}
CONTENT_NAMES: Final = tuple(_INSTALLED)
_CHECKOUT: Final = Path(__file__).resolve().parents[1]  # the repository, run from source


class MissingContent(RuntimeError):
    """A content folder the program needs is not installed: a broken installation."""

    def __init__(self, name: str, looked_in: list[Path]) -> None:
        self.name = name
        self.looked_in = looked_in
        places = ", ".join(str(path) for path in looked_in)
        super().__init__(f"the {name!r} folder is missing (looked in: {places})")


def content_dir(name: str) -> Path:
    """The folder of the shipped content ``name`` ("scenarios", "assets" or "locales");
    raises :class:`MissingContent` when it is in neither the package nor the checkout."""
    if name not in _INSTALLED:
        raise ValueError(f"unknown content {name!r}; expected one of {CONTENT_NAMES}")
    candidates = _candidates(name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise MissingContent(name, candidates)


def _candidates(name: str) -> list[Path]:
    installed = resources.files("simulator")
    for part in _INSTALLED[name]:
        installed = installed / part
    found: list[Path] = []
    # A package imported from a zip has no folder on disk; the content must be unpacked.
    if isinstance(installed, Path):
        found.append(installed)
    checkout = _CHECKOUT / name
    in_checkout = (_CHECKOUT / "pyproject.toml").is_file()  # not site-packages' neighbours
    if name != "locales" and in_checkout and checkout not in found:
        found.append(checkout)
    return found
