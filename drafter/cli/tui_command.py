"""``drafter tui``, apart from the other commands: their module loads the store (and
SQLAlchemy), which the TUI opens only at its first write."""

from __future__ import annotations

import argparse


def tui(args: argparse.Namespace) -> int:
    """Open the TUI; Textual is imported only here, so other commands start fast."""
    from drafter.tui import create_app

    app = create_app(args.db, args.output)
    app.run()
    return app.return_code or 0  # 1 after a crash, whose one line Textual prints on exit
