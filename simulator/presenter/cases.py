"""A finding's case in words: who or what it is about, and what was right for that case.

The core records a finding with the subject's id (a voter, a witness, a ballot in its box, a
C.Hasil cell, an event …) and the figures of the case (what was written, what was right, the
validity code of a ballot). This module turns them into the sentences a trainee reads under a
mistake: "Ballot 7 from the President box: punched in column 1 and column 2" and "Right:
invalid (punched in two columns)". It reads the world and the translation layer; it decides
nothing: every "right answer" here is one the core computed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from simulator.core.phases import incidents
from simulator.core.state import EventState, World
from simulator.core.targets import parse_target
from simulator.i18n import Catalog
from simulator.presenter.labels import (
    ballot_name,
    box_name,
    discrepancy_name,
    document_name,
    envelope_name,
    is_document,
    is_envelope,
    verdict_name,
)
from simulator.quiz.texts import cell_name, paper_lines
from simulator.schema.clock import format_minutes
from simulator.schema.types import BallotType, VoterList

_BALLOT_IN_BOX = re.compile(r"^(?P<type>[a-z_]+)#(?P<n>\d+)$")
_FORM_CELL = re.compile(r"^(?P<type>[a-z_]+):(?P<cell>.+)$")
_EVENT = re.compile(r"^event\.(?P<n>\d+)$")
_COME_BACK = re.compile(r"^kembali_(?P<h>\d\d)(?P<m>\d\d)$")  # asked back at HH:MM
_TIMES = ("time", "latest", "earliest", "arrived")
_BALLOT_TYPES = {b.value for b in BallotType}
_LISTS = {v.value for v in VoterList}


def case_text(rule_id: str, subject: str | None, params: Mapping[str, Any], world: World,
              cat: Catalog) -> str:
    """Who or what the finding is about, with the facts that made it a mistake; "" for a
    finding about the phase as a whole (the explanation then says it all)."""
    shown = display_params(params, cat, world)
    own = f"rule.{rule_id}.case"
    if cat.has(own):
        name = ballot_name(subject, cat) if subject in _BALLOT_TYPES else subject_name(
            subject, world, cat)
        return _formatted(cat, own, name, {**shown, "subject": name})
    if subject is None:
        return ""
    if (match := _BALLOT_IN_BOX.match(subject)) and match["type"] in _BALLOT_TYPES:
        return _ballot_case(BallotType(match["type"]), int(match["n"]), world, cat)
    if (match := _FORM_CELL.match(subject)) and match["type"] in _BALLOT_TYPES:
        return cat(
            "finding.case.cell",
            ballot=ballot_name(match["type"], cat),
            cell=cell_name(match["cell"], cat),
        )
    if subject.startswith(("ballots.", "box.", "item.")):
        return _delivery_case(subject, shown, world, cat)
    if (match := _EVENT.match(subject)) and int(match["n"]) < len(world.events):
        what = event_case(world.events[int(match["n"])], world, cat)
        return " ".join(t for t in (subject_name(subject, world, cat), what) if t)
    return subject_name(subject, world, cat)


def event_case(event: EventState, world: World, cat: Catalog) -> str:
    """What a fired event is about, as the engine fixed it: the ballot a witness objects to
    (with its marks and the ruling announced), the cell a figure is disputed in, the figure
    Sirekap read; "" for an event about the TPS as a whole."""
    if event.subject is None:
        return ""
    if (match := _BALLOT_IN_BOX.match(event.subject)) and match["type"] in _BALLOT_TYPES:
        ballot_type, number = BallotType(match["type"]), int(match["n"])
        rulings = world.counting.rulings.get(ballot_type, [])
        ruling = verdict_name(rulings[number - 1], cat) if number <= len(rulings) else ""
        return cat("finding.event.ballot", paper=_ballot_case(ballot_type, number, world, cat),
                   ruling=ruling)
    if (match := _FORM_CELL.match(event.subject)) and match["type"] in _BALLOT_TYPES:
        ballot_type, cell = BallotType(match["type"]), match["cell"]
        form = world.forms.entries.get(ballot_type)
        written = form.get(cell) if form is not None else None
        key = "finding.event.sirekap" if event.kind == "sirekap_salah_baca" else (
            "finding.event.cell")
        return cat(key, ballot=ballot_name(ballot_type.value, cat), cell=cell_name(cell, cat),
                   figure=event.figure, written=written)
    if event.subject in _BALLOT_TYPES:
        return cat("finding.event.box", ballot=ballot_name(event.subject, cat))
    return ""


def subject_name(subject: str | None, world: World, cat: Catalog) -> str:
    """The subject as a trainee knows it: a person's name, a ballot type, an event."""
    if subject is None:
        return ""
    state = world.voters.get(subject)
    if state is not None:
        voter = state.voter
        return cat("finding.case.voter", name=voter.name, age=voter.age,
                   sex=cat(f"finding.sex.{voter.sex.value}"))
    witness = next((w for w in world.scenario.witnesses if w.id == subject), None)
    if witness is not None:
        return cat("finding.case.witness", name=witness.name, represents=witness.represents)
    notice = next((n for n in world.scenario.undelivered_notices if n.id == subject), None)
    if notice is not None:
        return cat("finding.case.notice", name=notice.name)
    if (match := _EVENT.match(subject)) and int(match["n"]) < len(world.events):
        event = world.events[int(match["n"])]
        return cat("finding.case.event", event=cat(f"event.{event.kind}.title"),
                   time=clock_words(event.at, cat))
    if subject in _BALLOT_TYPES:
        return cat("finding.case.ballot_type", ballot=ballot_name(subject, cat))
    if is_document(subject):
        return document_name(subject, cat)
    if cat.has(f"label.recipient.{subject}"):
        return cat(f"label.recipient.{subject}")
    return discrepancy_name(subject, world, cat)


