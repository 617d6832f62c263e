"""``drafter tui``: its own module, so starting the TUI loads neither openpyxl nor the
writer that the other commands' module imports (a tenth of a second at every start)."""

from __future__ import annotations

import argparse


def tui(args: argparse.Namespace) -> int:
    """Open the TUI; Textual is imported only here, so other commands start fast."""
    from drafter.tui import create_app

    create_app(args.db, args.output).run()
    return 0
