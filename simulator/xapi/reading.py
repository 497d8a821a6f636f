"""Reading a class's exports for the report: files and folders of JSON Lines, each statement
checked before it is counted.

Files come from strangers' USB sticks: a line is bounded in length and nesting, a statement
whose checksum does not match what it says was edited after export, a last line without its
end was cut short, a file whose first statement is not the game's is another tool's (or not
an export at all) and is left whole. Every problem is kept with its file and line, so the
trainer can be told exactly what was not counted; nothing read is counted twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from simulator.i18n import os_errors
from simulator.xapi.analysis import ClassRecords, Unreadable
from simulator.xapi.statements import CHECKSUM, checksum_of

MAX_LINE = 16 * 2**20  # bytes: a day with its action log is tens of kilobytes
MAX_FILES = 20_000  # files in the folders given
MAX_LISTED = 20  # problems listed per source; the rest are counted
EXPORT_SUFFIXES = (".jsonl", ".json")


@dataclass(frozen=True, slots=True)
class Unread:
    """Something not counted: where (``line`` 0 for a whole source), why, and which field."""

    source: str
    line: int
    reason: str  # missing, unreadable, empty, not_export, not_json, truncated, too_long,
    # too_deep, foreign, tampered, bad_value, no_exports, too_many_files
    field: str = ""
    because: str = ""  # unreadable: why, as an ``os_error.<kind>`` text key


@dataclass(slots=True)
class Reading:
    """What was read: the tallies, what was not counted, and the sources that only repeated
    statements already read (the same export given twice)."""

    records: ClassRecords = field(default_factory=ClassRecords)
    unread: list[Unread] = field(default_factory=list)
    unread_count: int = 0  # lines not counted, listed or not
    repeated_sources: list[str] = field(default_factory=list)
    sources: int = 0
    statements: int = 0  # counted, once each
    others: int = 0  # other tools' statements an LRS also holds, left out (not a problem)

    @property
    def clean(self) -> bool:
        return self.unread_count == 0


def export_files(paths: Iterable[Path], reading: Reading) -> list[Path]:
    """The files to read: each file named, and the exports (``*.jsonl``, ``*.json``) found in
    each folder named, sorted; what does not exist is noted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in EXPORT_SUFFIXES and p.is_file()
            )
            if not inside:
                _note(reading, Unread(str(path), 0, "no_exports"))
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            _note(reading, Unread(str(path), 0, "missing"))
        if len(found) > MAX_FILES:
            _note(reading, Unread(str(path), 0, "too_many_files"))
            return found[:MAX_FILES]
    return found


def read_files(paths: Iterable[Path], reading: Reading | None = None) -> Reading:
    """Count every statement in ``paths`` (files, or folders of exports)."""
    reading = reading or Reading()
    for path in export_files(paths, reading):
        try:
            with path.open("rb") as stream:
                read_stream(stream, str(path), reading)
        except OSError as error:
            # the system's own words are English: the reason is kept as a text key
            why = os_errors.reason_key(error)
            _note(reading, Unread(str(path), 0, "unreadable",
                                  because="" if why == os_errors.OTHER else why))
    return reading


def read_stream(stream: BinaryIO, source: str, reading: Reading) -> None:
    """Count the statements of one JSON Lines stream."""
    reading.sources += 1
    counted = repeated = 0
    problems = 0
    number = 0
    while True:
        line, ending = _line(stream)
        if line is None:
            break
        number += 1
        if ending != "too_long" and not line.strip():
            continue
        try:
            statement = _parse(line, ending)
            if reading.records.add(statement, verify=verify_checksum):
                counted += 1
            else:
                repeated += 1
        except Unreadable as problem:
            if counted == repeated == problems == 0 and problem.reason in (
                "not_json", "foreign", "too_deep"
            ):
                # Its first statement is not the game's: another tool's file, or no export.
                _note(reading, Unread(source, number, "not_export", problem.field))
                return
            problems += 1
            _note(reading, Unread(source, number, problem.reason, problem.field),
                  listed=problems <= MAX_LISTED)
    reading.statements += counted
    if counted == problems == 0:
        if repeated:
            reading.repeated_sources.append(source)
        else:
            _note(reading, Unread(source, 0, "empty"))


def count_statements(statements: Iterable[Any], source: str, reading: Reading) -> None:
    """Count statements that come already parsed (from an LRS): ``line`` is their place. An
    LRS may hold other tools' statements too (a district's Moodle): those are left out and
    counted apart, not listed as problems."""
    reading.sources += 1
    problems = 0
    for number, statement in enumerate(statements, start=1):
        try:
            reading.statements += reading.records.add(statement, verify=verify_checksum)
        except Unreadable as problem:
            if problem.reason == "foreign":
                reading.others += 1
                continue
            problems += 1
            _note(reading, Unread(source, number, problem.reason, problem.field),
                  listed=problems <= MAX_LISTED)


def verify_checksum(statement: Mapping[str, Any]) -> None:
    """``Unreadable`` unless the game's ``statement`` says what its checksum says."""
    context = statement.get("context")
    extensions = context.get("extensions") if type(context) is dict else None
    given = extensions.get(CHECKSUM) if type(extensions) is dict else None
    if not isinstance(given, str) or given != checksum_of(statement):
        raise Unreadable("tampered")


def _line(stream: BinaryIO) -> tuple[bytes | None, str]:
    """The next line (None at the end) and how it ended: ``"whole"`` with its newline,
    ``"cut"`` without (the file's last), ``"too_long"`` past MAX_LINE (skipped to its end
    without being held, and given back empty)."""
    line = stream.readline(MAX_LINE + 1)
    if not line:
        return None, "whole"
    if len(line) > MAX_LINE and not line.endswith(b"\n"):
        while True:
            rest = stream.readline(MAX_LINE)
            if not rest or rest.endswith(b"\n"):
                return b"", "too_long"
    return line, "whole" if line.endswith(b"\n") else "cut"


def _parse(line: bytes, ending: str) -> Any:
    if ending == "too_long":
        raise Unreadable("too_long")
    try:
        return json.loads(line)
    except RecursionError:
        raise Unreadable("too_deep") from None
    except (ValueError, UnicodeDecodeError):
        # A last line without its end was cut short (a stick pulled out while writing).
        raise Unreadable("truncated" if ending == "cut" else "not_json") from None


def _note(reading: Reading, unread: Unread, listed: bool = True) -> None:
    if unread.line:
        reading.unread_count += 1
    if listed:
        reading.unread.append(unread)


def read_lrs(
    statements: Iterator[Mapping[str, Any]], endpoint: str, reading: Reading | None = None
) -> Reading:
    """Count what an LRS handed back (its statements in the order it gave them)."""
    reading = reading or Reading()
    count_statements(statements, endpoint, reading)
    return reading
