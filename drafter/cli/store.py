"""The store of ``--db`` for the commands that read or write the database."""

from __future__ import annotations

import argparse
import sys
from functools import cache
from typing import TYPE_CHECKING

from drafter.cli.common import given_pack, pack_of
from drafter.packs.kinds import pack_for
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


def store_for(args: argparse.Namespace, report_id: int) -> Store:
    """The store of ``--db`` reading the stored report ``report_id`` by the pack of its kind
    (``--pack`` when it is of that kind): a report is never read by another kind's pack."""
    from drafter.storage import Store

    store = store_of(args)
    kind = store.kind_of(report_id)
    if kind == store.pack.kind:
        return store
    return Store(store.engine, pack=pack_for(kind, given_pack(args)))


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
