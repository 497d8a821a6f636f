"""Problems found in authored content, and the one exception that carries them.

Two stages of the same thing:

- an :class:`Issue` is what a check finds, addressed by a *path* into the document
  (``("voters", "listed", 3, "arrives")``), because schema and lint checks see data, not text;
- a :class:`Problem` is an issue placed in the file (line and column, 1-based) and ready to be
  rendered in either language.

Only the loader turns issues into problems, and it does so lazily: a valid file never pays for
locations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from simulator.i18n import Catalog, catalog

Level = Literal["error", "warning"]
# Where on the addressed node an issue points: the value itself, the key that names it, or the
# mapping that should have held it (a missing field has no node of its own).
Anchor = Literal["value", "key", "parent"]
PathPart = str | int
Params = Mapping[str, object]


@dataclass(frozen=True)
class Hint:
    """A translatable suggestion shown after the message, in parentheses."""

    key: str
    params: Params = field(default_factory=dict)


@dataclass(frozen=True)
class Issue:
    """A finding addressed by its path in the document's data, not yet placed in the file."""

    loc: tuple[PathPart, ...]
    code: str
    params: Params = field(default_factory=dict)
    key: str | None = None  # message key; ``content.<code>`` when None
    hint: Hint | None = None
    level: Level = "error"
    anchor: Anchor = "value"


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding: ``file:line:col: path: message (hint) [code]``."""

    file: str
    line: int
    column: int
    path: str
    code: str
    params: Params = field(default_factory=dict, compare=False)
    key: str | None = field(default=None, compare=False)
    hint: Hint | None = field(default=None, compare=False)
    level: Level = field(default="error", compare=False)

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def message(self, cat: Catalog) -> str:
        text = _safe_text(cat, self.key or f"content.{self.code}", self.params, self.code)
        if self.level == "warning":
            text = f"{cat('content.level.warning')}: {text}"
        if self.hint is not None:
            text = f"{text} ({_safe_text(cat, self.hint.key, self.hint.params, self.code)})"
        return text

    def render(self, cat: Catalog) -> str:
        where = f"{self.file}:{self.line}:{self.column}:"
        path = f" {self.path}:" if self.path else ""
        return f"{where}{path} {self.message(cat)} [{self.code}]"


def _safe_text(cat: Catalog, key: str, params: Params, code: str) -> str:
    """The translated text; a broken template must never hide the problem it reports."""
    try:
        return cat(key, **params)
    except (KeyError, IndexError, ValueError):
        return cat("content.fallback", code=code, params=dict(params))


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reading order: by file, line and column, then code."""
    return sorted(problems)


class ContentError(Exception):
    """Authored content that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sort_problems(problems)
        super().__init__(f"{len(self.problems)} problem(s) in content")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def render(self, cat: Catalog) -> str:
        return "\n".join(problem.render(cat) for problem in self.problems)

    def __str__(self) -> str:
        # Tracebacks and logs are for developers: English, and every line.
        return self.render(catalog("en"))
