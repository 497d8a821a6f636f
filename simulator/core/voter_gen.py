"""Seeded voters for the desk: situations drawn by archetype, never verdicts.

``generate_voters(scenario, rng)`` draws ``scenario.voters.generated.count`` voters. The mix
weights are shared out exactly (largest remainder), so a trainer who asks for 18 ordinary
voters, one DPK voter and one with ink gets exactly that; the order and the arrival times
(uniform between ``start`` and ``end``, in whole minutes) are random. Each archetype sets up a
situation (documents, ink, registration, address, disability, phone, a replacement request);
whether the voter may vote is for :func:`simulator.core.desk.decide` to say.

Registrations respect the TPS: DPT voters never outnumber its DPT (per sex, counting the
listed voters), DPTb voters its DPTb, and voters with disabilities on the DPT its registered
disabled voters (HANDBOOK §8.2 R3, R9). When a list is full the archetype falls back: a DPTb
voter becomes an ordinary DPT voter, a DPT voter becomes a DPK resident.

Names are fictional, built from common given names of many Indonesian communities (Javanese,
Sundanese, Batak, Bugis, Minang, Balinese, Chinese-Indonesian, Arabic-derived); the lists
leave out names that would spell a well-known person. Only the ``random.Random`` passed in is
used, so the same stream state gives the same voters.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from simulator.core.domain import ASSISTABLE, BALLOT_ORDER, ELDERLY_AGE
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.scenario import (
    Archetype,
    Area,
    Document,
    DocumentKind,
    Registration,
    Scenario,
    Voter,
)
from simulator.schema.types import BallotType, Disability, ElectionType, Sex

# --- Names -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Names:
    """Given names and second names of one community, by sex."""

    men: tuple[str, ...]
    women: tuple[str, ...]
    men_second: tuple[str, ...]
    women_second: tuple[str, ...]
    single: float = 0.0  # share of people known by one name only


_COMMUNITIES: tuple[_Names, ...] = (
    _Names(  # Javanese
        men=("Slamet", "Sugeng", "Eko", "Agus", "Wahyu", "Teguh", "Heru", "Bayu", "Dimas", "Galih"),
        women=("Sri", "Rini", "Endang", "Sumarni", "Hartini", "Wulan", "Tutik", "Retno", "Puji"),
        men_second=("Nugroho", "Prasetyo", "Wibowo", "Saputro", "Purwanto", "Riyanto", "Sutrisno"),
        women_second=("Lestari", "Rahayu", "Handayani", "Wulandari", "Astuti", "Setyowati"),
        single=0.3,
    ),
    _Names(  # Sundanese
        men=("Asep", "Ujang", "Dadang", "Cecep", "Yayan", "Dede", "Acep", "Entis"),
        women=("Euis", "Neneng", "Iis", "Enung", "Yati", "Cucu", "Nining", "Entin"),
        men_second=("Suryana", "Sumarna", "Permana", "Saepudin", "Sukmana", "Hermawan"),
        women_second=("Rohaeti", "Nurhasanah", "Kurniasih", "Komariah", "Maryati", "Sumiati"),
    ),
    _Names(  # Batak: given name and marga
        men=("Poltak", "Sahat", "Lamhot", "Parulian", "Jonggi", "Partogi", "Marolop", "Gomgom"),
        women=("Rotua", "Tiurma", "Rosmauli", "Tiodora", "Marintan", "Lasma", "Dumaria", "Rugun"),
        men_second=("Sitompul", "Nababan", "Hutapea", "Sinaga", "Manurung", "Simbolon", "Pardede"),
        women_second=("Tambunan", "Hutagalung", "Silalahi", "Sihombing", "Nainggolan", "Purba"),
    ),
    _Names(  # Bugis
        men=("Syamsuddin", "Rusdi", "Haerul", "Irwan", "Hamzah", "Amiruddin", "Nasrul", "Jufri"),
        women=("Hasnah", "Jumriah", "Nurhayati", "Asriani", "Hasmawati", "Nurlaela", "Kasmawati"),
        men_second=("Baso", "Tahir", "Kadir", "Lallo", "Rahim", "Latif", "Sanusi"),
        women_second=("Baso", "Tahir", "Kadir", "Lallo", "Rahim", "Latif", "Sanusi"),
    ),
    _Names(  # Minang
        men=("Yusrizal", "Afrizal", "Syafri", "Hendri", "Nofrizal", "Zulhendri", "Yulizar"),
        women=("Yuliarni", "Rosmaniar", "Desmawati", "Rahmi", "Yenni", "Nelmawati", "Yusnimar"),
        men_second=("Chaniago", "Piliang", "Sikumbang", "Jambak", "Koto"),
        women_second=("Chaniago", "Piliang", "Sikumbang", "Jambak", "Koto"),
        single=0.3,
    ),
    _Names(  # Balinese: I/Ni, birth-order name, given name
        men=("I Wayan", "I Made", "I Nyoman", "I Ketut", "I Putu", "I Komang", "I Kadek"),
        women=("Ni Wayan", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Putu", "Ni Luh", "Ni Kadek"),
        men_second=("Sudarsana", "Artawan", "Suarta", "Darmayasa", "Sukadana", "Adnyana"),
        women_second=("Ariani", "Suastini", "Purnami", "Sukasih", "Sriasih", "Astiti", "Sudiani"),
    ),
    _Names(  # Chinese-Indonesian
        men=("Yohanes", "Albert", "Wilson", "Steven", "Andreas", "Hendrik", "Lukas", "Suryadi"),
        women=("Lina", "Melinda", "Fransiska", "Stefani", "Meliana", "Cindy", "Veronika"),
        men_second=("Wijaya", "Gunawan", "Tanuwijaya", "Halim", "Sutanto", "Lukito", "Hadinata"),
        women_second=("Wijaya", "Gunawan", "Tanuwijaya", "Halim", "Sutanto", "Lukito", "Kusuma"),
    ),
    _Names(  # Arabic-derived given names
        men=("Ahmad", "Muhammad", "Hasan", "Rizki", "Fauzi", "Ilham", "Hafiz", "Syaiful", "Imron"),
        women=("Siti", "Nur", "Halimah", "Salma", "Nurul", "Zulaikha", "Rahmah", "Laila"),
        men_second=("Hidayat", "Fauzan", "Maulana", "Ramadhan", "Syahputra", "Firmansyah"),
        women_second=("Aminah", "Nurjanah", "Rahmawati", "Hasanah", "Maulida", "Fitriani"),
    ),
)


def _name(rng: random.Random, sex: Sex) -> str:
    names = rng.choice(_COMMUNITIES)
    men = sex is Sex.L
    given = rng.choice(names.men if men else names.women)
    if rng.random() < names.single and " " not in given:
        return given
    return f"{given} {rng.choice(names.men_second if men else names.women_second)}"


# --- Room on the lists -----------------------------------------------------------------------

_ON_DPT: frozenset[Archetype] = frozenset(
    {
        Archetype.DPT_BIASA,
        Archetype.DPT_TANPA_PEMBERITAHUAN,
        Archetype.DPT_KTP_PENGGANTI,
        Archetype.DPT_LANSIA,
        Archetype.DPT_DISABILITAS,
        Archetype.DPT_HAMIL,
        Archetype.DPT_BAWA_HP,
        Archetype.DPT_MINTA_GANTI,
        Archetype.PINDAH_KELUAR,
    }
)


@dataclass(slots=True)
class _Room:
    """Places still free on the DPT and DPTb (and for DPT voters with disabilities), per sex."""

    dpt: Counter[Sex] = field(default_factory=Counter)
    dptb: Counter[Sex] = field(default_factory=Counter)
    disabled: Counter[Sex] = field(default_factory=Counter)

    @classmethod
    def of(cls, scenario: Scenario) -> _Room:
        tps = scenario.tps
        room = cls(
            dpt=Counter({Sex.L: tps.dpt.men, Sex.P: tps.dpt.women}),
            dptb=Counter({Sex.L: tps.dptb.men, Sex.P: tps.dptb.women}),
            disabled=Counter({Sex.L: tps.disabled.men, Sex.P: tps.disabled.women}),
        )
        for voter in scenario.voters.listed:
            if voter.registered is Registration.DPT:
                room.dpt[voter.sex] -= 1
                if voter.disability is not None:
                    room.disabled[voter.sex] -= 1
            elif voter.registered is Registration.DPTB:
                room.dptb[voter.sex] -= 1
        return room

    def take(self, lists: tuple[Counter[Sex], ...], sex: Sex, *, fixed: bool = False) -> Sex | None:
        """Take a place on every one of ``lists`` for ``sex`` (or the other sex, unless fixed)."""
        for candidate in (sex,) if fixed else (sex, _other(sex)):
            if all(places[candidate] > 0 for places in lists):
                for places in lists:
                    places[candidate] -= 1
                return candidate
        return None


def _other(sex: Sex) -> Sex:
    return Sex.P if sex is Sex.L else Sex.L


# --- Drawing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Draft:
    """A voter being drawn: archetype, sex and whether they stand on this TPS's DPT."""

    archetype: Archetype
    sex: Sex
    on_dpt: bool = False


