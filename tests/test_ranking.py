"""The communes' yearly CCHC index: ties, classes, score checks, import and the report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_docx

from drafter.cli.main import main
from drafter.demo.sample import commune_unit, communes_like
from drafter.domain.ranking import (
    RankingRules,
    Score,
    ScoreClass,
    ScoreError,
    check_score,
    rank_scores,
)
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.packs.load import TemplatePack, load_pack
from drafter.packs.tools import init_pack
from drafter.storage import Store, connect


def _units(commune_q1: Report, count: int) -> list[Unit]:
    return [report.unit for report in communes_like(commune_q1, count, "huyen-dong-son")]


def _rules(pack: TemplatePack) -> RankingRules:
    assert pack.ranking is not None
    return pack.ranking


def test_ties_share_a_rank(commune_q1: Report, pack: TemplatePack) -> None:
    units = _units(commune_q1, 6)
    totals = ["91", "85.5", "85.5", "72", "72", "72"]
    ranked = rank_scores([Score(u, Decimal(t)) for u, t in zip(units, totals, strict=True)],
                         _rules(pack))
    assert [r.rank for r in ranked] == [1, 2, 2, 4, 4, 4]
    assert [r.score.total for r in ranked] == [Decimal(t) for t in totals]
    # Within a tie, units keep a stable order (by code), whatever order they came in.
    again = rank_scores([Score(u, Decimal(t)) for u, t in
                         reversed(list(zip(units, totals, strict=True)))], _rules(pack))
    assert [r.score.unit.code for r in again] == [r.score.unit.code for r in ranked]


@pytest.mark.parametrize(("total", "klass"), [
    ("100", "Tốt"), ("80", "Tốt"), ("79.99", "Khá"), ("70", "Khá"), ("69.5", "Trung bình"),
    ("50", "Trung bình"), ("49.99", "Yếu"), ("0", "Yếu"),
])
def test_classes_follow_the_pack_thresholds(pack: TemplatePack, total: str, klass: str) -> None:
    assert _rules(pack).classify(Decimal(total)) == klass


def test_a_pack_may_add_xuat_sac(tmp_path: Path, pack: TemplatePack) -> None:
    path = init_pack(tmp_path / "pack")
    ranking = path / "ranking.toml"
    ranking.write_text(ranking.read_text(encoding="utf-8").replace(
        '  { name = "Tốt", min = 80 },', '  { name = "Xuất sắc", min = 90 },\n'
        '  { name = "Tốt", min = 80 },'), encoding="utf-8")
    rules = _rules(load_pack(path))
    assert rules.classes[0] == ScoreClass("Xuất sắc", Decimal(90))
    assert [rules.classify(Decimal(t)) for t in ("95", "90", "89.99")] == ["Xuất sắc",
                                                                         "Xuất sắc", "Tốt"]
    assert _rules(pack).classify(Decimal(95)) == "Tốt"


def test_impossible_scores_are_refused(commune_q1: Report, pack: TemplatePack) -> None:
    unit = commune_q1.unit
    rules = _rules(pack)
    with pytest.raises(ScoreError, match="xã Thanh Mai: tổng điểm \\(101\\) phải từ 0 đến 100"):
        check_score(Score(unit, Decimal(101)), rules)
    with pytest.raises(ScoreError, match="«Cải cách thể chế» \\(9\\) phải từ 0 đến 8"):
        check_score(Score(unit, Decimal(50), {"institutions": Decimal(9)}), rules)
    full = {f.id: f.max for f in rules.fields}
    with pytest.raises(ScoreError, match="tổng điểm \\(99\\) khác tổng điểm các lĩnh vực "
                                         "\\(100\\)"):
        check_score(Score(unit, Decimal(99), full), rules)
    check_score(Score(unit, Decimal(100), full), rules)
    precise = Decimal("85." + "1" * 30)  # stored, it broke every ranking of the province
    with pytest.raises(ScoreError, match="tổng điểm có quá 6 chữ số thập phân"):
        check_score(Score(unit, precise), rules)
    with pytest.raises(ScoreError, match="«Cải cách thể chế» có quá 6 chữ số"):
        check_score(Score(unit, Decimal(50), {"institutions": Decimal("1." + "1" * 30)}), rules)
    for absurd in ("NaN", "Infinity"):
        with pytest.raises(ScoreError, match="hữu hạn"):
            check_score(Score(unit, Decimal(absurd)), rules)
    check_score(Score(unit, Decimal("85.123456")), rules)


def _district(db_url: str, district_q2: Report, commune_q1: Report, count: int = 5) -> Store:
    store = Store(connect(db_url))
    store.save_unit(district_q2.unit)
    for report in communes_like(commune_q1, count, district_q2.unit.code):
        store.save_unit(report.unit)
    return store


def test_import_and_ranking_report(db_url: str, tmp_path: Path, district_q2: Report,
                                   commune_q1: Report,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    _district(db_url, district_q2, commune_q1)
    book = tmp_path / "diem.csv"
    book.write_text(
        "STT;Đơn vị;Cải cách thể chế;Tổng điểm;Xếp hạng\n"
        "1;UBND xã Đông Hòa;7,5;85,5;1\n"       # typed ranks are checked, not used
        "2;Đông Lợi;;91;2\n"
        "3;xa-dong-thinh;;85,5;3\n"
        "4;xã Đông Tiến;;49,25;4\n", encoding="utf-8-sig")
    assert main(["--db", db_url, "score", "import", str(book), "--unit", "huyen-dong-son",
                 "--year", "2024"]) == 0
    printed = capsys.readouterr().out
    assert "của 4 đơn vị" in printed
    assert "Cột xếp hạng trong bảng khác thứ hạng tính từ điểm ở 3 dòng" in printed
    assert "dòng 2, xã Đông Hòa: bảng ghi 1, tính ra 2" in printed
    assert "dòng 3, xã Đông Lợi: bảng ghi 2, tính ra 1" in printed
    assert "dòng 4, xã Đông Thịnh: bảng ghi 3, tính ra 2" in printed
    out = tmp_path / "xep-hang.docx"
    args = ["--db", db_url, "ranking", "--unit", "huyen-dong-son", "--year", "2024",
            "--date", "15/01/2025", "-o", str(out)]
    assert main(args) == 1  # a commune has no score: named, and the exit says so
    assert "Chưa có điểm (1 đơn vị, đã ghi tên trong báo cáo): xã Đông Hưng" in \
        capsys.readouterr().out
    assert main([*args, "--allow-missing"]) == 0
    document = open_docx(str(out))
    [ranking] = [t for t in document.tables if t.rows[0].cells[0].text == "Xếp hạng"]
    [fields] = [t for t in document.tables if t.rows[0].cells[0].text == "Hạng"]
    rows = [[c.text for c in row.cells] for row in ranking.rows]
    # Every total at the precision of the most precise one entered (49,25: two decimals).
    assert rows == [["Xếp hạng", "Đơn vị", "Tổng điểm", "Xếp loại"],
                    ["1", "Xã Đông Lợi", "91,00", "Tốt"],
                    ["2", "Xã Đông Hòa", "85,50", "Tốt"],
                    ["2", "Xã Đông Thịnh", "85,50", "Tốt"],
                    ["4", "Xã Đông Tiến", "49,25", "Yếu"]]
    assert [c.text for c in fields.rows[1].cells][1:4] == ["Xã Đông Lợi", "-", "-"]
    assert [c.text for c in fields.rows[2].cells][3] == "7,5"
    text = "\n".join(p.text for p in document.paragraphs)
    assert ("Về xếp loại: loại Tốt có 03 đơn vị (xã Đông Lợi, xã Đông Hòa và xã Đông Thịnh); "
            "không có đơn vị xếp loại Khá; không có đơn vị xếp loại Trung bình; loại Yếu có "
            "01 đơn vị (xã Đông Tiến).") in text
    assert "Điểm trung bình đạt 77,81 điểm" in text  # 311,25 / 4
    assert ("Còn 01 đơn vị chưa có điểm nên chưa được xếp hạng: xã Đông Hưng.") in text
    assert "của UBND các xã trên địa bàn huyện Đông Sơn" in text


def test_score_set_and_bad_import(db_url: str, tmp_path: Path, district_q2: Report,
                                  commune_q1: Report,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    store = _district(db_url, district_q2, commune_q1)
    assert main(["--db", db_url, "score", "set", "--unit", "xa-dong-hoa", "--year", "2024",
                 "--total", "80,5", "--field", "institutions=7"]) == 0
    [score] = store.scores(2024, [commune_unit(commune_q1.unit, "Đông Hòa", "x")])
    assert score.total == Decimal("80.5") and score.fields == {"institutions": Decimal(7)}
    book = tmp_path / "diem.csv"
    book.write_text("Đơn vị;Tổng điểm\nxã Không Có;80\n", encoding="utf-8")
    assert main(["--db", db_url, "score", "import", str(book), "--unit", "huyen-dong-son",
                 "--year", "2024"]) != 0
    err = capsys.readouterr().err
    assert "diem.csv" in err and "dòng 2" in err and "không có đơn vị «xã không có»" in err
    assert "Traceback" not in err
    assert main(["--db", db_url, "score", "set", "--unit", "xa-dong-hoa", "--year", "2024",
                 "--total", "80,5", "--field", "institutions=9"]) != 0
    assert "«Cải cách thể chế» (9) phải từ 0 đến 8" in capsys.readouterr().err
    [kept] = store.scores(2024, [score.unit])
    assert kept == score
