"""Reading authored YAML safely: bounded, tag-free, alias-free, and every refusal located.

The C parser (``yaml.CSafeLoader``) turns the text into events; this module builds plain Python
data from them in one linear pass, without ever recursing (nesting is capped at
:data:`MAX_DEPTH` anyway). Working on events rather than on a composed node tree lets us see
what a node tree hides: an anchor that is never used, and whether a tag was written explicitly
or resolved implicitly. Line and column of every node are not kept: a valid file does not need
them, and :mod:`simulator.content.locate` composes the tree again only when something must be
placed.

What we construct is what ``yaml.safe_load`` would give for plain scalars (YAML 1.1 core: int,
float, bool, null, str), with three deliberate exceptions, each to spare authors a trap:

- ``13:00`` is a sexagesimal integer in YAML 1.1 (780), but every time in our files is text
  (``GameTime``), so a plain scalar that resolves to an int or float and contains ``:`` stays
  text. That lets ``at: 13:00`` work unquoted. (``07:00`` is text in YAML 1.1 already; ``7:00``
  and ``13:00`` are not.)
- Timestamps (``2024-02-14``) stay text: no model has a date field, and a ``datetime.date``
  where text is expected makes a confusing error.
- The merge key ``<<`` and the value key ``=`` stay text: without anchors they mean nothing, and
  ``safe_load`` crashes on a plain ``=``.
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from simulator.content.errors import ContentError, Hint, Problem
from simulator.i18n import os_errors

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
# Past this many YAML-level problems the file is mostly noise; stop and say so.
MAX_YAML_PROBLEMS = 100

_BOM = "\ufeff"
# Characters YAML 1.1 allows in a stream (spec §5.1); libyaml refuses the rest with an unlocated
# error, so we find them first and point at them.
_NOT_PRINTABLE = re.compile(
    r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

_TAG = "tag:yaml.org,2002:"
_IMPLICIT: dict[Any, list[tuple[str, re.Pattern[str]]]] = Resolver.yaml_implicit_resolvers
_BOOLS: dict[str, bool] = SafeConstructor.bool_values
# Constructed only for the int and float methods, which read nothing but the node they are given.
_SCALARS = SafeConstructor()

# libyaml's words for what it could not read → the message that says it in the author's
# language (libyaml's own words are English, and no English may reach an Indonesian screen).
_SYNTAX_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("did not find expected ',' or ']'", "flow_sequence"),
    ("did not find expected ',' or '}'", "flow_mapping"),
    ("mapping values are not allowed", "colon_in_value"),
    ("could not find expected ':'", "missing_colon"),
    ("block sequence entries are not allowed", "dash_in_value"),
    ("did not find expected key", "indent"),
    ("did not find expected '-' indicator", "indent"),
    ("expected <block end>", "indent"),
    ("did not find expected node content", "missing_value"),
    ("cannot start any token", "bad_start"),
    ("tab", "tab"),
    ("unknown escape character", "escape"),
    ("unexpected end of stream", "unexpected_end"),
    ("alias", "alias"),
    ("anchor", "alias"),
    ("tag", "tag"),
)

# libyaml's words for common slips → a hint in the author's words.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("tab", "content.hint.tab"),
    ("mapping values are not allowed", "content.hint.colon_in_value"),
    ("could not find expected ':'", "content.hint.missing_colon"),
    ("did not find expected key", "content.hint.indent"),
    ("did not find expected '-'", "content.hint.indent"),
    ("expected <block end>", "content.hint.indent"),
    ("while scanning a quoted scalar", "content.hint.unclosed_quote"),
)


@dataclass(frozen=True)
class Source:
    """The decoded text of one file, with the name problems are reported under."""

    file: str
    text: str
    sha256: str = ""  # of the bytes the text was decoded from


@dataclass(frozen=True)
class ParsedYaml:
    """Plain data built from a file whose top level is a mapping."""

    source: Source
    data: dict[str | int, Any]


# --- Reading bytes -------------------------------------------------------------------------


def read_source(path: Path, file: str | None = None) -> Source:
    """The decoded text of ``path``; never reads more than :data:`MAX_BYTES` + 1 bytes."""
    path = Path(path)  # callers sometimes hand a str; be kind
    name = str(path) if file is None else file
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(name, "file.not_regular")
        if info.st_size > MAX_BYTES:
            raise _too_large(name, info.st_size)
        with path.open("rb") as handle:
            # The size can change between stat and read (or lie, for special files).
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _refuse(name, "file.not_found") from None
    except OSError as error:
        key, params = os_errors.reason_parts(error)
        raise _refuse(name, "file.io", hint=Hint(key, params)) from None
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    return decode_source(data, name)


def decode_source(data: bytes, file: str) -> Source:
    """UTF-8 text without its BOM, or a located refusal of the first bad byte or character."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        byte = f"0x{data[error.start]:02x}"
        raise _refuse(file, "yaml.encoding", line, column, key="content.yaml.encoding.utf8",
                      byte=byte) from None
    if text.startswith(_BOM):
        text = text[1:]
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        line, column = _text_position(text, bad.start())
        key = "content.yaml.encoding.nul" if bad.group() == "\0" else "content.yaml.encoding.char"
        raise _refuse(file, "yaml.encoding", line, column, key=key, char=repr(bad.group()))
    return Source(file=file, text=text, sha256=hashlib.sha256(data).hexdigest())


