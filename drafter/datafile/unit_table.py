"""The ``[unit]`` table of a data file: the issuing unit's profile, within the limits."""

from __future__ import annotations

from typing import Any

from drafter.datafile import fields
from drafter.datafile.reader import Reader
from drafter.domain import limits
from drafter.domain.units import Signer, Unit, parse_kind

UNIT_KEYS = {"code", "kind", "name", "province", "place", "superior", "parent", "archive",
             "recipients", "signer", "official_code", "symbol", "predecessors", "formed",
             "parent_kind", "parent_name", "child_kinds", "predecessor_labels"}


def read_unit(reader: Reader, raw: Any) -> Unit:
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
            name=reader.get(signer, "unit.signer", "name", fields.text, False, ""),
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
        predecessor_labels=tuple(reader.get(data, "unit", "predecessor_labels",
                                            fields.line_list, False, [])),
    )
    try:
        return limits.check_unit(unit)
    except limits.UnitError as exc:
        raise reader.fail(f"unit.{exc.field}", exc.problem) from None
