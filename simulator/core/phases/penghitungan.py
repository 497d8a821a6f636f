"""Penghitungan suara: one box at a time in the fixed order, every ballot shown and ruled aloud.

HANDBOOK §7.1: open the box of the next type in view of all, count and announce how many
ballots it holds, then per ballot the chair shows it and announces "sah for X" or "tidak sah";
the ruling is tallied on the C.Hasil plano. What is right for each ballot is decided by
``simulator.core.validity`` from its marks; the trainee's ruling is what goes on the plano.

A box holds hundreds of ballots at a real TPS (about 1,500 in all at 300 voters). The chair may
hand the rest of the open box to the careful crew (:class:`DelegateCount`): the engine rules
each remaining ballot rightly, at the same pace, and records how many it ruled, so the debrief
and a trainer see what the trainee ruled and what was delegated. Delegating is no mistake.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from simulator.core.actions import Action, IllegalAction
from simulator.core.domain import BALLOT_ORDER
from simulator.core.judge import Judge
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.state import World
from simulator.core.targets import Target, TargetKind, all_targets, parse_target
from simulator.core.validity import Code, Verdict
from simulator.core.validity import judge as judge_ballot
from simulator.schema.ballot import Ballot
from simulator.schema.types import BallotType, Consequence, Phase, Severity

PHASE = Phase.PENGHITUNGAN
BALLOTS_PER_MINUTE = 3  # the counting clock: about twenty seconds per ballot


class OpenBoxForCount(Action):
    """Unlock one box in view of all and take its ballots out onto the chair's table."""

    kind: Literal["open_count"] = "open_count"
    ballot: BallotType


class AnnounceBoxCount(Action):
    """Count the ballots taken out of the open box and announce the number."""

    kind: Literal["announce_count"] = "announce_count"
    ballot: BallotType


class RuleBallot(Action):
    """The chair shows the next ballot and announces the ruling: a target, or ``invalid``."""

    kind: Literal["rule_ballot"] = "rule_ballot"
    verdict: str = Field(pattern=r"^(pair:\d+|kosong|cand:\d+|party:\d+(/cand:\d+)?|invalid)$")
    shown: bool = True


class DelegateCount(Action):
    """The chair lets the careful crew count the rest of the open box onto the plano."""

    kind: Literal["delegate_count"] = "delegate_count"
    ballot: BallotType


ACTIONS: tuple[type[Action], ...] = (OpenBoxForCount, AnnounceBoxCount, RuleBallot, DelegateCount)

