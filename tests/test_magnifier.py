"""A ballot read large (issue 10, item 6): on the counting table and in a quiz's ballot
question, [Z] or the "Perbesar" button (in the quiz, a click on the ballot too) holds the
ballot up over the screen, drawn anew at a size the small print reads at, with its marks in
words; [Z], Esc or a click on it puts it down, and looking decides nothing."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIImage

from simulator.app.quiz_play import QuizPlay
from simulator.app.widgets import offer_key
from simulator.core.phases.penghitungan import AnnounceBoxCount, OpenBoxForCount
from simulator.quiz import texts
from simulator.quiz.session import Item, Mode, QuizRun
from simulator.scenes.magnifier import Magnifier
from simulator.scenes.phases.penghitungan import PenghitunganScene
from simulator.scenes.quiz import QuizScene
from simulator.schema.types import BallotType, Phase
from tests.fit import layout_faults
from tests.pilot import Pilot
from tests.test_keyboard_walk import show_phase
from tests.test_scene_quiz import small_library, with_store

TODAY = date(2026, 11, 23)


def counting(pilot: Pilot) -> PenghitunganScene:
    """The Pilkada count with the Gubernur box open and announced: a ballot on the table."""
    show_phase(pilot, "pilkada-calon-tunggal-hitung", Phase.PENGHITUNGAN)
    scene = pilot.top
    assert isinstance(scene, PenghitunganScene)
    for action in (
        OpenBoxForCount(ballot=BallotType.GUBERNUR),
        AnnounceBoxCount(ballot=BallotType.GUBERNUR),
    ):
        button = scene.ui.offers.get(offer_key(action))
        assert button is not None, f"the table offers no button for {action!r}"
        pilot.click(button)
        pilot.frames(1)
    assert scene.world.counting.open_box is BallotType.GUBERNUR
    return scene


def magnified(pilot: Pilot) -> Magnifier:
    top = pilot.top
    assert isinstance(top, Magnifier), f"no magnifier on top, but {type(top).__name__}"
    return top


def picture(scene: Magnifier) -> UIImage:
    images = [e for e in scene.ui.elements if isinstance(e, UIImage)]
    assert scene.picture_rect is not None
    [image] = [e for e in images if e.rect == scene.picture_rect]
    return image


def test_z_holds_the_ballot_on_the_table_up_large_and_z_puts_it_down() -> None:
    pilot = Pilot()
    scene = counting(pilot)
    small = scene._ballot_rect
    assert small is not None
    logged = len(scene.session.sim.log)
    pilot.key(pygame.K_z)
    over = magnified(pilot)
    large = picture(over).rect
    assert large.width >= 2 * small.width, (
        f"the ballot read large is {large.width} px wide, the one on the table {small.width} px"
    )
    drawn = over._drawn
    assert drawn is not None
    assert abs(drawn.get_width() / drawn.get_height() - small.width / small.height) < 0.02, (
        "the ballot changed shape when enlarged"
    )
    colours = {
        pilot.ctx.screen.get_at((x, y))[:3]
        for x in range(large.left, large.right, 9)
        for y in range(large.top, large.bottom, 9)
    }
    assert len(colours) > 5, "the large ballot is not drawn on the screen"
    index = scene.world.counting.next_index.get(BallotType.GUBERNUR, 0)
    paper = scene.world.boxes[BallotType.GUBERNUR].contents[index]
    said = texts.paper_lines(paper, pilot.ctx.cat)[1]  # the signature, in words
    assert said in over.words, f"the large ballot does not say {said!r} in words"
    pilot.key(pygame.K_z)
    assert pilot.top is scene, "Z did not put the ballot down"
    assert len(scene.session.sim.log) == logged, "looking at the ballot was logged as an action"
    assert scene.world.counting.next_index.get(BallotType.GUBERNUR, 0) == index


def test_the_enlarge_button_and_a_click_on_the_large_ballot() -> None:
    pilot = Pilot()
    scene = counting(pilot)
    [button] = [e for e in scene.ui.elements if getattr(e, "text", "").startswith("Perbesar")]
    pilot.click(button)
    over = magnified(pilot)
    assert over.ui.focused() is not None, "the close button takes the focus (Enter closes)"
    centre = picture(over).rect.center
    pilot.frames(1, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=centre, button=1, touch=False)])
    assert pilot.top is scene, "a click on the large ballot did not put it down"
    assert scene.world.counting.open_box is BallotType.GUBERNUR, "the click ruled something"


def test_esc_puts_the_ballot_down_without_pausing_the_day() -> None:
    pilot = Pilot()
    scene = counting(pilot)
    pilot.key(pygame.K_z)
    magnified(pilot)
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is scene, "Esc over the large ballot opened something else"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
def test_the_large_ballot_is_whole_at_besar(lang: str, size: tuple[int, int]) -> None:
    pilot = Pilot(size, lang, text_size="besar")
    scene = counting(pilot)
    scene.magnify()
    pilot.frames(2)
    over = magnified(pilot)
    assert not layout_faults(over), layout_faults(over)
    assert over.picture_rect is not None and over.picture_rect.height > size[1] // 3


def test_a_ballot_taller_than_the_screen_moves_up_and_down() -> None:
    pilot = Pilot()
    counting(pilot)
    pilot.key(pygame.K_z)
    over = magnified(pilot)
    assert over.scrolls, "a ballot as wide as a 1366 px screen fits whole: nothing to test"
    first = picture(over).image.copy()
    pilot.key(pygame.K_PAGEDOWN)
    assert over.offset > 0, "Page Down did not move the large ballot"
    assert picture(over).image.get_at((10, 10)) != first.get_at((10, 10)) or (
        pygame.image.tobytes(picture(over).image, "RGB") != pygame.image.tobytes(first, "RGB")
    ), "the ballot moved but the screen shows the same part"
    pilot.frames(1, [pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=10, flipped=False)])
    assert over.offset == 0, "the wheel did not move it back to the top"


def ballot_question(tmp_path: Path, mode: Mode = Mode.LATIHAN) -> tuple[Pilot, QuizScene]:
    pilot = with_store(tmp_path)
    item: Item = next(i for i in small_library().items if i.question.id == "q2")
    run = QuizRun(mode, [item], random.Random(1))
    if mode is Mode.UJIAN:
        run.time_limit = 600.0
    scene = pilot.show(QuizScene(pilot.ctx, QuizPlay(run, None, TODAY)))
    assert isinstance(scene, QuizScene)
    return pilot, scene


def test_a_click_on_a_quiz_ballot_holds_it_up_large(tmp_path: Path) -> None:
    pilot, scene = ballot_question(tmp_path)
    assert scene._ballot_picture is not None
    _, small = scene._ballot_picture
    pilot.frames(
        1, [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=small.center, button=1, touch=False)]
    )
    over = magnified(pilot)
    assert picture(over).rect.width >= 2 * small.width
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is scene, "Esc over the ballot asked to stop the quiz instead"
    assert scene.feedback is None and scene.play.run.position == 0, "looking answered"
    pilot.key(pygame.K_z)
    magnified(pilot)


def test_an_exam_clock_runs_while_the_ballot_is_read_large(tmp_path: Path) -> None:
    pilot, scene = ballot_question(tmp_path, Mode.UJIAN)
    pilot.key(pygame.K_z)
    magnified(pilot)
    before = scene.play.elapsed
    pilot.frames(30)
    assert scene.play.elapsed > before, "the exam's time stopped while the ballot was enlarged"
    scene.play.elapsed = (scene.play.run.time_limit or 0) - 0.01
    pilot.frames(3)
    assert not isinstance(pilot.top, Magnifier | QuizScene), "time up left the exam on screen"
