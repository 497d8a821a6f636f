"""Penutupan (HANDBOOK §6; MISTAKES M31, M33): after the last voter, the unused ballots are
counted and crossed, the attendance lists totalled and the counting area set up in public.

The scenarios start at the closing (13:00) with three DPT voters having voted, so eight of the
eleven ballots of each type are left unused."""

from __future__ import annotations

from typing import Any

import pytest
from rulekit import (
    PEMILU,
    PILKADA,
    ballot,
    careful,
    describe,
    end_phase,
    findings,
    pair,
    party,
    play,
    replacing,
    start,
    subjects,
    without,
)

from simulator.core.actions import Action
from simulator.core.engine import Simulation
from simulator.core.phases.penutupan import (
    ArrangeCountingArea,
    CountDisabledVoters,
    CountUnused,
    CrossUnused,
    TotalAttendance,
)
from simulator.schema.types import BallotType

UNUSED_NOT_COUNTED = "penutupan.sisa_surat_suara_tidak_dihitung"
UNUSED_NOT_CROSSED = "penutupan.sisa_surat_suara_tidak_disilang"
ATTENDANCE_NOT_TOTALLED = "penutupan.kehadiran_tidak_direkap"
DISABLED_NOT_COUNTED = "penutupan.pemilih_disabilitas_tidak_dihitung"
COUNTING_HIDDEN = "penutupan.tempat_hitung_tidak_terbuka"

THREE_VOTED = {"dpt": {"men": 2, "women": 1}, "disabled": {"men": 1}}


def closing(base: dict[str, Any] = PEMILU) -> Simulation:
    """Three voters have voted; each box holds their three ballots."""
    first, second = (c["ballot"] for c in base["contests"])
    second_mark = party(1) if second == "dpr" else pair(2)
    used = [ballot(first, pair(1)) for _ in range(3)] + [ballot(second, second_mark)] * 3
    return start(base, phases=["penutupan"], counting_start=THREE_VOTED, ballots={"listed": used})


@pytest.mark.parametrize("base", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_careful_closing_finds_nothing(base: dict[str, Any]) -> None:
    sim = closing(base)
    assert sim.world.stocks[sim.world.ballot_types[0]].remaining == 8, "11 received, 3 used"
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"a careful closing is flawless, found {describe(sim)}"


@pytest.mark.parametrize(
    ("step", "rule_id"),
    [(CountUnused, UNUSED_NOT_COUNTED), (CrossUnused, UNUSED_NOT_CROSSED)],
    ids=["unused-not-counted", "unused-not-crossed"],
)
def test_leftover_ballots_left_alone_are_flagged_per_type(step: type[Action], rule_id: str) -> None:
    sim = closing()
    found = play(sim, without(careful(sim), lambda a: a == step(ballot=BallotType.DPR)))
    found |= end_phase(sim)
    assert rule_id in found, f"the 8 unused DPR ballots skipped {step.__name__}: {found}"
    assert subjects(sim, rule_id) == {"dpr"}, "only the DPR ballots are named"
    (finding,) = findings(sim, rule_id)
    assert finding.param_dict() == {"unused": 8}, "the finding tells how many were left"


@pytest.mark.parametrize("rule_id", [UNUSED_NOT_COUNTED, UNUSED_NOT_CROSSED])
def test_leftover_ballots_counted_and_crossed_are_not_flagged(rule_id: str) -> None:
    sim = closing()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert rule_id not in found, f"every type was counted and crossed: {found}"


@pytest.mark.parametrize(
    ("step", "rule_id"),
    [(TotalAttendance, ATTENDANCE_NOT_TOTALLED), (CountDisabledVoters, DISABLED_NOT_COUNTED)],
    ids=["attendance-not-totalled", "disabled-voters-not-counted"],
)
def test_a_closing_tally_skipped_is_flagged(step: type[Action], rule_id: str) -> None:
    sim = closing()
    found = play(sim, without(careful(sim), step)) | end_phase(sim)
    assert rule_id in found, f"skipping {step.__name__} must be flagged (§6 step 4): {found}"


@pytest.mark.parametrize("rule_id", [ATTENDANCE_NOT_TOTALLED, DISABLED_NOT_COUNTED])
def test_closing_tallies_done_are_not_flagged(rule_id: str) -> None:
    sim = closing()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert rule_id not in found, f"the attendance lists were totalled: {found}"


def test_a_counting_area_out_of_public_view_is_flagged_at_once() -> None:
    sim = closing()
    hidden = replacing(
        careful(sim), ArrangeCountingArea, lambda a: ArrangeCountingArea(public=False)
    )
    found = play(sim, hidden)
    assert COUNTING_HIDDEN in found, f"counting must be visible to all (§7.1 step 5): {found}"


def test_a_counting_area_never_set_up_is_flagged() -> None:
    sim = closing()
    found = play(sim, without(careful(sim), ArrangeCountingArea)) | end_phase(sim)
    assert COUNTING_HIDDEN in found, f"the counting area was never set up: {found}"


def test_a_public_counting_area_is_not_flagged() -> None:
    sim = closing()
    found = play(sim, careful(sim)) | end_phase(sim)
    assert COUNTING_HIDDEN not in found, f"the counting area is in public view: {found}"
