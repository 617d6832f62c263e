"""District roll-up: arithmetic, missing and draft communes, sources, the rendered appendix."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_docx

from drafter.api import render_to_file
from drafter.cli.main import main
from drafter.combine.rollup import apply_rollup, roll_up
from drafter.datafile import dump_report
from drafter.demo.sample import communes_like
from drafter.domain.figures import Figures
from drafter.domain.report import Report, Status
from drafter.exchange import export_table
from drafter.office.aggregation import aggregate
from drafter.packs.load import TemplatePack
from drafter.storage import Store, connect


def _communes(commune_q1: Report, district: Report, count: int = 3) -> list[Report]:
    """Three communes: on time 90/100, a 0/0 commune, and 297/300 (status final)."""
    reports = communes_like(replace(commune_q1, status=Status.FINAL), count,
                            district.unit.code)
    solved = [(100, 90), (0, 0), (300, 297)]
    for report, (total, on_time) in zip(reports, solved, strict=False):
        # Consistent counts: a final report must pass its checks to be stored.
        report.figures = {**report.figures, "files_solved": total, "files_on_time": on_time,
                          "files_late": total - on_time, "files_pending": 4,
                          "files_received": total + 4, "files_online": total - total // 2,
                          "files_in_person": total // 2, "files_carried_over": 4}
    return reports


def test_rates_come_from_summed_counts_not_averaged(commune_q1: Report, district_q2: Report,
                                                    pack: TemplatePack) -> None:
    communes = _communes(commune_q1, district_q2)
    rollup = roll_up(pack.catalogue, district_q2.unit, commune_q1.period,
                     [c.unit for c in communes], {c.unit.code: c for c in communes})
    assert rollup.figures["commune_files_solved"] == 400
    assert rollup.figures["commune_files_on_time"] == 387
    report = apply_rollup(district_q2, rollup)
    rate = Figures(pack.catalogue, report.figures).rate("commune_files_on_time_rate")
    assert rate is not None and rate.value == Decimal("96.75")  # 387/400, not (90+99)/2
    # The 0/0 commune keeps its own rate undefined and adds nothing to the sums.
    zero = Figures(pack.catalogue, communes[1].figures).rate("files_on_time_rate")
    assert zero is not None and zero.value is None
    # Stocks add up too, and their rates are recomputed.
    staff = commune_q1.figures["staff_present"]
    assert isinstance(staff, int)
    assert report.figures["staff_present"] == 3 * staff


def test_missing_draft_and_empty_figures_are_listed(commune_q1: Report, district_q2: Report,
                                                    pack: TemplatePack) -> None:
    communes = _communes(commune_q1, district_q2)
    communes[1].status = Status.DRAFT
    del communes[2].figures["files_received"]
    units = [c.unit for c in communes] + [replace(communes[0].unit, code="xa-vang", name="Vắng")]
    rollup = roll_up(pack.catalogue, district_q2.unit, commune_q1.period, units,
                     {c.unit.code: c for c in communes})
    assert [u.name for u in rollup.missing] == ["Vắng"]
    assert [u.name for u in rollup.drafts] == [communes[1].unit.name]
    assert [u.name for u in rollup.gaps["commune_files_received"]] == [communes[2].unit.name]
    received = [c.figures["files_received"] for c in communes[:2]]
    assert rollup.figures["commune_files_received"] == sum(received) == 104 + 4


def test_stale_rolled_up_values_are_replaced_or_removed(district_q2: Report,
                                                        pack: TemplatePack) -> None:
    assert district_q2.figures["commune_files_solved"] == 1851
    rollup = roll_up(pack.catalogue, district_q2.unit, district_q2.period, [], {})
    report = apply_rollup(district_q2, rollup)
    assert "commune_files_solved" not in report.figures
    assert report.figures["files_solved"] == district_q2.figures["files_solved"]  # its own


def _stored(db_url: str, commune_q1: Report, district: Report) -> tuple[Store, list[Report]]:
    store = Store(connect(db_url))
    store.save_report(replace(district, period=commune_q1.period, status=Status.DRAFT))
    communes = _communes(commune_q1, district)
    for report in communes:
        store.save_report(report)
    return store, communes


def test_aggregate_renders_the_communes_appendix(db_url: str, tmp_path: Path,
                                                 commune_q1: Report, district_q2: Report) -> None:
    store, communes = _stored(db_url, commune_q1, district_q2)
    store.save_unit(replace(communes[0].unit, code="xa-vang", name="Vắng"))
    result = aggregate(store, district_q2.unit.code, commune_q1.period)
    path = render_to_file(result.report, tmp_path / "huyen.docx", rollup=result.rollup)
    document = open_docx(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Đơn vị")
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][-1] == "Báo cáo"
    names = [row[1] for row in rows[1:-1]]
    # In Vietnamese order (by code: Đ sorts with D), not by code point.
    assert names == ["Xã Đông Hòa", "Xã Đông Lợi", "Xã Đông Thịnh", "Xã Vắng"]
    by_name = {row[1]: row for row in rows[1:-1]}
    assert by_name["Xã Vắng"][-1] == "Chưa gửi"
    assert by_name[f"Xã {communes[1].unit.name}"][4] == "Chưa phát sinh"
    assert rows[-1][1] == "Cộng (3/4 đơn vị)"
    assert rows[-1][4] == "96,75"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "tổng hợp từ báo cáo của 03/04 UBND xã;" in text  # only xã are present
    assert "SỐ LIỆU CCHC CỦA CÁC XÃ\n" in text
    assert "còn 01 đơn vị chưa gửi báo cáo (xã Vắng)" in text


def test_files_sent_to_the_district_take_precedence(db_url: str, tmp_path: Path,
                                                   commune_q1: Report,
                                                   district_q2: Report) -> None:
    store, communes = _stored(db_url, commune_q1, district_q2)
    sent = replace(communes[0], figures={**communes[0].figures, "files_solved": 50,
                                         "files_on_time": 50, "files_late": 0})
    data_file = tmp_path / "sent.toml"
    data_file.write_text(dump_report(sent), encoding="utf-8")
    workbook = export_table(replace(communes[2], figures={
        **communes[2].figures, "files_solved": 10, "files_on_time": 5, "files_late": 5}),
        tmp_path / f"{communes[2].unit.code}.xlsx")
    result = aggregate(store, district_q2.unit.code, commune_q1.period, [data_file, workbook])
    assert result.report.figures["commune_files_solved"] == 60
    assert result.report.figures["commune_files_on_time"] == 55


def test_aggregate_cli_saves_and_is_idempotent(db_url: str, tmp_path: Path, commune_q1: Report,
                                               district_q2: Report,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    store, communes = _stored(db_url, commune_q1, district_q2)
    reopened = store.report_id(communes[1].unit.code, commune_q1.period)
    assert reopened is not None
    store.reopen(reopened, "xã gửi lại số liệu")  # a final report changes only when reopened
    args = ["--db", db_url, "aggregate", "--unit", district_q2.unit.code, "--period", "2024-Q1",
            "-o", str(tmp_path / "huyen.docx")]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "đã nhận 3/3 báo cáo của cấp xã" in out
    assert f"Còn là dự thảo: xã {communes[1].unit.name}" in out
    assert (tmp_path / "huyen.docx").is_file()
    first = store.find(district_q2.unit.code, commune_q1.period)
    assert main(args) == 0
    second = store.find(district_q2.unit.code, commune_q1.period)
    assert first is not None and second is not None
    assert first.figures == second.figures
    assert second.figures["commune_files_solved"] == 400


def test_a_file_from_another_district_is_refused(db_url: str, tmp_path: Path,
                                                 commune_q1: Report, district_q2: Report,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _stored(db_url, commune_q1, district_q2)
    stranger = replace(commune_q1, unit=replace(commune_q1.unit, code="xa-la", name="Lạ",
                                                parent="huyen-khac"))
    path = tmp_path / "la.toml"
    path.write_text(dump_report(stranger), encoding="utf-8")
    code = main(["--db", db_url, "aggregate", "--unit", district_q2.unit.code,
                 "--period", "2024-Q1", str(path)])
    err = capsys.readouterr().err
    assert code != 0
    assert "la.toml: báo cáo của xã Lạ, không thuộc huyện Đông Sơn" in err
    assert "Traceback" not in err
