"""Rankings as a Sở Nội vụ does them: every refusal, and the sheets as they come."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from drafter.cli.main import main
from drafter.demo.sample import communes_like
from drafter.domain.ranking import Score, ScoreError, check_score
from drafter.domain.report import Report
from drafter.packs.load import TemplatePack
from drafter.storage import Store, connect

PROVINCE = "tinh-bac-ha"


def _province(db_url: str, commune_q1: Report, count: int = 4) -> Store:
    store = Store(connect(db_url))
    assert main(["--db", db_url, "unit", "add", "--kind", "tỉnh", "--name", "Bắc Hà",
                 "--signer", "Lê Văn Tỉnh"]) == 0
    for report in communes_like(commune_q1, count, PROVINCE):
        store.save_unit(report.unit)
    return store


def _import(db_url: str, book: Path, *extra: str) -> int:
    return main(["--db", db_url, "score", "import", str(book), "--unit", PROVINCE,
                 "--year", "2025", *extra])


def test_a_unit_listed_twice_is_refused_naming_both_rows(
        db_url: str, tmp_path: Path, commune_q1: Report,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = _province(db_url, commune_q1)
    book = tmp_path / "diem.csv"
    book.write_text("Đơn vị;Tổng điểm\nxã Đông Hòa;80,125\nxã Đông Lợi;75\n"
                    "UBND xã Đông Hòa;81\n", encoding="utf-8")
    assert _import(db_url, book) == 2
    err = capsys.readouterr().err
    assert "dòng 4: xã Đông Hòa đã có ở dòng 2" in err
    assert store.scores(2025, store.units()) == []  # nothing half-imported


def test_an_empty_ranking_is_refused(db_url: str, tmp_path: Path, commune_q1: Report,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    _province(db_url, commune_q1)
    out = tmp_path / "xep-hang.docx"
    assert main(["--db", db_url, "ranking", "--unit", PROVINCE, "--year", "2025",
                 "-o", str(out)]) == 2
    assert "không có gì để xếp hạng" in capsys.readouterr().err
    assert not out.exists()


def test_units_without_a_score_fail_unless_allowed(db_url: str, tmp_path: Path,
                                                   commune_q1: Report,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _province(db_url, commune_q1)
    assert main(["--db", db_url, "score", "set", "--unit", "xa-dong-hoa", "--year", "2025",
                 "--total", "80,125"]) == 0
    out = tmp_path / "xep-hang.docx"
    args = ["--db", db_url, "ranking", "--unit", PROVINCE, "--year", "2025", "-o", str(out)]
    assert main(args) == 1
    assert "--allow-missing" in capsys.readouterr().err
    assert main([*args, "--allow-missing"]) == 0


def test_partial_fields_may_not_exceed_the_total(commune_q1: Report, pack: TemplatePack) -> None:
    assert pack.ranking is not None
    with pytest.raises(ScoreError, match=r"cộng lại \(20\) lớn hơn tổng điểm \(18,5\)"):
        check_score(Score(commune_q1.unit, Decimal("18.5"),
                          {"direction": Decimal(12), "institutions": Decimal(8)}), pack.ranking)
    check_score(Score(commune_q1.unit, Decimal("20"),
                      {"direction": Decimal(12), "institutions": Decimal(8)}), pack.ranking)


def test_two_row_heading_total_row_and_sheet(db_url: str, tmp_path: Path, commune_q1: Report,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    store = _province(db_url, commune_q1)
    book = Workbook()
    book.active.title = "Ghi chú"
    sheet = book.create_sheet("Điểm 2025")
    sheet.append(["STT", "Tên đơn vị", "Điểm các lĩnh vực", None, "Tổng điểm", "Xếp hạng"])
    sheet.append([None, None, "Công tác chỉ đạo, điều hành CCHC", "Cải cách thể chế", None, None])
    sheet.merge_cells("C1:D1")
    sheet.append([1, "xã Đông Hòa", 12.5, 7, 85.125, 1])
    sheet.append([2, "xã Đông Lợi", 10, 6.25, 72.5, 3])
    sheet.append([3, "xã Đông Thịnh", None, None, 80, 3])  # the rank typed is wrong
    sheet.append([None, "Tổng cộng", None, None, 237.625, None])
    path = tmp_path / "diem.xlsx"
    book.save(path)
    assert _import(db_url, path) == 2  # the first sheet has no heading
    assert "không tìm thấy dòng tiêu đề" in capsys.readouterr().err
    assert _import(db_url, path, "--sheet", "Điểm 2025") == 0
    out = capsys.readouterr().out
    assert "của 3 đơn vị" in out
    assert "dòng 4, xã Đông Lợi: bảng ghi 3, tính ra 3" not in out
    assert "dòng 5, xã Đông Thịnh: bảng ghi 3, tính ra 2" in out
    scores = {s.unit.code: s for s in store.scores(2025, store.units())}
    assert scores["xa-dong-hoa"].total == Decimal("85.125")
    assert scores["xa-dong-hoa"].fields == {"direction": Decimal("12.5"),
                                            "institutions": Decimal(7)}
    assert _import(db_url, path, "--sheet", "Không có") == 2
    assert "không có trang tính «Không có»" in capsys.readouterr().err
