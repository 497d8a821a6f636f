"""Delegated counting: the chair hands the rest of the open box to the careful crew, who rule
every remaining ballot rightly on the plano at the counting pace. It is the trainee's choice,
never a mistake; what the trainee ruled and what the crew ruled stay apart in the state, the
box's count is still announced first, and a day with a delegation replays byte for byte."""

from __future__ import annotations

from typing import Any

import pytest
from rulekit import (
    MIRROR_IN_MARGIN,
    PEMILU,
    ballot,
    count_box,
    describe,
    end_phase,
    pair,
    party,
    play,
    start,
    subjects,
    truth,
)

from simulator.core.actionlog import LogHeader, format_log, parse_log
from simulator.core.actions import IllegalAction
from simulator.core.engine import Simulation
from simulator.core.phases import penghitungan
from simulator.core.phases.penghitungan import (
    AnnounceBoxCount,
    DelegateCount,
    OpenBoxForCount,
    RuleBallot,
    delegated,
    ruled_by_trainee,
)
from simulator.core.replay import apply_log
from simulator.schema.types import BallotType

PPWP, DPR = BallotType.PPWP, BallotType.DPR
COUNT_NOT_ANNOUNCED = "penghitungan.jumlah_tidak_diumumkan"
NOT_SHOWN = "penghitungan.surat_suara_tidak_ditunjukkan"
NOT_FINISHED = "penghitungan.tidak_selesai"

# Six PPWP ballots, traps included (a V4 punch-through, two pairs, unsigned), and three DPR.
BOXES: list[dict[str, Any]] = [
    ballot("ppwp", pair(1)),
    ballot("ppwp", pair(2), MIRROR_IN_MARGIN),
    ballot("ppwp", pair(1), pair(2)),
    ballot("ppwp", pair(2), signed=False),
    ballot("ppwp", pair(2)),
    ballot("ppwp", pair(1)),
    ballot("dpr", party(1)),
    ballot("dpr", party(1), party(1, 2)),
    ballot("dpr", party(1), party(2)),
]


def counting() -> Simulation:
    return start(
        PEMILU,
        phases=["penghitungan"],
        counting_start={"dpt": {"men": 6}},
        ballots={"listed": BOXES},
    )


def opened(sim: Simulation, kind: BallotType = PPWP, *, announce: bool = True) -> set[str]:
    actions: list[Any] = [OpenBoxForCount(ballot=kind)]
    if announce:
        actions.append(AnnounceBoxCount(ballot=kind))
    return play(sim, actions)


def right_rulings(sim: Simulation, kind: BallotType) -> list[str]:
    """What every ballot of the ``kind`` box counts for, in the order they came out."""
    return [
        str(penghitungan.true_verdict(sim.world, b).counted_as)
        for b in sim.world.boxes[kind].contents
    ]


def delegate_offered(sim: Simulation) -> list[DelegateCount]:
    return [a for a in sim.allowed_actions() if isinstance(a, DelegateCount)]


# --- Fires / does not fire ------------------------------------------------------------------


@pytest.mark.parametrize("ruled_first", [0, 2], ids=["whole-box", "after-two-rulings"])
def test_delegating_the_rest_of_a_box_is_never_a_finding(ruled_first: int) -> None:
    sim = counting()
    found = opened(sim)
    for _ in range(ruled_first):
        found |= play(sim, [RuleBallot(verdict=truth(sim))])
    found |= play(sim, [DelegateCount(ballot=PPWP)])
    found |= count_box(sim, "dpr") | end_phase(sim)
    assert not found, f"delegating is the chair's choice, not a mistake: {describe(sim)}"


def test_the_crew_rules_every_remaining_ballot_rightly_and_finishes_the_box() -> None:
    sim = counting()
    opened(sim)
    play(sim, [RuleBallot(verdict="invalid")])  # the chair's own slip stays the chair's
    play(sim, [DelegateCount(ballot=PPWP)])
    counting_state = sim.world.counting
    right = right_rulings(sim, PPWP)
    assert counting_state.rulings[PPWP][1:] == right[1:], "the crew rules as the engine judges"
    assert counting_state.rulings[PPWP][0] == "invalid", "the trainee's ruling is kept as made"
    assert PPWP in counting_state.finished and counting_state.open_box is None
    assert counting_state.next_index[PPWP] == len(right)
    assert sum(counting_state.tally[PPWP].values()) == len(right), "every ballot is on the plano"
    assert ruled_by_trainee(sim.world) == {PPWP: 1}
    assert delegated(sim.world) == {PPWP: len(right) - 1}


def test_the_count_is_still_announced_before_the_crew_rules() -> None:
    sim = counting()
    found = opened(sim, announce=False) | play(sim, [DelegateCount(ballot=PPWP)])
    assert COUNT_NOT_ANNOUNCED in found, f"the box count comes first (§7.1 step 3): {found}"
    assert subjects(sim, COUNT_NOT_ANNOUNCED) == {"ppwp"}
    assert found == {COUNT_NOT_ANNOUNCED}, "the delegation itself is no finding"


