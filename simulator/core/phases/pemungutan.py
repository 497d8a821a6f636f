"""Pemungutan suara: the voter desk from 07:00 to the last voter after 13:00.

HANDBOOK §5: voters join the queue as they arrive; the trainee calls one to the desk, checks
the fingers for ink and the documents, admits (entering the voter in the DPT, DPTb or DPK
attendance list) or refuses, and the chair hands over the ballots, signed by hand. The voter
may ask for help in the booth or for a replacement ballot; at the exit a finger is inked and
the ballots go into their boxes. At 12:00 the chair announces the DPK hour, at 13:00 the close.

What is right for each voter comes from :func:`simulator.core.desk.decide`; this module applies
what the trainee did and flags where it departs from that. A decision the handbook leaves
unsettled (``unsettled``) is scored neither way.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from pydantic import Field

from simulator.core.actions import (
    Action,
    AdvanceClock,
    IllegalAction,
    InformPtps,
    RecordSpecialEvent,
)
from simulator.core.desk import (
    PILKADA_DPTB_FROM,
    Decision,
    DeskView,
    Reason,
    all_types,
    decide,
    decide_in,
    entitled_to_assistance,
    is_priority,
    open_dptb_hour,
    wants_assistance,
)
from simulator.core.domain import CLOSING_TIME, DPK_FROM
from simulator.core.judge import Judge
from simulator.core.phases import continued_vote
from simulator.core.rules import Rule
from simulator.core.scoring import Duty
from simulator.core.setup import next_generated_ballot
from simulator.core.state import VoterState, World
from simulator.schema.ballot import Ballot
from simulator.schema.clock import GameTime, format_minutes, to_minutes
from simulator.schema.types import (
    BallotType,
    Consequence,
    ElectionType,
    Phase,
    Severity,
    VoterList,
)

PHASE = Phase.PEMUNGUTAN

Signature = Literal["tangan", "stempel", "tanpa"]
VoterId = str

# Topics of C.Kejadian Khusus entries about one voter (any topic naming the voter counts).
TOPICS: tuple[str, ...] = ("pemilih_bertinta", "identitas_tidak_cocok", "identitas_pengganti")


class _VoterAction(Action):
    voter: VoterId = Field(min_length=1, max_length=64)


class CallVoter(_VoterAction):
    """Bring a waiting voter to the desk (the trainee picks from the queue)."""

    kind: Literal["call_voter"] = "call_voter"


class CheckInk(_VoterAction):
    """Look at all ten fingers for election ink."""

    kind: Literal["check_ink"] = "check_ink"


class CheckDocuments(_VoterAction):
    """Look at the notice, Model A and identity documents and match them to the lists."""

    kind: Literal["check_documents"] = "check_documents"


class AdmitVoter(_VoterAction):
    """Enter the voter in an attendance list (C.Daftar Hadir DPT, DPTb or DPK)."""

    kind: Literal["admit_voter"] = "admit_voter"
    list: VoterList


class IssueBallots(_VoterAction):
    """The chair hands over these ballot types, signed by hand, stamped, or not at all."""

    kind: Literal["issue_ballots"] = "issue_ballots"
    ballots: list[BallotType] = Field(min_length=1, max_length=5)
    signature: Signature = "tangan"


class RemindPhone(_VoterAction):
    """Remind the voter that no phone or camera may go into the booth."""

    kind: Literal["remind_phone"] = "remind_phone"


class AllowAssistance(_VoterAction):
    """Let a helper of the voter's choice go into the booth with them."""

    kind: Literal["allow_assistance"] = "allow_assistance"


class RefuseAssistance(_VoterAction):
    kind: Literal["refuse_assistance"] = "refuse_assistance"


class RecordHelperStatement(_VoterAction):
    """The helper signs the statement to keep the vote secret (Model C.PENDAMPING-KPU)."""

    kind: Literal["helper_statement"] = "helper_statement"


class ReplaceBallot(_VoterAction):
    """Take back a damaged or wrongly marked ballot and give a fresh one of the same type."""

    kind: Literal["replace_ballot"] = "replace_ballot"
    ballot: BallotType


class RefuseReplacement(_VoterAction):
    kind: Literal["refuse_replacement"] = "refuse_replacement"
    ballot: BallotType


class ApplyInk(_VoterAction):
    """At the exit: the ballots go into their boxes, a finger is inked, the voter leaves."""

    kind: Literal["apply_ink"] = "apply_ink"


class RefuseVoter(_VoterAction):
    """Turn the voter away, saying why."""

    kind: Literal["refuse_voter"] = "refuse_voter"
    reason: Reason


class AskComeBack(_VoterAction):
    """Ask the voter to come back later: at 12:00 (the DPK hour) or at the hour the scenario
    serves DPTb voters from (``rules.dptb_from``)."""

    kind: Literal["ask_come_back"] = "ask_come_back"
    at: GameTime = "12:00"


class AnnounceDpk(Action):
    """At 12:00: announce that residents on no list may now vote with their KTP-el."""

    kind: Literal["announce_dpk"] = "announce_dpk"


class AnnounceClose(Action):
    """At 13:00: announce that only voters already present may still vote."""

    kind: Literal["announce_close"] = "announce_close"


_DESK_ACTIONS: tuple[type[_VoterAction], ...] = (
    CheckInk,
    CheckDocuments,
    AdmitVoter,
    IssueBallots,
    RemindPhone,
    AllowAssistance,
    RefuseAssistance,
    RecordHelperStatement,
    ReplaceBallot,
    RefuseReplacement,
    ApplyInk,
    RefuseVoter,
    AskComeBack,
)
ACTIONS: tuple[type[Action], ...] = (CallVoter, *_DESK_ACTIONS, AnnounceDpk, AnnounceClose)

# --- Rules -----------------------------------------------------------------------------------


