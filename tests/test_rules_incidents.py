"""Timed events (HANDBOOK §5.9, §7.1, §9, §10, §11.1; MISTAKES M26, M27, M32, M37, M43, M44,
M47): each wrong answer, and each event left unanswered where that is a mistake, breaks its
rule; the right answer breaks none and goes in the C.Kejadian Khusus form.

Each scenario holds one event (index 0) in the one phase it plays; the careful crew plays the
rest of that phase, so a right answer leaves the day without any finding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rulekit import (
    PEMILU,
    PILKADA,
    careful,
    describe,
    end_phase,
    play,
    respond,
    start,
    subjects,
)

from simulator.core.actions import Action, AdvanceClock
from simulator.core.careful import CarefulCrew
from simulator.core.engine import Simulation
from simulator.core.phases import incidents
from simulator.core.phases.formulir import EnterFigure
from simulator.core.phases.penyerahan import UploadSirekap
from simulator.schema.clock import to_minutes
from simulator.schema.scenario import EventKind
from simulator.schema.types import BallotType

MOBILISATION_IGNORED = "pemungutan.mobilisasi_dibiarkan"
INTIMIDATION_IGNORED = "pemungutan.intimidasi_dibiarkan"
BALLOT_MARKS_ALLOWED = "pemungutan.pemilih_diminta_menandai"
DAMAGE_ALLOWED = "penghitungan.surat_suara_dirusak"
OBJECTION_IGNORED = "penghitungan.keberatan_tidak_ditangani"
ORDER_PRESSURE = "penghitungan.urutan_atas_desakan"
CORRECTION_OVERWRITTEN = "formulir.koreksi_ditimpa"
FIGURE_OBJECTION_IGNORED = "formulir.keberatan_tidak_dicatat"
SIREKAP_UNCHECKED = "penyerahan.sirekap_tidak_diperiksa"
GIFT_ACCEPTED = "pemungutan.pemberian_peserta_diterima"
GIFT_UNREPORTED = "pemungutan.pemberian_tidak_dilaporkan"
COUNTED_IN_THE_DARK = "penghitungan.hitung_dalam_gelap"
BALLOTS_TAKEN_HOME = "penghitungan.surat_suara_dibawa_pulang"
PAUSE_UNREPORTED = "penghitungan.jeda_tidak_dicatat"
VOTE_BUYING_IGNORED = "pemungutan.politik_uang_dibiarkan"
VOTE_BUYER_CHASED = "pemungutan.pembeli_suara_dikejar"
VOTE_BUYING_UNRECORDED = "pemungutan.politik_uang_tidak_dicatat"
LEFTOVERS_PUNCHED = "penutupan.sisa_surat_suara_dicoblos"
PROPOSAL_UNREPORTED = "penutupan.usul_coblos_tidak_dilaporkan"

# What each phase needs to be played in full: the day so far and the ballots in the boxes.
_AFTER_VOTING: dict[str, Any] = {
    "counting_start": {"dpt": {"men": 1, "women": 1}},
    "ballots": {
        "listed": [
            {"ballot": "ppwp", "marks": [{"pair": 1}]},
            {"ballot": "ppwp", "marks": [{"pair": 2}]},
            {"ballot": "dpr", "marks": [{"party": 1}]},
            {"ballot": "dpr", "marks": [{"party": 2, "candidate": 1}]},
        ]
    },
}
# A voter queuing when the voting events happen: steering or threatening voters needs some.
_QUEUE: dict[str, Any] = {
    "voters": {
        "listed": [
            {
                "id": "v01",
                "name": "Sri Rahayu",
                "sex": "P",
                "age": 45,
                "registered": "dpt",
                "arrives": "08:50",
                "documents": [{"kind": "c_pemberitahuan"}, {"kind": "ktp_el"}],
            }
        ]
    }
}
SETUP: dict[str, dict[str, Any]] = {
    "logistik": {},
    "pembukaan": {},
    "pemungutan": _QUEUE,
    "penutupan": {},
    "penghitungan": _AFTER_VOTING,
    "formulir": _AFTER_VOTING,
    "penyerahan": _AFTER_VOTING,
}

# What an event's premise needs beyond its phase: fewer PPWP ballots than DPT voters to come.
KIND_SETUP: dict[str, dict[str, Any]] = {
    "surat_suara_kurang": {"logistics": {"ballots": {"ppwp": {"count": 0}}}},
    # Three PPWP ballots in the box for two voters: the day truly does not reconcile.
    "sirekap_merah": {"ballots": {"listed": [
        *_AFTER_VOTING["ballots"]["listed"], {"ballot": "ppwp", "marks": [{"pair": 1}]},
    ]}},
}

# When each test's event happens: at 14:00 the count has been going for half an hour; the
# forms and handover events come with their papers, as soon as the phase starts.
WHEN: dict[str, str] = {
    "logistik": "06:00",
    "pembukaan": "06:00",
    "pemungutan": "09:00",
    "penutupan": "13:00",
    "penghitungan": "14:00",
    "formulir": "20:00",
    "penyerahan": "22:00",
}


def case(kind: str, phase: str, *rest: str) -> Any:
    return pytest.param(kind, phase, *rest, id="-".join((kind, phase, *rest[:1])))


# (event kind, phase, wrong answer, the rule it breaks)
WRONG_ANSWERS: list[Any] = [
    case("mobilisasi", "pemungutan", "biarkan", MOBILISATION_IGNORED),
    case("intimidasi", "pemungutan", "biarkan", INTIMIDATION_IGNORED),
    case("intimidasi", "penghitungan", "biarkan", INTIMIDATION_IGNORED),
    case("usul_tandai_surat_suara", "pemungutan", "setujui", BALLOT_MARKS_ALLOWED),
    case("anggota_merusak_surat_suara", "penghitungan", "biarkan", DAMAGE_ALLOWED),
    case("keberatan_saksi", "penghitungan", "tolak", OBJECTION_IGNORED),
    case("saksi_minta_urutan", "penghitungan", "ikuti", ORDER_PRESSURE),
    case("keberatan_angka", "formulir", "timpa", CORRECTION_OVERWRITTEN),
    case("keberatan_angka", "formulir", "tipe_x", CORRECTION_OVERWRITTEN),
    case("sirekap_salah_baca", "penyerahan", "kirim", SIREKAP_UNCHECKED),
    case("pemberian_peserta", "pemungutan", "terima", GIFT_ACCEPTED),
    case("pemberian_peserta", "pemungutan", "terima_makanan", GIFT_ACCEPTED),
    case("listrik_padam", "penghitungan", "lanjut_gelap", COUNTED_IN_THE_DARK),
    case("listrik_padam", "penghitungan", "bawa_pulang", BALLOTS_TAKEN_HOME),
    case("politik_uang", "pemungutan", "abaikan_di_luar", VOTE_BUYING_IGNORED),
    case("politik_uang", "pemungutan", "kejar", VOTE_BUYER_CHASED),
    case("usul_coblos_sisa", "penutupan", "setujui", LEFTOVERS_PUNCHED),
    case("usul_coblos_sisa", "penutupan", "diam", LEFTOVERS_PUNCHED),
    case("ajakan_unggahan_partisan", "logistik", "unggah", "logistik.unggahan_partisan"),
    case("hubungan_keluarga", "pembukaan", "diam", "pembukaan.hubungan_keluarga_tidak_diungkap"),
    case("atribut_anggota", "pembukaan", "biarkan", "pembukaan.atribut_peserta_dipakai_anggota"),
    case("banjir", "pembukaan", "tunggu_di_air", "pembukaan.tps_banjir_salah_ditangani"),
    case("banjir", "pembukaan", "bawa_ke_rumah", "pembukaan.tps_banjir_salah_ditangani"),
    case("pemilih_minta_saran", "pemungutan", "beri_petunjuk", "pemungutan.pemilih_diarahkan"),
    case("pemilih_minta_saran", "pemungutan", "tanya_pilihan", "pemungutan.pemilih_diarahkan"),
    case("pasien_rumah_sakit", "pemungutan", "satu_anggota",
         "pemungutan.pasien_dilayani_tanpa_pengawas"),
    case("pasien_rumah_sakit", "pemungutan", "titip_perawat",
         "pemungutan.pasien_dilayani_tanpa_pengawas"),
    case("pencatat_pindah_suara", "penghitungan", "biarkan_total_sama",
         "penghitungan.suara_dipindah_antar_calon"),
    case("pencatat_pindah_suara", "penghitungan", "sesuaikan_nanti",
         "penghitungan.suara_dipindah_antar_calon"),
    case("sirekap_gagal", "penyerahan", "tunggu_sinyal", "penyerahan.penyerahan_tertahan_sirekap"),
    case("sirekap_gagal", "penyerahan", "tunda_salinan", "penyerahan.penyerahan_tertahan_sirekap"),
    case("surat_suara_kurang", "pemungutan", "fotokopi",
         "pemungutan.kekurangan_surat_suara_diakali"),
    case("surat_suara_kurang", "pemungutan", "jenis_lain",
         "pemungutan.kekurangan_surat_suara_diakali"),
    case("surat_suara_kurang", "pemungutan", "suruh_pulang",
         "pemungutan.kekurangan_surat_suara_diakali"),
    case("sirekap_merah", "formulir", "pindahkan_suara", "formulir.angka_diubah_demi_sirekap"),
    case("sirekap_merah", "formulir", "ubah_angka_lain", "formulir.angka_diubah_demi_sirekap"),
    case("kerusuhan", "pemungutan", "umumkan_psl", "pemungutan.kpps_memutuskan_psl_sendiri"),
    case("kerusuhan", "pemungutan", "bawa_kotak_pulang",
         "pemungutan.kpps_memutuskan_psl_sendiri"),
]

# (event kind, phase, the rule an unanswered event breaks)
IGNORED: list[Any] = [
    case("mobilisasi", "pemungutan", MOBILISATION_IGNORED),
    case("intimidasi", "pemungutan", INTIMIDATION_IGNORED),
    case("intimidasi", "penghitungan", INTIMIDATION_IGNORED),
    case("anggota_merusak_surat_suara", "penghitungan", DAMAGE_ALLOWED),
    case("keberatan_saksi", "penghitungan", OBJECTION_IGNORED),
    case("keberatan_angka", "formulir", FIGURE_OBJECTION_IGNORED),
    case("sirekap_salah_baca", "penyerahan", SIREKAP_UNCHECKED),
    case("pemberian_peserta", "pemungutan", GIFT_ACCEPTED),
    case("listrik_padam", "penghitungan", COUNTED_IN_THE_DARK),
    case("politik_uang", "pemungutan", VOTE_BUYING_IGNORED),
    case("usul_coblos_sisa", "penutupan", LEFTOVERS_PUNCHED),
    case("hubungan_keluarga", "pembukaan", "pembukaan.hubungan_keluarga_tidak_diungkap"),
    case("atribut_anggota", "pembukaan", "pembukaan.atribut_peserta_dipakai_anggota"),
    case("banjir", "pembukaan", "pembukaan.tps_banjir_salah_ditangani"),
    case("pencatat_pindah_suara", "penghitungan", "penghitungan.suara_dipindah_antar_calon"),
]

# Every (event kind, phase) that has a wrong answer above.
EVERY_KIND: list[Any] = [
    case(kind, phase) for kind, phase in dict.fromkeys(p.values[:2] for p in WRONG_ANSWERS)
]


def with_event(kind: str, phase: str) -> Simulation:
    """A simulation of ``phase`` holding one event, advanced until the event has happened:
    its time has come, and the careful crew has played until its premise holds (a ballot
    ruled, a figure written, a sheet uploaded)."""
    at = WHEN[phase]
    event: dict[str, Any] = {"at": at, "kind": kind, "by": "Pak Rahmat"}
    if kind == "keberatan_saksi":
        event.update(ballot="ppwp", claim_valid=False)
    sim = start(PEMILU, phases=[phase], events=[event],
                **(SETUP[phase] | KIND_SETUP.get(kind, {})))
    if not sim.world.events[0].fired and sim.world.clock < to_minutes(at):
        play(sim, [AdvanceClock(to=at)])
    steps = careful(sim)
    while not sim.world.events[0].fired:
        action = next(steps, None)
        assert action is not None, f"the {kind} event never found its premise"
        play(sim, [action])
    _CAREFUL_REST[id(sim)] = steps  # the crew goes on where it stopped
    return sim


_CAREFUL_REST: dict[int, Iterator[Action]] = {}


def rest_of_phase(sim: Simulation) -> set[str]:
    """The careful crew plays the rest of the phase, then it ends."""
    steps = _CAREFUL_REST.pop(id(sim), None) or careful(sim)
    return play(sim, steps) | end_phase(sim)


def test_every_event_kind_is_covered_in_every_phase_it_happens() -> None:
    covered = {(p.values[0], p.values[1]) for p in WRONG_ANSWERS}
    happens = {
        (kind.value, phase.value)
        for kind, spec in incidents.EVENT_RULES.items()
        for phase in spec.phases
    }
    assert covered == happens, f"events without rule tests here: {sorted(happens - covered)}"
    assert {kind for kind, _ in happens} == {k.value for k in EventKind}


@pytest.mark.parametrize(("kind", "phase", "wrong", "rule_id"), WRONG_ANSWERS)
def test_a_wrong_answer_is_flagged(kind: str, phase: str, wrong: str, rule_id: str) -> None:
    sim = with_event(kind, phase)
    found = respond(sim, 0, wrong)
    assert rule_id in found, f"answering {kind} with {wrong!r} must be flagged, found {found}"
    assert subjects(sim, rule_id) == {"event.0"}, "the finding names the event"
    if kind == "surat_suara_kurang":
        return  # with the shortage not made good, the voters to come cannot all be served
    assert rest_of_phase(sim) == set(), f"nothing else went wrong: {describe(sim)}"


@pytest.mark.parametrize(("kind", "phase", "rule_id"), IGNORED)
def test_an_event_left_unanswered_is_flagged(kind: str, phase: str, rule_id: str) -> None:
    sim = with_event(kind, phase)
    found = rest_of_phase(sim)
    assert rule_id in found, f"{kind} left unanswered must be flagged at the end: {found}"
    assert sim.world.events[0].response == incidents.IGNORED


@pytest.mark.parametrize(("kind", "phase"), EVERY_KIND)
def test_the_right_answer_is_not_flagged_and_is_recorded(kind: str, phase: str) -> None:
    sim = with_event(kind, phase)
    right = incidents.spec_of(sim.world.events[0]).correct  # by what it turned out to be about
    found = respond(sim, 0, right)
    # what the answer leaves to do (record it, tell the PTPS), done as the handbook asks
    found |= play(sim, incidents.duty_actions(sim.world.events[0], sim.world))
    found |= rest_of_phase(sim)
    assert not found, f"answering {kind} with {right!r} is right: {describe(sim)}"
    assert (kind, "event.0") in sim.world.special_events, "it goes in the C.Kejadian Khusus form"


# (event kind, phase, what the right answer leaves to do, the rule it breaks when undone)
DUTIES: list[Any] = [
    case("mobilisasi", "pemungutan", "ptps", "pemungutan.pengarahan_tidak_dilaporkan"),
    case("intimidasi", "pemungutan", "ptps", "pemungutan.pengarahan_tidak_dilaporkan"),
    case("intimidasi", "penghitungan", "ptps", "pemungutan.pengarahan_tidak_dilaporkan"),
    case("pemberian_peserta", "pemungutan", "catat,ptps", GIFT_UNREPORTED),
    case("listrik_padam", "penghitungan", "catat,ptps", PAUSE_UNREPORTED),
    case("politik_uang", "pemungutan", "catat", VOTE_BUYING_UNRECORDED),
    case("usul_coblos_sisa", "penutupan", "catat,ptps", PROPOSAL_UNREPORTED),
    case("banjir", "pembukaan", "catat,ptps,pps", "pembukaan.pindah_tps_tidak_dilaporkan"),
    case("pencatat_pindah_suara", "penghitungan", "catat,ptps",
         "penghitungan.pemindahan_suara_tidak_dilaporkan"),
    case("sirekap_gagal", "penyerahan", "catat,pps", "penyerahan.sirekap_gagal_tidak_dilaporkan"),
    case("surat_suara_kurang", "pemungutan", "catat,ptps",
         "pemungutan.kekurangan_surat_suara_tidak_dicatat"),
    case("kerusuhan", "pemungutan", "catat,ptps,pps", "pemungutan.kerusuhan_tidak_dilaporkan"),
]


@pytest.mark.parametrize(("kind", "phase", "undone", "rule_id"), DUTIES)
def test_a_right_answer_leaves_its_record_and_its_report_to_do(
    kind: str, phase: str, undone: str, rule_id: str
) -> None:
    """Refusing the gift, pausing the count, telling the PTPS of vote buying or refusing to
    punch leftovers is right; leaving it off the C.Kejadian Khusus form, or away from the PTPS,
    is the lesser mistake the handbook still asks about (§16.6, §17.3, §18.5)."""
    sim = with_event(kind, phase)
    right = incidents.EVENT_RULES[EventKind(kind)].correct
    assert not respond(sim, 0, right), "the answer itself is right"
    assert incidents.duties_left(sim.world.events[0], sim.world) == undone.split(",")
    found = end_phase(sim)
    assert rule_id in found, f"the record and report left undone must be flagged: {found}"
    [finding] = [f for f in sim.findings if f.rule_id == rule_id]
    assert dict(finding.params) == {"undone": undone} and finding.subject == "event.0"


def test_the_duties_are_offered_once_answered_and_go_once_done() -> None:
    sim = with_event("pemberian_peserta", "pemungutan")
    respond(sim, 0, "tolak_semua")
    duties = incidents.duty_actions(sim.world.events[0], sim.world)
    assert {a.kind for a in duties} == {"record_event", "inform_ptps"}, "the PPS is not asked"
    assert all(d in sim.allowed_actions() for d in duties), "each duty is an action offered"
    play(sim, duties)
    assert incidents.duties_left(sim.world.events[0], sim.world) == []
    assert rest_of_phase(sim) == set(), describe(sim)


@pytest.mark.parametrize(
    ("kind", "phase"),
    [case("usul_tandai_surat_suara", "pemungutan"), case("saksi_minta_urutan", "penghitungan")],
)
def test_a_bad_idea_refused_or_never_taken_up_is_not_flagged(kind: str, phase: str) -> None:
    refused = with_event(kind, phase)
    found = respond(refused, 0, "tolak") | rest_of_phase(refused)
    assert not found, f"refusing the proposal is right: {describe(refused)}"
    untouched = with_event(kind, phase)
    found = rest_of_phase(untouched)
    assert not found, f"a proposal nobody acts on changes nothing: {describe(untouched)}"


def test_an_event_whose_time_never_comes_in_its_phase_is_not_judged() -> None:
    sim = start(
        PEMILU,
        phases=["penghitungan"],
        events=[{"at": "23:30", "kind": "anggota_merusak_surat_suara"}],
        **_AFTER_VOTING,
    )
    found = rest_of_phase(sim)
    assert DAMAGE_ALLOWED not in found, (
        f"the count ended before 23:30, so the member never touched a ballot: {found}"
    )
    assert not sim.world.events[0].fired


def test_an_event_of_another_phase_does_not_happen() -> None:
    sim = start(
        PEMILU,
        phases=["penghitungan"],
        events=[{"at": "13:30", "kind": "mobilisasi"}],
        **_AFTER_VOTING,
    )
    found = rest_of_phase(sim)
    assert MOBILISATION_IGNORED not in found and not sim.world.events[0].fired, found


def test_a_pilkada_count_has_the_same_events() -> None:
    pilkada_ballots = {
        "counting_start": {"dpt": {"men": 1}},
        "ballots": {
            "listed": [
                {"ballot": "gubernur", "marks": [{"kosong": True}]},
                {"ballot": "bupati", "marks": [{"pair": 2}]},
            ]
        },
    }
    event = {"at": "13:30", "kind": "anggota_merusak_surat_suara"}
    sim = start(PILKADA, phases=["penghitungan"], events=[event], **pilkada_ballots)
    steps = careful(sim)
    play(sim, [next(steps)])  # the first box is opened: ballots on the table
    found = respond(sim, 0, "biarkan") | play(sim, steps) | end_phase(sim)
    assert DAMAGE_ALLOWED in found, f"a member tearing used ballots is a PSU ground: {found}"


# --- Premises: an event happens only once what it is about exists ---------------------------


def test_a_witness_objects_to_a_ballot_only_once_one_has_been_ruled_and_names_it() -> None:
    event = {"at": "13:30", "kind": "keberatan_saksi", "ballot": "ppwp"}
    sim = start(PEMILU, phases=["penghitungan"], events=[event], **_AFTER_VOTING)
    steps = careful(sim)
    play(sim, [AdvanceClock(to="14:00")])
    assert not sim.world.events[0].fired, "no ballot has been ruled: nothing to object to"
    while not sim.world.counting.rulings.get(BallotType.PPWP):
        play(sim, [next(steps)])
    event_state = sim.world.events[0]
    assert event_state.fired and event_state.subject == "ppwp#1", event_state


def test_an_objection_to_a_figure_waits_for_figures_and_names_a_wrong_one() -> None:
    event = {"at": "20:00", "kind": "keberatan_angka", "ballot": "ppwp"}
    sim = start(PEMILU, phases=["formulir"], events=[event], **_AFTER_VOTING)
    assert not sim.world.events[0].fired, "a blank C.Hasil has no figure to dispute"
    play(sim, [EnterFigure(ballot=BallotType.PPWP, field="II.1", value=999)])
    event_state = sim.world.events[0]
    assert event_state.fired, "a figure is written: the witness may point at it"
    assert (event_state.subject, event_state.figure) == ("ppwp:II.1", 999)


def test_sirekap_misreads_a_sheet_only_after_it_was_uploaded() -> None:
    event = {"at": "22:00", "kind": "sirekap_salah_baca", "ballot": "ppwp"}
    sim = start(PEMILU, phases=["penyerahan"], events=[event], **_AFTER_VOTING)
    assert not sim.world.events[0].fired, "nothing sent through Sirekap yet"
    play(sim, [UploadSirekap(ballot=BallotType.PPWP)])
    event_state = sim.world.events[0]
    assert event_state.fired and event_state.subject is not None
    form = sim.world.forms.entries[BallotType.PPWP]
    cell = event_state.subject.split(":", 1)[1]
    assert cell.startswith("IV.") and event_state.figure != form.get(cell), (
        "Sirekap read a vote count differently from the plano"
    )


@pytest.mark.parametrize(
    ("ballot", "right", "wrong"),
    [("ppwp", "tandai_tidak_sesuai", "koreksi"), ("dpr", "koreksi", "tandai_tidak_sesuai")],
)
def test_a_misread_ppwp_sheet_is_marked_tidak_sesuai_and_another_is_corrected(
    ballot: str, right: str, wrong: str
) -> None:
    """HANDBOOK §19.3 step 4: on a PPWP sheet the KPPS can only confirm "sesuai" or "tidak
    sesuai" (the KPU Kab/Kota corrects it); on a DPR, DPD or DPRD sheet it corrects the reading
    in the app. The same three answers are offered for either."""
    event = {"at": "22:00", "kind": "sirekap_salah_baca", "ballot": ballot}
    for response, flagged in ((right, False), (wrong, True)):
        sim = start(PEMILU, phases=["penyerahan"], events=[event], **_AFTER_VOTING)
        play(sim, [UploadSirekap(ballot=BallotType(ballot))])
        offered = {a.response for a in sim.allowed_actions() if hasattr(a, "response")}
        assert offered == {"koreksi", "kirim", "tandai_tidak_sesuai"}, offered
        found = respond(sim, 0, response)
        assert (SIREKAP_UNCHECKED in found) is flagged, f"{ballot}: {response} gave {found}"
    sim = CarefulCrew(start(PEMILU, phases=["penyerahan"], events=[event], **_AFTER_VOTING)).play()
    assert sim.world.events[0].response == right, "the careful crew answers by the sheet"
    assert not sim.findings, describe(sim)


_AFTER_VOTING_PILKADA: dict[str, Any] = {
    "counting_start": {"dpt": {"men": 1, "women": 1}},
    "ballots": {"listed": [
        {"ballot": "gubernur", "marks": [{"kosong": True}]},
        {"ballot": "gubernur", "marks": [{"pair": 1}]},
        {"ballot": "bupati", "marks": [{"pair": 2}]},
        {"ballot": "bupati", "marks": [{"pair": 1}]},
    ]},
}


@pytest.mark.parametrize("response", ["koreksi", "tandai_tidak_sesuai"])
def test_a_misread_pilkada_sheet_checked_then_corrected_or_flagged_is_right(
    response: str,
) -> None:
    """§19.3 gives the correct-or-flag rule for the Pemilu only: on a Pilkada sheet both are
    accepted once the reading is checked; sending it unchecked is still the mistake."""
    event = {"at": "22:00", "kind": "sirekap_salah_baca", "ballot": "gubernur"}
    sim = start(PILKADA, phases=["penyerahan"], events=[event], **_AFTER_VOTING_PILKADA)
    play(sim, [UploadSirekap(ballot=BallotType.GUBERNUR)])
    assert sim.world.events[0].fired
    assert SIREKAP_UNCHECKED not in respond(sim, 0, response), describe(sim)
    unchecked = start(PILKADA, phases=["penyerahan"], events=[event], **_AFTER_VOTING_PILKADA)
    play(unchecked, [UploadSirekap(ballot=BallotType.GUBERNUR)])
    assert SIREKAP_UNCHECKED in respond(unchecked, 0, "kirim")


def test_steering_voters_needs_voters_in_the_queue() -> None:
    event = {"at": "07:30", "kind": "mobilisasi"}
    sim = start(PEMILU, phases=["pemungutan"], events=[event], **_QUEUE)
    play(sim, [AdvanceClock(to="08:00")])
    assert not sim.world.events[0].fired, "nobody is queuing at 08:00"
    play(sim, [AdvanceClock(to="08:50")])
    assert sim.world.events[0].fired, "a voter queues at 08:50"


@pytest.mark.parametrize(("kind", "phase", "wrong", "rule_id"),
                         [p for p in WRONG_ANSWERS if p.values[0] in
                          {"pemberian_peserta", "listrik_padam", "usul_coblos_sisa"}])
def test_what_is_offered_after_an_answer_never_tells_right_from_wrong(
    kind: str, phase: str, wrong: str, rule_id: str
) -> None:
    """The follow-ups (record it, tell the PTPS) are offered after a wrong answer as after the
    right one: were they offered only after the right one, the list would give it away."""
    def offered_after(response: str) -> set[str]:
        sim = with_event(kind, phase)
        respond(sim, 0, response)
        return {a.kind for a in incidents.follow_ups(sim.world.events[0], sim.world)}

    right = incidents.EVENT_RULES[EventKind(kind)].correct
    assert offered_after(wrong) == offered_after(right) == {
        "record_event", "inform_ptps", "inform_pps"}


def test_a_tally_moved_between_candidates_is_a_pemilu_event_only() -> None:
    """Candidates' rows exist only on DPR and DPRD ballots: in a Pilkada count the tally writer
    has no candidate row to misuse, and the event never happens (HANDBOOK §7.4 [P])."""
    pilkada_ballots = {
        "counting_start": {"dpt": {"men": 1}},
        "ballots": {"listed": [{"ballot": "gubernur", "marks": [{"pair": 1}]},
                               {"ballot": "bupati", "marks": [{"pair": 2}]}]},
    }
    event = {"at": "13:30", "kind": "pencatat_pindah_suara"}
    sim = start(PILKADA, phases=["penghitungan"], events=[event], **pilkada_ballots)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not sim.world.events[0].fired and not found, describe(sim)


def test_the_pps_brings_what_is_short_and_every_voter_gets_a_ballot() -> None:
    """Reported at once, the shortage is made good by the PPS from a nearby TPS: this TPS
    records the addition in what it received, and the DPT voter still to come gets a PPWP
    ballot (HANDBOOK §17.4.3)."""
    sim = with_event("surat_suara_kurang", "pemungutan")
    ppwp = BallotType.PPWP
    assert sim.world.events[0].subject == "ppwp" and sim.world.stocks[ppwp].remaining == 0
    respond(sim, 0, "lapor_pps")
    assert sim.world.stocks[ppwp].received == 1, "one voter to come, one ballot brought"
    assert "event.0" in sim.world.reported, "reporting to the PPS was the answer itself"
    found = play(sim, incidents.duty_actions(sim.world.events[0], sim.world))
    found |= rest_of_phase(sim)
    assert not found, describe(sim)
    assert sim.world.stocks[ppwp].issued == 1, "the voter got a PPWP ballot"


def test_sirekap_turns_red_only_on_a_day_that_truly_does_not_reconcile() -> None:
    """With the day's figures in agreement, a C.Hasil written in full gives Sirekap nothing to
    mark: the event never happens, and no trainee is judged on a red sheet they never saw."""
    event = {"at": "20:00", "kind": "sirekap_merah"}
    sim = start(PEMILU, phases=["formulir"], events=[event], **_AFTER_VOTING)
    found = play(sim, careful(sim)) | end_phase(sim)
    assert not sim.world.events[0].fired and not found, describe(sim)
