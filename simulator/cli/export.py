"""``export [--profile NAME | --all] --out FILE``: the results on this laptop as xAPI
statements (JSON Lines), for a trainer's class report or a district's LRS."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.i18n import Catalog, catalog


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--profile", help=cat("cli.arg.export_profile"))
    who.add_argument("--all", action="store_true", help=cat("cli.arg.export_all"))
    parser.add_argument("--out", type=Path, required=True, help=cat("cli.arg.export_out"))


def run(args: argparse.Namespace) -> int:
    from simulator.persistence.store import SaveStore, StoreError
    from simulator.xapi.export import export

    cat = catalog(args.lang)
    try:
        store, _ = SaveStore.open(None)
    except StoreError as error:
        print(cat("cli.export.no_store", why=str(error)), file=sys.stderr)
        return 2
    try:
        profiles = store.profiles()
        if not args.all:
            profiles = [p for p in profiles if p.name == args.profile]
            if not profiles:
                print(cat("cli.export.no_profile", name=args.profile), file=sys.stderr)
                return 2
        try:
            count = export(store, profiles, args.out)
        except OSError as error:
            print(cat("cli.export.cannot_write", path=str(args.out), why=error.strerror or error),
                  file=sys.stderr)
            return 2
    finally:
        store.close()
    print(cat("cli.export.done", count=count, path=str(args.out)))
    return 0
