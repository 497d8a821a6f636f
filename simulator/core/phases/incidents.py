"""Timed events that call for a response: objections, intimidation, a colleague's bad idea.

An event fires when its phase is being played, the clock has reached its time (events of the
forms and handover phases are about the papers, not the hour) and its **premise holds** in the
day as played: a witness objects to a ballot only once a ballot has been ruled, and names it;
an objection to a figure comes once figures are written, and names the cell; Sirekap misreads
a sheet only after it was uploaded; intimidation in the queue needs a queue. The engine decides
the premise, not the clock alone. The trainee answers with
:class:`~simulator.core.actions.RespondToEvent`; an event still unanswered when its phase ends
counts as ignored, and one whose premise never held never happened.

Some events also leave **duties** once rightly answered (HANDBOOK §17.3, §18.5): to record the
event in the Model C.Kejadian Khusus form (a :class:`RecordSpecialEvent` about ``event.N``) and to
tell the Pengawas TPS (an :class:`InformPtps` about ``event.N``). A response may do one of them
itself (telling the PTPS about vote buying *is* the response); a duty still undone when the phase
ends is judged by the event's own rule, which names the case and what was left undone.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.actions import (
    Action,
    IllegalAction,
    InformPps,
    InformPtps,
    RecordSpecialEvent,
    RespondToEvent,
)
from simulator.core.judge import Judge
from simulator.core.phases import continued_vote
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
from simulator.core.state import EventState, World
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
    EventKind.MOBILISASI: EventRules(
        (Phase.PEMUNGUTAN,),
        "hentikan_catat",
        {"biarkan": MOBILISATION_IGNORED, IGNORED: MOBILISATION_IGNORED},
    ),
    # Bawaslu found intimidation during voting and during counting (S-BW19).
    EventKind.INTIMIDASI: EventRules(
        (Phase.PEMUNGUTAN, Phase.PENGHITUNGAN),
        "hentikan_catat",
        {"biarkan": INTIMIDATION_IGNORED, IGNORED: INTIMIDATION_IGNORED},
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

_CANDIDATE_BOXES = (BallotType.DPR, BallotType.DPRD_PROV, BallotType.DPRD_KABKO)

# Events about papers rather than the hour fire as soon as their phase starts.
_UNTIMED_PHASES = (Phase.FORMULIR, Phase.PENYERAHAN)


def responses(kind: EventKind) -> tuple[str, ...]:
    """The answers the trainee may give to an event of this kind, whatever it is about: the
    same for every ballot type, so that what is offered never tells which one is right."""
    spec = EVENT_RULES[kind]
    return (spec.correct, *(r for r in spec.wrong if r != IGNORED))


def fire_due(judge: Judge) -> None:
    """Fire every event whose moment has come, and whose premise holds, in the phase now
    played; fix what it is about as it fires."""
    world = judge.world
    phase = world.phase
    for event in world.events:
        if event.fired or phase not in EVENT_RULES[EventKind(event.kind)].phases:
            continue
        if event.at > world.clock and phase not in _UNTIMED_PHASES:
            continue
        if not _premise_holds(event, world):
            continue
        event.fired = True
        judge.emit("event", index=event.index, kind=event.kind)


def _premise_holds(event: EventState, world: World) -> bool:
    """Whether what the event is about exists yet; sets ``event.subject``/``figure``."""
    kind = EventKind(event.kind)
    if kind in (EventKind.MOBILISASI, EventKind.INTIMIDASI) and world.phase is Phase.PEMUNGUTAN:
        return bool(world.queue)  # steering or threatening the voters in the queue
    if kind is EventKind.KEBERATAN_SAKSI:
        return _last_ruled_ballot(event, world)
    if kind is EventKind.ANGGOTA_MERUSAK_SURAT_SUARA:
        open_box = world.counting.open_box
        event.subject = open_box.value if open_box is not None else None
        return open_box is not None  # ballots out of the box, being unfolded
    if kind is EventKind.SAKSI_MINTA_URUTAN:
        waiting = [b for b in world.boxes if b not in world.counting.order]
        return world.counting.open_box is None and len(waiting) >= 2
    if kind is EventKind.KEBERATAN_ANGKA:
        return _disputed_cell(event, world)
    if kind is EventKind.SIREKAP_SALAH_BACA:
        return _misread_cell(event, world)
    if kind is EventKind.POLITIK_UANG:
        return bool(world.queue)  # envelopes for the people waiting in it
    if kind is EventKind.LISTRIK_PADAM:
        open_box = world.counting.open_box
        event.subject = open_box.value if open_box is not None else None
        return open_box is not None  # in the middle of a box's count
    if kind is EventKind.PENCATAT_PINDAH_SUARA:
        open_box = world.counting.open_box
        event.subject = open_box.value if open_box is not None else None
        return open_box in _CANDIDATE_BOXES  # candidates' rows only on DPR/DPRD ballots [P]
    if kind is EventKind.SIREKAP_MERAH:
        return _red_sheet(event, world)
    if kind is EventKind.SURAT_SUARA_KURANG:
        short = _short_ballot(world)
        event.subject = short.value if short is not None else None
        return short is not None
    if kind is EventKind.SIREKAP_GAGAL:
        return not world.handover.sirekap_uploaded  # it fails before anything went through
    if kind is EventKind.USUL_COBLOS_SISA:
        # while there are still unused ballots that have not been crossed out
        return any(not stock.unused_crossed for stock in world.stocks.values())
    return True


def _red_sheet(event: EventState, world: World) -> bool:
    """A C.Hasil written in full for a day that truly does not reconcile (its right figures
    fail an identity): what Sirekap's check turns red on."""
    from simulator.core import forms
    from simulator.core.phases import formulir  # the forms phase imports this module

    for ballot_type in _types_concerned(event, world):
        form = world.forms.entries.get(ballot_type)
        contest = world.scenario.contest(ballot_type)
        if form is None or contest is None or forms.missing_fields(form, contest):
            continue
        if forms.check_identities(formulir.expected(world, ballot_type), contest):
            event.subject = ballot_type.value
            return True
    return False


