"""What the TUI asks of the library, in one place: the screens never touch storage directly.

Every call is small and synchronous (SQLite, a few milliseconds); writing the DOCX, the only
slow step, runs in a thread worker of the editor screen.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks import Problem, check_report
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.errors import DrafterError, DraftsBelowError, StorageError
from drafter.narrative.blocks import Block, Document, Heading, Paragraph
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.records import workflow
from drafter.records.started import started_lines
from drafter.storage.reader import Reader, open_reader
from drafter.vi.periods import period_name
from drafter.vi.text import sentence_case

if TYPE_CHECKING:
    from drafter.storage import Store
    from drafter.storage.report_reads import ReportSummary

LAST_REPORT = "last_report"
LAST_SECTION = "last_section"
LAST_UNIT = "last_unit"
THEME = "theme"
DRAFTS = "drafts:"
OWN = "✎"  # around the official's own sentences on the preview


class Session:
    """The open database, the template pack and where DOCX files go.

    ``store`` may be a function that opens the store: then what is read before the first
    write (the report reopened at start, its comparisons, the TUI's state) is read by the
    ORM-free :class:`Reader`, and SQLAlchemy is loaded only with the first write.
    """

    def __init__(self, store: Store | Callable[[], Store], out_dir: Path,
                 pack: TemplatePack | None = None, today: dt.date | None = None,
                 reader: Reader | None = None) -> None:
        self._store = None if callable(store) else store
        self._open_store = store if callable(store) else None
        self.reader = reader
        self.out_dir = out_dir
        self.pack = pack or builtin_pack()
        self.today = today
        # Told why an autosave was refused (the app shows it); see save().
        self.refused: Callable[[str], None] = lambda message: None

    @classmethod
    def at(cls, url: str | None, out_dir: Path, today: dt.date | None = None) -> Session:
        """The session of the database ``url`` (default: the user's), its store opened at
        the first write; a database not yet created or migrated is opened by the store now."""
        def open_store() -> Store:
            from drafter.storage import Store, connect

            return Store(connect(url))

        pack = builtin_pack()
        reader = open_reader(url, pack.catalogue)
        return cls(open_store if reader is not None else open_store(), out_dir, pack, today,
                   reader)

    @property
    def store(self) -> Store:
        """The store, opened (and SQLAlchemy loaded) when first asked for."""
        if self._store is None:
            assert self._open_store is not None
            self._store = self._open_store()
        return self._store

    @property
    def _reads(self) -> Store | Reader:
        """The store once open, until then the reader."""
        if self._store is None and self.reader is not None:
            return self.reader
        return self.store

    def units(self) -> list[Unit]:
        return self._reads.units()

    def unit(self, code: str) -> Unit | None:
        return self._reads.unit(code)

    def save_unit(self, unit: Unit) -> str:
        """Store the unit profile; returns why it was not stored, or ``""``."""
        try:
            self.store.save_unit(unit)
        except DrafterError as exc:
            return str(exc)
        return ""

    def reports(self, unit_code: str | None = None) -> list[ReportSummary]:
        """The reports of a unit, or of every unit."""
        return self.store.list(unit_code)

    def can_carry(self, unit_code: str, period: Period) -> bool:
        """Whether a report for ``period`` has a stored report to start from."""
        return workflow.can_start_from(self.store, unit_code, period, self.pack)

    def create_report(self, unit_code: str, period: Period, empty: bool
                      ) -> tuple[int, list[str]]:
        """Start and store a new report; returns its id and what the official is told of it
        (the reports a longer period was made of, those missing, what is to be entered)."""
        unit = self.store.unit(unit_code)
        if unit is not None and self.store.report_id(unit_code, period) is not None:
            # Named as people say them, not by code (the workflow's message is the CLI's).
            raise StorageError(f"{unit.short_body} đã có báo cáo {period_name(period)}. "
                               "Mở báo cáo đó từ danh sách để sửa.")
        started = workflow.start(self.store, unit_code, period, self.today, empty=empty,
                                 pack=self.pack)
        # A quarter's carried figures are marked ↻ in the editor: only what a longer period
        # was made of needs saying.
        combined = bool(started.used or started.missing)
        return (self.store.save_report(started.report),
                started_lines(started, self.pack.catalogue) if combined else [])

    def open(self, report_id: int) -> tuple[Report, Report | None, Report | None]:
        """The report with its previous period and same period last year (when stored)."""
        reads = self._reads
        report = reads.get(report_id)
        previous, last_year = workflow.comparisons(reads, report)
        return report, previous, last_year

    def exists(self, report_id: int) -> bool:
        return self._reads.exists(report_id)

    def save(self, report: Report, continues: bool = False, over_drafts: bool = False) -> str:
        """Autosave: the whole report in one transaction (``continues``: one more key of the
        edit saved last, one entry with it in the history). Returns why it was not saved (a
        final report, a newer version saved elsewhere, a database fault), or ``""``.

        A province's report made final over its communes' drafts raises
        :class:`DraftsBelowError` unless ``over_drafts`` (the editor asks the official to
        confirm; the confirmation is recorded in the report's history)."""
        try:
            self.store.save_report(report, over_drafts=over_drafts, continues=continues)
        except DraftsBelowError:
            raise
        except DrafterError as exc:
            self.refused(str(exc))
            return str(exc)
        return ""

    def reopen(self, report_id: int, reason: str) -> str:
        """Turn a final report back into a draft, ``reason`` recorded in its history (the
        records' API); returns why it was refused, or ``""``."""
        try:
            workflow.reopen_report(self.store, report_id, reason)
        except DrafterError as exc:
            return sentence_case(str(exc))
        return ""

    def problems(self, report: Report, previous: Report | None) -> list[Problem]:
        return check_report(report, self.pack, previous, self.today)

    def document(self, report: Report, previous: Report | None,
                 last_year: Report | None) -> Document:
        """The report rendered (the official's own sentences marked ``own``)."""
        # The narrative engine loads on first use, not at start-up.
        from drafter.narrative import render

        return render(report, self.pack, previous, last_year=last_year)

    def preview(self, report: Report, previous: Report | None,
                last_year: Report | None, width: int = 96) -> str:
        """The report as plain text, laid out for ``width`` columns; the official's own
        sentences between ✎ marks."""
        from drafter.writer.text import to_text

        return to_text(mark_own(self.document(report, previous, last_year)), width)

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
        report_id = self._reads.get_state(LAST_REPORT)
        return (int(report_id) if report_id else None, self._reads.get_state(LAST_SECTION))

    def forget(self) -> None:
        self.store.set_state(LAST_REPORT, "")

    def last_unit(self) -> str | None:
        """The code of the unit whose reports were open last (or of the report open last)."""
        code = self._reads.get_state(LAST_UNIT)
        if code:
            return code
        report_id, _ = self.last_opened()
        return self._reads.get(report_id).unit.code if report_id and self.exists(report_id) \
            else None

    def remember_unit(self, code: str) -> None:
        self.store.set_state(LAST_UNIT, code)

    def theme(self) -> str | None:
        return self._reads.get_state(THEME)

    def remember_theme(self, name: str) -> None:
        self.store.set_state(THEME, name)

    def drafts(self, report_id: int) -> dict[str, str]:
        """Text typed into the report's boxes and not yet taken into it (see :meth:`keep`)."""
        stored = self._reads.get_state(f"{DRAFTS}{report_id}")
        return dict(json.loads(stored)) if stored else {}

    def keep(self, report_id: int, drafts: dict[str, str]) -> None:
        """Keep the drafts of a report's open boxes: they survive Esc, quitting and a kill."""
        self.store.set_state(f"{DRAFTS}{report_id}", json.dumps(drafts, ensure_ascii=False))


# The rendered report read sentence by sentence: the preview marks the official's own, and
# the own-words dialog lists every one to choose from.

def sentences(document: Document) -> dict[str, str]:
    """Every sentence of the document by id, in order, as the official reads it."""
    found: dict[str, str] = {}
    for block in document.blocks:
        if isinstance(block, Paragraph | Heading):
            for run in block.runs:
                if run.sid:
                    found[run.sid] = found.get(run.sid, "") + run.text
    return {sid: text.strip().lstrip("; ") for sid, text in found.items()}


def mark_own(document: Document) -> Document:
    """The document with the official's sentences between ✎ marks, for the preview."""
    def marked(block: Block) -> Block:
        if isinstance(block, Paragraph | Heading) and any(run.own for run in block.runs):
            runs = tuple(replace(run, text=f"{OWN}{run.text}{OWN}") if run.own else run
                         for run in block.runs)
            return replace(block, runs=runs)
        return block
    return Document([marked(block) for block in document.blocks], document.meta)
