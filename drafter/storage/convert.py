"""Small converters between SQLModel rows and domain objects."""

from __future__ import annotations

from decimal import Decimal

from drafter.domain.catalogue import Catalogue, ValueType
from drafter.domain.documents import DocRef
from drafter.domain.limits import MAX_STATED, MAX_VALUE, check_number
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status, Value
from drafter.domain.units import Signer, Unit
from models import DocumentRow, FigureRow, ItemRow, ReportRow, UnitRow

NOTE_PREFIX = "note:"
CAUSE_PREFIX = "cause:"
STATED_PREFIX = "stated:"
# Rates given directly (figures table), the phrases picked and the official's own sentences
# (items table; an override is one item named by its sentence id, "" removing the sentence).
GIVEN_PREFIX = "given:"
PHRASE_LIST = "phrase"
OVERRIDE_PREFIX = "override:"


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


def unit_from_row(row: UnitRow) -> Unit:
    """The unit as stored (its place — parent's name, children's kinds — not filled in)."""
    return Unit(
        code=row.code,
        kind=row.kind,
        name=row.name,
        province=row.province,
        place=row.place,
        superior=row.superior,
        parent=row.parent,
        archive=row.archive,
        recipients=tuple(row.recipients or ()),
        signer=Signer(row.signer_name, row.signer_title, row.signer_deputy),
        level=row.level or "",
        official_code=row.official_code or "",
        symbol=row.symbol or "",
        predecessors=tuple(row.predecessors or ()),
        formed=row.formed,
    )


def value_to_text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def value_from_text(catalogue: Catalogue, key: str, text: str) -> Value:
    """A stored figure, held to the limits of input (``ValueError`` for a value no input
    could have given: ``NaN``, ``1E+30``, text in a count)."""
    value_type = catalogue[key].type
    if value_type is ValueType.BOOL:
        return text == "true"
    if value_type is ValueType.CHOICE:
        return text
    number = check_number(Decimal(text), MAX_VALUE.get(value_type, MAX_STATED))
    if value_type is ValueType.COUNT:
        if number != number.to_integral_value():
            raise ValueError(f"{key} = {text} không phải số nguyên")
        return int(number)
    return number


def document_to_row(doc: DocRef, report_id: int, role: str, position: int) -> DocumentRow:
    return DocumentRow(
        report_id=report_id, role=role, position=position, kind=doc.kind, number=doc.number,
        year=doc.year, symbol=doc.symbol, date=doc.date, issuer=doc.issuer,
        subject=doc.subject, section=doc.section,
    )


def document_from_row(row: DocumentRow) -> DocRef:
    return DocRef(
        kind=row.kind, number=row.number, date=row.date, issuer=row.issuer,
        subject=row.subject, symbol=row.symbol, year=row.year, section=row.section,
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


def report_from_rows(
    catalogue: Catalogue, row: ReportRow, unit: UnitRow, figures: list[FigureRow],
    documents: list[DocumentRow], items: list[ItemRow],
) -> Report:
    lists: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    causes: dict[str, list[str]] = {}
    phrases: list[str] = []
    overrides: dict[str, str] = {}
    for item in sorted(items, key=lambda i: (i.list, i.position)):
        if item.list == PHRASE_LIST:
            phrases.append(item.text)
        elif item.list.startswith(OVERRIDE_PREFIX):
            overrides[item.list.removeprefix(OVERRIDE_PREFIX)] = item.text
        elif item.list.startswith(NOTE_PREFIX):
            notes.setdefault(item.list.removeprefix(NOTE_PREFIX), []).append(item.text)
        elif item.list.startswith(CAUSE_PREFIX):
            causes.setdefault(item.list.removeprefix(CAUSE_PREFIX), []).append(item.text)
        else:
            lists.setdefault(item.list, []).append(item.text)
    ordered = sorted(documents, key=lambda d: (d.role, d.position))
    return Report(
        unit=unit_from_row(unit),
        period=Period.parse(row.period),
        date=row.date,
        number=row.number,
        recipient=row.recipient,
        data_from=row.data_from,
        data_to=row.data_to,
        basis=[document_from_row(d) for d in ordered if d.role == "basis"],
        documents=[document_from_row(d) for d in ordered if d.role == "issued"],
        figures={catalogue.canonical(f.key): value_from_text(catalogue,
                                                             catalogue.canonical(f.key), f.value)
                 for f in figures if catalogue.canonical(f.key) in catalogue},
        notes=notes,
        lists=lists,
        recipients=list(row.recipients or ()),
        status=Status(row.status),
        stated={f.key.removeprefix(STATED_PREFIX): check_number(Decimal(f.value))
                for f in figures if f.key.startswith(STATED_PREFIX)},
        review=list(row.review or ()),
        shortcoming_causes=causes,
        rates={catalogue.canonical(f.key.removeprefix(GIVEN_PREFIX)): Decimal(f.value)
               for f in figures if f.key.startswith(GIVEN_PREFIX)},
        phrases=phrases,
        overrides=overrides,
    )
