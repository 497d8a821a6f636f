"""Persiapan & pembukaan: the notice board, witnesses, the meeting at 07:00, the oath, the boxes.

HANDBOOK §4 in order: post the lists (06:00), receive witnesses' mandates, open the meeting at
07:00 (a wait of up to 30 minutes only for absent witnesses or PTPS), the oath, open each box
in the fixed order in view of all, count the ballots, show the box empty and lock it again,
then explain how to vote. Undeliverable voter notices go back to the PPS with the reason (§2).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from simulator.core.actions import Action, AdvanceClock, IllegalAction
from simulator.core.domain import BALLOT_ORDER, OPENING_TIME
from simulator.core.judge import Judge
from simulator.core.phases import logistik
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.state import World
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.scenario import NoticeReason
from simulator.schema.types import BallotType, Consequence, Phase, Severity

PHASE = Phase.PEMBUKAAN


class PostNoticeBoard(Action):
    """Post the DPT, DPTb, candidate lists and layout plan at the entrance."""

    kind: Literal["post_board"] = "post_board"
    marked_ineligible: bool = Field(
        True, description="Voters who no longer qualify are marked on the posted DPT"
    )


class ReturnNotice(Action):
    """Hand an undeliverable C.Pemberitahuan back to the PPS, marked with the reason."""

    kind: Literal["return_notice"] = "return_notice"
    notice: str
    reason: NoticeReason


class AdmitWitness(Action):
    kind: Literal["admit_witness"] = "admit_witness"
    witness: str


class RefuseWitness(Action):
    kind: Literal["refuse_witness"] = "refuse_witness"
    witness: str


class AskRemoveAttributes(Action):
    """Ask a witness to take off or cover a participant's attribute."""

    kind: Literal["ask_remove_attributes"] = "ask_remove_attributes"
    witness: str


class OpenMeeting(Action):
    """The chair opens the voting meeting (rapat pemungutan suara)."""

    kind: Literal["open_meeting"] = "open_meeting"


class TakeOath(Action):
    """KPPS members and order officers take the oath, read out by the chair."""

    kind: Literal["take_oath"] = "take_oath"


class OpenBox(Action):
    """Unlock a ballot box and take everything out in view of all present."""

    kind: Literal["open_box"] = "open_box"
    ballot: BallotType


class ShowBoxEmpty(Action):
    kind: Literal["show_box_empty"] = "show_box_empty"
    ballot: BallotType


class LockBox(Action):
    kind: Literal["lock_box"] = "lock_box"
    ballot: BallotType


class ExplainProcedure(Action):
    """Explain to everyone present how to vote (types, one punch, folding, boxes, no phones)."""

    kind: Literal["explain_procedure"] = "explain_procedure"


OWN_ACTIONS: tuple[type[Action], ...] = (
    PostNoticeBoard,
    ReturnNotice,
    AdmitWitness,
    RefuseWitness,
    AskRemoveAttributes,
    OpenMeeting,
    TakeOath,
    OpenBox,
    ShowBoxEmpty,
    LockBox,
    ExplainProcedure,
)
# Ballots are counted, and problems reported, at the opening too (HANDBOOK §4 step 5).
ACTIONS: tuple[type[Action], ...] = OWN_ACTIONS + logistik.ACTIONS

