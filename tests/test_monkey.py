"""A monkey at the keyboard and mouse: thousands of random events on every screen, and the
game never raises. Seeds are fixed, so a failure replays."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pygame
import pytest

from simulator.app.play import Mode, PlaySession
from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew
from simulator.persistence.store import SaveStore
from simulator.scenes.phases import scene_for
from simulator.scenes.picker import PickerScene
from simulator.scenes.settings import SettingsScene
from simulator.scenes.start import StartScene
from tests.pilot import Pilot, entry

EVENTS_PER_SCREEN = 400
KEYS = [
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_ESCAPE,
    pygame.K_F1,
    pygame.K_BACKSPACE,
    *range(pygame.K_a, pygame.K_z + 1),
    *range(pygame.K_0, pygame.K_9 + 1),
]


def random_event(rng: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    pos = (rng.randrange(size[0]), rng.randrange(size[1]))
    roll = rng.random()
    if roll < 0.35:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
    if roll < 0.55:
        return pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)
    if roll < 0.65:
        return pygame.event.Event(
            pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False
        )
    if roll < 0.70:
        return pygame.event.Event(
            pygame.MOUSEWHEEL,
            x=0,
            y=rng.choice((-1, 1)),
            flipped=False,
            precise_x=0.0,
            precise_y=0.0,
            touch=False,
        )
    if roll < 0.80:
        text = rng.choice(string.ascii_letters + string.digits + ":. ")
        return pygame.event.Event(pygame.TEXTINPUT, text=text)
    key = rng.choice(KEYS)
    mod = pygame.KMOD_SHIFT if rng.random() < 0.1 else 0
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


def unleash(pilot: Pilot, seed: int, count: int = EVENTS_PER_SCREEN) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        # Pressing a button mid-press: DOWN and UP in one frame, like a quick click.
        event = random_event(rng, pilot.ctx.size)
        events = [event]
        if event.type == pygame.MOUSEBUTTONDOWN and rng.random() < 0.7:
            events.append(
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=event.pos, button=1, touch=False)
            )
        pilot.frames(1, events)
        assert pilot.ctx.stack.top is not None, "the game must always show a screen"


@pytest.mark.slow
def test_monkey_on_the_menus(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Monyet")
    for index, scene in enumerate(
        [StartScene(pilot.ctx), PickerScene(pilot.ctx), SettingsScene(pilot.ctx)]
    ):
        pilot.show(scene)
        unleash(pilot, seed=index)
        pilot.ctx.running = True  # the monkey may press Quit; that is allowed


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["pemilu-hari-penuh", "pilkada-calon-tunggal-hitung"])
def test_monkey_on_every_phase(scenario: str, tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Monyet")
    phases = entry(scenario).scenario.phases
    for index, phase in enumerate(phases):
        # Played to the phase headless; only the phase's own screen is shown to the monkey.
        session = PlaySession.begin(entry(scenario), Mode.LATIHAN, pilot.ctx.store, None)
        crew = CarefulCrew(session.sim)
        while session.sim.world.phase is not phase:
            for action in crew.phase_actions(session.sim.world.phase):
                crew.do(action)
            crew.do(EndPhase())
        pilot.show(scene_for(pilot.ctx, session))
        unleash(pilot, seed=100 + index)


@pytest.mark.slow
def test_monkey_on_the_quiz(tmp_path: Path) -> None:
    """The quiz menu (which starts sittings of every mode), a sitting, and a result."""
    from datetime import date

    from simulator.app.quiz_play import QuizPlay
    from simulator.quiz.session import Mode
    from simulator.scenes.quiz import QuizScene
    from simulator.scenes.quiz_menu import QuizMenuScene

    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Monyet")
    today = date(2026, 11, 23)
    for index in range(3):
        pilot.show(QuizMenuScene(pilot.ctx, today=today))
        unleash(pilot, seed=200 + index)
    for index, mode in enumerate(Mode):
        play = QuizPlay.begin(mode, pilot.ctx.quiz(), None, today, seed=index)
        pilot.show(QuizScene(pilot.ctx, play))
        unleash(pilot, seed=300 + index, count=600)
