"""The province level: the official list of communes, a province report aggregated from its
communes, and the ranking its Sở Nội vụ issues — rendered and read back from the DOCX."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest

from drafter.cli.main import main
from drafter.demo.sample import reports_for, scores_for
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.errors import ChecksFailedError
from drafter.storage import Store, connect

HAI_PHONG = "thanh-pho-hai-phong"
SNV = f"so-noi-vu-{HAI_PHONG}"


def _official(name: str) -> tuple[str, list[Any]]:
    from vietnam_provinces import Province, Ward

    wanted = next(p for p in Province.iter_all() if p.name.endswith(name))
    return wanted.code, list(Ward.iter_by_province(wanted.code))


def test_load_official_creates_the_province_and_every_commune(db_url: str) -> None:
    code, wards = _official("Thái Nguyên")
    assert main(["--db", db_url, "unit", "load-official", "--province", "Thái Nguyên"]) == 0
    store = Store(connect(db_url))
    province = store.unit("tinh-thai-nguyen")
    assert province is not None and province.official_code == f"{code.value:02d}"
    communes = [u for u in store.units() if u.parent == "tinh-thai-nguyen"]
    assert len(communes) == len(wards)  # as many as the package lists
    assert {u.official_code for u in communes} == {f"{w.code.value:05d}" for w in wards}
    assert all(re.fullmatch(r"[a-z0-9-]+", u.code) for u in communes)
    assert {u.kind for u in communes} <= {"xã", "phường", "đặc khu"}
    assert len({u.code for u in communes}) == len(communes)
    # xã Văn Lang and xã Văn Lăng would both be xa-van-lang: the official code tells them apart.
    twins = sorted(u.code for u in communes if u.code.startswith("xa-van-lang"))
    assert len(twins) == 2 and all(re.fullmatch(r"xa-van-lang-\d{5}", c) for c in twins)
    # Loading again changes nothing, and keeps what an official set.
    assert main(["--db", db_url, "unit", "edit", twins[0], "--signer", "Hoàng Văn Nam"]) == 0
    assert main(["--db", db_url, "unit", "load-official", "--province", "thai nguyen"]) == 0
    assert len(store.units()) == len(wards) + 1
    kept = store.unit(twins[0])
    assert kept is not None and kept.signer.name == "Hoàng Văn Nam"


def _province(db_url: str, commune_q1: Report) -> tuple[Store, list[Any]]:
    assert main(["--db", db_url, "unit", "load-official", "--province", "Hải Phòng"]) == 0
    assert main(["--db", db_url, "unit", "edit", HAI_PHONG, "--signer", "Lê Văn Tỉnh"]) == 0
    assert main(["--db", db_url, "unit", "add", "--kind", "sở", "--name", "Nội vụ",
                 "--parent", HAI_PHONG, "--signer", "Trần Thị Hoa", "--signer-title",
                 "Phó Giám đốc", "--deputy"]) == 0
    store = Store(connect(db_url))
    communes = sorted((u for u in store.units() if u.parent == HAI_PHONG and u.kind != "Sở"),
                      key=lambda u: u.code)
    return store, communes


def _texts(document: Any) -> tuple[str, str]:
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows
                      for cell in row.cells)
    return paragraphs, cells


def test_a_province_aggregates_over_a_hundred_communes(db_url: str, tmp_path: Path,
                                                       commune_q1: Report) -> None:
    store, communes = _province(db_url, commune_q1)
    assert len(communes) >= 100
    period = Period.parse("2026-Q1")
    base = replace(commune_q1, period=period, date=commune_q1.date.replace(year=2026), basis=[],
                   status=Status.FINAL)
    reports = reports_for(base, [store.unit(u.code) for u in communes[2:]])  # type: ignore[misc]
    for report in reports:
        store.save_report(report)
    out = tmp_path / "hai-phong.docx"
    assert main(["--db", db_url, "aggregate", "--unit", HAI_PHONG, "--period", "2026-Q1",
                 "--date", "10/4/2026", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    text, cells = _texts(document)
    assert "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG" in cells  # broken after the body
    count = len(communes)
    # Every commune's report is a draft (reports_for makes drafts): said, never hidden.
    assert (f"được tổng hợp từ báo cáo của {count - 2}/{count} UBND xã, phường, đặc khu, "
            f"trong đó {count - 2} báo cáo còn là dự thảo; đến thời điểm báo cáo còn 02 đơn vị "
            "chưa gửi báo cáo") in text
    assert "SỐ LIỆU CCHC CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU" in text
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "STT"
               and t.rows[0].cells[-1].text == "Báo cáo"]
    assert len(table.rows) == count + 2  # heading, a row per commune, the total
    total_received = sum(int(r.figures["files_received"]) for r in reports)
    assert table.rows[-1].cells[2].text == f"{total_received:,}".replace(",", ".")
    assert "Trên đây là báo cáo kết quả thực hiện công tác CCHC quý I năm 2026 của UBND " \
           "thành phố Hải Phòng./." in text
    # The communes' files have their own block, named by the kinds present; a 2026 province
    # says nothing of districts or towns.
    received = f"{total_received:,}".replace(",", ".")
    assert ("+ Kết quả giải quyết hồ sơ TTHC tại Trung tâm Phục vụ hành chính công các xã, "
            f"phường, đặc khu: Tiếp nhận {received} hồ sơ") in text
    narrative = text.split("Nơi nhận")[0]
    assert "huyện" not in narrative and "thị trấn" not in narrative


def test_the_ranking_is_issued_by_the_so_noi_vu_at_three_decimals(
        db_url: str, tmp_path: Path, commune_q1: Report) -> None:
    _, communes = _province(db_url, commune_q1)
    scores = scores_for(communes)
    # Two scores apart only in the third decimal; rounded to two they would print alike.
    scores[0] = replace(scores[0], total=Decimal("88.125"))
    scores[1] = replace(scores[1], total=Decimal("88.120"))
    book = tmp_path / "diem.csv"
    rows = ["STT;Đơn vị;Tổng điểm", *(f"{i};{s.unit.label};{str(s.total).replace('.', ',')}"
                                      for i, s in enumerate(scores, start=1))]
    book.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["--db", db_url, "score", "import", str(book), "--unit", HAI_PHONG,
                 "--year", "2025"]) == 0
    out = tmp_path / "xep-hang.docx"
    assert main(["--db", db_url, "ranking", "--unit", HAI_PHONG, "--year", "2025", "--number",
                 "12", "--date", "20/01/2026", "-o", str(out)]) == 0
    document = docx.Document(str(out))
    text, cells = _texts(document)
    header = document.tables[0].rows[0].cells[0].text.split("\n")
    assert header[:2] == ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ NỘI VỤ"]
    assert "Số: 12/BC-SNV" in cells
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in cells and "TM." not in cells
    assert "Trần Thị Hoa" in cells
    assert ("Kết quả xác định Chỉ số cải cách hành chính năm 2025 của UBND các xã, phường, "
            "đặc khu trên địa bàn thành phố Hải Phòng") in text
    assert "Sở Nội vụ báo cáo kết quả xác định" in text
    [ranking] = [t for t in document.tables if t.rows[0].cells[0].text == "Xếp hạng"]
    totals = {row.cells[1].text: row.cells[2].text for row in ranking.rows[1:]}
    assert len(totals) == len(communes)
    assert all(re.fullmatch(r"\d{2},\d{3}", total) for total in totals.values())
    first, second = (f"{u.label[0].upper()}{u.label[1:]}" for u in communes[:2])
    assert (totals[first], totals[second]) == ("88,125", "88,120")
    ranks = {row.cells[1].text: row.cells[0].text for row in ranking.rows[1:]}
    assert ranks[first] != ranks[second]


def test_a_2026_commune_names_its_province_and_is_not_signed_blank(
        db_url: str, tmp_path: Path, commune_q1: Report,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A commune loaded from the official list reports to its province (here a city of
    central government: "UBND thành phố") and has no signer until the official names one:
    a draft is warned, a final report refused."""
    store, communes = _province(db_url, commune_q1)
    unit = store.unit(communes[0].code, Period.parse("2026-Q1"))
    assert unit is not None and unit.signer.name == ""
    draft = replace(commune_q1, unit=unit, period=Period.parse("2026-Q1"),
                    date=commune_q1.date.replace(year=2026), basis=[], status=Status.DRAFT)
    report_id = store.save_report(draft)
    capsys.readouterr()
    assert main(["--db", db_url, "check", "--report", str(report_id)]) == 0
    assert "Cảnh báo  Chưa có họ tên người ký (chủ tịch)" in capsys.readouterr().out
    out = tmp_path / "xa.docx"
    assert main(["--db", db_url, "report", "render", str(report_id), "-o", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Kết quả thực hiện nhiệm vụ do UBND thành phố, Chủ tịch UBND thành phố giao" in text
    assert "huyện" not in text.split("Nơi nhận")[0]
    # The store refuses a final report its checks refuse (issue 18): never signed blank.
    with pytest.raises(ChecksFailedError, match="Chưa có họ tên người ký"):
        store.save_report(replace(draft, status=Status.FINAL))
    assert main(["--db", db_url, "unit", "edit", unit.code, "--signer", "Đỗ Văn Nam"]) == 0
    named = store.get(report_id)
    assert named.unit.signer.name == "Đỗ Văn Nam"
    store.save_report(replace(named, status=Status.FINAL))
    assert main(["--db", db_url, "check", "--report", str(report_id)]) == 0
