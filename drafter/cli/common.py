"""What every command handler shares: the store, the pack, periods, announcing files."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.domain.periods import Period
from drafter.errors import DrafterError
from drafter.pack import TemplatePack, builtin_pack, load_pack
from drafter.storage import Store, connect
from drafter.writer.pdf import convert_to_pdf


def pack_of(args: argparse.Namespace) -> TemplatePack:
    """The pack given with ``--pack``, else the built-in one."""
    path = getattr(args, "pack", None)
    return load_pack(Path(path)) if path else builtin_pack()


def store_of(args: argparse.Namespace, pack: TemplatePack | None = None) -> Store:
    """The store of ``--db``, reading figures by ``pack``'s catalogue (default: ``--pack``'s)."""
    return Store(connect(args.db), (pack or pack_of(args)).catalogue)


def period_of(code: str) -> Period:
    try:
        return Period.parse(code)
    except ValueError as exc:
        raise DrafterError(str(exc)) from None


def announce(args: argparse.Namespace, path: Path) -> None:
    """Report the written DOCX, then convert it when ``--pdf`` was asked for."""
    print(f"Đã ghi {path}")
    if getattr(args, "pdf", False):
        print(f"Đã ghi {convert_to_pdf(path)}")
