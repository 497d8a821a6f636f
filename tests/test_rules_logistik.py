"""Penerimaan logistik (HANDBOOK §3.3; MISTAKES M01-M03): every rule fires on its mistake and
stays silent on the careful neighbour."""

from __future__ import annotations

from typing import Any

import pytest
from rulekit import (
    PEMILU,
    PILKADA,
    careful,
    describe,
    end_phase,
    play,
    replacing,
    start,
    subjects,
    without,
)

from simulator.core.phases.logistik import CountBallots, ReportDiscrepancy
from simulator.schema.types import BallotType

NOT_COUNTED = "logistik.surat_suara_tidak_dihitung"
COUNT_UNREPORTED = "logistik.selisih_tidak_dilaporkan"
DISTRICT_UNREPORTED = "logistik.dapil_tertukar_tidak_dilaporkan"
BRAILLE_UNREPORTED = "logistik.braille_tidak_dilaporkan"
ITEM_UNREPORTED = "logistik.perlengkapan_kurang_tidak_dilaporkan"
BOX_UNREPORTED = "logistik.kotak_tidak_sesuai_tidak_dilaporkan"
DEFECTIVE_UNREPORTED = "logistik.surat_suara_rusak_tidak_dilaporkan"
FALSE_REPORT = "logistik.laporan_tanpa_dasar"


def case(base: dict[str, Any], logistics: dict[str, Any], discrepancy: str, rule_id: str) -> Any:
    return pytest.param(base, logistics, discrepancy, rule_id, id=f"{base['id']}:{discrepancy}")


# A delivery with one thing wrong, the discrepancy id it raises, and the rule that judges it
# when nobody reports it. DPT 10 → 11 ballots per type expected (Pemilu 2%, Pilkada 2.5%).
UNREPORTED_CASES: list[Any] = [
    case(PEMILU, {"ballots": {"ppwp": {"count": 10}}}, "ballots.ppwp.count", COUNT_UNREPORTED),
    case(PEMILU, {"ballots": {"dpr": {"count": 13}}}, "ballots.dpr.count", COUNT_UNREPORTED),
    case(
        PEMILU,
        {"ballots": {"dpr": {"district": "Teluk Senja IV"}}},
        "ballots.dpr.district",
        DISTRICT_UNREPORTED,
    ),
    case(
        PILKADA,
        {"ballots": {"bupati": {"district": "Kabupaten Rawa Sepi"}}},
        "ballots.bupati.district",
        DISTRICT_UNREPORTED,
    ),
    case(
        PEMILU,
        {"ballots": {"ppwp": {"damaged": 2}}},
        "ballots.ppwp.defective",
        DEFECTIVE_UNREPORTED,
    ),
    case(PEMILU, {"boxes": {"ppwp": {"sealed": False}}}, "box.ppwp.seal", BOX_UNREPORTED),
    case(
        PILKADA,
        {"boxes": {"gubernur": {"sticker_matches": False}}},
        "box.gubernur.sticker",
        BOX_UNREPORTED,
    ),
    case(
        PEMILU, {"delivered": {"template_braille": 0}}, "item.template_braille", BRAILLE_UNREPORTED
    ),
    # Pilkada braille templates are (L) in the handbook: only as scenario data.
    case(
        PILKADA,
        {"expected": {"template_braille": 1}, "delivered": {"template_braille": 0}},
        "item.template_braille",
        BRAILLE_UNREPORTED,
    ),
    case(PEMILU, {"delivered": {"tinta": 1}}, "item.tinta", ITEM_UNREPORTED),
    case(PILKADA, {"delivered": {"c_hasil_plano": 1}}, "item.c_hasil_plano", ITEM_UNREPORTED),
]


@pytest.mark.parametrize("base", [PEMILU, PILKADA], ids=["pemilu", "pilkada"])
def test_careful_logistics_on_a_complete_delivery_finds_nothing(base: dict[str, Any]) -> None:
    sim = start(base, phases=["logistik"])
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"a careful check of a complete delivery is flawless, found {describe(sim)}"


