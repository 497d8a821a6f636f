"""Careless crews of the short single-phase Pilkada 2024 scenarios (scenarios/pilkada-fase-*):
each plays one phase of a Gubernur + Bupati/Wali Kota day and makes that phase's Pilkada
mistakes, the rest done as the careful crew does it.
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.core import desk
from simulator.core.actions import Action, AdvanceClock
from simulator.core.careful import CarefulCrew
from simulator.core.phases import formulir, pembukaan, pemungutan, penghitungan
from simulator.core.phases import penyerahan as ph
from simulator.schema.clock import to_minutes
from simulator.schema.types import BallotType, VoterList

BOTH = [BallotType.GUBERNUR, BallotType.BUPATI]


class LogisticsCarelessCrew(CarefulCrew):
    """pilkada-fase-logistik: the packets are looked over but the receipt is signed with the
    ballots never counted, so the Bupati packet's 45 (where 44 + 2.5% = 46 are due) goes
    unnoticed and unreported (M01)."""

    def count_and_report(self) -> Iterator[Action]:
        return iter(())


class OpeningCarelessCrew(CarefulCrew):
    """pilkada-fase-pembukaan: both boxes opened at 06:45 "to be ready", before the meeting
    is opened (M08; the Papua re-votes of Pilkada 2024)."""

    def opening(self) -> Iterator[Action]:
        for action in super().opening():
            if isinstance(action, AdvanceClock) and action.to == "07:00":
                yield AdvanceClock(to="06:45")
                yield pembukaan.OpenBox(ballot=BallotType.GUBERNUR)
                yield pembukaan.OpenBox(ballot=BallotType.BUPATI)
                yield action
            elif isinstance(action, pembukaan.OpenBox):
                continue  # already open
            else:
                yield action


class VotingCarelessCrew(CarefulCrew):
    """pilkada-fase-pemungutan: a man with only a family card served (M14), the transfer from
    another regency given the Bupati ballot too (M15), voting ended at 12:15 (M30)."""

    def serve(self, voter_id: str) -> Iterator[Action]:
        vs = self.world.voters[voter_id]
        if voter_id == "v05":  # "everybody knows him": no KTP-el, on no list (M14)
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPK)
            yield pemungutan.IssueBallots(voter=voter_id, ballots=BOTH)
            yield pemungutan.ApplyInk(voter=voter_id)
        elif voter_id == "v07" and desk.decide(vs.voter, self.world).action == "admit":
            # Back at 11:00 as asked, then handed both ballots: his Model A says Gubernur (M15).
            yield pemungutan.CallVoter(voter=voter_id)
            yield pemungutan.CheckInk(voter=voter_id)
            yield pemungutan.CheckDocuments(voter=voter_id)
            yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPTB)
            yield pemungutan.IssueBallots(voter=voter_id, ballots=BOTH)
            yield pemungutan.ApplyInk(voter=voter_id)
        else:
            yield from super().serve(voter_id)

    def voting(self) -> Iterator[Action]:
        for action in super().voting():
            if isinstance(action, AdvanceClock) and to_minutes(action.to) > to_minutes("12:15"):
                yield AdvanceClock(to="12:15")  # nobody queuing: "everyone has voted" (M30)
                return
            yield action


class ClosingCarelessCrew(CarefulCrew):
    """pilkada-fase-penutupan: a member proposes punching the leftover ballots and the crew
    keeps quiet (M62; TPS 28 Pinang Ranti, Pilkada 2024)."""

    def response(self, kind: str) -> str:
        return {"usul_coblos_sisa": "diam"}.get(kind, super().response(kind))


class CountingCarelessCrew(CarefulCrew):
    """pilkada-fase-penghitungan: the Bupati box counted first because the witnesses ask
    (M32), the first ballot of each box read out without being shown (M33), the objection to a
    Governor ballot waved away (M44)."""

    def response(self, kind: str) -> str:
        return {"saksi_minta_urutan": "ikuti", "keberatan_saksi": "tolak"}.get(
            kind, super().response(kind)
        )

    def counting(self) -> Iterator[Action]:
        world = self.world
        for ballot in (BallotType.BUPATI, BallotType.GUBERNUR):
            yield penghitungan.OpenBoxForCount(ballot=ballot)
            yield penghitungan.AnnounceBoxCount(ballot=ballot)
            first = True
            while world.counting.open_box is ballot:
                current = penghitungan.current_ballot(world)
                assert current is not None
                yield penghitungan.RuleBallot(verdict=self.ruling(current, ballot), shown=not first)
                first = False


# The DPTb rows written in the DPK rows and the reverse (M40).
SWAPPED = {
    f"I.{section}{a}.{col}": f"I.{section}{b}.{col}"
    for section in "AB"
    for a, b in (("2", "3"), ("3", "2"))
    for col in ("men", "women", "total")
}


class FormsCarelessCrew(CarefulCrew):
    """pilkada-fase-formulir: on both C.Hasil-KWK the DPTb and DPK rows are swapped (M40); on
    the Governor's a miswritten figure is whited out with correction fluid (banned in the
    Pilkada); on the Mayor's, the figure a witness disputes is whited out too (M43)."""

    def response(self, kind: str) -> str:
        return {"keberatan_angka": "tipe_x"}.get(kind, super().response(kind))

    def forms(self) -> Iterator[Action]:
        for action in super().forms():
            if isinstance(action, formulir.EnterFigure) and action.field in SWAPPED:
                value = formulir.expected(self.world, action.ballot).get(SWAPPED[action.field])
                assert value is not None
                yield action.model_copy(update={"value": value})
                continue
            slip = (
                isinstance(action, formulir.EnterFigure)
                and action.ballot is BallotType.GUBERNUR
                and action.field == "II.3"
            )
            if slip:  # a figure miswritten, then whited out and written over
                assert isinstance(action, formulir.EnterFigure)
                yield action.model_copy(update={"value": action.value + 1})
                yield formulir.CorrectFigure(
                    ballot=action.ballot, field="II.3", value=action.value, method="tipe_x"
                )
                continue
            yield action


