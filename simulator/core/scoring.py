"""The scoring model: what a score promises a trainee, and the verdict that goes with it.

A score is a promise that the day played would have gone as well on the real polling day.
So it measures two things, both per phase:

- **Duties done.** Every phase has work that must be done for the TPS to have a result: each
  box counted, each C.Hasil filled and signed, each voter who came served, each delivery item
  checked … (each phase module lists its own, ``duties(world)``). The share of that work done
  is the most a phase can score: a phase ended with nothing done scores 0, whatever else.
- **Mistakes.** Every finding costs the points of its rule (by severity, by default: critical
  20, major 8, minor 3; a scenario may change them). A duty left undone is also a finding,
  judged by what it causes on the real day: a box not counted or a result form not made
  means no result for that TPS, which is critical.

A phase's score is its share of duties done (0–100) less the points its findings cost, never
below 0. The day's score is the mean of its phases' scores, rounded half up.

**The verdict.** A phase passes when all its duties are done, it scores at least
:data:`PASS_MARK`, and it has no critical finding. The day passes when every phase passes and
the day scores at least :data:`PASS_MARK`: one critical mistake means "not passed" whatever
the points, and an empty, abandoned or skipped phase can never pass. The words for a verdict are
``verdict.<value>`` in the translation layer; the bands are defined here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

from simulator.core.rules import Finding
from simulator.schema.types import Phase

FULL_MARKS = 100
# The bar a trainer can call "ready": a phase's and the day's pass mark, and the quiz exam's.
PASS_MARK = 75
# A passed day at or above this is "very good" (and "flawless" with no finding at all).
VERY_GOOD_MARK = 90


@dataclass(frozen=True, slots=True)
class Duty:
    """One piece of work a phase exists to do, and how much of it was done.

    ``done`` of ``of`` units: most duties are one unit (done or not); a box being counted is
    as many units as it holds ballots, a C.Hasil as many as it has cells.
    """

    id: str
    done: int
    of: int = 1

    def __post_init__(self) -> None:
        if self.of < 1 or not 0 <= self.done <= self.of:
            raise ValueError(f"duty {self.id!r}: {self.done} of {self.of}")

    def __deepcopy__(self, memo: dict[int, object]) -> Duty:
        return self  # frozen and made of immutable values: a copy of the day shares it

    @property
    def complete(self) -> bool:
        return self.done == self.of


def completion_percent(duties: Sequence[Duty]) -> int:
    """The share of a phase's duties done, 0-100: each duty weighs the same, a partly done
    duty counts for its part; rounded half up. A phase with no duties listed has done none."""
    if not duties:
        return 0
    share = sum((Fraction(d.done, d.of) for d in duties), Fraction(0)) / len(duties)
    return _round_half_up(share * FULL_MARKS)


class Verdict(str, Enum):
    """The words a score earns, from best to worst (texts: ``verdict.<value>``)."""

    FLAWLESS = "flawless"  # passed, no finding at all
    VERY_GOOD = "very_good"  # passed, at least VERY_GOOD_MARK
    PASSED = "passed"  # passed
    NOT_YET = "not_yet"  # a phase or the day under PASS_MARK, no critical mistake
    CRITICAL = "critical"  # at least one critical mistake

    @property
    def passed(self) -> bool:
        return self in (Verdict.FLAWLESS, Verdict.VERY_GOOD, Verdict.PASSED)


@dataclass(frozen=True, slots=True)
class PhaseScore:
    phase: Phase
    score: int
    completion: int  # percent of the phase's duties done
    duties_done: int  # duties complete
    duties: int  # duties listed
    points_lost: int
    findings: int
    critical: int

    @property
    def complete(self) -> bool:
        """Every duty of the phase done."""
        return self.completion == FULL_MARKS and self.duties_done == self.duties

    @property
    def passed(self) -> bool:
        return self.complete and self.score >= PASS_MARK and not self.critical

    @property
    def verdict(self) -> Verdict:
        return _verdict(self.score, passed=self.passed, critical=self.critical > 0,
                        clean=self.findings == 0 and self.completion == FULL_MARKS)


@dataclass(frozen=True, slots=True)
class Score:
    phases: tuple[PhaseScore, ...]
    overall: int
    critical: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        """Ready for the real day: every phase passed, the day at least :data:`PASS_MARK`,
        and no critical mistake anywhere."""
        return (
            bool(self.phases)
            and self.overall >= PASS_MARK
            and not self.critical
            and all(p.passed for p in self.phases)
        )

    @property
    def verdict(self) -> Verdict:
        clean = all(p.findings == 0 and p.completion == FULL_MARKS for p in self.phases)
        return _verdict(self.overall, passed=self.passed, critical=bool(self.critical),
                        clean=clean)

    @property
    def failed_phases(self) -> tuple[PhaseScore, ...]:
        """The phases that keep the day from passing."""
        return tuple(p for p in self.phases if not p.passed)

    def as_json(self) -> dict[str, object]:
        return {
            "overall": self.overall,
            "passed": self.passed,
            "verdict": self.verdict.value,
            "phases": {
                p.phase.value: {
                    "score": p.score,
                    "completion": p.completion,
                    "duties_done": p.duties_done,
                    "duties": p.duties,
                    "points_lost": p.points_lost,
                    "findings": p.findings,
                    "critical": p.critical,
                    "passed": p.passed,
                }
                for p in self.phases
            },
            "critical": len(self.critical),
        }


def _verdict(score: int, *, passed: bool, critical: bool, clean: bool) -> Verdict:
    if critical:
        return Verdict.CRITICAL
    if not passed:
        return Verdict.NOT_YET
    if clean and score == FULL_MARKS:
        return Verdict.FLAWLESS
    return Verdict.VERY_GOOD if score >= VERY_GOOD_MARK else Verdict.PASSED


def score_day(
    findings: Iterable[Finding],
    phases: Sequence[Phase],
    duties: Mapping[Phase, Sequence[Duty]],
) -> Score:
    """Score a day from its findings and each phase's duties (a phase not reached has none
    listed, so it has done none of its work)."""
    findings = list(findings)
    per_phase: list[PhaseScore] = []
    for phase in phases:
        own = [f for f in findings if f.phase is phase]
        lost = sum(f.points for f in own)
        listed = duties.get(phase, ())
        completion = completion_percent(listed)
        per_phase.append(
            PhaseScore(
                phase=phase,
                score=max(0, completion - lost),
                completion=completion,
                duties_done=sum(1 for d in listed if d.complete),
                duties=len(listed),
                points_lost=lost,
                findings=len(own),
                critical=sum(1 for f in own if f.critical),
            )
        )
    total = sum(p.score for p in per_phase)
    overall = _round_half_up(Fraction(total, len(per_phase))) if per_phase else 0
    return Score(
        phases=tuple(per_phase),
        overall=overall,
        critical=tuple(f for f in findings if f.critical),
    )


def _round_half_up(value: Fraction) -> int:
    """Integer rounding, half up, so the same day gives the same score everywhere."""
    return int((value * 2 + 1) // 2)
