"""Timed events that call for a response: objections, intimidation, a colleague's bad idea.

An event fires when its phase is being played and the clock has reached its time (events of
the forms and handover phases fire as soon as the phase starts: they are about the papers,
not the hour). The trainee answers with :class:`~simulator.core.actions.RespondToEvent`; an
event still unanswered when its phase ends counts as ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.core.actions import IllegalAction, RespondToEvent
from simulator.core.judge import Judge
from simulator.core.rules import Rule
from simulator.core.state import EventState, World
from simulator.schema.scenario import EventKind
from simulator.schema.types import Consequence, Phase, Severity

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
    """Fire every event whose moment has come in the phase now played."""
    world = judge.world
    phase = world.phase
    for event in world.events:
        if event.fired or phase not in EVENT_RULES[EventKind(event.kind)].phases:
            continue
        if event.at <= world.clock or phase in _UNTIMED_PHASES:
            event.fired = True
            judge.emit("event", index=event.index, kind=event.kind)


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
