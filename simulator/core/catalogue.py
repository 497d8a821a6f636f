"""The one catalogue: every phase module, every rule, and the closed union of actions."""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter

from simulator.core.actions import COMMON_ACTIONS, Action
from simulator.core.phases import (
    event_rules,
    formulir,
    logistik,
    pembukaan,
    pemungutan,
    penghitungan,
    penutupan,
    penyerahan,
)
from simulator.core.rules import Rule
from simulator.schema.types import Phase

PHASE_MODULES: dict[Phase, ModuleType] = {
    Phase.LOGISTIK: logistik,
    Phase.PEMBUKAAN: pembukaan,
    Phase.PEMUNGUTAN: pemungutan,
    Phase.PENUTUPAN: penutupan,
    Phase.PENGHITUNGAN: penghitungan,
    Phase.FORMULIR: formulir,
    Phase.PENYERAHAN: penyerahan,
}

RULES: tuple[Rule, ...] = tuple(
    dict.fromkeys(
        rule for module in (*PHASE_MODULES.values(), event_rules) for rule in module.RULES
    )
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

ACTION_CLASSES: tuple[type[Action], ...] = tuple(
    dict.fromkeys((*COMMON_ACTIONS, *(cls for m in PHASE_MODULES.values() for cls in m.ACTIONS)))
)
ACTION_KINDS: dict[str, type[Action]] = {
    cls.model_fields["kind"].default: cls for cls in ACTION_CLASSES
}


def rule(rule_id: str) -> Rule:
    return RULES_BY_ID[rule_id]


@cache
def action_adapter() -> TypeAdapter[Any]:
    """Validates a plain mapping into the right action class by its ``kind``."""
    union = Annotated[Union[ACTION_CLASSES], Field(discriminator="kind")]
    return TypeAdapter(union)


def parse_action(data: dict[str, Any]) -> Action:
    """A mapping with a ``kind`` → its action; raises pydantic's ValidationError if malformed."""
    cls = ACTION_KINDS.get(data.get("kind", ""))
    if cls is None:
        return action_adapter().validate_python(data)  # raises, naming the allowed kinds
    return cls.model_validate(data)
