"""Build the world at the start of the first played phase, from a scenario and a seed.

When a scenario starts later in the day (say, at counting), the phases before it are taken as
done by a careful crew: logistics checked and reported, the TPS opened on time, and the
figures of the day as the scenario's ``counting_start`` describes them.
"""

from __future__ import annotations

from simulator.core.ballot_gen import draw_ballots
from simulator.core.domain import EXPECTED_ITEMS, PHASE_START, expected_ballots
from simulator.core.packing import scenario_map
from simulator.core.state import (
    BallotStock,
    Box,
    EventState,
    VoterState,
    WitnessState,
    World,
)
from simulator.schema.ballot import Ballot
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import BallotGenerator, Item, Scenario
from simulator.schema.types import BallotType, Phase


def build_world(scenario: Scenario, seed: int | None = None) -> World:
    """A fresh world for ``scenario``; ``seed`` overrides the scenario's own."""
    first = scenario.phases[0]
    world = World(
        scenario=scenario,
        seed=scenario.seed if seed is None else seed,
        rngs={},
        clock=PHASE_START[first],
        phases=tuple(scenario.phases),
        phase_index=0,
        stocks=_stocks(scenario),
        boxes=_boxes(scenario),
        items_expected=_items_expected(scenario),
        items_delivered={},
        packing=scenario_map(scenario),
    )
    world.items_delivered = {
        item: scenario.logistics.delivered.get(Item(item), quantity)
        for item, quantity in world.items_expected.items()
    }
    world.witnesses = {
        w.id: WitnessState(w.id, to_minutes(w.arrives), w.mandate, w.attributes)
        for w in scenario.witnesses
    }
    world.events = [
        EventState(i, to_minutes(e.at), e.kind.value, e.ballot, e.claim_valid)
        for i, e in enumerate(scenario.events)
    ]
    _add_voters(world)
    world.pending_ballots = _listed_ballots(scenario)
    _fast_forward(world, first)
    return world


def _stocks(scenario: Scenario) -> dict[BallotType, BallotStock]:
    dpt = scenario.tps.dpt.total
    stocks: dict[BallotType, BallotStock] = {}
    for ballot in scenario.ballot_types:
        packet = scenario.logistics.ballots.get(ballot)
        expected = expected_ballots(dpt, scenario.election)
        stocks[ballot] = BallotStock(
            received=expected if packet is None or packet.count is None else packet.count,
            district=None if packet is None else packet.district,
            defective=0 if packet is None else packet.damaged,
        )
    return stocks


def _boxes(scenario: Scenario) -> dict[BallotType, Box]:
    boxes: dict[BallotType, Box] = {}
    for ballot in scenario.ballot_types:
        condition = scenario.logistics.boxes.get(ballot)
        boxes[ballot] = Box(
            ballot=ballot,
            sealed_on_arrival=True if condition is None else condition.sealed,
            sticker_matches=True if condition is None else condition.sticker_matches,
        )
    return boxes


def _items_expected(scenario: Scenario) -> dict[str, int]:
    expected = dict(EXPECTED_ITEMS[scenario.election])
    expected["c_hasil_plano"] = len(scenario.contests)
    for item, quantity in scenario.logistics.expected.items():
        expected[item.value] = quantity
    return dict(sorted(expected.items()))


def _add_voters(world: World) -> None:
    scenario = world.scenario
    voters = list(scenario.voters.listed)
    if scenario.voters.generated is not None and scenario.voters.generated.count:
        from simulator.core.voter_gen import generate_voters

        voters.extend(generate_voters(scenario, world.rng("voters")))
    voters.sort(key=lambda v: (to_minutes(v.arrives), v.id))
    world.voters = {v.id: VoterState(voter=v, arrives=to_minutes(v.arrives)) for v in voters}


def _listed_ballots(scenario: Scenario) -> dict[BallotType, list[Ballot]]:
    listed: dict[BallotType, list[Ballot]] = {t: [] for t in scenario.ballot_types}
    for ballot in scenario.ballots.listed:
        listed[ballot.ballot].append(ballot)
    return listed


