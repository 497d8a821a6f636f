"""Careless crews of the single-phase Pemilu scenarios (``scenarios/pemilu-fase-*.yaml``).

Each plays one phase of the day the careful way except for the traps its scenario declares:
a ``mudah`` scenario has one trap, so its crew makes one mistake; a ``sedang`` one makes each
of its few. The mistakes come from MISTAKES.md, and EXPECTED names the rules that catch them.
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.core.actions import Action, AdvanceClock
from simulator.core.careful import CarefulCrew
from simulator.core.phases import formulir, pembukaan, pemungutan, penghitungan
from simulator.core.phases import penutupan as pt
from simulator.core.phases import penyerahan as ph
from simulator.schema.ballot import Ballot
from simulator.schema.clock import to_minutes
from simulator.schema.types import BallotType, VoterList


class LogisticsFirstTimerCrew(CarefulCrew):
    """pemilu-fase-logistik: every item opened and looked at, the receipt signed, but no
    ballot counted, so the DPR packet one sheet short goes unreported (M01)."""

    def count_and_report(self) -> Iterator[Action]:
        return iter(())


class OpeningCarelessCrew(CarefulCrew):
    """pemilu-fase-pembukaan: anyone who says "saksi" is seated (M09), the numbered shirt
    stays on (M10), and the DPR box is locked without being shown empty (M08)."""

    def receive_witness(self, witness_id: str) -> Iterator[Action]:
        yield pembukaan.AdmitWitness(witness=witness_id)

    def opening(self) -> Iterator[Action]:
        for action in super().opening():
            if isinstance(action, pembukaan.ShowBoxEmpty) and action.ballot is BallotType.DPR:
                continue
            yield action


class VotingHourCarelessCrew(CarefulCrew):
    """pemilu-fase-pemungutan: the resident on no list served at 10:00 (M17); at the DPK hour,
    with the DPR ballots gone, the next resident given what is left instead of being sent to
    the nearest TPS (M18) and the man with only a family card served too (M14); then, every
    DPT voter seemingly done, voting closed at 12:30 (M30)."""

    CLOSES_AT = to_minutes("12:30")

    def serve(self, voter_id: str) -> Iterator[Action]:
        if voter_id not in ("v08", "v13", "v14"):
            yield from super().serve(voter_id)
            return
        yield pemungutan.CallVoter(voter=voter_id)
        yield pemungutan.CheckInk(voter=voter_id)
        yield pemungutan.CheckDocuments(voter=voter_id)
        yield pemungutan.AdmitVoter(voter=voter_id, list=VoterList.DPK)
        left = [b for b, stock in self.world.stocks.items() if stock.remaining > 0]
        yield pemungutan.IssueBallots(voter=voter_id, ballots=left)
        yield pemungutan.ApplyInk(voter=voter_id)

    def voting(self) -> Iterator[Action]:
        for action in super().voting():
            if isinstance(action, AdvanceClock) and to_minutes(action.to) > self.CLOSES_AT:
                yield AdvanceClock(to="12:30")  # the next arrival (v15) is due only at 12:45
                return
            yield action


class ClosingFirstTimerCrew(CarefulCrew):
    """pemilu-fase-penutupan: the leftover ballots counted and announced, but never crossed
    out (M31)."""

    def closing(self) -> Iterator[Action]:
        for action in super().closing():
            if not isinstance(action, pt.CrossUnused):
                yield action


class CountingCarelessCrew(CarefulCrew):
    """pemilu-fase-penghitungan: the DPR box opened next because a witness pushes (M32), the
    PPWP punch-through ruled invalid (M35), the DPR party-and-own-candidate ballot ruled
    invalid (M34), and the witness's objection waved away (M44)."""

    def response(self, kind: str) -> str:
        return {"saksi_minta_urutan": "ikuti", "keberatan_saksi": "tolak"}.get(
            kind, super().response(kind)
        )

    def counting(self) -> Iterator[Action]:
        world = self.world
        order = [BallotType.PPWP, BallotType.DPR, BallotType.DPD]
        order += [BallotType.DPRD_KABKO, BallotType.DPRD_PROV]  # as the witness asked
        for ballot in order:
            yield penghitungan.OpenBoxForCount(ballot=ballot)
            yield penghitungan.AnnounceBoxCount(ballot=ballot)
            while world.counting.open_box is ballot:
                current = penghitungan.current_ballot(world)
                assert current is not None
                yield penghitungan.RuleBallot(verdict=self.ruling(current, ballot))

    def ruling(self, ballot: Ballot, ballot_type: BallotType) -> str:
        if any(mark.mirror for mark in ballot.marks):
            return "invalid"  # "two holes, one outside"
        if ballot_type is BallotType.DPR and len(ballot.marks) == 2:
            parties = {mark.party for mark in ballot.marks}
            if len(parties) == 1 and any(mark.candidate for mark in ballot.marks):
                return "invalid"  # "two punches"
        return super().ruling(ballot, ballot_type)


