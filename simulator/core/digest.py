"""A canonical digest of the world and findings: our FEN, so replay equality is one compare."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
from collections.abc import Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel

from simulator.core.rules import Finding
from simulator.core.state import World


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: getattr(value, f.name)
            for f in dataclasses.fields(value)
            if getattr(value, f.name) or f.metadata.get("digest") != "omit_when_empty"
        }
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    if isinstance(value, random.Random):
        return None  # the streams are reproduced from the seed; their draws show in state
    raise TypeError(f"cannot digest a {type(value).__name__}")


def state_digest(world: World, findings: Sequence[Finding]) -> str:
    state = {
        name.name: getattr(world, name.name)
        for name in dataclasses.fields(world)
        if name.name not in ("scenario", "rngs", "drawn", "packing")
    }
    state["scenario"] = world.scenario.id
    payload = json.dumps(
        {"world": state, "findings": [f.as_json() for f in findings]},
        default=_plain,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()
