"""What command handlers share: the pack, periods, output checks, announcing files (the
store is :mod:`drafter.cli.store`, for the commands that use one)."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.domain.periods import Period
from drafter.errors import DrafterError
from drafter.files.guard import note_input, output_target
from drafter.packs.load import TemplatePack, builtin_pack, load_pack
from drafter.writer.pdf import convert_to_pdf


def pack_of(args: argparse.Namespace) -> TemplatePack:
    """The pack given with ``--pack``, else the built-in one."""
    path = getattr(args, "pack", None)
    return load_pack(Path(path)) if path else builtin_pack()


def period_of(code: str) -> Period:
    try:
        return Period.parse(code)
    except ValueError as exc:
        raise DrafterError(str(exc)) from None


def check_output(output: Path | None, *inputs: Path | None, text: bool = False,
                 pdf: bool = False) -> None:
    """Refuse before any work an output (or its ``.txt``/``.pdf`` companion) that the writer
    would refuse (:func:`output_target`): one of the command's inputs, the database, a link,
    a device …; the original is never replaced by what was made from it."""
    if output is None:
        return
    for source in inputs:
        if source is not None:
            note_input(source)
    targets = [output] + ([output.with_suffix(".txt")] if text else []) + \
        ([output.with_suffix(".pdf")] if pdf else [])
    for target in targets:
        output_target(target)


def announce(args: argparse.Namespace, path: Path) -> None:
    """Report the written DOCX, then convert it when ``--pdf`` was asked for."""
    print(f"Đã ghi {path}")
    if getattr(args, "pdf", False):
        print(f"Đã ghi {convert_to_pdf(path)}")
