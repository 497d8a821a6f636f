"""Actions in words, for buttons, the trainer's log viewer and the debrief.

An action's label is its kind's text (``action.<kind>``) followed by its parameters in words:
a ballot type's name, a voter's name, an item's name. Ids a scene cannot name are shown as they
are, so a new parameter is never hidden.
"""

from __future__ import annotations

from simulator.core import forms
from simulator.core.actions import Action
from simulator.core.state import World
from simulator.core.targets import parse_target
from simulator.i18n import Catalog

# Parameters whose value names an entry under ``label.<family>.<value>``.
FAMILIES: dict[str, str] = {
    "signature": "signature",
    "recipient": "recipient",
    "place": "place",
    "method": "method",
    "topic": "topic",
}


def action_label(action: Action, world: World, cat: Catalog) -> str:
    """``Hand over the ballots: Siti Aminah — PPWP, DPR``-style text for any action."""
    kind_text = cat.get(f"action.{action.kind}", action.kind)
    details = [
        text
        for name, value in action.params().items()
        if (text := param_text(action.kind, name, value, world, cat))
    ]
    return f"{kind_text}: {', '.join(details)}" if details else kind_text


def param_text(kind: str, name: str, value: object, world: World, cat: Catalog) -> str:
    if name == "ballot":
        return ballot_name(str(value), cat)
    if name == "ballots" and isinstance(value, list):
        return " + ".join(ballot_name(str(v), cat) for v in value)
    if name == "voter":
        state = world.voters.get(str(value))
        return state.voter.name if state else str(value)
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
    state = world.voters.get(discrepancy)
    if state is not None:
        return state.voter.name
    if cat.has(f"ballot.{discrepancy}"):
        return ballot_name(discrepancy, cat)
    return cat.get(f"label.topic.{discrepancy}", discrepancy)
