"""The debrief's content: findings grouped by phase and by rule, the duties left undone, and why
a day did not pass, all in words. The debrief scene and the command line lay it out; a trainer's
report can reuse it.

One explanation per rule, then each instance on its own line with its case and the right
answer: 26 form mistakes of one rule are one entry with 26 lines, not 26 paragraphs. Within a
phase, critical mistakes come first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from simulator.core.catalogue import RULES_BY_ID
from simulator.core.rules import Finding, Rule
from simulator.core.scoring import Duty, PhaseScore, Score
from simulator.core.state import World
from simulator.i18n import Catalog
from simulator.presenter import FindingText, finding_text
from simulator.presenter.cases import subject_name
from simulator.presenter.labels import ballot_name, target_name
from simulator.schema.types import Phase, Severity

_SEVERITY_RANK = {Severity.KRITIS: 0, Severity.BERAT: 1, Severity.RINGAN: 2}


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """Every instance of one rule broken in one phase."""

    rule: Rule
    severity: Severity
    instances: tuple[FindingText, ...]

    @property
    def first(self) -> FindingText:
        return self.instances[0]

    @property
    def points(self) -> int:
        return sum(i.points for i in self.instances)


@dataclass(frozen=True, slots=True)
class PhaseReport:
    phase: Phase
    score: PhaseScore
    undone: tuple[str, ...]  # duties left undone, in words
    groups: tuple[RuleGroup, ...]


def phase_reports(
    findings: Sequence[Finding],
    score: Score,
    duties: Mapping[Phase, Sequence[Duty]],
    world: World,
    cat: Catalog,
) -> list[PhaseReport]:
    """One report per phase played, in the order of the day."""
    reports = []
    for phase_score in score.phases:
        phase = phase_score.phase
        own = [f for f in findings if f.phase is phase]
        undone = tuple(
            duty_text(phase, d, world, cat) for d in duties.get(phase, ()) if not d.complete
        )
        reports.append(PhaseReport(phase, phase_score, undone, group_by_rule(own, world, cat)))
    return reports


def group_by_rule(
    findings: Sequence[Finding], world: World, cat: Catalog
) -> tuple[RuleGroup, ...]:
    """Findings gathered per rule: critical first, then major, then minor; within a severity,
    in the order they first happened."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule_id, []).append(finding)
    groups = [
        RuleGroup(
            RULES_BY_ID[rule_id],
            own[0].severity,
            tuple(finding_text(f, cat, world) for f in own),
        )
        for rule_id, own in by_rule.items()
    ]
    order = list(by_rule)
    groups.sort(key=lambda g: (_SEVERITY_RANK[g.severity], order.index(g.rule.id)))
    return tuple(groups)


def verdict_reasons(score: Score, cat: Catalog) -> list[str]:
    """Why the day did not pass, one sentence each; nothing when it passed."""
    if score.passed:
        return []
    reasons = []
    if score.critical:
        titles = sorted({cat(RULES_BY_ID[f.rule_id].key("title")) for f in score.critical})
        reasons.append(
            cat("debrief.reason.critical", count=len(score.critical), titles="; ".join(titles))
        )
    unfinished = [
        cat("debrief.reason.phase_share", phase=cat(f"phase.{p.phase.value}"),
            completion=p.completion)
        for p in score.failed_phases
        if not p.complete
    ]
    if unfinished:
        reasons.append(cat("debrief.reason.unfinished", phases="; ".join(unfinished)))
    for phase_score in score.failed_phases:
        if phase_score.complete and not phase_score.critical:
            phase = cat(f"phase.{phase_score.phase.value}")
            reasons.append(cat("debrief.reason.low", phase=phase, score=phase_score.score))
    if not reasons:
        reasons.append(cat("debrief.reason.overall", score=score.overall))
    return reasons


def duty_text(phase: Phase, duty: Duty, world: World, cat: Catalog) -> str:
    """An undone duty in words: "Voter Sri Rahayu not served", "DPR box: 12 of 43 counted"."""
    name, _, part = duty.id.partition(":")
    what = _duty_subject(name, part, world, cat)
    return cat.get(
        f"duty.{phase.value}.{name}", duty.id, what=what, done=duty.done, of=duty.of
    )


def _duty_subject(name: str, part: str, world: World, cat: Catalog) -> str:
    if not part:
        return ""
    if name == "inspect":
        return target_name(part, cat)
    if name in ("voter", "witness", "notice"):
        state = world.voters.get(part)
        if state is not None:
            return state.voter.name
        witness = next((w for w in world.scenario.witnesses if w.id == part), None)
        if witness is not None:
            return witness.name
        notice = next((n for n in world.scenario.undelivered_notices if n.id == part), None)
        return notice.name if notice is not None else part
    if name == "copies":
        return cat.get(f"label.recipient.{part}", part)
    if cat.has(f"ballot.{part}"):
        return ballot_name(part, cat)
    return subject_name(part, world, cat)
