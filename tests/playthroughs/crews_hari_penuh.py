"""Careless crews of the full-size whole days (a 300-voter Pemilu TPS, a 600-voter Pilkada TPS,
a Gubernur-only and a Bupati-only Pilkada): the lapses of a long, crowded day.

Each crew plays the day as the careful crew does and slips at the named steps only, so the
rules it breaks are exactly those in ``EXPECTED``.
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.core import desk
from simulator.core.actions import Action, AdvanceClock
from simulator.core.careful import CarefulCrew
from simulator.core.domain import CLOSING_TIME
from simulator.core.phases import formulir, logistik, pemungutan
from simulator.schema.clock import to_minutes
from simulator.schema.types import BallotType, VoterList

PEMILU_TYPES = [
    BallotType.PPWP,
    BallotType.DPR,
    BallotType.DPD,
    BallotType.DPRD_PROV,
    BallotType.DPRD_KABKO,
]


def admit_with(voter: str, voter_list: VoterList, ballots: list[BallotType]) -> Iterator[Action]:
    """Call, check the ink, admit on ``voter_list`` and hand over ``ballots``: the desk's
    routine without a look at the documents."""
    yield pemungutan.CallVoter(voter=voter)
    yield pemungutan.CheckInk(voter=voter)
    yield pemungutan.AdmitVoter(voter=voter, list=voter_list)
    yield pemungutan.IssueBallots(voter=voter, ballots=ballots)
    yield pemungutan.ApplyInk(voter=voter)


def swap_dptb_dpk(action: formulir.EnterFigure, truth: formulir.forms.ResultForm
                  ) -> formulir.EnterFigure:
    """The DPTb row written from the DPK list and the DPK row from the DPTb list (M40)."""
    for section in "AB":
        for row, other in ((2, 3), (3, 2)):
            prefix = f"I.{section}{row}."
            if action.field.startswith(prefix):
                column = action.field.removeprefix(prefix)
                return action.model_copy(
                    update={"value": truth.get(f"I.{section}{other}.{column}")}
                )
    return action


class Pemilu300CarelessCrew(CarefulCrew):
    """pemilu-tps-300: the short DPR pack counted but not reported (M01); a man with only his
    family card served as DPK because everyone knows him (M14); on the PPWP C.Hasil the DPTb
    and DPK rows swapped (M40); on the DPR C.Hasil party 1's total counts its candidates'
    votes twice (M41)."""

    def count_and_report(self) -> Iterator[Action]:
        for ballot, stock in self.world.stocks.items():
            if not stock.counted:
                yield logistik.CountBallots(ballot=ballot)
        for discrepancy in logistik.discrepancies(self.world):
            if discrepancy not in self.world.reported and discrepancy != "ballots.dpr.count":
                yield logistik.ReportDiscrepancy(discrepancy=discrepancy)

    def serve(self, voter_id: str) -> Iterator[Action]:
        if voter_id == "v01":  # KK only, on no list (M14)
            yield from admit_with(voter_id, VoterList.DPK, PEMILU_TYPES)
        else:
            yield from super().serve(voter_id)

    def forms(self) -> Iterator[Action]:
        for action in super().forms():
            if isinstance(action, formulir.EnterFigure):
                truth = formulir.expected(self.world, action.ballot)
                if action.ballot is BallotType.PPWP:
                    action = swap_dptb_dpk(action, truth)
                elif action.ballot is BallotType.DPR and action.field == "IV.party:1/total":
                    candidates = sum(
                        truth.get(f) or 0
                        for f in truth.field_ids()
                        if f.startswith("IV.party:1/cand:")
                    )
                    action = action.model_copy(update={"value": action.value + candidates})
            yield action


EARLY_END = to_minutes("12:15")  # pilkada-tps-600: when the quiet queue tempts the chair


class Pilkada600CarelessCrew(CarefulCrew):
    """pilkada-tps-600: in the mid-morning rush a voter is admitted without a look at his
    fingers, and he has voted already (M12); a voter transferred from another regency gets the
    Bupati ballot too (M15); at 12:15 the queue is empty and the chair ends the voting (M30),
    so a DPK voter at 12:25 and a DPT voter at 12:40 find the TPS counting."""

    def serve(self, voter_id: str) -> Iterator[Action]:
        both = [BallotType.GUBERNUR, BallotType.BUPATI]
        if voter_id == "v01":  # M12: ink never checked
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPT)
            yield pemungutan.IssueBallots(voter=voter_id, ballots=both)
            yield pemungutan.ApplyInk(voter=voter_id)
        elif voter_id == "v02":  # M15: the Model A lists the Gubernur ballot only
            yield from admit_with(voter_id, VoterList.DPTB, both)
        else:
            yield from super().serve(voter_id)

    def next_moment(self) -> int | None:
        moment = super().next_moment()
        if moment is None or moment > EARLY_END:
            return None  # M30: the queue is quiet, the chair ends the voting at 12:15
        return moment

    def voting(self) -> Iterator[Action]:
        yield from super().voting()
        yield from self.advance(EARLY_END)


class DkiCarelessCrew(CarefulCrew):
    """pilkada-dki-gubernur: a voter transferred from another administrative city is sent
    away because his KTP-el is not from this city (M16); at 13:00 the two still queuing are
    sent home (M28); at 13:08 a neighbour who "only needs a minute" is let in (M29)."""

    def serve(self, voter_id: str) -> Iterator[Action]:
        if voter_id == "v01":  # M16: a valid Model A for this TPS
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.RefuseVoter(voter=voter_id, reason=desk.Reason.LUAR_DOMISILI)
        elif voter_id in ("v02", "v03"):  # M28: queued at 12:57 and 12:58, sent home
            yield pemungutan.CallVoter(voter=voter_id)
            yield from self.advance(CLOSING_TIME)
            if self.world.voting.close_announced_at is None:
                yield pemungutan.AnnounceClose()
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.RefuseVoter(voter=voter_id, reason=desk.Reason.SUDAH_DITUTUP)
        else:
            yield from super().serve(voter_id)

    def voting(self) -> Iterator[Action]:
        yield from super().voting()
        yield AdvanceClock(to="13:08")  # M29: arrived after the close, let in
        yield from admit_with("v04", VoterList.DPT, [BallotType.GUBERNUR])


class DiyCarelessCrew(CarefulCrew):
    """pilkada-diy-bupati: a student from another regency of the province, with no Model A,
    is served at 12:05 as DPK because "it is the same province" (M13), though with no
    Governor election he has nothing to vote for here; the blind voter's grandson goes into
    the booth without signing the helper's statement (M23); a voter who spoiled his ballot
    twice gets a third (M21)."""

    def serve(self, voter_id: str) -> Iterator[Action]:
        if voter_id == "v01":  # M13
            yield from admit_with(voter_id, VoterList.DPK, [BallotType.BUPATI])
        elif voter_id == "v02":  # M23: assistance allowed, no Model C.Pendamping
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPT)
            yield pemungutan.AllowAssistance(voter=voter_id)
            yield pemungutan.IssueBallots(voter=voter_id, ballots=[BallotType.BUPATI])
            yield pemungutan.ApplyInk(voter=voter_id)
        elif voter_id == "v03":  # M21: the second replacement given
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPT)
            yield pemungutan.IssueBallots(voter=voter_id, ballots=[BallotType.BUPATI])
            yield pemungutan.ReplaceBallot(voter=voter_id, ballot=BallotType.BUPATI)
            yield pemungutan.ReplaceBallot(voter=voter_id, ballot=BallotType.BUPATI)
            yield pemungutan.ApplyInk(voter=voter_id)
        else:
            yield from super().serve(voter_id)


CREWS: dict[str, type[CarefulCrew]] = {
    "pemilu-tps-300": Pemilu300CarelessCrew,
    "pilkada-tps-600": Pilkada600CarelessCrew,
    "pilkada-dki-gubernur": DkiCarelessCrew,
    "pilkada-diy-bupati": DiyCarelessCrew,
}

EXPECTED: dict[str, set[str]] = {
    "pemilu-tps-300": {
        "logistik.selisih_tidak_dilaporkan",  # M01: 296 DPR ballots for 296 + 6, unreported
        "pemungutan.tanpa_identitas_dilayani",  # M14: v01 with a KK only
        "formulir.dptb_dpk_tertukar",  # M40: PPWP rows I.A2/I.A3 and I.B2/I.B3 swapped
        "formulir.suara_partai_ganda",  # M41: DPR party 1 total with its candidates twice
    },
    "pilkada-tps-600": {
        "pemungutan.pemilih_bertinta_dilayani",  # M12: v01 inked, fingers never looked at
        "pemungutan.jenis_surat_suara_dptb_salah",  # M15: v02 given the Bupati ballot too
        "pemungutan.ditutup_sebelum_1300",  # M30: voting ended at 12:15
    },
    "pilkada-dki-gubernur": {
        "pemungutan.dptb_ditolak",  # M16: v01 refused as a non-resident
        "pemungutan.antrean_dipotong",  # M28: v02 and v03 in the queue before 13:00
        "pemungutan.dilayani_setelah_1300",  # M29: v04 at 13:08
    },
    "pilkada-diy-bupati": {
        "pemungutan.bukan_penduduk_dilayani",  # M13: v01, KTP-el of another regency, no Model A
        "pemungutan.pendamping_tanpa_formulir",  # M23: v02's helper signs nothing
        "pemungutan.penggantian_kedua_diberikan",  # M21: v03's second replacement
    },
}