class HandoverCarelessCrew(CarefulCrew):
    """pilkada-fase-penyerahan: the boxes wait for Sirekap's signal (M59), the witnesses get
    no copy (M45) and the Bupati box goes to the PPS unsealed (M48)."""

    def response(self, kind: str) -> str:
        return {"sirekap_gagal": "tunggu_sinyal"}.get(kind, super().response(kind))

    def handover(self) -> Iterator[Action]:
        for action in super().handover():
            if isinstance(action, ph.GiveCopies) and action.recipient == "saksi":
                continue
            if isinstance(action, ph.SealBox) and action.ballot is BallotType.BUPATI:
                continue
            yield action


CREWS: dict[str, type[CarefulCrew]] = {
    "pilkada-fase-logistik": LogisticsCarelessCrew,
    "pilkada-fase-pembukaan": OpeningCarelessCrew,
    "pilkada-fase-pemungutan": VotingCarelessCrew,
    "pilkada-fase-penutupan": ClosingCarelessCrew,
    "pilkada-fase-penghitungan": CountingCarelessCrew,
    "pilkada-fase-formulir": FormsCarelessCrew,
    "pilkada-fase-penyerahan": HandoverCarelessCrew,
}

EXPECTED: dict[str, set[str]] = {
    "pilkada-fase-logistik": {
        "logistik.surat_suara_tidak_dihitung",  # M01: neither packet counted
        "logistik.selisih_tidak_dilaporkan",  # M01: so 45 Bupati ballots for 44 + 2 unreported
    },
    "pilkada-fase-pembukaan": {
        "pembukaan.kotak_dibuka_sebelum_rapat",  # M08: both boxes opened at 06:45
    },
    "pilkada-fase-pemungutan": {
        "pemungutan.tanpa_identitas_dilayani",  # M14: v05 with only a family card
        "pemungutan.jenis_surat_suara_dptb_salah",  # M15: v07 entitled to Gubernur only
        "pemungutan.ditutup_sebelum_1300",  # M30: ended at 12:15, v11 comes at 12:40
    },
    "pilkada-fase-penutupan": {
        "penutupan.sisa_surat_suara_dicoblos",  # M62: the crew kept quiet
    },
    "pilkada-fase-penghitungan": {
        "penghitungan.urutan_atas_desakan",  # M32: followed the witnesses' order
        "penghitungan.urutan_salah",  # M32: Bupati before Gubernur
        "penghitungan.surat_suara_tidak_ditunjukkan",  # M33: the first ballot of each box
        "penghitungan.keberatan_tidak_ditangani",  # M44: the objection refused unchecked
    },
    "pilkada-fase-formulir": {
        "formulir.dptb_dpk_tertukar",  # M40: DPTb and DPK rows swapped on both forms
        "formulir.salah_tulis_tidak_terlihat",  # §15 item 21: a slip whited out
        "formulir.koreksi_ditimpa",  # M43: the disputed figure whited out
    },
    "pilkada-fase-penyerahan": {
        "penyerahan.penyerahan_tertahan_sirekap",  # M59: waited for the signal
        "penyerahan.salinan_tidak_diberikan",  # M45: no copy for the witnesses
        "penyerahan.kotak_tidak_disegel",  # M48: the Bupati box unsealed
    },
}
