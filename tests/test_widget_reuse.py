"""A scene built again takes over the elements of its last build (simulator/app/reuse.py):
what did not change is the same element, what changed is changed in place, what went away
is hidden and later killed, and the screen looks exactly as a build from scratch would."""

from __future__ import annotations

import itertools

import pygame
import pygame_gui
import pytest
from pygame_gui.elements import UIButton, UIImage, UILabel

from simulator.app.reuse import SPARE_BUILDS
from simulator.app.scene import Scene
from simulator.app.widgets import Widgets
from simulator.core.actions import EndPhase
from simulator.core.careful import CarefulCrew
from simulator.scenes.dialog import ConfirmDialog
from simulator.schema.types import Phase
from tests.pilot import Pilot


class Board(Scene):
    """A small screen whose content the test changes between builds: a picture with a
    button on it, a heading, a scrolling list of rows and an entry."""

    def __init__(self, pilot: Pilot) -> None:
        super().__init__(pilot.ctx)
        self.rows = ["Satu", "Dua", "Tiga", "Empat"]
        self.heading = "Papan"
        self.picture_size = (200, 120)
        self.disable_first = False
        self.with_entry = True
        self.pressed: list[str] = []
        self.scroller: pygame_gui.elements.UIScrollingContainer | None = None

    def build(self) -> None:
        picture = pygame.Surface(self.picture_size)
        picture.fill((40, 90, 160))
        self.ui.image(pygame.Rect((20, 20), self.picture_size), picture)
        self.ui.button(pygame.Rect(30, 30, 120, 36), "Di atas gambar", lambda: None)
        self.ui.label(pygame.Rect(300, 20, 300, 30), self.heading)
        self.scroller = self.ui.scroller(pygame.Rect(300, 60, 300, 120))
        for index, row in enumerate(self.rows):
            button = self.ui.button(
                pygame.Rect(0, index * 40, 270, 36),
                row,
                lambda r=row: self.pressed.append(r),
                container=self.scroller,
            )
            if index == 0 and self.disable_first:
                button.disable()
        self.scroller.set_scrollable_area_dimensions((270, 40 * len(self.rows)))
        if self.with_entry:
            self.ui.entry(pygame.Rect(20, 200, 120, 34), lambda text: None, name="angka")


def buttons(scene: Scene) -> dict[str, UIButton]:
    return {e.text: e for e in scene.ui.elements if isinstance(e, UIButton)}


@pytest.fixture
def board() -> tuple[Pilot, Board]:
    pilot = Pilot()
    scene = Board(pilot)
    pilot.show(scene)
    return pilot, scene


def test_a_rebuild_with_nothing_changed_makes_no_element(board: tuple[Pilot, Board]) -> None:
    pilot, scene = board
    before = list(scene.ui.elements)
    scene.rebuild()
    pilot.frames(1)
    assert scene.ui.elements == before, "a rebuild of an unchanged screen made elements anew"
    assert all(element.alive() and element.visible for element in before)


def test_a_row_that_went_away_goes_and_the_rest_are_the_same_elements_moved(
    board: tuple[Pilot, Board],
) -> None:
    pilot, scene = board
    old = buttons(scene)
    scene.rows.remove("Dua")
    scene.rebuild()
    pilot.frames(1)
    new = buttons(scene)
    assert "Dua" not in new
    for row in ("Satu", "Tiga", "Empat"):
        assert new[row] is old[row], f"the row {row!r} was made again instead of taken over"
    assert new["Tiga"].get_relative_rect().top == 40, "a row taken over was not moved up"
    gone = old["Dua"]
    assert not gone.visible, "a row that went away is still shown"
    assert gone not in scene.ui.live_focusable(), "a row that went away can take the focus"
    assert gone not in scene.ui.callbacks, "a row that went away still runs its callback"


