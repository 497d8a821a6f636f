"""A scenario as a trainer writes it in YAML: the situation, never the answers.

The engine decides what is right from the rules and the situation described here; a scenario
holds no answer key. Field descriptions flow into the exported JSON Schema that editors use for
completion, so each says what the field is in the words of the polling day.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from simulator.schema.ballot import Ballot, Mark
from simulator.schema.base import Authored, Bilingual, Bool, Identifier, Int, ShortText
from simulator.schema.clock import GameTime
from simulator.schema.types import (
    BallotType,
    Difficulty,
    Disability,
    ElectionType,
    Phase,
    Sex,
)

MistakeId = Annotated[str, StringConstraints(pattern=r"^M(0[1-9]|[1-5]\d|6[0-3])$")]
RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z_]+(\.[a-z0-9_]+)+$")]
HexColor = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Count = Annotated[Int, Field(ge=0, le=100_000)]


class SexCount(Authored):
    """A number of people split by sex, as every C.Hasil row is."""

    men: Count = Field(0, description="Laki-laki")
    women: Count = Field(0, description="Perempuan")

    @property
    def total(self) -> int:
        return self.men + self.women


# --- The TPS -------------------------------------------------------------------------------


class Districts(Authored):
    """The electoral districts (dapil) this TPS belongs to, as printed on its ballots."""

    province: ShortText = Field(description="Provinsi (DPD, PPWP and Gubernur ballots)")
    kabko: ShortText = Field(description="Kabupaten/kota (Bupati/Walikota ballots)")
    dpr: ShortText | None = Field(None, description="Dapil DPR RI")
    dprd_prov: ShortText | None = Field(None, description="Dapil DPRD Provinsi")
    dprd_kabko: ShortText | None = Field(None, description="Dapil DPRD Kabupaten/Kota")


class Tps(Authored):
    """The polling station and who is registered to vote at it."""

    number: Int = Field(ge=1, le=9999, description="Nomor TPS")
    village: ShortText = Field(description="Desa/kelurahan (fictional)")
    subdistrict: ShortText = Field(description="Kecamatan (fictional)")
    regency: ShortText = Field(description="Kabupaten/kota (fictional)")
    province: ShortText = Field(description="Provinsi (fictional)")
    districts: Districts
    dpt: SexCount = Field(description="Pemilih terdaftar di DPT TPS ini (C.Hasil I.A1)")
    dptb: SexCount = Field(
        default_factory=SexCount, description="Pemilih pindahan di DPTb TPS ini (I.A2)"
    )
    disabled: SexCount = Field(
        default_factory=SexCount, description="Registered voters with disabilities (III)"
    )


# --- Participants --------------------------------------------------------------------------


class Party(Authored):
    """A fictional party: never a real name, acronym, colour scheme or logo."""

    number: Int = Field(ge=1, le=99, description="Nomor urut partai")
    code: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Za-z]{1,7}$")] = Field(
        description="Short fictional acronym"
    )
    name: ShortText = Field(description="Fictional party name")
    color: HexColor = Field("#777777", description="Colour of the fictional emblem")


class Pair(Authored):
    """A pair of candidates (PPWP, Gubernur, Bupati or Walikota ballot)."""

    number: Int = Field(ge=1, le=20, description="Nomor urut pasangan")
    head: ShortText = Field(description="Calon presiden/kepala daerah (fictional)")
    deputy: ShortText = Field(description="Calon wakil (fictional)")
    parties: list[Annotated[Int, Field(ge=1, le=99)]] = Field(
        default_factory=list, max_length=40, description="Nominating parties' numbers"
    )


class CandidateStatus(str, Enum):
    AKTIF = "aktif"
    TMS = "tms"  # died or no longer qualifies, announced by the KPPS (HANDBOOK §7.4 D11-D13)


class Candidate(Authored):
    """A candidate on a DPR/DPRD party slate or on the DPD ballot."""

    number: Int = Field(ge=1, le=99, description="Nomor urut calon")
    name: ShortText = Field(description="Fictional name")
    sex: Sex = Field(Sex.L, description="L or P")
    status: CandidateStatus = Field(CandidateStatus.AKTIF, description="aktif, or tms")


class PartySlate(Authored):
    """One party box on a DPR/DPRD ballot."""

    party: Int = Field(ge=1, le=99, description="Party number, defined under parties:")
    candidates: list[Candidate] = Field(default_factory=list, max_length=30)


class Contest(Authored):
    """One ballot type and who stands on it. Fill the list that fits the ballot's layout."""

    ballot: BallotType
    pairs: list[Pair] = Field(default_factory=list, max_length=20, description="Pair ballots")
    slates: list[PartySlate] = Field(
        default_factory=list, max_length=40, description="DPR/DPRD ballots: one box per party"
    )
    candidates: list[Candidate] = Field(
        default_factory=list, max_length=80, description="DPD ballot: one column per candidate"
    )