NOTICE_NOT_RETURNED = Rule(
    "pembukaan.pemberitahuan_tidak_dikembalikan",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024; Buku Panduan KPPS Pemilu 2024 hlm. 3-4",
    ("M04",),
    (Consequence.TEMUAN,),
    handbook="§2 (H-1)",
)
NOTICE_WRONG_REASON = Rule(
    "pembukaan.alasan_pemberitahuan_keliru",
    PHASE,
    Severity.RINGAN,
    "Buku Panduan KPPS Pemilu 2024 hlm. 4",
    ("M04",),
    (),
    severity_note=(
        "The notice was returned (M04's duty done); only the reason written on it is "
        "wrong."
    ),
    handbook="§2 (H-1)",
)
BOARD_NOT_POSTED = Rule(
    "pembukaan.papan_pengumuman_tidak_dipasang",
    PHASE,
    Severity.RINGAN,
    "PKPU 8/2022 Pasal 30; Kep. KPU 66/2024",
    ("M05",),
    (Consequence.TEMUAN,),
    handbook="§1.1 (article note); §4 step 1",
)
BOARD_NOT_MARKED = Rule(
    "pembukaan.dpt_tidak_ditandai",
    PHASE,
    Severity.RINGAN,
    "PKPU 8/2022 Pasal 30; Kep. KPU 66/2024",
    ("M05",),
    (Consequence.TEMUAN,),
    handbook="§1.1 (article note); §4 step 1",
)
OPENED_LATE = Rule(
    "pembukaan.dibuka_terlambat",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 5",
    ("M06",),
    (Consequence.TEMUAN, Consequence.HAK_PILIH_HILANG),
    confidence="M",
    handbook="§2 (07:00); §4 step 3; §15 item 14",
)
OPENED_EARLY = Rule(
    "pembukaan.dibuka_sebelum_0700",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 5",
    ("M07",),
    (Consequence.KEBERATAN,),
    handbook="§2 (07:00); §4 step 3",
)
BOX_OPENED_BEFORE_MEETING = Rule(
    "pembukaan.kotak_dibuka_sebelum_rapat",
    PHASE,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 80(2)(a)",
    ("M08",),
    (Consequence.PSU,),
    handbook="§4 step 5; §11.1",
)
BOX_NOT_SHOWN = Rule(
    "pembukaan.kotak_tidak_ditunjukkan_kosong",
    PHASE,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 80(2)(a)",
    ("M08",),
    (Consequence.PSU,),
    handbook="§4 step 5d; §11.1",
)
BOX_NOT_LOCKED = Rule(
    "pembukaan.kotak_tidak_dikunci",
    PHASE,
    Severity.BERAT,
    "Buku Panduan KPPS Pemilu 2019 hlm. 21",
    ("M08",),
    (Consequence.KEBERATAN,),
    severity_note=(
        "The box was shown empty in public (M08's critical point); only relocking it "
        "was forgotten."
    ),
    handbook="§4 step 5d",
)
BOX_ORDER = Rule(
    "pembukaan.urutan_kotak_salah",
    PHASE,
    Severity.RINGAN,
    "Buku Panduan KPPS Pemilu 2019 hlm. 21",
    (),
    (),
    handbook="§4 step 5 (the Pilkada order is (M))",
)
WITNESS_WITHOUT_MANDATE = Rule(
    "pembukaan.saksi_tanpa_mandat_diterima",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024",
    ("M09",),
    (Consequence.TEMUAN, Consequence.KEBERATAN),
    handbook="§1.3; §4 step 2",
)
WITNESS_WRONGLY_REFUSED = Rule(
    "pembukaan.saksi_bermandat_ditolak",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024",
    (),
    (Consequence.KEBERATAN,),
    handbook="§1.3; §4 step 2",
)
WITNESS_ATTRIBUTES = Rule(
    "pembukaan.atribut_saksi_dibiarkan",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M10",),
    (Consequence.TEMUAN,),
    handbook="§1.3",
)
NOT_EXPLAINED = Rule(
    "pembukaan.tata_cara_tidak_dijelaskan",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024 Bab II",
    ("M11",),
    (Consequence.TEMUAN,),
    handbook="§1.1 (KPPS 1); §4 step 6",
)
NO_OATH = Rule(
    "pembukaan.sumpah_tidak_dilakukan",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    (),
    (),
    handbook="§4 step 4; §16.3",
)

RULES: tuple[Rule, ...] = (
    NOTICE_NOT_RETURNED,
    NOTICE_WRONG_REASON,
    BOARD_NOT_POSTED,
    BOARD_NOT_MARKED,
    OPENED_LATE,
    OPENED_EARLY,
    BOX_OPENED_BEFORE_MEETING,
    BOX_NOT_SHOWN,
    BOX_NOT_LOCKED,
    BOX_ORDER,
    WITNESS_WITHOUT_MANDATE,
    WITNESS_WRONGLY_REFUSED,
    WITNESS_ATTRIBUTES,
    NOT_EXPLAINED,
    NO_OATH,
)


def latest_opening(world: World) -> int:
    """The latest acceptable opening: 07:00, or up to the grace if voters, witnesses or the
    PTPS were absent at 07:00 (HANDBOOK §2, §4 step 3)."""
    absent = (
        to_minutes(world.scenario.ptps_arrives) > OPENING_TIME
        or any(w.arrives > OPENING_TIME for w in world.witnesses.values())
        or not any(v.arrives <= OPENING_TIME for v in world.voters.values())
    )
    grace = world.scenario.rules.opening_grace_minutes if absent else 0
    return OPENING_TIME + grace


