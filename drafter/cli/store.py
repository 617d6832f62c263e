"""The store of ``--db`` for the commands that read or write the database."""

from __future__ import annotations

import argparse

from drafter.cli.common import pack_of
from drafter.pack import TemplatePack
from drafter.storage import Store, connect


def store_of(args: argparse.Namespace, pack: TemplatePack | None = None) -> Store:
    """The store of ``--db``, reading figures by ``pack``'s catalogue (default: ``--pack``'s)."""
    return Store(connect(args.db), pack=pack or pack_of(args))