# --- Logistics -----------------------------------------------------------------------------


class Item(str, Enum):
    """Logistics items other than ballots and boxes (HANDBOOK §3.1)."""

    BILIK_SUARA = "bilik_suara"  # voting booth
    TINTA = "tinta"  # ink bottle
    SEGEL = "segel"  # seals
    GEMBOK = "gembok"  # padlocks
    ALAT_COBLOS = "alat_coblos"  # nail and mat
    TEMPLATE_BRAILLE = "template_braille"
    C_HASIL_PLANO = "c_hasil_plano"  # one holographic plano per ballot type
    C_DAFTAR_HADIR = "c_daftar_hadir"  # attendance lists DPT/DPTb/DPK
    C_KEJADIAN_KHUSUS = "c_kejadian_khusus"
    C_PENDAMPING = "c_pendamping"
    SAMPUL = "sampul"  # envelopes
    SALINAN_DPT = "salinan_dpt"  # copies of the DPT/DPTb for the board and witnesses
    DAFTAR_CALON = "daftar_calon"  # candidate lists for the board


class BallotPacket(Authored):
    """The ballots of one type as delivered."""

    count: Count | None = Field(
        None, description="Ballots delivered; omitted means exactly DPT + reserve"
    )
    district: ShortText | None = Field(
        None, description="District printed on them, if not this TPS's (tertukar)"
    )
    damaged: Count = Field(0, description="Ballots with print or paper defects among them")


class BoxCondition(Authored):
    """A ballot box as delivered."""

    sealed: Bool = Field(True, description="Arrives closed and sealed")
    sticker_matches: Bool = Field(True, description="Its sticker names this TPS and this type")


class Logistics(Authored):
    """What the PPS delivers. Anything omitted arrives complete and correct."""

    ballots: dict[BallotType, BallotPacket] = Field(default_factory=dict)
    boxes: dict[BallotType, BoxCondition] = Field(default_factory=dict)
    expected: dict[Item, Count] = Field(
        default_factory=dict, description="Expected quantities where the regulation sets none"
    )
    delivered: dict[Item, Count] = Field(
        default_factory=dict, description="Quantities actually delivered (default: expected)"
    )


class NoticeReason(str, Enum):
    """Why a C.Pemberitahuan could not be delivered (HANDBOOK §2, H-1)."""

    MENINGGAL = "meninggal"
    PINDAH_DOMISILI = "pindah_domisili"
    PINDAH_MEMILIH = "pindah_memilih"
    TIDAK_DIKENAL = "tidak_dikenal"
    TIDAK_DI_TEMPAT = "tidak_di_tempat"


class UndeliveredNotice(Authored):
    """A voter notice the KPPS could not hand over before polling day."""

    id: Identifier
    name: ShortText = Field(description="Voter named on the notice")
    reason: NoticeReason = Field(description="What the KPPS found at the address")


# --- People --------------------------------------------------------------------------------


class Witness(Authored):
    """A saksi sent by an election participant."""

    id: Identifier
    name: ShortText
    represents: ShortText = Field(description="Whom they witness for, e.g. 'Pasangan 2'")
    mandate: Bool = Field(True, description="Carries a written mandate (surat mandat)")
    attributes: Bool = Field(False, description="Wears a participant's attribute or number")
    arrives: GameTime = Field("06:30", description="When they arrive at the TPS")


class Area(str, Enum):
    """Where the address on a voter's identity document lies, seen from this TPS."""

    TPS_INI = "tps_ini"  # the RT/RW this TPS serves
    DESA_SAMA = "desa_sama"  # same village, another TPS's area
    KABKO_SAMA = "kabko_sama"  # another village of the same kabupaten/kota
    PROVINSI_SAMA = "provinsi_sama"  # another kabupaten/kota of the same province
    PROVINSI_LAIN = "provinsi_lain"


