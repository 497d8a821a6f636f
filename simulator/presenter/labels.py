"""Actions in words, for buttons, the trainer's log viewer and the debrief.

Where a sentence is written for an action (``sentence.<kind>…``: "Record in the C.Kejadian
Khusus: Dewi Lestiani turned away for inked fingers"), its label is that sentence. Otherwise it
is its kind's text (``action.<kind>``) followed by its parameters in words: a ballot type's
name, a voter's name, an item's name. Ids a scene cannot name are shown as they are, so a new
parameter is never hidden.
"""

from __future__ import annotations

from simulator.core import forms, packing
from simulator.core.actions import Action
from simulator.core.state import World
from simulator.core.targets import parse_target
from simulator.i18n import Catalog
from simulator.schema.types import BallotType

BALLOT_VALUES = frozenset(b.value for b in BallotType)

# Parameters whose value names an entry under ``label.<family>.<value>``.
FAMILIES: dict[str, str] = {
    "signature": "signature",
    "recipient": "recipient",
    "place": "place",
    "method": "method",
    "topic": "topic",
}


def action_label(action: Action, world: World, cat: Catalog) -> str:
    """The action's sentence where one is written, else ``Hand over the ballots: Siti Aminah
    — PPWP, DPR``-style text, for any action."""
    sentence = action_sentence(action, world, cat)
    if sentence is not None:
        return sentence
    kind_text = cat.get(f"action.{action.kind}", action.kind)
    details = [
        text
        for name, value in action.params().items()
        if (text := param_text(action.kind, name, value, world, cat))
    ]
    return f"{kind_text}: {', '.join(details)}" if details else kind_text


def action_sentence(action: Action, world: World, cat: Catalog) -> str | None:
    """The action as a sentence a trainee reads, where one is written; else None."""
    params = action.params()
    key = _sentence_key(action.kind, params, world)
    if key is None or not cat.has(key):
        return None
    words = {name: param_text(action.kind, name, v, world, cat) for name, v in params.items()}
    if "to" in words and cat.lang == "id":
        words["to"] = words["to"].replace(":", ".")  # Indonesian writes 12.00
    target = str(params.get("target") or params.get("discrepancy") or "")
    family, _, rest = target.partition(".")
    if family in ("ballots", "box"):
        words["ballot"] = ballot_name(rest.partition(".")[0], cat)
    elif family == "item":
        words["item"] = item_name(rest, cat)
    return cat(key, **words)


def _sentence_key(kind: str, params: dict[str, object], world: World) -> str | None:
    """Which ``sentence.*`` text says this action, from its kind and what it is about."""
    if kind in ("advance_clock", "open_count"):
        return f"sentence.{kind}"
    subject = str(params.get("subject", ""))
    if kind == "record_event":
        return f"sentence.record_event.{params.get('topic')}"
    if kind == "inform_pps":
        return "sentence.inform_pps.event" if subject.startswith("event.") else None
    if kind == "inform_ptps":
        if subject in world.voters:
            return "sentence.inform_ptps.voter"
        if subject.startswith("event."):
            return "sentence.inform_ptps.event"
        return "sentence.inform_ptps.ballot" if subject in BALLOT_VALUES else None
    if kind == "inspect":
        return f"sentence.inspect.{str(params.get('target')).partition('.')[0]}"
    if kind == "report":
        parts = str(params.get("discrepancy")).split(".")
        if len(parts) == 3 and parts[0] in ("ballots", "box"):
            return f"sentence.report.{parts[0]}.{parts[2]}"
        return "sentence.report.item" if len(parts) == 2 and parts[0] == "item" else None
    return None


def voter_name(voter_id: str, world: World, cat: Catalog) -> str:
    """A voter by name; a namesake of another voter of the day also by age and arrival, so a
    record about one is never taken for the other."""
    state = world.voters.get(voter_id)
    if state is None:
        return voter_id
    voter = state.voter
    namesakes = [v for v in world.voters.values() if v.voter.name == voter.name]
    if len(namesakes) < 2:
        return voter.name
    arrived = str(voter.arrives)
    time = arrived.replace(":", ".") if cat.lang == "id" else arrived
    return cat("label.namesake", name=voter.name, age=voter.age, time=time)


