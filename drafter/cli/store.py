"""The store of ``--db`` for the commands that read or write the database."""

from __future__ import annotations

import argparse
import sys
from functools import cache
from typing import TYPE_CHECKING

from drafter.cli.common import pack_of
from drafter.packs.load import TemplatePack
from drafter.storage.location import network_note
from drafter.storage.reader import open_reader

if TYPE_CHECKING:
    from drafter.storage import Store
    from drafter.storage.reader import Reads


def store_of(args: argparse.Namespace, pack: TemplatePack | None = None) -> Store:
    """The store of ``--db``, reading figures by ``pack``'s catalogue (default: ``--pack``'s)."""
    from drafter.storage import Store, connect  # SQLAlchemy and SQLModel load here

    _warn_network(args.db)
    return Store(connect(args.db), pack=pack or pack_of(args))


def reader_of(args: argparse.Namespace, pack: TemplatePack | None = None) -> Reads:
    """What a command that only reads uses: the ORM-free reader of ``--db``, or the store
    when the database must be created or migrated first."""
    pack = pack or pack_of(args)
    _warn_network(args.db)
    return open_reader(args.db, pack.catalogue) or store_of(args, pack)


@cache
def _warn_network(url: str | None) -> None:
    """Once per database: a SQLite file on a network drive is at risk (see network_note)."""
    note = network_note(url)
    if note:
        print(note, file=sys.stderr)
