"""Scripted demonstrations: every shipped demo validates, plays, and shows the mistakes it
declares; a broken demo gets located errors; the trainer's menu opens one in the viewer at its
start, its captions and questions at their places, the card at its reveal."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from simulator.cli import main as cli_main
from simulator.content.load import load_document, validate_paths
from simulator.core.catalogue import RULES_BY_ID
from simulator.core.demo import make_script
from simulator.scenes.demos import DEMO_DIR, DemoMenuScene
from simulator.scenes.start import StartScene
from simulator.scenes.viewer import ReplayViewer
from simulator.schema.demo import Demo
from tests.pilot import Pilot, entry

DEMOS = sorted(DEMO_DIR.glob("*.yaml"))
FIRST = DEMO_DIR / "saksi-tanpa-mandat.yaml"


def test_demos_are_shipped() -> None:
    assert len(DEMOS) >= 5, "the trainer's menu needs demonstrations to show"


@pytest.mark.parametrize("path", DEMOS, ids=lambda p: p.stem)
def test_a_shipped_demo_validates_and_shows_what_it_declares(path: Path) -> None:
    [report] = validate_paths([path], known_rules=RULES_BY_ID)
    assert report.valid, [p.code for p in report.problems]
    assert report.kind == "demo"
    demo = load_document(path, Demo, known_rules=RULES_BY_ID)
    scenario = entry(demo.scenario).scenario
    assert scenario is not None
    for lang in ("id", "en"):
        script, problems = make_script(demo, scenario, lang)
        assert script is not None, problems
        assert script.reveals, f"{path.name} reveals nothing"
        assert len(script.log.notes) >= 2, f"{path.name} says nothing to the class"


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = FIRST.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "rusak.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("mistakes: [M09]", "mistakes: [M10]", "demo.mistake_not_shown", 8),
        ("""06:35 admit_witness {"witness":"w2"}""", """06:35 admit_witness {"witness":"w9"}""",
         "demo.illegal", 17),
        ("06:35 admit", "06:10 admit", "demo.time_past", 17),
        ("""highlight: 'admit_witness {"witness":"w2"}'""",
         """highlight: 'admit_witness {"witness":"w3"}'""", "demo.highlight_not_offered", 13),
        ("scenario: pemilu-hari-penuh", "scenario: desa-lain", "demo.scenario_missing", 6),
        ("phase: pembukaan", "phase: pembukan", "schema", 7),
        ("      en: \"Ask the class", "      fr: \"Ask the class", "schema", 14),
    ],
)
def test_a_broken_demo_is_located(
    tmp_path: Path, old: str, new: str, code: str, line: int
) -> None:
    [report] = validate_paths([broken(tmp_path, old, new)], known_rules=RULES_BY_ID)
    assert not report.valid
    problem = report.errors[0]
    assert problem.code.startswith(code), problem.code
    assert problem.line == line, f"{problem.code} placed at line {problem.line}"


def test_validate_exits_two_on_a_broken_demo(tmp_path: Path) -> None:
    path = broken(tmp_path, "06:35 admit_witness", "06:10 admit_witness")
    assert cli_main(["validate", str(path)]) == 2


def test_the_demo_schema_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["schema", "--kind", "demo"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "steps" in schema["properties"] and "mistakes" in schema["properties"]


@pytest.mark.slow
def test_the_trainer_opens_a_demo_from_the_start_screen() -> None:
    pilot = Pilot()
    pilot.show(StartScene(pilot.ctx))
    pilot.key(pygame.K_d)
    menu = pilot.top
    assert isinstance(menu, DemoMenuScene)
    assert all(e.demo is not None for e in menu.demos()), [e.problem for e in menu.demos()]
    chosen = next(e for e in menu.demos() if e.path == FIRST)
    menu.play(chosen)
    pilot.frames(2)
    viewer = pilot.top
    assert isinstance(viewer, ReplayViewer)
    view = viewer.view
    notes = view.timeline.notes_at(view.step)
    assert notes and notes[0].startswith("Pukul 06:35"), notes
    assert not view.card_due(), "the card waits for its reveal"
    assert len(viewer.highlighted()) == 1, "the control the demo points at is not ringed"
    pilot.key(pygame.K_SPACE)
    for _ in range(100):
        if not view.playing:
            break
        pilot.frames(10)
    assert view.card_due(), "the play did not stop at the reveal"
    assert "Tolak saksi: Taufik Rahman" in viewer.card_markup()
    assert view.step in view.alternatives, "the demo plays the careful way from here"
    pilot.key(pygame.K_SPACE)
    careful = pilot.top
    assert isinstance(careful, ReplayViewer) and careful is not viewer
    for _ in range(100):
        if not careful.view.playing:
            break
        pilot.frames(10)
    last = careful.view.timeline.entries[-1].action
    assert last.kind == "refuse_witness", f"the careful way ended with {last}"
    assert not careful.view.timeline.mistakes_at(careful.view.length), "the careful way erred"
    pilot.key(pygame.K_ESCAPE)
    back = pilot.top
    assert isinstance(back, ReplayViewer) and back.view is view, "Esc comes back to the demo"
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, DemoMenuScene), "closing a demo returns to the menu"



@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_demo_menu_and_a_demo_read_whole_on_a_projector(
    lang: str, size: tuple[int, int]
) -> None:
    from tests.fit import layout_faults

    pilot = Pilot(size=size, lang=lang, text_size="besar")
    pilot.show(DemoMenuScene(pilot.ctx))
    menu = pilot.top
    assert isinstance(menu, DemoMenuScene)
    assert not layout_faults(menu), layout_faults(menu)
    menu.play(next(e for e in menu.demos() if e.path == FIRST))
    pilot.frames(2)
    viewer = pilot.top
    assert isinstance(viewer, ReplayViewer)
    assert not layout_faults(viewer), layout_faults(viewer)
    pilot.key(pygame.K_SPACE)
    for _ in range(100):
        if not viewer.view.playing:
            break
        pilot.frames(10)
    assert viewer.view.card_due() and not layout_faults(viewer), layout_faults(viewer)


def test_shot_renders_each_step_of_a_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "slides"
    assert cli_main(["shot", str(FIRST), "--out", str(out), "--lang", "en"]) == 0
    written = sorted(out.glob("*.png"))
    assert len(written) >= 2, written
    last = pygame.image.load(str(written[-1]))
    colours = {last.get_at((x, y))[:3] for x in range(0, 1366, 50) for y in range(0, 768, 50)}
    assert len(colours) > 5, "the last slide is blank"
    capsys.readouterr()
    path = broken(tmp_path, "06:35 admit", "06:10 admit")
    assert cli_main(["shot", str(path), "--out", str(out)]) == 2
    assert "demo.time_past" in capsys.readouterr().err


@pytest.mark.slow
def test_a_demo_opens_in_projector_mode_and_puts_the_setting_back() -> None:
    pilot = Pilot()
    assert not pilot.ctx.settings.projector
    pilot.show(DemoMenuScene(pilot.ctx))
    menu = pilot.top
    assert isinstance(menu, DemoMenuScene)
    menu.play(next(e for e in menu.demos() if e.path == FIRST))
    pilot.frames(2)
    assert pilot.ctx.settings.projector, "a demo is shown in projector mode"
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, DemoMenuScene)
    assert not pilot.ctx.settings.projector, "the trainer's own setting is put back"


@pytest.mark.slow
def test_the_trainer_menu_opens_any_recording_for_the_class() -> None:
    from simulator.scenes.file_dialog import FileDialogScene
    from tests.pilot import key_events

    pilot = Pilot()
    pilot.show(DemoMenuScene(pilot.ctx))
    pilot.key(pygame.K_b)
    dialog = pilot.top
    assert isinstance(dialog, FileDialogScene)
    box = dialog.ui.focused()
    box.set_text("")
    log = Path(__file__).parent / "playthroughs" / "pilkada-hari-penuh.keliru.log"
    pilot.type(str(log))
    pilot.frames(1, key_events(pygame.K_RETURN, 0, "\r"))
    pilot.frames(2)
    viewer = pilot.top
    assert isinstance(viewer, ReplayViewer), f"the log opened {viewer}"
    assert pilot.ctx.settings.projector, "a recording shown to a class is in projector mode"
    pilot.key(pygame.K_ESCAPE)
    assert isinstance(pilot.top, DemoMenuScene) and not pilot.ctx.settings.projector


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_broken_demo_in_the_menu_says_why_in_words(tmp_path: Path, lang: str) -> None:
    """The menu lists a demo that does not load with its line and the reason in the
    trainer's language, not the checker's internal code."""
    from simulator.scenes.demos import load_demos

    broken(tmp_path, "06:35 admit", "06:10 admit")
    [entry] = load_demos(tmp_path)
    pilot = Pilot(lang=lang)
    row = DemoMenuScene(pilot.ctx).row_text(entry)
    assert "rusak.yaml" in row and "17" in row, row
    assert "demo.time_past" not in row and "06:10" in row, row
