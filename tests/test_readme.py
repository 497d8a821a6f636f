"""README's quick start holds exactly the two command lines, and CI runs the second."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def marked_line(text: str, marker: str) -> str:
    lines = text.splitlines()
    index = lines.index(marker)
    return lines[index + 1].strip()


def test_quick_start_has_a_play_line_and_a_test_line() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    play = marked_line(readme, "<!-- play-line -->")
    test = marked_line(readme, "<!-- test-line -->")
    assert play.startswith("python3 -m venv .venv && ") and play.endswith("run_sim.py"), play
    assert test.startswith("python3 -m venv .venv && ") and "pytest" in test, test
    assert "sudo" not in play + test, "the quick start must not need sudo"


def test_ci_runs_the_readme_test_line() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-line -->" in script, ".ci/run must take its command from README"