def _fast_forward(world: World, first: Phase) -> None:
    """Take every phase before ``first`` as done correctly."""
    order = list(Phase)
    done = set(order[: order.index(first)])
    if Phase.LOGISTIK in done:
        _logistics_done(world, counted_at_opening=first is Phase.PEMBUKAAN)
    if Phase.PEMBUKAAN in done:
        _opening_done(world)
    if Phase.PEMUNGUTAN in done:
        _voting_done(world)
    if Phase.PENUTUPAN in done:
        for stock in world.stocks.values():
            stock.unused_counted = True
            stock.unused_crossed = True
        world.closing.attendance_totalled = True
        world.closing.disabled_counted = True
        world.closing.counting_area_public = True
    if Phase.PENGHITUNGAN in done:
        from simulator.core.phases.penghitungan import count_correctly

        count_correctly(world)
    if Phase.FORMULIR in done:
        from simulator.core.phases.formulir import fill_correctly

        fill_correctly(world)


def _logistics_done(world: World, *, counted_at_opening: bool) -> None:
    """Receipt checked and reported; the ballot count and its problems too, unless the opening
    (where the count belongs, HANDBOOK §4 step 5c) is about to be played."""
    from simulator.core.phases.logistik import discrepancies, found_at_opening, settle_reported

    world.reported.update(
        d for d in discrepancies(world) if not (counted_at_opening and found_at_opening(d))
    )
    if not counted_at_opening:
        for stock in world.stocks.values():
            stock.counted = True
    settle_reported(world)


def _opening_done(world: World) -> None:
    opening = world.opening
    opening.board_posted = True
    opening.board_marked = True
    opening.meeting_opened_at = PHASE_START[Phase.PEMUNGUTAN]
    opening.oath_taken = True
    opening.procedure_explained = True
    for box in world.boxes.values():
        box.opened = box.shown_empty = box.relocked = True
        opening.box_order.append(box.ballot)
    for witness in world.witnesses.values():
        witness.decision = "admitted" if witness.mandate else "refused"
        witness.attributes_removed = witness.attributes


def _voting_done(world: World) -> None:
    """Fill the boxes and attendance from ``counting_start`` and the ballots to count."""
    scenario = world.scenario
    start = scenario.counting_start
    world.voting.ended_at = PHASE_START[Phase.PENUTUPAN]
    for ballot, box in world.boxes.items():
        box.contents = list(world.pending_ballots.get(ballot, []))
        spec = scenario.ballots.generated.get(ballot)
        if spec is not None and spec.count:
            contest = scenario.contest(ballot)
            assert contest is not None
            box.contents.extend(
                draw_ballots(
                    world.rng(f"ballots:{ballot.value}"),
                    contest,
                    spec,
                    scenario.tps.districts,
                    spec.count,
                )
            )
        world.pending_ballots[ballot] = []
        stock = world.stocks[ballot]
        stock.returned = 0 if start is None else start.returned.get(ballot, 0)
        stock.issued = len(box.contents) + stock.returned
    if start is not None:
        world.attendance_preset = {
            "dpt.men": start.dpt.men,
            "dpt.women": start.dpt.women,
            "dptb.men": start.dptb.men,
            "dptb.women": start.dptb.women,
            "dpk.men": start.dpk.men,
            "dpk.women": start.dpk.women,
            "disabled.men": start.disabled.men,
            "disabled.women": start.disabled.women,
        }


def ballot_spec(world: World, ballot: BallotType) -> BallotGenerator:
    """How voters whose marks are not listed mark this type (equal support by default)."""
    return world.scenario.ballots.generated.get(ballot) or BallotGenerator()


def next_generated_ballot(world: World, ballot: BallotType) -> Ballot:
    """The next ballot marked by the scenario's generator for this type.

    Drawn in one batch (as many as the ballots received) on first use: building the generator
    for a contest costs far more than drawing one ballot from it.
    """
    batch = world.drawn.get(ballot)
    if not batch:
        contest = world.scenario.contest(ballot)
        assert contest is not None, "every stocked ballot type has a contest"
        count = max(1, world.stocks[ballot].received)
        batch = draw_ballots(
            world.rng(f"ballots:{ballot.value}"),
            contest,
            ballot_spec(world, ballot),
            world.scenario.tps.districts,
            count,
        )
        batch.reverse()
        world.drawn[ballot] = batch
    return batch.pop()
