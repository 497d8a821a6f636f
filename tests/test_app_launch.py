"""The game window opens headless, draws its start screen in both languages, and closes."""

from pathlib import Path

import pytest

from simulator.app.launch import launch_game
from simulator.cli import main


@pytest.mark.parametrize("lang", ["id", "en"])
def test_start_window_runs_a_few_frames(lang: str) -> None:
    assert launch_game(lang=lang, frames=3) == 0


def test_a_mistyped_verb_is_an_error_not_a_game(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validat", "scenarios"])
    assert caught.value.code == 2
    assert "pilihan tidak dikenal: 'validat'" in capsys.readouterr().err


def test_the_language_chosen_on_the_start_screen_is_kept_on_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start screen's language toggle is saved; starting the game again without --lang
    opens in that language (the command line's default used to override it)."""
    import pygame

    from simulator.app import launch
    from simulator.scenes.start import StartScene

    monkeypatch.setenv("SIMULASI_TPS_DATA", str(tmp_path))
    ctx = launch.open_app(None)
    start = ctx.stack.top
    assert isinstance(start, StartScene) and ctx.settings.lang == "id"
    start.toggle_language()
    ctx.store.close()  # type: ignore[union-attr]
    pygame.quit()
    opened: list[str | None] = []
    monkeypatch.setattr(launch, "launch_game", lambda lang=None, **_: opened.append(lang) or 0)
    assert main([]) == 0
    assert opened == [None], "without --lang the saved language must not be overridden"
    again = launch.open_app(None)
    assert again.settings.lang == "en", "the toggled language was forgotten"
    again.store.close()  # type: ignore[union-attr]
    pygame.quit()


def test_frames_from_the_environment_draw_and_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIMULASI_TPS_FRAMES=N: the game draws N frames and closes with 0 (how a packaged
    program is smoke-tested and its start timed)."""
    from simulator.app import launch

    asked: list[int | None] = []

    def fake_game(lang: str | None = None, frames: int | None = None) -> int:
        asked.append(frames)
        return 0

    monkeypatch.setattr(launch, "launch_game", fake_game)
    monkeypatch.setenv("SIMULASI_TPS_FRAMES", " 12 ")
    assert main([]) == 0
    monkeypatch.delenv("SIMULASI_TPS_FRAMES")
    assert main([]) == 0
    assert asked == [12, None], "the count is taken from the variable, and only when it is set"


@pytest.mark.parametrize("value", ["0", "-3", "abc", "1e3", "100001", "9" * 400])
def test_bad_frames_in_the_environment_are_refused_in_words(
    value: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulator.app import launch

    monkeypatch.setattr(launch, "launch_game", lambda **_: pytest.fail("the game started"))
    monkeypatch.setenv("SIMULASI_TPS_FRAMES", value)
    assert main(["--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "SIMULASI_TPS_FRAMES must be a whole number from 1 to 100000" in err, err
