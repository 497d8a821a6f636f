"""The recorded playthroughs of every shipped scenario replay exactly, and the mistaken ones
break exactly the rules their crews were scripted to break (tests/playthroughs/crews.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from mistakes import MISTAKES

from simulator.content.load import load_scenario, scenario_sha256
from simulator.core.catalogue import RULES_BY_ID
from simulator.core.engine import Simulation
from simulator.core.replay import apply_log, result_of
from simulator.core.scoring import Verdict
from simulator.persistence.logfile import read_log
from simulator.schema.scenario import Scenario
from simulator.schema.types import Severity

ROOT = Path(__file__).resolve().parents[1]
LOGS = Path(__file__).resolve().parent / "playthroughs"
SCENARIO_IDS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))

EXPECTED_MISTAKES: dict[str, set[str]] = {
    "meja-pemilih-jebakan": {
        "pemungutan.prioritas_diabaikan",  # M24: v02 called while the elderly v03 waits
        "pemungutan.surat_suara_tidak_ditandatangani",  # M22: v01's ballots stamped
        "pemungutan.pemilih_bertinta_dilayani",  # M12: v04 inked, fingers never checked
        "pemungutan.joki_dilayani",  # M19: v05 with his father's notice
        "pemungutan.pendamping_tanpa_formulir",  # M23: v07's helper signs nothing
        "pemungutan.jenis_surat_suara_dptb_salah",  # M15: v08 entitled to PPWP only
        "pemungutan.hp_tidak_diingatkan",  # M25: v09 takes a phone to the booth
        "pemungutan.alasan_penolakan_keliru",  # v10 told to come back instead of refused
        "pemungutan.bukan_penduduk_dilayani",  # M13: v10 served at 12:00 as DPK
        "pemungutan.dpk_sebelum_1200",  # M17: v12 served at 09:45
        "pemungutan.penggantian_kedua_diberikan",  # M21: v13's second DPR replacement
        "pemungutan.mobilisasi_dibiarkan",  # M27
        "pemungutan.dptb_ditolak",  # M16: v15 with a valid Model A turned away
        "pemungutan.pemilih_diminta_menandai",  # M26: the colleague's proposal approved
        "pemungutan.antrean_dipotong",  # M28: v20 queued at 12:58, sent home
        "pemungutan.dilayani_setelah_1300",  # M29: v21 arrived 13:10, let in
        "pemungutan.identitas_pengganti_tidak_dicatat",  # M20: v06's phone photo unrecorded
    },
    "pemilu-hari-penuh": {
        "pembukaan.papan_pengumuman_tidak_dipasang",  # M05: the board never went up
        "pembukaan.dibuka_terlambat",  # M06: opened at 07:40 with nobody absent
        "pembukaan.kotak_tidak_ditunjukkan_kosong",  # M08: the DPD box never shown empty
        "logistik.dapil_tertukar_tidak_dilaporkan",  # M02
        "logistik.braille_tidak_dilaporkan",  # M03
        "pembukaan.alasan_pemberitahuan_keliru",  # M04
        "pembukaan.saksi_tanpa_mandat_diterima",  # M09
        "pembukaan.atribut_saksi_dibiarkan",  # M10
        "pembukaan.tata_cara_tidak_dijelaskan",  # M11
        "penutupan.sisa_surat_suara_tidak_disilang",  # M31
        "penghitungan.urutan_salah",  # M32
        "penghitungan.surat_suara_tidak_ditunjukkan",  # M33
        "penghitungan.partai_caleg_keliru",  # M34
        "penghitungan.coblos_tembus_keliru",  # M35
        "formulir.rusak_dan_tidak_sah_tertukar",  # M39
        "formulir.pengguna_disalin_antarjenis",  # M42
        "formulir.koreksi_ditimpa",  # M43
        "penyerahan.formulir_dibawa_keluar",  # M45
        "penyerahan.salinan_tidak_diberikan",  # M45
        "penyerahan.sirekap_tidak_diperiksa",  # M47
        "penyerahan.kotak_tidak_disegel",  # M48
    },
    "pilkada-hari-penuh": {
        "pembukaan.dibuka_sebelum_0700",  # M07: opened at 06:30
        "pemungutan.jenis_surat_suara_dptb_salah",  # M15
        "pemungutan.dpk_sebelum_1200",  # M17
        "pemungutan.intimidasi_dibiarkan",  # M27
        "penutupan.tempat_hitung_tidak_terbuka",  # M33
        "penghitungan.surat_suara_dirusak",  # M37
        "penghitungan.keberatan_tidak_ditangani",  # M44
        "penyerahan.tidak_diserahkan_hari_itu",  # M48: handed over late
    },
    "pilkada-calon-tunggal-hitung": {
        "penghitungan.kolom_kosong_tidak_sah",  # M36
        "penghitungan.tanpa_tanda_tangan_dihitung",  # G1 / M22
        "formulir.rusak_dan_tidak_sah_tertukar",  # M39
    },
    "etika-netralitas": {
        "logistik.unggahan_partisan",  # M49: the clip posted
        "pembukaan.hubungan_keluarga_tidak_diungkap",  # M52: the brother kept quiet
        "pembukaan.atribut_peserta_dipakai_anggota",  # M50: the shirt kept on
        "pemungutan.pemberian_peserta_diterima",  # M51: "only the food"
        "pemungutan.pemilih_diarahkan",  # M53: a pair named to the elderly voter
    },
    "darurat-pemungutan": {
        "pembukaan.tps_banjir_salah_ditangani",  # M54: waited in the water
        "pemungutan.kekurangan_surat_suara_diakali",  # M56: voters sent home
        "pemungutan.surat_suara_tidak_lengkap",  # ...so the later voters got no DPD ballot
        "pemungutan.pasien_dilayani_tanpa_pengawas",  # M58: one member alone
        "pemungutan.kpps_memutuskan_psl_sendiri",  # M57: "again on Saturday"
    },
    "darurat-penghitungan": {
        "penghitungan.hitung_dalam_gelap",  # M55
        "formulir.angka_diubah_demi_sirekap",  # M60
        "formulir.selisih_tidak_dicatat",  # M38: 19 PPWP ballots for 18 voters, signed unrecorded
        "penyerahan.penyerahan_tertahan_sirekap",  # M59
    },
    "pidana-sekitar-tps": {
        "pemungutan.pembeli_suara_dikejar",  # M61: KPPS 7 chased the man
        "penutupan.sisa_surat_suara_dicoblos",  # M62
        "penghitungan.suara_dipindah_antar_calon",  # M63
    },
}


@cache
def scenario(scenario_id: str) -> Scenario:
    return load_scenario(ROOT / "scenarios" / f"{scenario_id}.yaml")


def replay(scenario_id: str, label: str) -> Simulation:
    path = LOGS / f"{scenario_id}.{label}.log"
    log = read_log(path)
    sim = apply_log(scenario(scenario_id), log)
    assert log.result is not None, f"{path.name} has no recorded result"
    assert result_of(sim) == log.result, (
        f"{path.name} no longer replays to its recorded result "
        f"(score {log.result.score} → {sim.score().overall}); re-record only on purpose"
    )
    assert log.header.scenario_sha256 == scenario_sha256(
        ROOT / "scenarios" / f"{scenario_id}.yaml"
    ), f"scenarios/{scenario_id}.yaml changed since {path.name} was recorded"
    return sim


def test_every_scenario_has_both_playthroughs() -> None:
    assert set(EXPECTED_MISTAKES) == set(SCENARIO_IDS), "a shipped scenario lacks its playthroughs"


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_correct_playthrough_has_no_findings(scenario_id: str) -> None:
    sim = replay(scenario_id, "benar")
    assert sim.finished, "the correct playthrough stops before the end of the day"
    assert not sim.findings, [f"{f.rule_id} ({f.subject})" for f in sim.findings]
    assert sim.score().overall == 100


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_mistaken_playthrough_breaks_the_scripted_rules(scenario_id: str) -> None:
    sim = replay(scenario_id, "keliru")
    assert sim.finished, "the mistaken playthrough stops before the end of the day"
    found = {f.rule_id for f in sim.findings}
    expected = EXPECTED_MISTAKES[scenario_id]
    assert found == expected, (
        f"missing: {sorted(expected - found)}; unexpected: {sorted(found - expected)}"
    )
    assert sim.score().overall < 100


@pytest.mark.parametrize("scenario_id", SCENARIO_IDS)
def test_a_mistaken_playthrough_gets_the_verdict_its_mistakes_earn(scenario_id: str) -> None:
    """Each scripted careless crew is judged as MISTAKES.md grades what it did: a crew that made
    a mistake the notes call critical is "not passed — critical", whatever its points."""
    sim = replay(scenario_id, "keliru")
    score = sim.score()
    assert not score.passed, f"a careless crew passed with {score.overall}"
    critical_in_notes = sorted(
        {
            f.rule_id
            for f in sim.findings
            if any(MISTAKES[m][2] == "critical" for m in RULES_BY_ID[f.rule_id].mistakes)
            and not RULES_BY_ID[f.rule_id].severity_note
        }
    )
    for rule_id in critical_in_notes:
        assert RULES_BY_ID[rule_id].severity is Severity.KRITIS, (
            f"{rule_id} catches a mistake MISTAKES.md calls critical but is "
            f"{RULES_BY_ID[rule_id].severity.value}"
        )
    if critical_in_notes:
        assert score.verdict is Verdict.CRITICAL, (
            f"{scenario_id}: made {critical_in_notes} yet the verdict is {score.verdict.value}"
        )


@cache
def shown_by_a_scenario() -> dict[str, list[str]]:
    """Each MISTAKES entry → the scenarios that declare it *and* whose recorded mistaken
    playthrough breaks a rule that catches it."""
    shown: dict[str, list[str]] = {}
    for scenario_id in SCENARIO_IDS:
        sim = replay(scenario_id, "keliru")
        fired = {m for f in sim.findings for m in RULES_BY_ID[f.rule_id].mistakes}
        for mistake in sorted(set(scenario(scenario_id).mistakes) & fired):
            shown.setdefault(mistake, []).append(scenario_id)
    return shown


# Entries no shipped scenario both declares and shows yet (issue 14, the scenario library):
# the day one is shown, its strict xfail fails, so this list only ever shrinks.
NOT_YET_SHOWN = frozenset({"M01", "M14", "M18", "M30", "M40", "M41"})


@pytest.mark.parametrize("mistake", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason="issue 14: no scenario yet"))
    if m in NOT_YET_SHOWN else m
    for m in sorted(MISTAKES)
])
def test_every_mistake_is_declared_and_shown_by_a_scenario(mistake: str) -> None:
    """The trainer's list of "common mistake scenarios" is real: each MISTAKES entry is
    declared by a shipped scenario whose recorded mistaken playthrough makes it."""
    assert shown_by_a_scenario().get(mistake), f"no scenario declares and shows {mistake}"
