"""Domain objects to SQLModel rows, for writing (reading rows back is
:mod:`drafter.storage.rows`)."""

from __future__ import annotations

from drafter.domain.documents import DocRef
from drafter.domain.report import Report, Value
from drafter.domain.units import Unit
from drafter.models import DocumentRow, FigureRow, ItemRow, UnitRow
from drafter.storage.rows import (
    CAUSE_PREFIX,
    GIVEN_PREFIX,
    NOTE_PREFIX,
    OVERRIDE_PREFIX,
    PHRASE_LIST,
    STATED_PREFIX,
)


def unit_to_row(unit: Unit, row: UnitRow | None = None, profile_only: bool = False) -> UnitRow:
    """``row`` updated from ``unit`` (a new row when ``None``).

    ``profile_only`` is for the unit a report carries: it updates the profile (names, signer,
    recipients, parent) and sets the unit's place (level, official code, symbol, merger) only
    where the report's unit gives one, never clearing what the unit registry holds.
    """
    row = row or UnitRow(code=unit.code, kind="", name="", province="", place="", signer_name="")
    row.code, row.kind, row.name = unit.code, unit.kind, unit.name
    row.province, row.place, row.superior = unit.province, unit.place, unit.superior
    row.parent, row.archive, row.recipients = unit.parent, unit.archive, list(unit.recipients)
    row.signer_name, row.signer_title = unit.signer.name, unit.signer.title
    row.signer_deputy = unit.signer.deputy
    place = {"level": unit.level, "official_code": unit.official_code, "symbol": unit.symbol,
             "predecessors": list(unit.predecessors), "formed": unit.formed}
    for name, value in place.items():
        if value or not profile_only:
            setattr(row, name, value)
    return row


def value_to_text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def document_to_row(doc: DocRef, report_id: int, role: str, position: int) -> DocumentRow:
    return DocumentRow(
        report_id=report_id, role=role, position=position, kind=doc.kind, number=doc.number,
        year=doc.year, symbol=doc.symbol, date=doc.date, issuer=doc.issuer,
        subject=doc.subject, section=doc.section,
    )


def report_rows(report: Report, report_id: int) -> tuple[list[FigureRow], list[DocumentRow],
                                                         list[ItemRow]]:
    """The child rows of a report (figures, documents, list items and notes)."""
    figures = [FigureRow(report_id=report_id, key=k, value=value_to_text(v))
               for k, v in report.figures.items()]
    figures += [FigureRow(report_id=report_id, key=STATED_PREFIX + k, value=str(v))
                for k, v in report.stated.items()]
    figures += [FigureRow(report_id=report_id, key=GIVEN_PREFIX + k, value=str(v))
                for k, v in report.rates.items()]
    documents = [document_to_row(d, report_id, "basis", i) for i, d in enumerate(report.basis)]
    documents += [document_to_row(d, report_id, "issued", i)
                  for i, d in enumerate(report.documents)]
    items = [ItemRow(report_id=report_id, list=name, position=i, text=text)
             for name, values in report.lists.items() for i, text in enumerate(values)]
    items += [ItemRow(report_id=report_id, list=NOTE_PREFIX + name, position=i, text=text)
              for name, values in report.notes.items() for i, text in enumerate(values)]
    items += [ItemRow(report_id=report_id, list=CAUSE_PREFIX + name, position=i, text=text)
              for name, values in report.shortcoming_causes.items()
              for i, text in enumerate(values)]
    items += [ItemRow(report_id=report_id, list=PHRASE_LIST, position=i, text=phrase)
              for i, phrase in enumerate(report.phrases)]
    items += [ItemRow(report_id=report_id, list=OVERRIDE_PREFIX + sid, position=0, text=text)
              for sid, text in report.overrides.items()]
    return figures, documents, items
