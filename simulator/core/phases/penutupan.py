"""Penutupan: after the last voter, secure what is left before any box is opened.

HANDBOOK §6 in order: count the unused and the returned ballots per type and announce the
numbers, put a cross on every unused ballot, total the attendance lists (men/women) and the
voters with disabilities, and set up the counting area in view of witnesses, PTPS and public.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from simulator.core.actions import Action, IllegalAction
from simulator.core.forms import Headcount
from simulator.core.judge import Judge
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.state import World
from simulator.schema.types import BallotType, Consequence, Phase, Severity, VoterList

PHASE = Phase.PENUTUPAN


class CountUnused(Action):
    """Count the unused and returned ballots of one type and announce the numbers."""

    kind: Literal["count_unused"] = "count_unused"
    ballot: BallotType


class CrossUnused(Action):
    """Put a cross on every unused ballot of one type and pack them apart."""

    kind: Literal["cross_unused"] = "cross_unused"
    ballot: BallotType


class TotalAttendance(Action):
    """Total the DPT, DPTb and DPK attendance lists, men and women, and announce them."""

    kind: Literal["total_attendance"] = "total_attendance"


class CountDisabledVoters(Action):
    kind: Literal["count_disabled"] = "count_disabled"


class ArrangeCountingArea(Action):
    """Set up the counting area: planos on the wall, seats, light, the public line."""

    kind: Literal["arrange_counting"] = "arrange_counting"
    public: bool = True


ACTIONS: tuple[type[Action], ...] = (
    CountUnused,
    CrossUnused,
    TotalAttendance,
    CountDisabledVoters,
    ArrangeCountingArea,
)

UNUSED_NOT_COUNTED = Rule(
    "penutupan.sisa_surat_suara_tidak_dihitung",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024, persiapan penghitungan (HANDBOOK §6 step 2)",
    ("M31",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
)
UNUSED_NOT_CROSSED = Rule(
    "penutupan.sisa_surat_suara_tidak_disilang",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024, persiapan penghitungan (HANDBOOK §6 step 3)",
    ("M31",),
    (Consequence.KEBERATAN, Consequence.PSU),
)
ATTENDANCE_NOT_TOTALLED = Rule(
    "penutupan.kehadiran_tidak_direkap",
    PHASE,
    Severity.RINGAN,
    "HANDBOOK §6 step 4 (KPPS 2 and 3)",
    ("M38",),
    (Consequence.HITUNG_ULANG,),
    severity_note=(
        "A closing step; the reconciliation failure M38 itself is judged at the forms."
    ),
)
DISABLED_NOT_COUNTED = Rule(
    "penutupan.pemilih_disabilitas_tidak_dihitung",
    PHASE,
    Severity.RINGAN,
    "HANDBOOK §6 step 4 (KPPS 4 and 5)",
    (),
    (),
)
COUNTING_HIDDEN = Rule(
    "penutupan.tempat_hitung_tidak_terbuka",
    PHASE,
    Severity.BERAT,
    "HANDBOOK §6 step 6, §7.1 step 5; Bawaslu 2024 findings (S-BW19)",
    ("M33",),
    (Consequence.TEMUAN, Consequence.KEBERATAN),
)

RULES: tuple[Rule, ...] = (
    UNUSED_NOT_COUNTED,
    UNUSED_NOT_CROSSED,
    ATTENDANCE_NOT_TOTALLED,
    DISABLED_NOT_COUNTED,
    COUNTING_HIDDEN,
)


def apply(action: Action, judge: Judge) -> None:
    world = judge.world
    closing = world.closing
    if isinstance(action, CountUnused | CrossUnused):
        stock = world.stocks.get(action.ballot)
        if stock is None:
            raise IllegalAction(f"no {action.ballot.value} ballots at this TPS")
        if isinstance(action, CountUnused):
            stock.unused_counted = True
            judge.emit(
                "unused_counted",
                ballot=action.ballot.value,
                unused=stock.remaining,
                returned=stock.returned,
            )
        else:
            stock.unused_crossed = True
    elif isinstance(action, TotalAttendance):
        closing.attendance_totalled = True
    elif isinstance(action, CountDisabledVoters):
        closing.disabled_counted = True
    elif isinstance(action, ArrangeCountingArea):
        closing.counting_area_public = action.public
        if not action.public:
            judge.flag(COUNTING_HIDDEN)
    else:
        raise IllegalAction(f"{action.kind} is not a closing action")


def finish(judge: Judge) -> None:
    world = judge.world
    for ballot, stock in world.stocks.items():
        if not stock.unused_counted:
            judge.flag(UNUSED_NOT_COUNTED, ballot.value, unused=stock.remaining)
        if not stock.unused_crossed:
            judge.flag(UNUSED_NOT_CROSSED, ballot.value, unused=stock.remaining)
    if not world.closing.attendance_totalled:
        judge.flag(ATTENDANCE_NOT_TOTALLED)
    if not world.closing.disabled_counted:
        judge.flag(DISABLED_NOT_COUNTED)
    if world.closing.counting_area_public is None:
        judge.flag(COUNTING_HIDDEN)


def allowed(world: World) -> Sequence[Action]:
    actions: list[Action] = []
    for ballot, stock in world.stocks.items():
        if not stock.unused_counted:
            actions.append(CountUnused(ballot=ballot))
        if not stock.unused_crossed:
            actions.append(CrossUnused(ballot=ballot))
    actions += [TotalAttendance(), CountDisabledVoters()]
    actions += [ArrangeCountingArea(public=True), ArrangeCountingArea(public=False)]
    return actions


def duties(world: World) -> list[Duty]:
    """Closing the vote (HANDBOOK §6): per type, the leftover ballots counted and crossed;
    the attendance and the disabled voters totalled; the counting area set up."""
    found = [
        Duty(f"unused:{b.value}", int(s.unused_counted) + int(s.unused_crossed), 2)
        for b, s in world.stocks.items()
    ]
    closing = world.closing
    found += [
        Duty("attendance", int(closing.attendance_totalled)),
        Duty("disabled", int(closing.disabled_counted)),
        Duty("counting_area", int(closing.counting_area_public is not None)),
    ]
    return found


def attendance(world: World) -> dict[str, Headcount]:
    """Men and women signed in each attendance list (``dpt``, ``dptb``, ``dpk``): what
    totalling the lists gives, from the day played or the counting start described."""
    preset = world.attendance_preset
    if preset:
        return {
            lst.value: Headcount(preset[f"{lst.value}.men"], preset[f"{lst.value}.women"])
            for lst in VoterList
        }
    men = dict.fromkeys((lst.value for lst in VoterList), 0)
    women = dict(men)
    for state in world.voters.values():
        if state.attendance is not None:
            tally = men if state.voter.sex.value == "L" else women
            tally[state.attendance.value] += 1
    return {name: Headcount(men[name], women[name]) for name in men}


def disabled_attended(world: World) -> Headcount:
    """Voters with disabilities who came and signed an attendance list."""
    preset = world.attendance_preset
    if preset:
        return Headcount(preset["disabled.men"], preset["disabled.women"])
    signed = [
        s
        for s in world.voters.values()
        if s.attendance is not None and s.voter.disability is not None
    ]
    men = sum(1 for s in signed if s.voter.sex.value == "L")
    return Headcount(men, len(signed) - men)
