"""Checks for nonsense the other checks let through: a rate that may exceed 100% but is far
beyond any real case, a report dated long after its period (the creation date left as it was),
a document cited without its subject."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checks.context import CheckContext, show
from drafter.checks.document_checks import document_name
from drafter.checks.problems import Problem, Severity
from drafter.vi.dates import short_date
from drafter.vi.periods import period_name

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def rates_plausible(ctx: CheckContext) -> Iterator[Problem]:
    """Rates allowed above 100% (revenue against its estimate) still have a ceiling:
    99.999.999.999 triệu đồng disbursed of 1.250 is a typing slip, not 7.996.801.279%."""
    ceiling = ctx.rules.rate_ceiling
    for key in sorted(ctx.rules.rates_may_exceed):
        rate = ctx.figures.rate(key)
        if rate is None or rate.value is None or rate.value <= ceiling:
            continue
        indicator = ctx.catalogue[key]
        yield ctx.problem(ERROR, "rate_implausible",
                          (indicator.numerator, key, indicator.denominator),
                          rate=ctx.label(key), value=show(rate.value),
                          limit=show(ceiling),
                          numerator=ctx.label(indicator.numerator),
                          numerator_value=show(rate.numerator),
                          denominator=ctx.label(indicator.denominator),
                          denominator_value=show(rate.denominator))


def report_date_near_period(ctx: CheckContext) -> Iterator[Problem]:
    """A report is dated around the end of its period; months later, the date is most likely
    the day the report was created, left unchanged."""
    report = ctx.report
    late = (report.date - report.period.end).days
    if late > ctx.rules.report_date_max_days:
        yield ctx.problem(WARNING, "report_date_late", ("date",), date=short_date(report.date),
                          days=late, period=period_name(report.period),
                          end=short_date(report.period.end))


def documents_have_subjects(ctx: CheckContext) -> Iterator[Problem]:
    """A document is cited with what it is about ("về …")."""
    for role, docs in (("basis", ctx.report.basis), ("documents", ctx.report.documents)):
        for doc in docs:
            if not doc.subject.strip():
                yield ctx.problem(WARNING, "document_no_subject", (role,),
                                  what=document_name(doc), date=short_date(doc.date))

