"""The command line's usage lines, help and usage errors speak the user's language, argparse's
own words included ("usage:", "options", "the following arguments are required", "invalid
choice"): a trainer who mistypes a verb at a bimtek reads Indonesian."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect

import pytest

from simulator.cli import VERBS, main
from simulator.cli.argparse_text import MESSAGES, PLURALS

# argparse's English, as a trainee would meet it on an Indonesian screen
ENGLISH = ("usage:", "error:", "options:", "positional arguments", "show this help",
           "required", "invalid choice", "choose from", "unrecognized", "expected one",
           "ignored explicit", "not allowed with", "--out OUT", "--profile PROFILE")

MISTYPED = [
    ["frobnicate"],                      # no such verb
    ["export"],                          # one of two required
    ["run"],                             # a positional missing
    ["shot", "x", "--text-size", "y"],   # a choice not offered
    ["rules", "--json=3"],               # a flag given a value
    ["rules", "extra"],                  # an argument too many
    ["replay", "--scenario"],            # an option without its value
    ["report"],                          # a required option missing
]


def _said(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return int(stopped.value.code or 0), out + err


@pytest.mark.parametrize("args", MISTYPED, ids=" ".join)
def test_a_mistyped_command_is_refused_in_indonesian(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, said = _said(capsys, *args)
    assert code == 2, f"{args}: exit {code}, not 2 (bad usage)"
    assert "kesalahan:" in said and "pemakaian:" in said, said
    leaked = [word for word in ENGLISH if word in said]
    assert not leaked, f"{args}: argparse's English on an Indonesian screen: {leaked}\n{said}"


@pytest.mark.parametrize("verb", [None, *VERBS])
def test_every_help_page_is_indonesian(
    capsys: pytest.CaptureFixture[str], verb: str | None
) -> None:
    code, said = _said(capsys, *([verb] if verb else []), "--help")
    assert code == 0
    assert said.startswith("pemakaian: "), said[:80]
    assert "tampilkan bantuan ini lalu keluar" in said
    leaked = [word for word in ENGLISH if word in said]
    assert not leaked, f"{verb or 'the program'} --help shows argparse's English: {leaked}"


def test_english_keeps_argparses_own_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, said = _said(capsys, "--lang", "en", "export")
    assert code == 2
    assert "usage: " in said and "error: one of the arguments --profile --all is required" in said
    assert "--out OUT" in said and "--profile PROFILE" in said


def test_argparse_is_given_back_its_gettext(capsys: pytest.CaptureFixture[str]) -> None:
    """The translation holds while the command line is read, and no longer: another parser in
    the same process (a test, a tool) speaks argparse's own English."""
    _said(capsys, "rules", "extra")
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext


def test_every_message_translated_is_one_argparse_has() -> None:
    """A later Python may reword a message; its old wording here would silently stop
    matching. Each one in the table is still among argparse's gettext messages."""
    tree = ast.parse(inspect.getsource(argparse))
    asked: set[str | tuple[str, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)
                     and isinstance(a.value, str)]
            if node.func.id == "_" and texts:
                asked.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) == 2:
                asked.add((texts[0], texts[1]))
    stale = [m for m in [*MESSAGES, *PLURALS] if m not in asked]
    assert not stale, f"argparse no longer asks gettext for {stale}: update argparse_text.py"
