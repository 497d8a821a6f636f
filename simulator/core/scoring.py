"""Scores: 100 per phase minus the points its findings cost, and the mean of played phases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from simulator.core.rules import Finding
from simulator.schema.types import Phase

FULL_MARKS = 100
# The bar a trainer can call "ready": the debrief's verdict, and the quiz exam's pass mark.
PASS_MARK = 75


@dataclass(frozen=True, slots=True)
class PhaseScore:
    phase: Phase
    score: int
    points_lost: int
    findings: int
    critical: int


@dataclass(frozen=True, slots=True)
class Score:
    phases: tuple[PhaseScore, ...]
    overall: int
    critical: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        """Ready for the real day: at least :data:`PASS_MARK`, and no critical error."""
        return self.overall >= PASS_MARK and not self.critical

    def as_json(self) -> dict[str, object]:
        return {
            "overall": self.overall,
            "phases": {
                p.phase.value: {
                    "score": p.score,
                    "points_lost": p.points_lost,
                    "findings": p.findings,
                    "critical": p.critical,
                }
                for p in self.phases
            },
            "critical": len(self.critical),
        }


def score_findings(findings: Iterable[Finding], phases: Sequence[Phase]) -> Score:
    findings = list(findings)
    per_phase: list[PhaseScore] = []
    for phase in phases:
        own = [f for f in findings if f.phase is phase]
        lost = sum(f.points for f in own)
        per_phase.append(
            PhaseScore(
                phase=phase,
                score=max(0, FULL_MARKS - lost),
                points_lost=lost,
                findings=len(own),
                critical=sum(1 for f in own if f.critical),
            )
        )
    # Integer rounding, half up, so the same findings give the same score everywhere.
    total = sum(p.score for p in per_phase)
    overall = (2 * total + len(per_phase)) // (2 * len(per_phase)) if per_phase else FULL_MARKS
    return Score(
        phases=tuple(per_phase),
        overall=overall,
        critical=tuple(f for f in findings if f.critical),
    )
