"""``report INPUT… --out report.html``: a class report from trainees' exports (files, or
folders of them), as one self-contained HTML page in the chosen language.

Exit 0: the report is written and counts everything given. Exit 2: something given was not
counted (each problem is printed with its file and line, and listed at the top of the page,
which is still written when anything could be counted), the output cannot be written, or
nothing at all could be counted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.i18n import Catalog, catalog


def add_arguments(parser: argparse.ArgumentParser, cat: Catalog) -> None:
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT",
                        help=cat("cli.arg.report_inputs"))
    parser.add_argument("--out", type=Path, required=True, help=cat("cli.arg.report_out"))


def run(args: argparse.Namespace) -> int:
    from simulator.persistence.logfile import write_text_atomically
    from simulator.persistence.store import local_time, utc_now
    from simulator.xapi.reading import read_files
    from simulator.xapi.report import class_report, unread_message
    from simulator.xapi.report_html import render_html

    cat = catalog(args.lang)
    if not args.inputs:
        print(cat("cli.report.no_input"), file=sys.stderr)
        return 2
    reading = read_files(args.inputs)
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
        print(cat("cli.report.cannot_write", path=str(args.out), why=error.strerror or error),
              file=sys.stderr)
        return 2
    print(cat("cli.report.done", path=str(args.out), trainees=report.summary.trainees,
              statements=reading.statements))
    if not reading.clean:
        print(cat("cli.report.not_counted", count=reading.unread_count), file=sys.stderr)
        return 2
    return 0
