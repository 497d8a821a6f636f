"""The bimtek class screen, driven headless: the start screen opens it, it lists the plans and
the chosen plan's steps with this trainee's progress, and starts the next step by keyboard or
mouse alone; a test and a day started there are saved as steps of the plan."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
import pytest

from simulator.content.plans import PLAN_DIR, load_plan
from simulator.persistence.plan_records import plan_done
from simulator.persistence.store import SaveStore
from simulator.scenes.plans import PlanScene
from simulator.scenes.quiz import QuizScene
from simulator.scenes.quiz_result import QuizResultScene
from simulator.scenes.start import StartScene
from simulator.schema.plan import PlanTag
from tests.pilot import Pilot, texts_overflowing
from tests.test_scene_quiz import answer_by_keys

PILKADA = load_plan(PLAN_DIR / "bimtek-pilkada-calon-tunggal.yaml")


def with_store(tmp_path: Path, lang: str = "id", text_size: str = "normal") -> Pilot:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot((1366, 768), lang, store, text_size)
    pilot.ctx.profile = store.create_profile("Sri")
    return pilot


def buttons(pilot: Pilot) -> list[pygame_gui.elements.UIButton]:
    return [e for e in pilot.top.ui.elements
            if isinstance(e, pygame_gui.elements.UIButton) and e.alive()]


def button_starting(pilot: Pilot, words: str) -> pygame_gui.elements.UIButton:
    found = [b for b in buttons(pilot) if b.text.replace("\u00a0", " ").startswith(words)]
    assert found, f"no button starting {words!r} among {[b.text for b in buttons(pilot)]}"
    return found[0]


@pytest.mark.slow
def test_the_start_screen_opens_the_class_with_b_and_esc_comes_back(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    pilot.show(StartScene(pilot.ctx))
    pilot.key(pygame.K_b)
    assert isinstance(pilot.top, PlanScene), "B on the start screen opens the bimtek class"
    assert len(pilot.top.plans()) >= 2
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, StartScene)


@pytest.mark.slow
def test_the_pre_test_by_keyboard_alone_is_saved_as_the_plans_pre_test(tmp_path: Path) -> None:
    pilot = with_store(tmp_path)
    pilot.show(PlanScene(pilot.ctx, chosen=PILKADA.id))
    pilot.key(pygame.K_m)
    scene = pilot.top
    assert isinstance(scene, QuizScene), "M starts the next step: the pre-test"
    assert scene.play.plan == PlanTag(PILKADA.id, "pre")
    assert [i.question.id for i in scene.play.run.queue] == PILKADA.pre_test.questions
    while scene.shown is not None:
        answer_by_keys(pilot, scene)
    assert isinstance(pilot.top, QuizResultScene)
    shown = [e for e in pilot.ctx.manager.get_root_container().elements
             if e.visible and not isinstance(e, pygame_gui.core.UIContainer)]
    strays = [e for e in shown if e not in pilot.top.ui.elements]
    assert not strays, f"the last question's elements stay on the result screen: {strays}"
    assert "Pembahasan soal tes awal diberikan sesudah tes akhir" in pilot.top.mistakes_markup()
    pilot.key(pygame.K_m)
    assert isinstance(pilot.top, PlanScene), "the result leads back to the class"
    store, profile = pilot.ctx.store, pilot.ctx.profile
    assert store is not None and profile is not None
    assert plan_done(store, profile.id, PILKADA.id).tests == {"pre": 100}
    pilot.frames(2)
    start = button_starting(pilot, "Mulai langkah 2")
    assert "Calon tunggal" in start.text, "the next step is the plan's first scenario"
    pre_row = button_starting(pilot, "1. Tes awal")
    assert not pre_row.is_enabled and "selesai, nilai 100" in pre_row.text


@pytest.mark.slow
def test_a_scenario_step_by_mouse_alone_is_a_day_saved_with_the_plan(tmp_path: Path) -> None:
    from simulator.scenes.phase import PhaseScene

    pilot = with_store(tmp_path, "en")
    pilot.show(PlanScene(pilot.ctx, chosen=PILKADA.id))
    pilot.click(button_starting(pilot, "3. Scenario"))
    scene = pilot.top
    assert isinstance(scene, PhaseScene), f"a scenario step opens the day, not {scene!r}"
    assert scene.session.plan == PlanTag(PILKADA.id, "play")
    store = pilot.ctx.store
    assert store is not None
    run = store.run(scene.session.run_id or 0)
    assert run is not None and (run.plan, run.plan_part) == (PILKADA.id, "play")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("text_size", ["normal", "besar"])
def test_the_class_fits_at_1366x768(tmp_path: Path, lang: str, text_size: str) -> None:
    pilot = with_store(tmp_path, lang, text_size)
    pilot.show(PlanScene(pilot.ctx, chosen=PILKADA.id))
    scene = pilot.top
    assert texts_overflowing(scene) == [], f"cut words at {text_size} in {lang}"
    window = pygame.Rect((0, 0), pilot.ctx.size)
    for button in buttons(pilot):
        assert window.contains(button.rect), f"{button.text!r} leaves the window"
    start = button_starting(pilot, "Mulai" if lang == "id" else "Start")
    rows = [b for b in buttons(pilot) if b.text[:2] in ("1.", "2.", "3.", "4.")]
    assert len(rows) == 4 and all(r.rect.bottom <= start.rect.top for r in rows), (
        "the steps stand in order above the button that starts the next one")


def test_a_plan_day_ends_with_the_way_back_to_the_class(tmp_path: Path) -> None:
    from simulator.app.play import Mode, PlaySession
    from simulator.scenes.debrief import DebriefScene
    from tests.pilot import entry

    pilot = with_store(tmp_path)
    session = PlaySession.begin(entry("pilkada-calon-tunggal-hitung"), Mode.LATIHAN, None, None,
                                plan=PlanTag(PILKADA.id, "play"))
    debrief = DebriefScene(pilot.ctx, session)
    assert debrief.buttons()[1][0] == "Kembali ke kelas bimtek"
    pilot.show(debrief)
    debrief.next()
    pilot.frames(1)
    assert isinstance(pilot.top, PlanScene) and pilot.top.chosen == PILKADA.id
