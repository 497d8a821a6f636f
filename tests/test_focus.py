"""The focus model of ``simulator/app/widgets.py``, one slip at a time: each test is something
a trainee met (issue 10), played through the real event path as SDL sends it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton, UITextEntryLine

from simulator.app.reading_order import in_panels, reading_order
from simulator.app.widgets import Widgets
from simulator.core.phases.formulir import CorrectFigure, EnterFigure
from simulator.persistence.store import SaveStore
from simulator.scenes.dialog import ConfirmDialog
from simulator.scenes.event import EventDialog
from simulator.scenes.pause import PauseScene
from simulator.scenes.phases.formulir import CorrectionDialog, FormulirScene
from simulator.scenes.phases.pemungutan import PemungutanScene
from simulator.scenes.profiles import ProfileScene
from simulator.scenes.start import StartScene
from simulator.schema.types import Phase
from tests.pilot import Pilot, key_events
from tests.test_keyboard_walk import check_ring, show_objection, show_phase


def held(key: int, char: str = "") -> list[pygame.event.Event]:
    """A key going down (or repeating) while held: no release yet."""
    down = pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0)
    return [down, pygame.event.Event(pygame.TEXTINPUT, text=char)] if char else [down]


def release(key: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)


def click(pilot: Pilot, pos: tuple[int, int]) -> None:
    pilot.frames(
        1,
        [
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False),
        ],
    )
    pilot.frames(1)  # the press pygame_gui reports, a frame later


def forms(pilot: Pilot, name: str = "pilkada-hari-penuh") -> FormulirScene:
    show_phase(pilot, name, Phase.FORMULIR)
    pilot.frames(2)
    scene = pilot.top
    assert isinstance(scene, FormulirScene), f"the forms open, not {type(scene).__name__}"
    return scene


def cell(scene: FormulirScene, field_id: str) -> UITextEntryLine:
    return scene._entries[field_id]


def field_of(scene: FormulirScene, element: object) -> str | None:
    return next((f for f, e in scene._entries.items() if e is element), None)


# --- Printed shortcut keys never type into a box ------------------------------------------------


def test_shortcut_keys_after_a_search_are_shortcuts_not_letters_in_the_search() -> None:
    """ "12345Yohanes" in the voter search: after Enter in the search, the next keys were
    typed into it (in front of the name) instead of working the desk."""
    pilot = Pilot()
    session = pilot.start_session("meja-pemilih-jebakan")
    scene = pilot.top
    assert isinstance(scene, PemungutanScene)
    for _ in range(100):
        if scene.ui.focused() is scene.search_entry:
            break
        pilot.key(pygame.K_TAB)
    assert scene.ui.focused() is scene.search_entry, "Tab reaches the voter search"
    pilot.type("Yohanes")
    pilot.key(pygame.K_RETURN, unicode="\r")
    pilot.frames(1)
    pilot.type("n1")
    search = pilot.top.search_entry  # type: ignore[attr-defined]
    assert search is not None and search.get_text() == "Yohanes", (
        f"keys after the search went into it: {search and search.get_text()!r}"
    )
    kinds = [logged.action.kind for logged in session.sim.log]
    assert kinds[-2:] == ["call_voter", "admit_voter"], f"N and 1 work the desk: {kinds}"


def test_a_held_key_that_opens_the_profiles_does_not_type_into_the_new_name(
    tmp_path: Path,
) -> None:
    """ "g" in a new profile name: G on the start screen, held a moment, repeats into the
    name entry of the screen it opened."""
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.show(StartScene(pilot.ctx))
    pilot.frames(1, held(pygame.K_g, "g"))
    assert isinstance(pilot.top, ProfileScene), "G opens the profiles"
    pilot.frames(1, held(pygame.K_g, "g"))  # the key repeats: it is still down
    pilot.frames(1, [release(pygame.K_g)])
    pilot.type("Wulan")
    name = next(iter(pilot.top.ui.entry_submit))
    assert name.get_text() == "Wulan", f"the key that opened the screen typed: {name.get_text()!r}"


# --- The ring and pygame_gui's focus are one ----------------------------------------------------


def test_a_click_in_a_cell_moves_the_ring_and_tab_goes_on_from_there() -> None:
    """Keys landed in a cell other than the one the ring marked, and Tab then jumped from the
    ring's cell, far from where the trainee was typing."""
    pilot = Pilot()
    scene = forms(pilot)
    assert field_of(scene, scene.ui.focused()) == "I.A1.men"
    target = cell(scene, "I.A3.men")
    click(pilot, target.rect.center)
    assert scene.ui.focused() is target, "a click in a cell puts the ring on it"
    check_ring(pilot, "after a click in a cell")
    pilot.type("7")
    assert target.get_text() == "7" and cell(scene, "I.A1.men").get_text() == ""
    pilot.key(pygame.K_TAB)
    pilot.frames(1)
    last = scene.session.sim.log[-1].action
    assert last == EnterFigure(ballot=scene.current, field="I.A3.men", value=7), last
    assert field_of(scene, scene.ui.focused()) == "I.A3.women", (
        f"Tab goes to the next cell of the row, not {describe_field(scene)}"
    )