def apply(action: Action, judge: Judge) -> None:
    world = judge.world
    if isinstance(action, logistik.ACTIONS):
        logistik.apply(action, judge)
    elif isinstance(action, PostNoticeBoard):
        world.opening.board_posted = True
        world.opening.board_marked = action.marked_ineligible
    elif isinstance(action, ReturnNotice):
        _return_notice(action, judge)
    elif isinstance(action, AdmitWitness | RefuseWitness | AskRemoveAttributes):
        _witness(action, judge)
    elif isinstance(action, OpenMeeting):
        _open_meeting(judge)
    elif isinstance(action, TakeOath):
        world.opening.oath_taken = True
    elif isinstance(action, OpenBox | ShowBoxEmpty | LockBox):
        _box(action, judge)
    elif isinstance(action, ExplainProcedure):
        world.opening.procedure_explained = True
    else:
        raise IllegalAction(f"{action.kind} is not an opening action")


def _return_notice(action: ReturnNotice, judge: Judge) -> None:
    notices = {n.id: n for n in judge.world.scenario.undelivered_notices}
    notice = notices.get(action.notice)
    if notice is None:
        raise IllegalAction(f"no undelivered notice {action.notice!r}")
    judge.world.opening.notices_returned[notice.id] = action.reason.value
    if action.reason is not notice.reason:
        judge.flag(
            NOTICE_WRONG_REASON, notice.id, given=action.reason.value, actual=notice.reason.value
        )


def _witness(action: AdmitWitness | RefuseWitness | AskRemoveAttributes, judge: Judge) -> None:
    world = judge.world
    witness = world.witnesses.get(action.witness)
    if witness is None or witness.arrives > world.clock:
        raise IllegalAction(f"witness {action.witness!r} is not at the TPS")
    if isinstance(action, AskRemoveAttributes):
        witness.attributes_removed = True
        return
    if witness.decision is not None:
        raise IllegalAction(f"witness {witness.id!r} was already received")
    if isinstance(action, AdmitWitness):
        witness.decision = "admitted"
        if not witness.mandate:
            judge.flag(WITNESS_WITHOUT_MANDATE, witness.id)
        elif witness.attributes and not witness.attributes_removed:
            judge.flag(WITNESS_ATTRIBUTES, witness.id)
    else:
        witness.decision = "refused"
        # The mandate is handed over before the meeting starts (HANDBOOK §1.3): turning away a
        # witness who comes later is arguable, so only a timely one is wrongly refused.
        opened = world.opening.meeting_opened_at
        if witness.mandate and (opened is None or witness.arrives <= opened):
            judge.flag(WITNESS_WRONGLY_REFUSED, witness.id)


def _open_meeting(judge: Judge) -> None:
    world = judge.world
    if world.opening.meeting_opened_at is not None:
        raise IllegalAction("the meeting is already open")
    world.opening.meeting_opened_at = world.clock
    if world.clock < OPENING_TIME:
        judge.flag(OPENED_EARLY, None, time=world.clock)
    elif world.clock > latest_opening(world):
        judge.flag(OPENED_LATE, None, time=world.clock, latest=latest_opening(world))


def _box(action: OpenBox | ShowBoxEmpty | LockBox, judge: Judge) -> None:
    world = judge.world
    box = world.boxes.get(action.ballot)
    if box is None:
        raise IllegalAction(f"no {action.ballot.value} box at this TPS")
    if isinstance(action, OpenBox):
        if box.opened:
            raise IllegalAction(f"the {action.ballot.value} box is already open")
        box.opened = True
        world.opening.box_order.append(box.ballot)
        if world.opening.meeting_opened_at is None:
            judge.flag(BOX_OPENED_BEFORE_MEETING, box.ballot.value)
        if box.ballot is not _next_in_order(world):
            judge.flag(BOX_ORDER, box.ballot.value)
    elif not box.opened:
        raise IllegalAction(f"the {action.ballot.value} box has not been opened")
    elif isinstance(action, ShowBoxEmpty):
        box.shown_empty = True
    else:
        box.relocked = True


