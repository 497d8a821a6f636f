"""The fictional particulars printed on a voter's documents: NIK, birth date, address.

None of this is in the scenario, so it is derived from the voter's id (or from the name on a
document that is someone else's) with a stable hash, the same on every screen. A NIK here
has the 16-digit shape of a real one but starts with province code 99 (98 for "another
province"), which no real province uses, so it can never be a real person's number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from simulator.art.canvas import pick, stable_hash
from simulator.schema.scenario import Area, Document, Scenario, Voter
from simulator.schema.types import ElectionType, Sex

HOME_PROVINCE_CODE: Final = 99
OTHER_PROVINCE_CODE: Final = 98

# Polling days of the elections the scenarios run (Pemilu 14 Feb 2024, Pilkada 27 Nov 2024).
POLLING_DAY: Final[dict[ElectionType, date]] = {
    ElectionType.PEMILU_2024: date(2024, 2, 14),
    ElectionType.PILKADA_2024: date(2024, 11, 27),
}

# Fictional place names for addresses outside this TPS's village.
_VILLAGES: Final = (
    "Sukamulya", "Mekarwangi", "Tirtasari", "Karangasri", "Wanareja", "Sidamakmur",
    "Girimukti", "Ranuwangi", "Banyuasri", "Cempakaraya",
)  # fmt: skip
_SUBDISTRICTS: Final = ("Lembah Asri", "Bukit Damai", "Padang Teduh", "Sungai Jernih")
_REGENCIES: Final = (
    "Kabupaten Lembah Hijau", "Kota Pantai Biru", "Kabupaten Bukit Kabut", "Kota Teluk Damai",
)  # fmt: skip
_FAR_REGENCIES: Final = (
    "Kabupaten Pesisir Jauh", "Kota Angin Timur", "Kabupaten Danau Sunyi", "Kota Karang Baru",
)  # fmt: skip
_PROVINCES: Final = (
    "Provinsi Nusa Lestari", "Provinsi Teluk Permata", "Provinsi Bumi Raya",
    "Provinsi Tanah Seberang", "Provinsi Nusa Harapan",
)  # fmt: skip
_STREETS: Final = ("Jl. Melati", "Jl. Kenanga", "Gg. Mawar", "Jl. Flamboyan", "Jl. Cemara")
MONTHS: Final = (
    "JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
    "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    rt: int
    rw: int
    village: str
    subdistrict: str
    regency: str
    province: str

    @property
    def rt_rw(self) -> str:
        return f"{self.rt:03d}/{self.rw:03d}"


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a document says its holder is."""

    name: str
    sex: Sex
    nik: str
    born: date
    birthplace: str
    address: Address


def polling_day(scenario: Scenario) -> date:
    return POLLING_DAY[scenario.election]


def identity_of(document: Document, voter: Voter, scenario: Scenario) -> Identity:
    """The holder named on ``document``: the voter, or someone else when it names another."""
    own = document.name is None or document.name == voter.name
    seed = voter.id if own else f"{voter.id}/{document.name}"
    name = voter.name if own else str(document.name)
    age = voter.age if own else 20 + stable_hash(seed, "age") % 45
    area = document.address
    if document.kind.value == "model_a":
        area = origin_area(voter)
    address = address_of(area, seed, scenario)
    born = birth_date(seed, age, polling_day(scenario))
    return Identity(
        name=name,
        sex=voter.sex,
        nik=nik_of(seed, voter.sex, born, area),
        born=born,
        birthplace=_birthplace(seed, scenario),
        address=address,
    )


def origin_area(voter: Voter) -> Area:
    """Where a transferred voter comes from: the address on their ID, if they bring one."""
    for document in voter.documents:
        if document.kind.value != "model_a" and document.address is not Area.TPS_INI:
            return document.address
    return Area.DESA_SAMA


