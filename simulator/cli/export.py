"""``export (--profile NAME | --all) (--out FILE | --lrs URL)``: the results on this laptop as
xAPI statements, in a JSON Lines file for a trainer's class report, or sent to a district's
LRS (through the save file's queue: what cannot be sent now waits for the next export)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli import EXIT_INVALID, EXIT_OK
from simulator.i18n import Catalog, catalog, os_errors

if TYPE_CHECKING:
    from simulator.persistence.store import Profile, SaveStore, StoreError
    from simulator.xapi.export import Delivery
    from simulator.xapi.lrs import Credentials, LrsError

#: where the LRS user and password may come from instead of the command line, which a shell
#: keeps in its history
USER_ENV = "SIMULASI_LRS_USER"
PASSWORD_ENV = "SIMULASI_LRS_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--profile", help=cat("cli.arg.export_profile"))
    who.add_argument("--all", action="store_true", help=cat("cli.arg.export_all"))
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help=cat("cli.arg.export_out"))
    where.add_argument("--lrs", metavar="URL", help=cat("cli.arg.export_lrs"))
    parser.add_argument("--user", help=cat("cli.arg.export_user", env=USER_ENV))
    parser.add_argument("--password", help=cat("cli.arg.export_password", env=PASSWORD_ENV))


def run(args: argparse.Namespace) -> int:
    from simulator.persistence.store import SaveStore, StoreError

    cat = catalog(args.lang)
    if args.lrs is None and (args.user is not None or args.password is not None):
        return _fail(cat("cli.export.lrs_only"))
    try:
        store, _ = SaveStore.open(None)
    except StoreError as error:
        return _fail(cat("cli.export.no_store", path=str(error.path), why=_store_why(cat, error)))
    try:
        profiles = store.profiles()
        if not args.all:
            profiles = [p for p in profiles if p.name == args.profile]
            if not profiles:
                return _fail(cat("cli.export.no_profile", name=args.profile))
        if args.lrs is not None:
            return _to_lrs(cat, store, profiles, args)
        return _to_file(cat, store, profiles, args.out)
    except StoreError as error:
        return _fail(cat("cli.export.store_failed", path=str(error.path),
                         why=_store_why(cat, error)))
    finally:
        store.close()


def _store_why(cat: Catalog, error: StoreError) -> str:
    """Why the save file could not be used, in words: the system's reason where it gave one
    (a folder that cannot be made), else what SQLite's words point to."""
    from simulator.persistence.store import problem_kind

    if isinstance(error.__cause__, OSError):
        return os_errors.reason(cat, error.__cause__, error.path)
    return cat(f"cli.export.store_why.{problem_kind(error)}")


def _to_file(cat: Catalog, store: SaveStore, profiles: list[Profile], out: Path) -> int:
    from simulator.xapi.export import export

    try:
        count = export(store, profiles, out)
    except OSError as error:
        return _fail(cat("cli.export.cannot_write", path=str(out),
                         why=os_errors.reason(cat, error, out)))
    print(cat("cli.export.done", count=count, path=str(out)))
    return EXIT_OK


def _to_lrs(
    cat: Catalog, store: SaveStore, profiles: list[Profile], args: argparse.Namespace
) -> int:
    from simulator.xapi.export import send_to_lrs
    from simulator.xapi.lrs import endpoint_url

    try:
        endpoint = endpoint_url(args.lrs)
    except ValueError:
        return _fail(cat("cli.export.bad_lrs", url=args.lrs))
    auth = credentials(cat, args)
    if isinstance(auth, str):
        return _fail(auth)
    delivery = send_to_lrs(store, profiles, endpoint, auth)
    return _report(cat, endpoint, delivery)


def credentials(cat: Catalog, args: argparse.Namespace) -> Credentials | str | None:
    """The LRS user and password (the command line's, else the environment's); None for an
    LRS open to all; a message when the user has no password and none can be asked for."""
    from simulator.xapi.lrs import Credentials

    user = args.user if args.user is not None else os.environ.get(USER_ENV)
    password = args.password if args.password is not None else os.environ.get(PASSWORD_ENV)
    if not user:
        return None if password is None else cat("cli.export.password_without_user")
    if password is None:
        if not sys.stdin.isatty():
            return cat("cli.export.no_password", env=PASSWORD_ENV)
        try:
            password = getpass.getpass(cat("cli.export.ask_password", user=user))
        except EOFError:  # the terminal closed (Ctrl-D) before a password was typed
            return cat("cli.export.no_password", env=PASSWORD_ENV)
    return Credentials(user, password)


def _report(cat: Catalog, endpoint: str, delivery: Delivery) -> int:
    if delivery.too_long:
        print(cat("cli.export.too_long", count=delivery.too_long), file=sys.stderr)
    if delivery.damaged:
        print(cat("cli.export.damaged", count=delivery.damaged), file=sys.stderr)
    if delivery.error is None:
        if delivery.sent == 0:
            print(cat("cli.export.nothing_new", lrs=endpoint))
        else:
            print(cat("cli.export.sent", count=delivery.sent, held=delivery.held, lrs=endpoint))
        # Statements that could not go at all are a failure, though the rest went.
        return EXIT_INVALID if delivery.too_long or delivery.damaged else EXIT_OK
    print(
        cat(
            "cli.export.not_sent",
            sent=delivery.sent,
            waiting=delivery.waiting,
            lrs=endpoint,
            why=lrs_reason(cat, delivery.error),
        ),
        file=sys.stderr,
    )
    return EXIT_INVALID


def lrs_reason(cat: Catalog, error: LrsError) -> str:
    """The reason, in the user's words; the LRS's own detail in brackets where it helps."""
    kind = error.kind.value
    if kind == "unreachable":
        return cat(f"cli.export.why.unreachable_{error.reason or 'other'}", detail=error.detail)
    return cat(f"cli.export.why.{kind}", status=error.status or "-", detail=error.detail)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_INVALID