def _too_large(file: str, size: int) -> ContentError:
    return _refuse(file, "yaml.too_large", size=size, limit=MAX_BYTES)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _text_position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _refuse(file: str, code: str, line: int = 1, column: int = 1, *, key: str | None = None,
            hint: Hint | None = None, **params: object) -> ContentError:
    return ContentError([Problem(file, line, column, "", code, params, key, hint)])


# --- Scalars -------------------------------------------------------------------------------


def plain_scalar(text: str) -> object:
    """The value of an untagged plain scalar, resolved as YAML 1.1 would (see module doc)."""
    for tag, regexp in _IMPLICIT.get(text[0] if text else "", ()):
        if regexp.match(text):
            return _construct(tag, text)
    return text


def _construct(tag: str, text: str) -> object:
    kind = tag[len(_TAG):]
    if kind == "null":
        return None
    if kind == "bool":
        return _BOOLS[text.lower()]
    if kind in ("int", "float") and ":" not in text:
        method = _SCALARS.construct_yaml_int if kind == "int" else _SCALARS.construct_yaml_float
        try:
            return method(yaml.ScalarNode(tag, text))
        except ValueError:
            # '0b_', '._' or an int beyond Python's digit limit: PyYAML itself would crash; as
            # text it reaches the schema, which says what it expected.
            return text
    return text


def key_from_scalar(text: str, plain: bool) -> str | int | None:
    """A mapping key: an int or a str. A bool or float key keeps its text; an empty key is None.

    Keys are names (``on:``, ``no:``, ``1.5:``), never switches, so YAML 1.1's booleans would
    only mislead; ints are kept because party and candidate numbers are keys.
    """
    if not plain:
        return text
    value = plain_scalar(text)
    if value is None:
        return None
    if isinstance(value, (bool, float)):
        return text
    return cast("str | int", value)


# --- Events → data -------------------------------------------------------------------------


class _Stop(Exception):
    """Parsing cannot go on; the problems so far are final."""


_NO_KEY: Any = object()  # a mapping waiting for its next key
_COMPLEX: Any = object()  # a list or mapping being read as a key (refused)
_DROP: Any = object()  # a refused key: its value is read, then dropped


class _Frame:
    """One open sequence or mapping."""

    __slots__ = ("is_map", "items", "key", "seen")

    def __init__(self, is_map: bool) -> None:
        self.is_map = is_map
        self.items: Any = {} if is_map else []
        self.key: Any = _NO_KEY
        self.seen: dict[str, int] = {}  # str(key) → 1-based line of its first use


