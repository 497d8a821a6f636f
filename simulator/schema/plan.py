"""A bimtek class plan (``scenarios/plans/*.yaml``): what one day of training asks of each
trainee, in order — a pre-test, scenarios to play, a post-test.

A test is either a fixed list of quiz questions (``questions``: ids from the shipped banks,
``bank/id`` where an id is in two banks) or an exam drawn for each trainee (``draw``: how many
questions, and optionally from which topics, spread over them as the quiz's Ujian spreads
them). For a fair pre/post comparison two drawn tests draw from the same topics (``validate``
checks it). ``mode`` is how the scenarios are played (Latihan explains each mistake at once).

    id: bimtek-pemilu-kecamatan
    title: {id: "Bimtek KPPS Pemilu", en: "KPPS training, general election"}
    date: "2026-02-01"
    place: Aula Kecamatan Cibeunying
    pre_test: {draw: {count: 10, topics: [pemilih, keabsahan, formulir]}}
    scenarios: [meja-pemilih-jebakan, pemilu-hari-penuh]
    post_test: {draw: {count: 10, topics: [pemilih, keabsahan, formulir]}}

The steps of a plan, in order, come from :meth:`ClassPlan.steps`: what a trainee's progress
and a class report are counted against. Results record the plan's id and the part
(:data:`PlanPart`): ``pre``, ``play`` (a scenario of the plan, known by its scenario id) or
``post``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from simulator.schema.base import Authored, Bilingual, Identifier, Int, ShortText
from simulator.schema.plan_tag import PLAN_PARTS, PlanPart, PlanTag, plan_columns
from simulator.schema.quiz import Topic

__all__ = ["PLAN_PARTS", "ClassPlan", "DrawnTest", "PlanPart", "PlanStep", "PlanTag", "PlanTest",
           "plan_columns"]

RunMode = Literal["latihan", "ujian"]

MAX_TEST_QUESTIONS = 100
MAX_SCENARIOS = 20
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
QUESTION_REF_PATTERN = r"^([a-z0-9][a-z0-9_.-]{0,63}/)?[a-z0-9][a-z0-9_.-]{0,63}$"

QuestionRef = Annotated[
    str, StringConstraints(pattern=QUESTION_REF_PATTERN, strip_whitespace=True)
]
PlanDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN, strip_whitespace=True)]

# The validators' messages, which the loader translates (content.schema_errors.MODEL_MESSAGES).
TEST_ONE_FORM = "a test is either questions or draw, exactly one of them"
DATE_NOT_A_DAY = "the date is not a day of the calendar"
NAMED_TWICE = "a topic or bank is named twice"


class DrawnTest(Authored):
    """An exam drawn for each trainee from the shipped banks."""

    count: Int = Field(
        ge=1, le=MAX_TEST_QUESTIONS,
        description="Berapa soal / how many questions",
    )
    topics: list[Topic] | None = Field(
        None, min_length=1, max_length=len(Topic),
        description=(
            "Dari topik mana saja (tanpa ini: semua) / from which topics (omitted: all of them)"
        ),
    )

    banks: list[Identifier] | None = Field(
        None, min_length=1, max_length=20,
        description=(
            "Dari bank soal mana saja (tanpa ini: semua) / from which quiz banks (omitted:"
            " all of them), e.g. [pemungutan, penghitungan] for a Pemilu class"
        ),
    )

    @field_validator("topics", "banks")
    @classmethod
    def _once_each(cls, names: list[str] | None) -> list[str] | None:
        if names is not None and len(set(names)) != len(names):
            raise ValueError(NAMED_TWICE)
        return names


class PlanTest(Authored):
    """A pre-test or a post-test: a fixed list of questions, or a drawn exam."""

    questions: list[QuestionRef] | None = Field(
        None, min_length=1, max_length=MAX_TEST_QUESTIONS,
        description=(
            "Id soal dari bank kuis (bank/id bila id ada di dua bank) / question ids from the"
            " shipped quiz banks (bank/id where an id is in two banks)"
        ),
    )
    draw: DrawnTest | None = Field(
        None, description="Ujian yang diundi / an exam drawn for each trainee"
    )
    minutes: Int | None = Field(
        None, ge=1, le=180,
        description=(
            "Batas waktu dalam menit (tanpa ini: satu menit per soal) / the time limit in"
            " minutes (omitted: one minute a question)"
        ),
    )

    @model_validator(mode="after")
    def _one_form(self) -> PlanTest:
        if (self.questions is None) == (self.draw is None):
            raise ValueError(TEST_ONE_FORM)
        return self

    @property
    def size(self) -> int:
        """How many questions the test asks."""
        if self.questions is not None:
            return len(self.questions)
        assert self.draw is not None
        return self.draw.count

    @property
    def seconds(self) -> int:
        return 60 * (self.minutes if self.minutes is not None else self.size)


@dataclass(frozen=True, slots=True)
class PlanStep:
    """One step of a plan: the pre-test, a scenario to play, or the post-test."""

    number: int  # 1-based, in the plan's order
    part: PlanPart
    scenario: str | None = None  # the scenario's id, for a ``play`` step

    def tag(self, plan_id: str) -> PlanTag:
        """What the results of this step carry."""
        return PlanTag(plan_id, self.part)


class ClassPlan(Authored):
    """One bimtek day for a class: pre-test, scenarios in order, post-test."""

    id: Identifier = Field(description="Stable id, kept with every result of the plan")
    title: Bilingual = Field(description="Nama kelas / the class's name")
    date: PlanDate = Field(description="Tanggal bimtek, YYYY-MM-DD / the day, YYYY-MM-DD")
    place: ShortText = Field(description="Tempat bimtek / where the class is held")
    pre_test: PlanTest = Field(description="Tes awal / the pre-test")
    scenarios: list[Identifier] = Field(
        min_length=1, max_length=MAX_SCENARIOS,
        description=(
            "Id skenario yang dimainkan, berurutan / ids of the scenarios to play, in order"
        ),
    )
    mode: RunMode = Field(
        "latihan",
        description=(
            "Cara memainkan skenario: latihan atau ujian / how the scenarios are played"
        ),
    )
    post_test: PlanTest = Field(description="Tes akhir / the post-test")

    @field_validator("date")
    @classmethod
    def _a_real_day(cls, text: str) -> str:
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(DATE_NOT_A_DAY) from None
        return text

    @property
    def day(self) -> datetime.date:
        return datetime.date.fromisoformat(self.date)

    def test(self, part: PlanPart) -> PlanTest:
        """The pre-test or the post-test."""
        if part == "pre":
            return self.pre_test
        if part == "post":
            return self.post_test
        raise ValueError(f"a plan has no test for part {part!r}")

    def steps(self) -> tuple[PlanStep, ...]:
        """Every step in order: the pre-test, each scenario, the post-test."""
        plays = [PlanStep(n, "play", scenario) for n, scenario in enumerate(self.scenarios, 2)]
        return (PlanStep(1, "pre"), *plays, PlanStep(len(plays) + 2, "post"))
