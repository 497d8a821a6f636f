"""The vocabulary of the polling day: elections, ballot types, lists, phases, severities.

Indonesian terms of art are kept as they are (DPT, DPTb, DPK, KPPS, PTPS, kolom kosong);
`docs/GLOSSARY.md` says where each comes from. Values are the strings used in scenario files
and action logs, so they are part of the file formats: never rename one casually.
"""

from __future__ import annotations

from enum import Enum


class _StrEnum(str, Enum):
    """A str-valued enum that prints as its value (StrEnum is Python 3.11+)."""

    def __str__(self) -> str:
        return str(self.value)


class ElectionType(_StrEnum):
    PEMILU_2024 = "pemilu2024"
    PILKADA_2024 = "pilkada2024"


class BallotType(_StrEnum):
    PPWP = "ppwp"
    DPR = "dpr"
    DPD = "dpd"
    DPRD_PROV = "dprd_prov"
    DPRD_KABKO = "dprd_kabko"
    GUBERNUR = "gubernur"
    BUPATI = "bupati"
    WALIKOTA = "walikota"


class Layout(_StrEnum):
    """How a ballot is laid out, which decides which validity rules apply (HANDBOOK §7)."""

    PAIR = "pair"  # PPWP and every Pilkada ballot: one column per pair of candidates
    PARTY_LIST = "party_list"  # DPR, DPRD Prov, DPRD Kab/Kota: one box per party
    INDIVIDUAL = "individual"  # DPD: one column per candidate


class VoterList(_StrEnum):
    DPT = "dpt"  # Daftar Pemilih Tetap: the permanent list of this TPS
    DPTB = "dptb"  # Daftar Pemilih Tambahan: voters transferred in with a Model A
    DPK = "dpk"  # Daftar Pemilih Khusus: residents on no list, 12:00-13:00


class Phase(_StrEnum):
    LOGISTIK = "logistik"
    PEMBUKAAN = "pembukaan"
    PEMUNGUTAN = "pemungutan"
    PENUTUPAN = "penutupan"
    PENGHITUNGAN = "penghitungan"
    FORMULIR = "formulir"
    PENYERAHAN = "penyerahan"


PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


class Severity(_StrEnum):
    KRITIS = "kritis"  # can void results, force a recount or PSU, or is a crime
    BERAT = "berat"  # a procedural breach drawing an objection or a Bawaslu finding
    RINGAN = "ringan"  # a lapse with little effect on results


class Consequence(_StrEnum):
    """What an error would cause on the real polling day."""

    TEMUAN = "temuan"  # a Bawaslu finding
    KEBERATAN = "keberatan"  # a witness objection
    HITUNG_ULANG = "hitung_ulang"  # a recount at the PPK
    PSU = "psu"  # a re-vote (pemungutan suara ulang)
    PIDANA = "pidana"  # a criminal offence
    HAK_PILIH_HILANG = "hak_pilih_hilang"  # a voter loses their vote
    TANPA_HASIL = "tanpa_hasil"  # the TPS has no result for a ballot type


class Sex(_StrEnum):
    L = "L"  # laki-laki
    P = "P"  # perempuan


class Difficulty(_StrEnum):
    MUDAH = "mudah"
    SEDANG = "sedang"
    SULIT = "sulit"


class Disability(_StrEnum):
    TUNANETRA = "tunanetra"  # blind
    TUNADAKSA = "tunadaksa"  # physical disability
    KURSI_RODA = "kursi_roda"  # wheelchair user
    TUNARUNGU = "tunarungu"  # deaf
    MENTAL = "mental"
    LAINNYA = "lainnya"