def _next_in_order(world: World) -> BallotType | None:
    opened = set(world.opening.box_order[:-1])
    order = [b for b in BALLOT_ORDER[world.scenario.election] if b in world.boxes]
    return next((b for b in order if b not in opened), None)


def judge_boxes_before_voting(judge: Judge) -> None:
    """Every box must have been shown empty and locked again before voting starts."""
    for box in judge.world.boxes.values():
        if not box.shown_empty:
            judge.flag(BOX_NOT_SHOWN, box.ballot.value)
        elif not box.relocked:
            judge.flag(BOX_NOT_LOCKED, box.ballot.value)


def finish(judge: Judge) -> None:
    world = judge.world
    opening = world.opening
    for notice in world.scenario.undelivered_notices:
        if notice.id not in opening.notices_returned:
            judge.flag(NOTICE_NOT_RETURNED, notice.id)
    if not opening.board_posted:
        judge.flag(BOARD_NOT_POSTED)
    elif not opening.board_marked:
        judge.flag(BOARD_NOT_MARKED)
    if opening.meeting_opened_at is None:
        judge.flag(OPENED_LATE, None, time=world.clock, latest=latest_opening(world))
    if not opening.oath_taken:
        judge.flag(NO_OATH)
    judge_boxes_before_voting(judge)
    if not opening.procedure_explained:
        judge.flag(NOT_EXPLAINED)
    # Boxes and items were judged at receipt (played, or taken as done); the packets now.
    logistik.judge_unreported(judge, at_opening=True)
    logistik.judge_uncounted(judge)


def allowed(world: World) -> Sequence[Action]:
    opening = world.opening
    actions: list[Action] = list(logistik.allowed(world))
    actions.append(PostNoticeBoard(marked_ineligible=True))
    actions.append(PostNoticeBoard(marked_ineligible=False))
    for notice in world.scenario.undelivered_notices:
        if notice.id not in opening.notices_returned:
            actions += [ReturnNotice(notice=notice.id, reason=r) for r in NoticeReason]
    for witness in world.witnesses.values():
        if witness.arrives <= world.clock and witness.decision is None:
            actions += [AdmitWitness(witness=witness.id), RefuseWitness(witness=witness.id)]
            if witness.attributes and not witness.attributes_removed:
                actions.append(AskRemoveAttributes(witness=witness.id))
    if opening.meeting_opened_at is None:
        actions.append(OpenMeeting())
    actions += [TakeOath(), ExplainProcedure()]
    for box in world.boxes.values():
        if not box.opened:
            actions.append(OpenBox(ballot=box.ballot))
        else:
            actions += [ShowBoxEmpty(ballot=box.ballot), LockBox(ballot=box.ballot)]
    actions += [AdvanceClock(to=format_minutes(t)) for t in _clock_stops(world)]
    return actions


def duties(world: World) -> list[Duty]:
    """The preparation and the opening meeting (HANDBOOK §2, §4): notices back to the PPS,
    the board, each witness received, the meeting opened with the oath and the procedure
    explained, each box shown empty and locked, each ballot type counted."""
    opening = world.opening
    found = [
        Duty(f"notice:{n.id}", int(n.id in opening.notices_returned))
        for n in world.scenario.undelivered_notices
    ]
    found.append(Duty("board", int(opening.board_posted)))
    found += [
        Duty(f"witness:{w.id}", int(w.decision is not None))
        for w in world.witnesses.values()
        if w.arrives <= world.clock
    ]
    found += [
        Duty("meeting", int(opening.meeting_opened_at is not None)),
        Duty("oath", int(opening.oath_taken)),
        Duty("procedure", int(opening.procedure_explained)),
    ]
    found += [
        Duty(f"box:{b.ballot.value}", int(b.shown_empty) + int(b.relocked), 2)
        for b in world.boxes.values()
    ]
    found += [Duty(f"count:{b.value}", int(s.counted)) for b, s in world.stocks.items()]
    return found


def _clock_stops(world: World) -> list[int]:
    """Where waiting leads during the preparation: each witness's and the Pengawas TPS's
    arrival, 07:00, and the end of the grace when someone is absent, where still ahead."""
    moments = {w.arrives for w in world.witnesses.values()}
    moments |= {to_minutes(world.scenario.ptps_arrives), OPENING_TIME, latest_opening(world)}
    return sorted(t for t in moments if t > world.clock)
