"""The reporting outline of the catalogue: sub-items per section, former indicator keys still
loadable, and the migration that renames them in stored reports."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from drafter.datafile import load_report
from drafter.domain.outline import parse_outline
from drafter.domain.report import Report
from drafter.errors import PackError
from drafter.packs.load import builtin_pack
from drafter.storage import Store, connect

DATA = Path(__file__).parent / "data" / "inconsistent"


def test_every_section_has_its_sub_items_in_report_order() -> None:
    catalogue = builtin_pack().catalogue
    outline = {section.id: [item.id for item in section.items] for section in catalogue.outline}
    assert outline["direction"][:6] == ["direction", "steering", "plan", "communication",
                                        "inspection", "superior_tasks"]
    assert outline["procedures"] == ["procedure_control", "procedure_review", "procedure_list",
                                     "one_stop", "digitisation", "files", "pakn",
                                     "tthc_quality"]
    assert {"training", "rotation", "recruitment"} <= set(outline["civil_service"])
    assert {"spending_rules", "disclosure", "public_assets"} <= set(outline["finance"])
    assert outline["e_government"] == [
        "digital_institutions", "infrastructure", "shared_data", "internal_apps",
        "digital_signatures", "online_services", "online_files", "online_payment",
        "digital_teams", "security", "project06"]
    assert outline["assessment"] == ["strengths", "shortcomings", "causes"]
    # Every key a sub-item states is an indicator; every entered indicator has a sub-item.
    stated = {key for item in catalogue.items() for key in item.keys}
    assert stated <= set(catalogue.indicators)
    entered = {ind.key for ind in catalogue if not ind.derived and not ind.rollup}
    assert entered - stated == set()


def test_a_former_key_still_loads_as_the_new_one() -> None:
    report = load_report(DATA / "staff-total-differs.toml")  # written with inspected_units
    assert report.figures["inspected_communes"] == 0
    assert "inspected_units" not in report.figures


def test_migration_0015_renames_the_stored_inspection_count(tmp_path: Path,
                                                            district_q2: Report) -> None:
    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    report = replace(district_q2, figures={**district_q2.figures, "inspected_communes": 6})
    report_id = Store(connect(url)).save_report(report)
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM migrations WHERE name = '0015_inspection_kinds'")
        db.execute("UPDATE figures SET key = 'inspected_units' WHERE key = 'inspected_communes'")
    again = Store(connect(url)).get(report_id)
    assert again.figures["inspected_communes"] == 6
    with sqlite3.connect(path) as db:
        keys = {row[0] for row in db.execute("SELECT key FROM figures")}
    assert "inspected_units" not in keys and "inspected_communes" in keys


def test_a_sub_item_is_titled_for_its_tier_and_an_unknown_tier_is_refused() -> None:
    rating = builtin_pack().catalogue.item("rating")
    assert rating is not None
    assert rating.title_for("commune") == "Đánh giá, phân loại CBCC"
    assert rating.title_for("department") == "Đánh giá, phân loại công chức, viên chức"
    doc = {"section": [{"id": "x", "title": "X", "items": [
        {"id": "y", "title": "Y", "titles": {"phuong": "Z"}}]}]}
    with pytest.raises(PackError, match="tiểu mục y: cấp không có: phuong"):
        parse_outline(doc, {})