WRONG_ORDER = Rule(
    "penghitungan.urutan_salah",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024 Bab V B",
    ("M32",),
    (Consequence.KEBERATAN,),
    handbook="§7.1 step 2",
)
TWO_BOXES_OPEN = Rule(
    "penghitungan.kotak_dibuka_bersamaan",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024 Bab V B",
    ("M32",),
    (Consequence.KEBERATAN,),
    handbook="§7.1 step 2 (one type at a time)",
)
COUNT_NOT_ANNOUNCED = Rule(
    "penghitungan.jumlah_tidak_diumumkan",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024 Bab V",
    (),
    (Consequence.KEBERATAN,),
    handbook="§7.1 step 3",
)
NOT_SHOWN = Rule(
    "penghitungan.surat_suara_tidak_ditunjukkan",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024 Bab V",
    ("M33",),
    (Consequence.TEMUAN, Consequence.KEBERATAN),
    handbook="§7.1 steps 4-5 (show every ballot, announce aloud)",
)
KOSONG_INVALID = Rule(
    "penghitungan.kolom_kosong_tidak_sah",
    PHASE,
    Severity.KRITIS,
    "Kep. KPU 1337/2024; PKPU 17/2024",
    ("M36",),
    (Consequence.HITUNG_ULANG, Consequence.KEBERATAN),
    confidence="M",
    handbook="§7.6",
)
PARTY_LIST_MISJUDGED = Rule(
    "penghitungan.partai_caleg_keliru",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 53; Kep. KPU 66/2024",
    ("M34",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    handbook="§7.2; §7.4 (variants D1-D16)",
)
PUNCH_THROUGH_MISJUDGED = Rule(
    "penghitungan.coblos_tembus_keliru",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 53(4)(b)",
    ("M35",),
    (Consequence.KEBERATAN,),
    confidence="M",
    handbook="§7.3 V4 (article as reported); §15 item 7",
)
TERTUKAR_MISJUDGED = Rule(
    "penghitungan.tertukar_keliru",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 53; Kep. KPU 66/2024",
    ("M02",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    severity_note=(
        "One ballot misruled at the count, like every other misjudgement (M34); using "
        "wrong-district ballots, M02's critical case, is judged at the opening."
    ),
    handbook="§7.4 and §7.5 (KPU ruling on tertukar ballots, S-TUKAR)",
)
UNSIGNED_COUNTED = Rule(
    "penghitungan.tanpa_tanda_tangan_dihitung",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 53",
    ("M22",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    severity_note=(
        "One ballot misruled at the count, like every other misjudgement (M34); handing "
        "out unsigned ballots, M22's critical case, is judged at the desk."
    ),
    regulation_pilkada="PKPU 17/2024; Buku Pintar KPPS Pemilihan 2024",
    handbook="§7.2 G1",
)
VALID_RULED_INVALID = Rule(
    "penghitungan.sah_dinyatakan_tidak_sah",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 53, Pasal 55; Kep. KPU 66/2024",
    ("M34", "M35"),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    regulation_pilkada="PKPU 17/2024; Buku Pintar KPPS Pemilihan 2024",
    handbook="§7.2; §7.3; §7.4; §7.5; §7.6",
)
INVALID_RULED_VALID = Rule(
    "penghitungan.tidak_sah_dinyatakan_sah",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 53, Pasal 55; Kep. KPU 66/2024",
    ("M34",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    regulation_pilkada="PKPU 17/2024; Buku Pintar KPPS Pemilihan 2024",
    handbook="§7.2; §7.3; §7.4; §7.5; §7.6",
)
WRONG_TARGET = Rule(
    "penghitungan.suara_untuk_peserta_lain",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 53; Kep. KPU 66/2024; UU 7/2017 Pasal 532",
    ("M34",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    regulation_pilkada="PKPU 17/2024; Buku Pintar KPPS Pemilihan 2024",
    handbook="§7.2; §7.3; §7.4; §18.1",
)
# A box not counted to its last ballot leaves the TPS with no result for that type: the
# uncounted votes cannot be recapitulated, so the count has to be done again elsewhere.
NOT_FINISHED = Rule(
    "penghitungan.tidak_selesai",
    PHASE,
    Severity.KRITIS,
    "Putusan MK 20/PUU-XVII/2019; Kep. KPU 66/2024 Bab V",
    (),
    (Consequence.TANPA_HASIL, Consequence.HITUNG_ULANG),
    handbook="§2 (same day); §7.1",
)

RULES: tuple[Rule, ...] = (
    WRONG_ORDER,
    TWO_BOXES_OPEN,
    COUNT_NOT_ANNOUNCED,
    NOT_SHOWN,
    KOSONG_INVALID,
    PARTY_LIST_MISJUDGED,
    PUNCH_THROUGH_MISJUDGED,
    TERTUKAR_MISJUDGED,
    UNSIGNED_COUNTED,
    VALID_RULED_INVALID,
    INVALID_RULED_VALID,
    WRONG_TARGET,
    NOT_FINISHED,
)


def true_verdict(world: World, ballot: Ballot) -> Verdict:
    """What the chair must rule on ``ballot`` (the engine's judgement, never the scenario's)."""
    contest = world.scenario.contest(ballot.ballot)
    assert contest is not None, "scenario validation guarantees a contest per ballot type"
    return judge_ballot(ballot, contest, world.scenario.tps.districts, world.scenario.rules)


def current_ballot(world: World) -> Ballot | None:
    """The ballot the chair is about to show, if a box is open and not yet done."""
    open_box = world.counting.open_box
    if open_box is None:
        return None
    index = world.counting.next_index.get(open_box, 0)
    contents = world.boxes[open_box].contents
    return contents[index] if index < len(contents) else None


def ballot_subject(ballot_type: BallotType, index: int) -> str:
    """How a finding names the ``index``-th ballot (from 0) taken out of a box: ``dpr#5``."""
    return f"{ballot_type.value}#{index + 1}"


def ruled_by_trainee(world: World) -> dict[BallotType, int]:
    """Per opened box, how many ballots the trainee ruled (delegated ones left out)."""
    counting = world.counting
    return {
        ballot_type: len(rulings) - counting.delegated.get(ballot_type, 0)
        for ballot_type, rulings in counting.rulings.items()
    }


def delegated(world: World) -> dict[BallotType, int]:
    """Per opened box, how many ballots the careful crew ruled at the chair's request."""
    return {
        ballot_type: world.counting.delegated.get(ballot_type, 0)
        for ballot_type in world.counting.rulings
    }


def apply(action: Action, judge: Judge) -> None:
    if isinstance(action, OpenBoxForCount):
        _open(action.ballot, judge)
    elif isinstance(action, AnnounceBoxCount):
        box = judge.world.boxes.get(action.ballot)
        if box is None or not box.opened_for_count:
            raise IllegalAction(f"the {action.ballot.value} box is not open for counting")
        box.count_announced = True
        judge.emit("box_count", ballot=action.ballot.value, count=len(box.contents))
    elif isinstance(action, RuleBallot):
        _rule(action, judge)
    elif isinstance(action, DelegateCount):
        _delegate(action.ballot, judge)
    else:
        raise IllegalAction(f"{action.kind} is not a counting action")


def _open(ballot: BallotType, judge: Judge) -> None:
    world = judge.world
    counting = world.counting
    box = world.boxes.get(ballot)
    if box is None or ballot in counting.finished or ballot is counting.open_box:
        raise IllegalAction(f"the {ballot.value} box cannot be opened for counting")
    if counting.open_box is not None:
        judge.flag(TWO_BOXES_OPEN, ballot.value, still_open=counting.open_box.value)
    if box.opened_for_count:
        counting.open_box = ballot  # a box set aside half-counted is taken up again
        return
    expected = next(
        (
            b
            for b in BALLOT_ORDER[world.scenario.election]
            if b in world.boxes and b not in counting.order
        ),
        None,
    )
    if ballot is not expected and counting.open_box is None:
        judge.flag(WRONG_ORDER, ballot.value, expected=expected.value if expected else "")
    box.opened_for_count = True
    # Ballots come out of the box in no particular order; the seeded stream fixes one.
    world.rng(f"count:{ballot.value}").shuffle(box.contents)
    counting.order.append(ballot)
    counting.open_box = ballot
    counting.next_index.setdefault(ballot, 0)
    counting.tally.setdefault(ballot, {})
    counting.rulings.setdefault(ballot, [])
    contest = world.scenario.contest(ballot)
    assert contest is not None
    counting.rows[ballot] = frozenset(str(t) for t in all_targets(contest))
    if not box.contents:
        _finish_type(ballot, judge)


def _rule(action: RuleBallot, judge: Judge) -> None:
    world = judge.world
    counting = world.counting
    ballot = current_ballot(world)
    if ballot is None or counting.open_box is None:
        raise IllegalAction("no ballot is waiting to be ruled")
    ballot_type = counting.open_box
    ruled = _checked_target(action.verdict, ballot_type, world)
    index = counting.next_index[ballot_type]
    if index == 0 and not world.boxes[ballot_type].count_announced:
        judge.flag(COUNT_NOT_ANNOUNCED, ballot_type.value)
    if not action.shown and counting.unshown.get(ballot_type, 0) == 0:
        judge.flag(NOT_SHOWN, ballot_type.value)
    if not action.shown:
        counting.unshown[ballot_type] = counting.unshown.get(ballot_type, 0) + 1
    truth = true_verdict(world, ballot)
    if ruled != truth.counted_as:
        rule = misjudgement_rule(truth, ruled)
        judge.flag(
            rule,
            ballot_subject(ballot_type, index),
            expected=str(truth.counted_as),
            ruled=str(ruled),
            code=truth.code.value,
        )
    _tally(ballot_type, str(ruled), world)
    judge.emit("ballot_ruled", ballot=ballot_type.value, index=index, verdict=str(ruled))
    if index + 1 == len(world.boxes[ballot_type].contents):
        _finish_type(ballot_type, judge)


def _delegate(ballot_type: BallotType, judge: Judge) -> None:
    """The crew rules every ballot left in the open box, each as the engine judges it."""
    world = judge.world
    counting = world.counting
    if counting.open_box is not ballot_type or current_ballot(world) is None:
        raise IllegalAction(f"the {ballot_type.value} box is not open with ballots left")
    start = counting.next_index[ballot_type]
    if start == 0 and not world.boxes[ballot_type].count_announced:
        judge.flag(COUNT_NOT_ANNOUNCED, ballot_type.value)  # the crew rules before it is said
    remaining = world.boxes[ballot_type].contents[start:]
    for ballot in remaining:
        _tally(ballot_type, str(true_verdict(world, ballot).counted_as), world)
    counting.delegated[ballot_type] = counting.delegated.get(ballot_type, 0) + len(remaining)
    judge.emit("count_delegated", ballot=ballot_type.value, start=start, count=len(remaining))
    _finish_type(ballot_type, judge)


def _tally(ballot_type: BallotType, ruled: str, world: World) -> None:
    """One ruling onto the plano; the clock moves a minute every BALLOTS_PER_MINUTE rulings."""
    counting = world.counting
    tally = counting.tally[ballot_type]
    tally[ruled] = tally.get(ruled, 0) + 1
    counting.rulings[ballot_type].append(ruled)
    counting.next_index[ballot_type] += 1
    if sum(counting.next_index.values()) % BALLOTS_PER_MINUTE == 0:
        world.clock += 1


def _checked_target(text: str, ballot_type: BallotType, world: World) -> Target:
    target = parse_target(text)
    if target.is_valid and text not in world.counting.rows[ballot_type]:
        raise IllegalAction(f"{text!r} is not a row of the {ballot_type.value} C.Hasil")
    return target


def misjudgement_rule(truth: Verdict, ruled: Target) -> Rule:
    """Name the mistake: the specific trap first, then the general direction of the error."""
    if truth.target is not None and truth.target.kind is TargetKind.KOSONG and not ruled.is_valid:
        return KOSONG_INVALID
    if truth.tertukar:
        return TERTUKAR_MISJUDGED
    if truth.punch_through or truth.code is Code.MIRROR_IN_OTHER_COLUMN:
        return PUNCH_THROUGH_MISJUDGED
    if truth.code is Code.G1_UNSIGNED:
        return UNSIGNED_COUNTED
    if truth.code.value.startswith("D") or truth.code is Code.MULTI_PARTY:
        return PARTY_LIST_MISJUDGED
    if truth.valid and not ruled.is_valid:
        return VALID_RULED_INVALID
    if not truth.valid:
        return INVALID_RULED_VALID
    return WRONG_TARGET


def _finish_type(ballot_type: BallotType, judge: Judge) -> None:
    counting = judge.world.counting
    counting.finished.append(ballot_type)
    counting.open_box = None
    judge.emit("type_counted", ballot=ballot_type.value, tally=dict(counting.tally[ballot_type]))


def finish(judge: Judge) -> None:
    world = judge.world
    for ballot_type, box in world.boxes.items():
        if ballot_type not in world.counting.finished:
            counted = min(world.counting.next_index.get(ballot_type, 0), len(box.contents))
            judge.flag(NOT_FINISHED, ballot_type.value, counted=counted, total=len(box.contents))


def duties(world: World) -> list[Duty]:
    """Every box counted to its last ballot (HANDBOOK §7.1): a box is as many units of work
    as it holds ballots; an empty box is one, done once it has been opened."""
    counting = world.counting
    found: list[Duty] = []
    for ballot_type, box in world.boxes.items():
        name = f"box:{ballot_type.value}"
        if box.contents:
            done = min(counting.next_index.get(ballot_type, 0), len(box.contents))
            found.append(Duty(name, done, len(box.contents)))
        else:
            found.append(Duty(name, int(ballot_type in counting.finished)))
    return found


def count_correctly(world: World) -> None:
    """The count of a careful crew, for scenarios that start after counting."""
    counting = world.counting
    for ballot_type in BALLOT_ORDER[world.scenario.election]:
        box = world.boxes.get(ballot_type)
        if box is None:
            continue
        box.opened_for_count = box.count_announced = True
        tally: dict[str, int] = {}
        rulings: list[str] = []
        for ballot in box.contents:
            verdict = str(true_verdict(world, ballot).counted_as)
            tally[verdict] = tally.get(verdict, 0) + 1
            rulings.append(verdict)
        counting.order.append(ballot_type)
        counting.tally[ballot_type] = tally
        counting.rulings[ballot_type] = rulings
        counting.next_index[ballot_type] = len(box.contents)
        counting.finished.append(ballot_type)


def allowed(world: World) -> Sequence[Action]:
    counting = world.counting
    actions: list[Action] = []
    if counting.open_box is not None:
        open_box = counting.open_box
        if not world.boxes[open_box].count_announced:
            actions.append(AnnounceBoxCount(ballot=open_box))
        contest = world.scenario.contest(open_box)
        assert contest is not None
        rows = [str(t) for t in all_targets(contest)] + ["invalid"]
        actions += [RuleBallot(verdict=row) for row in rows]
        actions.append(RuleBallot(verdict="invalid", shown=False))
        if current_ballot(world) is not None:
            actions.append(DelegateCount(ballot=open_box))
    actions += [
        OpenBoxForCount(ballot=b)
        for b in world.boxes
        if b not in counting.finished and b is not counting.open_box
    ]
    return actions
