"""Safe YAML loading: every refusal kind is located, and plain scalars read as authors expect."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from simulator.content import ContentError, Problem
from simulator.content.yaml_loader import MAX_BYTES, MAX_DEPTH, load_yaml, read_source


def write(tmp_path: Path, text: str | bytes, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def refused(path: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_yaml(path)
    return caught.value.problems


def where(problem: Problem) -> tuple[int, int, str]:
    return problem.line, problem.column, problem.code


def data_of(tmp_path: Path, text: str) -> dict[Any, Any]:
    return load_yaml(write(tmp_path, text)).data


# --- Size and encoding ---------------------------------------------------------------------


def test_a_file_over_two_megabytes_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)  # sparse: 3 MB on paper, nothing on disk

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    started = time.perf_counter()
    problems = refused(path)
    assert time.perf_counter() - started < 0.5
    assert [p.code for p in problems] == ["yaml.too_large"]
    assert problems[0].params["size"] == 3 * 1024 * 1024


def test_a_file_that_grows_past_the_limit_is_read_no_further_than_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, b"a: 1\n" * (MAX_BYTES // 5 + 10))
    real_stat, real_open = Path.stat, Path.open
    reads: list[int] = []

    def small_stat(self: Path, **kwargs: Any) -> os.stat_result:
        result = real_stat(self, **kwargs)
        if self == path:  # the size as it was at stat time, before the file grew
            return os.stat_result((result.st_mode, *result[1:6], 10, *result[7:]))
        return result

    class Spy:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Spy:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def read(self, size: int = -1) -> bytes:
            reads.append(size)
            return bytes(self.handle.read(size))

    monkeypatch.setattr(Path, "stat", small_stat)
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: Spy(real_open(self, *a, **k)))
    problems = refused(path)
    assert [p.code for p in problems] == ["yaml.too_large"]
    assert reads == [MAX_BYTES + 1]


def test_text_that_is_not_utf8_is_refused_at_the_bad_byte(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, b"a: 1\nname: caf\xe9\n"))
    assert [where(p) for p in problems] == [(2, 10, "yaml.encoding")]
    assert problems[0].params == {"byte": "0xe9"}


def test_a_nul_byte_is_refused_where_it_is(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, b"a: 1\nb: x\x00y\n"))
    assert [where(p) for p in problems] == [(2, 5, "yaml.encoding")]
    assert problems[0].key == "content.yaml.encoding.nul"


def test_a_control_character_is_refused_where_it_is(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a: 1\nb: bell\x07\n"))
    assert [where(p) for p in problems] == [(2, 8, "yaml.encoding")]


def test_a_utf8_bom_is_stripped(tmp_path: Path) -> None:
    assert load_yaml(write(tmp_path, b"\xef\xbb\xbfa: 1\n")).data == {"a": 1}


# --- Structure -----------------------------------------------------------------------------


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n"))
    assert [where(p) for p in problems] == [(1, 4 + MAX_DEPTH - 1, "yaml.too_deep")]


def test_nesting_at_the_limit_is_accepted(tmp_path: Path) -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert "a" in data_of(tmp_path, text)


def test_anchors_and_aliases_are_refused_each_where_it_is(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a: &x 1\nb: *x\n"))
    assert [where(p) for p in problems] == [(1, 4, "yaml.alias"), (2, 4, "yaml.alias")]
    assert [p.params["name"] for p in problems] == ["x", "x"]


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    started = time.perf_counter()
    problems = refused(write(tmp_path, "\n".join(lines) + "\n"))
    assert time.perf_counter() - started < 1.0
    assert {p.code for p in problems} <= {"yaml.alias", "yaml.too_many"}
    assert len(problems) <= 101


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object/apply:os.system ['echo hi']\n", "!!python/object/apply:os.system"),
        ("a: !foo x\n", "!foo"),
        ("a: !!binary aGk=\n", "!!binary"),
        ("a: !!set {x}\n", "!!set"),
        ("a: !!str 07\n", "!!str"),
        ("a: ! x\n", "!"),
    ],
)
def test_every_explicit_tag_is_refused(tmp_path: Path, text: str, tag: str) -> None:
    problems = refused(write(tmp_path, text))
    assert [where(p) for p in problems] == [(1, 4, "yaml.tag")]
    assert problems[0].params == {"tag": tag}


def test_a_duplicate_key_is_refused_and_names_the_first(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a: 1\nb:\n  c: 1\n  c: 2\n"))
    assert [where(p) for p in problems] == [(4, 3, "yaml.duplicate_key")]
    assert problems[0].path == "b.c"
    assert problems[0].params == {"key_name": "'c'", "first_line": 3}


def test_an_int_key_and_its_quoted_twin_are_duplicates(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "w:\n  1: 40\n  '1': 60\n"))
    assert [where(p) for p in problems] == [(3, 3, "yaml.duplicate_key")]


@pytest.mark.parametrize("text", ["? [a, b]\n: c\n", "{x: 1}: 2\n", "? - a\n: c\n"])
def test_a_list_or_mapping_as_key_is_refused(tmp_path: Path, text: str) -> None:
    problems = refused(write(tmp_path, text))
    assert [p.code for p in problems] == ["yaml.key"]
    assert problems[0].line == 1


def test_several_documents_are_refused_at_the_second(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a: 1\n---\nb: 2\n"))
    assert [where(p) for p in problems] == [(2, 1, "yaml.multiple_documents")]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n", "---\n", "--- # x\n...\n"])
def test_an_empty_file_is_refused(tmp_path: Path, text: str) -> None:
    assert [where(p) for p in refused(write(tmp_path, text))] == [(1, 1, "yaml.empty")]


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n", "[]\n"])
def test_a_top_level_that_is_not_a_mapping_is_refused(tmp_path: Path, text: str) -> None:
    assert [p.code for p in refused(write(tmp_path, text))] == ["yaml.not_mapping"]


def test_a_syntax_error_is_located_at_the_problem_mark(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a: 1\nb: c: d\n"))
    assert [where(p) for p in problems] == [(2, 5, "yaml.syntax")]
    assert problems[0].hint is not None
    assert problems[0].hint.key == "content.hint.colon_in_value"


# libyaml's words, which must never reach an Indonesian screen
LIBYAML_WORDS = ("did not find", "expected", "mapping values", "not allowed", "found ",
                 "could not", "while ", "token", "stream", "character")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("id: [a\nname: x\n", "daftar dalam [ ] tidak ditutup"),
        ("id: x\nl: {a: 1\n", "pemetaan dalam { } tidak ditutup"),
        ("a: 1\nb: c: d\n", "ada ':' di tempat yang tidak boleh"),
        ("id: x\nname: \"a\\qb\"\n", "urutan '\\' yang tidak dikenal"),
        ("id: x\nname: \"abc\n", "berkas berakhir di tengah sebuah nilai"),
        ("id: x\nname: @abc\n", "tidak dapat mengawali nilai"),
        ("a:\n\tb: 1\n", "ada tab di tempat yang memerlukan spasi"),
        ("a:\n  - 1\n b: 2\n", "indentasi baris ini tidak cocok"),
    ],
)
def test_what_libyaml_could_not_read_is_said_in_the_authors_language(
    tmp_path: Path, text: str, said: str
) -> None:
    from simulator.i18n import catalog

    [problem] = refused(write(tmp_path, text))
    assert problem.code == "yaml.syntax"
    indonesian = problem.message(catalog("id"))
    assert said in indonesian, indonesian
    leaked = [word for word in LIBYAML_WORDS if word in indonesian]
    assert not leaked, f"libyaml's English {leaked} on an Indonesian screen: {indonesian}"
    english = problem.message(catalog("en"))
    assert english.startswith("the YAML cannot be read"), english


def test_a_tab_in_the_indentation_gets_a_hint(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a:\n\tb: 1\n"))
    assert [where(p) for p in problems] == [(2, 1, "yaml.syntax")]
    assert problems[0].hint is not None
    assert problems[0].hint.key == "content.hint.tab"


def test_yaml_problems_are_all_collected(tmp_path: Path) -> None:
    problems = refused(write(tmp_path, "a: &x 1\nb: !t 2\na: 3\n"))
    assert [p.code for p in problems] == ["yaml.alias", "yaml.tag", "yaml.duplicate_key"]


def test_a_missing_file_is_a_located_refusal(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read_source(tmp_path / "nope.yaml")
    assert [where(p) for p in caught.value.problems] == [(1, 1, "file.not_found")]


# --- Scalars -------------------------------------------------------------------------------


def test_times_stay_text_even_when_yaml_11_reads_them_as_sexagesimal(tmp_path: Path) -> None:
    data = data_of(tmp_path, "a: 07:00\nb: 13:00\nc: 7:30\nd: 01:30+1\ne: 1:02:03.5\n")
    assert data == {"a": "07:00", "b": "13:00", "c": "7:30", "d": "01:30+1", "e": "1:02:03.5"}


def test_plain_scalars_resolve_as_yaml_11_core(tmp_path: Path) -> None:
    text = "i: 12\nh: 0x1f\nf: 1.5\nt: true\ny: yes\nn: ~\ne:\ns: hello\nq: '12'\n"
    assert data_of(tmp_path, text) == {
        "i": 12,
        "h": 31,
        "f": 1.5,
        "t": True,
        "y": True,
        "n": None,
        "e": None,
        "s": "hello",
        "q": "12",
    }


def test_dates_and_merge_keys_stay_text(tmp_path: Path) -> None:
    assert data_of(tmp_path, "d: 2024-02-14\n<<: x\n=: y\n") == {
        "d": "2024-02-14",
        "<<": "x",
        "=": "y",
    }


def test_int_keys_are_kept_and_boolean_looking_keys_keep_their_text(tmp_path: Path) -> None:
    data = data_of(tmp_path, "weights: {1: 40, 2: 60}\non: 1\nno: 2\n1.5: 3\n")
    assert data == {"weights": {1: 40, 2: 60}, "on": 1, "no": 2, "1.5": 3}


def test_numbers_python_cannot_read_stay_text(tmp_path: Path) -> None:
    data = data_of(tmp_path, "a: 0b_\nb: ._\nc: " + "1" * 5000 + "\n")
    assert data["a"] == "0b_"
    assert data["b"] == "._"
    assert data["c"] == "1" * 5000
