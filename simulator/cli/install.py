"""The start-up check of an installation: every content folder, locale, verb and phase screen
is there, or the program says which is missing and stops (exit code 3), rather than showing
an empty list, a label's key or a blank screen halfway through a day.

Modules are looked for, not imported, so the check costs the start-up next to nothing.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from simulator.i18n import LANGUAGES, locale_dir
from simulator.resources import MissingContent, content_dir
from simulator.schema.types import Phase

SCREENS_PACKAGE = "simulator.scenes.phases"


@dataclass(frozen=True)
class Problem:
    """One missing piece: the text key that names it and its parameters."""

    key: str
    params: dict[str, str] = field(default_factory=dict)


def installation_problems(
    verb_modules: Iterable[str], *, game: bool, languages: Sequence[str] = LANGUAGES
) -> list[Problem]:
    """What is missing from this installation for the command line (and the game if ``game``)."""
    problems: list[Problem] = []
    for name in ("scenarios", "assets"):
        try:
            content_dir(name)
        except MissingContent as missing:
            problems.append(Problem("cli.broken.content", _where(missing)))
    for lang in languages:
        try:
            locale_dir(lang)
        except MissingContent as missing:
            problems.append(Problem("cli.broken.locale", {"lang": lang, **_where(missing)}))
    for module in verb_modules:
        if not _findable(f"simulator.cli.{module}"):
            problems.append(Problem("cli.broken.verb", {"verb": module}))
    if game:
        problems += [Problem("cli.broken.screen", {"phase": phase}) for phase in missing_screens()]
    return problems


def missing_screens() -> list[str]:
    """The phases whose screen module (``simulator/scenes/phases/<phase>.py``) is absent."""
    package = importlib.util.find_spec(SCREENS_PACKAGE)  # imports simulator.scenes, not this
    if package is None or package.submodule_search_locations is None:
        return [phase.value for phase in Phase]
    where = list(package.submodule_search_locations)
    return [phase.value for phase in Phase
            if not _findable(f"{SCREENS_PACKAGE}.{phase.value}", where)]


def _findable(name: str, path: list[str] | None = None) -> bool:
    """Whether an import of ``name`` would find it, without importing it (nor its package,
    whose import may be slow: the phase screens' package brings the whole engine)."""
    if path is None:
        return importlib.util.find_spec(name) is not None
    if name in sys.modules:
        return True
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        if find_spec is not None and find_spec(name, path) is not None:
            return True
    return False


def _where(missing: MissingContent) -> dict[str, str]:
    return {"name": missing.name, "places": ", ".join(str(p) for p in missing.looked_in)}


def describe(problems: Sequence[Problem], lang: str) -> list[str]:
    """The problems in the user's language; in both languages' plain words when the texts
    themselves are what is missing."""
    from simulator.i18n import MissingTranslation, catalog

    try:
        cat = catalog(lang)
        return [cat("cli.broken.intro")] + [cat(p.key, **p.params) for p in problems]
    except (MissingContent, MissingTranslation):
        return ["Simulasi TPS: installation broken / instalasi rusak"] + [
            p.key.rsplit(".", 1)[-1] + ": " + " ".join(f"{k}={v}" for k, v in p.params.items())
            for p in problems
        ]
