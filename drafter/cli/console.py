"""The process's text streams as an official's Windows PC has them.

A console shows Vietnamese whatever its code page (Python writes to it in UTF-16), but output
redirected to a file or a pipe gets the ANSI code page (cp1258, cp1252), in which most
Vietnamese letters cannot be written: such a stream is switched to UTF-8, which Notepad and
Word open.
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO


def prepare_streams() -> None:
    """UTF-8 for redirected standard output and error; a terminal never raises on a letter."""
    for stream in (sys.stdout, sys.stderr):
        _prepare(stream)


def _prepare(stream: TextIO | None) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if stream is None or reconfigure is None:
        return
    if codecs.lookup(stream.encoding or "ascii").name == "utf-8":
        return
    try:
        terminal = stream.isatty()
    except ValueError:  # closed
        return
    if terminal:
        reconfigure(errors="replace")
    else:
        reconfigure(encoding="utf-8")
