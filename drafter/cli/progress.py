"""A one-line progress bar for batch commands (a line per item when not on a terminal)."""

from __future__ import annotations

from typing import TextIO

from drafter.office.parallel import Outcome


class ProgressBar:
    """Called after each finished job: ``[#####-----] 12/30 xã Đông Hòa``."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.live = stream.isatty()

    def __call__(self, done: int, total: int, outcome: Outcome) -> None:
        filled = self.width * done // total
        unit = outcome.job.report.unit
        mark = "" if outcome.ok else " (lỗi)"
        line = (f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} "
                f"{unit.label}{mark}")
        if self.live:
            end = "\n" if done == total else ""
            self.stream.write(f"\r\x1b[2K{line}{end}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
