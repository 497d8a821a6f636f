"""Findings and rules as words: what the debrief, the command line and trainers' reports show.

Everything here reads the core's ids and parameters and the translation layer; nothing here
judges anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.catalogue import RULES_BY_ID
from simulator.core.rules import Finding, Rule
from simulator.core.state import World
from simulator.i18n import Catalog
from simulator.presenter.cases import case_text, display_params, right_text
from simulator.schema.clock import format_minutes


@dataclass(frozen=True, slots=True)
class FindingText:
    time: str
    severity: str
    rule_id: str
    subject: str | None
    title: str
    explanation: str
    consequence: str
    consequences: tuple[str, ...]
    regulation: str
    mistakes: tuple[str, ...]
    points: int
    case: str = ""  # who or what, with the facts that made it a mistake
    right: str = ""  # what was right for this case


def rule_title(rule: Rule, cat: Catalog) -> str:
    return cat(rule.key("title"))


def finding_text(finding: Finding, cat: Catalog, world: World | None = None) -> FindingText:
    """A finding in words; with the ``world`` it happened in, also its case and the right
    answer for that case."""
    rule = RULES_BY_ID[finding.rule_id]
    params = finding.param_dict()
    shown = display_params(params, cat)
    case = right = ""
    if world is not None:
        case = case_text(rule.id, finding.subject, params, world, cat)
        right = right_text(rule.id, finding.subject, params, world, cat)
    return FindingText(
        time=format_minutes(finding.at),
        severity=cat(f"severity.{finding.severity.value}"),
        rule_id=rule.id,
        subject=finding.subject,
        title=_safe(cat, rule.key("title"), shown),
        explanation=_safe(cat, rule.key("explanation"), shown),
        consequence=_safe(cat, rule.key("consequence"), shown),
        consequences=tuple(cat(f"consequence.{c.value}") for c in finding.consequences),
        regulation=rule.basis(world.scenario.election if world is not None else None),
        mistakes=rule.mistakes,
        points=finding.points,
        case=case,
        right=right,
    )


def _safe(cat: Catalog, key: str, params: dict[str, str]) -> str:
    """A text with the finding's figures; a text that uses none ignores them."""
    try:
        return cat(key, **params)
    except (KeyError, IndexError):
        return cat(key)
