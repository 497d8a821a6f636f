"""A situation question's answer, from the rules the game plays by.

A voter at the desk is judged by :func:`simulator.core.desk.decide_in`, the function the
voting phase asks; an event by the event rules (:data:`~simulator.core.phases.incidents.
EVENT_RULES`): the response the rules require. The options offered are the engine's too: for an
event, its responses; for a voter, the right decision among a few others the desk could take,
picked by what the voter shows (ink, a Model A, another TPS's list ...), in a fixed order, so a
question offers the same choices every time.

Decisions and responses are written as short codes, which are also the answers a trainee gives
and the records keep:

- ``admit:<list>`` with every ballot type of the TPS, ``admit:<list>:<type>+<type>`` with some;
- ``come_back:<HH:MM>``;
- ``refuse:<reason>``, or ``refuse:salah_tps:<n>`` when the lookup names TPS ``n``;
- an event's response as the game names it (``lapor_ptps``, ``tolak`` ...).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from simulator.core.desk import Decision, DeskView, Reason, decide_in, open_dptb_hour
from simulator.core.domain import BALLOT_ORDER, CLOSING_TIME, DPK_FROM
from simulator.core.phases.event_rules import EVENT_RULES, rules_for
from simulator.core.phases.incidents import responses
from simulator.schema.clock import format_minutes, to_minutes
from simulator.schema.quiz import SituationQuestion
from simulator.schema.scenario import DocumentKind, EventKind, Registration, RuleSettings
from simulator.schema.types import BallotType, ElectionType, Phase, VoterList

# A Pilkada TPS holds the governor's ballot and one of regent or mayor: the regent's unless the
# question says otherwise.
DEFAULT_TYPES: dict[ElectionType, tuple[BallotType, ...]] = {
    ElectionType.PEMILU_2024: BALLOT_ORDER[ElectionType.PEMILU_2024],
    ElectionType.PILKADA_2024: (BallotType.GUBERNUR, BallotType.BUPATI),
}
OPTION_COUNT = 4  # the right decision and three others, for a voter


class SituationProblem(ValueError):
    """The engine cannot pose the case as a question: a content error the lint reports."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class SituationKey:
    """The right answer to a situation, the options around it, and the rule that decides it.

    ``basis`` is the desk's basis code for a voter (text under ``desk.basis.<code>``); for an
    event, ``rule`` is the rule a wrong response breaks (its explanation says what is right).
    """

    answer: str
    options: tuple[str, ...]  # the right one first
    basis: str | None = None
    send_to: int | None = None
    rule: str | None = None


def situation_key(question: SituationQuestion) -> SituationKey:
    """The engine's answer to ``question``; :class:`SituationProblem` when it has none."""
    if question.event is not None:
        return _event_key(question)
    return _voter_key(question)


# --- A voter at the desk -------------------------------------------------------------------


def ballot_types(question: SituationQuestion) -> tuple[BallotType, ...]:
    """The ballot types of the question's TPS, in the prescribed order."""
    wanted = question.ballot_types or DEFAULT_TYPES[question.election]
    return tuple(t for t in BALLOT_ORDER[question.election] if t in wanted)


def desk_time(question: SituationQuestion) -> int:
    """The time the voter stands at the desk (minutes)."""
    assert question.voter is not None
    return to_minutes(question.at or question.voter.arrives)


def desk_view(question: SituationQuestion) -> DeskView:
    """The day as the question describes it: its time, election, ballots and the one local
    setting a question may show (the hour DPTb voters are served from); every other point the
    handbook leaves open keeps the settled default, so a case it leaves open has no answer."""
    return DeskView(
        clock=desk_time(question),
        election=question.election,
        rules=RuleSettings(dptb_from=question.dptb_from),
        types=ballot_types(question),
        exhausted=frozenset(question.out_of),
    )


def decision_code(decision: Decision, view: DeskView) -> str:
    """A decision as an answer code; :class:`SituationProblem` for a case the rules leave open."""
    if decision.action == "admit":
        assert decision.list is not None
        return _admit(decision.list, decision.ballots, view)
    if decision.action == "come_back":
        assert decision.come_back_at is not None
        return f"come_back:{format_minutes(decision.come_back_at)}"
    if decision.action == "refuse":
        assert decision.reason is not None
        return _refuse(decision.reason, decision.send_to)
    raise SituationProblem("quiz.situation_unsettled", basis=decision.basis)


