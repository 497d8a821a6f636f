"""The voter generator: deterministic, faithful to the mix, within the lists' sizes."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

from simulator.core.desk import Reason, decide
from simulator.core.setup import build_world
from simulator.core.voter_gen import apportion, draw_voters, generate_voters, transfer_moves
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import Archetype, Registration, Scenario
from simulator.schema.types import BallotType, ElectionType, Sex, VoterList

A = Archetype


def scenario(
    mix: dict[str, int] | None = None,
    count: int = 40,
    election: str = "pemilu2024",
    dpt: tuple[int, int] = (60, 60),
    dptb: tuple[int, int] = (5, 5),
    disabled: tuple[int, int] = (3, 3),
    listed: list[dict[str, Any]] | None = None,
    **generated: Any,
) -> Scenario:
    if election == "pemilu2024":
        types = ["ppwp", "dpr", "dpd", "dprd_prov", "dprd_kabko"]
    else:
        types = ["gubernur", "bupati"]
    pairs = [{"number": 1, "head": "Arif", "deputy": "Sinta"}]
    contests = []
    for t in types:
        if t in ("ppwp", "gubernur", "bupati"):
            contests.append({"ballot": t, "pairs": pairs})
        elif t == "dpd":
            contests.append({"ballot": t, "candidates": [{"number": 1, "name": "Made"}]})
        else:
            contests.append({"ballot": t, "slates": [{"party": 1, "candidates": []}]})
    return Scenario.model_validate(
        {
            "id": "gen",
            "title": {"id": "Gen", "en": "Gen"},
            "description": {"id": "Gen", "en": "Gen"},
            "election": election,
            "phases": ["pemungutan"],
            "seed": 5,
            "tps": {
                "number": 1,
                "village": "Sukamaju",
                "subdistrict": "Lembah",
                "regency": "Tanjung",
                "province": "Nusa",
                "districts": {"province": "Nusa", "kabko": "Tanjung"},
                "dpt": {"men": dpt[0], "women": dpt[1]},
                "dptb": {"men": dptb[0], "women": dptb[1]},
                "disabled": {"men": disabled[0], "women": disabled[1]},
            },
            "parties": [{"number": 1, "code": "Sawah", "name": "Partai Sawah"}],
            "contests": contests,
            "voters": {
                "listed": listed or [],
                "generated": {"count": count, "mix": mix or {"dpt_biasa": 1}, **generated},
            },
        }
    )


EVERY_KIND = {a.value: 1 for a in Archetype}


def test_same_seed_same_voters() -> None:
    s = scenario(EVERY_KIND)
    first = generate_voters(s, random.Random("7:voters"))
    second = generate_voters(s, random.Random("7:voters"))
    assert first == second, "the same stream must give the same voters"
    other = generate_voters(s, random.Random("8:voters"))
    assert first != other, "another seed should give another crowd"


def test_only_the_given_stream_is_used() -> None:
    random.seed(123)
    expected = random.random()
    random.seed(123)
    generate_voters(scenario(EVERY_KIND), random.Random(1))
    assert random.random() == expected, "the global random state was touched"


def test_count_and_mix_are_respected_exactly() -> None:
    mix = {"dpt_biasa": 6, "dpk": 2, "bertinta": 1, "joki": 1}
    drawn = draw_voters(scenario(mix, count=20), random.Random(3))
    assert len(drawn) == 20
    kinds = Counter(a for a, _ in drawn)
    assert kinds == {A.DPT_BIASA: 12, A.DPK: 4, A.BERTINTA: 2, A.JOKI: 2}, kinds


def test_apportion_shares_remainders_by_size() -> None:
    plan = Counter(apportion(10, {A.DPT_BIASA: 2, A.DPK: 1}))
    assert plan == {A.DPT_BIASA: 7, A.DPK: 3}
    assert apportion(3, {}) == [A.DPT_BIASA] * 3, "no weights: ordinary voters"


def test_ids_are_numbered_and_unique_next_to_listed_voters() -> None:
    listed = [
        {
            "id": "g002",
            "name": "Sri Rahayu",
            "sex": "P",
            "age": 40,
            "registered": "dpt",
            "arrives": "07:00",
        }
    ]
    voters = generate_voters(scenario(count=3, listed=listed), random.Random(1))
    ids = [v.id for v in voters]
    assert ids[0] == "g001" and ids[2] == "g003"
    assert "g002" not in ids and len(set(ids)) == 3


def test_arrivals_fall_between_start_and_end() -> None:
    voters = generate_voters(scenario(count=60, start="08:15", end="09:45"), random.Random(2))
    times = [to_minutes(v.arrives) for v in voters]
    assert min(times) >= to_minutes("08:15") and max(times) <= to_minutes("09:45")
    assert len(set(times)) > 10, "arrivals should spread out"


def test_dpt_registrations_never_exceed_the_dpt_per_sex() -> None:
    listed = [
        {"id": "l1", "name": "Agus", "sex": "L", "age": 40, "registered": "dpt", "arrives": "07:00"}
    ]
    s = scenario({"dpt_biasa": 1, "dpt_hamil": 1}, count=30, dpt=(3, 2), listed=listed)
    drawn = draw_voters(s, random.Random(4))
    on_dpt = Counter(v.sex for _, v in drawn if v.registered is Registration.DPT)
    assert on_dpt[Sex.L] <= 2 and on_dpt[Sex.P] <= 2, on_dpt
    assert sum(on_dpt.values()) == 4, "every free place is used before falling back"
    fallbacks = [v for a, v in drawn if a is A.DPK]
    assert len(fallbacks) == 26 and all(v.registered is Registration.NONE for v in fallbacks)


def test_dptb_and_disabled_places_are_respected() -> None:
    s = scenario({"dptb": 1, "dpt_disabilitas": 1}, count=20, dptb=(1, 1), disabled=(1, 0))
    drawn = draw_voters(s, random.Random(5))
    assert sum(v.registered is Registration.DPTB for _, v in drawn) == 2
    assert sum(v.disability is not None for _, v in drawn) == 1
    assert Counter(a for a, _ in drawn)[A.DPT_BIASA] == 17, "the rest fall back to dpt_biasa"


def decision_at(clock: str, s: Scenario, voter: Any) -> Any:
    world = build_world(s)
    world.clock = to_minutes(clock)
    return decide(voter, world)


EXPECTED_AT_NOON = {
    A.DPT_BIASA: ("admit", VoterList.DPT),
    A.DPT_TANPA_PEMBERITAHUAN: ("admit", VoterList.DPT),
    A.DPT_KTP_PENGGANTI: ("admit", VoterList.DPT),
    A.DPT_LANSIA: ("admit", VoterList.DPT),
    A.DPT_DISABILITAS: ("admit", VoterList.DPT),
    A.DPT_HAMIL: ("admit", VoterList.DPT),
    A.DPT_BAWA_HP: ("admit", VoterList.DPT),
    A.DPT_MINTA_GANTI: ("admit", VoterList.DPT),
    A.DPTB: ("admit", VoterList.DPTB),
    A.DPK: ("admit", VoterList.DPK),
    A.BERTINTA: ("refuse", Reason.BERTINTA),
    A.LUAR_DOMISILI: ("refuse", Reason.SALAH_TPS),  # sent to the TPS of their address
    A.TANPA_IDENTITAS: ("refuse", Reason.TANPA_IDENTITAS),
    A.JOKI: ("refuse", Reason.IDENTITAS_TIDAK_COCOK),
    A.SALAH_TPS: ("refuse", Reason.SALAH_TPS),
    A.PINDAH_KELUAR: ("refuse", Reason.SUDAH_PINDAH_MEMILIH),
}


@pytest.mark.parametrize("election", ["pemilu2024", "pilkada2024"])
def test_each_archetype_sets_up_the_situation_it_names(election: str) -> None:
    s = scenario(EVERY_KIND, count=64, election=election, end="12:45")
    world = build_world(s)
    world.clock = to_minutes("12:50")
    seen = set()
    for archetype, voter in draw_voters(s, random.Random(9)):
        seen.add(archetype)
        decision = decide(voter, world)
        got = (decision.action, decision.list if decision.action == "admit" else decision.reason)
        assert got == EXPECTED_AT_NOON[archetype], f"{archetype.value}: {decision}"
    assert seen == set(Archetype), f"missing: {set(Archetype) - seen}"


def test_archetype_details() -> None:
    s = scenario(EVERY_KIND, count=160)
    by_kind: dict[Archetype, list[Any]] = {}
    for archetype, voter in draw_voters(s, random.Random(11)):
        by_kind.setdefault(archetype, []).append(voter)
    assert all(v.age >= 60 for v in by_kind[A.DPT_LANSIA])
    assert all(v.pregnant and v.sex is Sex.P for v in by_kind[A.DPT_HAMIL])
    assert all(v.phone for v in by_kind[A.DPT_BAWA_HP])
    assert all(len(v.replacements) == 1 for v in by_kind[A.DPT_MINTA_GANTI])
    assert all(v.inked for v in by_kind[A.BERTINTA])
    for v in by_kind[A.DPT_DISABILITAS]:
        helped = v.disability.value in ("tunanetra", "tunadaksa")
        assert (v.assistance == "keluarga") == helped, v
    for v in by_kind[A.DPT_TANPA_PEMBERITAHUAN]:
        assert all(d.kind.value != "c_pemberitahuan" for d in v.documents)
    ordinary = [v for a, vs in by_kind.items() if a is not A.DPT_LANSIA for v in vs]
    assert all(v.age < 60 for v in ordinary if v.disability is None), "elderly only by archetype"


def test_dpk_voters_arrive_before_and_after_noon() -> None:
    drawn = draw_voters(scenario({"dpk": 1}, count=30), random.Random(6))
    times = [to_minutes(v.arrives) for _, v in drawn]
    assert any(t < 12 * 60 for t in times) and any(t >= 12 * 60 for t in times)


def test_transfer_moves_follow_the_entitlement_matrix() -> None:
    pemilu = dict.fromkeys(types for _, types in transfer_moves(scenario()))
    assert (BallotType.PPWP,) in pemilu, "from another province: PPWP only"
    assert all(types[0] is BallotType.PPWP for types in pemilu), "PPWP is always given"
    pilkada = {types for _, types in transfer_moves(scenario(election="pilkada2024"))}
    assert pilkada == {(BallotType.GUBERNUR, BallotType.BUPATI), (BallotType.GUBERNUR,)}
    assert scenario(election="pilkada2024").election is ElectionType.PILKADA_2024


FAMOUS = {
    "Joko Widodo",
    "Prabowo Subianto",
    "Ganjar Pranowo",
    "Anies Baswedan",
    "Megawati Soekarnoputri",
    "Susilo Bambang Yudhoyono",
    "Hendra Setiawan",
    "Taufik Hidayat",
    "Susi Susanti",
    "Rudy Hartono",
    "Agus Salim",
    "Sri Mulyani",
    "Maruli Simanjuntak",
    "Hotma Sitompul",
}


def test_names_are_varied_and_never_famous() -> None:
    voters = generate_voters(scenario(count=300), random.Random(12))
    names = [v.name for v in voters]
    assert not FAMOUS & set(names)
    assert len(set(names)) > 150, "names should be varied"
    assert any(n.startswith(("I ", "Ni ")) for n in names), "Balinese names appear"
    assert {v.sex for v in voters} == {Sex.L, Sex.P}


def test_build_world_adds_the_generated_voters() -> None:
    world = build_world(scenario(EVERY_KIND, count=12))
    ids = list(world.voters)
    assert len(ids) == 12 and all(i.startswith("g") for i in ids)
    times = [world.voters[i].arrives for i in ids]
    assert times == sorted(times), "voters are kept in arrival order"


# --- Namesakes ---------------------------------------------------------------------------------


def namesake_groups(voters: list[Any]) -> list[list[Any]]:
    by_name: dict[str, list[Any]] = {}
    for voter in voters:
        by_name.setdefault(voter.name, []).append(voter)
    return [group for group in by_name.values() if len(group) > 1]


def test_namesakes_are_drawn_on_purpose_and_told_apart_by_age() -> None:
    s = scenario(EVERY_KIND, count=48, dpt=(40, 40))
    voters = generate_voters(s, random.Random("5:voters"))
    groups = namesake_groups(voters)
    assert len(groups) >= 48 // 12, "about one voter in twelve shares a DPT voter's name"
    for group in groups:
        assert len({v.sex for v in group}) == 1, f"namesakes of one sex: {group}"
    deliberate = [g for g in groups if len({v.age for v in g}) == len(g)]
    assert len(deliberate) >= 4, "a namesake drawn on purpose is of another age than the other"
    on_and_off = [
        g
        for g in groups
        if any(v.registered is Registration.DPT for v in g)
        and any(v.registered is not Registration.DPT for v in g)
    ]
    assert on_and_off, "one namesake is on this TPS's DPT and the other is not (the trap)"


def test_namesakes_change_only_names() -> None:
    """The namesakes are drawn last: everything else about the day is what it was."""
    with_names = scenario(EVERY_KIND, count=48, dpt=(40, 40))
    without = scenario(EVERY_KIND, count=48, dpt=(40, 40), namesakes=0)
    drawn = generate_voters(with_names, random.Random("5:voters"))
    plain = generate_voters(without, random.Random("5:voters"))
    renamed = [a for a, b in zip(drawn, plain, strict=True) if a.name != b.name]
    assert len(renamed) == 48 // 12
    for a, b in zip(drawn, plain, strict=True):
        assert a.model_copy(update={"name": b.name}) == b, "only the name differs"


def test_a_borrowed_notice_keeps_naming_someone_else() -> None:
    s = scenario({"joki": 1, "dpt_biasa": 1}, count=40, namesakes=20)
    for voter in generate_voters(s, random.Random("5:voters")):
        for document in voter.documents:
            assert document.name != voter.name, f"{voter.id} would carry a notice of their own"
