"""Domain constants of the polling day that rules are built from (HANDBOOK §3, §4, §7)."""

from __future__ import annotations

from simulator.schema.types import BallotType, Disability, ElectionType, Layout

LAYOUT_OF: dict[BallotType, Layout] = {
    BallotType.PPWP: Layout.PAIR,
    BallotType.DPR: Layout.PARTY_LIST,
    BallotType.DPD: Layout.INDIVIDUAL,
    BallotType.DPRD_PROV: Layout.PARTY_LIST,
    BallotType.DPRD_KABKO: Layout.PARTY_LIST,
    BallotType.GUBERNUR: Layout.PAIR,
    BallotType.BUPATI: Layout.PAIR,
    BallotType.WALIKOTA: Layout.PAIR,
}

# The prescribed order for opening boxes and for counting (HANDBOOK §4 step 5, §7.1).
BALLOT_ORDER: dict[ElectionType, tuple[BallotType, ...]] = {
    ElectionType.PEMILU_2024: (
        BallotType.PPWP,
        BallotType.DPR,
        BallotType.DPD,
        BallotType.DPRD_PROV,
        BallotType.DPRD_KABKO,
    ),
    ElectionType.PILKADA_2024: (BallotType.GUBERNUR, BallotType.BUPATI, BallotType.WALIKOTA),
}

# Reserve ballots per type, as a fraction of the DPT, rounded up per TPS (HANDBOOK §3.2, §15.3).
RESERVE_RATE_PERMILLE: dict[ElectionType, int] = {
    ElectionType.PEMILU_2024: 20,
    ElectionType.PILKADA_2024: 25,
}

MAX_VOTERS_PER_TPS: dict[ElectionType, int] = {
    ElectionType.PEMILU_2024: 300,
    ElectionType.PILKADA_2024: 600,
}

# Disabilities that entitle a voter to a helper of their choice (UU 7/2017 Pasal 356(1)).
ASSISTABLE: frozenset[Disability] = frozenset(
    {Disability.TUNANETRA, Disability.TUNADAKSA, Disability.KURSI_RODA, Disability.LAINNYA}
)
