"""The class report on the trainer's screen: opened from the trainer's menu (L), a section per
key (1–6), PgDn for a long list, a mistake's demo played and the report back after it, and the
page (with its charts) saved or opened in the browser; in both languages, large text fitting
at projector sizes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from pygame_gui.elements import UIButton

from bench.district import write_district
from simulator.scenes.class_report import SECTIONS, ClassReportScene
from simulator.scenes.demos import DemoMenuScene
from simulator.xapi.reading import read_files
from tests.pilot import Pilot, key_events


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kelas")
    write_district(folder, 60)
    return folder


def opened(pilot: Pilot, exports: Path) -> ClassReportScene:
    pilot.show(DemoMenuScene(pilot.ctx))
    pilot.ctx.stack.push(ClassReportScene(pilot.ctx, exports, read_files([exports])))
    pilot.frames(2)
    scene = pilot.top
    assert isinstance(scene, ClassReportScene)
    return scene


@pytest.mark.slow
def test_the_trainer_menu_asks_for_the_class_folder(exports: Path) -> None:
    from simulator.scenes.file_dialog import FileDialogScene

    pilot = Pilot()
    pilot.show(DemoMenuScene(pilot.ctx))
    pilot.key(pygame.K_l)
    dialog = pilot.top
    assert isinstance(dialog, FileDialogScene) and dialog.folder
    box = dialog.ui.focused()
    box.set_text("")
    pilot.type(str(exports))
    pilot.frames(1, key_events(pygame.K_RETURN, 0, "\r"))
    pilot.frames(2)
    report = pilot.top
    assert isinstance(report, ClassReportScene), f"the folder opened {report}"
    assert report.report().summary.trainees == 60


@pytest.mark.slow
def test_each_section_has_its_key_and_a_long_list_scrolls(exports: Path) -> None:
    from tests.pilot import shown_text

    pilot = Pilot()
    scene = opened(pilot, exports)
    for number, name in enumerate(SECTIONS, start=1):
        pilot.key(pygame.K_0 + number)
        assert scene.section == name
        words = " ".join(shown_text(pilot).widgets)
        assert "report." not in words, f"a key shows instead of words in {name}"
    pilot.key(pygame.K_2)
    bar = scene.scroller.vert_scroll_bar if scene.scroller else None
    assert bar is not None, "sixty trainees' mistakes make a list longer than the screen"
    before = bar.start_percentage
    pilot.key(pygame.K_PAGEDOWN)
    pilot.frames(1)
    assert bar.start_percentage > before, "PgDn scrolls the list"
    pilot.key(pygame.K_PAGEUP)
    pilot.frames(1)
    assert bar.start_percentage == pytest.approx(before)


@pytest.mark.slow
def test_a_mistakes_demo_plays_and_the_report_comes_back(exports: Path) -> None:
    from simulator.scenes.viewer import ReplayViewer

    pilot = Pilot()
    scene = opened(pilot, exports)
    pilot.key(pygame.K_2)
    row = next(r for r in scene.report().mistakes if r.demos)
    scene.play_demo(row.demos[0].file)
    pilot.frames(2)
    assert isinstance(pilot.top, ReplayViewer) and pilot.ctx.settings.projector
    pilot.key(pygame.K_ESCAPE)
    back = pilot.top
    assert isinstance(back, ClassReportScene) and back.section == "mistakes"
    assert not pilot.ctx.settings.projector, "the trainer's own setting is put back"


@pytest.mark.slow
def test_the_page_is_saved_in_the_screens_language(exports: Path, tmp_path: Path) -> None:
    pilot = Pilot(lang="en")
    scene = opened(pilot, exports)
    path = scene.save_to(tmp_path)
    assert path is not None and path.parent == tmp_path
    page = path.read_text("utf-8")
    assert "Quiz item analysis" in page and "<svg" in page
    assert str(path) in scene.message


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_section_fits_at_large_text(exports: Path, lang: str,
                                          size: tuple[int, int]) -> None:
    from tests.fit import layout_faults

    pilot = Pilot(size=size, lang=lang, text_size="besar")
    scene = opened(pilot, exports)
    for number in range(1, len(SECTIONS) + 1):
        pilot.key(pygame.K_0 + number)
        assert not layout_faults(scene), layout_faults(scene)


def button(scene: ClassReportScene, words: str) -> UIButton:
    return next(e for e in scene.ui.elements
                if isinstance(e, UIButton) and e.alive() and words in e.text)


@pytest.mark.slow
def test_the_mouse_alone_turns_the_sections_and_plays_a_demo(exports: Path) -> None:
    from simulator.scenes.viewer import ReplayViewer

    pilot = Pilot()
    scene = opened(pilot, exports)
    pilot.click(button(scene, "Nilai per tahap"))
    assert scene.section == "phases"
    pilot.click(button(scene, "Kesalahan yang paling sering"))
    assert scene.section == "mistakes"
    play = button(scene, "Putar demo")
    pilot.click(play)
    pilot.frames(2)
    assert isinstance(pilot.top, ReplayViewer), "the demo plays from its row"
