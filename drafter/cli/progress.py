"""The progress of batch commands: Rich's bar on a terminal, a line per item otherwise.

Rich draws through the Windows console's own calls where escape codes are not understood
(the old ``cmd.exe``), which a bar drawn with ``\\r`` and escape codes printed raw.
"""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from drafter.office.parallel import Outcome


class ProgressBar:
    """Called after each finished job: ``━━━━━━━━━━╺━━━━━━━━━ 12/30 xã Đông Hòa``; used as a
    context manager, so the terminal is left tidy however the batch ends."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, done: int, total: int, outcome: Outcome) -> None:
        unit = outcome.job.report.unit
        label = unit.label + ("" if outcome.ok else " (lỗi)")
        if not self.live:
            self.stream.write(f"{done}/{total} {label}\n")
            self.stream.flush()
            return
        if self._bar is None:
            self._bar = Progress(BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.description}"),
                                 console=Console(file=self.stream), transient=False)
            self._task = self._bar.add_task(label, total=total)
            self._bar.start()
        assert self._task is not None
        self._bar.update(self._task, completed=done, description=label)
