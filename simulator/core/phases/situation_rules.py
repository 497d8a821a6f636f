"""The rules of the situations a bimtek teaches beyond the procedure (HANDBOOK §16-§19;
MISTAKES groups H, I, J: M49-M63): ethics and neutrality, emergencies and *keadaan tertentu*,
crimes at and near the TPS, Sirekap failing. They are judged as events are
(:mod:`simulator.core.phases.incidents`, which holds which answer breaks which rule); this
module only holds the rules, so that file stays readable.
"""

from __future__ import annotations

from simulator.core.rules import Rule
from simulator.schema.types import Consequence, Phase, Severity

# --- Ethics, emergencies and crimes near the TPS (HANDBOOK §16-§18; MISTAKES M51, M55,
# M61, M62): the first of groups H, I and J.

GIFT_ACCEPTED = Rule(
    "pemungutan.pemberian_peserta_diterima",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "Peraturan DKPP 2/2017 Pasal 8; UU 7/2017 Pasal 286(1)",
    ("M51",),
    (Consequence.TEMUAN,),
    handbook="§16.2; §16.3",
)
QUEUE_PRESSURE_UNREPORTED = Rule(
    "pemungutan.pengarahan_tidak_dilaporkan",
    Phase.PEMUNGUTAN,
    Severity.RINGAN,
    "Kep. KPU 66/2024; UU 7/2017 Pasal 454(3)",
    ("M27",),
    (Consequence.TEMUAN,),
    # The steering or intimidation was stopped and recorded, the heart of M27; the report to
    # the PTPS that HANDBOOK §5.9 also asks for (H) is its lesser side.
    severity_note="it was stopped and recorded; only the report to the PTPS was left undone",
    handbook="§5.9; §18.5",
)
GIFT_UNREPORTED = Rule(
    "pemungutan.pemberian_tidak_dilaporkan",
    Phase.PEMUNGUTAN,
    Severity.RINGAN,
    "Peraturan DKPP 2/2017 Pasal 8; Kep. KPU 66/2024",
    ("M51",),
    (Consequence.TEMUAN,),
    # The gift itself was refused, which is the heart of M51; leaving the attempt off the
    # record and away from the PTPS is its lesser side (HANDBOOK §16.6 asks for both).
    severity_note="the gift was refused; only the record and the report were left undone",
    handbook="§16.2; §16.6; §17.3",
)
COUNTED_IN_THE_DARK = Rule(
    "penghitungan.hitung_dalam_gelap",
    Phase.PENGHITUNGAN,
    Severity.BERAT,
    "Kep. KPU 66/2024; UU 7/2017 Pasal 537",
    ("M55",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
    handbook="§7.1; §17.4",
)
BALLOTS_TAKEN_HOME = Rule(
    "penghitungan.surat_suara_dibawa_pulang",
    Phase.PENGHITUNGAN,
    Severity.KRITIS,
    "UU 7/2017 Pasal 537",
    ("M55",),
    (Consequence.PIDANA, Consequence.HITUNG_ULANG),
    # The graver side of M55: the ballots leave the crew's and the supervisor's sight, which
    # the law makes a crime (HANDBOOK §17.3 step 2).
    severity_note="taking the ballots away is the crime the entry names as its consequence",
    handbook="§17.3; §17.4",
)
PAUSE_UNREPORTED = Rule(
    "penghitungan.jeda_tidak_dicatat",
    Phase.PENGHITUNGAN,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M55",),
    (Consequence.KEBERATAN,),
    severity_note="the count was rightly paused; only its record and the PTPS were left out",
    handbook="§17.3; §17.4",
)
VOTE_BUYING_IGNORED = Rule(
    "pemungutan.politik_uang_dibiarkan",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "UU 7/2017 Pasal 454(3), Pasal 515, Pasal 523(3)",
    ("M61",),
    (Consequence.TEMUAN, Consequence.PIDANA),
    handbook="§18.3; §18.4; §18.5",
)
VOTE_BUYER_CHASED = Rule(
    "pemungutan.pembeli_suara_dikejar",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "UU 7/2017 Pasal 454(3), Pasal 476",
    ("M61",),
    (Consequence.TEMUAN,),
    handbook="§18.4; §18.5",
)
VOTE_BUYING_UNRECORDED = Rule(
    "pemungutan.politik_uang_tidak_dicatat",
    Phase.PEMUNGUTAN,
    Severity.RINGAN,
    "Kep. KPU 66/2024; UU 7/2017 Pasal 454(4)",
    ("M61",),
    (Consequence.TEMUAN,),
    severity_note="the PTPS was told; only the written record of it was left out",
    handbook="§18.4; §18.5",
)
LEFTOVER_BALLOTS_PUNCHED = Rule(
    "penutupan.sisa_surat_suara_dicoblos",
    Phase.PENUTUPAN,
    Severity.KRITIS,
    "UU 7/2017 Pasal 532, Pasal 533, Pasal 554",
    ("M62",),
    (Consequence.PIDANA, Consequence.PSU),
    handbook="§6; §18.1; §18.5",
)
PROPOSAL_UNREPORTED = Rule(
    "penutupan.usul_coblos_tidak_dilaporkan",
    Phase.PENUTUPAN,
    Severity.BERAT,
    "UU 7/2017 Pasal 532; Kep. KPU 66/2024",
    ("M62",),
    (Consequence.TEMUAN,),
    severity_note="the ballots were not punched; the attempt was kept from the record and PTPS",
    handbook="§18.5",
)

# --- The second batch: M49, M50, M52, M53, M54, M58, M59, M63 -----------------------------

PARTISAN_POST = Rule(
    "logistik.unggahan_partisan",
    Phase.LOGISTIK,
    Severity.BERAT,
    "Peraturan DKPP 2/2017 Pasal 8; PKPU 8/2022 Pasal 43(4)",
    ("M49",),
    (Consequence.TEMUAN,),
    handbook="§16.2; §16.5",
)
KINSHIP_UNDECLARED = Rule(
    "pembukaan.hubungan_keluarga_tidak_diungkap",
    Phase.PEMBUKAAN,
    Severity.BERAT,
    "Peraturan DKPP 2/2017 Pasal 8, Pasal 14",
    ("M52",),
    (Consequence.KEBERATAN,),
    confidence="M",
    handbook="§16.2; §16.6",
)
ATTRIBUTE_ON_DUTY = Rule(
    "pembukaan.atribut_peserta_dipakai_anggota",
    Phase.PEMBUKAAN,
    Severity.BERAT,
    "Peraturan DKPP 2/2017 Pasal 8",
    ("M50",),
    (Consequence.KEBERATAN, Consequence.TEMUAN),
    handbook="§16.2",
)
FLOOD_MISHANDLED = Rule(
    "pembukaan.tps_banjir_salah_ditangani",
    Phase.PEMBUKAAN,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 7, Pasal 110, Pasal 111",
    ("M54",),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    handbook="§17.3; §17.4",
)
MOVE_UNREPORTED = Rule(
    "pembukaan.pindah_tps_tidak_dilaporkan",
    Phase.PEMBUKAAN,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 110, Pasal 111; Kep. KPU 66/2024",
    ("M54",),
    (Consequence.HAK_PILIH_HILANG, Consequence.KEBERATAN),
    handbook="§17.2; §17.3; §17.4",
)
VOTER_STEERED = Rule(
    "pemungutan.pemilih_diarahkan",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "Peraturan DKPP 2/2017 Pasal 8",
    ("M53",),
    (Consequence.TEMUAN,),
    handbook="§16.2",
)
PATIENTS_UNWITNESSED = Rule(
    "pemungutan.pasien_dilayani_tanpa_pengawas",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "PKPU 9/2019 Pasal 220",
    ("M58",),
    (Consequence.KEBERATAN, Consequence.TEMUAN),
    confidence="M",
    handbook="§17.4",
)
TALLY_SHIFTED = Rule(
    "penghitungan.suara_dipindah_antar_calon",
    Phase.PENGHITUNGAN,
    Severity.KRITIS,
    "UU 7/2017 Pasal 532, Pasal 554",
    ("M63",),
    (Consequence.PIDANA, Consequence.HITUNG_ULANG),
    handbook="§7.4; §18.1; §18.5",
)
SHIFT_UNREPORTED = Rule(
    "penghitungan.pemindahan_suara_tidak_dilaporkan",
    Phase.PENGHITUNGAN,
    Severity.BERAT,
    "UU 7/2017 Pasal 532; Kep. KPU 66/2024",
    ("M63",),
    (Consequence.KEBERATAN,),
    severity_note="the tally was corrected openly; only the record and the PTPS were left out",
    handbook="§9; §18.5",
)
HANDOVER_STALLED = Rule(
    "penyerahan.penyerahan_tertahan_sirekap",
    Phase.PENYERAHAN,
    Severity.BERAT,
    "Kep. KPU 66/2024; UU 7/2017 Pasal 537",
    ("M59",),
    (Consequence.PIDANA, Consequence.KEBERATAN),
    handbook="§19.1; §19.5",
)
SIREKAP_FAILURE_UNREPORTED = Rule(
    "penyerahan.sirekap_gagal_tidak_dilaporkan",
    Phase.PENYERAHAN,
    Severity.RINGAN,
    "Kep. KPU 66/2024",
    ("M59",),
    (),
    severity_note="the copies and the handover went on; only the record and the PPS were not told",
    handbook="§19.5",
)

BALLOTS_IMPROVISED = Rule(
    "pemungutan.kekurangan_surat_suara_diakali",
    Phase.PEMUNGUTAN,
    Severity.KRITIS,
    "PKPU 9/2019 Pasal 228; PKPU 25/2023 Pasal 80",
    ("M56",),
    (Consequence.HAK_PILIH_HILANG, Consequence.PSU),
    confidence="M",
    handbook="§3.3; §17.4",
)
SHORTAGE_UNRECORDED = Rule(
    "pemungutan.kekurangan_surat_suara_tidak_dicatat",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "PKPU 9/2019 Pasal 228; Kep. KPU 66/2024",
    ("M56",),
    (Consequence.KEBERATAN,),
    severity_note="the PPS was told and brought ballots; only the record and the PTPS were not",
    handbook="§17.4",
)

FIGURES_BENT = Rule(
    "formulir.angka_diubah_demi_sirekap",
    Phase.FORMULIR,
    Severity.KRITIS,
    "UU 7/2017 Pasal 535; Kep. KPU 66/2024",
    ("M60",),
    (Consequence.PIDANA, Consequence.KEBERATAN),
    handbook="§8.2; §19.4",
)

PSL_DECLARED_BY_KPPS = Rule(
    "pemungutan.kpps_memutuskan_psl_sendiri",
    Phase.PEMUNGUTAN,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 109, Pasal 111; UU 7/2017 Pasal 537",
    ("M57",),
    (Consequence.PIDANA, Consequence.HAK_PILIH_HILANG),
    handbook="§17.2; §17.3; §17.4",
)
DISTURBANCE_UNREPORTED = Rule(
    "pemungutan.kerusuhan_tidak_dilaporkan",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "PKPU 25/2023 Pasal 109, Pasal 111; Kep. KPU 66/2024",
    ("M57",),
    (Consequence.KEBERATAN,),
    severity_note="the materials were secured; only the record and the reports were left out",
    handbook="§17.3",
)
