"""What a rule is, and what breaking one produces.

A rule is data: an id, the phase it belongs to, a severity, the points it costs, the regulation
it comes from and the MISTAKES.md entries it catches. Its title, explanation and consequence
live in the translation layer under ``rule.<id>.*``; the core hands out ids and parameters,
never display text.

Where a rule comes from is said twice, for two readers. ``regulation`` is the public citation
trainees see on every screen and in both languages: law, regulation and guide names with their
article numbers, nothing else (a qualifier such as "as reported" belongs in the translated
explanation). ``handbook`` points trainers and tests to the sections of the implementers'
handbook (shared/domain/HANDBOOK.md) the rule was encoded from; it is never shown to trainees.
Where the handbook gives the Pilkada's own law for a rule that also runs in the Pilkada
(UU 10/2016, PKPU 17/2024 in place of UU 7/2017, PKPU 25/2023), ``regulation_pilkada`` holds
it, and :meth:`Rule.basis` picks the one for the election played. ``confidence`` is the
handbook's grade of that basis (H, M or L), shown to trainers only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.schema.types import Consequence, ElectionType, Phase, Severity

DEFAULT_POINTS: dict[Severity, int] = {Severity.KRITIS: 20, Severity.BERAT: 8, Severity.RINGAN: 3}


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    phase: Phase
    severity: Severity
    regulation: str  # the public citation: "PKPU 25/2023 Pasal 53; Kep. KPU 66/2024"
    mistakes: tuple[str, ...]
    consequences: tuple[Consequence, ...] = ()
    points: int | None = None  # None: the default for its severity
    scored_by_default: bool = True  # False for points the handbook marks (L) or lists in §15
    confidence: str = "H"  # H, M or L, as the handbook grades its source
    # Why the severity differs from the MISTAKES.md entries the rule catches, when it does
    # (the rule catches a lesser or a graver side of the mistake); for trainers and tests.
    severity_note: str = ""
    # The public citation in the Pilkada, where the handbook gives a different law; "" when
    # ``regulation`` holds for both elections (or the handbook gives no Pilkada basis).
    regulation_pilkada: str = ""
    # The HANDBOOK.md sections the rule was encoded from ("§7.1 step 2"): trainers' only.
    handbook: str = field(kw_only=True)

    @property
    def cost(self) -> int:
        return DEFAULT_POINTS[self.severity] if self.points is None else self.points

    def basis(self, election: ElectionType | None = None) -> str:
        """The public citation for ``election``; with no election, the Pemilu's."""
        if election is ElectionType.PILKADA_2024 and self.regulation_pilkada:
            return self.regulation_pilkada
        return self.regulation

    def key(self, part: str) -> str:
        """The translation key of one of this rule's texts: title, explanation, consequence."""
        return f"rule.{self.id}.{part}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule, as it happened: when, about whom, with what figures."""

    rule_id: str
    phase: Phase
    severity: Severity
    points: int
    at: int  # minutes since midnight of polling day
    subject: str | None = None  # a voter, ballot type, item or event the finding is about
    params: tuple[tuple[str, Any], ...] = ()
    consequences: tuple[Consequence, ...] = ()

    @property
    def critical(self) -> bool:
        return self.severity is Severity.KRITIS

    def param_dict(self) -> dict[str, Any]:
        return dict(self.params)

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "phase": self.phase.value,
            "severity": self.severity.value,
            "points": self.points,
            "at": self.at,
            "subject": self.subject,
            "params": {key: _plain(value) for key, value in self.params},
            "consequences": [c.value for c in self.consequences],
        }


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


@dataclass(slots=True)
class StepResult:
    """What applying one action produced: findings now, and events for the scene to show."""

    findings: list[Finding] = field(default_factory=list)
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def points_lost(self) -> int:
        return sum(f.points for f in self.findings)