def describe_field(scene: FormulirScene) -> str:
    return str(field_of(scene, scene.ui.focused()) or scene.ui.focused())


def test_a_click_beside_the_cells_clears_the_focus_and_keys_type_nowhere() -> None:
    pilot = Pilot()
    scene = forms(pilot)
    texts = {f: e.get_text() for f, e in scene._entries.items()}
    header = scene.header_rect()
    click(pilot, (header.centerx, header.centery))
    assert scene.ui.focused() is None, "a click on no button or entry clears the focus"
    check_ring(pilot, "after a click beside the cells")
    pilot.type("45")
    assert {f: e.get_text() for f, e in scene._entries.items()} == texts, "a cell took text"


def test_only_the_top_screen_shows_a_ring_and_it_comes_back_after_a_dialog() -> None:
    pilot = Pilot()
    session = pilot.start_session("pemilu-hari-penuh")
    scene = pilot.top
    pilot.key(pygame.K_TAB)
    focused = scene.ui.focused()
    assert isinstance(focused, UIButton) and focused.is_selected
    pilot.key(pygame.K_e)
    assert isinstance(pilot.top, ConfirmDialog)
    assert not focused.is_selected, "the scene under a dialog shows no ring"
    check_ring(pilot, "in the end-of-phase dialog")
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is scene and session.sim.world.phase is Phase.LOGISTIK
    assert scene.ui.focused() is focused and focused.is_selected, "the ring is back"
    check_ring(pilot, "after the dialog")


# --- Tab follows reading order ------------------------------------------------------------------


@pytest.mark.slow
def test_tab_walks_a_form_row_by_row_left_to_right() -> None:
    pilot = Pilot()
    scene = forms(pilot)
    order = list(scene._entries)  # the cells in printed order, row by row
    scene.ui.set_focus(cell(scene, order[0]))
    seen = [order[0]]
    for _ in order[1:]:
        pilot.key(pygame.K_TAB)
        seen.append(field_of(scene, scene.ui.focused()) or "not a cell")
    assert seen == order, "Tab leaves the printed order of the form"
    rects = [cell(scene, f).get_relative_rect() for f in order]
    for before, after in itertools.pairwise(rects):
        same_row = before.top == after.top
        assert (same_row and before.left < after.left) or after.top > before.top, (
            "the printed order is row by row, left to right"
        )


