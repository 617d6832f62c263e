"""A report made by hand in Word stored as its unit's report of that period, for the next
period to start from it by the usual rules (:mod:`drafter.records.reuse`); the same for the
CLI (``drafter report import-word``) and the TUI's new-report dialog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.domain.periods import Period
from drafter.domain.report import WORD_MARK
from drafter.errors import StorageError
from drafter.exchange.word import WordReport, read_word_report
from drafter.packs.load import TemplatePack

if TYPE_CHECKING:
    from drafter.storage import Store


@dataclass
class Imported:
    """The stored report's id, what was read, and the marks of its review that say what
    the reading left for the official (a report started from it takes them over)."""

    report_id: int
    read: WordReport
    marks: list[str]


def import_word(store: Store, unit_code: str, path: Path, period: Period | None = None,
                pack: TemplatePack | None = None) -> Imported:
    """Read ``path`` as ``unit_code``'s report (of ``period``, else of the period its title
    names) and store it as a draft, marked as read from Word: every figure, list and basis
    document read waits for confirmation, and each line the reading left for the official
    is kept in its review (``drafter check`` and the TUI list them first)."""
    unit = store.unit(unit_code)
    if unit is None:
        raise StorageError(f"chưa có đơn vị mã {unit_code} trong cơ sở dữ liệu")
    read = read_word_report(path, unit, period, pack or store.pack)
    report = read.report
    existing = store.report_id(unit_code, report.period)
    if existing is not None:
        raise StorageError(f"đơn vị {unit_code} đã có báo cáo kỳ {report.period.code} (số "
                           f"{existing}); không ghi đè bằng tệp Word")
    marks = [f"{WORD_MARK}tệp {path.name}", *(WORD_MARK + line for line in read.review)]
    report.review = [*marks, *report.review]
    return Imported(store.save_report(report), read, marks)