def test_an_element_gone_for_good_is_killed(board: tuple[Pilot, Board]) -> None:
    _pilot, scene = board
    gone = buttons(scene)["Empat"]
    scene.rows.remove("Empat")
    for _ in range(SPARE_BUILDS + 1):
        scene.rebuild()
    assert not gone.alive(), f"a row gone for {SPARE_BUILDS + 1} builds is still alive"


def test_an_element_that_comes_back_is_the_one_that_went(board: tuple[Pilot, Board]) -> None:
    _pilot, scene = board
    entry = scene.ui.named_entries["angka"]
    scene.with_entry = False
    scene.rebuild()
    assert "angka" not in scene.ui.named_entries
    assert not entry.visible
    scene.with_entry = True
    scene.rebuild()
    assert scene.ui.named_entries["angka"] is entry, "the entry that came back was made anew"
    assert entry.visible


def test_changed_words_are_written_into_the_same_element(board: tuple[Pilot, Board]) -> None:
    _pilot, scene = board
    label = next(e for e in scene.ui.elements if isinstance(e, UILabel))
    scene.heading = "Papan baru"
    scene.rebuild()
    assert next(e for e in scene.ui.elements if isinstance(e, UILabel)) is label
    assert label.text == "Papan baru"


def test_an_element_changed_after_making_is_taken_over_as_made(
    board: tuple[Pilot, Board],
) -> None:
    _pilot, scene = board
    scene.disable_first = True
    scene.rebuild()
    first = buttons(scene)["Satu"]
    assert not first.is_enabled
    scene.disable_first = False
    scene.rebuild()
    assert buttons(scene)["Satu"] is first
    assert first.is_enabled, "a button disabled in the last build stayed disabled"


def test_a_picture_made_anew_is_drawn_under_the_button_on_it(
    board: tuple[Pilot, Board],
) -> None:
    pilot, scene = board
    button = buttons(scene)["Di atas gambar"]
    old_picture = next(e for e in scene.ui.elements if isinstance(e, UIImage))
    scene.picture_size = (220, 120)  # another size: the picture is made anew
    scene.rebuild()
    picture = next(e for e in scene.ui.elements if isinstance(e, UIImage))
    assert picture is not old_picture and buttons(scene)["Di atas gambar"] is button
    order = pilot.ctx.manager.get_sprite_group().sprites()
    assert order.index(picture) < order.index(button), (
        "the picture made anew is drawn over the button taken over"
    )
    pilot.frames(1)
    inside = (button.rect.centerx, button.rect.top + 3)
    assert pilot.ctx.screen.get_at(inside)[:3] != (40, 90, 160), (
        "the button is hidden under the picture"
    )


def test_a_press_meant_for_the_old_screen_is_dropped(board: tuple[Pilot, Board]) -> None:
    """A click on a row and a key that changes the screen in the same frame: the click was
    on what the row said before, so it must not press what the row says now."""
    pilot, scene = board
    row = buttons(scene)["Satu"]
    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=row))
    scene.rebuild()
    pilot.frames(1)
    assert scene.pressed == [], "a press queued before the screen changed was acted on"
    assert buttons(scene)["Satu"] is row


def test_a_scroll_position_survives_a_rebuild(board: tuple[Pilot, Board]) -> None:
    pilot, scene = board
    scene.rows = [f"Baris {n}" for n in range(12)]
    scene.rebuild()
    assert scene.scroller is not None and scene.scroller.vert_scroll_bar is not None
    scene.scroller.vert_scroll_bar.set_scroll_from_start_percentage(0.5)
    pilot.frames(2)
    scroller = scene.scroller
    top = scroller.scrollable_container.get_relative_rect().top
    assert top < 0
    scene.heading = "Papan baru"
    scene.rebuild()
    pilot.frames(2)
    assert scene.scroller is scroller
    assert scroller.scrollable_container.get_relative_rect().top == top