def test_reading_order_reads_rows_then_columns() -> None:
    r = pygame.Rect
    grid = [(r(x * 100, y * 40, 90, 32), f"{y}{x}") for y in (2, 0, 1) for x in (2, 0, 1)]
    assert reading_order(grid) == ["00", "01", "02", "10", "11", "12", "20", "21", "22"]
    # A tall list beside a column of buttons: the column, then the list (never interleaved).
    columns = [
        (r(600, 0, 300, 500), "list"),
        (r(0, 0, 200, 40), "a"),
        (r(0, 100, 200, 40), "b"),
        (r(0, 200, 200, 40), "c"),
    ]
    assert reading_order(columns) == ["a", "b", "c", "list"]
    # A heading row over two columns, and a footer under them.
    page = [
        (r(0, 500, 900, 40), "footer"),
        (r(0, 0, 900, 40), "heading"),
        *columns[1:],
        (r(600, 60, 300, 400), "list"),
    ]
    assert reading_order(page) == ["heading", "a", "b", "c", "list", "footer"]
    # Two rows of buttons (the second shorter) beside a list: the rows, then the list.
    clock = [
        (r(188, 92, 104, 32), "06:30"),
        (r(298, 92, 70, 32), "06:40"),
        (r(374, 92, 70, 32), "07:00"),
        (r(188, 128, 70, 32), "07:10"),
        (r(264, 128, 70, 32), "07:30"),
        (r(464, 64, 560, 576), "steps"),
    ]
    assert reading_order(clock) == ["06:30", "06:40", "07:00", "07:10", "07:30", "steps"]


def test_a_screen_is_read_a_panel_at_a_time() -> None:
    r = pygame.Rect
    stage, side, inner = r(0, 60, 900, 640), r(920, 60, 440, 640), r(10, 200, 400, 300)
    boxes = [
        (r(10, 100, 100, 30), "stage 1"),
        (r(930, 90, 100, 30), "side 1"),
        (r(20, 210, 100, 30), "inner"),
        (r(600, 300, 100, 30), "stage 2"),
        (r(930, 300, 100, 30), "side 2"),
        (r(10, 10, 100, 30), "header"),
    ]
    assert in_panels([stage, side, inner], boxes) == [
        "header", "stage 1", "inner", "stage 2", "side 1", "side 2"
    ], "a row across the stage and the side column is not read across"


def test_a_pressed_button_that_goes_away_leaves_no_focus_for_a_second_enter() -> None:
    """After an action the pressed button may be gone: the focus goes nowhere (a second
    Enter by momentum must not press whatever now stands there, nor type into an entry),
    and Tab goes on from its place."""
    pilot = Pilot()
    widgets = Widgets(pilot.ctx.manager)
    r = pygame.Rect
    widgets.button(r(0, 0, 100, 30), "before", lambda: None)
    gone = widgets.button(r(0, 40, 100, 30), "gone", lambda: None)
    widgets.button(r(0, 80, 100, 30), "after", lambda: None)
    widgets.set_focus(gone)
    memory = widgets.remember_focus()
    widgets.clear()
    before = widgets.button(r(0, 0, 100, 30), "before", lambda: None)
    widgets.entry(r(0, 40, 100, 30), lambda text: None)
    after = widgets.button(r(0, 80, 100, 30), "after", lambda: None)
    widgets.restore_focus(memory)
    assert widgets.focused() is None, f"the focus went to {widgets.focused()!r}"
    widgets.move_focus(1)
    assert isinstance(widgets.focused(), UITextEntryLine), "Tab goes on from the same place"
    widgets.restore_focus(memory)
    widgets.move_focus(-1)
    assert widgets.focused() is before, "Shift+Tab goes back from the same place"
    widgets.set_focus(after)
    assert widgets.remember_focus() is not None
    widgets.clear()


# --- Dialogs: Enter confirms, Esc cancels, nothing is chosen by momentum -----------------------


def test_enter_answers_a_dialog_that_opened_over_a_cell_with_the_cursor() -> None:
    pilot = Pilot()
    scene, dialog = overwrite_a_filled_cell(pilot)
    pilot.frames(1, [release(pygame.K_RETURN)])
    wanted = pilot.ctx.cat("label.method.coret_paraf").capitalize()
    for _ in range(5):
        if getattr(dialog.ui.focused(), "text", "") == wanted:
            break
        pilot.key(pygame.K_DOWN)
    pilot.key(pygame.K_RETURN, unicode="\r")
    pilot.frames(1)
    last = scene.session.sim.log[-1].action
    assert isinstance(last, CorrectFigure) and last.method == "coret_paraf", (
        f"Enter on the focused method applies it, not {last!r}"
    )
    assert pilot.top is scene