def generate_voters(scenario: Scenario, rng: random.Random) -> list[Voter]:
    """The scenario's generated voters, in the order drawn (the caller sorts by arrival)."""
    return [voter for _, voter in draw_voters(scenario, rng)]


def draw_voters(scenario: Scenario, rng: random.Random) -> list[tuple[Archetype, Voter]]:
    """Each generated voter with the archetype it was finally drawn as (after fallbacks)."""
    spec = scenario.voters.generated
    if spec is None or spec.count == 0:
        return []
    plan = apportion(spec.count, spec.mix)
    rng.shuffle(plan)
    room = _Room.of(scenario)
    taken = {v.id for v in scenario.voters.listed}
    first, last = sorted((to_minutes(spec.start), to_minutes(spec.end)))
    drawn: list[tuple[Archetype, Voter]] = []
    for number, archetype in enumerate(plan, start=1):
        draft = _place(archetype, rng.choice((Sex.L, Sex.P)), room)
        voter = _build(draft, _fresh_id(number, taken), rng.randint(first, last), scenario, rng)
        drawn.append((draft.archetype, voter))
    return _with_namesakes(drawn, scenario, rng)


def apportion(count: int, mix: dict[Archetype, int]) -> list[Archetype]:
    """``count`` archetypes shared out by weight, largest remainder first (enum order on ties)."""
    weights = [(a, mix.get(a, 0)) for a in Archetype]
    total = sum(w for _, w in weights)
    if total == 0:
        return [Archetype.DPT_BIASA] * count
    shares = {a: count * w // total for a, w in weights}
    left = count - sum(shares.values())
    by_remainder = sorted(weights, key=lambda aw: -(count * aw[1] % total))
    for archetype, _ in by_remainder[:left]:
        shares[archetype] += 1
    return [a for a in Archetype for _ in range(shares[a])]


def _fresh_id(number: int, taken: set[str]) -> str:
    candidate = f"g{number:03d}"
    suffix = 0
    while candidate in taken:
        suffix += 1
        candidate = f"g{number:03d}-{suffix}"
    taken.add(candidate)
    return candidate


def _place(archetype: Archetype, sex: Sex, room: _Room) -> _Draft:
    """Fit the archetype to the room left on the lists, falling back when a list is full."""
    if archetype is Archetype.DPTB:
        placed = room.take((room.dptb,), sex)
        if placed is not None:
            return _Draft(archetype, placed)
        archetype = Archetype.DPT_BIASA
    if archetype is Archetype.DPT_DISABILITAS:
        placed = room.take((room.dpt, room.disabled), sex)
        if placed is not None:
            return _Draft(archetype, placed, on_dpt=True)
        archetype = Archetype.DPT_BIASA
    if archetype is Archetype.DPT_HAMIL:
        sex = Sex.P
    if archetype in _ON_DPT:
        placed = room.take((room.dpt,), sex, fixed=archetype is Archetype.DPT_HAMIL)
        if placed is None:
            return _Draft(Archetype.DPK, sex)
        return _Draft(archetype, placed, on_dpt=True)
    if archetype is Archetype.BERTINTA:
        placed = room.take((room.dpt,), sex, fixed=True)
        return _Draft(archetype, sex, on_dpt=placed is not None)
    return _Draft(archetype, sex)


# --- Namesakes ------------------------------------------------------------------------------

NAMESAKE_EVERY = 12  # by default one drawn voter in twelve shares the name of a DPT voter


def _with_namesakes(
    drawn: list[tuple[Archetype, Voter]], scenario: Scenario, rng: random.Random
) -> list[tuple[Archetype, Voter]]:
    """Real DPTs have namesakes, so some drawn voters take the name of a voter on this TPS's
    DPT (listed or drawn) of the same sex and another age: the list tells the two apart by
    the birth date, never by the name alone. Every other namesake is, where one was drawn,
    someone on no list of this TPS (the trap: the name is on the DPT, the entry is not
    theirs); the others share the name with a second DPT voter. Drawn last, from the same
    stream, so the voters themselves are the ones drawn without namesakes."""
    spec = scenario.voters.generated
    assert spec is not None
    wanted = spec.namesakes if spec.namesakes is not None else len(drawn) // NAMESAKE_EVERY
    voters = [voter for _, voter in drawn]
    on_dpt: dict[Sex, list[Voter]] = {Sex.L: [], Sex.P: []}
    for voter in (*scenario.voters.listed, *voters):
        if _listed_on_dpt(voter):
            on_dpt[voter.sex].append(voter)
    # Documents naming someone else (a joki's notice) keep their bearer's name. Worked out
    # once, in drawing order, rather than at every pair: a 600-voter TPS has 50 pairs.
    renamable = [v for v in voters if all(d.name is None for d in v.documents)]
    renamable_off = [v for v in renamable if not _listed_on_dpt(v)]
    renamable_on = [v for v in renamable if _listed_on_dpt(v)]
    paired: set[str] = set()
    names: dict[str, str] = {}
    for pair in range(wanted):
        preferred = [
            v for v in (renamable_off if pair % 2 == 0 else renamable_on) if v.id not in paired
        ]
        if not preferred:
            preferred = [v for v in renamable if v.id not in paired]
        found = _namesake_pair(preferred, on_dpt, paired, rng)
        if found is None:
            break
        copy, source = found
        names[copy.id] = source.name
        paired |= {copy.id, source.id}
    return [
        (
            archetype,
            voter.model_copy(update={"name": names[voter.id]}) if voter.id in names else voter,
        )
        for archetype, voter in drawn
    ]


def _namesake_pair(
    candidates: list[Voter], on_dpt: dict[Sex, list[Voter]], paired: set[str],
    rng: random.Random,
) -> tuple[Voter, Voter] | None:
    """A drawn voter to rename, and the DPT voter (``on_dpt`` by sex, in drawing order) whose
    name they take (or None)."""
    pool = list(candidates)
    while pool:
        copy = pool.pop(rng.randrange(len(pool)))
        sources = [
            v
            for v in on_dpt[copy.sex]
            if v.id != copy.id
            and v.id not in paired
            and v.age != copy.age
            and v.name != copy.name
        ]
        if sources:
            return copy, rng.choice(sources)
    return None


def _listed_on_dpt(voter: Voter) -> bool:
    return voter.registered is Registration.DPT and not voter.transferred_out


# --- Situations ------------------------------------------------------------------------------


def _notice(name: str | None = None, tps: Literal["ini", "lain"] = "ini") -> Document:
    return Document(kind=DocumentKind.C_PEMBERITAHUAN, name=name, tps=tps)


def _ktp(address: Area = Area.TPS_INI) -> Document:
    return Document(kind=DocumentKind.KTP_EL, address=address)


def _build(
    draft: _Draft,
    voter_id: str,
    arrives: int,
    scenario: Scenario,
    rng: random.Random,
) -> Voter:
    archetype, sex = draft.archetype, draft.sex
    fields: dict[str, object] = {
        "id": voter_id,
        "name": _name(rng, sex),
        "sex": sex,
        "age": rng.randint(17, ELDERLY_AGE - 1),
        "arrives": format_minutes(arrives),
        "registered": Registration.DPT if draft.on_dpt else Registration.NONE,
        "documents": [_notice(), _ktp()],
    }
    fields.update(_SITUATIONS[archetype](draft, scenario, rng, fields))
    return Voter.model_validate(fields)


_Fields = dict[str, object]


def _dpt_biasa(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    return {}


def _dpt_tanpa_pemberitahuan(
    draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields
) -> _Fields:
    return {"documents": [_ktp()]}


def _dpt_ktp_pengganti(
    draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields
) -> _Fields:
    # KTP-el lost or at home: a photo of it on the phone (HANDBOOK §5.2 row 3).
    return {"documents": [_notice(), Document(kind=DocumentKind.KTP_FOTO_HP)]}


def _dpt_lansia(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    return {"age": rng.randint(ELDERLY_AGE, 92)}


_DISABILITIES: tuple[Disability, ...] = tuple(Disability)
_NEEDS_HELPER = frozenset({Disability.TUNANETRA, Disability.TUNADAKSA}) & ASSISTABLE


def _dpt_disabilitas(
    draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields
) -> _Fields:
    disability = rng.choice(_DISABILITIES)
    fields: _Fields = {"disability": disability, "age": rng.randint(17, 85)}
    if disability in _NEEDS_HELPER:
        fields["assistance"] = "keluarga"
    return fields


def _dpt_hamil(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    return {"pregnant": True, "age": rng.randint(20, 40)}


def _dpt_bawa_hp(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    return {"phone": True}


def _dpt_minta_ganti(
    draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields
) -> _Fields:
    return {"replacements": [rng.choice(scenario.ballot_types)]}


def _dptb(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    origin, ballots = rng.choice(transfer_moves(scenario))
    model_a = Document(kind=DocumentKind.MODEL_A, ballots=list(ballots))
    return {"registered": Registration.DPTB, "documents": [model_a, _ktp(origin)]}


def _dpk(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    # A resident of this TPS's area on no list; arrives at any hour (before 12:00 is the trap).
    return {"registered": Registration.NONE, "documents": [_ktp()]}


def _bertinta(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    documents = [_notice(), _ktp()] if draft.on_dpt else [_ktp()]
    return {"inked": True, "documents": documents}


def _luar_domisili(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    area = rng.choice((Area.PROVINSI_SAMA, Area.PROVINSI_LAIN))
    return {"registered": Registration.NONE, "documents": [_ktp(area)]}


def _tanpa_identitas(
    draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields
) -> _Fields:
    return {"registered": Registration.NONE, "documents": [Document(kind=DocumentKind.KK)]}


def _joki(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    # Brings a relative's notice (the relative is ill, or away) with his or her own KTP-el.
    owner = str(base["name"])
    while owner == base["name"]:
        owner = _name(rng, rng.choice((Sex.L, Sex.P)))
    return {"registered": Registration.NONE, "documents": [_notice(name=owner), _ktp()]}


def _salah_tps(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    # Lives in the village, registered at the neighbouring TPS.
    return {
        "registered": Registration.NONE,
        "documents": [_notice(tps="lain"), _ktp(Area.DESA_SAMA)],
    }


def _pindah_keluar(draft: _Draft, scenario: Scenario, rng: random.Random, base: _Fields) -> _Fields:
    # Took a Model A to vote elsewhere; the notice went back to the PPS (HANDBOOK §2, H-1).
    documents = [_ktp()]
    if rng.random() < 0.5:
        documents.insert(0, Document(kind=DocumentKind.MODEL_A, tps="lain", ballots=[]))
    return {"transferred_out": True, "documents": documents}


_SITUATIONS = {
    Archetype.DPT_BIASA: _dpt_biasa,
    Archetype.DPT_TANPA_PEMBERITAHUAN: _dpt_tanpa_pemberitahuan,
    Archetype.DPT_KTP_PENGGANTI: _dpt_ktp_pengganti,
    Archetype.DPT_LANSIA: _dpt_lansia,
    Archetype.DPT_DISABILITAS: _dpt_disabilitas,
    Archetype.DPT_HAMIL: _dpt_hamil,
    Archetype.DPT_BAWA_HP: _dpt_bawa_hp,
    Archetype.DPT_MINTA_GANTI: _dpt_minta_ganti,
    Archetype.DPTB: _dptb,
    Archetype.DPK: _dpk,
    Archetype.BERTINTA: _bertinta,
    Archetype.LUAR_DOMISILI: _luar_domisili,
    Archetype.TANPA_IDENTITAS: _tanpa_identitas,
    Archetype.JOKI: _joki,
    Archetype.SALAH_TPS: _salah_tps,
    Archetype.PINDAH_KELUAR: _pindah_keluar,
}


# --- Transfers (HANDBOOK §5.3) ---------------------------------------------------------------

_P = BallotType
# [P] The entitlement matrix: where the voter comes from, and the types their Model A lists.
_PEMILU_MOVES: tuple[tuple[Area, tuple[BallotType, ...]], ...] = (
    (Area.PROVINSI_LAIN, (_P.PPWP,)),  # another province (or abroad)
    (Area.PROVINSI_SAMA, (_P.PPWP, _P.DPD)),  # another kab/kota, another DPR dapil
    (Area.PROVINSI_SAMA, (_P.PPWP, _P.DPD, _P.DPR)),  # same DPR dapil, another DPRD Prov dapil
    (Area.PROVINSI_SAMA, (_P.PPWP, _P.DPD, _P.DPR, _P.DPRD_PROV)),  # same DPR and DPRD Prov
    (Area.KABKO_SAMA, (_P.PPWP, _P.DPD, _P.DPR, _P.DPRD_PROV)),  # another DPRD Kab/Kota dapil
    (Area.KABKO_SAMA, (_P.PPWP, _P.DPD, _P.DPR)),  # the same, across DPRD Prov dapils
    (Area.KABKO_SAMA, (_P.PPWP, _P.DPD, _P.DPR, _P.DPRD_PROV, _P.DPRD_KABKO)),  # same dapil
)
# [K] Same kab/kota: both ballots; another kab/kota of the province: the Gubernur ballot only.
_PILKADA_MOVES: tuple[tuple[Area, tuple[BallotType, ...]], ...] = (
    (Area.KABKO_SAMA, (_P.GUBERNUR, _P.BUPATI, _P.WALIKOTA)),
    (Area.PROVINSI_SAMA, (_P.GUBERNUR,)),
)


def transfer_moves(scenario: Scenario) -> list[tuple[Area, tuple[BallotType, ...]]]:
    """The moves a DPTb voter of this TPS can have made, with the types each entitles to here."""
    moves = _PEMILU_MOVES if scenario.election is ElectionType.PEMILU_2024 else _PILKADA_MOVES
    order = [t for t in BALLOT_ORDER[scenario.election] if t in scenario.ballot_types]
    found: list[tuple[Area, tuple[BallotType, ...]]] = []
    for origin, types in moves:
        here = tuple(t for t in order if t in types)
        if here:
            found.append((origin, here))
    return found
