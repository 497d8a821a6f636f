"""A situation question in words: the case (who, when, which papers, what the list shows, or
what happened), the decisions offered, and the engine's ruling.

Built from the game's own texts where they exist (the desk's documents and reasons, the
events' narrations and responses, the rules' explanations), so the quiz and the voting desk
describe a case alike. Display only: which answer is right is
:mod:`simulator.core.situations`'s business.
"""

from __future__ import annotations

from simulator.core.situations import SituationKey, ballot_types, desk_time, event_phase
from simulator.i18n import Catalog
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.quiz import SituationQuestion
from simulator.schema.scenario import Document, DocumentKind, Registration, Voter
from simulator.schema.types import BallotType

_KIND = "scene.pemungutan.documents.kind"
_SHORT = "scene.pemungutan.short"
_IDENTITY = frozenset({DocumentKind.KTP_EL, DocumentKind.SUKET, DocumentKind.KTP_FOTOKOPI,
                       DocumentKind.KTP_FOTO_HP, DocumentKind.IKD, DocumentKind.KK,
                       DocumentKind.SIM})


def clock(minutes: int, cat: Catalog) -> str:
    """A time of day as a sentence writes it: 09.45 in Indonesian, 09:45 in English (past
    midnight too: the case says the hour, not the day)."""
    text = format_minutes(minutes % (24 * 60))
    return text.replace(":", ".") if cat.lang == "id" else text


def short_ballots(types: list[BallotType] | tuple[BallotType, ...], cat: Catalog) -> str:
    return ", ".join(cat(f"{_SHORT}.{t}") for t in types)


# --- The case ------------------------------------------------------------------------------


def situation_lines(question: SituationQuestion, cat: Catalog) -> list[str]:
    """The case, one line each: what the trainee sees before choosing."""
    if question.event is not None:
        return _event_lines(question, cat)
    return _voter_lines(question, cat)


def _voter_lines(question: SituationQuestion, cat: Catalog) -> list[str]:
    voter = question.voter
    assert voter is not None
    types = ballot_types(question)
    lines = [cat("quiz.situation.tps", election=cat(f"election.{question.election}"),
                 ballots=short_ballots(types, cat))]
    if question.dptb_from is not None:
        lines.append(cat("quiz.situation.dptb_from", time=clock(to_minutes(question.dptb_from),
                                                                  cat)))
    if question.out_of:
        lines.append(cat("quiz.situation.out_of", ballots=short_ballots(question.out_of, cat)))
    arrives, at = to_minutes(voter.arrives), desk_time(question)
    lines.append(cat("quiz.situation.voter", name=voter.name, age=voter.age,
                     sex=cat(f"quiz.situation.sex.{voter.sex}"), time=clock(arrives, cat)))
    if at != arrives:
        lines.append(cat("quiz.situation.at_desk", time=clock(at, cat)))
    lines.append(cat("quiz.situation.lookup", found=_lookup(voter, cat)))
    if voter.documents:
        # One line, the documents apart by semicolons: the options keep their room below.
        lines.append(cat("quiz.situation.documents", documents="; ".join(
            _document(doc, voter, cat) for doc in voter.documents)))
    else:
        lines.append(cat("scene.pemungutan.documents.none"))
    lines.append(cat("scene.pemungutan.ink.seen" if voter.inked else "scene.pemungutan.ink.clean"))
    return lines


def situation_prompt(question: SituationQuestion, cat: Catalog) -> str:
    """What a situation asks when its author wrote no question."""
    return cat("quiz.situation.prompt_event" if question.event is not None
               else "quiz.situation.prompt_voter")


def situation_summary(question: SituationQuestion, cat: Catalog) -> str:
    """The case in one line, for the feedback after an answer: who came when, or what
    happened when."""
    if question.event is not None:
        event = question.event
        return cat("quiz.situation.summary_event", title=cat(f"event.{event.kind.value}.title"),
                   time=clock(to_minutes(event.at), cat))
    voter = question.voter
    assert voter is not None
    return cat("quiz.situation.voter", name=voter.name, age=voter.age,
               sex=cat(f"quiz.situation.sex.{voter.sex}"),
               time=clock(to_minutes(voter.arrives), cat))