def param_text(kind: str, name: str, value: object, world: World, cat: Catalog) -> str:
    if name == "ballot":
        return ballot_name(str(value), cat)
    if name == "document":
        return document_name(str(value), cat)
    if name == "envelope":
        return envelope_name(str(value), cat)
    if name == "box":
        return box_name(str(value), cat)
    if name == "ballots" and isinstance(value, list):
        return " + ".join(ballot_name(str(v), cat) for v in value)
    if name == "voter":
        return voter_name(str(value), world, cat)
    if name == "witness":
        witness = next((w for w in world.scenario.witnesses if w.id == value), None)
        return witness.name if witness else str(value)
    if name == "list":
        return cat.get(f"list.{value}", str(value))
    if name == "reason":
        family = "notice_reason" if kind == "return_notice" else "refuse_reason"
        return cat.get(f"label.{family}.{value}", str(value))
    if name == "target":
        return target_name(str(value), cat)
    if name == "verdict":
        return verdict_name(str(value), cat)
    if name == "field":
        return " · ".join(
            cat.get(ref.key, str(value), **ref.params) for ref in forms.field_label(str(value))
        )
    if name in ("discrepancy", "subject"):
        return discrepancy_name(str(value), world, cat)
    if name == "response":
        return cat.get(f"action.event_response.{value}", str(value))
    if name == "event":
        index = int(str(value))
        event = world.events[index] if 0 <= index < len(world.events) else None
        return cat.get(f"event.{event.kind}.title", str(value)) if event else str(value)
    if name == "public":
        return cat("label.public.yes" if value else "label.public.no")
    if name == "marked_ineligible":
        return cat("label.board.marked" if value else "label.board.unmarked")
    if name == "notice":
        notice = next((n for n in world.scenario.undelivered_notices if n.id == value), None)
        return notice.name if notice else str(value)
    if name in FAMILIES:
        return cat.get(f"label.{FAMILIES[name]}.{value}", str(value))
    return str(value)


def verdict_name(verdict: str, cat: Catalog) -> str:
    """A counting ruling in words: the row it goes to on the plano, or "invalid"."""
    try:
        key, params = parse_target(verdict).label()
    except ValueError:
        return cat.get(f"label.verdict.{verdict}", verdict)
    return cat.get(key, verdict, **params)


def ballot_name(value: str, cat: Catalog) -> str:
    return cat.get(f"ballot.{value}", value)


def ballot_short(value: str, cat: Catalog) -> str:
    """A ballot type in a few words ("PPWP", "DPRD Provinsi"), for the packing lists."""
    return cat.get(f"label.ballot_short.{value}", value)


def document_name(document: str, cat: Catalog) -> str:
    """A document to pack ("c_hasil.ppwp" → "C.Hasil plano PPWP"); unknown ids as they are."""
    kind, _, ballot = document.partition(".")
    return cat.get(f"label.document.{kind}", document, ballot=ballot_short(ballot, cat))


def envelope_name(envelope: str, cat: Catalog) -> str:
    """An envelope ("sampul_c_hasil.ppwp" → "Sampul C.Hasil PPWP"); unknown ids as they are."""
    kind, _, ballot = envelope.partition(".")
    return cat.get(f"label.envelope.{kind}", envelope, ballot=ballot_short(ballot, cat))


def box_name(ballot: str, cat: Catalog) -> str:
    return cat("label.box", ballot=ballot_short(ballot, cat))


def is_document(value: str) -> bool:
    kind = value.partition(".")[0]
    return kind in packing.TYPE_DOCUMENTS or kind in packing.SHARED_DOCUMENTS


def is_envelope(value: str) -> bool:
    kind = value.partition(".")[0]
    return kind in packing.TYPE_ENVELOPES or kind in packing.SHARED_ENVELOPES


def item_name(value: str, cat: Catalog) -> str:
    return cat.get(f"label.item.{value}", value)


def target_name(target: str, cat: Catalog) -> str:
    """``ballots.dpr`` → "Ballot packets: DPR"; ``item.tinta`` → "Ink"."""
    family, _, rest = target.partition(".")
    if family == "item":
        return item_name(rest, cat)
    if family in ("ballots", "box"):
        return cat(f"label.target.{family}", ballot=ballot_name(rest, cat))
    return target


def discrepancy_name(discrepancy: str, world: World, cat: Catalog) -> str:
    """``ballots.dpr.count`` → "DPR ballots: wrong count"; a voter id → their name."""
    parts = discrepancy.split(".")
    if len(parts) == 3 and parts[0] in ("ballots", "box"):
        return cat(f"label.problem.{parts[0]}.{parts[2]}", ballot=ballot_name(parts[1], cat))
    if len(parts) == 2 and parts[0] == "item":
        return cat("label.problem.item", item=item_name(parts[1], cat))
    if discrepancy in world.voters:
        return voter_name(discrepancy, world, cat)
    if len(parts) == 2 and parts[0] == "event" and parts[1].isdigit():
        index = int(parts[1])
        if index < len(world.events):
            return cat(f"event.{world.events[index].kind}.title")
    if cat.has(f"ballot.{discrepancy}"):
        return ballot_name(discrepancy, cat)
    return cat.get(f"label.topic.{discrepancy}", discrepancy)