class DocumentKind(str, Enum):
    C_PEMBERITAHUAN = "c_pemberitahuan"  # notice to a DPT voter
    KTP_EL = "ktp_el"
    SUKET = "suket"  # Dukcapil certificate that KTP-el data is recorded
    KTP_FOTOKOPI = "ktp_fotokopi"
    KTP_FOTO_HP = "ktp_foto_hp"  # photo of the KTP-el on a phone
    IKD = "ikd"  # digital KTP
    KK = "kk"  # family card
    SIM = "sim"  # driving licence
    MODEL_A = "model_a"  # Model A-Surat Pindah Memilih (transfer letter)


class Document(Authored):
    """A document the voter brings, rendered on the desk from these fields."""

    kind: DocumentKind
    name: ShortText | None = Field(None, description="Name on it; omitted means the voter's own")
    tps: Literal["ini", "lain"] = Field(
        "ini", description="C.Pemberitahuan/Model A: names this TPS ('ini') or another ('lain')"
    )
    address: Area = Field(Area.TPS_INI, description="ID documents: where the address lies")
    ballots: list[BallotType] = Field(
        default_factory=list, description="Model A: the ballot types written on it"
    )


class Registration(str, Enum):
    DPT = "dpt"
    DPTB = "dptb"
    NONE = "none"


class Voter(Authored):
    """One person who comes to the TPS on polling day."""

    id: Identifier
    name: ShortText = Field(description="Fictional full name")
    sex: Sex
    age: Int = Field(ge=17, le=120)
    registered: Registration = Field(description="On this TPS's DPT, on its DPTb, or on neither")
    transferred_out: Bool = Field(
        False, description="On the DPT but marked as having moved to vote elsewhere"
    )
    other_tps: Int | None = Field(
        None,
        ge=1,
        le=9999,
        description="registered: none, but on the DPT of this TPS number in the same village; "
        "the desk's lookup finds them there, notice or not",
    )
    arrives: GameTime = Field(description="When they join the queue")
    documents: list[Document] = Field(default_factory=list, max_length=10)
    inked: Bool = Field(False, description="A finger already carries election ink")
    disability: Disability | None = None
    pregnant: Bool = False
    phone: Bool = Field(False, description="Walks toward the booth holding a phone")
    assistance: Literal["none", "keluarga", "kpps"] = Field(
        "none", description="Asks to be helped in the booth, and by whom"
    )
    replacements: list[BallotType] = Field(
        default_factory=list,
        description="Ballot types they ask to replace; a type twice is a second request",
    )
    votes: dict[BallotType, Annotated[list[Mark], Field(max_length=20)]] = Field(
        default_factory=dict, description="How they mark each ballot; omitted types are drawn"
    )


class Archetype(str, Enum):
    """Kinds of voter the generator can draw; each is a situation, not a verdict."""

    DPT_BIASA = "dpt_biasa"
    DPT_TANPA_PEMBERITAHUAN = "dpt_tanpa_pemberitahuan"
    DPT_KTP_PENGGANTI = "dpt_ktp_pengganti"
    DPT_LANSIA = "dpt_lansia"
    DPT_DISABILITAS = "dpt_disabilitas"
    DPT_HAMIL = "dpt_hamil"
    DPT_BAWA_HP = "dpt_bawa_hp"
    DPT_MINTA_GANTI = "dpt_minta_ganti"
    DPTB = "dptb"
    DPK = "dpk"
    BERTINTA = "bertinta"
    LUAR_DOMISILI = "luar_domisili"
    TANPA_IDENTITAS = "tanpa_identitas"
    JOKI = "joki"  # brings someone else's notice
    SALAH_TPS = "salah_tps"
    PINDAH_KELUAR = "pindah_keluar"


class VoterGenerator(Authored):
    """Voters drawn from a seeded generator, in addition to those listed."""

    count: Int = Field(ge=0, le=600, description="How many voters to draw")
    mix: dict[Archetype, Annotated[Int, Field(ge=0, le=1000)]] = Field(
        default_factory=lambda: {Archetype.DPT_BIASA: 1},
        description="Relative weight of each kind of voter",
    )
    start: GameTime = Field("07:00", description="First arrival")
    end: GameTime = Field("12:45", description="Last arrival")
    namesakes: Int | None = Field(
        None,
        ge=0,
        le=300,
        description="Drawn voters who share the name of a voter on this TPS's DPT (of another "
        "age, so the list tells them apart); default one in every 12 drawn",
    )


