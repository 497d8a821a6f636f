"""Tiny scenarios and a few verbs for rule tests: build, start at a phase, act, read findings.

Every rule test follows one pattern (STYLE.md: a "fires" and a "does not fire" case for every
rule, from tiny data fixtures)::

    sim = start(PEMILU, phases=["pembukaan"])
    found = play(sim, without(careful(sim), TakeOath)) | end_phase(sim)
    assert "pembukaan.sumpah_tidak_dilakukan" in found, f"... {found}"

Scenarios are plain dicts (so a test can say exactly what differs) validated with
``Scenario.model_validate``. They are as small as the rule allows: one or two contests, a
DPT of ten, fictional names only. Every rule of the catalogue is switched on, so a test never
misses a finding because a scenario's scoring left it out.

Imported from the tests as ``from rulekit import ...``: pytest's default (prepend) import mode
puts ``tests/`` on ``sys.path``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from simulator.core.actions import Action, EndPhase, RespondToEvent
from simulator.core.careful import CarefulCrew
from simulator.core.catalogue import RULES
from simulator.core.engine import Simulation
from simulator.core.phases import penghitungan
from simulator.core.rules import Finding
from simulator.schema.scenario import Scenario
from simulator.schema.types import BallotType

ALL_RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)

# --- Tiny scenarios -----------------------------------------------------------------------

_TEXT = {"id": "Skenario uji aturan.", "en": "A rule-test scenario."}

# A Pemilu TPS with a DPT of ten (reserve: ceil(2% of 10) = 1, so 11 ballots per type) and
# two contests: the PPWP ballot (two pairs) and a DPR ballot (two parties).
PEMILU: dict[str, Any] = {
    "id": "uji-pemilu",
    "title": _TEXT,
    "description": _TEXT,
    "election": "pemilu2024",
    "phases": ["logistik"],
    "tps": {
        "number": 9,
        "village": "Desa Waringin Jaya",
        "subdistrict": "Kecamatan Bukit Sunyi",
        "regency": "Kabupaten Lembah Kabut",
        "province": "Provinsi Teluk Senja",
        "districts": {
            "province": "Provinsi Teluk Senja",
            "kabko": "Kabupaten Lembah Kabut",
            "dpr": "Teluk Senja I",
            "dprd_prov": "Teluk Senja 2",
            "dprd_kabko": "Lembah Kabut 3",
        },
        "dpt": {"men": 5, "women": 5},
    },
    "parties": [
        {"number": 1, "code": "PSB", "name": "Partai Sinar Bahari"},
        {"number": 2, "code": "Rimba", "name": "Partai Rimba Raya"},
    ],
    "contests": [
        {
            "ballot": "ppwp",
            "pairs": [
                {"number": 1, "head": "Arya Kelana", "deputy": "Banyu Segara", "parties": [1]},
                {"number": 2, "head": "Candra Wulan", "deputy": "Dimas Prayoga", "parties": [2]},
            ],
        },
        {
            "ballot": "dpr",
            "slates": [
                {
                    "party": 1,
                    "candidates": [
                        {"number": 1, "name": "Elang Samudra"},
                        {"number": 2, "name": "Fitri Anggun", "sex": "P"},
                    ],
                },
                {"party": 2, "candidates": [{"number": 1, "name": "Guntur Bayu"}]},
            ],
        },
    ],
}

# A Pilkada TPS with a DPT of ten (reserve: ceil(2.5% of 10) = 1): a single-pair Gubernur race
# (so the ballot has a kolom kosong) and a two-pair Bupati race.
PILKADA: dict[str, Any] = {
    "id": "uji-pilkada",
    "title": _TEXT,
    "description": _TEXT,
    "election": "pilkada2024",
    "phases": ["logistik"],
    "tps": {
        "number": 4,
        "village": "Kelurahan Tanjung Embun",
        "subdistrict": "Kecamatan Padang Ilalang",
        "regency": "Kabupaten Batu Berlumut",
        "province": "Provinsi Laut Biru Utara",
        "districts": {"province": "Provinsi Laut Biru Utara", "kabko": "Kabupaten Batu Berlumut"},
        "dpt": {"men": 5, "women": 5},
    },
    "parties": [
        {"number": 1, "code": "PKT", "name": "Partai Karang Teguh"},
        {"number": 2, "code": "Embun", "name": "Partai Embun Pagi"},
    ],
    "contests": [
        {
            "ballot": "gubernur",
            "pairs": [{"number": 1, "head": "Hasta Wira", "deputy": "Intan Sari", "parties": [1]}],
        },
        {
            "ballot": "bupati",
            "pairs": [
                {"number": 1, "head": "Jaya Pranata", "deputy": "Kirana Dewi", "parties": [1]},
                {"number": 2, "head": "Laras Ayu", "deputy": "Mahesa Putra", "parties": [2]},
            ],
        },
    ],
}

# A witness with a written mandate, present from 06:30 (the scenario default).
WITNESS: dict[str, Any] = {"id": "saksi-1", "name": "Nanda Permana", "represents": "Pasangan 1"}

# A DPT voter with the notice and a KTP-el, already waiting at 06:50.
VOTER: dict[str, Any] = {
    "id": "v1",
    "name": "Putri Handayani",
    "sex": "P",
    "age": 40,
    "registered": "dpt",
    "arrives": "06:50",
    "documents": [{"kind": "c_pemberitahuan"}, {"kind": "ktp_el"}],
}


def merged(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` laid over it: mappings merge key by key, anything else
    (lists included) is replaced. ``base`` is never modified."""
    result = copy.deepcopy(dict(base))
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def scenario(base: Mapping[str, Any] = PEMILU, **changes: Any) -> Scenario:
    """A validated scenario: ``base`` with ``changes``, every catalogue rule switched on."""
    data = merged(base, changes)
    data.setdefault("scoring", {})["enable"] = list(ALL_RULE_IDS)
    return Scenario.model_validate(data)


