"""Load a report from a TOML data file; every problem is one Vietnamese line naming the key."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from drafter.datafile import fields
from drafter.domain import limits
from drafter.domain.catalogue import Catalogue
from drafter.domain.documents import KIND_SYMBOLS, DocRef
from drafter.domain.indicators import ValueType
from drafter.domain.periods import Period
from drafter.domain.report import LISTS, NOTE_SECTIONS, Report, Status
from drafter.domain.units import Signer, Unit, parse_kind
from drafter.errors import DataFileError
from drafter.packs.load import builtin_pack

T = TypeVar("T")

TOP_LEVEL = {"unit", "report", "basis", "documents", "figures", "stated", "notes",
             "shortcoming_causes", "rates", "phrases", "overrides", *LISTS}
# Ids of phrases and sentences: what templates give (contract C2).
_ID = re.compile(r"[a-z0-9_.-]+")
UNIT_KEYS = {"code", "kind", "name", "province", "place", "superior", "parent", "archive",
             "recipients", "signer", "official_code", "symbol", "predecessors", "formed",
             "parent_kind", "parent_name", "child_kinds"}
REPORT_KEYS = {"period", "number", "date", "recipient", "data_from", "data_to", "status",
               "recipients", "review"}
DOC_KEYS = {"kind", "number", "year", "symbol", "date", "issuer", "subject", "section"}


class _Reader:
    """Reads one parsed file, turning converter errors into ``DataFileError`` with the key."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> DataFileError:
        return DataFileError(self.path, key, problem)

    def table(self, raw: Any, key: str, allowed: set[str] | None = None) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(key, "phải là một bảng [..] của TOML")
        if allowed is not None:
            for name in raw:
                if name not in allowed:
                    raise self.fail(f"{key}.{name}" if key else name, "khóa không hợp lệ")
        return raw

    def get(self, raw: dict[str, Any], key: str, name: str, convert: Callable[[Any], T],
            required: bool = True, default: T | None = None) -> T:
        where = f"{key}.{name}" if key else name
        if name not in raw:
            if required:
                raise self.fail(where, "thiếu giá trị bắt buộc")
            return default  # type: ignore[return-value]
        try:
            return convert(raw[name])
        except ValueError as exc:
            raise self.fail(where, str(exc)) from None


