"""The game's frame, driven headless: start screen, profiles, settings, picker, pause,
debrief, Latihan against Ujian, and resuming a day after a crash."""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
import pytest

from simulator.app.play import Mode
from simulator.core.careful import play_careful_day
from simulator.persistence.store import SaveStore
from simulator.presenter import finding_text
from simulator.scenes.debrief import DebriefScene
from simulator.scenes.pause import PauseScene
from simulator.scenes.phase import PhaseScene
from simulator.scenes.picker import PickerScene
from simulator.scenes.profiles import ProfileScene
from simulator.scenes.settings import SettingsScene
from simulator.scenes.start import StartScene
from tests.pilot import Pilot, entry, texts_overflowing

SIZES = [(1366, 768), (1920, 1080)]


def _button(scene, text: str) -> pygame_gui.elements.UIButton:  # type: ignore[no-untyped-def]
    for element in scene.ui.elements:
        if isinstance(element, pygame_gui.elements.UIButton) and text in element.text:
            return element
    raise AssertionError(f"no button with {text!r} on {type(scene).__name__}")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_shell_screens_fit_their_text(lang: str, size: tuple[int, int], tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(size, lang, store)
    screens = [
        StartScene(pilot.ctx),
        PickerScene(pilot.ctx),
        SettingsScene(pilot.ctx),
        ProfileScene(pilot.ctx),
    ]
    for scene in screens:
        pilot.show(scene)
        assert not texts_overflowing(scene), texts_overflowing(scene)
    session = pilot.start_session("pemilu-hari-penuh")
    pilot.ctx.stack.push(PauseScene(pilot.ctx, session))
    pilot.frames(2)
    assert not texts_overflowing(pilot.top), texts_overflowing(pilot.top)
    play_careful_day(session.sim)
    debrief = pilot.show(DebriefScene(pilot.ctx, session))
    assert not texts_overflowing(debrief), texts_overflowing(debrief)


def test_start_screen_keys_lead_to_the_picker_and_escape_does_not_quit(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    profile = store.create_profile("Sri Wahyuni")
    store.set_setting("last_profile", str(profile.id))
    pilot = Pilot(store=store)
    pilot.show(StartScene(pilot.ctx))
    assert pilot.ctx.profile == profile, "the last profile is chosen again at start"
    pilot.key(pygame.K_ESCAPE)
    assert pilot.ctx.running, "Esc on the start screen must not quit the game"
    pilot.key(pygame.K_p)
    assert isinstance(pilot.top, PickerScene), "P opens the scenario picker"


def test_a_new_trainee_creates_a_profile_before_picking(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.show(StartScene(pilot.ctx))
    pilot.key(pygame.K_p)
    assert isinstance(pilot.top, ProfileScene), "without a profile, playing asks for one first"
    entry_line = next(iter(pilot.top.ui.entry_submit))
    pilot.frames(
        1,
        [pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_FINISHED, ui_element=entry_line, text="   ")],
    )
    assert pilot.ctx.profile is None, "a blank name is refused"
    entry_line = next(iter(pilot.top.ui.entry_submit))
    pilot.frames(
        1,
        [pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_FINISHED, ui_element=entry_line, text="Budi")],
    )
    assert pilot.ctx.profile is not None and pilot.ctx.profile.name == "Budi"
    assert isinstance(pilot.top, PickerScene), "after creating the profile, the picker opens"
    assert store.setting("last_profile") == str(pilot.ctx.profile.id)


def test_picker_groups_scenarios_and_starts_the_chosen_mode(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(lang="en", store=store)
    pilot.ctx.profile = store.create_profile("Tono")
    picker = pilot.show(PickerScene(pilot.ctx))
    texts = [e.text for e in picker.ui.elements if hasattr(e, "text")]
    assert "A full polling day" in texts and "Voting" in texts, texts
    pilot.click(_button(picker, "Single candidate"))
    assert (
        picker.chosen is not None and picker.chosen.path.name == "pilkada-calon-tunggal-hitung.yaml"
    )
    pilot.key(pygame.K_u)
    pilot.key(pygame.K_m)
    scene = pilot.top
    assert isinstance(scene, PhaseScene), "Start opens the first phase of the scenario"
    assert scene.session.mode is Mode.UJIAN
    assert store.unfinished_runs(pilot.ctx.profile.id), "the run is saved from the start"


def test_the_picker_starts_the_scenario_the_keyboard_is_on(tmp_path: Path) -> None:
    """A trainee walks down the list with the arrow keys and presses Mulai [M]: the scenario
    described, and the one started, is the one the ring is on, not the first one chosen (it
    had scrolled out of sight)."""
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Tono")
    picker = pilot.show(PickerScene(pilot.ctx))
    first = picker.chosen
    for _ in range(7):
        pilot.key(pygame.K_DOWN)
    picker = pilot.top
    assert isinstance(picker, PickerScene)
    ring = " ".join(getattr(picker.ui.focused(), "text", "").replace("\xa0", " ").split())
    on = next((e for e in pilot.ctx.library() if e.scenario and e.title(pilot.ctx.cat) in ring),
              None)
    assert on is not None and on is not first, f"seven steps down the list: {ring!r}"
    assert picker.chosen is on, "the choice stays behind while the ring moves on"
    described = [getattr(e, "html_text", "") for e in picker.ui.elements]
    assert any(on.title(pilot.ctx.cat) in text for text in described), (
        "the detail does not describe the scenario the ring is on")
    pilot.key(pygame.K_m)
    scene = pilot.top
    assert isinstance(scene, PhaseScene)
    assert scene.session.entry is on, "Mulai started another scenario than the one on screen"


def test_picker_filters_by_election_by_key_and_by_mouse(tmp_path: Path) -> None:
    """With a few dozen scenarios a class keeps to its election: [P] shows only Pemilu
    scenarios, [K] only Pilkada, [A] all again, and the count says how many are shown."""
    pilot = Pilot(lang="en")
    picker = pilot.show(PickerScene(pilot.ctx))
    every = [e for e in pilot.ctx.library() if e.scenario is not None]
    pilkada = [e for e in every if e.scenario.election.value == "pilkada2024"]
    assert pilkada and len(pilkada) < len(every), "the library holds both elections"

    def listed() -> set[str]:
        # A long row keeps its last words together with no-break spaces.
        shown = [" ".join(getattr(b, "text", "").replace("\xa0", " ").split())
                 for b in pilot.top.ui.elements]
        return {e.title(pilot.ctx.cat) for e in every
                if any(e.title(pilot.ctx.cat) in text for text in shown)}

    pilot.key(pygame.K_k)
    assert listed() == {e.title(pilot.ctx.cat) for e in pilkada}, listed()
    labels = [getattr(e, "text", "") for e in pilot.top.ui.elements]
    assert f"{len(pilkada)} of {len(every)} scenarios" in labels, labels
    assert picker.chosen in pilkada, "the scenario chosen is one of those shown"
    pilot.click(_button(pilot.top, "Pemilu"))
    assert all(e.scenario.election.value == "pemilu2024"
               for e in every if e.title(pilot.ctx.cat) in listed())
    pilot.key(pygame.K_a)
    assert listed() == {e.title(pilot.ctx.cat) for e in every}


@pytest.mark.slow
def test_ethics_emergency_and_crime_scenarios_have_a_group_of_their_own() -> None:
    pilot = Pilot(lang="en")
    groups = {e.scenario.id: e.group for e in pilot.ctx.library() if e.scenario is not None}
    for themed in ("etika-netralitas", "darurat-pemungutan", "darurat-penghitungan",
                   "pidana-sekitar-tps"):
        assert groups[themed] == "tema", f"{themed} is listed under {groups[themed]}"
    assert groups["meja-pemilih-jebakan"] == "pemungutan"
    # a scenario titled after a phase ("…, fase penutupan: …") is listed under that phase,
    # even when its trap is a crime (the leftover ballots punched)
    for shown in pilot.ctx.library():
        scenario = shown.scenario
        if scenario is not None and "-fase-" in scenario.id:
            assert shown.group == scenario.phases[0].value, (
                f"{scenario.id} is listed under {shown.group}, not its phase "
                f"{scenario.phases[0].value}"
            )
    picker = pilot.show(PickerScene(pilot.ctx))
    texts = [getattr(e, "text", "") for e in picker.ui.elements]
    assert "Ethics, emergencies and election crimes" in texts, texts


def test_settings_change_the_text_size_and_language_and_are_saved(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    settings_scene = pilot.show(SettingsScene(pilot.ctx))
    before = _button(settings_scene, "Kembali").font.size("Kembali")[1]
    pilot.click(_button(pilot.top, "Besar"))
    after = _button(pilot.top, "Kembali").font.size("Kembali")[1]
    assert after > before, f"large text should be taller than normal ({after} vs {before})"
    pilot.click(_button(pilot.top, "English"))
    assert _button(pilot.top, "Back")
    assert store.setting("language") == "en" and store.setting("text_size") == "besar"


def test_pause_shows_the_rules_of_the_current_phase_and_escape_returns() -> None:
    pilot = Pilot(lang="en")
    pilot.start_session("meja-pemilih-jebakan")
    pilot.key(pygame.K_ESCAPE)
    pause = pilot.top
    assert isinstance(pause, PauseScene)
    help_text = pause.help_markup()
    assert "Help: Voting" in help_text and "ink" in help_text.lower(), help_text[:300]
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, PhaseScene), "Esc closes the pause menu"


@pytest.mark.parametrize("mode", list(Mode))
def test_latihan_explains_a_mistake_at_once_and_ujian_does_not(mode: Mode) -> None:
    pilot = Pilot(lang="en")
    session = pilot.start_session("pemilu-hari-penuh", mode)
    scene = pilot.top
    assert isinstance(scene, PhaseScene)
    # Ending the logistics phase without checking anything breaks several rules.
    scene.act(scene.session.sim.allowed_actions()[-1])
    pilot.frames(2)
    assert session.sim.findings, "ending logistics unchecked must be a mistake"
    feedback = pilot.top.feedback_markup()  # type: ignore[attr-defined]
    title = finding_text(session.latest[0], pilot.ctx.cat).title
    title_seen = title in feedback
    assert title_seen is (mode is Mode.LATIHAN), feedback


@pytest.mark.slow
def test_a_day_cut_off_mid_phase_resumes_where_it_stopped(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.ctx.profile = store.create_profile("Rina")
    pilot.show(PickerScene(pilot.ctx, chosen=entry("meja-pemilih-jebakan")))
    pilot.key(pygame.K_m)
    scene = pilot.top
    assert isinstance(scene, PhaseScene)
    for _ in range(3):
        scene.act(scene.session.sim.allowed_actions()[0])
    assert len(scene.session.sim.log) == 3
    digest = scene.session.sim.digest()
    # The laptop dies: nothing is closed. A new start finds the day and replays it.
    store2, notice = SaveStore.open(tmp_path)
    assert notice is None
    pilot2 = Pilot(store=store2)
    start = pilot2.show(StartScene(pilot2.ctx))
    pilot2.ctx.profile = store2.profiles()[0]
    start.rebuild()
    pilot2.key(pygame.K_r)
    pilot2.key(pygame.K_RETURN)
    resumed = pilot2.top
    assert isinstance(resumed, PhaseScene), f"resuming opens the phase, not {resumed!r}"
    assert resumed.session.sim.digest() == digest, "the resumed day is the same day"


def test_a_damaged_save_is_set_aside_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "saves.db").write_bytes(b"this is not a database" * 100)
    store, notice = SaveStore.open(tmp_path)
    pilot = Pilot(lang="en", store=store)
    pilot.ctx.store_notice(notice)
    start = pilot.show(StartScene(pilot.ctx))
    texts = " ".join(getattr(e, "html_text", "") or "" for e in start.ui.elements)
    assert "could not be read" in texts, texts
    assert notice is not None and notice.moved_to.exists()


def test_debrief_lists_each_mistake_with_its_regulation_and_offers_try_again() -> None:
    pilot = Pilot(lang="en")
    session = pilot.start_session("pilkada-calon-tunggal-hitung")
    while not session.finished:
        session.do(session.sim.allowed_actions()[-1])  # end each phase without doing anything
    debrief = pilot.show(DebriefScene(pilot.ctx, session))
    markup = debrief.findings_markup()
    assert "PKPU" in markup or "Kep" in markup, markup[:400]
    pilot.key(pygame.K_u)
    assert isinstance(pilot.top, PhaseScene), "Try again starts the scenario afresh"
    assert pilot.top.session is not session


@pytest.mark.parametrize("mode", list(Mode))
def test_sound_is_off_by_default_and_never_hints_in_ujian(mode: Mode) -> None:
    pilot = Pilot(lang="en")
    assert not pilot.ctx.settings.sound and not pilot.ctx.sounds.enabled
    played: list[str] = []
    pilot.ctx.sounds.play = played.append  # type: ignore[method-assign]
    session = pilot.start_session("pemilu-hari-penuh", mode)
    scene = pilot.top
    assert isinstance(scene, PhaseScene)
    scene.act(next(a for a in session.sim.allowed_actions() if a.kind == "report"))
    assert session.latest, "reporting a problem that is not there is a mistake"
    assert played == (["mistake"] if mode is Mode.LATIHAN else ["ok"]), played


def test_resizing_the_window_lays_the_screen_out_again() -> None:
    pilot = Pilot(lang="en")
    pilot.start_session("pemilu-hari-penuh")
    pilot.frames(1, [pygame.event.Event(pygame.VIDEORESIZE, size=(1600, 900), w=1600, h=900)])
    assert pilot.ctx.size == (1600, 900)
    scene = pilot.top
    assert all(e.rect.right <= 1600 and e.rect.bottom <= 900 for e in scene.ui.elements), (
        "every element fits the resized window"
    )
    assert not texts_overflowing(scene), texts_overflowing(scene)


@pytest.mark.slow
def test_debrief_labels_stay_clear_of_the_list_of_mistakes() -> None:
    pilot = Pilot(lang="id")
    session = pilot.start_session("pemilu-hari-penuh")
    while not session.finished:
        session.do(session.sim.allowed_actions()[-1])
    debrief = pilot.show(DebriefScene(pilot.ctx, session))
    box = next(e for e in debrief.ui.elements if isinstance(e, pygame_gui.elements.UITextBox))
    for label in (e for e in debrief.ui.elements if isinstance(e, pygame_gui.elements.UILabel)):
        if label.rect.top >= box.rect.top:
            assert label.rect.right <= box.rect.left, (
                f"{label.text!r} runs under the list of mistakes"
            )


def test_the_key_that_opens_a_screen_is_not_typed_into_it(tmp_path: Path) -> None:
    store, _ = SaveStore.open(tmp_path)
    pilot = Pilot(store=store)
    pilot.show(StartScene(pilot.ctx))
    # SDL sends a letter key twice: as a key press, then as the text it types.
    pilot.frames(
        1,
        [
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_p, mod=0, unicode="p", scancode=0),
            pygame.event.Event(pygame.TEXTINPUT, text="p"),
        ],
    )
    scene = pilot.top
    assert isinstance(scene, ProfileScene)
    pilot.frames(1, [pygame.event.Event(pygame.TEXTINPUT, text="W")])
    entry = next(e for e in scene.ui.entry_submit)
    assert entry.get_text() == "W", f"the opening key leaked into the name: {entry.get_text()!r}"
