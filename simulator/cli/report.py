"""``report [INPUT…] [--lrs URL] --out report.html``: a class report from trainees' exports
(files, or folders of them) or from what an LRS holds, as one self-contained HTML page in the
chosen language.

Exit 0: the report is written and counts everything given. Exit 2: something given was not
counted (each problem is printed with its file and line, and listed at the top of the page,
which is still written when anything could be counted), the output cannot be written, or
nothing at all could be counted, or the LRS could not be read to the end (a report of part of
what it holds would mislead, so none is written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.i18n import Catalog, catalog, os_errors

if TYPE_CHECKING:  # the reading imports Ralph's models: only when the verb runs
    from simulator.xapi.reading import Reading


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT",
                        help=cat("cli.arg.report_inputs"))
    parser.add_argument("--out", type=Path, required=True, help=cat("cli.arg.report_out"))
    parser.add_argument("--lrs", metavar="URL", help=cat("cli.arg.report_lrs"))
    parser.add_argument("--user", help=cat("cli.arg.export_user", env="SIMULASI_LRS_USER"))
    parser.add_argument("--password",
                        help=cat("cli.arg.export_password", env="SIMULASI_LRS_PASSWORD"))


def run(args: argparse.Namespace) -> int:
    from simulator.persistence.logfile import write_text_atomically
    from simulator.persistence.store import local_time, utc_now
    from simulator.xapi.reading import read_files
    from simulator.xapi.report import class_report, unread_message
    from simulator.xapi.report_html import render_html

    cat = catalog(args.lang)
    if not args.inputs and args.lrs is None:
        print(cat("cli.report.no_input"), file=sys.stderr)
        return 2
    reading = read_files(args.inputs)
    if args.lrs is not None:
        failed = _read_lrs(cat, args, reading)
        if failed is not None:
            print(failed, file=sys.stderr)
            return 2
    for unread in reading.unread:
        print(unread_message(cat, unread), file=sys.stderr)
    if reading.statements == 0:
        print(cat("cli.report.nothing"), file=sys.stderr)
        return 2
    report = class_report(reading, cat)
    page = render_html(report, cat, local_time(utc_now()))
    try:
        write_text_atomically(args.out, page)
    except OSError as error:
        why = os_errors.reason(cat, error, args.out)
        print(cat("cli.report.cannot_write", path=str(args.out), why=why), file=sys.stderr)
        return 2
    print(cat("cli.report.done", path=str(args.out), trainees=report.summary.trainees,
              statements=reading.statements))
    if not reading.clean:
        print(cat("cli.report.not_counted", count=reading.unread_count), file=sys.stderr)
        return 2
    return 0


def _read_lrs(cat: Catalog, args: argparse.Namespace, reading: Reading) -> str | None:
    """Count what the LRS holds into ``reading``; a message when it cannot be read whole."""
    from simulator.cli.export import credentials, lrs_reason
    from simulator.xapi.lrs import LrsError, endpoint_url, read_statements
    from simulator.xapi.reading import read_lrs

    try:
        endpoint = endpoint_url(args.lrs)
    except ValueError:
        return cat("cli.export.bad_lrs", url=args.lrs)
    auth = credentials(cat, args)
    if isinstance(auth, str):
        return auth
    try:
        read_lrs(read_statements(endpoint, auth), endpoint, reading)
    except LrsError as error:
        return cat("cli.report.lrs_failed", lrs=endpoint, why=lrs_reason(cat, error))
    return None
