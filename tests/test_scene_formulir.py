"""The result-forms scene, played through its widgets: figures typed into the cells of the
C.Hasil, corrections, signing; texts fit in both languages at both window sizes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
import pytest
from pygame_gui.elements import UIButton, UILabel

from simulator.app.context import AppContext
from simulator.app.driver import Driver
from simulator.app.library import ScenarioEntry
from simulator.app.play import Mode, PlaySession
from simulator.app.shots import headless_context
from simulator.app.widgets import offer_key
from simulator.content.load import load_scenario
from simulator.core.actions import Action, EndPhase, InformPtps, RecordSpecialEvent
from simulator.core.phases import formulir
from simulator.core.phases.formulir import SignForm
from simulator.scenes.phases.formulir import CorrectionDialog, FormulirScene, entry_name
from simulator.schema.types import BallotType, Phase

ROOT = Path(__file__).resolve().parents[1] / "scenarios"
COUNT_SCENARIO = ROOT / "pilkada-calon-tunggal-hitung.yaml"
GUBERNUR, BUPATI = BallotType.GUBERNUR, BallotType.BUPATI


def forms_scene(
    size: tuple[int, int] = (1366, 768), lang: str = "id", path: Path = COUNT_SCENARIO
) -> tuple[AppContext, FormulirScene]:
    """The forms phase alone (a careful count before it), on screen."""
    scenario = load_scenario(path).model_copy(update={"phases": [Phase.FORMULIR]})
    ctx = headless_context(size, lang)
    session = PlaySession.begin(ScenarioEntry(path, scenario, "test"), Mode.LATIHAN, None, None)
    scene = FormulirScene(ctx, session)
    ctx.stack.replace(scene)
    return ctx, scene


def kinds(scene: FormulirScene) -> list[str]:
    return [entry.action.kind for entry in scene.session.sim.log]


def rule_ids(scene: FormulirScene) -> set[str]:
    return {finding.rule_id for finding in scene.session.sim.findings}


def submit(scene: FormulirScene, ballot: BallotType, field_id: str, value: int) -> None:
    """Type ``value`` into a cell and press Enter, as pygame_gui reports it."""
    name = entry_name(ballot, field_id)
    entry = scene.ui.named_entries.get(name)
    assert entry is not None, f"no entry named {name!r} on the {scene.current.value} form"
    entry.set_text(str(value))
    scene.ctx.stack.top.handle(
        pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_FINISHED, ui_element=entry, text=str(value))
    )


def press(ctx: AppContext, button: UIButton) -> None:
    Driver(ctx).step(1 / 60, [pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button)])


def press_offer(scene: FormulirScene, action: Action) -> None:
    button = scene.ui.offers.get(offer_key(action))
    assert button is not None, f"the scene offers no button for {action!r}"
    press(scene.ctx, button)


def fill_truthfully(scene: FormulirScene, ballot: BallotType) -> None:
    """Every cell of ``ballot``'s form from the day's figures, through the entries."""
    scene.show(ballot)
    truth = formulir.expected(scene.world, ballot)
    for field_id in truth.field_ids():
        value = truth.get(field_id)
        assert value is not None
        submit(scene, ballot, field_id, value)


# --- Fit ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["laptop", "full-hd"])
@pytest.mark.parametrize("scenario", ["pilkada-calon-tunggal-hitung", "pemilu-hari-penuh"])
def test_every_text_fits_its_element(lang: str, size: tuple[int, int], scenario: str) -> None:
    ctx, scene = forms_scene(size, lang, ROOT / f"{scenario}.yaml")
    Driver(ctx).step(1 / 60, [])
    checked = 0
    for element in scene.ui.elements:
        if isinstance(element, (UILabel, UIButton)) and element.alive():
            width = element.font.size(element.text)[0]
            assert width <= element.rect.width, (
                f"{lang} {size}: {element.text!r} is {width}px wide in a "
                f"{element.rect.width}px element"
            )
            checked += 1
    assert checked > 5
    assert scene.ui.named_entries, "an unsigned form offers an entry per cell"


# --- Playing through the widgets -------------------------------------------------------------


def test_typing_a_figure_and_enter_writes_it_and_moves_on() -> None:
    ctx, scene = forms_scene()
    driver = Driver(ctx)
    entry = scene.ui.named_entries[entry_name(GUBERNUR, "I.A1.men")]
    scene.ui.set_focus(entry)
    driver.step(1 / 60, [])
    for char in "27":
        driver.step(1 / 60, [pygame.event.Event(pygame.TEXTINPUT, text=char)])
    driver.step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)])
    driver.step(1 / 60, pygame.event.get())
    entry_action = scene.session.sim.log[-1].action
    assert entry_action.kind == "enter_figure", kinds(scene)
    assert (entry_action.ballot, entry_action.field, entry_action.value) == (
        GUBERNUR,
        "I.A1.men",
        27,
    )
    focused = scene.ui.focused()
    assert focused is scene.ui.named_entries[entry_name(GUBERNUR, "I.A1.women")], (
        "after Enter the next cell of the form has the keyboard"
    )
    checks = scene._checks_box
    assert checks is not None and "34" in checks.html_text, (
        f"the formula check counts the cells still empty: {checks and checks.html_text!r}"
    )


def test_tab_out_of_a_cell_writes_its_figure() -> None:
    ctx, scene = forms_scene()
    entry = scene.ui.named_entries[entry_name(GUBERNUR, "I.A1.men")]
    scene.ui.set_focus(entry)
    entry.set_text("27")
    Driver(ctx).step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0)])
    assert kinds(scene) == ["enter_figure"]
    assert scene.ui.focused() is scene.ui.named_entries[entry_name(GUBERNUR, "I.A1.women")]


@pytest.mark.slow
def test_a_careful_fill_through_the_entries_finds_nothing() -> None:
    _ctx, scene = forms_scene()
    for ballot in (GUBERNUR, BUPATI):
        fill_truthfully(scene, ballot)
        press_offer(scene, SignForm(ballot=ballot))
    assert kinds(scene).count("enter_figure") == 70
    assert kinds(scene).count("sign_form") == 2
    scene.session.do(EndPhase())
    assert scene.session.sim.finished
    found = [(f.rule_id, f.subject) for f in scene.session.sim.findings]
    assert not found, f"a careful fill through the screen broke rules: {found}"


@pytest.mark.slow
def test_wrong_figures_are_judged_when_the_form_is_signed() -> None:
    _ctx, scene = forms_scene()
    truth = formulir.expected(scene.world, BUPATI)
    scene.show(BUPATI)
    returned, invalid = truth.get("II.2"), truth.get("V.invalid")
    assert returned != invalid, "the scenario returns fewer ballots than it counts invalid"
    wrong = {"II.2": invalid, "V.invalid": returned, "III.voted": 9}
    for field_id in truth.field_ids():
        value = wrong.get(field_id, truth.get(field_id))
        assert value is not None
        submit(scene, BUPATI, field_id, value)
    press_offer(scene, SignForm(ballot=BUPATI))
    found = rule_ids(scene)
    assert "formulir.rusak_dan_tidak_sah_tertukar" in found, found
    assert "formulir.angka_keliru" in found, found
    assert "formulir.pengguna_tidak_sama_pemilih" not in found, found


def test_a_blank_form_signed_is_incomplete() -> None:
    _ctx, scene = forms_scene()
    press_offer(scene, SignForm(ballot=GUBERNUR))
    assert "formulir.tidak_lengkap" in rule_ids(scene)
    assert scene.current is BUPATI, "after signing, the next unsigned form is turned to"
    assert not any(n.startswith(f"figure:{GUBERNUR.value}:") for n in scene.ui.named_entries)


@pytest.mark.slow
def test_changing_a_written_figure_asks_how_to_correct_it() -> None:
    ctx, scene = forms_scene()
    submit(scene, GUBERNUR, "II.1", 50)
    submit(scene, GUBERNUR, "II.1", 56)
    dialog = ctx.stack.top
    assert isinstance(dialog, CorrectionDialog), "a second figure in a cell asks for a method"
    from simulator.core.phases.formulir import CorrectFigure

    overwrite = CorrectFigure(ballot=GUBERNUR, field="II.1", value=56, method="timpa")
    button = dialog.ui.offers.get(offer_key(overwrite))
    assert button is not None, "the dialog offers every correction method"
    press(ctx, button)
    assert ctx.stack.top is scene
    assert kinds(scene) == ["enter_figure", "correct_figure"]
    # An ordinary slip in the Pilkada: the wrong figure must stay visible (§15 item 21).
    assert "formulir.salah_tulis_tidak_terlihat" in rule_ids(scene)


def test_the_discrepancy_can_be_recorded_and_reported_from_the_stage() -> None:
    _ctx, scene = forms_scene()
    press_offer(scene, RecordSpecialEvent(topic="selisih_suara", subject=GUBERNUR.value))
    press_offer(scene, InformPtps(subject=GUBERNUR.value))
    assert kinds(scene) == ["record_event", "inform_ptps"]
    assert ("selisih_suara", GUBERNUR.value) in scene.world.special_events


def test_the_tabs_turn_to_another_form_without_an_action() -> None:
    ctx, scene = forms_scene()
    bupati_tab = next(
        e for e in scene.ui.elements if isinstance(e, UIButton) and e.text.startswith("Bupati")
    )
    press(ctx, bupati_tab)
    assert scene.current is BUPATI
    assert entry_name(BUPATI, "V.total") in scene.ui.named_entries
    assert not scene.session.sim.log


def test_an_event_dialog_is_drawn_above_the_form() -> None:
    ctx, scene = forms_scene(path=ROOT / "pemilu-hari-penuh.yaml")
    assert ctx.stack.top is scene, "no objection before a figure is written on the DPR form"
    dpr_tab = next(
        e for e in scene.ui.elements if isinstance(e, UIButton) and e.text.startswith("DPR")
    )
    press(ctx, dpr_tab)
    submit(scene, BallotType.DPR, "I.A1.men", 30)
    dialog = ctx.stack.top
    assert dialog is not scene, "the full day has an objection to a DPR figure"
    entries = [e.get_top_layer() for e in scene.ui.named_entries.values()]
    buttons = [e for e in dialog.ui.elements if isinstance(e, UIButton)]
    assert buttons and min(b.get_top_layer() for b in buttons) > max(entries), (
        "the dialog's answers must not sit under the form's cells"
    )


def test_a_letter_in_a_cell_is_no_shortcut_until_the_focus_leaves_the_cells() -> None:
    ctx, scene = forms_scene()
    first = scene.ui.named_entries[entry_name(GUBERNUR, "I.A1.men")]
    assert scene.ui.focused() is first, "a form starts with the keyboard in its first empty cell"
    driver = Driver(ctx)
    driver.step(1 / 60, [])
    s_key = {"key": pygame.K_s, "mod": 0, "unicode": "s", "scancode": 0}
    driver.step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, **s_key)])
    assert kinds(scene) == [], "S typed in a cell goes to the cell (which takes digits only)"
    tab_back = {"key": pygame.K_TAB, "mod": pygame.KMOD_SHIFT}
    driver.step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, **tab_back)])
    assert isinstance(scene.ui.focused(), UIButton), "Shift+Tab from the first cell: a tab"
    driver.step(1 / 60, [pygame.event.Event(pygame.KEYUP, **s_key)])
    driver.step(1 / 60, [pygame.event.Event(pygame.KEYDOWN, **s_key)])
    assert kinds(scene) == ["sign_form"], "out of the cells, S signs the form on screen"