# The voters' rows of the DPTb and the DPK lists, each paired with the other (M40).
_SWAPPED_ROWS = {
    f"I.{section}{row}.{column}": f"I.{section}{other}.{column}"
    for section in "AB"
    for row, other in (("2", "3"), ("3", "2"))
    for column in ("men", "women", "total")
}


class FormsCarelessCrew(CarefulCrew):
    """pemilu-fase-formulir: on every form the DPTb and DPK rows swapped, both taken from the
    wrong attendance list (M40); on the DPR form party 1's candidates counted twice in its
    total (M41) and the returned ballot written as invalid and the invalid votes as returned
    (M39)."""

    def forms(self) -> Iterator[Action]:
        for action in super().forms():
            if isinstance(action, formulir.EnterFigure):
                action = self.miswrite(action)
            yield action

    def miswrite(self, action: formulir.EnterFigure) -> formulir.EnterFigure:
        truth = formulir.expected(self.world, action.ballot)
        if action.field in _SWAPPED_ROWS:
            return action.model_copy(update={"value": truth.get(_SWAPPED_ROWS[action.field])})
        if action.ballot is not BallotType.DPR:
            return action
        if action.field == "IV.party:1/total":
            candidates = sum(
                truth.get(f) or 0 for f in truth.field_ids() if f.startswith("IV.party:1/cand:")
            )
            return action.model_copy(update={"value": action.value + candidates})
        if action.field in ("II.2", "V.invalid"):
            other = "V.invalid" if action.field == "II.2" else "II.2"
            return action.model_copy(update={"value": truth.get(other)})
        return action


class HandoverFirstTimerCrew(CarefulCrew):
    """pemilu-fase-penyerahan: copies for the witnesses and the PPS, none for the PTPS (M45)."""

    def handover(self) -> Iterator[Action]:
        for action in super().handover():
            if isinstance(action, ph.GiveCopies) and action.recipient == "ptps":
                continue
            yield action


CREWS: dict[str, type[CarefulCrew]] = {
    "pemilu-fase-logistik": LogisticsFirstTimerCrew,
    "pemilu-fase-pembukaan": OpeningCarelessCrew,
    "pemilu-fase-pemungutan": VotingHourCarelessCrew,
    "pemilu-fase-penutupan": ClosingFirstTimerCrew,
    "pemilu-fase-penghitungan": CountingCarelessCrew,
    "pemilu-fase-formulir": FormsCarelessCrew,
    "pemilu-fase-penyerahan": HandoverFirstTimerCrew,
}

EXPECTED: dict[str, set[str]] = {
    "pemilu-fase-logistik": {
        "logistik.surat_suara_tidak_dihitung",  # M01: no type counted
        "logistik.selisih_tidak_dilaporkan",  # M01: so the DPR packet's 20 of 21 went unseen
    },
    "pemilu-fase-pembukaan": {
        "pembukaan.saksi_tanpa_mandat_diterima",  # M09: w2 has no mandate
        "pembukaan.atribut_saksi_dibiarkan",  # M10: w3's numbered shirt
        "pembukaan.kotak_tidak_ditunjukkan_kosong",  # M08: the DPR box
    },
    "pemilu-fase-pemungutan": {
        "pemungutan.dpk_sebelum_1200",  # M17: v08 served at 10:00
        "pemungutan.dpk_tidak_diarahkan",  # M18: v13 given what was left, no DPR ballot
        "pemungutan.tanpa_identitas_dilayani",  # M14: v14 with only a family card
        "pemungutan.ditutup_sebelum_1300",  # M30: closed at 12:30
    },
    "pemilu-fase-penutupan": {
        "penutupan.sisa_surat_suara_tidak_disilang",  # M31
    },
    "pemilu-fase-penghitungan": {
        "penghitungan.urutan_atas_desakan",  # M32: the witness's push followed
        "penghitungan.urutan_salah",  # M32: so DPRD Kab/Kota before DPRD Provinsi
        "penghitungan.coblos_tembus_keliru",  # M35
        "penghitungan.partai_caleg_keliru",  # M34: the listed ballot and a drawn one
        "penghitungan.keberatan_tidak_ditangani",  # M44
    },
    "pemilu-fase-formulir": {
        "formulir.dptb_dpk_tertukar",  # M40: rows I.A2/I.A3 and I.B2/I.B3, every form
        "formulir.suara_partai_ganda",  # M41: DPR party 1
        "formulir.rusak_dan_tidak_sah_tertukar",  # M39: DPR II.2 and V.invalid
    },
    "pemilu-fase-penyerahan": {
        "penyerahan.salinan_tidak_diberikan",  # M45: no copy for the PTPS
    },
}
