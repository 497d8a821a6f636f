"""Penerimaan logistik: check the delivery against the manifest and report what is wrong.

HANDBOOK §3.3: seals and stickers, the checklist, ballots per type = DPT + reserve, the
district printed on the ballots, forms, ink, braille templates; anything missing, short,
damaged or for the wrong district is reported to the PPS and recorded (C.Kejadian Khusus).

A discrepancy has a stable id: ``ballots.<type>.count``, ``ballots.<type>.district``,
``ballots.<type>.defective``, ``box.<type>.seal``, ``box.<type>.sticker``, ``item.<name>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from simulator.core.actions import Action, IllegalAction
from simulator.core.domain import district_of, expected_ballots
from simulator.core.judge import Judge
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.state import World
from simulator.schema.types import BallotType, Consequence, Phase, Severity

PHASE = Phase.LOGISTIK


class InspectItem(Action):
    """Open and look at a delivered item: ``ballots.<type>``, ``box.<type>`` or ``item.<name>``."""

    kind: Literal["inspect"] = "inspect"
    target: str = Field(min_length=3, max_length=40)


class CountBallots(Action):
    """Count the ballots of one type in bundles, in front of witnesses, and announce the number."""

    kind: Literal["count_ballots"] = "count_ballots"
    ballot: BallotType


class ReportDiscrepancy(Action):
    """Report a discrepancy to the PPS and record it in the C.Kejadian Khusus form."""

    kind: Literal["report"] = "report"
    discrepancy: str = Field(min_length=3, max_length=40)


ACTIONS: tuple[type[Action], ...] = (InspectItem, CountBallots, ReportDiscrepancy)

NOT_COUNTED = Rule(
    "logistik.surat_suara_tidak_dihitung",
    PHASE,
    Severity.BERAT,
    "Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M01",),
    (Consequence.HITUNG_ULANG,),
    handbook="§3.3 item 3; §4 step 5c",
)
COUNT_UNREPORTED = Rule(
    "logistik.selisih_tidak_dilaporkan",
    PHASE,
    Severity.BERAT,
    "Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M01",),
    (Consequence.HITUNG_ULANG, Consequence.HAK_PILIH_HILANG),
    handbook="§3.2; §3.3 items 3 and 8; §8.2 R11",
)
DISTRICT_UNREPORTED = Rule(
    "logistik.dapil_tertukar_tidak_dilaporkan",
    PHASE,
    Severity.KRITIS,
    "Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M02",),
    (Consequence.PSU, Consequence.KEBERATAN),
    handbook="§3.3 items 4 and 8; §7.4 (tertukar)",
)
BRAILLE_UNREPORTED = Rule(
    "logistik.braille_tidak_dilaporkan",
    PHASE,
    Severity.BERAT,
    "PKPU 14/2023; Kep. KPU 1281/2023; Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M03",),
    (Consequence.TEMUAN,),
    handbook="§3.1; §3.2; §3.3 item 6; §5.7",
)
ITEM_UNREPORTED = Rule(
    "logistik.perlengkapan_kurang_tidak_dilaporkan",
    PHASE,
    Severity.BERAT,
    "PKPU 14/2023; Kep. KPU 1281/2023; Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M01",),
    (Consequence.TEMUAN,),
    handbook="§3.1; §3.3 items 2, 5, 6 and 8",
)
BOX_UNREPORTED = Rule(
    "logistik.kotak_tidak_sesuai_tidak_dilaporkan",
    PHASE,
    Severity.BERAT,
    "Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M01",),
    (Consequence.KEBERATAN,),
    handbook="§3.3 items 1 and 8",
)
DEFECTIVE_UNREPORTED = Rule(
    "logistik.surat_suara_rusak_tidak_dilaporkan",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 135/2023; Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M01",),
    (Consequence.TEMUAN,),
    severity_note=(
        "A few defective sheets are set aside and replaced; the shortfall that makes "
        "M01 major is judged by logistik.selisih_tidak_dilaporkan."
    ),
    handbook="§3.3 items 7 and 8",
)
# Not a regulation: a training rule, so that reporting everything "to be safe" costs points.
FALSE_REPORT = Rule(
    "logistik.laporan_tanpa_dasar",
    PHASE,
    Severity.RINGAN,
    "Buku Panduan KPPS Pemilu 2019 hlm. 21",
    (),
    (),
    handbook="§3.3 (training rule: report only real discrepancies)",
)

RULES: tuple[Rule, ...] = (
    NOT_COUNTED,
    COUNT_UNREPORTED,
    DISTRICT_UNREPORTED,
    BRAILLE_UNREPORTED,
    ITEM_UNREPORTED,
    BOX_UNREPORTED,
    DEFECTIVE_UNREPORTED,
    FALSE_REPORT,
)


def discrepancies(world: World) -> list[str]:
    """Every discrepancy in the delivery as it stands, by id, in manifest order."""
    found: list[str] = []
    dpt = world.scenario.tps.dpt.total
    for ballot, stock in world.stocks.items():
        if stock.received != expected_ballots(dpt, world.scenario.election):
            found.append(f"ballots.{ballot.value}.count")
        if stock.district is not None:
            found.append(f"ballots.{ballot.value}.district")
        if stock.defective:
            found.append(f"ballots.{ballot.value}.defective")
    for ballot, box in world.boxes.items():
        if not box.sealed_on_arrival:
            found.append(f"box.{ballot.value}.seal")
        if not box.sticker_matches:
            found.append(f"box.{ballot.value}.sticker")
    for item, quantity in world.items_expected.items():
        if world.items_delivered.get(item, 0) < quantity:
            found.append(f"item.{item}")
    return found


def discrepancy_facts(world: World, discrepancy: str) -> dict[str, int | str]:
    """What a discrepancy is, in figures the debrief can name: how many ballots arrived and
    should have, which district they print, how many of an item came."""
    group, name, *rest = discrepancy.split(".")
    what = rest[0] if rest else ""
    if group == "item":
        return {
            "delivered": world.items_delivered.get(name, 0),
            "expected": world.items_expected.get(name, 0),
        }
    if group != "ballots":
        return {}
    stock = world.stocks[BallotType(name)]
    if what == "count":
        expected = expected_ballots(world.scenario.tps.dpt.total, world.scenario.election)
        return {"received": stock.received, "expected": expected}
    if what == "district":
        own = district_of(world.scenario.tps.districts, BallotType(name)) or ""
        return {"printed": stock.district or "", "own": own}
    if what == "defective":
        return {"defective": stock.defective}
    return {}


def inspection_targets(world: World) -> list[str]:
    """What can be opened and looked at on the delivery table."""
    targets = [f"ballots.{b.value}" for b in world.stocks]
    targets += [f"box.{b.value}" for b in world.boxes]
    targets += [f"item.{item}" for item in world.items_expected]
    return targets


def possible_discrepancies(world: World) -> list[str]:
    """Every discrepancy id that could be reported here, whether or not it is real."""
    found = [
        f"ballots.{b.value}.{what}"
        for b in world.stocks
        for what in ("count", "district", "defective")
    ]
    found += [f"box.{b.value}.{what}" for b in world.boxes for what in ("seal", "sticker")]
    found += [f"item.{item}" for item in world.items_expected]
    return found


def settle_reported(world: World) -> None:
    """What the PPS does about reported problems: wrong-district ballots are exchanged."""
    for ballot, stock in world.stocks.items():
        if stock.district is not None and f"ballots.{ballot.value}.district" in world.reported:
            stock.district = None
            stock.swapped_by_pps = True


def apply(action: Action, judge: Judge) -> None:
    world = judge.world
    if isinstance(action, InspectItem):
        if action.target not in inspection_targets(world):
            raise IllegalAction(f"nothing to inspect called {action.target!r}")
        world.inspected.add(action.target)
    elif isinstance(action, CountBallots):
        stock = world.stocks.get(action.ballot)
        if stock is None:
            raise IllegalAction(f"no {action.ballot.value} ballots at this TPS")
        stock.counted = True
        judge.emit("ballots_counted", ballot=action.ballot.value, count=stock.received)
    elif isinstance(action, ReportDiscrepancy):
        _report(action.discrepancy, judge)
    else:
        raise IllegalAction(f"{action.kind} is not a logistics action")


def _report(discrepancy: str, judge: Judge) -> None:
    world = judge.world
    if discrepancy in world.reported:
        return
    if discrepancy not in possible_discrepancies(world):
        raise IllegalAction(f"no such discrepancy to report: {discrepancy!r}")
    if discrepancy not in discrepancies(world):
        judge.flag(FALSE_REPORT, discrepancy)
        return
    world.reported.add(discrepancy)
    world.special_events.append(("logistik", discrepancy))
    settle_reported(world)
    judge.emit("reported", discrepancy=discrepancy)


def found_at_opening(discrepancy: str) -> bool:
    """Problems in the ballot packets, which the count at the opening may be the first to
    reveal (HANDBOOK §4 step 5c-e); boxes and items are checked on receipt (§3.3)."""
    return discrepancy.startswith("ballots.")


def judge_unreported(judge: Judge, *, at_opening: bool | None = None) -> None:
    """Flag every discrepancy still unreported: ``at_opening`` True judges only the ballot
    packets, False only what is checked on receipt, None everything."""
    world = judge.world
    for discrepancy in discrepancies(world):
        if discrepancy in world.reported:
            continue
        if at_opening is not None and found_at_opening(discrepancy) != at_opening:
            continue
        judge.flag(_rule_for(discrepancy), discrepancy, **discrepancy_facts(world, discrepancy))


def _rule_for(discrepancy: str) -> Rule:
    group, name = discrepancy.split(".", 1)
    if group == "ballots":
        if name.endswith(".district"):
            return DISTRICT_UNREPORTED
        if name.endswith(".defective"):
            return DEFECTIVE_UNREPORTED
        return COUNT_UNREPORTED
    if group == "box":
        return BOX_UNREPORTED
    return BRAILLE_UNREPORTED if name == "template_braille" else ITEM_UNREPORTED


def judge_uncounted(judge: Judge) -> None:
    for ballot, stock in judge.world.stocks.items():
        if not stock.counted:
            judge.flag(NOT_COUNTED, ballot.value)


def finish(judge: Judge) -> None:
    # The ballots are counted, and their problems reported, at the opening at the latest
    # (HANDBOOK §4 step 5c-e): when the opening is played, the packets are judged there.
    if Phase.PEMBUKAAN in judge.world.phases:
        judge_unreported(judge, at_opening=False)
    else:
        judge_unreported(judge)
        judge_uncounted(judge)


def allowed(world: World) -> Sequence[Action]:
    actions: list[Action] = [InspectItem(target=t) for t in inspection_targets(world)]
    actions += [CountBallots(ballot=b) for b in world.stocks if not world.stocks[b].counted]
    actions += [
        ReportDiscrepancy(discrepancy=d)
        for d in possible_discrepancies(world)
        if d not in world.reported
    ]
    return actions


def duties(world: World) -> list[Duty]:
    """Open and look at everything delivered; count the ballots, when the opening (where they
    are otherwise counted in front of the witnesses) is not played."""
    found = [Duty(f"inspect:{t}", int(t in world.inspected)) for t in inspection_targets(world)]
    if Phase.PEMBUKAAN not in world.phases:
        found += [Duty(f"count:{b.value}", int(s.counted)) for b, s in world.stocks.items()]
    return found
