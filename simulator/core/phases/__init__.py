"""One module per phase of the polling day, each owning its actions, rules and judgement.

A phase module exposes:

- ``PHASE``: the :class:`~simulator.schema.types.Phase` it plays;
- ``ACTIONS``: the action classes only this phase accepts;
- ``RULES``: the rules it judges;
- ``apply(action, judge)``: change the world for one of its actions and flag what was wrong;
- ``finish(judge)``: when the phase ends, flag what was left undone;
- ``allowed(world)``: concrete actions that are possible now (for scenes and property tests);
- ``duties(world)``: the work the phase exists to do, and how much of it is done (its score
  is measured on this: see ``simulator.core.scoring``).

Rules that span phases (timed events, special-event records) live in ``incidents``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from simulator.core.actions import Action
from simulator.core.judge import Judge
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.state import World
from simulator.schema.types import Phase


class PhaseModule(Protocol):
    PHASE: Phase
    ACTIONS: tuple[type[Action], ...]
    RULES: tuple[Rule, ...]
    apply: Callable[[Action, Judge], None]
    finish: Callable[[Judge], None]
    allowed: Callable[[World], Sequence[Action]]
    duties: Callable[[World], Sequence[Duty]]