def birth_date(seed: str, age: int, day: date) -> date:
    """A birth date that makes the holder exactly ``age`` on polling ``day``."""
    h = stable_hash(seed, "born")
    month, dom = 1 + h % 12, 1 + (h // 12) % 28
    year = day.year - age
    if (month, dom) > (day.month, day.day):
        year -= 1
    return date(year, month, dom)


def nik_of(seed: str, sex: Sex, born: date, area: Area) -> str:
    """A fictional 16-digit NIK: province 99 (98 elsewhere), regency, district, birth, serial."""
    province = OTHER_PROVINCE_CODE if area is Area.PROVINSI_LAIN else HOME_PROVINCE_CODE
    h = stable_hash(seed, "nik")
    regency = 1 + h % 30 if area in (Area.PROVINSI_SAMA, Area.PROVINSI_LAIN) else 3
    district = 1 + (h // 30) % 20 if area is not Area.TPS_INI and area is not Area.DESA_SAMA else 7
    dom = born.day + (40 if sex is Sex.P else 0)  # as on real NIKs, women's day + 40
    serial = 1 + (h // 600) % 9999
    area_code = f"{province:02d}{regency:02d}{district:02d}"
    return f"{area_code}{dom:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def home_rw(scenario: Scenario) -> int:
    """The RW this scenario's TPS serves (its voters' addresses; HANDBOOK §5.4 condition 3)."""
    return 1 + scenario.tps.number % 9


def address_of(area: Area, seed: str, scenario: Scenario) -> Address:
    """A fictional address lying in ``area`` as seen from this scenario's TPS."""
    tps = scenario.tps
    h = stable_hash(seed, "address")
    served = home_rw(scenario)
    rt = 1 + h % 12
    street = f"{pick(_STREETS, seed, 'street')} No. {1 + (h // 12) % 80}"
    if area is Area.TPS_INI:
        return Address(street, rt, served, tps.village, tps.subdistrict, tps.regency, tps.province)
    if area is Area.DESA_SAMA:
        rw = served % 9 + 1 + (h // 7) % 3
        return Address(street, rt, rw, tps.village, tps.subdistrict, tps.regency, tps.province)
    village = _other(_VILLAGES, tps.village, seed)
    subdistrict = _other(_SUBDISTRICTS, tps.subdistrict, seed)
    if area is Area.KABKO_SAMA:
        return Address(street, rt, 1 + h % 9, village, subdistrict, tps.regency, tps.province)
    regency = _other(_REGENCIES, tps.regency, seed)
    if area is Area.PROVINSI_SAMA:
        return Address(street, rt, 1 + h % 9, village, subdistrict, regency, tps.province)
    province = _other(_PROVINCES, tps.province, seed)
    regency = pick(_FAR_REGENCIES, seed, "far")
    return Address(street, rt, 1 + h % 9, village, subdistrict, regency, province)


def other_tps_number(seed: str, scenario: Scenario) -> int:
    """A TPS number other than this one, for documents that name another TPS."""
    number = scenario.tps.number
    other = number + 1 + stable_hash(seed, "tps") % 6
    return other if other <= 9999 else max(1, number - 1)


def dpt_number(seed: str, scenario: Scenario) -> int:
    """The voter's fictional row number on the DPT."""
    total = max(1, scenario.tps.dpt.total)
    return 1 + stable_hash(seed, "dpt") % total


def format_date(day: date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _other(options: tuple[str, ...], avoid: str, seed: str) -> str:
    choices = tuple(o for o in options if o.lower() != avoid.lower()) or options
    return pick(choices, seed, avoid)


def _birthplace(seed: str, scenario: Scenario) -> str:
    """Where the holder was born: most often this regency; the same on all their documents."""
    places = (scenario.tps.regency, scenario.tps.regency, *_REGENCIES, *_FAR_REGENCIES)
    return regency_name(pick(places, seed, "born"))


def regency_name(regency: str) -> str:
    """``"Kabupaten Tanjung Sari"`` → ``"TANJUNG SARI"``, as printed after a birthplace."""
    for prefix in ("Kabupaten ", "Kota "):
        if regency.startswith(prefix):
            return regency[len(prefix) :].upper()
    return regency.upper()