def test_focus_stays_on_the_same_element_across_a_rebuild(board: tuple[Pilot, Board]) -> None:
    pilot, scene = board
    row = buttons(scene)["Tiga"]
    scene.ui.set_focus(row)
    memory = scene.ui.remember_focus()
    scene.rebuild()
    scene.ui.restore_focus(memory)
    pilot.frames(1)
    assert scene.ui.focused() is row and row.is_selected
    others = [b for b in buttons(scene).values() if b is not row]
    assert not any(b.is_selected for b in others), "a button taken over kept its old ring"


def test_a_dialog_built_again_stays_above_the_screen(board: tuple[Pilot, Board]) -> None:
    pilot, scene = board
    dialog = ConfirmDialog(pilot.ctx, "Judul", "Isi", "Ya", "Batal")
    pilot.ctx.stack.push(dialog)
    pilot.frames(1)
    dialog.rebuild()
    pilot.frames(1)
    below = max(e.get_top_layer() for e in scene.ui.elements)
    assert min(e.layer for e in dialog.ui.elements) > below, "the dialog fell under the screen"


def test_teardown_kills_every_element_and_spare(board: tuple[Pilot, Board]) -> None:
    _pilot, scene = board
    scene.rows.remove("Dua")
    scene.rebuild()
    everything = list(scene.ui.elements) + [spare.element for spare in scene.ui.spares]
    assert scene.ui.spares, "the row that went away was not kept as a spare"
    scene.teardown()
    assert not any(element.alive() for element in everything)


def test_a_widgets_of_another_manager_is_not_taken_over() -> None:
    first, second = Pilot(), Pilot()
    old = Widgets(first.ctx.manager)
    button = old.button(pygame.Rect(0, 0, 100, 30), "A", lambda: None)
    new = Widgets(second.ctx.manager)
    new.take_over(old)
    assert new.button(pygame.Rect(0, 0, 100, 30), "A", lambda: None) is not button
    new.release_unused()
    assert not button.alive()


# --- the real screens ---------------------------------------------------------------------


def shown(pilot: Pilot) -> bytes:
    pilot.frames(2)
    return pygame.image.tobytes(pilot.ctx.screen, "RGB")


def from_scratch(pilot: Pilot, scene: Scene) -> bytes:
    """``scene`` built again with nothing to take over."""
    memory = scene.ui.remember_focus()
    scene.ui.clear()
    scene.ui = Widgets(pilot.ctx.manager)
    scene.build_over(None)
    scene.ui.restore_focus(memory)
    return shown(pilot)


@pytest.mark.slow
@pytest.mark.parametrize("phase", [Phase.LOGISTIK, Phase.PEMUNGUTAN])
def test_a_phase_scene_after_actions_looks_as_if_built_from_scratch(phase: Phase) -> None:
    """Each action's rebuild takes over most of the screen, and the screen is the same, pixel
    for pixel, as one built from nothing."""
    from simulator.scenes.phases import scene_for

    pilot = Pilot()
    session = pilot.start_session("pemilu-hari-penuh")
    crew = CarefulCrew(session.sim)
    while session.sim.world.phase is not phase:
        for action in crew.phase_actions(session.sim.world.phase):
            crew.do(action)
        crew.respond_to_events()
        crew.do(EndPhase())
    scene = pilot.show(scene_for(pilot.ctx, session))
    if hasattr(scene, "toggle_pause"):
        scene.toggle_pause()  # the clock must not move between the two pictures
    made: list[int] = []
    # Lazily: the desk's next action depends on the last one applied (a list of them, taken
    # before any is played, never ends: the clock it advances never moves).
    for action in itertools.islice(crew.phase_actions(phase), 12):
        if pilot.top is not scene:
            break
        before = set(scene.ui.elements) | {spare.element for spare in scene.ui.spares}
        pilot.play(action)
        crew.respond_to_events()
        if pilot.top is not scene:
            break
        made.append(sum(1 for e in scene.ui.elements if e not in before))
        reused = shown(pilot)
        assert reused == from_scratch(pilot, scene), (
            f"after {action.kind} the screen built by taking over differs from one built anew"
        )
    assert made, "no action was played on the screen"
    assert min(made) == 0, f"every rebuild made elements anew: {made}"
