"""Load a report from a TOML data file; every problem is one Vietnamese line naming the key.

The tables of the file are read by :mod:`~drafter.datafile.unit_table`,
:mod:`~drafter.datafile.documents` and :mod:`~drafter.datafile.figure_tables`, through the
:class:`~drafter.datafile.reader.Reader` that names the key of every problem."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from drafter.datafile import fields
from drafter.datafile.documents import read_document, report_number
from drafter.datafile.figure_tables import read_figures, read_rates, read_stated
from drafter.datafile.reader import Reader, array, ids, lists, read_text
from drafter.datafile.unit_table import read_unit
from drafter.domain import limits
from drafter.domain.catalogue import DEFAULT_KIND, Catalogue
from drafter.domain.periods import Period
from drafter.domain.report import LISTS, Report, Status
from drafter.errors import DataFileError
from drafter.packs.load import builtin_pack

TOP_LEVEL = {"unit", "report", "basis", "documents", "figures", "stated", "notes",
             "shortcoming_causes", "rates", "phrases", "overrides", *LISTS}
REPORT_KEYS = {"period", "number", "date", "recipient", "data_from", "data_to", "status",
               "recipients", "review", "kind"}


def _status(value: Any) -> Status:
    word = fields.text(value)
    if word not in {status.value for status in Status}:
        raise ValueError("phải là \"draft\" (dự thảo) hoặc \"final\" (chính thức)")
    return Status(word)


def parse_report(data: dict[str, Any], path: str, catalogue: Catalogue | None = None) -> Report:
    """Build a :class:`Report` from parsed TOML, checking every key and value."""
    catalogue = catalogue or builtin_pack().catalogue
    reader = Reader(path)
    reader.table(data, "", TOP_LEVEL)
    if "unit" not in data:
        raise reader.fail("unit", "thiếu bảng [unit]")
    if "report" not in data:
        raise reader.fail("report", "thiếu bảng [report]")
    unit = read_unit(reader, data["unit"])
    head = reader.table(data["report"], "report", REPORT_KEYS)
    kind = reader.get(head, "report", "kind", fields.text, False, DEFAULT_KIND)
    if kind != catalogue.kind:
        raise reader.fail("report.kind", f"báo cáo loại «{kind}» cần bộ mẫu của loại này "
                          f"(bộ mẫu đang dùng là của loại «{catalogue.kind}»)")
    period = reader.get(head, "report", "period", lambda v: Period.parse(fields.text(v)))
    number = reader.get(head, "report", "number", report_number, False, "")
    figures = read_figures(reader, data, catalogue)
    stated = read_stated(reader, data, catalogue)
    notes = {}
    targets = catalogue.targets()
    for section, value in reader.table(data.get("notes", {}), "notes", set(targets)).items():
        notes[section] = reader.get({section: value}, "notes", section, fields.text_list)
        if not notes[section]:
            del notes[section]
    causes = {}
    for rule_id, value in reader.table(data.get("shortcoming_causes", {}),
                                       "shortcoming_causes").items():
        given = reader.get({rule_id: value}, "shortcoming_causes", rule_id, fields.text_list)
        if given:
            causes[rule_id] = given
    status = reader.get(head, "report", "status", _status, False, Status.DRAFT)
    return Report(
        unit=unit,
        period=period,
        date=reader.get(head, "report", "date", fields.date),
        number=number or None,
        recipient=reader.get(head, "report", "recipient", fields.text, False, ""),
        data_from=reader.get(head, "report", "data_from", fields.date, False, None),
        data_to=reader.get(head, "report", "data_to", fields.date, False, None),
        basis=[read_document(reader, raw, f"basis[{i + 1}]")
               for i, raw in enumerate(array(reader, data, "basis"))],
        documents=[read_document(reader, raw, f"documents[{i + 1}]", unit.short_body, targets)
                   for i, raw in enumerate(array(reader, data, "documents"))],
        figures=figures,
        notes=notes,
        lists=lists(reader, data),
        recipients=reader.get(head, "report", "recipients", fields.line_list, False,
                              list(unit.recipients)),
        status=status,
        stated=stated,
        review=reader.get(head, "report", "review", fields.line_list, False, []),
        shortcoming_causes=causes,
        rates=read_rates(reader, data, catalogue, figures),
        phrases=ids(reader, reader.get(data, "", "phrases", fields.text_list, False, []),
                     "phrases"),
        overrides=_overrides(reader, data),
        kind=kind,
    )


def _overrides(reader: Reader, data: dict[str, Any]) -> dict[str, str]:
    """The official's own sentences by sentence id; ``""`` leaves a sentence out."""
    overrides = {}
    table = reader.table(data.get("overrides", {}), "overrides")
    try:
        limits.check_items(list(table))
    except ValueError as exc:
        raise reader.fail("overrides", str(exc)) from None
    for sid, value in table.items():
        ids(reader, [sid], "overrides")
        overrides[sid] = "" if value == "" else reader.get({sid: value}, "overrides", sid,
                                                           fields.paragraph)
    return overrides


def _parsed(path: Path) -> dict[str, Any]:
    text = read_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(path), "", f"lỗi cú pháp TOML ({exc})") from None
    except RecursionError:
        raise DataFileError(str(path), "", "lỗi cú pháp TOML (lồng nhau quá sâu)") from None


def load_report(path: Path, catalogue: Catalogue | None = None) -> Report:
    """Read and validate a report data file."""
    return parse_report(_parsed(path), str(path), catalogue)


def file_kind(path: Path) -> str:
    """The kind of report a data file holds (``[report] kind``, by default the first kind),
    to choose the pack that reads it; the rest of the file is checked when it is read."""
    head = _parsed(path).get("report")
    kind = head.get("kind", DEFAULT_KIND) if isinstance(head, dict) else DEFAULT_KIND
    if not isinstance(kind, str):
        raise DataFileError(str(path), "report.kind", "phải là chuỗi ký tự (tên loại báo cáo)")
    return kind
