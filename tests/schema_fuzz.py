"""Authored files generated from their pydantic models' JSON Schema, for property tests.

A whole scenario drawn from the schema is almost never a coherent day (its contests, voters
and ballots must agree), so the generator starts from a shipped file and replaces one part of
it — a field, a list item, a mapping — with a value drawn from the schema of that very part.
Each replacement is something an author could write; the test then holds ``validate`` to its
promise: it refuses the file, or every verb runs it.

The values are drawn by :func:`from_schema`, for the part of JSON Schema pydantic writes
(types, enums, ranges, lengths, patterns, references, unions). hypothesis-jsonschema would be
the library for it, but its last release (0.23.1) fails on current Hypothesis (it calls a
private API Hypothesis has since changed), so this small subset is drawn here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from functools import cache
from typing import Any

from hypothesis import strategies as st

from simulator.cli.schema import json_schema

Path_ = tuple[str | int, ...]
Document = dict[str, Any]


@cache
def schema_of(kind: str) -> Document:
    return json_schema(kind)


def _resolve(root: Document, node: Any) -> Any:
    """``node`` with its ``$ref`` followed and a nullable ``anyOf`` reduced to its value."""
    for _ in range(20):
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            node = root["$defs"][name]
            continue
        options = node.get("anyOf")
        if options:
            solid = [o for o in options if o.get("type") != "null"]
            if len(solid) == 1:
                node = solid[0]
                continue
        return node
    return node


def subschema(root: Document, path: Path_) -> Document | None:
    """The schema of the part of a document at ``path``; None where it cannot be told (a
    union of several kinds of item)."""
    node = _resolve(root, root)
    for part in path:
        node = _resolve(root, node)
        if not isinstance(node, dict):
            return None
        if isinstance(part, int):
            node = node.get("items")
        else:
            properties = node.get("properties", {})
            node = properties.get(part, node.get("additionalProperties"))
        if node is None or node is True:
            return None
    node = _resolve(root, node)
    return node if isinstance(node, dict) and "anyOf" not in node and "oneOf" not in node else None


def paths(document: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    """Every place in ``document`` a value could be replaced."""
    if prefix:
        yield prefix
    if isinstance(document, dict):
        for key, value in document.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from paths(value, (*prefix, index))


def replaced(document: Document, path: Path_, value: Any) -> Document:
    changed = copy.deepcopy(document)
    node: Any = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


#: how deep a drawn value nests before the generator keeps to the least it may hold
MAX_DEPTH = 6
#: numbers an author may write where the schema sets no bound: the edges that matter here
#: (zero, one, a lone negative) and a few far out of any sensible range
LOOSE_NUMBERS = st.one_of(
    st.integers(-2, 12), st.integers(-(2**70), 2**70), st.sampled_from([0, 1, 1000, 10**6])
)


def from_schema(root: Document, node: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values valid against ``node`` (a part of ``root``), as far as JSON Schema says."""
    node = _resolve(root, node)
    if node is True or not isinstance(node, dict) or not node:
        return st.none() | st.integers(0, 3) | st.text(max_size=5)
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    for union in ("anyOf", "oneOf"):
        if union in node:
            return st.one_of([from_schema(root, option, depth) for option in node[union]])
    kind = node.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema(root, {**node, "type": k}, depth) for k in kind])
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        low = node.get("minimum", node.get("exclusiveMinimum", -(2**70) - 1) + 1)
        high = node.get("maximum", node.get("exclusiveMaximum", 2**70 + 1) - 1)
        if "minimum" not in node and "maximum" not in node:
            return LOOSE_NUMBERS
        return st.integers(low, high) | st.sampled_from([low, high])
    if kind == "number":
        return st.floats(node.get("minimum"), node.get("maximum"), allow_nan=False,
                         allow_infinity=False)
    if kind == "string":
        return _text(node)
    if kind == "array":
        least = node.get("minItems", 0)
        most = min(node.get("maxItems", least + 3), least + (3 if depth < MAX_DEPTH else 0))
        return st.lists(from_schema(root, node.get("items", {}), depth + 1), min_size=least,
                        max_size=most)
    return _object(root, node, depth)


def _text(node: Document) -> st.SearchStrategy[str]:
    least, most = node.get("minLength", 0), node.get("maxLength", 40)
    if "pattern" in node:
        return st.from_regex(node["pattern"], fullmatch=True).filter(
            lambda text: least <= len(text) <= most
        )
    return st.text(min_size=least, max_size=min(most, least + 24))


def _object(root: Document, node: Document, depth: int) -> st.SearchStrategy[Any]:
    properties: dict[str, Any] = node.get("properties", {})
    required = set(node.get("required", ()))
    optional = [name for name in properties if name not in required]
    fixed = {name: from_schema(root, properties[name], depth + 1) for name in required}
    extra = {
        name: from_schema(root, properties[name], depth + 1)
        for name in (optional if depth < MAX_DEPTH else [])
    }
    mapped = node.get("additionalProperties")
    if not properties and isinstance(mapped, dict):
        names = node.get("propertyNames", {"type": "string", "maxLength": 12})
        return st.dictionaries(
            from_schema(root, names, depth + 1).map(str),
            from_schema(root, mapped, depth + 1),
            max_size=4 if depth < MAX_DEPTH else 0,
        )
    return st.fixed_dictionaries(fixed, optional=extra)


@st.composite
def mutants(draw: st.DrawFn, kind: str, base: Document) -> Document:
    """``base`` with one part replaced by a value drawn from that part's schema."""
    root = schema_of(kind)
    places = [p for p in paths(base) if subschema(root, p) is not None]
    path = draw(st.sampled_from(places))
    value = draw(from_schema(root, subschema(root, path)))
    return replaced(base, path, value)
