"""Start a report from the last one: what carries over, what starts empty, what needs a look.

Rules (the same for the CLI and the TUI):

- unit details, signer, recipients and the "Kính gửi" line carry over;
- basis documents recur within the year (the superior's guidance for the year, even one dated
  in the December before it) and are marked for review (a one-off instruction for the last
  report is deleted there); into a new year only documents whose number carries a year
  (decrees, circulars) and those dated in the new year recur;
- stock figures carry over and are marked for review; cumulative figures carry over within
  the same year (marked for review) and start empty in a new year; flow figures start empty,
  except what the catalogue says a period starts with (``carried_from``: the files carried
  over are those pending at the end of the last period), marked for review;
- qualitative lists carry over, marked for review; section notes and the documents issued
  belong to their period and start empty;
- the phrases picked and the official's own sentences carry over, each marked for review
  (``phrase:<id>``, ``override:<sentence id>``); rates given directly start empty;
- the data window starts the day after the previous one ended.

A 6-month, 9-month or annual report is instead made of the periods it covers
(:func:`from_periods`): the figures combined by each indicator's ``over_time`` rule
(:mod:`drafter.combine.periods`), every uncertain or uncombinable one marked for review, the
data window from the first part to the last, the documents issued and the lists of the unit's
own parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from drafter.combine.merger import MergedReport
from drafter.combine.periods import Slot, combine_periods
from drafter.domain.catalogue import DEFAULT_KIND, Catalogue
from drafter.domain.documents import DocRef
from drafter.domain.indicators import Kind
from drafter.domain.periods import Period
from drafter.domain.report import BASIS, OVERRIDE_MARK, PHRASE_MARK, Report, Value
from drafter.domain.units import Unit


def empty_report(unit: Unit, period: Period, date: dt.date,
                 kind: str = DEFAULT_KIND) -> Report:
    """A report of ``kind`` with only the unit's own details."""
    return Report(unit=unit, period=period, date=date, recipients=list(unit.recipients),
                  kind=kind)


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
    for indicator in catalogue:
        start = previous.figures.get(indicator.carried_from) if indicator.carried_from else None
        if start is not None and previous.period.end + dt.timedelta(days=1) == period.start:
            figures[indicator.key] = start
    lists = {name: list(items) for name, items in previous.lists.items() if items}
    data_from = previous.data_to + dt.timedelta(days=1) if previous.data_to else None
    basis = [doc for doc in previous.basis if _recurring(doc, previous.period, period)]
    return Report(
        kind=catalogue.kind,
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


def from_periods(slots: Sequence[Slot], unit: Unit, period: Period, date: dt.date,
                 catalogue: Catalogue) -> Report:
    """A longer period made of the consecutive ``slots`` it covers (some may be missing)."""
    combined = combine_periods(catalogue, slots)
    own = [slot.report for slot in slots
           if slot.report is not None and not isinstance(slot.report, MergedReport)]
    if not own and not combined.figures:
        return empty_report(unit, period, date, catalogue.kind)
    latest = own[-1] if own else None
    lists: dict[str, list[str]] = {}
    for report in own:
        for name, items in report.lists.items():
            merged = lists.setdefault(name, [])
            merged.extend(item for item in items if item not in merged)
    first, last = slots[0].report, slots[-1].report
    basis = list(latest.basis) if latest else []
    return Report(
        kind=catalogue.kind,
        unit=unit,
        period=period,
        date=date,
        recipient=latest.recipient if latest else "",
        data_from=first.data_from if first else None,
        data_to=last.data_to if last else None,
        basis=basis,
        documents=[doc for report in own for doc in report.documents],
        figures=combined.figures,
        lists=lists,
        recipients=list(latest.recipients) if latest else list(unit.recipients),
        review=[*combined.review, *lists, *([BASIS] if basis else [])],
    )
