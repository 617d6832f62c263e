"""What the TUI asks of the library, in one place: the screens never touch storage directly.

Every call is small and synchronous (SQLite, a few milliseconds); writing the DOCX, the only
slow step, runs in a thread worker of the editor screen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafter import workflow
from drafter.checks import Problem, check_report
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.errors import DrafterError
from drafter.pack import TemplatePack, builtin_pack
from drafter.storage import Store
from drafter.storage.repository import ReportSummary

LAST_REPORT = "last_report"
LAST_SECTION = "last_section"


class Session:
    """The open database, the template pack and where DOCX files go."""

    def __init__(self, store: Store, out_dir: Path, pack: TemplatePack | None = None,
                 today: dt.date | None = None) -> None:
        self.store = store
        self.out_dir = out_dir
        self.pack = pack or builtin_pack()
        self.today = today

    def units(self) -> list[Unit]:
        return self.store.units()

    def save_unit(self, unit: Unit) -> str:
        """Store the unit profile; returns why it was not stored, or ``""``."""
        try:
            self.store.save_unit(unit)
        except DrafterError as exc:
            return str(exc)
        return ""

    def reports(self, unit_code: str) -> list[ReportSummary]:
        return self.store.list(unit_code)

    def create_report(self, unit_code: str, period: Period, empty: bool) -> int:
        """Start and store a new report; returns its id."""
        report = workflow.start_report(self.store, unit_code, period, self.today, empty=empty,
                                       pack=self.pack)
        return self.store.save_report(report)

    def open(self, report_id: int) -> tuple[Report, Report | None, Report | None]:
        """The report with its previous period and same period last year (when stored)."""
        report = self.store.get(report_id)
        previous, last_year = workflow.comparisons(self.store, report)
        return report, previous, last_year

    def exists(self, report_id: int) -> bool:
        return self.store.exists(report_id)

    def save(self, report: Report) -> str:
        """Autosave: the whole report in one transaction. Returns why it was not saved (a
        final report, a newer version saved elsewhere, a database fault), or ``""``."""
        try:
            self.store.save_report(report)
        except DrafterError as exc:
            return str(exc)
        return ""

    def problems(self, report: Report, previous: Report | None) -> list[Problem]:
        return check_report(report, self.pack, previous, self.today)

    def preview(self, report: Report, previous: Report | None,
                last_year: Report | None, width: int = 96) -> str:
        """The report as plain text, laid out for ``width`` columns."""
        # The narrative engine and the writer load on first use, not at start-up.
        from drafter.narrative import render
        from drafter.writer.text import to_text

        return to_text(render(report, self.pack, previous, last_year=last_year), width)

    def write_docx(self, report: Report, previous: Report | None,
                   last_year: Report | None) -> Path:
        from drafter.api import render_to_file
        from drafter.writer.atomic import inside

        name = f"{report.unit.code}-{report.period.code}.docx"
        return render_to_file(report, inside(self.out_dir, name), previous, self.pack,
                              last_year=last_year)

    def remember(self, report_id: int, section: str) -> None:
        self.store.set_state(LAST_REPORT, str(report_id))
        self.store.set_state(LAST_SECTION, section)

    def last_opened(self) -> tuple[int | None, str | None]:
        report_id = self.store.get_state(LAST_REPORT)
        return (int(report_id) if report_id else None, self.store.get_state(LAST_SECTION))

    def forget(self) -> None:
        self.store.set_state(LAST_REPORT, "")
