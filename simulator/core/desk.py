"""The voter desk as a pure decision: who may vote here, on which list, with which ballots.

``decide(voter, world)`` reads the situation (the voter's documents, ink, registration and
arrival; the clock, the ballots left and the scenario's settings for what the handbook leaves
open) and returns what a careful KPPS does. It never looks at an answer key and never changes
the world, so the voting phase, the quiz and the tests all ask the same function.

The checks run in the handbook's order of precedence, each a small function naming the row it
comes from. The first that applies decides:

1. ink on a finger (§5.6);
2. arrived after 13:00 (§5.10);
3. documents in someone else's name (§5.2, UU 7/2017 Pasal 533);
4. by registration: the DPT of this TPS (§5.2), its DPTb (§5.3), or neither: a Model A for this
   TPS (§5.3, M16), another TPS's list (§5.4 condition 1) or the DPK conditions (§5.4).

``come_back`` says when: 12:00 for a DPK voter (§5.4 condition 4), or the hour the scenario
serves DPTb voters from (``rules.dptb_from``: §2, §13; 11:00 in the Pilkada, (M)).

``unsettled`` is the answer where the handbook says a case is not settled (§5.5, §15.4): the
voting phase scores neither admitting nor refusing such a voter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Literal

from simulator.core.domain import ASSISTABLE, BALLOT_ORDER, CLOSING_TIME, DPK_FROM, ELDERLY_AGE
from simulator.core.state import World
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import (
    Area,
    Document,
    DocumentKind,
    Registration,
    RuleSettings,
    Voter,
)
from simulator.schema.types import BallotType, ElectionType, VoterList

DecisionKind = Literal["admit", "refuse", "come_back", "unsettled"]


class Reason(str, Enum):
    """Why a voter is turned away: stable codes, shown through ``desk.reason.<code>``."""

    BERTINTA = "bertinta"  # ink on a finger: has already voted (§5.6)
    SUDAH_DITUTUP = "sudah_ditutup"  # arrived after 13:00 (§5.10)
    IDENTITAS_TIDAK_COCOK = "identitas_tidak_cocok"  # documents of another person (§5.2)
    # Registered at, or living in the area of, another TPS: sent there (§5.2, §5.4, §15.6).
    SALAH_TPS = "salah_tps"
    SUDAH_PINDAH_MEMILIH = "sudah_pindah_memilih"  # took a Model A to vote elsewhere (§5.2)
    TANPA_IDENTITAS = "tanpa_identitas"  # no KTP-el or Suket (§5.4, §5.5)
    SURAT_SUARA_HABIS = "surat_suara_habis"  # DPK: no ballots left, go to the nearest TPS
    # Lives elsewhere and holds no Model A, so not here (§5.3): a refusal that does not say
    # where to go. Right is SALAH_TPS, directing them to the TPS of their address (§15.6).
    LUAR_DOMISILI = "luar_domisili"

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Decision:
    """What the desk should do with one voter, and the handbook row that says so.

    ``list`` and ``ballots`` are also filled for ``come_back`` and, where known, for
    ``unsettled``: they say how the voter is to be served if admitted, so the ballots handed
    over can be judged even when the admission itself is not. ``come_back_at`` is the time
    (minutes) a ``come_back`` voter returns at; ``send_to`` the number of the TPS a voter is
    sent to, where the lookup names it.
    """

    action: DecisionKind
    basis: str  # a short code naming the handbook row; text under desk.basis.<code>
    list: VoterList | None = None
    ballots: tuple[BallotType, ...] = ()
    reason: Reason | None = None
    record: bool = False  # to be written in the C.Kejadian Khusus form
    inform_ptps: bool = False
    come_back_at: int | None = None
    send_to: int | None = None

    @property
    def entitled(self) -> bool:
        """The voter may vote here: now, or later (a DPK voter from 12:00, a DPTb voter from
        the scenario's hour)."""
        return self.action in ("admit", "come_back")


_ID_BASES = ("ktp", "pengganti", "kk_sim", "tanpa_identitas")
# Every basis code ``decide`` can return (each has a text under desk.basis.<code>).
BASES: tuple[str, ...] = (
    "tinta",
    "setelah_1300",
    "identitas_orang_lain",
    "pemberitahuan_tps_lain",
    "pindah_keluar",
    "dptb_tanpa_model_a",
    "model_a_tps_lain",
    "model_a_kosong",
    "dptb_sebelum_waktunya",
    "dpt_tps_lain",
    "dpk_tanpa_identitas",
    "dpk_identitas_pengganti",
    "dpk_desa_sama",
    "luar_domisili",
    "dpk_sebelum_1200",
    "dpk_surat_suara_habis",
    "dpk",
    *(f"{who}_{what}" for who in ("dpt", "dptb", "model_a_tanpa_dptb") for what in _ID_BASES),
)

PRIMARY_IDS = frozenset({DocumentKind.KTP_EL, DocumentKind.SUKET})
SUBSTITUTE_IDS = frozenset({DocumentKind.KTP_FOTOKOPI, DocumentKind.KTP_FOTO_HP, DocumentKind.IKD})
KK_SIM = frozenset({DocumentKind.KK, DocumentKind.SIM})


@dataclass(frozen=True, slots=True)
class DeskView:
    """What the desk's decision reads of the day: the clock, the election, the settings for
    what the handbook leaves open, this TPS's ballot types and which of them have run out.

    The game takes it from its world (:meth:`of`); the quiz writes it from a question, so a
    situation question and the voting phase are judged by the same rules.
    """

    clock: int  # minutes since midnight
    election: ElectionType
    rules: RuleSettings
    types: tuple[BallotType, ...]  # every ballot type of this TPS, in the prescribed order
    exhausted: frozenset[BallotType] = frozenset()  # types with no ballot left

    @classmethod
    def of(cls, world: World) -> DeskView:
        return cls(
            clock=world.clock,
            election=world.scenario.election,
            rules=world.scenario.rules,
            types=all_types(world),
            exhausted=frozenset(t for t, stock in world.stocks.items() if stock.remaining <= 0),
        )


def decide(voter: Voter, world: World) -> Decision:
    """What a careful KPPS does with ``voter`` at the desk, in the world as it stands now."""
    return decide_in(voter, DeskView.of(world))


def decide_in(voter: Voter, view: DeskView) -> Decision:
    """What a careful KPPS does with ``voter`` at the desk, the day being as ``view`` says."""
    for check in (_ink, _after_close, _someone_elses_documents):
        decision = check(voter, view)
        if decision is not None:
            return decision
    if voter.registered is Registration.DPT:
        return _dpt(voter, view)
    if voter.registered is Registration.DPTB:
        return _dptb(voter, view)
    return _unregistered(voter, view)


# --- Before anything else ----------------------------------------------------------------


def _ink(voter: Voter, view: DeskView) -> Decision | None:
    # §5.6: ink on a finger → refuse, record in C.Kejadian Khusus, inform the PTPS (M12).
    if not voter.inked:
        return None
    return _refuse(Reason.BERTINTA, "tinta", record=True)


def _after_close(voter: Voter, view: DeskView) -> Decision | None:
    # §5.10: "a person arriving at 13:01 is not served" (M29).
    if to_minutes(voter.arrives) <= CLOSING_TIME:
        return None
    return _refuse(Reason.SUDAH_DITUTUP, "setelah_1300")


def _someone_elses_documents(voter: Voter, view: DeskView) -> Decision | None:
    # §5.2 row "C.Pemberitahuan in someone else's name": refuse, record, inform the PTPS.
    # Impersonation is a crime (UU 7/2017 Pasal 533, printed on the notice) (M19).
    if all(_own(doc, voter) for doc in voter.documents):
        return None
    return _refuse(Reason.IDENTITAS_TIDAK_COCOK, "identitas_orang_lain", record=True)


# --- On this TPS's DPT (§5.2) --------------------------------------------------------------


def _dpt(voter: Voter, view: DeskView) -> Decision:
    notice = _document(voter, DocumentKind.C_PEMBERITAHUAN)
    if notice is not None and notice.tps == "lain":
        # §5.2: "C.Pemberitahuan names another TPS → send the voter to that TPS".
        return _refuse(Reason.SALAH_TPS, "pemberitahuan_tps_lain")
    if voter.transferred_out:
        # §5.2: marked as transferred → vote at the TPS named on the Model A.
        return _refuse(Reason.SUDAH_PINDAH_MEMILIH, "pindah_keluar")
    return _by_identity(voter, view, VoterList.DPT, view.types, "dpt")


# --- On this TPS's DPTb (§5.3) -------------------------------------------------------------


def _dptb(voter: Voter, view: DeskView) -> Decision:
    model_a = _document(voter, DocumentKind.MODEL_A)
    if model_a is None:
        # On the DPTb but carrying no Model A: the handbook does not say (not scored).
        return Decision("unsettled", "dptb_tanpa_model_a", list=VoterList.DPTB)
    return _with_model_a(voter, view, model_a, "dptb")


def _with_model_a(voter: Voter, view: DeskView, model_a: Document, basis: str) -> Decision:
    if model_a.tps == "lain":
        # §5.3: "If the Model A names a different TPS, send the voter there".
        return _refuse(Reason.SALAH_TPS, "model_a_tps_lain")
    ballots = model_a_types(model_a, view)
    if not ballots:
        # A Model A naming no ballot type of this TPS: nothing the handbook covers.
        return Decision("unsettled", "model_a_kosong", list=VoterList.DPTB)
    # §5.3: "Give exactly the ballot types written on the Model A" (M15).
    return _dptb_hour(_by_identity(voter, view, VoterList.DPTB, ballots, basis), view)


# The hour the Pilkada serves DPTb voters from (HANDBOOK §2, §13, (M)). It is unsettled (§15
# item 2): where a Pilkada scenario leaves rules.dptb_from unset, serving a DPTb voter earlier
# and asking them to come back at this hour are both left ungraded.
PILKADA_DPTB_FROM = to_minutes("11:00")


def open_dptb_hour(decision: Decision, view: DeskView) -> int | None:
    """The hour a DPTb voter the desk would serve may also be asked to come back at, ungraded:
    11:00 in a Pilkada whose scenario leaves the DPTb hour unset, while it is still ahead."""
    if (
        decision.action == "admit"
        and decision.list is VoterList.DPTB
        and view.election is ElectionType.PILKADA_2024
        and view.rules.dptb_from is None
        and view.clock < PILKADA_DPTB_FROM
    ):
        return PILKADA_DPTB_FROM
    return None


def _dptb_hour(decision: Decision, view: DeskView) -> Decision:
    """A DPTb voter before the hour the scenario serves DPTb voters from comes back then.

    §2 and §13: in the Pilkada DPTb voters vote from 11:00 (M, §15 item 2); in the Pemilu KPU
    asked them to come from 11:00 but let them vote 07:00-13:00 (§15 item 1). Neither is
    graded unless the scenario sets ``rules.dptb_from``; serving one earlier then costs only
    the minor advisory pemungutan.dptb_sebelum_waktunya.
    """
    start = view.rules.dptb_from
    if decision.action != "admit" or start is None or view.clock >= to_minutes(start):
        return decision
    return replace(
        decision, action="come_back", basis="dptb_sebelum_waktunya", come_back_at=to_minutes(start)
    )


# --- On neither list (§5.3 Model A holders, §5.4 DPK) --------------------------------------


def _unregistered(voter: Voter, view: DeskView) -> Decision:
    model_a = _document(voter, DocumentKind.MODEL_A)
    if model_a is not None:
        # §5.3 asks that a DPTb voter appear on this TPS's DPTb list (H), and gives no remedy
        # for a Model A naming this TPS whose holder is missing from it: serving and turning
        # away are both left ungraded (an independent audit against the handbook found the
        # desk served them as DPTb); the ballots, if served, are still those of the Model A.
        decision = _with_model_a(voter, view, model_a, "model_a_tanpa_dptb")
        if decision.action in ("admit", "come_back"):
            return replace(decision, action="unsettled", come_back_at=None)
        return decision
    if voter.other_tps is not None:
        # §5.4 condition 1: on another TPS's DPT, so not a DPK voter here, notice or not; like
        # §5.2's "C.Pemberitahuan names another TPS": send the voter to that TPS, by number.
        return _refuse(Reason.SALAH_TPS, "dpt_tps_lain", send_to=voter.other_tps)
    notice = _document(voter, DocumentKind.C_PEMBERITAHUAN)
    if notice is not None and notice.tps == "lain":
        # §5.4 condition 1: on another TPS's DPT → not DPK here; §5.2: send them there.
        return _refuse(Reason.SALAH_TPS, "pemberitahuan_tps_lain")
    identity = _dpk_identity(voter, view)
    if identity is not None:
        return _dpk_by_address(identity.address, view)
    substitute = next((d for d in voter.documents if d.kind in SUBSTITUTE_IDS), None)
    if substitute is not None:
        return _dpk_substitute(substitute, view)
    # §5.4 condition 2: KTP-el or Suket; a KK or SIM is not enough (§5.5; M14).
    return _refuse(Reason.TANPA_IDENTITAS, "dpk_tanpa_identitas")


def _dpk_substitute(substitute: Document, view: DeskView) -> Decision:
    """A copy, phone photo or IKD at the DPK desk: ✗ per KPU Tomohon (M), not settled (L) —
    §5.5. The scenario decides; by default it is not graded either way."""
    setting = view.rules.substitute_id_for_dpk
    if setting == "accept":
        return _dpk_by_address(substitute.address, view)
    if setting == "refuse":
        return _refuse(Reason.TANPA_IDENTITAS, "dpk_identitas_pengganti")
    return Decision(
        "unsettled", "dpk_identitas_pengganti", list=VoterList.DPK, ballots=view.types
    )


def _dpk_by_address(address: Area, view: DeskView) -> Decision:
    if address is Area.DESA_SAMA:
        # §5.4 condition 3 and §15.6: direct the voter to the TPS of their address.
        return _refuse(Reason.SALAH_TPS, "dpk_desa_sama")
    if address is not Area.TPS_INI:
        # §5.3 last point, §5.4 condition 3: no Model A, address in another village → not here
        # (M13). §15.6: "if not, direct the voter to the TPS of their address", where they may
        # vote (on its DPT, or as DPK from 12:00): the same direction as for a neighbour in the
        # same village, so the reason is SALAH_TPS, not a bare LUAR_DOMISILI.
        return _refuse(Reason.SALAH_TPS, "luar_domisili")
    ballots = view.types
    if view.clock < DPK_FROM:
        # §5.4 condition 4: a DPK voter arriving before 12:00 comes back at 12:00 (M17).
        return Decision(
            "come_back",
            "dpk_sebelum_1200",
            list=VoterList.DPK,
            ballots=ballots,
            come_back_at=DPK_FROM,
        )
    if any(t in view.exhausted for t in ballots):
        # §5.4 condition 5: no ballots left → the nearest TPS in the same village (M18).
        return _refuse(Reason.SURAT_SUARA_HABIS, "dpk_surat_suara_habis")
    # §5.4 conditions 6-7: every type of this TPS, entered in the DPK attendance list.
    return Decision("admit", "dpk", list=VoterList.DPK, ballots=ballots)


# --- Identity documents (§5.5) -------------------------------------------------------------


def _by_identity(
    voter: Voter,
    view: DeskView,
    voter_list: VoterList,
    ballots: tuple[BallotType, ...],
    basis: str,
) -> Decision:
    """A DPT or DPTb voter, by the identity documents shown (§5.2, §5.3, §5.5)."""
    kinds = {doc.kind for doc in voter.documents}
    if kinds & PRIMARY_IDS:
        # §5.5: KTP-el or Suket ✔. The C.Pemberitahuan is not a condition (§5.2 row 2).
        return Decision("admit", f"{basis}_ktp", list=voter_list, ballots=ballots)
    if kinds & SUBSTITUTE_IDS:
        # §5.2 row 3, §5.5: photocopy, phone photo or IKD ✔, recorded as a special event (M20).
        return Decision(
            "admit", f"{basis}_pengganti", list=voter_list, ballots=ballots, record=True
        )
    if kinds & KK_SIM:
        # §5.5, §15.4: KK or SIM only is contested; the scenario says how to grade it.
        return _kk_sim(view, voter_list, ballots, basis)
    # §5.5: "C.Pemberitahuan without any ID: not settled; do not encode as admit".
    return Decision("unsettled", f"{basis}_tanpa_identitas", list=voter_list, ballots=ballots)


def _kk_sim(
    view: DeskView, voter_list: VoterList, ballots: tuple[BallotType, ...], basis: str
) -> Decision:
    setting = view.rules.kk_sim
    code = f"{basis}_kk_sim"
    if setting == "accept":
        return Decision("admit", code, list=voter_list, ballots=ballots)
    if setting == "refuse":
        return Decision("refuse", code, reason=Reason.TANPA_IDENTITAS)
    return Decision("unsettled", code, list=voter_list, ballots=ballots)


def _dpk_identity(voter: Voter, view: DeskView) -> Document | None:
    """The KTP-el (or, if the scenario allows it, the Suket) a DPK voter shows (§5.4, §15.5)."""
    accepted = {DocumentKind.KTP_EL}
    if view.rules.suket_for_dpk:
        accepted.add(DocumentKind.SUKET)
    return next((doc for doc in voter.documents if doc.kind in accepted), None)


# --- Small helpers -------------------------------------------------------------------------


def all_types(world: World) -> tuple[BallotType, ...]:
    """Every ballot type of this TPS, in the prescribed order."""
    return tuple(t for t in BALLOT_ORDER[world.scenario.election] if t in world.stocks)


def model_a_types(model_a: Document, world: World | DeskView) -> tuple[BallotType, ...]:
    """The types written on a Model A that this TPS has, in the prescribed order (§5.3)."""
    types = world.types if isinstance(world, DeskView) else all_types(world)
    return tuple(t for t in types if t in model_a.ballots)


def _refuse(
    reason: Reason, basis: str, *, record: bool = False, send_to: int | None = None
) -> Decision:
    return Decision(
        "refuse", basis, reason=reason, record=record, inform_ptps=record, send_to=send_to
    )


def _document(voter: Voter, kind: DocumentKind) -> Document | None:
    return next((doc for doc in voter.documents if doc.kind is kind), None)


def _own(document: Document, voter: Voter) -> bool:
    """The document is in the voter's own name (a name left out means their own)."""
    return document.name is None or _same_name(document.name, voter.name)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def is_priority(voter: Voter) -> bool:
    """Served first: disability, elderly (60 and over) or pregnant (§5.7)."""
    return voter.disability is not None or voter.age >= ELDERLY_AGE or voter.pregnant


def wants_assistance(voter: Voter) -> bool:
    """The voter asks to be helped in the booth."""
    return voter.assistance != "none"


def entitled_to_assistance(voter: Voter) -> bool:
    """A request the KPPS must grant: blind, physical or other physical obstacle (Pasal 356)."""
    return wants_assistance(voter) and voter.disability in ASSISTABLE
