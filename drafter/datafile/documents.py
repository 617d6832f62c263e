"""Document references of a data file (``[[basis]]``, ``[[documents]]``) and register
numbers (the report's own and a document's)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafter.datafile import fields
from drafter.datafile.reader import Reader
from drafter.domain.documents import KIND_SYMBOLS, DocRef
from drafter.domain.report import NOTE_SECTIONS
from drafter.vi.text import register_number

DOC_KEYS = {"kind", "number", "year", "symbol", "date", "issuer", "subject", "section"}


def read_document(reader: Reader, raw: Any, key: str, own_issuer: str = "",
              targets: Mapping[str, str] | None = None) -> DocRef:
    """A document reference; ``own_issuer`` is set for documents the unit issued itself
    (``[[documents]]``), which carry a ``section`` (a section or sub-item of the outline,
    ``targets``) and default to the unit as issuer."""
    sections = bool(own_issuer)
    data = reader.table(raw, key, DOC_KEYS if sections else DOC_KEYS - {"section"})
    kind = reader.get(data, key, "kind", fields.text)
    number = reader.get(data, key, "number", doc_number)
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


def doc_number(value: Any) -> str:
    """A register number: ``12``, ``"12"`` or ``"12a"``; never a list, a flag or a fraction."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**7:
        return str(value)
    if isinstance(value, str):
        number = register_number(fields.text(value, 30))
        if number:
            return number
    raise ValueError("phải là số văn bản (ví dụ 12 hoặc \"12a\")")


def _year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1945 <= value <= 2200:
        raise ValueError(f"phải là năm (ví dụ 2020), không phải {value!r}")
    return value


def report_number(value: Any) -> str:
    try:
        return doc_number(value)
    except ValueError:
        if value == "":
            return ""
        raise
