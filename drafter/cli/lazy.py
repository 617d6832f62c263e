"""Command handlers named ``module:function`` (a module of :mod:`drafter.cli`), imported only
when their command runs: each command loads what it needs and nothing else, so rendering a
data file never starts the database layer, openpyxl or Textual."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Handler:
    """The handler ``function`` of ``drafter.cli.<module>``."""

    module: str
    function: str

    def __call__(self, args: argparse.Namespace) -> int:
        run = getattr(import_module(f"drafter.cli.{self.module}"), self.function)
        result: int = run(args)
        return result


def handler(ref: str) -> Handler:
    """``handler("file_commands:render_file")``: ``drafter.cli.file_commands.render_file``,
    imported when called."""
    module, _, function = ref.partition(":")
    return Handler(module, function)
