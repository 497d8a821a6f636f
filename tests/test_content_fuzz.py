"""Fuzzing the loader: any bytes give a scenario or located problems, never another exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.content import ContentError, load_document_bytes
from simulator.i18n import catalog
from simulator.schema.scenario import Scenario

FIXTURES = Path(__file__).parent / "fixtures" / "content"
SOURCES = [
    (FIXTURES / name).read_text(encoding="utf-8")
    for name in ("pemilu_minimal.yaml", "pilkada_minimal.yaml")
]
# Characters that matter to YAML, so mutations reach the parser's corners quickly.
YAML_CHARS = st.sampled_from([*":-[]{}&*!|>?,#'\"%@`\t\n ~012789aZé\\", "\x00", "\ufeff"])

FUZZ = settings(
    max_examples=150, deadline=1000, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def check(data: bytes) -> None:
    """The property: a Scenario, or a ContentError whose problems all render, in both languages."""
    try:
        load_document_bytes(data, "fuzz.yaml", Scenario)
    except ContentError as error:
        assert error.problems
        for lang in ("id", "en"):
            for problem in error.problems:
                assert problem.line >= 1 and problem.column >= 1
                assert problem.code != "internal"
                assert problem.render(catalog(lang)).startswith("fuzz.yaml:")


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.text(alphabet=YAML_CHARS, max_size=300))
def test_arbitrary_yaml_punctuation(text: str) -> None:
    check(text.encode("utf-8"))


Edit = tuple[str, int, int, str]
EDITS = st.tuples(
    st.sampled_from(
        ["delete_line", "duplicate_line", "swap_lines", "insert", "replace", "indent", "dedent"]
    ),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=10_000),
    st.text(alphabet=YAML_CHARS, min_size=1, max_size=4),
)


def mutate(text: str, edits: list[Edit]) -> str:
    lines = text.split("\n")
    for kind, a, b, chars in edits:
        i, j = a % len(lines), b % len(lines)
        if kind == "delete_line" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate_line":
            lines.insert(i, lines[i])
        elif kind == "swap_lines":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert":
            line = lines[i]
            k = b % (len(line) + 1)
            lines[i] = line[:k] + chars + line[k:]
        elif kind == "replace" and lines[i]:
            line = lines[i]
            k = b % len(line)
            lines[i] = line[:k] + chars + line[k + 1 :]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
    return "\n".join(lines)


@FUZZ
@given(st.sampled_from(SOURCES), st.lists(EDITS, min_size=1, max_size=6))
def test_mutations_of_a_valid_scenario(source: str, edits: list[Edit]) -> None:
    check(mutate(source, edits).encode("utf-8"))
