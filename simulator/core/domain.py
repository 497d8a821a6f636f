"""Domain constants of the polling day that rules are built from (HANDBOOK §3, §4, §7)."""

from __future__ import annotations

from simulator.schema.scenario import Districts
from simulator.schema.types import BallotType, Disability, ElectionType, Layout, Phase

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

# The Districts field naming the district printed on each ballot type (HANDBOOK §3.3 item 4).
# PPWP ballots are the same nationwide but are still delivered per province.
DISTRICT_FIELD: dict[BallotType, str] = {
    BallotType.PPWP: "province",
    BallotType.DPD: "province",
    BallotType.GUBERNUR: "province",
    BallotType.BUPATI: "kabko",
    BallotType.WALIKOTA: "kabko",
    BallotType.DPR: "dpr",
    BallotType.DPRD_PROV: "dprd_prov",
    BallotType.DPRD_KABKO: "dprd_kabko",
}


def district_of(districts: Districts, ballot_type: BallotType) -> str | None:
    """The district this TPS's ballots of ``ballot_type`` print (None if the scenario left
    that dapil out)."""
    value: str | None = getattr(districts, DISTRICT_FIELD[ballot_type])
    return value


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


# Voters aged 60 and over are *lansia* (UU 13/1998 Pasal 1), served first (HANDBOOK §5.7).
ELDERLY_AGE = 60

# Logistics a TPS must receive where the regulation sets a number (HANDBOOK §3.2). Booths and
# ink are set for the Pemilu only; a Pilkada scenario states them under logistics.expected.
# Braille templates: PPWP and DPD ballots [P] (M).
EXPECTED_ITEMS: dict[ElectionType, dict[str, int]] = {
    ElectionType.PEMILU_2024: {
        "bilik_suara": 4,
        "tinta": 2,
        "template_braille": 2,
        "c_daftar_hadir": 3,
        "c_kejadian_khusus": 1,
        "c_pendamping": 1,
        "salinan_dpt": 1,
        "daftar_calon": 1,
    },
    ElectionType.PILKADA_2024: {
        "c_daftar_hadir": 3,
        "c_kejadian_khusus": 1,
        "c_pendamping": 1,
        "salinan_dpt": 1,
        "daftar_calon": 1,
    },
}

# When each phase starts if nothing earlier was played (minutes since midnight of polling day).
PHASE_START: dict[Phase, int] = {
    Phase.LOGISTIK: 6 * 60,
    Phase.PEMBUKAAN: 6 * 60,
    Phase.PEMUNGUTAN: 7 * 60,
    Phase.PENUTUPAN: 13 * 60,
    Phase.PENGHITUNGAN: 13 * 60 + 30,
    Phase.FORMULIR: 20 * 60,
    Phase.PENYERAHAN: 22 * 60,
}

OPENING_TIME = 7 * 60  # the voting meeting opens at 07:00, never earlier (PKPU 25/2023 Pasal 5)
DPK_FROM = 12 * 60  # DPK voters are served 12:00-13:00 (HANDBOOK §5.4)
CLOSING_TIME = 13 * 60  # voting closes at 13:00 (HANDBOOK §5.10)
COUNTING_DEADLINE = 36 * 60  # counting may run on until 12:00 the next day (MK 20/PUU-XVII/2019)


def reserve(dpt: int, election: ElectionType) -> int:
    """Reserve ballots per type: DPT × rate, rounded up per TPS (HANDBOOK §3.2, §15.3)."""
    return -(-dpt * RESERVE_RATE_PERMILLE[election] // 1000)


def expected_ballots(dpt: int, election: ElectionType) -> int:
    """Ballots per type a TPS must receive: DPT + reserve (R11)."""
    return dpt + reserve(dpt, election)