def test_careful_logistics_on_a_troubled_delivery_finds_nothing() -> None:
    troubles = {
        "ballots": {"ppwp": {"count": 9, "damaged": 1}, "dpr": {"district": "Teluk Senja IV"}},
        "boxes": {"dpr": {"sealed": False, "sticker_matches": False}},
        "delivered": {"template_braille": 1, "tinta": 0},
    }
    sim = start(PEMILU, phases=["logistik"], logistics=troubles)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not found, f"every problem reported is every problem handled, found {describe(sim)}"


@pytest.mark.parametrize(("base", "logistics", "discrepancy", "rule_id"), UNREPORTED_CASES)
def test_an_unreported_problem_is_flagged(
    base: dict[str, Any], logistics: dict[str, Any], discrepancy: str, rule_id: str
) -> None:
    sim = start(base, phases=["logistik"], logistics=logistics)
    found = play(sim, without(careful(sim), ReportDiscrepancy)) | end_phase(sim)
    assert rule_id in found, f"{discrepancy} left unreported must be flagged, found {found}"
    assert subjects(sim, rule_id) == {discrepancy}, (
        f"the finding must name {discrepancy!r}, got {subjects(sim, rule_id)}"
    )


@pytest.mark.parametrize(("base", "logistics", "discrepancy", "rule_id"), UNREPORTED_CASES)
def test_a_reported_problem_is_not_flagged(
    base: dict[str, Any], logistics: dict[str, Any], discrepancy: str, rule_id: str
) -> None:
    sim = start(base, phases=["logistik"], logistics=logistics)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert rule_id not in found, f"{discrepancy} was reported to the PPS, found {found}"
    assert not found, f"everything wrong was reported, found {describe(sim)}"
    record = ("logistik", discrepancy)
    assert record in sim.world.special_events, "a report also goes in the C.Kejadian Khusus form"


@pytest.mark.parametrize(
    ("base", "dpt", "delivered", "right"),
    [
        pytest.param(PEMILU, (150, 149), 305, True, id="pemilu-299-gets-305"),
        pytest.param(PEMILU, (150, 149), 304, False, id="pemilu-299-given-304"),
        pytest.param(PEMILU, (125, 125), 255, True, id="pemilu-250-gets-255"),
        pytest.param(PEMILU, (125, 125), 256, False, id="pemilu-250-given-256"),
        pytest.param(PILKADA, (150, 149), 307, True, id="pilkada-299-gets-307"),
        pytest.param(PILKADA, (150, 149), 306, False, id="pilkada-299-given-306"),
    ],
)
def test_the_expected_count_is_dpt_plus_a_reserve_rounded_up(
    base: dict[str, Any], dpt: tuple[int, int], delivered: int, right: bool
) -> None:
    """R11: DPT + ceil(2% [P] / 2.5% [K] of DPT) per TPS (HANDBOOK §3.2, §15.3)."""
    first = base["contests"][0]["ballot"]
    sim = start(
        base,
        phases=["logistik"],
        tps={"dpt": {"men": dpt[0], "women": dpt[1]}},
        logistics={"ballots": {first: {"count": delivered}}},
    )
    found = play(sim, without(careful(sim), ReportDiscrepancy)) | end_phase(sim)
    if right:
        assert COUNT_UNREPORTED not in found, f"{delivered} is DPT + reserve: {found}"
    else:
        assert COUNT_UNREPORTED in found, f"{delivered} is not DPT + reserve: {found}"


def test_a_wrong_dapil_packet_reported_is_exchanged_by_the_pps() -> None:
    sim = start(
        PEMILU, phases=["logistik"], logistics={"ballots": {"dpr": {"district": "Teluk Senja IV"}}}
    )
    play(sim, [ReportDiscrepancy(discrepancy="ballots.dpr.district")])
    stock = sim.world.stocks[BallotType.DPR]
    assert stock.district is None and stock.swapped_by_pps, (
        "after the report the PPS exchanges the wrong-district ballots (HANDBOOK §3.3 item 8)"
    )


