"""Stored rows to domain objects: units, figures, documents, lists, whole reports.

Plain Python over anything with the tables' column names as attributes — the ORM's objects
and Core rows (:class:`~drafter.storage.repository.Store`) as well as the named tuples of the
ORM-free reader (:mod:`drafter.storage.reader`) — so every way of reading gives the same
report. Nothing here imports the database layer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from drafter.domain.catalogue import Catalogue
from drafter.domain.documents import DocRef
from drafter.domain.indicators import ValueType
from drafter.domain.limits import MAX_STATED, MAX_VALUE, check_number
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status, Value
from drafter.domain.structure import children, kinds_of, merged_away
from drafter.domain.units import Signer, Unit
from drafter.errors import StorageError
from drafter.storage.snapshots import unit_from_json

if TYPE_CHECKING:
    from drafter.models import DocumentRow, FigureRow, ItemRow, ReportRow, UnitRow

NOTE_PREFIX = "note:"
CAUSE_PREFIX = "cause:"
STATED_PREFIX = "stated:"
# Rates given directly (figures table), the phrases picked and the official's own sentences
# (items table; an override is one item named by its sentence id, "" removing the sentence).
GIVEN_PREFIX = "given:"
PHRASE_LIST = "phrase"
OVERRIDE_PREFIX = "override:"

# Figures already read, by (key, text): reading many reports meets the same few texts of a
# key over and over (0, 1, "true"), and every value is immutable.
Parsed = dict[tuple[str, str], Value]


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


def document_from_row(row: DocumentRow) -> DocRef:
    return DocRef(
        kind=row.kind, number=row.number, date=row.date, issuer=row.issuer,
        subject=row.subject, symbol=row.symbol, year=row.year, section=row.section,
    )


def _figures(catalogue: Catalogue, figures: Iterable[FigureRow], parsed: Parsed,
             ) -> tuple[dict[str, Value], dict[str, Decimal], dict[str, Decimal]]:
    """The figures the catalogue knows (by their current key), the stated values and the
    given rates, in one pass; each distinct text of a key is read once (``parsed``)."""
    values: dict[str, Value] = {}
    stated: dict[str, Decimal] = {}
    rates: dict[str, Decimal] = {}
    for figure in figures:
        key, text = figure.key, figure.value
        if key.startswith(STATED_PREFIX):
            stated[key.removeprefix(STATED_PREFIX)] = check_number(Decimal(text))
        elif key.startswith(GIVEN_PREFIX):
            rates[catalogue.canonical(key.removeprefix(GIVEN_PREFIX))] = Decimal(text)
        else:
            key = catalogue.canonical(key)
            if key in catalogue:
                pair = (key, text)
                if pair not in parsed:
                    parsed[pair] = value_from_text(catalogue, key, text)
                values[key] = parsed[pair]
    return values, stated, rates


def report_from_rows(
    catalogue: Catalogue, row: ReportRow, unit: UnitRow, figures: list[FigureRow],
    documents: list[DocumentRow], items: list[ItemRow], parsed: Parsed | None = None,
) -> Report:
    """The report of ``row`` and its child rows (its unit as stored, not yet placed)."""
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
    values, stated, rates = _figures(catalogue, figures, {} if parsed is None else parsed)
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
        figures=values,
        notes=notes,
        lists=lists,
        recipients=list(row.recipients or ()),
        status=Status(row.status),
        stated=stated,
        review=list(row.review or ()),
        shortcoming_causes=causes,
        rates=rates,
        phrases=phrases,
        overrides=overrides,
    )


def place(row: UnitRow, period: Period | None, parent: UnitRow | None,
          kids: Iterable[UnitRow], successors: Iterable[UnitRow],
          predecessors: Iterable[UnitRow] = ()) -> Unit:
    """The unit of ``row`` with its place in the structure (in ``period``) filled in."""
    unit = unit_from_row(row)
    territory = children([unit_from_row(r) for r in kids], unit, period,
                         gone=merged_away([unit_from_row(r) for r in successors]))
    named = {r.code: unit_from_row(r).label for r in predecessors}
    return replace(unit, parent_kind=parent.kind if parent else "",
                   parent_name=parent.name if parent else "", child_kinds=kinds_of(territory),
                   predecessor_labels=tuple(named[code] for code in unit.predecessors
                                            if code in named))


class Places:
    """Where each unit stands, from every unit row read at once (what :func:`place` needs
    of the others: the parent, the children, the units formed by a merger)."""

    def __init__(self, every: Iterable[UnitRow]) -> None:
        rows = list(every)
        self._by_code = {unit.code: unit for unit in rows}
        self._kids: dict[str, list[UnitRow]] = defaultdict(list)
        for unit in rows:
            if unit.parent:
                self._kids[unit.parent].append(unit)
        self._successors = [unit for unit in rows if unit.formed is not None]

    def row(self, code: str) -> UnitRow | None:
        return self._by_code.get(code)

    def place(self, row: UnitRow, period: Period | None) -> Unit:
        """The unit of ``row`` with its place (in ``period``) filled in."""
        before = [self._by_code[code] for code in row.predecessors or ()
                  if code in self._by_code]
        return place(row, period, self._by_code.get(row.parent or ""), self._kids[row.code],
                     self._successors, before)


def assemble(catalogue: Catalogue, row: ReportRow, unit: UnitRow, figures: list[FigureRow],
             documents: list[DocumentRow], items: list[ItemRow], placed: Unit,
             parsed: Parsed | None = None) -> Report:
    """The report of ``row``: a final one keeps the unit profile it was made final with."""
    try:
        report = report_from_rows(catalogue, row, unit, figures, documents, items, parsed)
        snapshot = row.unit_snapshot if report.status is Status.FINAL else None
        report.unit = unit_from_json(snapshot, placed) if snapshot else placed
    except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
        raise StorageError(
            f"báo cáo số {row.id} có giá trị lưu không đọc được ({exc}); cơ sở dữ liệu có "
            "thể do một phiên bản drafter khác ghi") from None
    report.version = row.version
    return report
