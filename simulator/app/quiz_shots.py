"""Every quiz screen rendered headless to PNG files: the menu, one question of each kind, the
feedback, the result and the profile page with results per topic (``shot quiz --out DIR``)."""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pygame

from simulator.app.quiz_play import QuizPlay
from simulator.app.shots import Camera, headless_context
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore
from simulator.quiz.session import Mode, QuizRun
from simulator.schema.quiz import BallotQuestion, SituationQuestion

TODAY = date(2026, 11, 23)  # a fixed day, so the pictures do not change with the calendar


def render_quiz_shots(
    out: Path, size: tuple[int, int], lang: str, text_size: str = "normal"
) -> list[Path]:
    from simulator.scenes.profiles import ProfileScene
    from simulator.scenes.quiz import QuizScene
    from simulator.scenes.quiz_menu import QuizMenuScene
    from simulator.scenes.quiz_result import QuizResultScene

    out.mkdir(parents=True, exist_ok=True)
    ctx = headless_context(size, lang, text_size)
    camera = Camera(ctx, out)
    snap = camera.snap
    folder = tempfile.TemporaryDirectory(prefix="simulasi-tps-shots-")
    store, _ = SaveStore.open(Path(folder.name))
    ctx.store = store
    ctx.profile = store.create_profile("Sari")
    records = QuizRecords(store, ctx.profile.id)
    records.set_polling_day(TODAY + timedelta(days=4))

    library = ctx.quiz()
    ctx.stack.replace(QuizMenuScene(ctx, today=TODAY))
    snap("quiz-menu")
    kinds: dict[str, QuizPlay] = {}
    for item in library.items:
        kind = str(item.question.type)
        if kind not in kinds:
            run = QuizRun(Mode.LATIHAN, [item, *library.items[:1]], random.Random(len(kinds)))
            kinds[kind] = QuizPlay(run, records, TODAY)
    for kind, play in kinds.items():
        scene = QuizScene(ctx, play)
        ctx.stack.replace(scene)
        snap(f"quiz-{kind}")
    party_list = next((item for item in library.items if isinstance(item.question, BallotQuestion)
                       and item.bank.contest(item.question.contest).slates), None)
    if party_list is not None:
        play = QuizPlay(QuizRun(Mode.LATIHAN, [party_list], random.Random(9)), records, TODAY)
        scene = QuizScene(ctx, play)
        ctx.stack.replace(scene)
        snap("quiz-ballot-party-list")
        scene.submit("invalid")
        snap("quiz-feedback")
    # A situation's two forms, a voter at the desk and an event, and the feedback on a voter.
    voter = next((item for item in library.items if isinstance(item.question, SituationQuestion)
                  and item.question.voter is not None), None)
    event = next((item for item in library.items if isinstance(item.question, SituationQuestion)
                  and item.question.event is not None), None)
    if event is not None:
        play = QuizPlay(QuizRun(Mode.LATIHAN, [event], random.Random(5)), records, TODAY)
        ctx.stack.replace(QuizScene(ctx, play))
        snap("quiz-situation-event")
    if voter is not None:
        play = QuizPlay(QuizRun(Mode.LATIHAN, [voter], random.Random(6)), records, TODAY)
        scene = QuizScene(ctx, play)
        ctx.stack.replace(scene)
        snap("quiz-situation-voter")
        scene.submit(voter.key.answer)
        snap("quiz-situation-feedback")
    exam = QuizPlay.begin(Mode.UJIAN, library, records, TODAY, seed=7)
    for n in range(exam.run.length):
        shown = exam.run.current()
        assert shown is not None
        exam.tick(40)
        exam.answer(shown.item.key.answer if n % 5 else None)
    ctx.stack.replace(QuizScene(ctx, QuizPlay.begin(Mode.UJIAN, library, records, TODAY, seed=8)))
    snap("quiz-exam")
    ctx.stack.replace(QuizResultScene(ctx, exam, exam.finish()))
    snap("quiz-exam-result")
    ctx.stack.replace(ProfileScene(ctx))
    snap("profile-quiz-results")
    pygame.quit()
    store.close()
    folder.cleanup()
    return camera.written