def ballot(kind: str, *marks: Mapping[str, Any], **fields: Any) -> dict[str, Any]:
    """A used ballot of ``kind`` with ``marks`` (see :func:`pair`, :func:`kosong`,
    :func:`party`); ``fields`` such as ``signed=False`` or ``district="..."``."""
    return {"ballot": kind, "marks": [dict(m) for m in marks], **fields}


def pair(number: int, **where: Any) -> dict[str, Any]:
    """A mark in a pair's column; ``where``: ``place="border"``, ``mirror=True``..."""
    return {"pair": number, **where}


def kosong(**where: Any) -> dict[str, Any]:
    """A mark in the empty column of a single-pair Pilkada race."""
    return {"kosong": True, **where}


def party(number: int, candidate: int | None = None, **where: Any) -> dict[str, Any]:
    """A mark in a party box of a DPR/DPRD ballot: the party column, or a candidate's row."""
    mark: dict[str, Any] = {"party": number, **where}
    if candidate is not None:
        mark["candidate"] = candidate
    return mark


# The mirror hole of a ballot punched while folded, in the blank margin (V4, HANDBOOK §7.3).
MIRROR_IN_MARGIN: dict[str, Any] = {"place": "outside", "mirror": True}


def start(
    base: Mapping[str, Any] = PEMILU, *, phases: Iterable[str] | None = None, **changes: Any
) -> Simulation:
    """A simulation of ``base`` (with ``changes``) starting at the first of ``phases``.

    Phases before the first one are taken as done by a careful crew (``core.setup``): start at
    ``penghitungan`` and the boxes hold the scenario's listed ballots, the attendance is its
    ``counting_start``.
    """
    if phases is not None:
        changes["phases"] = list(phases)
    return Simulation.start(scenario(base, **changes))


# --- Acting and reading findings ----------------------------------------------------------


def play(sim: Simulation, actions: Iterable[Action]) -> set[str]:
    """Apply ``actions`` one by one (a generator sees the world after each) and return the ids
    of the rules they broke."""
    found: set[str] = set()
    for action in actions:
        found |= {f.rule_id for f in sim.apply(action).findings}
    return found


def end_phase(sim: Simulation) -> set[str]:
    """End the phase being played; return the ids of what was judged left undone."""
    return play(sim, [EndPhase()])


def findings(sim: Simulation, rule_id: str) -> list[Finding]:
    """Every finding of ``rule_id`` so far, with its subject and parameters."""
    return [f for f in sim.findings if f.rule_id == rule_id]


def subjects(sim: Simulation, rule_id: str) -> set[str | None]:
    """The subjects of every finding of ``rule_id`` so far."""
    return {f.subject for f in findings(sim, rule_id)}


def describe(sim: Simulation) -> list[str]:
    """Findings as ``rule (subject)`` lines, for failure messages."""
    return [f"{f.rule_id} ({f.subject})" for f in sim.findings]


# --- The careful crew, and deviations from it ------------------------------------------------


def careful(sim: Simulation) -> Iterator[Action]:
    """The careful crew's actions for the phase being played, computed as they are applied."""
    phase = sim.world.phase
    assert phase is not None, "the day is over"
    return CarefulCrew(sim).phase_actions(phase)


def without(
    actions: Iterable[Action], *drop: type[Action] | Callable[[Action], bool]
) -> Iterator[Action]:
    """``actions`` minus those of the given classes or matching the given predicates."""
    for action in actions:
        if not any(isinstance(action, d) if isinstance(d, type) else d(action) for d in drop):
            yield action


def replacing(
    actions: Iterable[Action],
    match: type[Action] | Callable[[Action], bool],
    by: Callable[[Action], Action | Iterable[Action] | None],
) -> Iterator[Action]:
    """``actions`` with each match replaced by ``by(action)``: one action, several, or none."""
    for action in actions:
        hit = isinstance(action, match) if isinstance(match, type) else match(action)
        if not hit:
            yield action
            continue
        replacement = by(action)
        if replacement is None:
            continue
        if isinstance(replacement, Action):
            yield replacement
        else:
            yield from replacement


def respond(sim: Simulation, event: int, response: str) -> set[str]:
    """Answer event number ``event`` (its index in the scenario's ``events``)."""
    return play(sim, [RespondToEvent(event=event, response=response)])


# --- Counting ---------------------------------------------------------------------------------


def truth(sim: Simulation) -> str:
    """The right ruling of the ballot the chair is about to show (``pair:1``, ``invalid``...)."""
    current = penghitungan.current_ballot(sim.world)
    assert current is not None, "no ballot is waiting to be ruled"
    return str(penghitungan.true_verdict(sim.world, current).counted_as)


def count_box(sim: Simulation, ballot_type: str) -> set[str]:
    """Open one box, announce its count and rule every ballot in it rightly; return the ids of
    the rules broken (by opening it out of order, say)."""
    kind = BallotType(ballot_type)
    found = play(
        sim,
        [penghitungan.OpenBoxForCount(ballot=kind), penghitungan.AnnounceBoxCount(ballot=kind)],
    )
    while sim.world.counting.open_box is kind:
        found |= play(sim, [penghitungan.RuleBallot(verdict=truth(sim))])
    return found