def right_text(rule_id: str, subject: str | None, params: Mapping[str, Any], world: World,
               cat: Catalog) -> str:
    """What was right for this case, as the core judged it; "" when the rule's explanation
    already says the one right action."""
    shown = display_params(params, cat, world)
    if "basis" in params:
        right = cat(f"desk.basis.{params['basis']}")
        if "tps" in params:  # the lookup found the voter on that TPS's list
            right = f"{right} {cat('desk.send_to', tps=params['tps'])}"
        return cat("finding.right.desk", right=right)
    if {"expected", "ruled", "code"} <= params.keys():
        return cat("finding.right.ballot", **shown)
    if {"expected", "written"} <= params.keys():
        return cat("finding.right.cell", **shown)
    if "undone" in params:
        return cat("finding.right.duties", undone=shown.get("undone", ""))
    if subject is not None and (match := _EVENT.match(subject)):
        index = int(match["n"])
        if index < len(world.events):
            correct = incidents.spec_of(world.events[index]).correct
            return cat("finding.right.event",
                       response=cat(f"action.event_response.{correct}"))
    return _formatted(cat, f"rule.{rule_id}.right", "", shown)


def clock_words(minutes: int, cat: Catalog) -> str:
    """A time of day as a sentence writes it: 09.45 in Indonesian, 09:45 in English."""
    text = format_minutes(minutes)
    return text.replace(":", ".") if cat.lang == "id" else text


def display_params(
    params: Mapping[str, Any], cat: Catalog, world: World | None = None
) -> dict[str, str]:
    """A finding's figures in words: times as HH.MM, ballot types, lists, reasons, people and
    rulings by their names; anything else as it is."""
    return {name: _param_words(name, value, cat, world) for name, value in params.items()}


def _param_words(name: str, value: Any, cat: Catalog, world: World | None) -> str:
    if value is None:
        return "—"
    if name in _TIMES and isinstance(value, int):
        return clock_words(value, cat)
    if world is not None and isinstance(value, str) and value in world.voters:
        return world.voters[value].voter.name
    if name in ("first", "cell") and isinstance(value, str):
        return cell_name(value, cat)
    if name in ("expected", "ruled") and isinstance(value, str) and value not in _BALLOT_TYPES:
        try:
            parse_target(value)
        except ValueError:
            return value
        return verdict_name(value, cat)
    if name == "code":
        return cat.get(f"validity.code.{value}.title", str(value))
    if name in ("box", "expected_box") and str(value) in _BALLOT_TYPES:  # a box packed
        return box_name(str(value), cat)
    if isinstance(value, str) and is_envelope(value):
        return envelope_name(value, cat)
    if name == "basis":
        return cat(f"desk.basis.{value}")
    if name == "undone":  # duties left after an event: "catat,ptps"
        return ", ".join(cat(f"label.duty.{duty}") for duty in str(value).split(",") if duty)
    if isinstance(value, list | tuple):
        return ", ".join(_one_value(str(v), cat) for v in value) or "—"
    return _one_value(str(value), cat)


def _one_value(value: str, cat: Catalog) -> str:
    if value in _BALLOT_TYPES:
        return ballot_name(value, cat)
    if value in _LISTS:
        return cat(f"list.{value}")
    for family in ("label.refuse_reason", "label.notice_reason", "action.event_response",
                   "label.signature"):
        if cat.has(f"{family}.{value}"):
            return cat(f"{family}.{value}")
    if (match := _COME_BACK.match(value)) is not None:
        time = f"{match['h']}.{match['m']}" if cat.lang == "id" else f"{match['h']}:{match['m']}"
        return cat("desk.reason.kembali", time=time)
    return value


def _ballot_case(ballot_type: BallotType, number: int, world: World, cat: Catalog) -> str:
    """The ballot as it was shown: which box, its number in the count, and its marks."""
    box = world.boxes.get(ballot_type)
    heading = cat("finding.case.ballot", ballot=ballot_name(ballot_type.value, cat), n=number)
    if box is None or not 0 < number <= len(box.contents):
        return heading
    paper = box.contents[number - 1]
    # The first line of the paper's words repeats its type, and a signed ballot is the usual
    # case: what is left is what makes this ballot what it is.
    lines = paper_lines(paper, cat)[1:]
    if paper.signed:
        lines = [line for line in lines if line != cat("quiz.paper.signed")]
    return heading + " " + " ".join(lines)


def _delivery_case(subject: str, shown: Mapping[str, str], world: World, cat: Catalog) -> str:
    """A problem in the delivery, with its figures (how many came, how many should have)."""
    name = discrepancy_name(subject, world, cat)
    group, _, rest = subject.partition(".")
    what = rest.rpartition(".")[2]
    key = f"finding.case.delivery.{group}.{what}" if group == "ballots" else (
        f"finding.case.delivery.{group}")
    return _formatted(cat, key, name, {**shown, "name": name})


def _formatted(cat: Catalog, key: str, fallback: str, params: Mapping[str, str]) -> str:
    """``key`` with the finding's figures, or ``fallback`` when the text is absent or asks
    for a figure this finding does not carry (a report of a problem that was not there)."""
    if not cat.has(key):
        return fallback
    try:
        return cat(key, **params)
    except (KeyError, IndexError):
        return fallback
