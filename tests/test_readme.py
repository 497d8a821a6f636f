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


def test_the_quiz_bank_example_validates(tmp_path: Path) -> None:
    from simulator.content.load import check_file

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = readme.splitlines()
    start = lines.index(
        "    bank: contoh                      # stable id: kept in every trainee's review history"
    )
    block = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    path = tmp_path / "contoh.yaml"
    path.write_text("\n".join(block) + "\n", encoding="utf-8")
    report = check_file(path)
    assert report.kind == "quiz" and report.valid, [p.code for p in report.problems]