class _Builder:
    """Builds data from the C parser's events, collecting YAML-level problems on the way."""

    def __init__(self, source: Source) -> None:
        self.file = source.file
        self.stack: list[_Frame] = []
        self.root: Any = _NO_KEY
        self.documents = 0
        self.problems: list[Problem] = []
        self.handlers: dict[type, Callable[[Any], None]] = {
            yaml.ScalarEvent: self._scalar,
            yaml.MappingStartEvent: self._mapping_start,
            yaml.SequenceStartEvent: self._sequence_start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.AliasEvent: self._alias,
            yaml.DocumentStartEvent: self._document_start,
        }

    def run(self, parser: Any) -> None:
        handlers = self.handlers
        while True:
            event = parser.get_event()
            if event is None or type(event) is yaml.StreamEndEvent:
                return
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    # events

    def _document_start(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self._problem(event.start_mark, "yaml.multiple_documents")
            raise _Stop

    def _scalar(self, event: Any) -> None:
        self._check_node(event)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and frame.key is _NO_KEY:
            self._set_key(frame, key_from_scalar(event.value, event.implicit[0]), event)
            return
        self._add(plain_scalar(event.value) if event.implicit[0] else event.value)

    def _mapping_start(self, event: Any) -> None:
        self._open(event, _Frame(True))

    def _sequence_start(self, event: Any) -> None:
        self._open(event, _Frame(False))

    def _end(self, event: Any) -> None:
        self._add(self.stack.pop().items)

    def _alias(self, event: Any) -> None:
        self._problem(event.start_mark, "yaml.alias", key="content.yaml.alias.alias",
                      name=event.anchor)
        self._add(None)

    # helpers

    def _open(self, event: Any, frame: _Frame) -> None:
        self._check_node(event)
        if len(self.stack) >= MAX_DEPTH:
            self._problem(event.start_mark, "yaml.too_deep", limit=MAX_DEPTH)
            raise _Stop
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.is_map and parent.key is _NO_KEY:
            # A list or mapping used as a key: refuse it, but keep reading to find more.
            self._problem(event.start_mark, "yaml.key", key="content.yaml.key.complex")
            parent.key = _COMPLEX
        self.stack.append(frame)

    def _check_node(self, event: Any) -> None:
        if event.anchor is not None:
            self._problem(event.start_mark, "yaml.alias", key="content.yaml.alias.anchor",
                          name=event.anchor)
        if event.tag is not None:
            self._problem(event.start_mark, "yaml.tag", tag=_written_tag(event.tag))

    def _add(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if not frame.is_map:
            frame.items.append(value)
        elif frame.key is _NO_KEY or frame.key is _COMPLEX:
            # An alias or a list/mapping used as a key, already reported: drop its value.
            frame.key = _DROP
        else:
            if frame.key is not _DROP:
                frame.items[frame.key] = value
            frame.key = _NO_KEY

    def _set_key(self, frame: _Frame, key: str | int | None, event: Any) -> None:
        mark = event.start_mark
        if key is None:
            self._problem(mark, "yaml.key", key="content.yaml.key.empty")
            frame.key = _DROP
            return
        name = str(key)
        first = frame.seen.get(name)
        if first is not None:
            frame.key = key  # so that the problem's path names it
            self._problem(mark, "yaml.duplicate_key", key_name=repr(key), first_line=first)
            frame.key = _DROP
            return
        frame.seen[name] = mark.line + 1
        frame.key = key

    def _problem(self, mark: Any, code: str, key: str | None = None, **params: object) -> None:
        if len(self.problems) >= MAX_YAML_PROBLEMS:
            self.problems.append(
                Problem(self.file, mark.line + 1, mark.column + 1, "", "yaml.too_many",
                        {"limit": MAX_YAML_PROBLEMS})
            )
            raise _Stop
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, self._path(), code, params, key)
        )

    def _path(self) -> str:
        """The path of the node being read, for YAML-level problems (rare, so built on demand)."""
        parts: list[str] = []
        for frame in self.stack:
            if not frame.is_map:
                parts.append(f"[{len(frame.items)}]")
            elif frame.key not in (_NO_KEY, _COMPLEX, _DROP):
                parts.append(f".{frame.key}")
        return "".join(parts).lstrip(".")


