"""Whatever a rule judges is on screen where the trainee acts (docs/VISIBILITY.md).

The audit in docs/VISIBILITY.md names, for every rule of the catalogue, the facts it judges;
``tests/visibility.py`` has a probe per fact that puts the screen in a state holding the fact
and names the words that must be shown. A rule missing from the audit, or a fact without a
probe, fails; a fact whose row is marked as a gap is expected to fail until it is fixed (then
the row must say so).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.core.catalogue import RULES
from tests.visibility import PROBES

AUDIT = Path(__file__).resolve().parents[1] / "docs" / "VISIBILITY.md"
ROW = re.compile(r"^\| `(?P<rule>[a-z_]+\.[a-z0-9_]+)` \|(?P<rest>.*)\|\s*$")
FACT = re.compile(r"`([a-z_]+\.[a-z_]+)`")


def audit() -> dict[str, tuple[list[str], str]]:
    """rule id → (facts, status) from the audit's table."""
    rows: dict[str, tuple[list[str], str]] = {}
    for line in AUDIT.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match is None:
            continue
        cells = [c.strip() for c in match["rest"].split("|")]
        assert len(cells) == 4, f"a row has phase, facts, where, status: {line}"
        rule = match["rule"]
        assert rule not in rows, f"{rule} is audited twice"
        rows[rule] = (FACT.findall(cells[1]), cells[3])
    return rows


ROWS = audit()


def gap_facts() -> set[str]:
    """Facts only rows marked as a gap use (not yet on screen)."""
    shown = {f for facts, status in ROWS.values() if not status.startswith("gap") for f in facts}
    gaps = {f for facts, status in ROWS.values() if status.startswith("gap") for f in facts}
    return gaps - shown


def test_every_rule_of_the_catalogue_is_audited() -> None:
    catalogue = {rule.id for rule in RULES}
    missing = sorted(catalogue - set(ROWS))
    stale = sorted(set(ROWS) - catalogue)
    assert not missing, f"rules with no row in docs/VISIBILITY.md: {missing}"
    assert not stale, f"rows for rules the catalogue no longer has: {stale}"


def test_every_audited_fact_has_a_probe_and_every_probe_a_fact() -> None:
    named = {fact for facts, _ in ROWS.values() for fact in facts}
    without = sorted(named - set(PROBES))
    unused = sorted(set(PROBES) - named)
    assert not without, f"facts the audit names with no probe in tests/visibility.py: {without}"
    assert not unused, f"probes of facts no rule uses: {unused}"
    empty = sorted(rule for rule, (facts, _) in ROWS.items() if not facts)
    assert not empty, f"rows that name no fact: {empty}"


def _cases() -> list[object]:
    gaps = gap_facts()
    cases = []
    for fact in sorted(PROBES):
        phase, _ = PROBES[fact]
        for lang in ("id", "en"):
            marks = []
            if fact in gaps:
                marks.append(pytest.mark.xfail(strict=True, reason="audited as a gap"))
            where = phase.value if phase else "dialog"
            cases.append(pytest.param(fact, lang, id=f"{where}:{fact}:{lang}", marks=marks))
    return cases


@pytest.mark.slow
@pytest.mark.parametrize(("fact", "lang"), _cases())
def test_the_fact_is_on_screen_where_the_trainee_acts(fact: str, lang: str) -> None:
    _, look_at = PROBES[fact]
    look = look_at(lang)
    missing = look.missing()
    assert not missing, f"{fact} ({lang}): the screen does not show {missing}" + (
        f" at {look.min_px} px or more" if look.min_px else ""
    )
