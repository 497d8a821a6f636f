"""Fictional contests and districts shared by the ballot tests (validity, the generator)."""

from __future__ import annotations

from simulator.schema.scenario import Candidate, Contest, Districts, Pair
from simulator.schema.types import BallotType

DISTRICTS = Districts(
    province="Provinsi Nusa Kenari",
    kabko="Kabupaten Lembah Jati",
    dpr="Nusa Kenari I",
    dprd_prov="Nusa Kenari III",
    dprd_kabko="Lembah Jati 2",
)


def pair_contest(ballot: BallotType, *numbers: int) -> Contest:
    """A pair ballot (PPWP or Pilkada) with these pairs; one pair means a kolom kosong."""
    return Contest(
        ballot=ballot,
        pairs=[Pair(number=n, head=f"Calon {n}", deputy=f"Wakil {n}") for n in numbers],
    )


def dpd_contest(*numbers: int) -> Contest:
    return Contest(
        ballot=BallotType.DPD,
        candidates=[Candidate(number=n, name=f"Senator {n}") for n in numbers],
    )
