"""What each file of a template pack may hold, and reading a pack's files safely.

Every pack file is read through :func:`pack_file`: a symlink, or a file whose real path lies
outside the pack's directory, is refused (a template linked to ``/etc/passwd`` must never
reach a report). :func:`read_pack_files` parses the TOML files and returns every problem it
finds — not UTF-8, TOML syntax, unknown keys (a typo such as ``lable`` would otherwise be
ignored), missing keys, wrong types — so that loading a pack fails with a sentence, never a
traceback, and ``drafter pack check`` can list them all.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from drafter.domain.assessment_rules import PERIOD_KEYS, RULE_KEYS
from drafter.errors import PackError
from drafter.files.guard import FileRefused, read_bounded

MAX_PACK_FILE = 1_000_000
# Files a pack may lack (packs made before they existed).
OPTIONAL = {"assessment.toml", "phrases.toml"}
# Characters XML 1.0 cannot hold: a DOCX with them does not open.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Per file, per table (dotted path; "*" stands for a name the pack chooses), each key's type:
# str, int, num, bool, strs (list of strings), table, tables (array of tables), any;
# "!" marks a required key.
_LAYOUT = {"label": "str!", "title": "str!", "rows": "tables!", "columns": "tables"}
_ROW = {"stt": "str", "label": "str", "key": "str", "sub": "bool", "unit": "str", "note": "str"}
_COLUMN = {"field": "str!", "heading": "str", "width": "num"}
_ITEM = {"id": "str!", "title": "str!", "keys": "strs", "style": "str", "tiers": "strs",
         "titles": "table"}
SCHEMA: dict[str, dict[str, dict[str, str]]] = {
    "pack.toml": {
        "": {"name": "str", "version": "str", "title": "str", "based_on": "str",
             "settings": "table", "abbreviations": "table"},
        "settings": {"leading_zero": "bool", "money_ty_threshold": "num",
                     "rate_undefined": "str", "rate_undefined_note": "str",
                     "rate_given_note": "str",
                     "missing_cell": "str", "draft_watermark": "str",
                     "documents_in_footnote_from": "int"},
        "abbreviations": {"*": "str"},
    },
    "catalogue.toml": {
        "": {"section": "tables!", "part": "tables"},
        "section": {"id": "str!", "title": "str!", "items": "tables", "indicators": "tables"},
        "section.items": _ITEM,
        "part": {"id": "str!", "title": "str!", "items": "tables"},
        "part.items": _ITEM,
        "section.indicators": {"key": "str!", "label": "str!", "unit": "str!", "type": "str",
                               "kind": "str", "numerator": "str", "denominator": "str",
                               "parts": "strs", "options": "strs", "rollup": "str",
                               "rollup_from": "str", "aliases": "strs", "over_time": "str",
                               "carried_in": "str", "carried_from": "str", "complete": "bool"},
    },
    "appendix.toml": {
        "": {"commune": "table!", "district": "table!", "province": "table",
             "department": "table", "communes": "table", "departments": "table"},
        "commune": _LAYOUT, "district": _LAYOUT, "province": _LAYOUT, "department": _LAYOUT,
        "commune.rows": _ROW, "district.rows": _ROW, "province.rows": _ROW,
        "department.rows": _ROW, "commune.columns": _COLUMN, "district.columns": _COLUMN,
        "province.columns": _COLUMN, "department.columns": _COLUMN,
        "communes": {"label": "str", "title": "str", "columns": "tables"},
        "communes.columns": {"key": "str!", "label": "str"},
        "departments": {"label": "str", "title": "str", "columns": "tables"},
        "departments.columns": {"key": "str!", "label": "str"},
    },
    "rules.toml": {
        "": {"bands": "table", "standings": "tables"},
        "standings": {"key": "str!", "target": "num", "label": "str"},
        "bands": {"*": "tables"},
        "bands.*": {"min": "num!", "text": "str!"},
    },
    "checks.toml": {
        "": {"settings": "table", "equal": "tables", "at_most": "tables", "required": "table",
             "messages": "table", "not_zero": "table", "documents_counted": "table",
             "shown_only_with": "table", "narrative": "table"},
        "not_zero": {"keys": "strs"},
        "documents_counted": {"*": "str"},
        "shown_only_with": {"*": "str"},
        "narrative": {"*": "strs"},
        "settings": {"stock_jump_factor": "num", "rate_drop_points": "num",
                     "rates_may_exceed": "strs", "rate_ceiling": "num",
                     "report_date_max_days": "int"},
        "equal": {"whole": "str!", "parts": "strs!"},
        "at_most": {"whole": "str!", "parts": "strs!"},
        "required": {"*": "strs"},
        "messages": {"*": "str"},
    },
    # Optional: packs made before it have no evidence rules. Thresholds are a number or a
    # table by period ({ default = 0, Q1 = …, Y = … }); `value` a key or a list of keys.
    "assessment.toml": {
        "": {"causes": "table", "levels": "table", "superiors": "table", "rule": "tables"},
        "causes": {"*": "str"},
        "levels": {"*": "str"},
        "superiors": {"government": "str", "committee": "str"},
        "rule": {key: "any" for key in RULE_KEYS} | {
            "id": "str!", "rate": "str", "tier": "any", "band": "str", "strength": "str",
            "shortcoming": "str", "shortcoming_none": "str"},
        "rule.*": {key: "num" for key in PERIOD_KEYS},
    },
    # Optional: packs made before it offer no phrases (domain/phrases.py PHRASE_KEYS).
    "phrases.toml": {
        "": {"phrase": "tables"},
        "phrase": {"id": "str!", "item": "str!", "text": "str!", "tiers": "any",
                   "periods": "any", "since": "any", "until": "any", "if_zero": "any",
                   "if_positive": "any"},
    },
    "ranking.toml": {
        "": {"title": "str", "max_total": "num", "fields": "tables", "classes": "tables",
             "survey_field": "str", "survey": "tables", "self_assessed": "str",
             "appraised": "str"},
        "fields": {"id": "str!", "label": "str!", "max": "num!"},
        "survey": {"id": "str!", "label": "str!", "max": "num!"},
        "classes": {"name": "str!", "min": "num!"},
    },
}

_TYPES = {"str": "chuỗi chữ", "int": "số nguyên", "num": "số", "bool": "true/false",
          "strs": "danh sách chuỗi chữ", "table": "bảng [..]", "tables": "mảng bảng [[..]]"}


def pack_file(root: Path, relative: str) -> Path:
    """The pack file ``relative``, refused when it (or a folder on its way) is a symlink or
    its real path is outside the pack."""
    base = root.resolve()
    path = base / relative
    current = base
    for part in Path(relative).parts:
        current = current / part
        if current.is_symlink():
            raise PackError(f"{root}: {relative} là liên kết (symlink); bộ mẫu chỉ được dùng "
                            "tệp thật nằm trong thư mục của nó")
    if not path.resolve().is_relative_to(base):
        raise PackError(f"{root}: {relative} nằm ngoài thư mục bộ mẫu")
    return path


def read_pack_text(root: Path, relative: str) -> str:
    """The text of the pack file ``relative``: a regular file inside the pack, size-capped,
    UTF-8; any problem is a PackError naming the file."""
    path = pack_file(root, relative)
    try:
        data = read_bounded(path, MAX_PACK_FILE, "một tệp của bộ mẫu")
    except FileRefused as exc:
        if exc.problem == "không tìm thấy tệp":
            raise PackError(f"{path}: thiếu tệp của bộ mẫu") from None
        raise PackError(f"{path}: {exc.problem}") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise PackError(f"{path}: tệp không phải văn bản UTF-8") from None


def read_toml(root: Path, relative: str) -> dict[str, Any]:
    """One TOML file of the pack: read by :func:`read_pack_text`, parsed; any problem is a
    PackError."""
    text = read_pack_text(root, relative)
    path = pack_file(root, relative)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: lỗi cú pháp TOML: {exc}") from None
    except RecursionError:
        raise PackError(f"{path}: lỗi cú pháp TOML (lồng nhau quá sâu)") from None


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "num":  # a finite number of sane size (a threshold, a maximum score)
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            return False
        return bool(abs(Decimal(str(value))) < 10**15) if value == value else False
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "strs":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "table":
        return isinstance(value, dict)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    return True


def _spec(schema: Mapping[str, dict[str, str]], where: str) -> dict[str, str] | None:
    found = schema.get(where)
    if found is None and where:
        found = schema.get(re.sub(r"[^.]+$", "*", where))
    return found


def schema_problems(doc: Mapping[str, Any], schema: Mapping[str, dict[str, str]], file: str,
                    where: str = "") -> list[str]:
    """Unknown keys, missing keys and wrong types of one table (and the tables in it)."""
    spec = _spec(schema, where) or {}
    problems = []
    for key, kind in spec.items():
        if kind.endswith("!") and key not in doc:
            shown = f"{where}.{key}" if where else key
            problems.append(f"{file}: thiếu khóa bắt buộc: {shown}")
    for key, value in doc.items():
        shown = f"{where}.{key}" if where else key
        kind = spec.get(key, spec.get("*", "")).rstrip("!")
        if not kind:
            problems.append(f"{file}: khóa không hợp lệ: {shown}")
            continue
        if not _type_ok(kind, value):
            problems.append(f"{file}: {shown} phải là {_TYPES.get(kind, kind)}")
            continue
        if _spec(schema, shown) is None:
            continue
        for table in value if isinstance(value, list) else [value]:
            if isinstance(table, dict):
                problems += schema_problems(table, schema, file, shown)
    return problems


def read_pack_files(root: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Every TOML file of the pack parsed, and every problem found in them."""
    docs: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for file, schema in SCHEMA.items():
        if file in OPTIONAL and not (root / file).exists() and not (root / file).is_symlink():
            continue
        try:
            doc = read_toml(root, file)
        except PackError as exc:
            problems.append(str(exc).replace(f"{root.resolve() / file}: ", f"{file}: "))
            continue
        found = schema_problems(doc, schema, file)
        problems += found
        if not found:
            docs[file] = doc
    return docs, problems
