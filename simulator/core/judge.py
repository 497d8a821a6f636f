"""The context a phase applies an action in: the world, and a place to record findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from simulator.core.rules import Finding, Rule, StepResult
from simulator.core.state import World


@dataclass(frozen=True, slots=True)
class ScoringTable:
    """Which rules are scored in this scenario, and for how many points."""

    points: dict[str, int]  # rule id → points lost; a rule absent here is not scored

    def scored(self, rule: Rule) -> bool:
        return rule.id in self.points


@dataclass(slots=True)
class Judge:
    """Handed to phase code for one action: read the world, change it, flag findings."""

    world: World
    scoring: ScoringTable
    result: StepResult

    def flag(self, rule: Rule, subject: str | None = None, **params: Any) -> None:
        """Record that ``rule`` was broken, unless this scenario does not score it."""
        points = self.scoring.points.get(rule.id)
        if points is None:
            return
        # Scored in the phase being played, which is where the trainee made the mistake.
        phase = self.world.phase or rule.phase
        self.result.findings.append(
            Finding(
                rule_id=rule.id,
                phase=phase,
                severity=rule.severity,
                points=points,
                at=self.world.clock,
                subject=subject,
                params=tuple(sorted(params.items())),
                consequences=rule.consequences,
            )
        )

    def emit(self, name: str, **params: Any) -> None:
        """Tell the scene something happened (a voter arrived, an event fired)."""
        self.result.events.append((name, params))
