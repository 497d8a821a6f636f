"""argparse's own words — "usage:", "options", "error: the following arguments are required",
"invalid choice" — in the user's language.

argparse looks every message up through ``gettext`` at the moment it needs it (building a
parser, formatting help, reporting an error), by the module-level names ``argparse._`` and
``argparse.ngettext``. :func:`speaking` puts the catalogue's texts (``cli.argparse.*``) behind
those two names while the command line is read, and puts gettext back afterwards. A message
this table does not know (one added by a later Python) stays as argparse wrote it.

:func:`name_placeholders` does the same for the placeholders in usage lines (``--out OUT``,
``--profile NAME``), from ``cli.metavar.*``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from simulator.i18n import Catalog

# argparse's message (its gettext msgid, the same in Python 3.10 to 3.13) → the catalogue's key
MESSAGES: dict[str, str] = {
    "usage: ": "usage",
    "positional arguments": "positional",
    "options": "options",
    "show this help message and exit": "help",
    "%(prog)s: error: %(message)s\n": "error",
    "argument %(argument_name)s: %(message)s": "argument",
    "the following arguments are required: %s": "required",
    "one of the arguments %s is required": "one_required",
    "unrecognized arguments: %s": "unrecognized",
    "not allowed with argument %s": "not_allowed_with",
    "ignored explicit argument %r": "ignored_value",
    "expected one argument": "expected_one",
    "expected at most one argument": "expected_at_most_one",
    "expected at least one argument": "expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "unexpected option string: %s": "unexpected_option",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "can't open '%(filename)s': %(error)s": "cannot_open",
}
# ngettext's pair (singular, plural) → the key of the one text both take
PLURALS: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "expected_n",
}


def translator(cat: Catalog) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    """``gettext`` and ``ngettext`` that answer from ``cat``."""

    def gettext(message: str) -> str:
        key = MESSAGES.get(message)
        return cat(f"cli.argparse.{key}") if key else message

    def ngettext(singular: str, plural: str, count: int) -> str:
        key = PLURALS.get((singular, plural))
        if key:
            return cat(f"cli.argparse.{key}")
        return singular if count == 1 else plural

    return gettext, ngettext


@contextmanager
def speaking(cat: Catalog) -> Iterator[None]:
    """argparse's messages from ``cat`` inside the block, gettext's again after it."""
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translator(cat)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]


def name_placeholders(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    """Each argument's placeholder in ``parser``'s usage and help (``OUT``, ``scenario``) in
    the catalogue's words, where it has them (``cli.metavar.<placeholder>``)."""
    for action in parser._actions:  # argparse keeps no public list of them
        if action.nargs == 0:
            continue  # a flag: it takes nothing
        if action.choices is not None and action.metavar is None:
            continue  # shown as its choices: {normal,besar}
        shown = action.metavar
        if shown is None:
            shown = action.dest.upper() if action.option_strings else action.dest
        if isinstance(shown, str) and cat.has(f"cli.metavar.{shown}"):
            action.metavar = cat(f"cli.metavar.{shown}")