def _short_ballot(world: World) -> BallotType | None:
    """A ballot type the KPPS holds fewer of than the DPT voters of the day still to be served
    (each of whom gets every type), if any: the first such."""
    waiting = _dpt_still_to_serve(world)
    for ballot_type, stock in world.stocks.items():
        if stock.remaining < waiting:
            return ballot_type
    return None


def shortfall(world: World, ballot_type: BallotType) -> int:
    """How many ballots of ``ballot_type`` the DPT voters still to come need beyond the stock."""
    return max(0, _dpt_still_to_serve(world) - world.stocks[ballot_type].remaining)


def _dpt_still_to_serve(world: World) -> int:
    """The DPT voters of the day not yet given ballots nor turned away."""
    return sum(
        1 for v in world.voters.values()
        if v.voter.registered.value == "dpt" and not v.ballots and v.refused is None
    )


def _types_concerned(event: EventState, world: World) -> list[BallotType]:
    return [event.ballot] if event.ballot is not None else list(world.boxes)


def _last_ruled_ballot(event: EventState, world: World) -> bool:
    """The ballot just announced in the box the objection is about."""
    counting = world.counting
    for ballot_type in reversed(counting.order):
        if ballot_type in _types_concerned(event, world) and counting.rulings.get(ballot_type):
            event.subject = f"{ballot_type.value}#{len(counting.rulings[ballot_type])}"
            return True
    return False


def _disputed_cell(event: EventState, world: World) -> bool:
    """A figure already written on the C.Hasil: a wrong one if there is one, else the first."""
    from simulator.core.phases import formulir  # the forms phase imports this module

    for ballot_type in _types_concerned(event, world):
        form = world.forms.entries.get(ballot_type)
        if form is None:
            continue
        written = [c for c in form.field_ids() if form.get(c) is not None]
        if not written:
            continue
        truth = formulir.expected(world, ballot_type)
        wrong = [c for c in written if form.get(c) != truth.get(c)]
        cell = (wrong or written)[0]
        event.subject = f"{ballot_type.value}:{cell}"
        event.figure = form.get(cell)
        return True
    return False


def _misread_cell(event: EventState, world: World) -> bool:
    """A sheet already sent through Sirekap, and the figure the app read wrong on it: the
    largest vote count, read with a 7 for its first digit as in the Langkat case (M47)."""
    for ballot_type in _types_concerned(event, world):
        if ballot_type not in world.handover.sirekap_uploaded:
            continue
        form = world.forms.entries.get(ballot_type)
        if form is None:
            continue
        votes = [c for c in form.field_ids() if c.startswith("IV.") and form.get(c)]
        if not votes:
            continue
        cell = max(votes, key=lambda c: (form.get(c) or 0, c))
        value = form.get(cell) or 0
        event.subject = f"{ballot_type.value}:{cell}"
        event.figure = _misread(value)
        return True
    return False


def _misread(value: int) -> int:
    """What a smudged first digit turns into: 1 becomes 7, anything else 8."""
    text = str(value)
    first = "7" if text[0] == "1" else "8"
    return int(first + text[1:]) if text[0] != first else value + 600


