"""What the trainee is told about a save file that could not be used, in their language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

Translate = Callable[..., str]


class BadValue(Protocol):
    """Where a value a save file should not hold sits (see ``persistence.savefile``)."""

    table: str
    row: str
    column: str
    found: str
    expected: str


class StoreNotice(Protocol):
    """What opening the save file has to tell (see ``persistence.savefile``)."""

    kind: str
    moved_to: Path

    @property
    def value(self) -> BadValue | None: ...


def notice_lines(cat: Translate, notice: StoreNotice) -> list[str]:
    """The notice, and where the value that made the file unusable sits when one did."""
    lines = [cat(f"shell.store.{notice.kind}", path=str(notice.moved_to))]
    if notice.value is not None:
        lines.append(_bad_value(cat, notice.value))
    return lines


def _bad_value(cat: Translate, value: BadValue) -> str:
    low, dots, high = value.expected.partition("..")
    expected = (
        cat("shell.store.value.range", low=low, high=high)
        if dots
        else cat(f"shell.store.value.{value.expected}")
    )
    words = ("text", "integer", "real", "blob", "null")
    found = cat(f"shell.store.value.{value.found}") if value.found in words else value.found
    return cat(
        "shell.store.bad_value",
        table=value.table,
        row=value.row,
        column=value.column,
        found=found,
        expected=expected,
    )
