"""Errors an official may see. Every message is Vietnamese and names what went wrong."""

from __future__ import annotations


class DrafterError(Exception):
    """Base of every expected error; the CLI prints it on one line, without a traceback."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DataFileError(DrafterError):
    """A problem in a report data file: ``<file>: <key>: <problem>``."""

    def __init__(self, path: str, key: str, problem: str) -> None:
        where = f"{path}: {key}" if key else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.key = key
        self.problem = problem


class PackError(DrafterError):
    """A template pack is malformed (catalogue, rules or templates)."""


class StorageError(DrafterError):
    """The database cannot be opened or a stored record is missing."""


class RenderError(DrafterError):
    """The report cannot be written (template failure, unwritable path)."""


class ChecksFailedError(DrafterError):
    """A report with errors was to be made final (or rendered as final)."""

    exit_code = 1


class FinalReportError(StorageError):
    """A final report was to be changed without being reopened first."""


class StaleReportError(StorageError):
    """The report was saved by someone else after it was read: saving would undo their work."""


class DraftsBelowError(StorageError):
    """An aggregating unit's report made final while reports of its communes for the period
    are still drafts, without the official's confirmation; ``drafts`` says which ("3/92 báo
    cáo của cấp xã kỳ này còn là dự thảo (…)") for a screen that asks to confirm."""

    def __init__(self, message: str, drafts: str = "") -> None:
        super().__init__(message)
        self.drafts = drafts


def crash_report(error: BaseException) -> str:
    """An unexpected error, as an official sees it: one line naming the file, in the user's
    data folder, that holds the traceback for whoever supports them (never the traceback)."""
    import datetime as dt
    import platform
    import sys
    import traceback

    from drafter.resources import __version__, data_dir

    now = dt.datetime.now()
    details = (f"drafter {__version__}, Python {platform.python_version()}, "
               f"{platform.platform()}\n{now.isoformat(timespec='seconds')}\n"
               f"{' '.join(sys.argv)}\n\n"
               + "".join(traceback.format_exception(error)))
    folder = data_dir() / "crash"
    path = folder / f"loi-{now:%Y%m%d-%H%M%S-%f}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(details, encoding="utf-8")
    except OSError:
        return (f"Lỗi không mong đợi ({type(error).__name__}); không ghi được chi tiết vào "
                f"{folder}.")
    return (f"Lỗi không mong đợi ({type(error).__name__}): chi tiết đã ghi vào tệp {path}, "
            "hãy gửi tệp này cho người hỗ trợ.")