def _admit(voter_list: VoterList, ballots: Iterable[BallotType], view: DeskView) -> str:
    chosen = tuple(ballots)
    if chosen == view.types:
        return f"admit:{voter_list}"
    return f"admit:{voter_list}:{'+'.join(str(t) for t in chosen)}"


def _refuse(reason: Reason, send_to: int | None = None) -> str:
    return f"refuse:{reason}" + (f":{send_to}" if send_to is not None else "")


def _voter_key(question: SituationQuestion) -> SituationKey:
    voter = question.voter
    assert voter is not None
    view = desk_view(question)
    decision = decide_in(voter, view)
    if open_dptb_hour(decision, view) is not None:  # §15 item 2: serve now, or at 11:00
        raise SituationProblem("quiz.situation_unsettled", basis="dptb_jam_pilkada")
    right = decision_code(decision, view)
    options = [right]
    for code in _tempting(question, view):
        if code not in options:
            options.append(code)
        if len(options) == OPTION_COUNT:
            break
    return SituationKey(right, tuple(options), decision.basis, decision.send_to)


def _tempting(question: SituationQuestion, view: DeskView) -> list[str]:
    """Decisions a hurried desk might take for this voter, the most tempting first: what the
    voter's papers and the list seem to say, then the usual refusals and the DPK hours."""
    voter = question.voter
    assert voter is not None
    codes: list[str] = []
    model_a = next((d for d in voter.documents if d.kind is DocumentKind.MODEL_A), None)
    if voter.inked:
        codes.append(_refuse(Reason.BERTINTA))
    if view.clock > CLOSING_TIME or to_minutes(voter.arrives) > CLOSING_TIME:
        codes.append(_refuse(Reason.SUDAH_DITUTUP))
    if voter.registered is Registration.DPT:
        codes.append(_admit(VoterList.DPT, view.types, view))
    if model_a is not None:
        written = [t for t in view.types if t in model_a.ballots]
        if written:
            codes.append(_admit(VoterList.DPTB, written, view))
        codes.append(_admit(VoterList.DPTB, view.types, view))
    if question.dptb_from is not None:
        codes.append(f"come_back:{format_minutes(to_minutes(question.dptb_from))}")
    if model_a is not None:
        # M16: a transferred voter not on the DPT told to come back as DPK, or sent away.
        codes += [f"come_back:{format_minutes(DPK_FROM)}", _refuse(Reason.SALAH_TPS)]
    if voter.other_tps is not None:
        codes.append(_refuse(Reason.SALAH_TPS, voter.other_tps))
    if voter.registered is Registration.NONE and model_a is None:
        codes.append(_admit(VoterList.DPK, view.types, view))
        codes.append(f"come_back:{format_minutes(DPK_FROM)}")
    # Never Reason.LUAR_DOMISILI: a bare refusal whose words describe a non-resident truly,
    # and which the desk never gives (it directs them: SALAH_TPS), would be a trap, not a
    # lesson, and an option that is never right teaches to skip it.
    codes += [
        _refuse(Reason.TANPA_IDENTITAS),
        _refuse(Reason.SALAH_TPS),
        f"come_back:{format_minutes(DPK_FROM)}",
        _admit(VoterList.DPK, view.types, view),
        _admit(VoterList.DPT, view.types, view),
    ]
    return codes


# --- An event -------------------------------------------------------------------------------


def event_phase(question: SituationQuestion) -> Phase:
    """The phase the event happens in: the question's, or the first its rules allow."""
    assert question.event is not None
    phases = EVENT_RULES[question.event.kind].phases
    return question.phase if question.phase in phases else phases[0]


def _event_key(question: SituationQuestion) -> SituationKey:
    event = question.event
    assert event is not None
    spec = rules_for(EventKind(event.kind), event.ballot)
    if question.phase is not None and question.phase not in spec.phases:
        raise SituationProblem("quiz.situation_phase", kind=event.kind.value,
                               phase=str(question.phase),
                               allowed=", ".join(str(p) for p in spec.phases))
    options = responses(event.kind)
    if any(r != spec.correct and r not in spec.wrong for r in options):
        # More than one answer is right for this sheet (a misread Pilkada sheet corrected or
        # flagged, §19.3 being the Pemilu's): no single answer to ask for.
        raise SituationProblem("quiz.situation_unsettled", basis=event.kind.value)
    rule = next(iter(spec.wrong.values()))
    return SituationKey(spec.correct, options, rule=rule.id)
