"""The desktop around the TUI: a folder shown in the system's file manager.

Explorer on Windows (``os.startfile``), Finder on macOS (``open``), the desktop's file manager
elsewhere (``xdg-open``); a web browser is not a file manager.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from textual.screen import Screen


def open_folder(folder: Path) -> str:
    """Show ``folder`` without waiting for the file manager; a Vietnamese line when it cannot
    be shown (which names the folder, so the official can find it), else ``""``."""
    try:
        if sys.platform == "win32":
            os.startfile(folder)
        else:
            opener = "open" if sys.platform == "darwin" else "xdg-open"
            subprocess.Popen([opener, str(folder)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    except OSError as exc:
        return (f"Không mở được thư mục {folder} ({exc.strerror or exc}); hãy mở thư mục đó "
                "bằng tay.")
    return ""


def show_folder(screen: Screen[Any], folder: Path) -> None:
    """:func:`open_folder` from a screen: a folder that cannot be shown is named in a toast."""
    failed = open_folder(folder.resolve())
    if failed:
        screen.notify(failed, title="Chưa mở được thư mục", severity="error", timeout=10)