def test_showing_ballots_still_applies_to_the_trainees_own_rulings() -> None:
    sim = counting()
    opened(sim)
    found = play(sim, [RuleBallot(verdict=truth(sim), shown=False)])
    found |= play(sim, [DelegateCount(ballot=PPWP)])
    assert NOT_SHOWN in found, f"the one ballot the chair did not show (M33): {found}"
    assert sim.world.counting.unshown[PPWP] == 1, "the crew shows every ballot it rules"


def test_the_crew_shows_every_ballot_it_rules() -> None:
    sim = counting()
    opened(sim)
    found = play(sim, [DelegateCount(ballot=PPWP)])
    assert NOT_SHOWN not in found and PPWP not in sim.world.counting.unshown


# --- What can be delegated ------------------------------------------------------------------


def test_a_box_cannot_be_delegated_before_it_is_open() -> None:
    sim = counting()
    assert not delegate_offered(sim), "no box is open yet"
    with pytest.raises(IllegalAction):
        sim.apply(DelegateCount(ballot=PPWP))
    opened(sim)
    assert delegate_offered(sim) == [DelegateCount(ballot=PPWP)], "only the open box"
    with pytest.raises(IllegalAction):
        sim.apply(DelegateCount(ballot=DPR))  # a box still locked
    play(sim, [DelegateCount(ballot=PPWP)])
    assert not delegate_offered(sim), "a box counted to the end has nothing left"
    with pytest.raises(IllegalAction):
        sim.apply(DelegateCount(ballot=PPWP))


def test_a_box_set_aside_half_counted_is_delegated_once_taken_up_again() -> None:
    sim = counting()
    opened(sim)
    play(sim, [RuleBallot(verdict=truth(sim)), OpenBoxForCount(ballot=DPR)])  # PPWP set aside
    with pytest.raises(IllegalAction):
        sim.apply(DelegateCount(ballot=PPWP))
    play(sim, [AnnounceBoxCount(ballot=DPR), DelegateCount(ballot=DPR)])
    play(sim, [OpenBoxForCount(ballot=PPWP), DelegateCount(ballot=PPWP)])
    found = end_phase(sim)
    assert NOT_FINISHED not in found, f"both boxes were counted to the end: {describe(sim)}"
    assert ruled_by_trainee(sim.world) == {PPWP: 1, DPR: 0}
    assert delegated(sim.world) == {PPWP: 5, DPR: 3}


# --- Time, replay and the digest ------------------------------------------------------------


def test_the_crew_counts_at_the_chairs_pace() -> None:
    by_hand, handed = counting(), counting()
    count_box(by_hand, "ppwp")
    opened(handed)
    play(handed, [RuleBallot(verdict=truth(handed)), DelegateCount(ballot=PPWP)])
    assert handed.world.clock == by_hand.world.clock, "counting takes the same time"
    assert handed.world.clock > counting().world.clock, "six ballots take two minutes"
    assert handed.world.counting.tally == by_hand.world.counting.tally
    assert handed.digest() != by_hand.digest(), "who ruled the ballots is part of the day"


def replayed(sim: Simulation) -> tuple[Simulation, str]:
    header = LogHeader(sim.world.scenario.id, "-", sim.world.seed, "1")
    text = format_log(header, sim.log)
    return apply_log(sim.world.scenario, parse_log(text)), text


def test_a_day_with_a_delegation_replays_byte_for_byte() -> None:
    live = counting()
    opened(live)
    play(live, [RuleBallot(verdict=truth(live)), DelegateCount(ballot=PPWP)])
    count_box(live, "dpr")
    end_phase(live)
    again, text = replayed(live)
    assert 'delegate_count {"ballot":"ppwp"}' in text, text
    assert again.digest() == live.digest(), "replaying the log gave another state"
    assert again.score() == live.score()
    assert format_log(LogHeader(live.world.scenario.id, "-", live.world.seed, "1"), again.log) == (
        text
    ), "the replayed log differs from the original"


def test_the_digest_of_a_delegated_day_is_stable() -> None:
    first, second = counting(), counting()
    for sim in (first, second):
        opened(sim)
        play(sim, [DelegateCount(ballot=PPWP)])
    assert first.digest() == second.digest(), "the same day digests the same"


def test_a_day_without_delegation_digests_as_before_delegation_existed() -> None:
    """The recorded playthroughs (tests/playthroughs) predate delegation and still confirm
    their digests (test_playthroughs); an empty record of delegations leaves no trace."""
    sim = counting()
    count_box(sim, "ppwp")
    before = sim.digest()
    sim.world.counting.delegated[PPWP] = 1
    assert sim.digest() != before, "a delegation, once made, is in the digest"
    sim.world.counting.delegated.clear()
    assert sim.digest() == before, "no delegation, no trace in the digest"


def test_the_crews_ballots_count_as_done_for_the_phases_duties() -> None:
    sim = counting()
    opened(sim)
    play(sim, [RuleBallot(verdict=truth(sim)), DelegateCount(ballot=PPWP)])
    count_box(sim, "dpr")
    duties = {duty.id: duty for duty in penghitungan.duties(sim.world)}
    assert (duties["box:ppwp"].done, duties["box:ppwp"].of) == (6, 6), duties
    end_phase(sim)
    phase = sim.score().phases[0]
    assert phase.complete and phase.passed and phase.score == 100, (
        f"a count with the rest delegated is complete and flawless: {phase}"
    )