def _lookup(voter: Voter, cat: Catalog) -> str:
    """What the search of this TPS's lists shows for the voter's name."""
    if voter.registered is Registration.DPT:
        key = "moved" if voter.transferred_out else "dpt"
        return cat(f"quiz.situation.found.{key}")
    if voter.registered is Registration.DPTB:
        return cat("quiz.situation.found.dptb")
    if voter.other_tps is not None:
        return cat("quiz.situation.found.other_tps", tps=f"{voter.other_tps:03d}")
    return cat("quiz.situation.found.none")


def _document(doc: Document, voter: Voter, cat: Catalog) -> str:
    parts = [cat(f"{_KIND}.{doc.kind.value}")]
    if doc.name is not None and " ".join(doc.name.split()).casefold() \
            != " ".join(voter.name.split()).casefold():
        parts.append(cat("quiz.situation.doc.name", name=doc.name))
    if doc.kind in (DocumentKind.C_PEMBERITAHUAN, DocumentKind.MODEL_A):
        parts.append(cat(f"quiz.situation.doc.tps_{doc.tps}"))
    if doc.kind is DocumentKind.MODEL_A:
        parts.append(cat("quiz.situation.doc.ballots", ballots=short_ballots(doc.ballots, cat))
                     if doc.ballots else cat("quiz.situation.doc.no_ballots"))
    if doc.kind in _IDENTITY:
        parts.append(cat(f"quiz.situation.address.{doc.address.value}"))
    return ", ".join(parts)


def _event_lines(question: SituationQuestion, cat: Catalog) -> list[str]:
    event = question.event
    assert event is not None
    phase = event_phase(question)
    lines = [cat("quiz.situation.event_when", election=cat(f"election.{question.election}"),
                 phase=cat(f"phase.{phase}"), time=clock(to_minutes(event.at), cat))]
    lines.append(cat(f"event.{event.kind.value}.title"))
    lines.append(cat(f"event.{event.kind.value}.narration"))
    if event.ballot is not None:
        lines.append(cat("quiz.situation.event_ballot", ballot=cat(f"ballot.{event.ballot}")))
    return lines


# --- The decisions offered, and the ruling --------------------------------------------------


def situation_option_text(question: SituationQuestion, code: str, cat: Catalog) -> str:
    """A decision or a response, as the trainee reads it among the options."""
    if question.event is not None:
        return cat.get(f"action.event_response.{code}", code)
    action, _, rest = code.partition(":")
    if action == "admit":
        voter_list, _, ballots = rest.partition(":")
        name = cat(f"quiz.situation.list.{voter_list}")
        if not ballots:
            return cat("quiz.situation.option.admit_all", list=name,
                       ballots=short_ballots(ballot_types(question), cat))
        chosen = [BallotType(t) for t in ballots.split("+")]
        return cat("quiz.situation.option.admit_some", list=name,
                   ballots=short_ballots(chosen, cat))
    if action == "come_back":
        return cat("quiz.situation.option.come_back", time=clock(to_minutes(rest), cat))
    reason, _, tps = rest.partition(":")
    if tps:
        return cat("quiz.situation.option.send_to", tps=f"{int(tps):03d}")
    return cat("quiz.situation.option.refuse", reason=cat(f"desk.reason.{reason}"))


def situation_explanation(question: SituationQuestion, key: SituationKey, explanation: str,
                          cat: Catalog) -> str:
    """The engine's reason for the right answer (the desk's basis, or why the event rules
    require the response), then the author's ``explanation``."""
    if key.basis is not None:
        ruling = cat(f"desk.basis.{key.basis}")
        if key.send_to is not None:
            ruling = f"{ruling} {cat('desk.send_to', tps=f'{key.send_to:03d}')}"
        return cat("quiz.situation.ruling", ruling=ruling, explanation=explanation)
    assert key.rule is not None
    # The right response is named just above the explanation (quiz.play.right_answer); the
    # rule's explanation is read as written: it names no figure of a day here.
    return cat("quiz.situation.event_ruling",
               rule=cat.get(f"rule.{key.rule}.explanation", ""), explanation=explanation)
