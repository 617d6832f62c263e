"""``drafter render``: a data file to DOCX, with nothing of the database layer loaded."""

from __future__ import annotations

import argparse
import sys

from drafter.api import render_to_file
from drafter.cli.common import announce, check_output, pack_of_file
from drafter.datafile import load_report


def render_file(args: argparse.Namespace) -> int:
    check_output(args.output, args.file, text=args.text, pdf=args.pdf)
    pack = pack_of_file(args, args.file)
    report = load_report(args.file, pack.catalogue)
    announce(args, render_to_file(report, args.output, pack=pack, text=args.text))
    unit = report.unit
    if not unit.is_committee and not unit.header_superior:
        # A department's header loses its chủ quản when the file does not name it: said.
        print(f"Cảnh báo: {pack.checks.message('superior_missing', unit=unit.label)}",
              file=sys.stderr)
    return 0
