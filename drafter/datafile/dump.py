"""Write a report back to the TOML data-file format, losslessly."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import tomli_w

from drafter.domain.catalogue import DEFAULT_KIND
from drafter.domain.documents import DocRef
from drafter.domain.report import LISTS, Report


def _document(doc: DocRef, with_section: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": doc.kind, "number": doc.number, "date": doc.date}
    if doc.year:
        out["year"] = doc.year
    if doc.symbol:
        out["symbol"] = doc.symbol
    if doc.issuer:
        out["issuer"] = doc.issuer
    if doc.subject:
        out["subject"] = doc.subject
    if with_section and doc.section:
        out["section"] = doc.section
    return out


def _figure(value: Any) -> Any:
    # TOML has no decimal type; a float keeps 15 significant digits, far beyond any report
    # figure, and the loader reads it back through repr() to the same Decimal.
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def report_to_dict(report: Report) -> dict[str, Any]:
    """The data-file structure of ``report`` (see ``docs/data-format.md``)."""
    unit = report.unit
    unit_out: dict[str, Any] = {
        "code": unit.code,
        "kind": unit.kind_info.name,
        "name": unit.name,
        "province": unit.province,
        "place": unit.place,
    }
    if unit.superior:
        unit_out["superior"] = unit.superior
    if unit.parent:
        unit_out["parent"] = unit.parent
    place: dict[str, Any] = {
        "official_code": unit.official_code, "symbol": unit.symbol,
        "predecessors": list(unit.predecessors), "formed": unit.formed,
        "parent_kind": unit.parent_kind, "parent_name": unit.parent_name,
        "child_kinds": list(unit.child_kinds),
        "predecessor_labels": list(unit.predecessor_labels),
    }
    unit_out.update({key: value for key, value in place.items() if value})
    unit_out["archive"] = unit.archive
    unit_out["recipients"] = list(unit.recipients)
    unit_out["signer"] = {
        "name": unit.signer.name,
        "title": unit.signer.title,
        "deputy": unit.signer.deputy,
    }
    head: dict[str, Any] = {"period": report.period.code, "date": report.date}
    if report.kind != DEFAULT_KIND:
        head["kind"] = report.kind
    if report.number:
        head["number"] = report.number
    if report.recipient:
        head["recipient"] = report.recipient
    if report.data_from:
        head["data_from"] = report.data_from
    if report.data_to:
        head["data_to"] = report.data_to
    head["status"] = report.status.value
    head["recipients"] = list(report.recipients)
    if report.review:
        head["review"] = list(report.review)
    out: dict[str, Any] = {"unit": unit_out, "report": head}
    if report.basis:
        out["basis"] = [_document(doc, False) for doc in report.basis]
    if report.documents:
        out["documents"] = [_document(doc, True) for doc in report.documents]
    out["figures"] = {key: _figure(value) for key, value in report.figures.items()}
    if report.stated:
        out["stated"] = {key: _figure(value) for key, value in report.stated.items()}
    if report.notes:
        out["notes"] = {key: list(value) for key, value in report.notes.items()}
    for name in LISTS:
        if name in report.lists:
            out[name] = list(report.lists[name])
    if report.shortcoming_causes:
        out["shortcoming_causes"] = {key: list(value)
                                     for key, value in report.shortcoming_causes.items()}
    if report.rates:
        out["rates"] = {key: _figure(value) for key, value in report.rates.items()}
    if report.phrases:
        out["phrases"] = list(report.phrases)
    if report.overrides:
        out["overrides"] = dict(report.overrides)
    return out


def dump_report(report: Report) -> str:
    """The TOML text of ``report``."""
    return tomli_w.dumps(report_to_dict(report))
