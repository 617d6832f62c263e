"""drafter: draft Vietnamese periodic CCHC reports as Decree 30 DOCX files.

The library is the product: ``load_report`` → ``render`` → ``save_docx``. The names are
loaded lazily so that importing a core module never pulls in python-docx.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from drafter.resources import __version__

__all__ = ["Document", "__version__", "load_report", "render", "save_docx"]

_LAZY = {
    "Document": "drafter.narrative.blocks",
    "render": "drafter.narrative.engine",
    "load_report": "drafter.datafile.load",
    "save_docx": "drafter.writer.docx_writer",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(name)