def respond(action: RespondToEvent, judge: Judge) -> None:
    world = judge.world
    if action.event >= len(world.events):
        raise IllegalAction(f"no event number {action.event}")
    event = world.events[action.event]
    if not event.fired or event.response is not None:
        raise IllegalAction(f"event {action.event} is not awaiting a response")
    kind = EventKind(event.kind)
    if action.response not in responses(kind):
        raise IllegalAction(f"{action.response!r} is not an answer to {kind.value}")
    event.response = action.response
    _judge_response(event, action.response, judge)
    continued_vote.halt(event, judge)


def _judge_response(event: EventState, response: str, judge: Judge) -> None:
    spec = spec_of(event)
    rule = spec.wrong.get(response)
    subject = subject_of(event)
    if rule is not None:
        judge.flag(rule, subject, response=response)
    elif response == spec.correct and not spec.duties:
        # An event without duties of its own is recorded by its right response.
        judge.world.special_events.append((event.kind, subject))
    elif response == spec.correct:
        if EventKind(event.kind) is EventKind.SURAT_SUARA_KURANG and event.subject:
            # The PPS brings what is short from a nearby TPS; this TPS records the addition
            # in what it received (HANDBOOK §17.4.3).
            short = BallotType(event.subject)
            judge.world.stocks[short].received += shortfall(judge.world, short)
        if PTPS in spec.done_by_response:
            judge.world.ptps_informed.add(subject)
        if PPS in spec.done_by_response:
            judge.world.reported.add(subject)


def subject_of(event: EventState) -> str:
    """How records and reports name an event: ``event.N``."""
    return f"event.{event.index}"


def duties_left(event: EventState, world: World) -> list[str]:
    """The duties the right answer to ``event`` left that are still undone (what is judged)."""
    spec = spec_of(event)
    if event.response != spec.correct:
        return []
    return [duty for duty in DUTY_ORDER if duty in spec.duties - _done(event, world)]


def follow_ups(event: EventState, world: World) -> list[Action]:
    """What can still be done about an answered event of a kind that leaves duties: record it,
    tell the PTPS. Offered whatever the answer was, so that what is offered never tells a right
    answer from a wrong one; only after the right one is leaving them undone judged."""
    spec = spec_of(event)
    if not spec.duties or not event.fired or event.response in (None, IGNORED):
        return []
    subject = subject_of(event)
    made: dict[str, Action] = {
        RECORD: RecordSpecialEvent(topic=event.kind, subject=subject),
        PTPS: InformPtps(subject=subject),
        PPS: InformPps(subject=subject),
    }
    done = _done(event, world)
    return [made[duty] for duty in DUTY_ORDER if duty not in done]


def duty_actions(event: EventState, world: World) -> list[Action]:
    """What would do each duty the right answer still leaves (for the careful crew)."""
    left = set(duties_left(event, world))
    return [a for a in follow_ups(event, world) if _duty_of(a) in left]


def _duty_of(action: Action) -> str:
    if isinstance(action, RecordSpecialEvent):
        return RECORD
    return PTPS if isinstance(action, InformPtps) else PPS


def _done(event: EventState, world: World) -> set[str]:
    subject = subject_of(event)
    done = {RECORD} if any(s == subject for _, s in world.special_events) else set()
    if subject in world.ptps_informed:
        done.add(PTPS)
    if subject in world.reported:
        done.add(PPS)
    return done


def finish(judge: Judge) -> None:
    """Events of the ending phase that were never answered count as ignored; duties the right
    answer left undone are judged."""
    phase = judge.world.phase
    for event in judge.world.events:
        spec = spec_of(event)
        if phase not in spec.phases or not event.fired:
            continue  # not this phase's, or its time never came while the phase was played
        left = duties_left(event, judge.world)
        if left and spec.unreported is not None:
            judge.flag(spec.unreported, subject_of(event), undone=",".join(left))
        if event.response is not None:
            continue
        event.response = IGNORED
        rule = spec.wrong.get(IGNORED)
        if rule is not None:
            judge.flag(rule, subject_of(event), response=IGNORED)


def awaiting(world: World) -> list[EventState]:
    return [e for e in world.events if e.fired and e.response is None]


def allowed(world: World) -> list[Action]:
    """The responses to events waiting, then the duties answered events still leave."""
    answers: list[Action] = [
        RespondToEvent(event=e.index, response=r)
        for e in awaiting(world)
        for r in responses(EventKind(e.kind))
    ]
    for event in world.events:
        answers += follow_ups(event, world)
    return answers
