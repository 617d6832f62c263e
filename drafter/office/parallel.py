"""Render many reports at once, in parallel on all cores; one failure never stops the rest.

Workers receive plain domain objects (reports are picklable dataclasses) and the pack's
directory, load the pack once per process, and write each DOCX atomically. They end with
the process that started them, even when it is killed, on every system and start method
(fork, spawn — Windows' only one — and forkserver). A worker that dies (killed, out of
memory) costs at most the report it was writing, never the batch.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
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
# Windows waits on at most 63 handles at once, which caps a process pool at 61 workers.
MAX_WORKERS = 61
_DIED = "tiến trình soạn báo cáo này dừng đột ngột; hãy soạn lại báo cáo này"
# Where each worker says which job it starts, so that the jobs a dead worker held are known.
_started: multiprocessing.SimpleQueue[int] | None = None


def _start_worker(started: multiprocessing.SimpleQueue[int]) -> None:
    """Worker start-up: end this worker when the process that started it ends, however it
    ends (killed, it cannot shut its pool down; a worker left behind would wait forever).

    The parent's sentinel becomes ready when the parent is gone, under every start method
    and on every system; its process id cannot tell (Windows never changes ``getppid()``).
    """
    global _started
    _started = started
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_watch, args=(parent.sentinel,), daemon=True).start()


def _watch(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


@cache
def _pack(pack_dir: Path | None) -> TemplatePack:
    return load_pack(pack_dir) if pack_dir else builtin_pack()


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


def _render_indexed(index: int, job: Job, pack_dir: Path | None) -> Outcome:
    if _started is not None:
        _started.put(index)
    return render_job(job, pack_dir)


def pool_size(workers: int | None, jobs: int) -> int:
    """The workers to start: as asked (default: the cores), no more than the jobs, and no
    more than Windows allows."""
    return max(1, min(workers or os.cpu_count() or 1, jobs, MAX_WORKERS))


def render_all(jobs: Sequence[Job], pack_dir: Path | None = None, workers: int | None = None,
               progress: Progress | None = None) -> list[Outcome]:
    """Every job's outcome, in the jobs' order; ``workers`` defaults to the number of cores
    (1 renders in this process, one after another)."""
    workers = pool_size(workers, len(jobs))
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
        _in_pool(jobs, list(range(1, len(jobs))), pack_dir, workers, done, lambda: done(0, first))
    return [outcomes[index] for index in range(len(jobs))]


def _in_pool(jobs: Sequence[Job], todo: list[int], pack_dir: Path | None, workers: int,
             done: Callable[[int, Outcome], None],
             started: Callable[[], None] = lambda: None) -> None:
    """Run the jobs ``todo`` in a pool. When a worker dies the pool is lost: the jobs it had
    not finished run again in a new pool, except those a worker had started — one of them
    killed it, or was killed with it — which each run alone, so that only a job that kills
    its worker again fails."""
    _tracker_ready()
    begun: multiprocessing.SimpleQueue[int] = multiprocessing.SimpleQueue()
    unfinished = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                             initargs=(begun,)) as pool:
        futures = {}
        for index in todo:
            try:
                futures[pool.submit(_render_indexed, index, jobs[index], pack_dir)] = index
            except BrokenProcessPool:  # a worker died while the jobs were handed out
                unfinished.append(index)
        started()  # reported once the workers run: progress means the pool is busy
        for future in as_completed(futures):
            try:
                done(futures[future], future.result())
            except BrokenProcessPool:
                unfinished.append(futures[future])
    if not unfinished:
        return
    suspects = _drain(begun) & set(unfinished)
    others = sorted(set(unfinished) - suspects)
    if not suspects:  # the workers died before starting any job: they would die again
        for index in others:
            done(index, Outcome(jobs[index], _DIED))
        return
    if others:
        _in_pool(jobs, others, pack_dir, workers, done)
    for index in sorted(suspects):
        _alone(jobs, index, pack_dir, done)


def _alone(jobs: Sequence[Job], index: int, pack_dir: Path | None,
           done: Callable[[int, Outcome], None]) -> None:
    with ProcessPoolExecutor(max_workers=1, initializer=_start_worker,
                             initargs=(multiprocessing.SimpleQueue(),)) as pool:
        try:
            outcome = pool.submit(render_job, jobs[index], pack_dir).result()
        except BrokenProcessPool:
            outcome = Outcome(jobs[index], _DIED)
    done(index, outcome)


def _tracker_ready() -> None:
    """Start multiprocessing's resource tracker with the real standard error: the TUI's
    stand-in has no file descriptor (``fileno()`` is -1), which spawn and forkserver would
    hand to the tracker they start on POSIX, and fail."""
    if os.name == "posix" and multiprocessing.get_start_method() != "fork" and \
            sys.__stderr__ is not None:
        from multiprocessing import resource_tracker

        with contextlib.redirect_stderr(sys.__stderr__):
            resource_tracker.ensure_running()


def _drain(begun: multiprocessing.SimpleQueue[int]) -> set[int]:
    found = set()
    while not begun.empty():
        found.add(begun.get())
    return found
