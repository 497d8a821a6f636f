"""The counting scene at a 300-voter TPS (issue 10), run by ``bench/run.py``:

- counting_p95_response: 95th-percentile time (ms) from a key that rules a ballot to the next
  frame drawn, at 1366×768 in Latihan, while the DPR box of 300 ballots (ten parties of six
  candidates: a 71-row plano) is ruled from the keyboard: the party's number, then the
  candidate's (Enter where a longer number starts alike), every ballot ruled as the engine
  judges it. The frame after each ruling runs too (the scene draws the next ballot ahead
  in it), untimed, as it would before a trainee's next key.

Set SDL_VIDEODRIVER (dummy by default) to measure under a real display.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TPS_300 = ROOT / "bench" / "scenarios" / "pemilu-300.yaml"


def measure_counting_response() -> float:
    sys.path.insert(0, str(ROOT))
    import pygame

    from simulator.app.driver import Driver
    from simulator.app.library import ScenarioEntry
    from simulator.app.play import Mode, PlaySession
    from simulator.app.shots import headless_context
    from simulator.content import load_scenario, scenario_sha256
    from simulator.core.actions import EndPhase
    from simulator.core.careful import CarefulCrew
    from simulator.core.phases import penghitungan
    from simulator.core.targets import parse_target
    from simulator.scenes.phases import scene_for
    from simulator.schema.types import BallotType, Phase

    entry = ScenarioEntry(TPS_300, load_scenario(TPS_300), scenario_sha256(TPS_300))
    ctx = headless_context((1366, 768), "id")
    session = PlaySession.begin(entry, Mode.LATIHAN, None, None)
    crew = CarefulCrew(session.sim)
    world = session.sim.world
    while world.phase is not Phase.PENGHITUNGAN:
        for action in crew.phase_actions(world.phase):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    driver = Driver(ctx)
    ctx.stack.replace(scene_for(ctx, session))

    def key(name: str) -> float:
        """A key pressed and released (a key still held is not pressed again), timed to the
        frame drawn after it."""
        code = {"\r": pygame.K_RETURN, "<": pygame.K_LEFT}.get(name) or pygame.key.key_code(name)
        down = pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)
        up = pygame.event.Event(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)
        start = time.perf_counter()
        driver.step(1 / 60, [down, up, *pygame.event.get()])
        return (time.perf_counter() - start) * 1000

    def keys_for(verdict: str, parties: int, candidates: int) -> str:
        if verdict == "invalid":
            return "x"
        target = parse_target(verdict)
        party = str(target.number)
        keys = party + (
            "\r"
            if any(str(n).startswith(party) and str(n) != party for n in range(1, parties + 1))
            else ""
        )
        if target.candidate is None:
            return keys + "0"
        number = str(target.candidate)
        longer = any(
            str(n).startswith(number) and str(n) != number for n in range(1, candidates + 1)
        )
        return keys + number + ("\r" if longer else "")

    # PPWP to the crew (its question opens on "cancel": Left, then Enter; T again shows the
    # crew's count at once), then the DPR box.
    for name in ("1", "a", "t", "<", "\r", "t", "2", "a"):
        key(name)
        driver.step(1 / 60, pygame.event.get())  # a dialog is drawn before it takes keys
    assert world.counting.open_box is BallotType.DPR, "the DPR box should be open"
    contest = world.scenario.contest(BallotType.DPR)
    assert contest is not None
    parties = len(contest.slates)
    candidates = max(len(slate.candidates) for slate in contest.slates)
    for _ in range(30):
        driver.step(1 / 60, pygame.event.get())
    times = []
    while world.counting.open_box is BallotType.DPR:
        ballot = penghitungan.current_ballot(world)
        assert ballot is not None
        verdict = str(penghitungan.true_verdict(world, ballot).counted_as)
        typed = keys_for(verdict, parties, candidates)
        for name in typed[:-1]:
            key(name)
        times.append(key(typed[-1]))
        driver.step(1 / 60, pygame.event.get())
    assert len(times) == 300 and not session.sim.findings, "every ballot ruled rightly by key"
    return statistics.quantiles(times, n=20)[-1]


def rows() -> list[tuple[str, float, str, float]]:
    return [("counting_p95_response", measure_counting_response(), "ms", 33.0)]
