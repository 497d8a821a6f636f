"""Command line: ``python run_sim.py VERB …``; with no verb it launches the game.

Each verb lives in its own module, ``simulator/cli/<verb>.py``, exposing
``add_arguments(parser, cat)`` and ``run(args) -> int``; its one-line help is the text
``cli.verb.<verb>`` and its arguments' help ``cli.arg.*``, so ``--help`` speaks the user's language.
Modules are imported only when their verb is used, so ``--help`` and the game start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from simulator.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalog

# verb → module name; the order is the order of --help
VERBS: dict[str, str] = {
    "validate": "validate",
    "rules": "rules",
    "schema": "schema",
    "run": "run",
    "replay": "replay",
    "actions": "actions",
    "shot": "shot",
    "quiz": "quiz",
}

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran, and what it checked did not hold
EXIT_INVALID = 2  # bad input or bad usage


def _parser(lang: str) -> argparse.ArgumentParser:
    cat = catalog(lang)
    parser = argparse.ArgumentParser(prog="run_sim.py", description=cat("cli.description"))
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help=cat("cli.arg.lang")
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for verb, module_name in VERBS.items():
        module = importlib.import_module(f"simulator.cli.{module_name}")
        summary = cat(f"cli.verb.{verb}")
        verb_parser = sub.add_parser(verb, help=summary, description=summary)
        verb_parser.add_argument(
            "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        module.add_arguments(verb_parser, cat)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _only_language(args_list):
        from simulator.app.launch import launch_game

        # Only a language asked for on the command line overrides the one saved in the
        # settings (the start screen's toggle): without it, the game opens as it was left.
        return launch_game(lang=_peek_lang(args_list) if args_list else None)
    parser = _parser(_peek_lang(args_list))
    args = parser.parse_args(args_list)
    if args.verb is None:
        parser.error(catalog(_peek_lang(args_list))("cli.choose_verb"))
    module = importlib.import_module(f"simulator.cli.{VERBS[args.verb]}")
    try:
        return int(module.run(args))
    except BrokenPipeError:
        # The reader went away (``… | head``): nothing more to say, and nothing went wrong.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's flush quiet
        return EXIT_OK


def _only_language(args: list[str]) -> bool:
    """No verb at all (only ``--lang``): the game starts."""
    if not args:
        return True
    if len(args) == 1 and args[0].startswith("--lang="):
        return True
    return len(args) == 2 and args[0] == "--lang"


def _peek_lang(args: list[str]) -> str:
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGUAGES:
            return args[index + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    return DEFAULT_LANGUAGE