def _written_tag(tag: str) -> str:
    """libyaml expands ``!!str`` to ``tag:yaml.org,2002:str``; show it as the author wrote it."""
    return f"!!{tag[len(_TAG):]}" if tag.startswith(_TAG) else tag


def parse_source(source: Source) -> ParsedYaml:
    """Data from the text of one file, or a :class:`ContentError` with every YAML problem."""
    builder = _Builder(source)
    parser = yaml.CSafeLoader(source.text)
    try:
        builder.run(parser)
    except _Stop:
        pass
    except yaml.MarkedYAMLError as error:
        builder.problems.append(_syntax_problem(source, error))
    except yaml.YAMLError as error:
        # A reader error carries an offset, not a mark; our own character check should have
        # caught its cause first, so this is a safety net.
        builder.problems.append(_unmarked_problem(source, error))
    finally:
        parser.dispose()
    if builder.problems:
        raise ContentError(builder.problems)
    return ParsedYaml(source, _top_mapping(source.file, builder.root, builder.documents))


def _top_mapping(file: str, root: Any, documents: int) -> dict[str | int, Any]:
    if documents == 0 or root is _NO_KEY or root is None:  # None: only '---' or comments
        raise _refuse(file, "yaml.empty")
    if not isinstance(root, dict):
        raise _refuse(file, "yaml.not_mapping", value=shown(root))
    return root


def _syntax_problem(source: Source, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(error.problem or error.context or "?")
    at_mark = _char_at(source.text, mark.line, mark.column) if mark is not None else ""
    words = f"{problem} {error.context or ''}"
    return Problem(source.file, line, column, "", "yaml.syntax", {},
                   _syntax_message(words, at_mark), _syntax_hint(words, at_mark))


def _syntax_message(words: str, at_mark: str) -> str:
    """The catalogue key that says in words what libyaml could not read."""
    if at_mark == "\t":  # libyaml calls a tab "a character that cannot start any token"
        return "content.yaml.unreadable.tab"
    return f"content.yaml.unreadable.{_first_match(_SYNTAX_PROBLEMS, words) or 'other'}"


def _first_match(table: tuple[tuple[str, str], ...], words: str) -> str | None:
    """The value of the first of ``table``'s libyaml phrases found in ``words``."""
    return next((value for needle, value in table if needle in words), None)


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column (a mark's index counts differently)."""
    lines = text.split("\n", line + 1)
    return lines[line][column:column + 1] if line < len(lines) else ""


def _syntax_hint(words: str, at_mark: str) -> Hint | None:
    if at_mark == "\t":
        return Hint("content.hint.tab")
    key = _first_match(_SYNTAX_HINTS, words)
    return Hint(key) if key is not None else None


def _unmarked_problem(source: Source, error: yaml.YAMLError) -> Problem:
    offset = getattr(error, "position", 0)
    data = source.text.encode("utf-8")
    line, column = _byte_position(data, min(max(int(offset), 0), len(data)))
    # the reader's errors (a character it refuses, bytes it cannot decode); the characters
    # YAML refuses are found and pointed at before libyaml reads the file
    return Problem(source.file, line, column, "", "yaml.syntax", {},
                   "content.yaml.unreadable.character")


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters so a whole list never floods a message."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def load_yaml(path: Path, file: str | None = None) -> ParsedYaml:
    """Read, decode and parse one file; raises :class:`ContentError` when it cannot."""
    return parse_source(read_source(path, file))
