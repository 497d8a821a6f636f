"""A quiz bank as a trainer writes it in YAML: questions, and the ballots some of them show.

Seven kinds of question share one frame (id, topic, phase, handbook section, difficulty, text,
explanation, regulation article, the MISTAKES.md entries trained) and differ in how they are
answered:

- ``single``: options, one of them right (``answer: 2``, counted from 1);
- ``multiple``: options, several right (``answer: [1, 3]``);
- ``true_false``: a statement (``answer: true``);
- ``ordering``: ``steps`` written in the right order; play shuffles them;
- ``numeric``: a whole number; with ``compute`` the engine works it out from the given figures
  (a C.Hasil cell from the reconciliation identities, or the ballots a TPS must receive);
- ``ballot``: a used ballot described by its marks, as in a scenario, on one of the bank's
  ``contests``; the answer is whom it counts for (``pair:2``, ``kosong``, ``party:3/cand:2``,
  ``invalid``), and the engine's validity rules decide it;
- ``situation``: a voter at the desk (written as a scenario writes one) or an event (its kind,
  as a scenario writes it); the engine offers what the desk could do, or the event's
  responses, and its own rules (:mod:`simulator.core.desk`, the event rules) decide which is
  right (``admit:dptb:ppwp``, ``come_back:12:00``, ``refuse:salah_tps:14``, ``lapor_ptps``).

Where the engine knows an answer, the stated ``answer`` is a check on the author: a bank whose
answer disagrees with the engine does not pass ``validate``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from simulator.schema.ballot import Ballot
from simulator.schema.base import Authored, Bilingual, Bool, Identifier, Int, ShortText
from simulator.schema.clock import GameTime
from simulator.schema.scenario import Contest, Districts, Event, MistakeId, Party, Voter
from simulator.schema.types import BallotType, Difficulty, ElectionType, Phase, _StrEnum

# The numbered sections of HANDBOOK.md that hold rules a KPPS must know. §0 (conventions) and
# §15 (open questions) hold none: a quiz must not teach what the regulation leaves unsettled;
# nor do the engine notes (§17.5, §19.8).
HANDBOOK_SECTIONS: tuple[str, ...] = (
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
    "2",
    "3.1", "3.2", "3.3",
    "4",
    "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9", "5.10",
    "6",
    "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7",
    "8.1", "8.2", "8.3",
    "9",
    "10",
    "11.1", "11.2",
    "12",
    "13",
    "14",
    "16.1", "16.2", "16.3", "16.4", "16.5", "16.6",
    "17.1", "17.2", "17.3", "17.4",
    "18.1", "18.2", "18.3", "18.4", "18.5", "18.6",
    "19.4", "19.5",
)  # fmt: skip


class Topic(_StrEnum):
    """What a trainee studies: results are kept per topic, and review covers every one."""

    PERAN = "peran"  # who is at the TPS and what each does
    JADWAL = "jadwal"  # the timeline from H-3 to the next day
    LOGISTIK = "logistik"
    PEMBUKAAN = "pembukaan"
    PEMILIH = "pemilih"  # the voter desk: DPT, DPTb, DPK, identity documents
    TINTA = "tinta"  # ink, double voting, impersonation
    PENDAMPINGAN = "pendampingan"  # priority and assistance
    BILIK = "bilik"  # damaged ballots and the rules of the booth
    PENUTUPAN = "penutupan"  # the 13:00 close and what follows
    PENGHITUNGAN = "penghitungan"  # the counting procedure and the tally
    KEABSAHAN = "keabsahan"  # valid or invalid, and for whom
    FORMULIR = "formulir"  # the C.Hasil and its identities
    KEBERATAN = "keberatan"  # objections and special events
    PENYERAHAN = "penyerahan"  # Sirekap, copies, packing, handover
    PSU_PIDANA = "psu_pidana"  # re-votes and crimes
    ETIKA = "etika"  # the code of ethics, neutrality, gifts, conflicts of interest
    DARURAT = "darurat"  # emergencies, PSL/PSS, Sirekap failures
    PIDANA = "pidana"  # election crimes at and near the TPS, the report to Gakkumdu
    PEMILU_PILKADA = "pemilu_pilkada"  # what differs between the two elections, and scale


TOPIC_SECTIONS: dict[Topic, tuple[str, ...]] = {
    Topic.PERAN: ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6"),
    Topic.JADWAL: ("2",),
    Topic.LOGISTIK: ("3.1", "3.2", "3.3"),
    Topic.PEMBUKAAN: ("4",),
    Topic.PEMILIH: ("5.1", "5.2", "5.3", "5.4", "5.5"),
    Topic.TINTA: ("5.6",),
    Topic.PENDAMPINGAN: ("5.7",),
    Topic.BILIK: ("5.8", "5.9"),
    Topic.PENUTUPAN: ("5.10", "6"),
    Topic.PENGHITUNGAN: ("7.1", "7.7"),
    Topic.KEABSAHAN: ("7.2", "7.3", "7.4", "7.5", "7.6"),
    Topic.FORMULIR: ("8.1", "8.2", "8.3"),
    Topic.KEBERATAN: ("9",),
    Topic.PENYERAHAN: ("10",),
    Topic.PSU_PIDANA: ("11.1", "11.2", "12"),
    Topic.ETIKA: ("16.1", "16.2", "16.3", "16.4", "16.5", "16.6"),
    Topic.DARURAT: ("17.1", "17.2", "17.3", "17.4", "19.4", "19.5"),
    Topic.PIDANA: ("18.1", "18.2", "18.3", "18.4", "18.5", "18.6"),
    Topic.PEMILU_PILKADA: ("13", "14"),
}

Section = Annotated[str, StringConstraints(pattern=r"^\d{1,2}(\.\d{1,2})?$")]
Choice = Annotated[Int, Field(ge=1, le=8)]
# A C.Hasil cell as the engine names it (simulator.core.forms): "II.4", "I.B4.total", "V.valid".
FieldId = Annotated[str, StringConstraints(pattern=r"^(I|II|III|IV|V)\.[A-Za-z0-9:/._]+$")]
Figure = Annotated[Int, Field(ge=0, le=1_000_000)]
TargetText = Annotated[
    str,
    StringConstraints(
        pattern=r"^(pair:[1-9][0-9]?|kosong|cand:[1-9][0-9]?"
        r"|party:[1-9][0-9]?(/cand:[1-9][0-9]?)?|invalid)$"
    ),
]


# The validators' messages, which the loader translates (content.schema_errors.MODEL_MESSAGES).
ANSWER_NOT_AN_OPTION = "answer names an option that does not exist"
ANSWER_TWICE = "answer names an option twice"
FORM_TASK_INCOMPLETE = "compute: form needs contest, given and asks"
ASKS_A_GIVEN_CELL = "asks names one of the given cells"
COUNT_TASK_INCOMPLETE = "compute: received and reserve need election and dpt"
SITUATION_ONE_CASE = "situation: give either voter or event, not both"


class QuestionType(_StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    ORDERING = "ordering"
    NUMERIC = "numeric"
    BALLOT = "ballot"
    SITUATION = "situation"


class QuestionBase(Authored):
    """What every question carries, whatever its kind."""

    id: Identifier = Field(description="Stable id within the bank, kept in review history")
    topic: Topic = Field(description="What it trains; results and review are kept per topic")
    phase: Phase | None = Field(
        None, description="The phase of the day it belongs to; omitted for roles, PSU, crimes"
    )
    section: Section = Field(description="The HANDBOOK.md section it comes from, e.g. '5.4'")
    difficulty: Difficulty = Field(Difficulty.SEDANG, description="mudah, sedang or sulit")
    text: Bilingual = Field(description="The question or statement")
    explanation: Bilingual = Field(description="Why the answer is right, shown after answering")
    regulation: ShortText = Field(
        description="The article it comes from, e.g. 'PKPU 25/2023 Pasal 20 ayat (1)'"
    )
    mistakes: list[MistakeId] = Field(
        default_factory=list, max_length=6, description="MISTAKES.md entries it trains (M01-M63)"
    )


class SingleChoice(QuestionBase):
    """One right option among several."""

    type: Literal["single"]
    options: list[Bilingual] = Field(min_length=2, max_length=6)
    answer: Choice = Field(description="The right option, counted from 1")
    shuffle: Bool = Field(True, description="Show options in a random order (off for 'all of…')")

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> SingleChoice:
        if self.answer > len(self.options):
            raise ValueError(ANSWER_NOT_AN_OPTION)
        return self


class MultipleChoice(QuestionBase):
    """Every right option must be chosen, and no other."""

    type: Literal["multiple"]
    options: list[Bilingual] = Field(min_length=3, max_length=8)
    answer: list[Choice] = Field(min_length=1, max_length=8, description="The right options")
    shuffle: Bool = Field(True, description="Show options in a random order")

    @model_validator(mode="after")
    def _answers_are_options(self) -> MultipleChoice:
        if len(set(self.answer)) != len(self.answer):
            raise ValueError(ANSWER_TWICE)
        if any(a > len(self.options) for a in self.answer):
            raise ValueError(ANSWER_NOT_AN_OPTION)
        return self


class TrueFalse(QuestionBase):
    """A statement that is right or wrong."""

    type: Literal["true_false"]
    answer: Bool = Field(description="Whether the statement is right")


class Ordering(QuestionBase):
    """Steps to put in sequence; written here in the right order, shuffled in play."""

    type: Literal["ordering"]
    steps: list[Bilingual] = Field(min_length=3, max_length=8, description="In the right order")


class NumericTask(Authored):
    """What the engine computes for a numeric question, from the figures given."""

    compute: Literal["form", "received", "reserve"] = Field(
        description="form: a C.Hasil cell from the identities; received: ballots per type a "
        "TPS must receive (DPT + reserve); reserve: the reserve ballots alone"
    )
    election: ElectionType | None = Field(None, description="received/reserve: which election")
    dpt: Figure | None = Field(None, description="received/reserve: voters on the DPT")
    contest: Identifier | None = Field(
        None, description="form: the bank contest whose C.Hasil it is (for its vote rows)"
    )
    given: dict[FieldId, Figure] = Field(
        default_factory=dict, max_length=60, description="form: the cells shown, by field id"
    )
    asks: FieldId | None = Field(None, description="form: the cell to work out")

    @model_validator(mode="after")
    def _complete(self) -> NumericTask:
        if self.compute == "form":
            if self.contest is None or self.asks is None or not self.given:
                raise ValueError(FORM_TASK_INCOMPLETE)
            if self.asks in self.given:
                raise ValueError(ASKS_A_GIVEN_CELL)
        elif self.election is None or self.dpt is None:
            raise ValueError(COUNT_TASK_INCOMPLETE)
        return self


class Numeric(QuestionBase):
    """A whole number to enter."""

    type: Literal["numeric"]
    answer: Figure = Field(description="The right number (checked against the engine)")
    task: NumericTask | None = Field(
        None, description="How the engine works the answer out; omitted for plain facts"
    )


class BallotQuestion(QuestionBase):
    """A used ballot to rule on: valid or not, and for whom."""

    type: Literal["ballot"]
    text: Bilingual | None = Field(  # type: ignore[assignment]
        None, description="The question; omitted means 'valid or not, and for whom?'"
    )
    contest: Identifier = Field(description="The bank contest whose ballot this is")
    paper: Ballot = Field(description="The ballot as it comes out of the box, with its marks")
    answer: TargetText = Field(
        description="Whom it counts for (pair:2, kosong, cand:4, party:3, party:3/cand:2) "
        "or invalid; checked against the engine's validity rules"
    )


# A situation's answer: a desk decision (admit:<list>[:<type>+<type>], come_back:<HH:MM>,
# refuse:<reason>[:<TPS number>]) or an event's response (a word such as lapor_ptps).
SituationAnswer = Annotated[
    str,
    StringConstraints(
        pattern=r"^(admit:(dpt|dptb|dpk)(:[a-z_]+(\+[a-z_]+)*)?|come_back:[0-2][0-9]:[0-5][0-9]"
        r"|refuse:[a-z_]+(:[1-9][0-9]{0,3})?|[a-z_]+)$"
    ),
]


class QuizVoter(Voter):
    """A voter at the desk, written as a scenario writes one (``id`` may be left out)."""

    id: Identifier = Field("pemilih", description="Not needed in a quiz; kept for the model")


class SituationQuestion(QuestionBase):
    """A case at the TPS whose right handling the engine decides: a voter at the desk, or an
    event; the options shown are the engine's, the right one is the engine's."""

    type: Literal["situation"]
    text: Bilingual | None = Field(  # type: ignore[assignment]
        None, description="The question; omitted means 'what does the KPPS do?'"
    )
    election: ElectionType = Field(description="pemilu2024 or pilkada2024")
    voter: QuizVoter | None = Field(None, description="A voter at the desk, as in a scenario")
    event: Event | None = Field(None, description="An event, as in a scenario's events:")
    at: GameTime | None = Field(
        None, description="The time at the desk; omitted means when the voter arrives"
    )
    ballot_types: list[BallotType] = Field(
        default_factory=list, max_length=5,
        description="This TPS's ballot types; omitted means the election's (Pilkada: "
        "gubernur and bupati)",
    )
    out_of: list[BallotType] = Field(
        default_factory=list, max_length=5, description="Ballot types that have run out"
    )
    dptb_from: GameTime | None = Field(
        None, description="A local setting shown in the case: DPTb voters served from this hour"
    )
    answer: SituationAnswer = Field(
        description="The right decision or response, checked against the engine: "
        "admit:dpt, admit:dptb:ppwp+dpr, come_back:12:00, refuse:tanpa_identitas, "
        "refuse:salah_tps:14, or an event response such as lapor_ptps"
    )

    @model_validator(mode="after")
    def _one_case(self) -> SituationQuestion:
        if (self.voter is None) == (self.event is None):
            raise ValueError(SITUATION_ONE_CASE)
        return self


Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Ordering | Numeric | BallotQuestion
    | SituationQuestion,
    Field(discriminator="type"),
]


class QuizContest(Contest):
    """A ballot that ballot and form questions refer to by ``id``."""

    id: Identifier = Field(description="Referred to by questions' contest:")
    election: ElectionType = Field(description="pemilu2024 or pilkada2024")


def _default_districts() -> Districts:
    return Districts(
        province="Nusa Kencana",
        kabko="Kabupaten Tanjung Mas",
        dpr="Nusa Kencana I",
        dprd_prov="Nusa Kencana 3",
        dprd_kabko="Tanjung Mas 2",
    )


class QuizBank(Authored):
    """A set of questions on the polling day, with the fictional ballots they show."""

    bank: Identifier = Field(description="Stable id of the bank, kept in results and review")
    title: Bilingual
    description: Bilingual | None = None
    parties: list[Party] = Field(default_factory=list, max_length=40,
                                 description="Fictional parties named on the bank's ballots")
    districts: Districts = Field(
        default_factory=_default_districts,
        description="This TPS's districts, as printed on its ballots (for 'tertukar' ballots)",
    )
    contests: list[QuizContest] = Field(default_factory=list, max_length=40)
    questions: list[Question] = Field(min_length=1, max_length=2000)

    def contest(self, contest_id: str) -> QuizContest | None:
        return next((c for c in self.contests if c.id == contest_id), None)