@pytest.mark.slow
def test_enter_answers_the_end_of_phase_dialog_after_a_cell_had_the_cursor() -> None:
    pilot = Pilot()
    scene = forms(pilot)
    assert isinstance(scene.ui.focused(), UITextEntryLine), "a cell has the cursor"
    end = next(b for b in scene.ui.focusable if "[E]" in getattr(b, "text", ""))
    click(pilot, end.rect.center)
    dialog = pilot.top
    assert isinstance(dialog, ConfirmDialog), "the end button asks first"
    for _ in range(3):
        if dialog.yes in getattr(dialog.ui.focused(), "text", ""):
            break
        pilot.key(pygame.K_TAB)
    pilot.key(pygame.K_RETURN, unicode="\r")
    pilot.frames(1)
    assert scene.session.sim.world.phase is not Phase.FORMULIR, "Enter on 'yes' ends the phase"


def test_an_event_is_answered_by_keyboard_over_a_form_cell() -> None:
    pilot = Pilot()
    show_objection(pilot)
    dialog = pilot.top
    assert isinstance(dialog, EventDialog), "an objection to a written figure"
    pilot.key(pygame.K_DOWN)
    assert isinstance(dialog.ui.focused(), UIButton), "Down reaches an answer"
    pilot.key(pygame.K_RETURN, unicode="\r")
    pilot.frames(1)
    assert not isinstance(pilot.top, EventDialog), "Enter gives the focused answer"
    session = pilot.top.session  # type: ignore[attr-defined]
    assert session.sim.log[-1].action.kind == "respond"


def test_no_answer_to_an_event_is_focused_or_has_a_key_of_its_own() -> None:
    pilot = Pilot()
    show_objection(pilot)
    dialog = pilot.top
    assert isinstance(dialog, EventDialog)
    session = dialog.phase_scene.session  # type: ignore[attr-defined]
    before = len(session.sim.log)
    pilot.type("1234 ")
    pilot.key(pygame.K_RETURN, unicode="\r")
    assert pilot.top is dialog and len(session.sim.log) == before, "a stray key answered"
    assert dialog.ui.focused() is None, "no answer is focused at first (that would be a hint)"
    check_ring(pilot, "as the event opens")
    assert not dialog.ui.shortcuts, "a wrong answer costs points: no single key gives one"


def overwrite_a_filled_cell(pilot: Pilot) -> tuple[FormulirScene, CorrectionDialog]:
    """5 written in the first cell, then 6 typed over it and Enter: the key still down."""
    scene = forms(pilot)
    first = cell(scene, "I.A1.men")
    pilot.type("5")
    pilot.key(pygame.K_RETURN, unicode="\r")
    pilot.frames(1)
    scene.ui.set_focus(first)
    first.set_text("")
    pilot.type("6")
    pilot.frames(1, held(pygame.K_RETURN))
    pilot.frames(1)
    dialog = pilot.top
    assert isinstance(dialog, CorrectionDialog), "changing a written figure asks how"
    return scene, dialog


def test_a_digit_typed_by_momentum_never_chooses_a_correction_method() -> None:
    """ "[2] Tulis menimpa" was chosen by a digit typed right after changing a filled cell."""
    pilot = Pilot()
    scene, dialog = overwrite_a_filled_cell(pilot)
    pilot.frames(1, held(pygame.K_RETURN))  # Enter repeats: it is still held
    pilot.type("2")
    corrections = [e.action for e in scene.session.sim.log if isinstance(e.action, CorrectFigure)]
    assert not corrections, f"a key typed by momentum chose {corrections}"
    assert pilot.top is dialog, "no key held or typed by momentum answers the dialog"
    assert not dialog.ui.shortcuts, "no correction method has a key of its own"
    assert "Esc" in dialog.ui.focused().text, "the focus starts on leaving the old figure"  # type: ignore[union-attr]
    pilot.frames(1, [release(pygame.K_RETURN)])
    pilot.key(pygame.K_RETURN, unicode="\r")
    assert pilot.top is scene, "a fresh Enter presses the focused answer: keep the old figure"
    assert scene.form().get("I.A1.men") == 5 and not scene.session.sim.findings


