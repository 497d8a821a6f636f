"""The quiz screens, driven headless: keys and clicks through the real event path."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pygame
import pygame_gui
import pytest

from simulator.app.context import make_manager
from simulator.app.quiz_play import QuizLibrary, QuizPlay
from simulator.persistence.quiz_records import QuizRecords
from simulator.persistence.store import SaveStore
from simulator.quiz.banks import load_banks
from simulator.quiz.parse import parse_day
from simulator.quiz.session import Item, Mode, QuizRun, items_of
from simulator.scenes.profiles import ProfileScene
from simulator.scenes.quiz import DIGIT_KEYS, QuizScene
from simulator.scenes.quiz_menu import QuizMenuScene
from simulator.scenes.quiz_result import QuizResultScene
from simulator.scenes.start import StartScene
from simulator.schema.quiz import MultipleChoice, Numeric, Ordering
from tests.pilot import Pilot, texts_overflowing

BANK = Path(__file__).parent / "fixtures" / "quiz_small.yaml"
TODAY = date(2026, 11, 23)
SIZES = [(1366, 768), (1920, 1080)]


def small_library() -> QuizLibrary:
    return QuizLibrary(tuple(items_of(load_banks([BANK]).banks)), ())


def with_store(tmp_path: Path, lang: str = "id", size=(1366, 768)) -> Pilot:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(size, lang, store)
    pilot.ctx.profile = store.create_profile("Sari")
    pilot.ctx._quiz = small_library()
    return pilot


def answer_by_keys(pilot: Pilot, scene: QuizScene) -> None:
    """Answer the current question rightly with the keyboard alone, as a trainee would."""
    shown = scene.shown
    assert shown is not None
    question, answer = shown.item.question, shown.item.key.answer
    if isinstance(question, Numeric):
        pilot.type_into("answer", str(answer))
        return
    if isinstance(question, MultipleChoice | Ordering):
        wanted = sorted(answer) if isinstance(question, MultipleChoice) else list(answer)
        for number in wanted:
            pilot.key(DIGIT_KEYS[shown.order.index(number)])
        pilot.key(pygame.K_j)
        return
    from simulator.quiz import texts

    values = [c.value for c in texts.choices(shown.item, shown.order, pilot.ctx.cat)]
    pilot.key(DIGIT_KEYS[values.index(answer)])


def test_the_start_screen_opens_the_quiz_with_a_key(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    pilot.show(StartScene(pilot.ctx))
    pilot.key(pygame.K_k)
    assert isinstance(pilot.top, QuizMenuScene)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, StartScene)


@pytest.mark.slow
def test_a_whole_latihan_by_keyboard_explains_each_answer_and_saves_it(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    pilot.show(QuizMenuScene(pilot.ctx, today=TODAY))
    pilot.key(pygame.K_l)
    scene = pilot.top
    assert isinstance(scene, QuizScene)
    asked = 0
    while isinstance(pilot.top, QuizScene):
        answer_by_keys(pilot, scene)
        assert scene.feedback is not None and scene.feedback.right, scene.feedback
        text = "".join(getattr(e, "html_text", "") for e in scene.ui.elements)
        assert "Benar!" in text and "Dasar: PKPU 25/2023 Pasal 1" in text
        asked += 1
        pilot.key(pygame.K_n)
    result = pilot.top
    assert isinstance(result, QuizResultScene)
    assert (result.result.right, result.result.total, asked) == (9, 9, 9)
    records = QuizRecords(pilot.ctx.store, pilot.ctx.profile.id)
    assert sum(r.total for r in records.by_topic()) == 9 and len(records.cards()) == 9


def test_a_wrong_answer_shows_the_right_one_and_the_explanation(tmp_path: Path) -> None:
    pilot = with_store(tmp_path, lang="en")
    library = small_library()
    item = next(i for i in library.items if i.question.id == "q8")  # true/false: true
    play = QuizPlay(QuizRun(Mode.LATIHAN, [item], random.Random(1)), None, TODAY)
    scene = pilot.show(QuizScene(pilot.ctx, play))
    pilot.key(pygame.K_2)  # "False"
    text = "".join(getattr(e, "html_text", "") for e in scene.ui.elements)
    assert "Not quite." in text and "The right answer: True" in text
    assert "Your answer: False" in text


def test_clicking_an_options_text_chooses_it(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    item = next(i for i in small_library().items if i.question.id == "q1")
    play = QuizPlay(QuizRun(Mode.LATIHAN, [item], random.Random(1)), None, TODAY)
    scene = pilot.show(QuizScene(pilot.ctx, play))
    row = scene._rows[scene.shown.order.index(1)]
    pilot.frames(1, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=row.rect.center)])
    assert scene.feedback is not None and scene.feedback.right


def test_the_exam_gives_no_feedback_and_ends_when_the_time_is_up(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    play = QuizPlay.begin(Mode.UJIAN, small_library(), QuizRecords(pilot.ctx.store, 1), TODAY)
    scene = pilot.show(QuizScene(pilot.ctx, play))
    answer_by_keys(pilot, scene)
    assert scene.feedback is None and play.run.position == 1
    play.elapsed = play.run.time_limit - 0.05
    pilot.frames(10)
    result = pilot.top
    assert isinstance(result, QuizResultScene) and result.result.time_up
    assert result.result.total == 9 and result.result.right == 1
    [exam] = QuizRecords(pilot.ctx.store, 1).exams()
    assert (exam.correct, exam.total, exam.time_up, exam.passed) == (1, 9, True, False)


def test_the_exam_clock_stops_while_the_stop_dialog_asks(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    play = QuizPlay.begin(Mode.UJIAN, small_library(), None, TODAY)
    pilot.show(QuizScene(pilot.ctx, play))
    pilot.key(pygame.K_ESCAPE)
    before = play.elapsed
    pilot.frames(30)
    assert play.elapsed == before
    pilot.key(pygame.K_ESCAPE)  # "continue"
    assert isinstance(pilot.top, QuizScene)


def test_review_brings_back_a_missed_question_and_saves_the_polling_day(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    menu = pilot.show(QuizMenuScene(pilot.ctx, today=TODAY))
    pilot.type_into("polling_day", "27-11-2026")
    records = QuizRecords(pilot.ctx.store, pilot.ctx.profile.id)
    assert records.polling_day() == date(2026, 11, 27)
    pilot.key(pygame.K_r)
    scene = pilot.top
    assert isinstance(scene, QuizScene) and scene.play.run.mode is Mode.ULANGAN
    first = scene.shown.item.ref
    scene.submit(None)  # missed
    assert records.cards()[first].box == 0 and records.cards()[first].due == TODAY.toordinal()
    assert first in [i.ref for i in scene.play.run.queue[scene.play.run.position :]]
    del menu


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27-11-2026", date(2026, 11, 27)),
        ("27/11/2026", date(2026, 11, 27)),
        ("2026-11-27", date(2026, 11, 27)),
        ("31-02-2026", None),
        ("besok", None),
    ],
)
def test_a_polling_day_is_read_as_day_month_year(text: str, expected: date | None) -> None:
    assert parse_day(text) == expected


def test_a_polling_day_in_the_past_is_refused_with_a_message(tmp_path: Path) -> None:
    pilot = with_store(tmp_path, lang="en")
    menu = pilot.show(QuizMenuScene(pilot.ctx, today=TODAY))
    pilot.type_into("polling_day", (TODAY - timedelta(days=1)).strftime("%d-%m-%Y"))
    assert menu.message == "That date has passed; enter a polling day still to come."
    assert QuizRecords(pilot.ctx.store, pilot.ctx.profile.id).polling_day() is None


def test_the_profile_page_shows_results_per_topic_weakest_first(tmp_path: Path) -> None:
    pilot = with_store(tmp_path, lang="en")
    records = QuizRecords(pilot.ctx.store, pilot.ctx.profile.id)
    for right in (True, True, False):
        records.record_answer(Mode.LATIHAN, "kecil/q2", "keabsahan", right)
    records.record_answer(Mode.LATIHAN, "kecil/q1", "tinta", True)
    scene = pilot.show(ProfileScene(pilot.ctx))
    text = "".join(getattr(e, "html_text", "") for e in scene.ui.elements)
    weak = text.index("Valid or invalid: 67% of recent answers right")
    assert weak < text.index("Ink, double voting, impersonation: 100% of recent answers right")
    assert "Study again" in text


def every_screen(pilot: Pilot) -> list:
    """The menu, one question of each kind, a feedback, a result: with the shipped banks."""
    library = pilot.ctx.quiz()
    screens = [QuizMenuScene(pilot.ctx, today=TODAY)]
    seen: set[str] = set()
    for item in library.items:
        if str(item.question.type) not in seen:
            seen.add(str(item.question.type))
            run = QuizRun(Mode.UJIAN, [item], random.Random(3), time_limit=60.0)
            screens.append(QuizScene(pilot.ctx, QuizPlay(run, None, TODAY)))
    return screens


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("size", "text_size"), [(SIZES[0], "normal"), (SIZES[1], "normal"), (SIZES[0], "besar")]
)
def test_quiz_screens_fit_their_text(
    lang: str, size: tuple[int, int], text_size: str, tmp_path: Path
) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(size, lang, store)
    pilot.ctx.settings.text_size = text_size
    pilot.ctx.manager = make_manager(size, pilot.ctx.settings)
    pilot.ctx.profile = store.create_profile("Sari")
    for scene in every_screen(pilot):
        pilot.show(scene)
        assert not texts_overflowing(scene), texts_overflowing(scene)
        if isinstance(scene, QuizScene):
            scrolling = [
                e.html_text[:40]
                for e in scene.ui.elements
                if isinstance(e, pygame_gui.elements.UITextBox)
                and getattr(e, "scroll_bar", None) is not None
            ]
            assert not scrolling, f"text that needs scrolling on a question: {scrolling}"
        inside = [
            e
            for e in scene.ui.elements
            if e not in scene.ui.scroll_parent
            and (e.rect.right > size[0] or e.rect.bottom > size[1])
        ]
        assert not inside, f"{type(scene).__name__}: elements off screen {inside}"
    play = QuizPlay.begin(Mode.UJIAN, pilot.ctx.quiz(), None, TODAY, seed=1)
    while (shown := play.run.current()) is not None:
        play.answer(None if play.run.position % 3 else shown.item.key.answer)
    result = pilot.show(QuizResultScene(pilot.ctx, play, play.finish()))
    assert not texts_overflowing(result), texts_overflowing(result)


def test_a_ballot_question_draws_the_ballot(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    item: Item = next(i for i in small_library().items if i.question.id == "q2")
    scene = pilot.show(
        QuizScene(pilot.ctx, QuizPlay(QuizRun(Mode.LATIHAN, [item], random.Random(1)), None, TODAY))
    )
    assert scene._ballot_picture is not None
    _, rect = scene._ballot_picture
    colours = {
        pilot.ctx.screen.get_at((x, rect.centery))[:3] for x in range(rect.left, rect.right, 7)
    }
    assert len(colours) > 5, "the ballot should be drawn on the screen"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("text_size", ["normal", "besar"])
def test_every_shipped_question_and_its_feedback_fit_without_scrolling(
    lang: str, text_size: str
) -> None:
    pilot = Pilot((1366, 768), lang)
    pilot.ctx.settings.text_size = text_size
    pilot.ctx.manager = make_manager((1366, 768), pilot.ctx.settings)
    scrolling = []
    for item in pilot.ctx.quiz().items:
        scene = QuizScene(
            pilot.ctx, QuizPlay(QuizRun(Mode.LATIHAN, [item], random.Random(1)), None, TODAY)
        )
        # A text box lays its words out, and takes a scroll bar, as it is built: no frame
        # needs drawing to read it.
        pilot.ctx.stack.replace(scene)
        for stage in ("question", "feedback"):
            scrolling += [
                f"{item.ref} {stage}: {e.html_text[:50]!r}"
                for e in scene.ui.elements
                if isinstance(e, pygame_gui.elements.UITextBox)
                and getattr(e, "scroll_bar", None) is not None
            ]
            if stage == "question":
                scene.submit(item.key.answer)
    assert not scrolling, "texts a trainee would have to scroll:\n" + "\n".join(scrolling)


@pytest.mark.slow
def test_the_result_screens_quiz_menu_button_goes_back_to_the_quiz_menu(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    pilot.show(QuizMenuScene(pilot.ctx, today=TODAY))
    pilot.key(pygame.K_l)
    scene = pilot.top
    assert isinstance(scene, QuizScene)
    while isinstance(pilot.top, QuizScene):
        answer_by_keys(pilot, scene)
        pilot.key(pygame.K_n)
    assert isinstance(pilot.top, QuizResultScene)
    pilot.key(pygame.K_m)
    assert isinstance(pilot.top, QuizMenuScene), f"'Menu kuis' led to {type(pilot.top).__name__}"
