"""A canonical digest of the world and findings: our FEN, so replay equality is one compare."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel

from simulator.core.rules import Finding
from simulator.core.state import World


def _plain_with(fields_of: dict[type, tuple[tuple[str, bool], ...]]) -> Callable[[Any], Any]:
    """The JSON form of a state value; ``fields_of`` remembers each dataclass's fields (and
    whether each is left out when empty) for the length of one digest."""

    def plain(value: Any) -> Any:
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, BaseModel):
            return value.model_dump(mode="json", exclude_defaults=True)
        kind = type(value)
        described = fields_of.get(kind)
        if described is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
            described = tuple(
                (f.name, f.metadata.get("digest") == "omit_when_empty")
                for f in dataclasses.fields(value)
            )
            fields_of[kind] = described
        if described is not None:
            found = {}
            for name, omit_when_empty in described:
                field_value = getattr(value, name)
                if field_value or not omit_when_empty:
                    found[name] = field_value
            return found
        if isinstance(value, set | frozenset):
            return sorted(value, key=repr)
        if isinstance(value, random.Random):
            return None  # the streams are reproduced from the seed; their draws show in state
        raise TypeError(f"cannot digest a {type(value).__name__}")

    return plain


def state_digest(world: World, findings: Sequence[Finding]) -> str:
    state = {
        name.name: getattr(world, name.name)
        for name in dataclasses.fields(world)
        if name.name not in ("scenario", "rngs", "drawn", "packing")
    }
    state["scenario"] = world.scenario.id
    payload = json.dumps(
        {"world": state, "findings": [f.as_json() for f in findings]},
        default=_plain_with({}),
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()
