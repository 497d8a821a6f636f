"""Command line: ``python run_sim.py VERB …`` (installed: ``simulasi-tps-cli VERB …``, or
``python -m simulator VERB …``); with no verb it launches the game.

Each verb lives in its own module, ``simulator/cli/<verb>.py``, exposing
``add_arguments(parser, cat)`` and ``run(args) -> int``; its one-line help is the text
``cli.verb.<verb>`` and its arguments' help ``cli.arg.*``, so ``--help`` speaks the user's language.
Modules are imported only when their verb is used, so ``--help`` and the game start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from simulator.cli import argparse_text
from simulator.cli.console import tell_without_console, use_utf8
from simulator.cli.install import describe, installation_problems
from simulator.crash import write_crash_report
from simulator.i18n import DEFAULT_LANGUAGE, LANGUAGES, MissingTranslation, catalog
from simulator.resources import MissingContent
from simulator.schema import bounded

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
    "export": "export",
    "report": "report",
}

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran, and what it checked did not hold
# bad input or bad usage, or output that cannot be written (a full disk; an LRS unreachable,
# refusing the password, or not taking every statement: what it did not take stays queued)
EXIT_INVALID = 2
EXIT_INTERNAL = 3  # a fault in this program: never a verdict on what it was given

# The game draws this many frames and closes (exit 0): how a packaged program is smoke-tested
# and its start timed, with no one at the keyboard (packaging/smoke.py, bench/packaged.py).
FRAMES_ENV = "SIMULASI_TPS_FRAMES"
MAX_FRAMES = 100_000


def _parser(lang: str) -> argparse.ArgumentParser:
    """The command line's parser, its help in ``lang``; built inside
    ``argparse_text.speaking`` so that argparse's own words are in ``lang`` too."""
    cat = catalog(lang)
    parser = argparse.ArgumentParser(prog=_program_name(), description=cat("cli.description"))
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
        argparse_text.name_placeholders(verb_parser, cat)
    argparse_text.name_placeholders(parser, cat)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # What the program logs is for its log, not the terminal (Python's last-resort handler
    # would print warnings there, in English, between the user's messages).
    use_utf8()
    logging.getLogger("simulator").addHandler(logging.NullHandler())
    args_list = list(sys.argv[1:] if argv is None else argv)
    problems = installation_problems(VERBS.values(), game=_only_language(args_list))
    if problems:
        said = "\n".join(describe(problems, _peek_lang(args_list)))
        if tell_without_console(lambda: _app_name(_peek_lang(args_list)), said):
            write_crash_report(said)  # kept too, for whoever is asked to help
        else:
            _say(said)
        return EXIT_INTERNAL
    if _only_language(args_list):
        from simulator.app.launch import launch_game

        # Only a language asked for on the command line overrides the one saved in the
        # settings (the start screen's toggle): without it, the game opens as it was left.
        try:
            frames = _frames_to_draw(os.environ.get(FRAMES_ENV, ""))
        except ValueError:
            _say(catalog(_peek_lang(args_list))("cli.bad_frames", name=FRAMES_ENV, most=MAX_FRAMES))
            return EXIT_INVALID
        try:
            return launch_game(lang=_peek_lang(args_list) if args_list else None, frames=frames)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception:
            return _internal_error(catalog(_peek_lang(args_list)))
    asked = _peek_lang(args_list)
    with argparse_text.speaking(catalog(asked)):
        parser = _parser(asked)
        args = parser.parse_args(args_list)
        if args.verb is None:
            parser.error(catalog(asked)("cli.choose_verb"))
    cat = catalog(getattr(args, "lang", asked))
    try:
        module = importlib.import_module(f"simulator.cli.{VERBS[args.verb]}")
        return int(module.run(args))
    except BrokenPipeError:
        # The reader went away (``… | head``): nothing more to say, and nothing went wrong.
        _quiet_stdout()
        return EXIT_OK
    except OSError as error:
        if not _is_output_error(error):
            return _internal_error(cat)
        # The output cannot be written (a full disk, /dev/full, a terminal gone): said on
        # the error stream, which may still work.
        _quiet_stdout()
        full = error.errno in {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
        _say(cat("cli.output_failed.full" if full else "cli.output_failed.other"))
        return EXIT_INVALID
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:
        return _internal_error(cat)


def _frames_to_draw(value: str) -> int | None:
    """``$SIMULASI_TPS_FRAMES`` read: None when unset (play until closed), else the count;
    ValueError when it is not a whole number from 1 to MAX_FRAMES."""
    value = value.strip()
    if not value:
        return None
    return bounded.whole_number(value, 1, MAX_FRAMES)  # Unreadable is a ValueError


def _is_output_error(error: OSError) -> bool:
    """Whether ``error`` came from writing the output (not from a file the verb read)."""
    return error.filename is None and error.errno in {
        errno.ENOSPC,
        errno.EIO,
        errno.EPIPE,
        errno.EBADF,
        errno.EDQUOT,
        errno.EFBIG,
    }


def _internal_error(cat: Callable[..., str]) -> int:
    """An error nobody foresaw: its traceback goes to a file, one line says where, and the
    exit code is its own (3), so that it is never read as "different" or "not passed"."""
    where = write_crash_report(traceback.format_exc())
    said = cat("cli.internal_error", path=str(where) if where else "-")
    if not tell_without_console(lambda: cat("app.name"), said):
        _say(said)
    return EXIT_INTERNAL


def _app_name(lang: str) -> str:
    """The program's name for a message box's title; its own name when the texts are what is
    missing (a broken installation can lack them)."""
    try:
        return catalog(lang)("app.name")
    except (MissingTranslation, MissingContent):
        return "Simulasi TPS"


def _quiet_stdout() -> None:
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's flush quiet


def _say(text: str) -> None:
    # With no error stream either, the exit code alone says it.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(text, file=sys.stderr, flush=True)


def _program_name() -> str:
    """The command as the user typed it (``simulasi-tps-cli``, ``run_sim.py``), for usage
    lines; ``python -m simulator`` for the module, whose argv[0] is its ``__main__.py``."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if not name or name in ("__main__.py", "-c"):
        return "python -m simulator"
    return name.removesuffix(".exe").removesuffix("-script.pyw").removesuffix("-script.py")


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
