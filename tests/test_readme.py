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


def readme_rules_settings() -> dict[str, object]:
    """README's table of ``rules:`` settings: each setting's default, read as YAML."""
    import yaml

    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("<!-- rules-settings -->") + 3  # past the header and its rule
    defaults: dict[str, object] = {}
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        name, default = cells[0].strip("`"), cells[1].strip("`")
        assert name not in defaults, f"README lists rules.{name} twice"
        defaults[name] = yaml.safe_load(default)
    return defaults


def test_readme_states_every_rules_default_as_the_code_has_it() -> None:
    """A trainer reads README to know what a scenario grades when it says nothing: each
    ``rules:`` setting is in its table, once, with the model's own default."""
    from simulator.schema.scenario import RuleSettings

    documented = readme_rules_settings()
    fields = RuleSettings.model_fields
    assert sorted(documented) == sorted(fields), "README's rules table and RuleSettings differ"
    for name, info in fields.items():
        assert documented[name] == info.default, (
            f"README says rules.{name} defaults to {documented[name]!r}; the code has "
            f"{info.default!r}"
        )


def test_the_guide_example_validates(tmp_path: Path) -> None:
    """README's ``guide:`` example, added to a valid scenario, loads as written."""
    from simulator.content import load_scenario

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = readme.splitlines()
    start = lines.index("    guide:")
    block = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    fixture = ROOT / "tests" / "fixtures" / "content" / "pemilu_minimal.yaml"
    path = tmp_path / "contoh.yaml"
    path.write_text(fixture.read_text(encoding="utf-8") + "\n".join(block) + "\n",
                    encoding="utf-8")
    guide = load_scenario(path).guide
    assert [note.after for note in guide] == [None, "admit_voter"], guide
