"""A province's (before July 2025, a district's) commands over every commune's report: roll
them up, render them all. Both read through the ORM-free reader
(:func:`drafter.cli.store.reader_of`); the ORM loads only when the sums are saved, the writer
only when a DOCX is written, openpyxl only when a workbook is read."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.cli.common import announce, check_output, pack_of, period_of
from drafter.cli.progress import ProgressBar
from drafter.cli.store import reader_of, store_of
from drafter.office.operations import aggregate_into, render_communes


def aggregate(args: argparse.Namespace) -> int:
    check_output(args.output, *args.files, text=args.text, pdf=args.pdf)
    pack = pack_of(args)
    done = aggregate_into(reader_of(args, pack), args.unit, period_of(args.period), pack,
                          args.files, args.date, save=not args.no_save, output=args.output,
                          text=args.text, writer=lambda: store_of(args, pack))
    print("\n".join(done.lines))
    if done.path is not None:
        announce(args, done.path)
    return 0


def render_all(args: argparse.Namespace) -> int:
    with ProgressBar(sys.stderr) as progress:
        batch = render_communes(reader_of(args), args.unit, period_of(args.period),
                                args.output, Path(args.pack) if args.pack else None, args.jobs,
                                progress)
    print("\n".join(batch.lines))
    return 1 if batch.failed else 0
