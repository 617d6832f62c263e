"""Checks on dates and cited documents: order, the future, the period, duplicates."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checks.context import CheckContext
from drafter.checks.problems import Problem, Severity
from drafter.domain.documents import DocRef
from drafter.domain.report import Status
from drafter.vi.dates import short_date

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def document_name(doc: DocRef) -> str:
    """``Kế hoạch số 17/KH-UBND``: the messages add the date themselves."""
    return f"{doc.kind} số {doc.full_number}"


def report_dates(ctx: CheckContext) -> Iterator[Problem]:
    report = ctx.report
    if report.date < report.period.start:
        yield ctx.problem(ERROR, "report_date_early", ("date",), date=short_date(report.date),
                          start=short_date(report.period.start))
    if report.date > ctx.today:
        yield ctx.problem(ERROR, "future_date", ("date",), what="Báo cáo",
                          date=short_date(report.date), today=short_date(ctx.today))
    if report.data_from and report.data_to and report.data_from > report.data_to:
        yield ctx.problem(ERROR, "data_window", ("data_from",),
                          start=short_date(report.data_from), end=short_date(report.data_to))
    if report.data_to and report.data_to > report.date:
        yield ctx.problem(ERROR, "data_after_report", ("data_to",),
                          end=short_date(report.data_to), date=short_date(report.date))


def signer_named(ctx: CheckContext) -> Iterator[Problem]:
    """The signature block needs a name: a unit loaded from the official list has none until
    the official gives it. A draft may wait; a final report may not be signed blank."""
    if ctx.report.unit.signer.name.strip():
        return
    severity = ERROR if ctx.report.status is Status.FINAL else WARNING
    yield ctx.problem(severity, "signer_missing", ("signer",),
                      title=ctx.report.unit.signer.title.lower())


def superior_named(ctx: CheckContext) -> Iterator[Problem]:
    """A department's header names the People's Committee above it (Decree 30: the chủ
    quản); a data file that says neither its parent's kind and name nor a superior line
    would print none."""
    unit = ctx.report.unit
    if unit.is_committee or unit.header_superior:
        return
    yield ctx.problem(WARNING, "superior_missing", ("unit",), unit=unit.label)


def document_dates(ctx: CheckContext) -> Iterator[Problem]:
    """Cited documents exist before the report; documents issued in the period fall in it."""
    report = ctx.report
    start = report.data_from or report.period.start
    for role, docs in (("basis", report.basis), ("documents", report.documents)):
        for doc in docs:
            values = {"what": document_name(doc), "date": short_date(doc.date)}
            if doc.date > ctx.today:
                yield ctx.problem(ERROR, "future_date", (role,), today=short_date(ctx.today),
                                  **values)
            elif doc.date > report.date:
                yield ctx.problem(ERROR, "after_report", (role,),
                                  report_date=short_date(report.date), **values)
            if role == "documents" and doc.date < start:
                yield ctx.problem(WARNING, "outside_period", (role,), start=short_date(start),
                                  end=short_date(report.data_to or report.period.end), **values)


def duplicate_documents(ctx: CheckContext) -> Iterator[Problem]:
    """A register number is used once a year per symbol: the same one twice is a slip."""
    for role, docs in (("basis", ctx.report.basis), ("documents", ctx.report.documents)):
        seen: set[tuple[str, int]] = set()
        for doc in docs:
            key = (doc.full_number, doc.date.year)
            if key in seen:
                yield ctx.problem(ERROR, "duplicate_document", (role,), what=document_name(doc))
            seen.add(key)
