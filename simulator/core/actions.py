"""What a trainee can do, as typed, frozen records that cross into logs and tests.

Every action has a ``kind`` (its name in the action log). Phase-specific actions live in their
phase module (``simulator/core/phases/*.py``); this module holds the base class and the actions
that belong to every phase. The closed union of all actions is built in
``simulator.core.catalogue``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from simulator.schema.clock import GameTime


class Action(BaseModel):
    """Base of every action: immutable, and an unknown field is a programmer error."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: str

    def params(self) -> dict[str, object]:
        """The action's fields other than ``kind``, as plain JSON-ready values."""
        return self.model_dump(mode="json", exclude={"kind"}, exclude_defaults=True)


class AdvanceClock(Action):
    """Let time pass until ``to`` (the queue fills, events happen)."""

    kind: Literal["advance_clock"] = "advance_clock"
    to: GameTime


class EndPhase(Action):
    """Declare the current phase done; what was left undone is judged now."""

    kind: Literal["end_phase"] = "end_phase"


class RecordSpecialEvent(Action):
    """Write an entry in the Model C.Kejadian Khusus dan/atau Keberatan form."""

    kind: Literal["record_event"] = "record_event"
    topic: str = Field(min_length=1, max_length=40)
    subject: str | None = Field(None, max_length=64)


class InformPtps(Action):
    """Tell the Pengawas TPS about a matter (a refused voter, an incident)."""

    kind: Literal["inform_ptps"] = "inform_ptps"
    subject: str = Field(min_length=1, max_length=64)


class InformPps(Action):
    """Report a matter to the PPS (a ballot shortage, a move of the TPS, Sirekap failing), by
    telephone or messenger; the PPS takes it up to the PPK and the KPU Kab/Kota."""

    kind: Literal["inform_pps"] = "inform_pps"
    subject: str = Field(min_length=1, max_length=64)


class RespondToEvent(Action):
    """Answer something that happened (an objection, an incident) with one of its responses."""

    kind: Literal["respond"] = "respond"
    event: int = Field(ge=0)
    response: str = Field(min_length=1, max_length=40)


COMMON_ACTIONS: tuple[type[Action], ...] = (
    AdvanceClock,
    EndPhase,
    RecordSpecialEvent,
    InformPtps,
    InformPps,
    RespondToEvent,
)


class IllegalAction(ValueError):
    """An action that cannot happen in this state: a bug in whatever produced it.

    A trainee's *wrong* action is never illegal: it is applied and judged. Illegal means
    impossible, such as admitting a voter who has not arrived or ruling a ballot with no box
    open. Scenes offer only what ``allowed_actions`` lists, so they never raise this.
    """
