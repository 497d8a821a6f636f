"""What each timed event asks of the crew: the phases it comes in, its right answer, the rule each
wrong answer breaks, and the duties the right answer leaves (HANDBOOK §5.9, §7, §9, §10,
§16-§19). The mechanics of events — when they fire, how answers and duties are judged — are in
:mod:`~simulator.core.phases.incidents`.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.phases.situation_rules import (
    ATTRIBUTE_ON_DUTY,
    BALLOTS_IMPROVISED,
    BALLOTS_TAKEN_HOME,
    COUNTED_IN_THE_DARK,
    DISTURBANCE_UNREPORTED,
    FIGURES_BENT,
    FLOOD_MISHANDLED,
    GIFT_ACCEPTED,
    GIFT_UNREPORTED,
    HANDOVER_STALLED,
    KINSHIP_UNDECLARED,
    LEFTOVER_BALLOTS_PUNCHED,
    MOVE_UNREPORTED,
    PARTISAN_POST,
    PATIENTS_UNWITNESSED,
    PAUSE_UNREPORTED,
    PROPOSAL_UNREPORTED,
    PSL_DECLARED_BY_KPPS,
    QUEUE_PRESSURE_UNREPORTED,
    SHIFT_UNREPORTED,
    SHORTAGE_UNRECORDED,
    SIREKAP_FAILURE_UNREPORTED,
    TALLY_SHIFTED,
    VOTE_BUYER_CHASED,
    VOTE_BUYING_IGNORED,
    VOTE_BUYING_UNRECORDED,
    VOTER_STEERED,
)
from simulator.core.rules import Rule
from simulator.core.state import EventState
from simulator.schema.scenario import EventKind
from simulator.schema.types import BallotType, Consequence, Phase, Severity

IGNORED = "abaikan"  # what an unanswered event counts as


# The duties an event can leave: the form, the supervisor, the PPS (who takes it up to the PPK
# and the KPU Kab/Kota, which decide a move, a transfer of ballots, a PSL or PSS: §17.2).
RECORD, PTPS, PPS = "catat", "ptps", "pps"
DUTY_ORDER = (RECORD, PTPS, PPS)


@dataclass(frozen=True, slots=True)
class EventRules:
    phases: tuple[Phase, ...]
    correct: str
    wrong: dict[str, Rule]  # response → the rule it breaks (IGNORED included)
    duties: frozenset[str] = frozenset()  # left by the right response: RECORD, PTPS
    done_by_response: frozenset[str] = frozenset()  # duties the right response itself does
    unreported: Rule | None = None  # a duty left undone when the phase ends


MOBILISATION_IGNORED = Rule(
    "pemungutan.mobilisasi_dibiarkan",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "Kep. KPU 66/2024; UU 7/2017 Pasal 454(3)",
    ("M27",),
    (Consequence.TEMUAN,),
    handbook="§5.9; §9; §18.5",
)
INTIMIDATION_IGNORED = Rule(
    "pemungutan.intimidasi_dibiarkan",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "Kep. KPU 66/2024; UU 7/2017 Pasal 454(3), Pasal 531",
    ("M27",),
    (Consequence.TEMUAN,),
    handbook="§5.9; §9; §18.1; §18.5",
)
BALLOT_MARKS_ALLOWED = Rule(
    "pemungutan.pemilih_diminta_menandai",
    Phase.PEMUNGUTAN,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 80(2)(b)",
    ("M26",),
    (Consequence.PSU,),
    handbook="§5.9; §11.1",
)
DAMAGE_ALLOWED = Rule(
    "penghitungan.surat_suara_dirusak",
    Phase.PENGHITUNGAN,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 80(2)(c)",
    ("M37",),
    (Consequence.PSU,),
    handbook="§11.1",
)
OBJECTION_IGNORED = Rule(
    "penghitungan.keberatan_tidak_ditangani",
    Phase.PENGHITUNGAN,
    Severity.BERAT,
    "Kep. KPU 66/2024; PKPU 25/2023",
    ("M44",),
    (Consequence.KEBERATAN,),
    handbook="§9",
)
ORDER_PRESSURE = Rule(
    "penghitungan.urutan_atas_desakan",
    Phase.PENGHITUNGAN,
    Severity.RINGAN,
    "Kep. KPU 66/2024 Bab V B",
    ("M32",),
    (Consequence.KEBERATAN,),
    handbook="§7.1 step 2",
)
CORRECTION_OVERWRITTEN = Rule(
    "formulir.koreksi_ditimpa",
    Phase.FORMULIR,
    Severity.BERAT,
    "Kep. KPU 66/2024; PKPU 25/2023",
    ("M43",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    handbook="§9 step 3; §19.4",
)
FIGURE_OBJECTION_IGNORED = Rule(
    "formulir.keberatan_tidak_dicatat",
    Phase.FORMULIR,
    Severity.BERAT,
    "Kep. KPU 66/2024; PKPU 25/2023",
    ("M44",),
    (Consequence.KEBERATAN,),
    handbook="§9 steps 2-5",
)
SIREKAP_UNCHECKED = Rule(
    "penyerahan.sirekap_tidak_diperiksa",
    Phase.PENYERAHAN,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M47",),
    (),
    handbook="§10 step 3; §19.3; §19.4 (the plano is the legal record)",
)

EVENT_RULES: dict[EventKind, EventRules] = {
    # Steering voters and intimidation are stopped, recorded and reported to the PTPS (HANDBOOK
    # §5.9, (H); M27): the answer stops and records it, the report is left to do.
    EventKind.MOBILISASI: EventRules(
        (Phase.PEMUNGUTAN,),
        "hentikan_catat",
        {"biarkan": MOBILISATION_IGNORED, IGNORED: MOBILISATION_IGNORED},
        duties=frozenset({RECORD, PTPS}),
        done_by_response=frozenset({RECORD}),
        unreported=QUEUE_PRESSURE_UNREPORTED,
    ),
    # Bawaslu found intimidation during voting and during counting (S-BW19).
    EventKind.INTIMIDASI: EventRules(
        (Phase.PEMUNGUTAN, Phase.PENGHITUNGAN),
        "hentikan_catat",
        {"biarkan": INTIMIDATION_IGNORED, IGNORED: INTIMIDATION_IGNORED},
        duties=frozenset({RECORD, PTPS}),
        done_by_response=frozenset({RECORD}),
        unreported=QUEUE_PRESSURE_UNREPORTED,
    ),
    EventKind.USUL_TANDAI_SURAT_SUARA: EventRules(
        (Phase.PEMUNGUTAN,),
        "tolak",
        {"setujui": BALLOT_MARKS_ALLOWED},
    ),
    EventKind.ANGGOTA_MERUSAK_SURAT_SUARA: EventRules(
        (Phase.PENGHITUNGAN,),
        "hentikan",
        {"biarkan": DAMAGE_ALLOWED, IGNORED: DAMAGE_ALLOWED},
    ),
    EventKind.KEBERATAN_SAKSI: EventRules(
        (Phase.PENGHITUNGAN,),
        "periksa_catat",
        {"tolak": OBJECTION_IGNORED, IGNORED: OBJECTION_IGNORED},
    ),
    EventKind.SAKSI_MINTA_URUTAN: EventRules(
        (Phase.PENGHITUNGAN,),
        "tolak",
        {"ikuti": ORDER_PRESSURE},
    ),
    EventKind.KEBERATAN_ANGKA: EventRules(
        (Phase.FORMULIR,),
        "coret_paraf",
        {
            "timpa": CORRECTION_OVERWRITTEN,
            "tipe_x": CORRECTION_OVERWRITTEN,
            IGNORED: FIGURE_OBJECTION_IGNORED,
        },
    ),
    # Sirekap misreads a figure: check every figure before sending, and correct a wrong
    # reading in the app (HANDBOOK §19.3 step 4) — except on a Pemilu PPWP sheet, below.
    EventKind.SIREKAP_SALAH_BACA: EventRules(
        (Phase.PENYERAHAN,),
        "koreksi",
        {"kirim": SIREKAP_UNCHECKED, "tandai_tidak_sesuai": SIREKAP_UNCHECKED,
         IGNORED: SIREKAP_UNCHECKED},
    ),
    # A candidate's team brings lunch and "transport money": refuse everything, tell the PTPS,
    # record it (HANDBOOK §16.2, §16.6; M51). Food alone is still a gift.
    EventKind.PEMBERIAN_PESERTA: EventRules(
        (Phase.PEMUNGUTAN,),
        "tolak_semua",
        {"terima": GIFT_ACCEPTED, "terima_makanan": GIFT_ACCEPTED, IGNORED: GIFT_ACCEPTED},
        duties=frozenset({RECORD, PTPS}),
        unreported=GIFT_UNREPORTED,
    ),
    # The power fails mid-count: pause, keep ballots and boxes in view, bring light, resume;
    # announce it and record the times (HANDBOOK §7.1, §17.3, §17.4; M55).
    EventKind.LISTRIK_PADAM: EventRules(
        (Phase.PENGHITUNGAN,),
        "jeda_amankan",
        {"lanjut_gelap": COUNTED_IN_THE_DARK, "bawa_pulang": BALLOTS_TAKEN_HOME,
         IGNORED: COUNTED_IN_THE_DARK},
        duties=frozenset({RECORD, PTPS}),
        unreported=PAUSE_UNREPORTED,
    ),
    # Envelopes handed out in the queue 20 m away: keep serving, the chair tells the PTPS at
    # once, record it; no chasing or searching (HANDBOOK §18.5; M61).
    EventKind.POLITIK_UANG: EventRules(
        (Phase.PEMUNGUTAN,),
        "lapor_ptps",
        {"abaikan_di_luar": VOTE_BUYING_IGNORED, "kejar": VOTE_BUYER_CHASED,
         IGNORED: VOTE_BUYING_IGNORED},
        duties=frozenset({RECORD, PTPS}),
        done_by_response=frozenset({PTPS}),
        unreported=VOTE_BUYING_UNRECORDED,
    ),
    # The chair proposes punching the absent voters' ballots: refuse, tell the PTPS, record it;
    # the leftovers are counted and crossed at the close (HANDBOOK §6, §18.5; M62).
    EventKind.USUL_COBLOS_SISA: EventRules(
        (Phase.PENUTUPAN,),
        "tolak",
        {"setujui": LEFTOVER_BALLOTS_PUNCHED, "diam": LEFTOVER_BALLOTS_PUNCHED,
         IGNORED: LEFTOVER_BALLOTS_PUNCHED},
        duties=frozenset({RECORD, PTPS}),
        unreported=PROPOSAL_UNREPORTED,
    ),
    # The ballots of a type will not last for the voters still to come: report to the PPS at
    # once, which brings ballots from a nearby TPS with the PTPS; both TPS record the transfer;
    # never photocopies, another type, or voters sent home (HANDBOOK §17.4.3; M56).
    EventKind.SURAT_SUARA_KURANG: EventRules(
        (Phase.PEMUNGUTAN,),
        "lapor_pps",
        {"fotokopi": BALLOTS_IMPROVISED, "jenis_lain": BALLOTS_IMPROVISED,
         "suruh_pulang": BALLOTS_IMPROVISED, IGNORED: BALLOTS_IMPROVISED},
        duties=frozenset({RECORD, PTPS, PPS}),
        done_by_response=frozenset({PPS}),
        unreported=SHORTAGE_UNRECORDED,
    ),
    # Sirekap marks a sheet red because the day truly does not reconcile: recheck and recount;
    # if it still disagrees, keep the true figures, record it and tell the PTPS (the forms
    # phase judges that record); never move a vote to turn it green (HANDBOOK §19.4; M60).
    EventKind.SIREKAP_MERAH: EventRules(
        (Phase.FORMULIR,),
        "periksa_tulis_benar",
        {"pindahkan_suara": FIGURES_BENT, "ubah_angka_lain": FIGURES_BENT},
    ),
    # A fight breaks out and the crowd threatens the boxes: people to safety, the order officers
    # (the police only if needed), ballots, boxes and forms kept together in view of the PTPS,
    # the PPS told, everything recorded; a PSL is the KPU Kab/Kota's to decide on the PPK's
    # proposal, never the chair's (HANDBOOK §17.2-§17.4; M57). Voting resumes once it is safe.
    EventKind.KERUSUHAN: EventRules(
        (Phase.PEMUNGUTAN,),
        "amankan_lapor",
        {"umumkan_psl": PSL_DECLARED_BY_KPPS, "bawa_kotak_pulang": PSL_DECLARED_BY_KPPS,
         IGNORED: PSL_DECLARED_BY_KPPS},
        duties=frozenset({RECORD, PTPS, PPS}),
        unreported=DISTURBANCE_UNREPORTED,
    ),
    # Friends ask a new member to post a partisan clip "as a joke" (HANDBOOK §16.2; M49).
    EventKind.AJAKAN_UNGGAHAN_PARTISAN: EventRules(
        (Phase.LOGISTIK,),
        "tolak",
        {"unggah": PARTISAN_POST},
    ),
    # A member's brother is a candidate on this ballot: declare it before the meeting opens
    # (§16.6; M52).
    EventKind.HUBUNGAN_KELUARGA: EventRules(
        (Phase.PEMBUKAAN,),
        "ungkapkan",
        {"diam": KINSHIP_UNDECLARED, IGNORED: KINSHIP_UNDECLARED},
    ),
    # A member arrives in a candidate's colours: change or cover it before the opening (M50).
    EventKind.ATRIBUT_ANGGOTA: EventRules(
        (Phase.PEMBUKAAN,),
        "minta_ganti",
        {"biarkan": ATTRIBUTE_ON_DUTY, IGNORED: ATTRIBUTE_ON_DUTY},
    ),
    # The site is flooded; a dry hall is near: move there with voters, witnesses and the PTPS
    # told, the PPS informed and the move recorded (HANDBOOK §17.4.1; M54).
    EventKind.BANJIR: EventRules(
        (Phase.PEMBUKAAN,),
        "pindah_gedung",
        {"tunggu_di_air": FLOOD_MISHANDLED, "bawa_ke_rumah": FLOOD_MISHANDLED,
         IGNORED: FLOOD_MISHANDLED},
        duties=frozenset({RECORD, PTPS, PPS}),
        unreported=MOVE_UNREPORTED,
    ),
    # An elderly voter asks which pair is "the good one": explain how to vote, never what
    # (HANDBOOK §16.2; M53).
    EventKind.PEMILIH_MINTA_SARAN: EventRules(
        (Phase.PEMUNGUTAN,),
        "jelaskan_cara",
        {"beri_petunjuk": VOTER_STEERED, "tanya_pilihan": VOTER_STEERED},
    ),
    # The hospital asks the TPS to serve its inpatients: two members with the PTPS, ballots for
    # this TPS's voters only, used ballots back into its boxes (HANDBOOK §17.4.7; M58).
    EventKind.PASIEN_RUMAH_SAKIT: EventRules(
        (Phase.PEMUNGUTAN,),
        "dua_anggota_ptps",
        {"satu_anggota": PATIENTS_UNWITNESSED, "titip_perawat": PATIENTS_UNWITNESSED},
    ),
    # The tally writer puts a candidate's strokes under another of the same party: correct it
    # openly, record it, tell the PTPS (HANDBOOK §7.4, §18.5; M63). Pemilu only: the premise
    # needs a DPR or DPRD box being counted.
    EventKind.PENCATAT_PINDAH_SUARA: EventRules(
        (Phase.PENGHITUNGAN,),
        "koreksi_terbuka",
        {"biarkan_total_sama": TALLY_SHIFTED, "sesuaikan_nanti": TALLY_SHIFTED,
         IGNORED: TALLY_SHIFTED},
        duties=frozenset({RECORD, PTPS}),
        unreported=SHIFT_UNREPORTED,
    ),
    # Sirekap cannot reach its server: photos or offline mode, copies and handover the same day,
    # the PPS told and the failure recorded; upload later (HANDBOOK §19.5; M59).
    EventKind.SIREKAP_GAGAL: EventRules(
        (Phase.PENYERAHAN,),
        "lanjut_luring",
        {"tunggu_sinyal": HANDOVER_STALLED, "tunda_salinan": HANDOVER_STALLED},
        duties=frozenset({RECORD, PPS}),
        unreported=SIREKAP_FAILURE_UNREPORTED,
    ),
}

# Where the right answer depends on the ballot type the event turned out to be about.
BALLOT_RULES: dict[tuple[EventKind, BallotType], EventRules] = {
    # On a PPWP sheet the KPPS cannot edit Sirekap's reading: it confirms "tidak sesuai", and
    # the KPU Kab/Kota corrects it through Sirekap web (HANDBOOK §19.3 step 4; M47).
    (EventKind.SIREKAP_SALAH_BACA, BallotType.PPWP): EventRules(
        (Phase.PENYERAHAN,),
        "tandai_tidak_sesuai",
        {"kirim": SIREKAP_UNCHECKED, "koreksi": SIREKAP_UNCHECKED, IGNORED: SIREKAP_UNCHECKED},
    ),
    # The handbook gives the correct-or-flag rule for the Pemilu only (§19.3); for a Pilkada
    # sheet checking it and then correcting or flagging are both accepted, only sending an
    # unchecked reading is wrong.
    **{
        (EventKind.SIREKAP_SALAH_BACA, ballot): EventRules(
            (Phase.PENYERAHAN,),
            "koreksi",
            {"kirim": SIREKAP_UNCHECKED, IGNORED: SIREKAP_UNCHECKED},
        )
        for ballot in (BallotType.GUBERNUR, BallotType.BUPATI, BallotType.WALIKOTA)
    },
}


def rules_for(kind: EventKind, ballot: BallotType | None) -> EventRules:
    """The rules of an event of ``kind`` about ``ballot`` (None: about no one type)."""
    if ballot is not None and (kind, ballot) in BALLOT_RULES:
        return BALLOT_RULES[kind, ballot]
    return EVENT_RULES[kind]


def spec_of(event: EventState) -> EventRules:
    """The rules an event is judged by: its kind's, or where the ballot type it turned out to
    be about changes the right answer, that type's."""
    return rules_for(EventKind(event.kind), _ballot_of(event))


def _ballot_of(event: EventState) -> BallotType | None:
    subject = event.subject or ""
    for separator in (":", "#"):  # "ppwp:IV.1" (a cell), "ppwp#7" (a ballot)
        head = subject.split(separator, 1)[0]
        if separator in subject and head in BallotType._value2member_map_:
            return BallotType(head)
    return event.ballot


RULES: tuple[Rule, ...] = tuple(
    dict.fromkeys(
        rule
        for spec in EVENT_RULES.values()
        for rule in (*spec.wrong.values(), *((spec.unreported,) if spec.unreported else ()))
    )
)