def _unit(reader: _Reader, raw: Any) -> Unit:
    data = reader.table(raw, "unit", UNIT_KEYS)
    kind = reader.get(data, "unit", "kind", parse_kind)
    signer = reader.table(data.get("signer", {}), "unit.signer", {"name", "title", "deputy"})
    name = reader.get(data, "unit", "name", fields.text)

    def flag(value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError("phải là true hoặc false")
        return value

    def optional(key: str) -> str:
        return reader.get(data, "unit", key, fields.text, False, "")

    unit = Unit(
        code=reader.get(data, "unit", "code", fields.text),
        kind=kind.word,
        level=kind.tier.value,
        name=name,
        province=reader.get(data, "unit", "province", fields.text),
        place=reader.get(data, "unit", "place", fields.text, False, name),
        superior=optional("superior"),
        parent=optional("parent"),
        archive=reader.get(data, "unit", "archive", fields.text, False, "VT"),
        recipients=tuple(reader.get(data, "unit", "recipients", fields.line_list, False, [])),
        signer=Signer(
            name=reader.get(signer, "unit.signer", "name", fields.text),
            title=reader.get(signer, "unit.signer", "title", fields.text, False,
                             kind.head),
            deputy=reader.get(signer, "unit.signer", "deputy", flag, False, False),
        ),
        official_code=optional("official_code"),
        symbol=optional("symbol"),
        predecessors=tuple(reader.get(data, "unit", "predecessors", fields.line_list, False,
                                      [])),
        formed=reader.get(data, "unit", "formed", fields.date, False, None),
        parent_kind=optional("parent_kind"),
        parent_name=optional("parent_name"),
        child_kinds=tuple(reader.get(data, "unit", "child_kinds", fields.line_list, False, [])),
    )
    try:
        return limits.check_unit(unit)
    except limits.UnitError as exc:
        raise reader.fail(f"unit.{exc.field}", exc.problem) from None


def _document(reader: _Reader, raw: Any, key: str, own_issuer: str = "",
              targets: Mapping[str, str] | None = None) -> DocRef:
    """A document reference; ``own_issuer`` is set for documents the unit issued itself
    (``[[documents]]``), which carry a ``section`` (a section or sub-item of the outline,
    ``targets``) and default to the unit as issuer."""
    sections = bool(own_issuer)
    data = reader.table(raw, key, DOC_KEYS if sections else DOC_KEYS - {"section"})
    kind = reader.get(data, key, "kind", fields.text)
    number = reader.get(data, key, "number", _doc_number)
    year = reader.get(data, key, "year", _year, False, None)
    section = reader.get(data, key, "section", fields.text, False, "")
    places = targets or NOTE_SECTIONS
    if sections and section not in places:
        raise reader.fail(f"{key}.section", f"phải là một trong: {', '.join(places)}")
    doc = DocRef(
        kind=kind,
        number=number,
        date=reader.get(data, key, "date", fields.date),
        issuer=reader.get(data, key, "issuer", fields.text, False, own_issuer),
        subject=reader.get(data, key, "subject", fields.text, False, ""),
        symbol=reader.get(data, key, "symbol", fields.text, False, ""),
        year=year,
        section=section,
    )
    if doc.derived_symbol() is None:
        known = kind in KIND_SYMBOLS
        raise reader.fail(
            f"{key}.symbol",
            "không suy ra được ký hiệu văn bản từ "
            + ("cơ quan ban hành" if known else f"loại văn bản {kind!r}")
            + "; hãy ghi rõ symbol (ví dụ \"KH-UBND\")",
        )
    return doc


def _doc_number(value: Any) -> str:
    """A register number: ``12``, ``"12"`` or ``"12a"``; never a list, a flag or a fraction."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**7:
        return str(value)
    if isinstance(value, str):
        number = fields.text(value, 30)
        if number:
            return number
    raise ValueError("phải là số văn bản (ví dụ 12 hoặc \"12a\")")


def _status(value: Any) -> Status:
    word = fields.text(value)
    if word not in {status.value for status in Status}:
        raise ValueError("phải là \"draft\" (dự thảo) hoặc \"final\" (chính thức)")
    return Status(word)


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1945 <= value <= 2200:
        raise ValueError(f"phải là năm (ví dụ 2020), không phải {value!r}")
    return value


def parse_report(data: dict[str, Any], path: str, catalogue: Catalogue | None = None) -> Report:
    """Build a :class:`Report` from parsed TOML, checking every key and value."""
    catalogue = catalogue or builtin_pack().catalogue
    reader = _Reader(path)
    reader.table(data, "", TOP_LEVEL)
    if "unit" not in data:
        raise reader.fail("unit", "thiếu bảng [unit]")
    if "report" not in data:
        raise reader.fail("report", "thiếu bảng [report]")
    unit = _unit(reader, data["unit"])
    head = reader.table(data["report"], "report", REPORT_KEYS)
    period = reader.get(head, "report", "period", lambda v: Period.parse(fields.text(v)))
    number = reader.get(head, "report", "number", _report_number, False, "")
    figures = {}
    for raw_key, value in reader.table(data.get("figures", {}), "figures").items():
        key = catalogue.canonical(raw_key)
        if key not in catalogue:
            raise reader.fail(f"figures.{key}", "chỉ tiêu không có trong danh mục")
        try:
            figures[key] = fields.figure(catalogue[key], value)
        except ValueError as exc:
            raise reader.fail(f"figures.{key}", str(exc)) from None
    stated = {}
    for raw_key, value in reader.table(data.get("stated", {}), "stated").items():
        key = catalogue.canonical(raw_key)
        if key not in catalogue:
            raise reader.fail(f"stated.{key}", "chỉ tiêu không có trong danh mục")
        try:
            stated[key] = fields.stated(value, catalogue[key])
        except ValueError as exc:
            raise reader.fail(f"stated.{key}", str(exc)) from None
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
        basis=[_document(reader, raw, f"basis[{i + 1}]")
               for i, raw in enumerate(_array(reader, data, "basis"))],
        documents=[_document(reader, raw, f"documents[{i + 1}]", unit.short_body, targets)
                   for i, raw in enumerate(_array(reader, data, "documents"))],
        figures=figures,
        notes=notes,
        lists=_lists(reader, data),
        recipients=reader.get(head, "report", "recipients", fields.line_list, False,
                              list(unit.recipients)),
        status=status,
        stated=stated,
        review=reader.get(head, "report", "review", fields.line_list, False, []),
        shortcoming_causes=causes,
        rates=_rates(reader, data, catalogue, figures),
        phrases=_ids(reader, reader.get(data, "", "phrases", fields.text_list, False, []),
                     "phrases"),
        overrides=_overrides(reader, data),
    )


def _rates(reader: _Reader, data: dict[str, Any], catalogue: Catalogue,
           figures: Mapping[str, object]) -> dict[str, Decimal]:
    """Rates given as a percentage where their counts are unknown; never beside the counts."""
    rates = {}
    for raw_key, value in reader.table(data.get("rates", {}), "rates").items():
        key = catalogue.canonical(raw_key)
        if key not in catalogue or catalogue[key].type is not ValueType.RATE:
            raise reader.fail(f"rates.{raw_key}", "không phải tỷ lệ trong danh mục")
        indicator = catalogue[key]
        if indicator.numerator in figures and indicator.denominator in figures:
            raise reader.fail(f"rates.{key}", f"đã có {indicator.numerator} và "
                              f"{indicator.denominator}: tỷ lệ được tính từ hai số đó")
        try:
            rate = fields.stated(value, indicator)
        except ValueError as exc:
            raise reader.fail(f"rates.{key}", str(exc)) from None
        if rate > 100:
            raise reader.fail(f"rates.{key}", "tỷ lệ không quá 100 (%)")
        rates[key] = rate
    return rates


def _ids(reader: _Reader, ids: list[str], key: str) -> list[str]:
    for index, value in enumerate(ids, start=1):
        if not _ID.fullmatch(value):
            raise reader.fail(f"{key}[{index}]", "mã chỉ gồm chữ thường không dấu, số, _ . -")
    return list(dict.fromkeys(ids))


def _overrides(reader: _Reader, data: dict[str, Any]) -> dict[str, str]:
    """The official's own sentences by sentence id; ``""`` leaves a sentence out."""
    overrides = {}
    table = reader.table(data.get("overrides", {}), "overrides")
    try:
        limits.check_items(list(table))
    except ValueError as exc:
        raise reader.fail("overrides", str(exc)) from None
    for sid, value in table.items():
        _ids(reader, [sid], "overrides")
        overrides[sid] = "" if value == "" else reader.get({sid: value}, "overrides", sid,
                                                           fields.paragraph)
    return overrides


def _lists(reader: _Reader, data: dict[str, Any]) -> dict[str, list[str]]:
    """The qualitative lists given; an empty list is the same as none."""
    lists = {name: reader.get(data, "", name, fields.text_list) for name in LISTS if name in data}
    return {name: items for name, items in lists.items() if items}


def _array(reader: _Reader, data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise reader.fail(key, "phải là mảng bảng [[...]] của TOML")
    try:
        return limits.check_items(value)
    except ValueError as exc:
        raise reader.fail(key, str(exc)) from None


def _report_number(value: Any) -> str:
    try:
        return _doc_number(value)
    except ValueError:
        if value == "":
            return ""
        raise


def read_text(path: Path, limit: int = limits.MAX_FILE_BYTES) -> str:
    """A data file's text: size checked before reading, a byte-order mark (Windows Notepad
    writes one) dropped, anything else than UTF-8 refused."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise DataFileError(str(path), "", "là thư mục, không phải tệp")
        if size > limit:
            raise DataFileError(str(path), "", f"tệp quá lớn ({size // 1000:,} KB; một tệp "
                                f"dữ liệu báo cáo không quá {limit // 1000:,} KB)"
                                .replace(",", "."))
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(str(path), "", "không tìm thấy tệp") from None
    except OSError as exc:
        raise DataFileError(str(path), "", f"không đọc được tệp ({exc.strerror})") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise DataFileError(str(path), "", "tệp không phải văn bản UTF-8") from None


def load_report(path: Path, catalogue: Catalogue | None = None) -> Report:
    """Read and validate a report data file."""
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(path), "", f"lỗi cú pháp TOML ({exc})") from None
    except RecursionError:
        raise DataFileError(str(path), "", "lỗi cú pháp TOML (lồng nhau quá sâu)") from None
    return parse_report(data, str(path), catalogue)
