"""What command handlers share: the pack, periods, output checks, announcing files (the
store is :mod:`drafter.cli.store`, for the commands that use one)."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.datafile.load import file_kind
from drafter.domain.periods import Period
from drafter.errors import DrafterError
from drafter.files.guard import note_input, output_target
from drafter.packs.kinds import pack_for
from drafter.packs.load import TemplatePack, builtin_pack, load_pack
from drafter.writer.pdf import convert_to_pdf


def given_pack(args: argparse.Namespace) -> TemplatePack | None:
    """The pack given with ``--pack`` (a province's own variant of a kind), if any."""
    path = getattr(args, "pack", None)
    return load_pack(Path(path)) if path else None


def pack_of(args: argparse.Namespace) -> TemplatePack:
    """The pack of the kind of report the command works on: ``--report-kind``'s (``--pack``
    when it is of that kind), else ``--pack``, else the built-in one."""
    given = given_pack(args)
    kind = getattr(args, "report_kind", None)
    if kind:
        return pack_for(kind, given)
    return given or builtin_pack()


def pack_of_file(args: argparse.Namespace, path: Path) -> TemplatePack:
    """The pack of the kind of report the data file ``path`` holds (``--pack`` when it is
    of that kind)."""
    return pack_for(file_kind(path), given_pack(args))


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
