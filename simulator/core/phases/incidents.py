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
from simulator.core.phases.event_rules import (
    DUTY_ORDER,
    EVENT_RULES,
    IGNORED,
    PPS,
    PTPS,
    RECORD,
    spec_of,
)
from simulator.core.phases.event_rules import (
    RULES as RULES,  # the rules this module's judging flags (test_rule_texts reads them here)
)
from simulator.core.state import EventState, World
from simulator.schema.scenario import EventKind
from simulator.schema.types import BallotType, Phase

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
        if RECORD in spec.done_by_response:  # "stop it and record it"
            judge.world.special_events.append((event.kind, subject))
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
