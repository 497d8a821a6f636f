"""Timed events that call for a response: objections, intimidation, a colleague's bad idea.

An event fires when its phase is being played, the clock has reached its time (events of the
forms and handover phases are about the papers, not the hour) and its **premise holds** in the
day as played: a witness objects to a ballot only once a ballot has been ruled, and names it;
an objection to a figure comes once figures are written, and names the cell; Sirekap misreads
a sheet only after it was uploaded; intimidation in the queue needs a queue. The engine decides
the premise, not the clock alone. The trainee answers with
:class:`~simulator.core.actions.RespondToEvent`; an event still unanswered when its phase ends
counts as ignored, and one whose premise never held never happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.actions import IllegalAction, RespondToEvent
from simulator.core.judge import Judge
from simulator.core.rules import Rule
from simulator.core.state import EventState, World
from simulator.schema.scenario import EventKind
from simulator.schema.types import BallotType, Consequence, Phase, Severity

IGNORED = "abaikan"  # what an unanswered event counts as


@dataclass(frozen=True, slots=True)
class EventRules:
    phases: tuple[Phase, ...]
    correct: str
    wrong: dict[str, Rule]  # response → the rule it breaks (IGNORED included)


MOBILISATION_IGNORED = Rule(
    "pemungutan.mobilisasi_dibiarkan",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "HANDBOOK §5.9, §9; Bawaslu 2024 findings (S-BW19)",
    ("M27",),
    (Consequence.TEMUAN,),
)
INTIMIDATION_IGNORED = Rule(
    "pemungutan.intimidasi_dibiarkan",
    Phase.PEMUNGUTAN,
    Severity.BERAT,
    "HANDBOOK §5.9, §9; Bawaslu 2024 findings (S-BW19)",
    ("M27",),
    (Consequence.TEMUAN,),
)
BALLOT_MARKS_ALLOWED = Rule(
    "pemungutan.pemilih_diminta_menandai",
    Phase.PEMUNGUTAN,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 80(2)(b) (HANDBOOK §5.9, §11.1)",
    ("M26",),
    (Consequence.PSU,),
)
DAMAGE_ALLOWED = Rule(
    "penghitungan.surat_suara_dirusak",
    Phase.PENGHITUNGAN,
    Severity.KRITIS,
    "PKPU 25/2023 Pasal 80(2)(c) (HANDBOOK §11.1)",
    ("M37",),
    (Consequence.PSU,),
)
OBJECTION_IGNORED = Rule(
    "penghitungan.keberatan_tidak_ditangani",
    Phase.PENGHITUNGAN,
    Severity.BERAT,
    "HANDBOOK §9 (Kep. KPU 66/2024; PKPU 25/2023)",
    ("M44",),
    (Consequence.KEBERATAN,),
)
ORDER_PRESSURE = Rule(
    "penghitungan.urutan_atas_desakan",
    Phase.PENGHITUNGAN,
    Severity.RINGAN,
    "Kep. KPU 66/2024 Bab V B (HANDBOOK §7.1)",
    ("M32",),
    (Consequence.KEBERATAN,),
)
CORRECTION_OVERWRITTEN = Rule(
    "formulir.koreksi_ditimpa",
    Phase.FORMULIR,
    Severity.BERAT,
    "HANDBOOK §9 step 3 (coret, tulis yang benar, paraf)",
    ("M43",),
    (Consequence.KEBERATAN, Consequence.HITUNG_ULANG),
)
FIGURE_OBJECTION_IGNORED = Rule(
    "formulir.keberatan_tidak_dicatat",
    Phase.FORMULIR,
    Severity.BERAT,
    "HANDBOOK §9 steps 2-5",
    ("M44",),
    (Consequence.KEBERATAN,),
)
SIREKAP_UNCHECKED = Rule(
    "penyerahan.sirekap_tidak_diperiksa",
    Phase.PENYERAHAN,
    Severity.RINGAN,
    "HANDBOOK §10 step 3 (the plano is the legal record)",
    ("M47",),
    (),
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
    EventKind.SIREKAP_SALAH_BACA: EventRules(
        (Phase.PENYERAHAN,),
        "koreksi",
        {"kirim": SIREKAP_UNCHECKED, IGNORED: SIREKAP_UNCHECKED},
    ),
}

RULES: tuple[Rule, ...] = tuple(
    dict.fromkeys(rule for spec in EVENT_RULES.values() for rule in spec.wrong.values())
)

# Events about papers rather than the hour fire as soon as their phase starts.
_UNTIMED_PHASES = (Phase.FORMULIR, Phase.PENYERAHAN)


def responses(kind: EventKind) -> tuple[str, ...]:
    """The answers the trainee may give to an event of this kind, the right one first."""
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
    return True


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


def _judge_response(event: EventState, response: str, judge: Judge) -> None:
    spec = EVENT_RULES[EventKind(event.kind)]
    rule = spec.wrong.get(response)
    if rule is not None:
        judge.flag(rule, f"event.{event.index}", response=response)
    elif response == spec.correct:
        judge.world.special_events.append((event.kind, f"event.{event.index}"))


def finish(judge: Judge) -> None:
    """Events of the ending phase that were never answered count as ignored."""
    phase = judge.world.phase
    for event in judge.world.events:
        spec = EVENT_RULES[EventKind(event.kind)]
        if phase not in spec.phases or event.response is not None:
            continue
        if not event.fired:
            continue  # its time never came while the phase was played
        event.response = IGNORED
        rule = spec.wrong.get(IGNORED)
        if rule is not None:
            judge.flag(rule, f"event.{event.index}", response=IGNORED)


def awaiting(world: World) -> list[EventState]:
    return [e for e in world.events if e.fired and e.response is None]


def allowed(world: World) -> list[RespondToEvent]:
    return [
        RespondToEvent(event=e.index, response=r)
        for e in awaiting(world)
        for r in responses(EventKind(e.kind))
    ]