INK_ADMITTED = Rule(
    "pemungutan.pemilih_bertinta_dilayani",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 516; PKPU 25/2023 Pasal 80(3)",
    ("M12",),
    (Consequence.PSU, Consequence.PIDANA),
    regulation_pilkada="UU 10/2016 Pasal 112(2)(d), Pasal 178B; PKPU 17/2024 Pasal 50(3)(d)",
    handbook="§5.6; §11.1",
)
INK_NOT_CHECKED = Rule(
    "pemungutan.tinta_tidak_diperiksa",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024 Bab II",
    ("M12",),
    (Consequence.TEMUAN,),
    severity_note=(
        "The finger was clean this time; serving an inked voter, M12's critical case, "
        "is pemungutan.pemilih_bertinta_dilayani."
    ),
    handbook="§1.1 (KPPS 4); §5.1 step 2a; §5.6",
)
NONRESIDENT_ADMITTED = Rule(
    "pemungutan.bukan_penduduk_dilayani",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 372(2)(d); PKPU 25/2023 Pasal 80(2)(d)",
    ("M13",),
    (Consequence.PSU,),
    regulation_pilkada="PKPU 17/2024 Pasal 50(3)(e)",
    handbook="§5.3; §5.4; §11.1",
)
NO_ID_ADMITTED = Rule(
    "pemungutan.tanpa_identitas_dilayani",
    PHASE,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 80(2)(d)",
    ("M14",),
    (Consequence.PSU,),
    regulation_pilkada="PKPU 17/2024 Pasal 50(3)(e)",
    handbook="§5.4; §5.5; §11.1",
)
IMPERSONATOR_ADMITTED = Rule(
    "pemungutan.joki_dilayani",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 533",
    ("M19",),
    (Consequence.PIDANA, Consequence.PSU),
    handbook="§5.2; §5.6",
)
OTHER_TPS_ADMITTED = Rule(
    "pemungutan.pemilih_tps_lain_dilayani",
    PHASE,
    Severity.KRITIS,
    "PKPU 25/2023; UU 7/2017 Pasal 516",
    (),
    (Consequence.PSU, Consequence.PIDANA),
    regulation_pilkada="PKPU 17/2024; UU 10/2016 Pasal 178B",
    handbook="§5.2; §5.3; §5.6",
)
DPK_OTHER_AREA_ADMITTED = Rule(
    "pemungutan.dpk_beda_wilayah_dilayani",
    PHASE,
    Severity.BERAT,
    "Panduan Pengawas TPS 2024",
    ("M13",),
    (Consequence.TEMUAN, Consequence.KEBERATAN),
    confidence="M",
    severity_note=(
        "A resident of another TPS area in the same village: not the out-of-village "
        "re-vote ground of M13 (HANDBOOK §5.4 item 3)."
    ),
    handbook="§5.4 condition 3; §15 item 6",
)
KK_SIM_ADMITTED = Rule(
    "pemungutan.kk_sim_diterima",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023",
    (),
    (Consequence.KEBERATAN,),
    confidence="L",
    handbook="§5.2; §5.5; §15 item 4 (graded only where the scenario settles it)",
)
AFTER_CLOSE_ADMITTED = Rule(
    "pemungutan.dilayani_setelah_1300",
    PHASE,
    Severity.BERAT,
    "Panduan Pengawas TPS 2024",
    ("M29",),
    (Consequence.KEBERATAN, Consequence.TEMUAN),
    handbook="§2 (13:00); §5.10",
)
DPK_EARLY = Rule(
    "pemungutan.dpk_sebelum_1200",
    PHASE,
    Severity.BERAT,
    "Panduan Pengawas TPS 2024",
    ("M17",),
    (Consequence.TEMUAN,),
    regulation_pilkada="PKPU 17/2024",
    handbook="§2 (12:00); §5.4 condition 4",
)
DPTB_EARLY = Rule(
    "pemungutan.dptb_sebelum_waktunya",
    PHASE,
    Severity.RINGAN,
    "PKPU 25/2023 Pasal 6",
    (),
    (),
    points=1,
    confidence="M",
    regulation_pilkada="PKPU 17/2024",
    handbook="§2 (DPTb window); §15 items 1-2 (advisory only)",
)
DPTB_WRONG_TYPES = Rule(
    "pemungutan.jenis_surat_suara_dptb_salah",
    PHASE,
    Severity.KRITIS,
    "UU 7/2017 Pasal 348(4)",
    ("M15",),
    (Consequence.PSU, Consequence.HITUNG_ULANG),
    handbook="§5.3 (entitlement matrix); §11.1",
)
NOT_ALL_TYPES = Rule(
    "pemungutan.surat_suara_tidak_lengkap",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 25",
    (),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    handbook="§5.1 step 3b; §5.4 item 6",
)
WRONG_LIST = Rule(
    "pemungutan.daftar_hadir_salah",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024 Bab II",
    ("M40",),
    (Consequence.HITUNG_ULANG,),
    severity_note=(
        "A slip at the desk; carried onto the C.Hasil it becomes M40, judged at the "
        "forms."
    ),
    handbook="§5.1 step 2c; §5.4 item 7; §8.2 R3",
)
DPTB_REFUSED = Rule(
    "pemungutan.dptb_ditolak",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 348(4)",
    ("M16",),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    handbook="§5.3",
)
DPT_REFUSED = Rule(
    "pemungutan.dpt_ditolak",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023",
    ("M20",),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    severity_note=(
        "An entitled voter turned away loses their vote (UU 7/2017 Pasal 510); M20's "
        "minor case is only the unrecorded substitute ID."
    ),
    handbook="§5.2; §5.5",
)
DPK_REFUSED = Rule(
    "pemungutan.dpk_ditolak",
    PHASE,
    Severity.BERAT,
    "Panduan Pengawas TPS 2024",
    (),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    handbook="§5.4",
)
WRONG_REASON = Rule(
    "pemungutan.alasan_penolakan_keliru",
    PHASE,
    Severity.RINGAN,
    "PKPU 25/2023; Panduan Pengawas TPS 2024",
    (),
    (Consequence.KEBERATAN,),
    handbook="§5.2; §5.3; §5.4; §5.5; §5.6; §5.10",
)
NOT_SENT_TO_HOME_TPS = Rule(
    "pemungutan.tidak_diarahkan_ke_tps_domisili",
    PHASE,
    Severity.RINGAN,
    "Panduan Pengawas TPS 2024",
    (),
    (Consequence.HAK_PILIH_HILANG,),
    confidence="M",
    handbook="§5.4 condition 3; §15 item 6",
)
DPK_NOT_REDIRECTED = Rule(
    "pemungutan.dpk_tidak_diarahkan",
    PHASE,
    Severity.RINGAN,
    "Panduan Pengawas TPS 2024",
    ("M18",),
    (Consequence.HAK_PILIH_HILANG,),
    handbook="§5.4 condition 5",
)
SUBSTITUTE_NOT_RECORDED = Rule(
    "pemungutan.identitas_pengganti_tidak_dicatat",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M20",),
    (Consequence.TEMUAN,),
    confidence="M",
    handbook="§5.2 row 3; §5.5",
)
INK_REFUSAL_NOT_RECORDED = Rule(
    "pemungutan.pemilih_bertinta_tidak_dicatat",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M12",),
    (Consequence.TEMUAN,),
    severity_note=(
        "The inked voter was refused (M12 avoided); only the record and the report to "
        "the PTPS are missing."
    ),
    handbook="§5.6; §9",
)
IMPERSONATION_NOT_RECORDED = Rule(
    "pemungutan.joki_tidak_dicatat",
    PHASE,
    Severity.RINGAN,
    "UU 7/2017 Pasal 533; Kep. KPU 66/2024",
    ("M19",),
    (Consequence.TEMUAN,),
    severity_note=(
        "The impersonator was refused (M19 avoided); only the record and the report to "
        "the PTPS are missing."
    ),
    handbook="§5.2; §9",
)
UNSIGNED = Rule(
    "pemungutan.surat_suara_tidak_ditandatangani",
    PHASE,
    Severity.KRITIS,
    "Kep. KPU 66/2024 Bab II; PKPU 25/2023 Pasal 53",
    ("M22",),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    regulation_pilkada="PKPU 17/2024; Buku Pintar KPPS Pemilihan 2024",
    handbook="§1.1 (KPPS 1); §5.1 step 3b; §7.2 G1",
)
ASSISTANCE_UNASKED = Rule(
    "pemungutan.pendampingan_tanpa_permintaan",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 356(1)",
    ("M23",),
    (Consequence.TEMUAN,),
    handbook="§5.7",
)
HELPER_NO_STATEMENT = Rule(
    "pemungutan.pendamping_tanpa_formulir",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 356(2), Pasal 500",
    ("M23",),
    (Consequence.TEMUAN,),
    handbook="§5.7; §8.3",
)
ASSISTANCE_REFUSED = Rule(
    "pemungutan.pendampingan_ditolak",
    PHASE,
    Severity.BERAT,
    "UU 7/2017 Pasal 356(1)",
    (),
    (Consequence.KEBERATAN, Consequence.HAK_PILIH_HILANG),
    handbook="§5.7",
)
PHONE_NOT_REMINDED = Rule(
    "pemungutan.hp_tidak_diingatkan",
    PHASE,
    Severity.RINGAN,
    "PKPU 25/2023 Pasal 25(1)(e), Pasal 28(2)",
    ("M25",),
    (Consequence.TEMUAN,),
    handbook="§5.9",
)
REPLACEMENT_REFUSED = Rule(
    "pemungutan.penggantian_ditolak",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 26(1)-(3); UU 7/2017 Pasal 499",
    ("M21",),
    (Consequence.KEBERATAN,),
    handbook="§5.8",
)
SECOND_REPLACEMENT = Rule(
    "pemungutan.penggantian_kedua_diberikan",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 26(4)",
    ("M21",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    handbook="§5.8; §8.2 R10",
)
PRIORITY_IGNORED = Rule(
    "pemungutan.prioritas_diabaikan",
    PHASE,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M24",),
    (Consequence.KEBERATAN,),
    handbook="§4 step 7; §5.7",
)
INK_NOT_APPLIED = Rule(
    "pemungutan.tinta_tidak_diberikan",
    PHASE,
    Severity.BERAT,
    "Kep. KPU 66/2024 Bab II",
    (),
    (Consequence.TEMUAN,),
    handbook="§5.1 step 6; §5.6",
)
DPK_NOT_ANNOUNCED = Rule(
    "pemungutan.pengumuman_dpk_tidak_dilakukan",
    PHASE,
    Severity.RINGAN,
    "Panduan Pengawas TPS 2024",
    (),
    (Consequence.HAK_PILIH_HILANG,),
    handbook="§2 (12:00)",
)
CLOSE_NOT_ANNOUNCED = Rule(
    "pemungutan.pengumuman_penutupan_tidak_dilakukan",
    PHASE,
    Severity.RINGAN,
    "Panduan Pengawas TPS 2024",
    ("M28",),
    (Consequence.KEBERATAN,),
    severity_note=(
        "The queue was not cut (M28 avoided); only the announcement is missing."
    ),
    handbook="§5.10",
)
ENDED_EARLY = Rule(
    "pemungutan.ditutup_sebelum_1300",
    PHASE,
    Severity.BERAT,
    "PKPU 25/2023; Panduan Pengawas TPS 2024",
    ("M30",),
    (Consequence.TEMUAN, Consequence.HAK_PILIH_HILANG, Consequence.PSU),
    handbook="§2 (13:00); §5.10",
)
QUEUE_CUT = Rule(
    "pemungutan.antrean_dipotong",
    PHASE,
    Severity.BERAT,
    "Panduan Pengawas TPS 2024",
    ("M28",),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    handbook="§5.10; §18.6",
)

RULES: tuple[Rule, ...] = (
    INK_ADMITTED,
    INK_NOT_CHECKED,
    NONRESIDENT_ADMITTED,
    NO_ID_ADMITTED,
    IMPERSONATOR_ADMITTED,
    OTHER_TPS_ADMITTED,
    DPK_OTHER_AREA_ADMITTED,
    KK_SIM_ADMITTED,
    AFTER_CLOSE_ADMITTED,
    DPK_EARLY,
    DPTB_EARLY,
    DPTB_WRONG_TYPES,
    NOT_ALL_TYPES,
    WRONG_LIST,
    DPTB_REFUSED,
    DPT_REFUSED,
    DPK_REFUSED,
    WRONG_REASON,
    NOT_SENT_TO_HOME_TPS,
    DPK_NOT_REDIRECTED,
    SUBSTITUTE_NOT_RECORDED,
    INK_REFUSAL_NOT_RECORDED,
    IMPERSONATION_NOT_RECORDED,
    UNSIGNED,
    ASSISTANCE_UNASKED,
    HELPER_NO_STATEMENT,
    ASSISTANCE_REFUSED,
    PHONE_NOT_REMINDED,
    REPLACEMENT_REFUSED,
    SECOND_REPLACEMENT,
    PRIORITY_IGNORED,
    INK_NOT_APPLIED,
    DPK_NOT_ANNOUNCED,
    CLOSE_NOT_ANNOUNCED,
    ENDED_EARLY,
    QUEUE_CUT,
)

# Admitting a voter who should have been refused: the rule, by the reason for refusal.
_ADMITTED_DESPITE: dict[Reason, Rule] = {
    Reason.BERTINTA: INK_ADMITTED,
    Reason.SUDAH_DITUTUP: AFTER_CLOSE_ADMITTED,
    Reason.IDENTITAS_TIDAK_COCOK: IMPERSONATOR_ADMITTED,
    Reason.SALAH_TPS: OTHER_TPS_ADMITTED,
    Reason.SUDAH_PINDAH_MEMILIH: OTHER_TPS_ADMITTED,
    Reason.LUAR_DOMISILI: NONRESIDENT_ADMITTED,
    Reason.TANPA_IDENTITAS: NO_ID_ADMITTED,
    # M18: with ballots gone, serving the DPK voter (with what is left) instead of sending
    # them to the nearest TPS of the village.
    Reason.SURAT_SUARA_HABIS: DPK_NOT_REDIRECTED,
}

# Refusing (or sending away) a voter who should have been served: the rule, by list.
_WRONGLY_REFUSED: dict[VoterList, Rule] = {
    VoterList.DPT: DPT_REFUSED,
    VoterList.DPTB: DPTB_REFUSED,
    VoterList.DPK: DPK_REFUSED,
}

# A refusal that must be recorded and reported to the PTPS: the rule when it was not.
_UNRECORDED_REFUSAL: dict[Reason, Rule] = {
    Reason.BERTINTA: INK_REFUSAL_NOT_RECORDED,
    Reason.IDENTITAS_TIDAK_COCOK: IMPERSONATION_NOT_RECORDED,
}


# --- The queue -------------------------------------------------------------------------------


def enter(judge: Judge) -> None:
    """Voting opens: everyone already waiting joins the queue."""
    _admit_arrivals(judge)


def on_clock(judge: Judge) -> None:
    """Time has passed: voters who have arrived by now join the queue."""
    _admit_arrivals(judge)


def _admit_arrivals(judge: Judge) -> None:
    world = judge.world
    clock = world.clock
    # Run at every tick over every voter (600 at a Pilkada TPS): the arrival time is tested
    # first, as it rules out most of them before noon and "arrived" most of the rest after.
    arriving = [
        vs
        for vs in world.voters.values()
        if vs.arrives <= clock and not vs.arrived and not vs.done and vs.refused is None
    ]
    for vs in sorted(arriving, key=lambda v: (v.arrives, v.id)):
        vs.arrived = True
        _enqueue(world, vs.id)
        judge.emit("voter_arrived", voter=vs.id)


def _enqueue(world: World, voter_id: str) -> None:
    """Put a voter in the queue at their place in arrival order."""
    keys = [(world.voters[v].arrives, v) for v in world.queue]
    vs = world.voters[voter_id]
    world.queue.insert(bisect.bisect_right(keys, (vs.arrives, vs.id)), voter_id)


# --- Applying actions ------------------------------------------------------------------------

# What a stop for the KPU Kab/Kota's decision holds back: calling the next voter and the
# announcements of the day's hours (the voter already at the desk is finished).
_HALTED_BY_A_STOP = (CallVoter, AnnounceDpk, AnnounceClose)


def apply(action: Action, judge: Judge) -> None:
    if continued_vote.halted(judge.world) and isinstance(action, _HALTED_BY_A_STOP):
        raise IllegalAction("voting has stopped until the KPU Kab/Kota decides")
    if isinstance(action, CallVoter):
        _call(action.voter, judge)
    elif isinstance(action, _DESK_ACTIONS):
        _desk(action, _at_desk(action.voter, judge.world), judge)
    elif isinstance(action, AnnounceDpk):
        _announce_dpk(judge)
    elif isinstance(action, AnnounceClose):
        _announce_close(judge)
    else:
        raise IllegalAction(f"{action.kind} is not a voting action")


def _at_desk(voter_id: str, world: World) -> VoterState:
    if world.voting.at_desk != voter_id:
        raise IllegalAction(f"voter {voter_id!r} is not at the desk")
    return world.voters[voter_id]


def _desk(action: Action, vs: VoterState, judge: Judge) -> None:
    if isinstance(action, CheckInk):
        vs.ink_checked = True
        judge.emit("ink_seen", voter=vs.id, inked=vs.voter.inked)
    elif isinstance(action, CheckDocuments):
        vs.documents_checked = True
        judge.emit("documents_seen", voter=vs.id)
    elif isinstance(action, AdmitVoter):
        _admit(vs, action.list, judge)
    elif isinstance(action, IssueBallots):
        _issue(vs, action, judge)
    elif isinstance(action, RemindPhone):
        vs.phone_reminded = True
    elif isinstance(action, AllowAssistance | RefuseAssistance | RecordHelperStatement):
        _assistance(vs, action, judge)
    elif isinstance(action, ReplaceBallot | RefuseReplacement):
        _replacement(vs, action, judge)
    elif isinstance(action, ApplyInk):
        if not vs.ballots:
            raise IllegalAction(f"voter {vs.id!r} holds no ballots to cast")
        _exit(vs, judge, inked=True)
    elif isinstance(action, RefuseVoter):
        _refuse(vs, action.reason, judge)
    elif isinstance(action, AskComeBack):
        _ask_come_back(vs, to_minutes(action.at), judge)


def _call(voter_id: str, judge: Judge) -> None:
    world = judge.world
    if voter_id not in world.queue:
        raise IllegalAction(f"voter {voter_id!r} is not waiting in the queue")
    _judge_priority(voter_id, judge)
    if world.voting.at_desk is not None:
        _leave_desk(world.voters[world.voting.at_desk], judge)
    world.queue.remove(voter_id)
    world.voting.at_desk = voter_id
    world.voters[voter_id].called = True
    judge.emit("voter_called", voter=voter_id)


def _leave_desk(vs: VoterState, judge: Judge) -> None:
    """Another voter is called: one holding ballots casts them (uninked); others wait again."""
    if vs.ballots:
        _exit(vs, judge, inked=False)
    else:
        judge.world.voting.at_desk = None
        _enqueue(judge.world, vs.id)


def _judge_priority(voter_id: str, judge: Judge) -> None:
    # HANDBOOK §5.7: disabled, elderly and pregnant voters are served first (M24).
    world = judge.world
    if is_priority(world.voters[voter_id].voter):
        return
    for waiting in world.queue:
        if waiting == voter_id or waiting in world.voting.priority_skipped:
            continue
        if is_priority(world.voters[waiting].voter):
            world.voting.priority_skipped.append(waiting)
            judge.flag(PRIORITY_IGNORED, waiting, called=voter_id)


def _admit(vs: VoterState, voter_list: VoterList, judge: Judge) -> None:
    if vs.attendance is not None:
        raise IllegalAction(f"voter {vs.id!r} is already in the {vs.attendance.value} list")
    world = judge.world
    decision = decide(vs.voter, world)
    vs.attendance = voter_list
    judge.emit("voter_admitted", voter=vs.id, list=voter_list.value)
    if not vs.ink_checked and not vs.voter.inked:
        judge.flag(INK_NOT_CHECKED, vs.id)
    if decision.action == "refuse":
        rule = _admission_rule(decision)
        if rule is not None:
            judge.flag(rule, vs.id, basis=decision.basis, **_sent_to(decision))
        return
    if decision.action == "come_back":
        _flag_served_early(vs, decision, judge)
    if decision.list is not None and voter_list is not decision.list:
        judge.flag(WRONG_LIST, vs.id, given=voter_list.value, right=decision.list.value)


def _flag_served_early(vs: VoterState, decision: Decision, judge: Judge) -> None:
    """Served before their hour: a DPK voter before 12:00 (M17), or a DPTb voter before the
    hour the scenario sets (a minor advisory, §15 items 1-2)."""
    clock = judge.world.clock
    if decision.list is VoterList.DPTB:
        judge.flag(DPTB_EARLY, vs.id, time=clock, earliest=decision.come_back_at)
    else:
        judge.flag(DPK_EARLY, vs.id, time=clock)


def _admission_rule(decision: Decision) -> Rule | None:
    if decision.basis == "dpk_desa_sama":
        return DPK_OTHER_AREA_ADMITTED
    if decision.basis == "luar_domisili":
        return NONRESIDENT_ADMITTED  # the re-vote ground of M13, whatever the reason says
    if decision.basis.endswith("_kk_sim"):
        return KK_SIM_ADMITTED
    if decision.reason is None:
        return None
    return _ADMITTED_DESPITE[decision.reason]


def _issue(vs: VoterState, action: IssueBallots, judge: Judge) -> None:
    world = judge.world
    if vs.attendance is None:
        raise IllegalAction(f"voter {vs.id!r} is in no attendance list yet")
    if vs.ballots:
        raise IllegalAction(f"voter {vs.id!r} already holds ballots")
    given = _checked_types(action.ballots, world)
    decision = decide(vs.voter, world)
    for ballot in given:
        world.stocks[ballot].issued += 1
    vs.ballots = list(given)
    vs.signature = action.signature
    judge.emit("ballots_issued", voter=vs.id, ballots=[b.value for b in given])
    if action.signature != "tangan":
        judge.flag(UNSIGNED, vs.id, signature=action.signature)
    _judge_types(vs, decision, given, judge)
    vs.replacements_pending = [b for b in vs.voter.replacements if b in given]
    for ballot in dict.fromkeys(vs.replacements_pending):
        judge.emit("replacement_requested", voter=vs.id, ballot=ballot.value)


def _checked_types(ballots: list[BallotType], world: World) -> tuple[BallotType, ...]:
    if len(set(ballots)) != len(ballots):
        raise IllegalAction("a ballot type is listed twice")
    for ballot in ballots:
        stock = world.stocks.get(ballot)
        if stock is None:
            raise IllegalAction(f"no {ballot.value} ballots at this TPS")
        if stock.remaining <= 0:
            raise IllegalAction(f"no {ballot.value} ballots left")
    return tuple(t for t in all_types(world) if t in ballots)


def _judge_types(
    vs: VoterState, decision: Decision, given: tuple[BallotType, ...], judge: Judge
) -> None:
    if decision.action == "refuse" or not decision.ballots:
        return  # the admission itself was the mistake, or nothing is known to compare
    if set(given) == set(decision.ballots):
        return
    params = {
        "given": [b.value for b in given],
        "entitled": [b.value for b in decision.ballots],
    }
    # HANDBOOK §5.3: a DPTb voter gets exactly the types on the Model A (M15); §5.1 step 3b:
    # DPT and DPK voters get every type of this TPS.
    rule = DPTB_WRONG_TYPES if decision.list is VoterList.DPTB else NOT_ALL_TYPES
    judge.flag(rule, vs.id, **params)


def _assistance(
    vs: VoterState,
    action: AllowAssistance | RefuseAssistance | RecordHelperStatement,
    judge: Judge,
) -> None:
    voter = vs.voter
    if isinstance(action, RecordHelperStatement):
        if vs.assistance != "allowed":
            raise IllegalAction(f"voter {vs.id!r} has no helper")
        vs.helper_statement = True
        return
    if vs.assistance is not None:
        raise IllegalAction(f"assistance for voter {vs.id!r} was already decided")
    if isinstance(action, AllowAssistance):
        vs.assistance = "allowed"
        if not wants_assistance(voter):
            judge.flag(ASSISTANCE_UNASKED, vs.id)
    else:
        vs.assistance = "refused"
        if entitled_to_assistance(voter):
            judge.flag(ASSISTANCE_REFUSED, vs.id)


def _replacement(vs: VoterState, action: ReplaceBallot | RefuseReplacement, judge: Judge) -> None:
    ballot = action.ballot
    if ballot not in vs.replacements_pending:
        raise IllegalAction(f"voter {vs.id!r} has not asked to replace a {ballot.value} ballot")
    stock = judge.world.stocks[ballot]
    already = ballot in vs.replacements_done
    if isinstance(action, ReplaceBallot):
        if stock.remaining <= 0:
            raise IllegalAction(f"no {ballot.value} ballots left to replace with")
        vs.replacements_pending.remove(ballot)
        vs.replacements_done.append(ballot)
        stock.returned += 1
        stock.issued += 1
        judge.emit("ballot_replaced", voter=vs.id, ballot=ballot.value)
        if already:
            judge.flag(SECOND_REPLACEMENT, vs.id, ballot=ballot.value)
    else:
        vs.replacements_pending.remove(ballot)
        judge.emit("replacement_refused", voter=vs.id, ballot=ballot.value)
        _judge_replacement_refused(vs, ballot, judge)


def _judge_replacement_refused(vs: VoterState, ballot: BallotType, judge: Judge) -> None:
    # PKPU 25/2023 Pasal 26: the chair must replace once per type, from the reserve or, when
    # that is used up, from the remaining ballots (M21). With none left, nothing can be done.
    if ballot in vs.replacements_done or judge.world.stocks[ballot].remaining <= 0:
        return
    judge.flag(REPLACEMENT_REFUSED, vs.id, ballot=ballot.value)


def _exit(vs: VoterState, judge: Judge, *, inked: bool) -> None:
    """The voter leaves: unanswered requests count as refused, the ballots are cast."""
    world = judge.world
    for ballot in list(vs.replacements_pending):
        vs.replacements_pending.remove(ballot)
        _judge_replacement_refused(vs, ballot, judge)
    if vs.assistance is None and entitled_to_assistance(vs.voter):
        vs.assistance = "refused"
        judge.flag(ASSISTANCE_REFUSED, vs.id)
    if vs.assistance == "allowed" and not vs.helper_statement:
        judge.flag(HELPER_NO_STATEMENT, vs.id)
    if vs.voter.phone and not vs.phone_reminded:
        judge.flag(PHONE_NOT_REMINDED, vs.id)
    _cast(vs, world)
    vs.inked = inked
    vs.done = True
    world.voting.at_desk = None
    if not inked:
        judge.flag(INK_NOT_APPLIED, vs.id)
    judge.emit("voter_left", voter=vs.id, inked=inked)


def _cast(vs: VoterState, world: World) -> None:
    """Each ballot held goes into the box of its type, as marked in the booth."""
    for ballot_type in vs.ballots:
        ballot = _marked(vs, ballot_type, world)
        update: dict[str, object] = {}
        if vs.signature != "tangan" and ballot.signed:
            update["signed"] = False  # invalid at counting (HANDBOOK §7.2 G1; M22)
        district = world.stocks[ballot_type].district
        if district is not None:
            update["district"] = district  # surat suara tertukar (M02)
        if update:
            ballot = ballot.model_copy(update=update)
        world.boxes[ballot_type].contents.append(ballot)


def _marked(vs: VoterState, ballot_type: BallotType, world: World) -> Ballot:
    marks = vs.voter.votes.get(ballot_type)
    if marks is not None:
        return Ballot(ballot=ballot_type, marks=list(marks))
    pending = world.pending_ballots.get(ballot_type)
    if pending:
        return pending.pop(0)
    return next_generated_ballot(world, ballot_type)


def _refuse(vs: VoterState, reason: Reason, judge: Judge) -> None:
    if vs.attendance is not None:
        raise IllegalAction(f"voter {vs.id!r} is already in the {vs.attendance.value} list")
    world = judge.world
    decision = decide(vs.voter, world)
    vs.refused = reason.value
    world.voting.at_desk = None
    judge.emit("voter_refused", voter=vs.id, reason=reason.value)
    if decision.action == "unsettled":
        return
    if reason is Reason.SUDAH_DITUTUP and vs.arrives <= CLOSING_TIME and decision.entitled:
        # HANDBOOK §5.10: whoever was queuing by 13:00 is served (M28).
        judge.flag(QUEUE_CUT, vs.id, arrived=vs.arrives)
    elif decision.entitled:
        _flag_sent_away(vs, decision, judge)
    elif reason is not decision.reason:
        _flag_wrong_reason(vs, decision, reason.value, judge)


def come_back_times(world: World) -> list[int]:
    """The hours a voter may be asked to come back at, still ahead: 12:00 (DPK) and the
    scenario's DPTb hour if it sets one (in a Pilkada that does not, 11:00)."""
    times = {DPK_FROM}
    if world.scenario.rules.dptb_from is not None:
        times.add(to_minutes(world.scenario.rules.dptb_from))
    elif world.scenario.election is ElectionType.PILKADA_2024:
        times.add(PILKADA_DPTB_FROM)  # the Pilkada's DPTb hour, (M) and unsettled
    return sorted(t for t in times if t > world.clock)


def _ask_come_back(vs: VoterState, at: int, judge: Judge) -> None:
    world = judge.world
    if vs.attendance is not None:
        raise IllegalAction(f"voter {vs.id!r} is already in the {vs.attendance.value} list")
    if at not in come_back_times(world):
        raise IllegalAction(f"{format_minutes(at)} is not an hour to come back at now")
    view = DeskView.of(world)  # as the clock stands when the voter is asked back
    decision = decide_in(vs.voter, view)
    vs.asked_to_return = True
    vs.arrived = False
    vs.arrives = at
    # A new visit: the finger and the papers are looked at again (they may have voted
    # elsewhere in the meantime).
    vs.ink_checked = False
    vs.documents_checked = False
    world.voting.at_desk = None
    judge.emit("voter_asked_back", voter=vs.id)
    given = come_back_reason(at)
    if decision.action == "unsettled" or decision.come_back_at == at:
        return
    if open_dptb_hour(decision, view) == at:
        return  # a Pilkada DPTb voter asked back at 11:00 where the scenario leaves it open
    if decision.action == "admit":
        _flag_sent_away(vs, decision, judge)
    elif decision.action == "come_back":
        # Entitled here, at another hour (a DPTb voter told 12:00 where 11:00 applies):
        # they can still vote, so only the words were wrong.
        assert decision.come_back_at is not None
        right = come_back_reason(decision.come_back_at)
        judge.flag(WRONG_REASON, vs.id, given=given, right=right)
    else:
        _flag_wrong_reason(vs, decision, given, judge)


def come_back_reason(at: int) -> str:
    """The code of "asked to come back at ``at``" among refusal reasons: ``kembali_1200``."""
    return "kembali_" + format_minutes(at).replace(":", "")


def _flag_sent_away(vs: VoterState, decision: Decision, judge: Judge) -> None:
    assert decision.list is not None
    judge.flag(_WRONGLY_REFUSED[decision.list], vs.id, basis=decision.basis)


def _flag_wrong_reason(vs: VoterState, decision: Decision, given: str, judge: Judge) -> None:
    assert decision.reason is not None
    rule = WRONG_REASON
    if decision.reason is Reason.SURAT_SUARA_HABIS:
        rule = DPK_NOT_REDIRECTED
    elif given == Reason.LUAR_DOMISILI.value and decision.basis in _HOME_TPS_BASES:
        # §15.6: a resident of another TPS's area is directed to the TPS of their address.
        # Refused, but not told where they can vote: the same weight as any wrong reason
        # (minor; as M18 for a DPK voter not redirected), since either way they are turned
        # away and only the guidance is missing. Its own rule, to name the right answer.
        rule = NOT_SENT_TO_HOME_TPS
    params: dict[str, object] = {"given": given, "right": decision.reason.value}
    if decision.send_to is not None:
        params |= {"basis": decision.basis, **_sent_to(decision)}
    judge.flag(rule, vs.id, **params)


def _sent_to(decision: Decision) -> dict[str, object]:
    """The TPS the voter belongs at, where the lookup names it, for the finding's words."""
    return {} if decision.send_to is None else {"tps": decision.send_to}


# The bases of a voter whose KTP-el address lies in another TPS's area (§5.4 condition 3).
_HOME_TPS_BASES = frozenset({"dpk_desa_sama", "luar_domisili"})


def _announce_dpk(judge: Judge) -> None:
    voting = judge.world.voting
    if judge.world.clock < DPK_FROM:
        raise IllegalAction("the DPK hour starts at 12:00")
    if voting.dpk_announced:
        raise IllegalAction("the DPK hour was already announced")
    voting.dpk_announced = True
    judge.emit("dpk_announced")


def _announce_close(judge: Judge) -> None:
    voting = judge.world.voting
    if judge.world.clock < CLOSING_TIME:
        raise IllegalAction("voting closes at 13:00")
    if voting.close_announced_at is not None:
        raise IllegalAction("the close was already announced")
    voting.close_announced_at = judge.world.clock
    judge.emit("close_announced")


# --- The end of voting -----------------------------------------------------------------------


def finish(judge: Judge) -> None:
    world = judge.world
    desk = world.voting.at_desk
    if desk is not None:
        _leave_desk(world.voters[desk], judge)
    if world.clock < CLOSING_TIME:
        judge.flag(ENDED_EARLY, None, time=world.clock, voters_lost=len(_not_yet_back(world)))
    for voter_id in world.queue:
        vs = world.voters[voter_id]
        if vs.arrives <= CLOSING_TIME and decide(vs.voter, world).entitled:
            judge.flag(QUEUE_CUT, voter_id, arrived=vs.arrives)
    if world.clock >= DPK_FROM and not world.voting.dpk_announced:
        judge.flag(DPK_NOT_ANNOUNCED)
    if world.clock >= CLOSING_TIME and world.voting.close_announced_at is None:
        judge.flag(CLOSE_NOT_ANNOUNCED)
    _judge_records(judge)
    world.voting.ended_at = world.clock
    judge.emit("voting_ended", time=world.clock)


def _not_yet_back(world: World) -> list[str]:
    """Entitled voters who would still have come by 13:00 when voting was ended early."""
    return [
        vs.id
        for vs in world.voters.values()
        if not vs.arrived
        and not vs.done
        and vs.refused is None
        and vs.arrives <= CLOSING_TIME
        and decide(vs.voter, world).entitled
    ]


def _judge_records(judge: Judge) -> None:
    """What had to go in the C.Kejadian Khusus form (and to the PTPS) by the end of voting."""
    world = judge.world
    recorded = {subject for _, subject in world.special_events if subject is not None}
    for vs in world.voters.values():
        if not vs.called:
            continue
        decision = decide(vs.voter, world)
        if not decision.record:
            continue
        if decision.action == "admit" and vs.attendance is not None and vs.id not in recorded:
            judge.flag(SUBSTITUTE_NOT_RECORDED, vs.id)
        turned_away = vs.refused is not None or (vs.asked_to_return and vs.attendance is None)
        if decision.action == "refuse" and turned_away and decision.reason is not None:
            informed = vs.id in world.ptps_informed
            if vs.id not in recorded or (decision.inform_ptps and not informed):
                judge.flag(
                    _UNRECORDED_REFUSAL[decision.reason],
                    vs.id,
                    recorded=vs.id in recorded,
                    informed=informed,
                )


def duties(world: World) -> list[Duty]:
    """The voting day (HANDBOOK §5, §5.10): every person who came, or would have come by
    13:00, served or turned away with a reason; the 12:00 and 13:00 announcements; voting
    kept open until 13:00. Closing early leaves the voters still to come unserved."""
    found = [
        Duty(f"voter:{vs.id}", int(vs.done or vs.refused is not None))
        for vs in world.voters.values()
        if vs.arrived or vs.called or vs.arrives <= CLOSING_TIME
    ]
    voting = world.voting
    kept_open = voting.ended_at is not None and voting.ended_at >= CLOSING_TIME
    found += [
        Duty("announce_dpk", int(voting.dpk_announced)),
        Duty("announce_close", int(voting.close_announced_at is not None)),
        Duty("open_until_close", int(kept_open)),
    ]
    return found


# --- What can be done now --------------------------------------------------------------------


def allowed(world: World) -> Sequence[Action]:
    halted = continued_vote.halted(world)
    actions: list[Action] = [] if halted else [CallVoter(voter=v) for v in world.queue]
    if world.voting.at_desk is not None:
        actions += _desk_options(world.voters[world.voting.at_desk], world)
    actions += _record_options(world)
    if halted:  # the voter at the desk is finished; nothing else moves until the decision
        return actions
    if world.clock >= DPK_FROM and not world.voting.dpk_announced:
        actions.append(AnnounceDpk())
    if world.clock >= CLOSING_TIME and world.voting.close_announced_at is None:
        actions.append(AnnounceClose())
    actions += [AdvanceClock(to=format_minutes(t)) for t in _clock_stops(world)]
    return actions


def _desk_options(vs: VoterState, world: World) -> list[Action]:
    v = vs.id
    actions: list[Action] = []
    if not vs.ink_checked:
        actions.append(CheckInk(voter=v))
    if not vs.documents_checked:
        actions.append(CheckDocuments(voter=v))
    if vs.attendance is None:
        actions += [AdmitVoter(voter=v, list=lst) for lst in VoterList]
        actions += [RefuseVoter(voter=v, reason=r) for r in Reason]
        actions += [AskComeBack(voter=v, at=format_minutes(t)) for t in come_back_times(world)]
    elif not vs.ballots:
        actions += _issue_options(vs, world)
    if not vs.phone_reminded:
        actions.append(RemindPhone(voter=v))
    if vs.assistance is None:
        actions += [AllowAssistance(voter=v), RefuseAssistance(voter=v)]
    elif vs.assistance == "allowed" and not vs.helper_statement:
        actions.append(RecordHelperStatement(voter=v))
    for ballot in dict.fromkeys(vs.replacements_pending):
        if world.stocks[ballot].remaining > 0:
            actions.append(ReplaceBallot(voter=v, ballot=ballot))
        actions.append(RefuseReplacement(voter=v, ballot=ballot))
    if vs.ballots:
        actions.append(ApplyInk(voter=v))
    return actions


def _issue_options(vs: VoterState, world: World) -> list[Action]:
    """Any set of the types still in stock, signed, stamped or unsigned: which set this voter
    is entitled to is the trainee's decision, so none is left out as a hint."""
    available = [t for t in all_types(world) if world.stocks[t].remaining > 0]
    subsets = [
        [t for bit, t in enumerate(available) if mask >> bit & 1]
        for mask in range(1, 1 << len(available))
    ]
    return [
        IssueBallots(voter=vs.id, ballots=subset, signature=signature)
        for signature in ("tangan", "stempel", "tanpa")
        for subset in sorted(subsets, key=len, reverse=True)
    ]


def _record_options(world: World) -> list[Action]:
    """Records and PTPS reports about any voter who has been at the desk."""
    recorded = {subject for _, subject in world.special_events}
    actions: list[Action] = []
    for vs in world.voters.values():
        if not vs.called:
            continue
        if vs.id not in recorded:
            actions += _records_about(vs.id)
        if vs.id not in world.ptps_informed:
            actions.append(_report_about(vs.id))
    return actions


# Late in a 300-voter day these are some 700 actions, asked for after every action: the same
# immutable values each time, so each is made once (a memo of a pure function, not state).
@lru_cache(maxsize=4096)
def _records_about(voter: str) -> tuple[RecordSpecialEvent, ...]:
    return tuple(RecordSpecialEvent(topic=t, subject=voter) for t in TOPICS)


@lru_cache(maxsize=4096)
def _report_about(voter: str) -> InformPtps:
    return InformPtps(subject=voter)


def _clock_stops(world: World) -> list[int]:
    """The next arrival, 12:00 and 13:00, where still ahead."""
    ahead = [
        vs.arrives for vs in world.voters.values() if not vs.arrived and vs.arrives > world.clock
    ]
    stops = {min(ahead)} if ahead else set()
    stops |= {t for t in (DPK_FROM, CLOSING_TIME) if t > world.clock}
    return sorted(stops)
