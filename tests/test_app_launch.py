"""The game window opens headless, draws its start screen in both languages, and closes."""

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
    assert "invalid choice" in capsys.readouterr().err
