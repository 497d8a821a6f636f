"""Careless crews of the full-size whole days (a 300-voter Pemilu TPS, a 600-voter Pilkada TPS,
a Gubernur-only and a Bupati-only Pilkada): the lapses of a long, crowded day.

Each crew plays the day as the careful crew does and slips at the named steps only, so the
rules it breaks are exactly those in ``EXPECTED``.
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.core.actions import Action
from simulator.core.careful import CarefulCrew
from simulator.core.phases import formulir, logistik, pemungutan
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


CREWS: dict[str, type[CarefulCrew]] = {
    "pemilu-tps-300": Pemilu300CarelessCrew,
}

EXPECTED: dict[str, set[str]] = {
    "pemilu-tps-300": {
        "logistik.selisih_tidak_dilaporkan",  # M01: 296 DPR ballots for 296 + 6, unreported
        "pemungutan.tanpa_identitas_dilayani",  # M14: v01 with a KK only
        "formulir.dptb_dpk_tertukar",  # M40: PPWP rows I.A2/I.A3 and I.B2/I.B3 swapped
        "formulir.suara_partai_ganda",  # M41: DPR party 1 total with its candidates twice
    },
}
