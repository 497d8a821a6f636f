"""Placing issues in the file: a data path → the line and column of its node.

The node tree is composed only when the first issue needs placing, so a valid file pays
nothing. By then the text has passed :mod:`simulator.content.yaml_loader` (no aliases, no tags,
bounded depth, one document), which makes composing it again safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from simulator.content.errors import Issue, PathPart, Problem
from simulator.content.yaml_loader import Source, key_from_scalar

# pydantic's loc marks an error in a dict's key with this element after the key.
KEY_MARKER = "[key]"


@dataclass(frozen=True)
class _Spot:
    """How far a path reaches into the tree, and what it found there."""

    node: yaml.Node
    key: yaml.Node | None  # the key node naming ``node``, when its parent is a mapping
    parts: tuple[str, ...]  # the display path of the part that exists
    complete: bool  # the whole path exists


class Locator:
    """Turns :class:`Issue` into :class:`Problem` for one parsed file."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self._root: yaml.Node | None = None

    @property
    def root(self) -> yaml.Node:
        if self._root is None:
            self._root = yaml.compose(self.source.text, Loader=yaml.CSafeLoader)
        return self._root

    def place_all(self, issues: Iterable[Issue]) -> list[Problem]:
        return [self.place(issue) for issue in issues]

    def place(self, issue: Issue) -> Problem:
        loc = tuple(part for part in issue.loc if part != KEY_MARKER)
        wants_key = issue.anchor == "key" or len(loc) != len(issue.loc)
        spot = self._walk(loc[:-1] if issue.anchor == "parent" else loc)
        line, column = _mark(_pointed(spot, wants_key))
        path = display_path(spot.parts, loc[len(spot.parts):])
        return Problem(self.source.file, line, column, path, issue.code, issue.params, issue.key,
                       issue.hint, issue.level)

    def source_text(self, loc: tuple[PathPart, ...]) -> str | None:
        """The text as written of the scalar at ``loc``, if the whole path exists."""
        spot = self._walk(tuple(part for part in loc if part != KEY_MARKER))
        if spot.complete and isinstance(spot.node, yaml.ScalarNode):
            return str(spot.node.value)
        return None

    def _walk(self, loc: tuple[PathPart, ...]) -> _Spot:
        node, key = self.root, None
        parts: list[str] = []
        for part in loc:
            found = _child(node, part)
            if found is None:
                return _Spot(node, key, tuple(parts), complete=False)
            key, node, shown = found
            parts.append(shown)
        return _Spot(node, key, tuple(parts), complete=True)


def _child(node: yaml.Node, part: PathPart) -> tuple[yaml.Node | None, yaml.Node, str] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if _key_matches(key_node, part):
                return key_node, value_node, f".{part}"
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
            and 0 <= part < len(node.value):
        return None, node.value[part], f"[{part}]"
    return None


def _key_matches(key_node: yaml.Node, part: PathPart) -> bool:
    if not isinstance(key_node, yaml.ScalarNode):
        return False
    if key_node.value == str(part):
        return True
    # '0x10' and 16 name the same key; rare, so only tried when the text differs
    return str(key_from_scalar(key_node.value, not key_node.style)) == str(part)


def _pointed(spot: _Spot, wants_key: bool) -> yaml.Node:
    """The node to point at: a key when asked; a block collection's key rather than its first
    item, because the author reads ``tps:`` as the place where ``tps`` is."""
    if spot.key is not None and (wants_key or not spot.complete):
        return spot.key
    if spot.key is not None and isinstance(spot.node, yaml.CollectionNode) \
            and not spot.node.flow_style:
        return spot.key
    return spot.node


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def display_path(found: Iterable[str], rest: Iterable[PathPart] = ()) -> str:
    """``voters.listed[3].arrives``: keys joined by dots, list indices in brackets."""
    text = "".join(found)
    for part in rest:
        text += f"[{part}]" if isinstance(part, int) and not isinstance(part, bool) else f".{part}"
    return text.lstrip(".")
