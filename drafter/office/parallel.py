"""Render many reports at once, in parallel on all cores; one failure never stops the rest.

Workers receive plain domain objects (reports are picklable dataclasses) and the pack's
directory, load the pack once per process, and write each DOCX atomically. They end with
the process that started them, even when it is killed.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from drafter.domain.report import Report
from drafter.errors import DrafterError
from drafter.packs.load import TemplatePack, builtin_pack, load_pack


@dataclass(frozen=True)
class Job:
    """One report to write to ``path``, with the reports it is compared with."""

    report: Report
    path: Path
    previous: Report | None = None
    last_year: Report | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of a job: ``error`` is empty when the file was written."""

    job: Job
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


Progress = Callable[[int, int, Outcome], None]
_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """Worker start-up: end this worker when ``parent`` ends, however it ends (killed, it
    cannot shut its pool down; a worker left behind would wait forever).

    Linux ends the worker at once (``PR_SET_PDEATHSIG``); everywhere a watcher thread checks
    every second that the parent is still there.
    """
    direct = os.getppid() == parent
    if direct and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if not _alive(parent, direct):
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, direct), daemon=True).start()


def _alive(parent: int, direct: bool) -> bool:
    if direct:
        return os.getppid() == parent
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(parent: int, direct: bool) -> None:
    while _alive(parent, direct):
        time.sleep(1)
    os._exit(1)


@cache
def _pack(pack_dir: Path | None) -> TemplatePack:
    builtin = builtin_pack()
    return load_pack(pack_dir) if pack_dir and pack_dir != builtin.path else builtin


def render_job(job: Job, pack_dir: Path | None = None) -> Outcome:
    """Render and write one job; a drafter error becomes the outcome's message."""
    from drafter.api import render_to_file

    try:
        render_to_file(job.report, job.path, previous=job.previous, pack=_pack(pack_dir),
                       last_year=job.last_year)
    except DrafterError as exc:
        return Outcome(job, str(exc))
    except Exception as exc:  # one report's bug must not stop the batch
        return Outcome(job, f"lỗi không mong đợi: {exc!r}")
    return Outcome(job)


def render_all(jobs: Sequence[Job], pack_dir: Path | None = None, workers: int | None = None,
               progress: Progress | None = None) -> list[Outcome]:
    """Every job's outcome, in the jobs' order; ``workers`` defaults to the number of cores
    (1 renders in this process, one after another)."""
    workers = min(workers or os.cpu_count() or 1, max(len(jobs), 1))
    outcomes: dict[int, Outcome] = {}

    def done(index: int, outcome: Outcome) -> None:
        outcomes[index] = outcome
        if progress is not None:
            progress(len(outcomes), len(jobs), outcome)

    if workers == 1:
        for index, job in enumerate(jobs):
            done(index, render_job(job, pack_dir))
    elif jobs:
        # The first report is rendered here: the pack, the compiled templates and the
        # writer's styled document are then ready in this process, and workers started by
        # fork (Linux's default) have them from the start instead of each building its own.
        first = render_job(jobs[0], pack_dir)
        with ProcessPoolExecutor(max_workers=workers, initializer=_die_with,
                                 initargs=(os.getpid(),)) as pool:
            futures = {pool.submit(render_job, job, pack_dir): index
                       for index, job in enumerate(jobs) if index > 0}
            done(0, first)  # reported once the workers run: progress means the pool is busy
            for future in as_completed(futures):
                done(futures[future], future.result())
    return [outcomes[index] for index in range(len(jobs))]