class VoterStream(Authored):
    listed: list[Voter] = Field(default_factory=list, max_length=600)
    generated: VoterGenerator | None = None


# --- Ballots to count ----------------------------------------------------------------------


class BallotGenerator(Authored):
    """Used ballots of one type drawn from a seeded generator."""

    count: Int = Field(0, ge=0, le=2000, description="How many to draw (counting-only start)")
    weights: dict[Int, Annotated[Int, Field(ge=0, le=1000)]] = Field(
        default_factory=dict,
        description="Relative support per pair/party/candidate number (default: equal)",
    )
    kosong: Int = Field(0, ge=0, le=1000, description="Relative support for the empty column")
    invalid: Int = Field(3, ge=0, le=100, description="Percent of ballots marked invalidly")
    tricky: Int = Field(10, ge=0, le=100, description="Percent of valid ballots in odd variants")


class BallotSupply(Authored):
    """The marks to count: listed ballots first, then generated ones."""

    listed: list[Ballot] = Field(default_factory=list, max_length=3000)
    generated: dict[BallotType, BallotGenerator] = Field(default_factory=dict)


class CountingStart(Authored):
    """The day so far, when a scenario starts after voting (closing, counting or forms)."""

    dpt: SexCount = Field(default_factory=SexCount, description="DPT voters who voted (I.B1)")
    dptb: SexCount = Field(default_factory=SexCount, description="DPTb voters who voted (I.B2)")
    dpk: SexCount = Field(default_factory=SexCount, description="DPK voters who voted (I.B3)")
    disabled: SexCount = Field(default_factory=SexCount, description="Voters with disabilities")
    returned: dict[BallotType, Count] = Field(
        default_factory=dict, description="Ballots returned damaged/wrongly marked (II.2)"
    )
    not_entitled: dict[BallotType, Count] = Field(
        default_factory=dict,
        description="DPTb voters who did not receive this type (so B4 differs per type)",
    )


# --- Events --------------------------------------------------------------------------------


class EventKind(str, Enum):
    MOBILISASI = "mobilisasi"  # someone steers voters toward a candidate
    INTIMIDASI = "intimidasi"
    USUL_TANDAI_SURAT_SUARA = "usul_tandai_surat_suara"  # a colleague wants voters to sign ballots
    ANGGOTA_MERUSAK_SURAT_SUARA = "anggota_merusak_surat_suara"  # a member tears used ballots
    KEBERATAN_SAKSI = "keberatan_saksi"  # a witness objects to a ruled ballot
    KEBERATAN_ANGKA = "keberatan_angka"  # a witness shows a wrong figure on the plano
    SIREKAP_SALAH_BACA = "sirekap_salah_baca"  # Sirekap reads a figure wrongly
    SAKSI_MINTA_URUTAN = "saksi_minta_urutan"  # witnesses push to count another type first
    PEMBERIAN_PESERTA = "pemberian_peserta"  # a candidate's team brings food and money (M51)
    LISTRIK_PADAM = "listrik_padam"  # the power fails during the count (M55)
    POLITIK_UANG = "politik_uang"  # envelopes handed out near the queue (M61)
    USUL_COBLOS_SISA = "usul_coblos_sisa"  # a member proposes punching leftover ballots (M62)
    AJAKAN_UNGGAHAN_PARTISAN = "ajakan_unggahan_partisan"  # asked to post for a candidate (M49)
    HUBUNGAN_KELUARGA = "hubungan_keluarga"  # a member's kin is a candidate here (M52)
    ATRIBUT_ANGGOTA = "atribut_anggota"  # a member arrives in a candidate's colours (M50)
    BANJIR = "banjir"  # the TPS site is flooded in the morning (M54)
    PEMILIH_MINTA_SARAN = "pemilih_minta_saran"  # a voter asks whom to choose (M53)
    PASIEN_RUMAH_SAKIT = "pasien_rumah_sakit"  # the hospital asks for its inpatients (M58)
    PENCATAT_PINDAH_SUARA = "pencatat_pindah_suara"  # strokes under another candidate (M63)
    SIREKAP_GAGAL = "sirekap_gagal"  # Sirekap cannot reach its server at handover (M59)
    SURAT_SUARA_KURANG = "surat_suara_kurang"  # ballots will not last for the DPT to come (M56)
    SIREKAP_MERAH = "sirekap_merah"  # Sirekap marks a sheet that truly won't reconcile (M60)
    KERUSUHAN = "kerusuhan"  # a fight breaks out and the crowd threatens the boxes (M57)


