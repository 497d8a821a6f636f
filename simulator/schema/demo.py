"""A scripted demonstration a trainer plays to a class (``scenarios/demos/*.yaml``).

A demo names the scenario it plays and where it starts (a phase, and a time within it):
everything before is played by the engine's careful crew. Then its steps, in order: an
action in the log's own syntax (``admit_witness {"witness":"w2"}``, with an optional time in
front), a caption in both languages, a pause with a question for the class (the play waits
for the trainer), the reveal of what the last action broke (the viewer's card, with what
the careful crew does from there), or the careful crew's way played from the state before that
mistake (the play waits there; Space plays it). A ``highlight`` (an action, written as one)
rings the control of that action on the screen while the demo stands there: the engine must
offer it at that point. ``mistakes`` are the MISTAKES.md entries it shows:
``validate`` applies every step and fails when one of them does not happen.

    id: saksi-tanpa-mandat
    title: {id: "Saksi tanpa surat mandat", en: "A witness without a mandate"}
    scenario: pemilu-hari-penuh
    start: {phase: pembukaan, time: "06:35"}
    mistakes: [M04]
    steps:
      - caption: {id: "Seorang saksi datang …", en: "A witness arrives …"}
      - pause: {id: "Apa yang harus dilakukan KPPS?", en: "What must the KPPS do?"}
      - action: 'admit_witness {"witness":"w2"}'
      - reveal: true
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from simulator.schema.base import Authored, Bilingual, Identifier
from simulator.schema.clock import GameTime
from simulator.schema.scenario import MistakeId
from simulator.schema.types import Phase

ActionLine = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]

# the validator's words, translated by content.schema_errors.MODEL_MESSAGES
STEP_ONE_KIND = ("a demo step is exactly one of action, caption, pause, reveal, highlight or"
                 " alternative")


class DemoStart(Authored):
    phase: Phase = Field(description="Fase tempat demo dimulai / the phase the demo starts in")
    time: GameTime | None = Field(
        None,
        description=(
            "Jam dalam fase itu; sebelumnya dimainkan kru teliti / the time within that phase;"
            " the careful crew plays what comes before"
        ),
    )


class DemoStep(Authored):
    """One step: exactly one of ``action``, ``caption``, ``pause`` or ``reveal``."""

    action: ActionLine | None = Field(
        None, description='Aksi dalam sintaks log / an action as a log line: kind {"field":…}'
    )
    caption: Bilingual | None = Field(None, description="Keterangan / a caption")
    pause: Bilingual | None = Field(
        None, description="Pertanyaan untuk kelas; menunggu pelatih / a question; waits"
    )
    reveal: bool | None = Field(
        None, description="Tampilkan kesalahannya / show what the last action broke"
    )
    highlight: ActionLine | None = Field(
        None,
        description=(
            "Sorot tombol aksi ini di layar / highlight the control of this action on screen"
            ' (kind {"field":…}, as the action is written)'
        ),
    )
    alternative: bool | None = Field(
        None,
        description=(
            "Putar cara kru teliti dari keadaan sebelum kesalahan itu / play the careful"
            " crew's way from the state before that mistake"
        ),
    )

    @model_validator(mode="after")
    def one_kind(self) -> DemoStep:
        kinds = ("action", "caption", "pause", "reveal", "highlight", "alternative")
        given = [name for name in kinds if getattr(self, name)]
        if len(given) != 1:
            raise ValueError(STEP_ONE_KIND)
        return self


class Demo(Authored):
    """A scripted demonstration of mistakes, played in the replay viewer."""

    id: Identifier = Field(description="Stable id")
    title: Bilingual
    scenario: Identifier = Field(description="The id of the scenario it plays")
    start: DemoStart
    mistakes: list[MistakeId] = Field(
        min_length=1, max_length=10, description="MISTAKES.md entries it shows"
    )
    steps: list[DemoStep] = Field(min_length=1, max_length=300)