def test_keys_typed_before_a_dialog_is_drawn_choose_nothing() -> None:
    pilot = Pilot()
    session = pilot.start_session("pemilu-hari-penuh")
    keys = (pygame.K_e, pygame.K_LEFT, pygame.K_RETURN)
    pilot.frames(1, [event for key in keys for event in key_events(key)])
    assert session.sim.world.phase is Phase.LOGISTIK, "keys before the question was seen"
    assert isinstance(pilot.top, ConfirmDialog), "E asks first"
    pilot.key(pygame.K_LEFT)
    pilot.key(pygame.K_RETURN)
    assert session.sim.world.phase is Phase.PEMBUKAAN, "once seen, the dialog takes keys"


@pytest.mark.slow
def test_esc_cancels_a_dialog_and_pauses_over_an_event() -> None:
    pilot = Pilot()
    scene, _ = overwrite_a_filled_cell(pilot)
    pilot.frames(1, [release(pygame.K_RETURN)])
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is scene and scene.form().get("I.A1.men") == 5
    pilot = Pilot()
    show_objection(pilot)
    event = pilot.top
    assert isinstance(event, EventDialog)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, PauseScene), "Esc over an event opens the pause and its rules"
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is event, "the event waits for its answer"


@pytest.mark.parametrize("dialog_kind", ["end the phase", "stop the exam"])
def test_a_confirmation_starts_on_its_safe_answer(dialog_kind: str) -> None:
    pilot = Pilot()
    if dialog_kind == "end the phase":
        session = pilot.start_session("pemilu-hari-penuh")
        pilot.key(pygame.K_e)
        still = lambda: session.sim.world.phase is Phase.LOGISTIK  # noqa: E731
    else:
        from datetime import date

        from simulator.app.quiz_play import QuizPlay
        from simulator.quiz.session import Mode
        from simulator.scenes.quiz import QuizScene

        play = QuizPlay.begin(Mode.UJIAN, pilot.ctx.quiz(), None, date(2026, 11, 23), seed=1)
        quiz = pilot.show(QuizScene(pilot.ctx, play))
        pilot.key(pygame.K_ESCAPE)
        still = lambda: pilot.top is quiz  # noqa: E731
    dialog = pilot.top
    assert isinstance(dialog, ConfirmDialog), f"{dialog_kind} asks first"
    focused = dialog.ui.focused()
    assert isinstance(focused, UIButton) and dialog.no in focused.text, (
        f"the focus starts on {dialog.no!r}, not on {getattr(focused, 'text', None)!r}"
    )
    pilot.key(pygame.K_RETURN)
    assert pilot.top is not dialog and still(), "Enter on the focused answer cancels"


def test_esc_pauses_from_a_cell_and_the_ring_comes_back_to_it() -> None:
    pilot = Pilot()
    scene = forms(pilot)
    first = scene.ui.focused()
    assert isinstance(first, UITextEntryLine)
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, PauseScene), "Esc pauses, wherever the focus is"
    check_ring(pilot, "in the pause menu")
    pilot.key(pygame.K_ESCAPE)
    assert pilot.top is scene and scene.ui.focused() is first, "back in the same cell"
    check_ring(pilot, "back from the pause")
    pilot.type("8")
    assert first.get_text() == "8"


def test_enter_held_after_a_numeric_answer_does_not_answer_the_next_question() -> None:
    from datetime import date

    from simulator.app.quiz_play import QuizPlay
    from simulator.quiz.session import Mode
    from simulator.scenes.quiz import QuizScene

    pilot = Pilot()
    one_press = {"single", "true_false", "ballot"}
    for seed in range(500):
        play = QuizPlay.begin(Mode.UJIAN, pilot.ctx.quiz(), None, date(2026, 11, 23), seed=seed)
        queue = [item.question.type for item in play.run.queue[:2]]
        if queue[0] == "numeric" and queue[1] in one_press:
            break
    else:
        raise AssertionError("no exam starts with a figure, then a one-press question")
    scene = pilot.show(QuizScene(pilot.ctx, play))
    pilot.type("12")
    pilot.frames(1, held(pygame.K_RETURN))
    # The figure is submitted (pygame_gui reports it a frame later) and, before the next
    # question is drawn, a 1 typed by momentum.
    pilot.driver.step(1 / 60, pygame.event.get() + key_events(pygame.K_1, 0, "1"))
    assert play.run.position == 1, "Enter answered the figure; the 1 typed unseen did not"
    assert scene.ui.focused() is None, "where one press answers, no answer starts focused"
    pilot.frames(1, held(pygame.K_RETURN))  # Enter repeats: it is still held
    assert play.run.position == 1, "the held Enter answered the question after it"
    pilot.frames(1, [release(pygame.K_RETURN)])
    pilot.key(pygame.K_1, unicode="1")
    assert play.run.position == 2, "a fresh key on the question seen answers it"