class Event(Authored):
    """Something that happens at a set time and calls for the KPPS to respond."""

    at: GameTime
    kind: EventKind
    by: ShortText | None = Field(None, description="Who (fictional), for the narration")
    ballot: BallotType | None = Field(None, description="The ballot type concerned, if any")
    claim_valid: Bool | None = Field(
        None, description="keberatan_saksi: whether the objection is right"
    )
    decision: Literal["lanjut", "psl"] | None = Field(
        None,
        description="kerusuhan: what the KPU Kab/Kota decides once the PPS has reported the "
        "stop (HANDBOOK §17.2): 'lanjut' (unset) voting resumes the same day once it is safe; "
        "'psl' a continued vote (pemungutan suara lanjutan) from 07:00 on the day the KPU "
        "sets, for the voters still to come",
    )


# --- Settings for what the regulation leaves unsettled (HANDBOOK §15) --------------------


class RuleSettings(Authored):
    """Points the handbook marks (L) or lists as unsettled: off unless a scenario asks."""

    dptb_from: GameTime | None = Field(
        None,
        description="The hour DPTb voters are served from ([K] 11:00, (M); [P] advised, not "
        "required): one arriving earlier is asked to come back then, and one served earlier "
        "is a minor advisory. Unset: served any time 07:00-13:00 (in a Pilkada, asking one "
        "who comes before 11:00 to come back at 11:00 is not graded either)",
    )
    kk_sim: Literal["unscored", "accept", "refuse"] = Field(
        "unscored", description="How to grade a DPT voter who shows only a KK or SIM"
    )
    punch_through_all_types: Bool = Field(
        False, description="Apply the PPWP punch-through rule (V4) to every ballot type"
    )
    opening_grace_minutes: Int = Field(
        30, ge=0, le=120, description="How long the chair may wait for absent witnesses/PTPS"
    )
    suket_for_dpk: Bool = Field(True, description="A Suket suffices for a DPK voter (M)")
    plano_slip_correction: Literal["unscored", "strike_through"] | None = Field(
        None,
        description="How an ordinary writing slip on the C.Hasil plano is graded (§15 item "
        "21): 'unscored', or 'strike_through' (the wrong figure must stay visible: correction "
        "fluid or overwriting is an error). Unset: by election, Pemilu unscored (KPU asked for "
        "correction fluid), Pilkada strike_through (KPU DKI, M). A correction after a "
        "witness's objection is always struck through and initialled (§9)",
    )
    substitute_id_for_dpk: Literal["unscored", "accept", "refuse"] = Field(
        "unscored",
        description="How to grade a DPK voter who shows only a copy, phone photo or IKD (§5.5)",
    )


# Documents and envelopes by id: "c_hasil.ppwp", "sampul_dokumen" (simulator/core/packing.py).
PackingId = Annotated[
    str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z_]+)?$", max_length=40)
]


class Packing(Authored):
    """Where each document goes when the boxes are packed after the count (HANDBOOK §10 step
    6). The regulation text that says which envelope holds which document, and which box holds
    the forms, was not found (§15 item 12): the default map gives each type's ballots and
    C.Hasil their own envelopes in that type's box, and the shared documents one envelope in
    the first box. Only what the handbook settles is scored by default (every document packed;
    ballots in the box of their own type); a scenario scores the rest with
    ``scoring: enable: [penyerahan.dokumen_salah_sampul, penyerahan.dokumen_salah_kotak]``."""

    envelopes: dict[PackingId, PackingId] = Field(
        default_factory=dict,
        description="Document -> envelope, e.g. 'c_daftar_hadir: sampul_c_hasil.ppwp'; a "
        "document not named keeps its default envelope",
    )
    boxes: dict[PackingId, BallotType] = Field(
        default_factory=dict,
        description="Envelope -> the ballot type of the box it goes into, e.g. "
        "'sampul_dokumen: dpr'; an envelope not named keeps its default box",
    )


class Scoring(Authored):
    """Adjust the catalogue's scoring for this scenario."""

    points: dict[RuleId, Annotated[Int, Field(ge=0, le=100)]] = Field(
        default_factory=dict, description="Points lost per rule id, overriding the catalogue"
    )
    enable: list[RuleId] = Field(default_factory=list, description="Rules off by default to score")
    disable: list[RuleId] = Field(default_factory=list, description="Rules not to score")


