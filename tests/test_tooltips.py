"""A tooltip never covers something to press: it is moved clear of every other button and
entry, or not shown (trainees found tooltips over the answers they were choosing from)."""

from __future__ import annotations

import pygame

from simulator.scenes.phase import PhaseScene
from tests.pilot import Pilot


def hover_until_tooltip(pilot: Pilot, element: object) -> object:
    rect = element.get_abs_rect()  # type: ignore[attr-defined]
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0))
    pilot.frames(1, [motion])
    for _ in range(150):  # pygame_gui shows a tooltip after about a second of hovering
        pygame.mouse.set_pos(rect.center)
        pilot.frames(1, [motion])
        tip = getattr(element, "tool_tip", None)
        if tip is not None:
            return tip
    return None


def test_a_tooltip_is_moved_off_the_choices_or_hidden() -> None:
    pilot = Pilot()
    pilot.start_session("meja-pemilih-jebakan")
    scene = pilot.top
    assert isinstance(scene, PhaseScene)
    with_tips = [e for e in scene.ui.live_focusable() if getattr(e, "tool_tip_text", None)]
    assert with_tips, "the desk has buttons with tooltips"
    checked = 0
    for element in with_tips[:6]:
        tip = hover_until_tooltip(pilot, element)
        if tip is None:
            continue
        checked += 1
        others = [e.get_abs_rect() for e in scene.ui.live_focusable() if e is not element]
        if tip.alive():  # type: ignore[attr-defined]
            covered = [o for o in others if tip.rect.colliderect(o)]  # type: ignore[attr-defined]
            assert not covered, f"the tooltip of {element.text!r} covers {covered}"
            assert pilot.ctx.screen.get_rect().contains(tip.rect)  # type: ignore[attr-defined]
    assert checked, "no tooltip appeared while hovering"
