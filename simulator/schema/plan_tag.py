"""What a result got as a step of a class plan carries (the plan's id and the part), apart
from the plan's model so that the save store can use it without loading pydantic models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PlanPart = Literal["pre", "play", "post"]
PLAN_PARTS: tuple[PlanPart, ...] = ("pre", "play", "post")
MAX_PLAN_ID = 64


@dataclass(frozen=True, slots=True)
class PlanTag:
    """What a result got as part of a plan carries: the plan's id and which part it was."""

    plan: str
    part: PlanPart

    def __post_init__(self) -> None:
        if self.part not in PLAN_PARTS:
            raise ValueError(f"plan part {self.part!r} is not one of {PLAN_PARTS}")
        if not 1 <= len(self.plan) <= MAX_PLAN_ID:
            raise ValueError(f"plan id {self.plan!r} is not 1 to {MAX_PLAN_ID} characters")


def plan_columns(plan: PlanTag | None) -> tuple[str | None, str | None]:
    """A result's ``plan`` and ``plan_part`` as the save file keeps them (None outside a plan)."""
    return (plan.plan, plan.part) if plan is not None else (None, None)




def tag_of(plan: str | None, part: str | None) -> PlanTag | None:
    """The tag a stored result's ``plan`` and ``plan_part`` make (None outside a plan, or for
    a part this program does not know)."""
    for known in PLAN_PARTS:
        if plan and part == known:
            return PlanTag(plan, known)
    return None