def test_enter_in_the_last_cell_stays_there() -> None:
    """The last figure written with Enter: a second Enter by momentum must not press the
    button after the form (record a discrepancy, sign)."""
    pilot = Pilot()
    scene = forms(pilot)
    cells = [e for e in scene.ui.live_focusable() if e in scene._entries.values()]
    last = cells[-1]
    scene.ui.set_focus(last)
    pilot.type("9")
    pilot.key(pygame.K_RETURN, unicode="\r")
    pilot.frames(1)
    assert scene.ui.focused() is last, "Enter in the last cell keeps the focus in it"
    pilot.key(pygame.K_TAB)
    assert scene.ui.focused() not in cells, "Tab goes on past the form"


def test_typing_after_a_dialog_goes_on_after_the_letters_already_typed() -> None:
    pilot = Pilot()
    pilot.start_session("meja-pemilih-jebakan")
    scene = pilot.top
    assert isinstance(scene, PemungutanScene)
    pilot.key(pygame.K_F3)
    assert scene.ui.focused() is scene.search_entry, "F3 puts the cursor in the voter search"
    pilot.type("Sa")
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, PauseScene)
    pilot.key(pygame.K_ESCAPE)
    pilot.type("ri")
    search = pilot.top.search_entry  # type: ignore[attr-defined]
    assert search is not None and search.get_text() == "Sari", search and search.get_text()


def test_a_key_pressed_before_a_dialog_was_seen_does_not_act_when_it_repeats() -> None:
    pilot = Pilot()
    session = pilot.start_session("pemilu-hari-penuh")
    pilot.frames(1, key_events(pygame.K_e) + held(pygame.K_LEFT))
    dialog = pilot.top
    assert isinstance(dialog, ConfirmDialog)
    focused = dialog.ui.focused()
    pilot.frames(1, held(pygame.K_LEFT))  # the arrow repeats: still the press from before
    assert dialog.ui.focused() is focused, "a key held since before the dialog moved its focus"
    pilot.frames(1, [release(pygame.K_LEFT)])
    pilot.key(pygame.K_LEFT)
    assert dialog.ui.focused() is not focused, "a fresh press moves it"
    assert session.sim.world.phase is Phase.LOGISTIK


def test_a_form_in_sight_does_not_scroll_under_the_pointer_or_at_each_tab() -> None:
    pilot = Pilot()
    scene = forms(pilot)
    bar = scene._scroller.vert_scroll_bar  # type: ignore[union-attr]
    assert bar is not None and bar.start_percentage == 0
    # A cell in sight, halfway down the visible part of the form (which cell that is depends
    # on the text size's row heights).
    view = scene._scroller.rect  # type: ignore[union-attr]
    in_sight = [e for e in scene._entries.values() if view.contains(e.rect)]
    assert len(in_sight) > 4, "the form shows its cells on opening"
    target = min(in_sight, key=lambda e: abs(e.rect.centery - view.centery))
    click(pilot, target.rect.center)
    assert scene.ui.focused() is target and bar.start_percentage == 0, "the form moved"
    pilot.key(pygame.K_TAB)
    assert bar.start_percentage == 0, "Tab to a cell in sight scrolled the form"
    for _ in range(30):
        pilot.key(pygame.K_TAB)
    assert bar.start_percentage > 0, "Tab to a cell out of sight scrolls it into sight"