# --- The guide: the scenario's own teaching text -----------------------------------------

#: the most characters a guide note may have in each language: a note is read in a glance,
#: beside the stage, by a first-timer (about four lines at the largest text size)
GUIDE_TEXT_MAX = 360
#: the most notes a scenario may carry (one at each phase's start and a few after an action)
GUIDE_NOTES_MAX = 40
GuideWords = Annotated[
    str, StringConstraints(min_length=1, max_length=GUIDE_TEXT_MAX, strip_whitespace=True)
]
#: the message of a note that names more than one moment to appear (translated for authors)
GUIDE_ONE_TRIGGER = "a guide note appears after an action or at a time, not both"
#: an action kind as the action log writes it (``admit_voter``); the lint checks it exists
ActionKind = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,39}$")]


class GuideText(Authored):
    """A guide note's words in Bahasa Indonesia and in English, short enough to read at once."""

    id: GuideWords = Field(description="Teks dalam Bahasa Indonesia / the Indonesian text")
    en: GuideWords = Field(description="The English text / teks dalam bahasa Inggris")

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


class GuideNote(Authored):
    """A note that explains the procedure while a phase is played ("Panduan"). Shown in both
    modes as the scenario's own teaching text, and never read by the engine: it describes the
    procedure, it does not judge, and it must not name the scenario's traps."""

    phase: Phase = Field(description="The phase whose screen shows the note")
    after: ActionKind | None = Field(
        None,
        description="Show it after the trainee's first action of this kind in the phase (as "
        "the action log names it, e.g. admit_voter); with neither after nor at, the note "
        "opens at the phase's start",
    )
    at: GameTime | None = Field(
        None, description="Show it once the game clock reaches this time in the phase"
    )
    text: GuideText = Field(description="The note, in both languages")

    @model_validator(mode="after")
    def _one_trigger(self) -> GuideNote:
        if self.after is not None and self.at is not None:
            raise ValueError(GUIDE_ONE_TRIGGER)
        return self


# --- The scenario --------------------------------------------------------------------------


class Scenario(Authored):
    """A polling-day situation for the trainee to run, whole or in part."""

    id: Identifier = Field(description="Stable id, used in logs and saves")
    title: Bilingual
    description: Bilingual
    election: ElectionType
    difficulty: Difficulty = Difficulty.SEDANG
    phases: list[Phase] = Field(min_length=1, description="Phases played, in the day's order")
    objectives: list[Bilingual] = Field(default_factory=list, max_length=20)
    mistakes: list[MistakeId] = Field(
        default_factory=list, description="MISTAKES.md entries this scenario trains"
    )
    seed: Int = Field(1, ge=0, le=2**63 - 1, description="Seed for every random draw")
    tps: Tps
    parties: list[Party] = Field(default_factory=list, max_length=40)
    contests: list[Contest] = Field(min_length=1, max_length=5)
    logistics: Logistics = Field(default_factory=Logistics)
    undelivered_notices: list[UndeliveredNotice] = Field(default_factory=list, max_length=50)
    witnesses: list[Witness] = Field(default_factory=list, max_length=30)
    ptps_arrives: GameTime = Field("06:30", description="When the Pengawas TPS arrives")
    voters: VoterStream = Field(default_factory=VoterStream)
    ballots: BallotSupply = Field(default_factory=BallotSupply)
    counting_start: CountingStart | None = Field(
        None, description="The day so far, when play starts after voting"
    )
    events: list[Event] = Field(default_factory=list, max_length=100)
    rules: RuleSettings = Field(default_factory=RuleSettings)
    packing: Packing = Field(
        default_factory=Packing, description="Which envelope and box each document goes into"
    )
    scoring: Scoring = Field(default_factory=Scoring)
    guide: list[GuideNote] = Field(
        default_factory=list,
        max_length=GUIDE_NOTES_MAX,
        description="Notes that explain each phase as it is played, for a first-timer",
    )

    @model_validator(mode="after")
    def _phases_in_day_order(self) -> Scenario:
        order = list(Phase)
        indices = [order.index(p) for p in self.phases]
        if indices != sorted(set(indices)):
            raise ValueError("phases must be listed once each, in the order of the day")
        return self

    def contest(self, ballot: BallotType) -> Contest | None:
        return next((c for c in self.contests if c.ballot is ballot), None)

    @property
    def ballot_types(self) -> tuple[BallotType, ...]:
        return tuple(c.ballot for c in self.contests)