def test_ballots_never_counted_are_flagged_per_type() -> None:
    sim = start(PEMILU, phases=["logistik"])
    skip_ppwp = without(careful(sim), lambda a: a == CountBallots(ballot=BallotType.PPWP))
    found = play(sim, skip_ppwp) | end_phase(sim)
    assert NOT_COUNTED in found, f"PPWP ballots never counted must be flagged, found {found}"
    assert subjects(sim, NOT_COUNTED) == {"ppwp"}, "only the uncounted type is named"


def test_ballots_counted_are_not_flagged() -> None:
    sim = start(PEMILU, phases=["logistik"])
    found = play(sim, careful(sim)) | end_phase(sim)
    assert NOT_COUNTED not in found, f"every type was counted, found {found}"


def test_counting_may_wait_for_the_opening() -> None:
    sim = start(PEMILU, phases=["logistik", "pembukaan"])
    found = play(sim, without(careful(sim), CountBallots)) | end_phase(sim)
    assert NOT_COUNTED not in found, (
        f"ballots are counted at the opening at the latest (HANDBOOK §4 step 5c), found {found}"
    )
    found = play(sim, careful(sim)) | end_phase(sim)
    assert NOT_COUNTED not in found, f"counted at the opening, found {found}"


def test_ballots_counted_neither_on_receipt_nor_at_the_opening_are_flagged() -> None:
    sim = start(PEMILU, phases=["logistik", "pembukaan"])
    play(sim, without(careful(sim), CountBallots))
    end_phase(sim)
    found = play(sim, without(careful(sim), CountBallots)) | end_phase(sim)
    assert NOT_COUNTED in found, f"never counted by the end of the opening, found {found}"
    assert subjects(sim, NOT_COUNTED) == {"ppwp", "dpr"}


def test_reporting_a_problem_that_is_not_there_is_flagged() -> None:
    sim = start(PEMILU, phases=["logistik"])
    found = play(sim, [ReportDiscrepancy(discrepancy="ballots.ppwp.count")])
    assert FALSE_REPORT in found, f"a shortfall reported on a full packet is baseless: {found}"
    assert subjects(sim, FALSE_REPORT) == {"ballots.ppwp.count"}
    assert "ballots.ppwp.count" not in sim.world.reported, "a baseless report changes nothing"


def test_reporting_a_real_problem_is_not_a_false_report() -> None:
    sim = start(PEMILU, phases=["logistik"], logistics={"ballots": {"ppwp": {"count": 10}}})
    found = play(sim, [ReportDiscrepancy(discrepancy="ballots.ppwp.count")])
    assert FALSE_REPORT not in found, f"the PPWP packet really is one short, found {found}"


def test_a_shortfall_counted_and_reported_at_the_opening_is_not_flagged() -> None:
    sim = start(
        PEMILU, phases=["logistik", "pembukaan"], logistics={"ballots": {"ppwp": {"count": 10}}}
    )
    # On receipt: seals, stickers and checklist are checked; the ballots wait for the opening.
    play(sim, without(careful(sim), CountBallots, ReportDiscrepancy))
    end_phase(sim)
    # At the opening the PPWP count shows 10 instead of 11; the chair reports it at once.
    counted_then_reported = replacing(
        careful(sim),
        lambda a: a == CountBallots(ballot=BallotType.PPWP),
        lambda a: [a, ReportDiscrepancy(discrepancy="ballots.ppwp.count")],
    )
    play(sim, counted_then_reported)
    end_phase(sim)
    assert COUNT_UNREPORTED not in {f.rule_id for f in sim.findings}, (
        f"the shortfall was reported as soon as the opening count found it: {describe(sim)}"
    )


def test_a_day_starting_at_the_opening_still_needs_the_ballots_counted() -> None:
    sim = start(PEMILU, phases=["pembukaan"])
    found = play(sim, without(careful(sim), CountBallots)) | end_phase(sim)
    assert NOT_COUNTED in found, f"no packet was counted at the opening, found {found}"


def test_a_day_starting_at_the_opening_with_the_ballots_counted_is_not_flagged() -> None:
    sim = start(PEMILU, phases=["pembukaan"])
    counts = [CountBallots(ballot=b) for b in sim.world.ballot_types]
    found = play(sim, counts) | play(sim, careful(sim)) | end_phase(sim)
    assert NOT_COUNTED not in found, f"both packets were counted at the opening, found {found}"
