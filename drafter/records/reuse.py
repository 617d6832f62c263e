"""Start a report from the last one: what carries over, what starts empty, what needs a look.

Rules (the same for the CLI and the TUI):

- unit details, signer, recipients and the "Kính gửi" line carry over;
- basis documents recur within the year (the superior's guidance for the year, even one dated
  in the December before it) and are marked for review (a one-off instruction for the last
  report is deleted there); into a new year only documents whose number carries a year
  (decrees, circulars) and those dated in the new year recur;
- stock figures carry over and are marked for review; cumulative figures carry over within
  the same year (marked for review) and start empty in a new year; flow figures start empty;
- qualitative lists carry over, marked for review; section notes and the documents issued
  belong to their period and start empty;
- the phrases picked and the official's own sentences carry over, each marked for review
  (``phrase:<id>``, ``override:<sentence id>``); rates given directly start empty;
- the data window starts the day after the previous one ended.

A 6-month, 9-month or annual report can instead be built from the quarters it covers: flows
summed, stocks and cumulative figures taken from the latest quarter.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from drafter.domain.catalogue import Catalogue
from drafter.domain.documents import DocRef
from drafter.domain.indicators import SUMMABLE, Kind
from drafter.domain.periods import Period
from drafter.domain.report import BASIS, OVERRIDE_MARK, PHRASE_MARK, Report, Value
from drafter.domain.units import Unit


def empty_report(unit: Unit, period: Period, date: dt.date) -> Report:
    """A report with only the unit's own details."""
    return Report(unit=unit, period=period, date=date, recipients=list(unit.recipients))


def _recurring(doc: DocRef, previous: Period, period: Period) -> bool:
    return previous.year == period.year or doc.year is not None or doc.date.year == period.year


def carry_forward(previous: Report, unit: Unit, period: Period, date: dt.date,
                  catalogue: Catalogue) -> Report:
    """A new report of ``period`` started from ``previous`` by the rules above."""
    same_year = previous.period.year == period.year
    figures: dict[str, Value] = {}
    for key, value in previous.figures.items():
        kind = catalogue[key].kind if key in catalogue else Kind.FLOW
        if kind is Kind.STOCK or (kind is Kind.CUMULATIVE and same_year):
            figures[key] = value
    lists = {name: list(items) for name, items in previous.lists.items() if items}
    data_from = previous.data_to + dt.timedelta(days=1) if previous.data_to else None
    basis = [doc for doc in previous.basis if _recurring(doc, previous.period, period)]
    return Report(
        unit=unit,
        period=period,
        date=date,
        recipient=previous.recipient,
        data_from=data_from,
        basis=basis,
        figures=figures,
        lists=lists,
        recipients=list(previous.recipients),
        phrases=list(previous.phrases),
        overrides=dict(previous.overrides),
        review=[*figures, *lists, *([BASIS] if basis else []),
                *(PHRASE_MARK + p for p in previous.phrases),
                *(OVERRIDE_MARK + sid for sid in previous.overrides)],
    )


def from_quarters(quarters: list[Report], unit: Unit, period: Period, date: dt.date,
                  catalogue: Catalogue) -> Report:
    """A longer period built from the stored quarters it covers (any order, some missing)."""
    if not quarters:
        return empty_report(unit, period, date)
    ordered = sorted(quarters, key=lambda r: r.period.quarter)
    latest = ordered[-1]
    figures: dict[str, Value] = {}
    review: list[str] = []
    for indicator in catalogue:
        values = [q.figures[indicator.key] for q in ordered if indicator.key in q.figures]
        if not values:
            continue
        numbers = [v for v in values if isinstance(v, int | Decimal) and not isinstance(v, bool)]
        summable = indicator.kind is Kind.FLOW and indicator.type in SUMMABLE
        if summable and len(numbers) == len(values):
            figures[indicator.key] = sum(numbers, start=0)
            if len(values) < len(period.quarters()):
                review.append(indicator.key)  # a quarter is missing: the sum is partial
        elif indicator.key in latest.figures:
            figures[indicator.key] = latest.figures[indicator.key]
            if indicator.kind is Kind.STOCK:
                review.append(indicator.key)
    lists: dict[str, list[str]] = {}
    for quarter in ordered:
        for name, items in quarter.lists.items():
            merged = lists.setdefault(name, [])
            merged.extend(item for item in items if item not in merged)
    starts = [q.data_from for q in ordered if q.data_from]
    return Report(
        unit=unit,
        period=period,
        date=date,
        recipient=latest.recipient,
        data_from=min(starts) if starts else None,
        basis=list(latest.basis),
        documents=[doc for q in ordered for doc in q.documents],
        figures=figures,
        lists=lists,
        recipients=list(latest.recipients),
        review=[*review, *lists, *([BASIS] if latest.basis else [])],
    )
