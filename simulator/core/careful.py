"""A careful crew: plays any scenario through every phase the way the rules say.

It asks the engine what is right (the desk decision, the ballot verdict, the expected form)
and does it, so a careful playthrough of a well-formed scenario has no findings. It serves as
the trainer's "show me a correct day", the source of recorded correct playthroughs, the
benchmark's workload, and a baseline for tests. Each decision is a method, so a scripted
careless crew can override exactly the steps it gets wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from simulator.core import desk
from simulator.core.actions import (
    Action,
    AdvanceClock,
    EndPhase,
    InformPtps,
    RecordSpecialEvent,
    RespondToEvent,
)
from simulator.core.domain import BALLOT_ORDER, CLOSING_TIME, DPK_FROM, OPENING_TIME
from simulator.core.engine import Simulation
from simulator.core.phases import (
    formulir,
    incidents,
    logistik,
    pembukaan,
    pemungutan,
    penghitungan,
    penutupan,
    penyerahan,
)
from simulator.core.state import EventState, VoterState, World
from simulator.schema.ballot import Ballot
from simulator.schema.clock import format_minutes
from simulator.schema.scenario import EventKind
from simulator.schema.types import BallotType, Phase

# The C.Kejadian Khusus topic for each refusal or admission the desk says to record.
RECORD_TOPIC: dict[str, str] = {
    "bertinta": "pemilih_bertinta",
    "identitas_tidak_cocok": "identitas_tidak_cocok",
}


class CarefulCrew:
    """Plays a simulation to its end, one correct action at a time."""

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim

    @property
    def world(self) -> World:
        return self.sim.world

    def do(self, action: Action) -> None:
        self.sim.apply(action)
        self.respond_to_events()

    def play(self) -> Simulation:
        return self.play_to(None)

    def play_to(self, phase: Phase | None) -> Simulation:
        """Play whole phases until the day reaches ``phase`` (None: to the end of the day)."""
        while not self.sim.finished and self.world.phase is not phase:
            current = self.world.phase
            assert current is not None
            for action in self.phase_actions(current):
                self.do(action)
            self.respond_to_events()
            self.do(EndPhase())
        return self.sim

    def phase_actions(self, phase: Phase) -> Iterator[Action]:
        steps = {
            Phase.LOGISTIK: self.logistics,
            Phase.PEMBUKAAN: self.opening,
            Phase.PEMUNGUTAN: self.voting,
            Phase.PENUTUPAN: self.closing,
            Phase.PENGHITUNGAN: self.counting,
            Phase.FORMULIR: self.forms,
            Phase.PENYERAHAN: self.handover,
        }
        return steps[phase]()

    # --- events ---------------------------------------------------------------------------

    def respond_to_events(self) -> None:
        """Answer each event rightly, then do what the answer leaves to do (record it, tell
        the PTPS), for events answered before too."""
        for event in incidents.awaiting(self.world):
            self.sim.apply(RespondToEvent(event=event.index, response=self.response_to(event)))
        for event in self.world.events:
            for duty in incidents.duty_actions(event, self.world):
                self.sim.apply(duty)

    def response_to(self, event: EventState) -> str:
        """The answer to ``event``: the right one for what it turned out to be about, unless a
        scripted crew answers by kind (its :meth:`response`)."""
        if type(self).response is not CarefulCrew.response:
            return self.response(event.kind)
        return incidents.spec_of(event).correct

    def response(self, kind: str) -> str:
        return incidents.EVENT_RULES[EventKind(kind)].correct

    def advance(self, to: int) -> Iterator[Action]:
        if to > self.world.clock:
            yield AdvanceClock(to=format_minutes(to))

    # --- logistics and opening --------------------------------------------------------------

    def logistics(self) -> Iterator[Action]:
        for target in logistik.inspection_targets(self.world):
            yield logistik.InspectItem(target=target)
        yield from self.count_and_report()

    def count_and_report(self) -> Iterator[Action]:
        for ballot, stock in self.world.stocks.items():
            if not stock.counted:
                yield logistik.CountBallots(ballot=ballot)
        for discrepancy in logistik.discrepancies(self.world):
            if discrepancy not in self.world.reported:
                yield logistik.ReportDiscrepancy(discrepancy=discrepancy)

    def opening(self) -> Iterator[Action]:
        world = self.world
        yield pembukaan.PostNoticeBoard()
        for notice in world.scenario.undelivered_notices:
            yield pembukaan.ReturnNotice(notice=notice.id, reason=notice.reason)
        for witness in sorted(world.witnesses.values(), key=lambda w: (w.arrives, w.id)):
            if witness.arrives > OPENING_TIME:
                continue
            yield from self.advance(witness.arrives)
            yield from self.receive_witness(witness.id)
        yield from self.advance(OPENING_TIME)
        yield pembukaan.OpenMeeting()
        yield pembukaan.TakeOath()
        for ballot in BALLOT_ORDER[world.scenario.election]:
            if ballot not in world.boxes:
                continue
            yield pembukaan.OpenBox(ballot=ballot)
            if not world.stocks[ballot].counted:
                yield logistik.CountBallots(ballot=ballot)
            yield pembukaan.ShowBoxEmpty(ballot=ballot)
            yield pembukaan.LockBox(ballot=ballot)
        yield from self.count_and_report()
        yield pembukaan.ExplainProcedure()

    def receive_witness(self, witness_id: str) -> Iterator[Action]:
        witness = self.world.witnesses[witness_id]
        if not witness.mandate:
            yield pembukaan.RefuseWitness(witness=witness_id)
            return
        if witness.attributes:
            yield pembukaan.AskRemoveAttributes(witness=witness_id)
        yield pembukaan.AdmitWitness(witness=witness_id)

    # --- voting -----------------------------------------------------------------------------

    def voting(self) -> Iterator[Action]:
        world = self.world
        while True:
            if world.clock >= DPK_FROM and not world.voting.dpk_announced:
                yield pemungutan.AnnounceDpk()
            if world.clock >= CLOSING_TIME and world.voting.close_announced_at is None:
                yield pemungutan.AnnounceClose()
            if world.queue:
                yield from self.serve(self.next_voter())
                continue
            moment = self.next_moment()
            if moment is None:
                return
            yield AdvanceClock(to=format_minutes(moment))

    def next_voter(self) -> str:
        """The first priority voter waiting, else the first in the queue (HANDBOOK §5.7)."""
        queue = self.world.queue
        return next((v for v in queue if desk.is_priority(self.world.voters[v].voter)), queue[0])

    def next_moment(self) -> int | None:
        """When something next happens before the close: an arrival, 12:00 or 13:00."""
        world = self.world
        arrivals = [
            vs.arrives
            for vs in world.voters.values()
            if not vs.arrived and vs.refused is None and world.clock < vs.arrives <= CLOSING_TIME
        ]
        marks = [m for m in (DPK_FROM, CLOSING_TIME) if m > world.clock]
        upcoming = arrivals + marks
        return min(upcoming) if upcoming else None

    def serve(self, voter_id: str) -> Iterator[Action]:
        vs = self.world.voters[voter_id]
        yield pemungutan.CallVoter(voter=voter_id)
        yield pemungutan.CheckInk(voter=voter_id)
        yield pemungutan.CheckDocuments(voter=voter_id)
        decision = desk.decide(vs.voter, self.world)
        if decision.action == "admit":
            yield from self.admit(vs, decision)
        elif decision.action == "come_back":
            assert decision.come_back_at is not None
            at = format_minutes(decision.come_back_at)
            yield pemungutan.AskComeBack(voter=voter_id, at=at)
        else:
            reason = decision.reason or desk.Reason.TANPA_IDENTITAS
            yield pemungutan.RefuseVoter(voter=voter_id, reason=reason)
            yield from self.record(vs, decision, reason.value)

    def admit(self, vs: VoterState, decision: desk.Decision) -> Iterator[Action]:
        assert decision.list is not None
        voter = vs.voter
        yield pemungutan.AdmitVoter(voter=vs.id, list=decision.list)
        yield from self.record(vs, decision, "identitas_pengganti")
        if voter.phone:
            yield pemungutan.RemindPhone(voter=vs.id)
        if desk.entitled_to_assistance(voter):
            yield pemungutan.AllowAssistance(voter=vs.id)
            yield pemungutan.RecordHelperStatement(voter=vs.id)
        # Only what the TPS holds: after a shortage left unreported, some types are gone.
        in_stock = [b for b in decision.ballots if self.world.stocks[b].remaining > 0]
        if in_stock:
            yield pemungutan.IssueBallots(voter=vs.id, ballots=in_stock)
        yield from self.replacements(vs)
        yield pemungutan.ApplyInk(voter=vs.id)

    def replacements(self, vs: VoterState) -> Iterator[Action]:
        while vs.replacements_pending:
            ballot = vs.replacements_pending[0]
            if ballot in vs.replacements_done:
                yield pemungutan.RefuseReplacement(voter=vs.id, ballot=ballot)
            else:
                yield pemungutan.ReplaceBallot(voter=vs.id, ballot=ballot)

    def record(self, vs: VoterState, decision: desk.Decision, fallback: str) -> Iterator[Action]:
        if decision.record:
            topic = RECORD_TOPIC.get(decision.reason.value if decision.reason else "", fallback)
            yield RecordSpecialEvent(topic=topic, subject=vs.id)
        if decision.inform_ptps:
            yield InformPtps(subject=vs.id)

    # --- closing, counting, forms, handover -----------------------------------------------

    def closing(self) -> Iterator[Action]:
        for ballot in self.world.stocks:
            yield penutupan.CountUnused(ballot=ballot)
            yield penutupan.CrossUnused(ballot=ballot)
        yield penutupan.TotalAttendance()
        yield penutupan.CountDisabledVoters()
        yield penutupan.ArrangeCountingArea(public=True)

    def counting(self) -> Iterator[Action]:
        world = self.world
        for ballot in BALLOT_ORDER[world.scenario.election]:
            if ballot not in world.boxes:
                continue
            yield penghitungan.OpenBoxForCount(ballot=ballot)
            yield penghitungan.AnnounceBoxCount(ballot=ballot)
            while world.counting.open_box is ballot:
                current = penghitungan.current_ballot(world)
                assert current is not None
                yield penghitungan.RuleBallot(verdict=self.ruling(current, ballot))

    def ruling(self, ballot: Ballot, ballot_type: BallotType) -> str:
        return str(penghitungan.true_verdict(self.world, ballot).counted_as)

    def forms(self) -> Iterator[Action]:
        for ballot in self.world.boxes:
            truth = formulir.expected(self.world, ballot)
            for field_id in truth.field_ids():
                value = truth.get(field_id)
                assert value is not None
                yield formulir.EnterFigure(ballot=ballot, field=field_id, value=value)
            contest = self.world.scenario.contest(ballot)
            assert contest is not None
            if formulir.forms.check_identities(truth, contest):
                yield RecordSpecialEvent(topic=formulir.DISCREPANCY_TOPIC, subject=ballot.value)
                yield InformPtps(subject=ballot.value)
            yield formulir.SignForm(ballot=ballot)

    def handover(self) -> Iterator[Action]:
        world = self.world
        for ballot in world.boxes:
            yield penyerahan.UploadSirekap(ballot=ballot)
            yield penyerahan.MakeCopies(ballot=ballot)
        for recipient in penyerahan.required_recipients(world):
            yield penyerahan.GiveCopies(recipient=recipient)
        yield from self.packing()
        for ballot in world.boxes:
            yield penyerahan.SealBox(ballot=ballot)
        yield penyerahan.HandOver()

    def packing(self) -> Iterator[Action]:
        """Every document into the envelope the scenario's map names, then every envelope
        into its box (HANDBOOK §10 step 6)."""
        target = self.world.packing
        for document, envelope in target.envelope_of.items():
            yield penyerahan.PutInEnvelope(document=document, envelope=envelope)
        used = dict.fromkeys(target.envelope_of.values())
        for envelope in used:
            yield penyerahan.PutInBox(envelope=envelope, box=target.box_of[envelope])


def play_careful_day(sim: Simulation) -> Simulation:
    return CarefulCrew(sim).play()
