"""``drafter check`` on the references' known inconsistencies, and what errors block."""

from pathlib import Path

import docx
import pytest

from drafter.cli.main import main
from drafter.datafile import load_report
from drafter.domain.report import Report, Status
from drafter.storage import Store, connect

DATA = Path(__file__).parent / "data" / "inconsistent"


@pytest.mark.parametrize(("name", "expected"), [
    ("parts-do-not-add-up.toml",
     "Lỗi       Tổng số hồ sơ TTHC đã tiếp nhận (29) khác tổng số hồ sơ TTHC đã tiếp nhận trực "
     "tuyến, số hồ sơ TTHC tiếp nhận trực tiếp, qua bưu chính công ích và số hồ sơ từ kỳ trước "
     "chuyển qua (14)"),
    ("rate-contradicts-counts.toml",
     "Lỗi       [7.2.4] Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến được ghi là 93,3% nhưng "
     "tính từ số liệu là 24,14% (7/29)"),
    ("staff-total-differs.toml",
     "Lỗi       [5.5.2] Tổng số cán bộ, công chức có mặt được ghi là 270 người, khác với số liệu "
     "đã nhập (268 người)"),
    ("impossible-date.toml",
     'Lỗi       Mục II.6 Chính quyền điện tử, chính quyền số, đoạn 1: ngày không có thật '
     '"31/11/2022"'),
    ("english-numbers.toml",
     'Lỗi       Mục II.2 Cải cách TTHC, đoạn 1: số viết theo kiểu tiếng Anh "4,747" '
     '(viết đúng: "4.747")'),
    ("blanks-left.toml", 'Nhiệm vụ trọng tâm, ý 5: còn chỗ trống chưa điền "..."'),
])
def test_reference_inconsistencies_are_caught(name: str, expected: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DATA / name)]) == 1
    out = capsys.readouterr().out
    assert expected in out
    assert "Traceback" not in out


def test_clean_report_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    demo = Path(__file__).parents[1] / "drafter" / "demo"
    assert main(["check", str(demo / "xa-thanh-mai-2024-Q2.toml"),
                 "--previous", str(demo / "xa-thanh-mai-2024-Q1.toml")]) == 0
    assert "Không phát hiện vấn đề nào." in capsys.readouterr().out


def test_check_needs_exactly_one_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert "TỆP hoặc --report" in capsys.readouterr().err


def test_a_report_with_errors_cannot_render_as_final(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    source = (DATA / "parts-do-not-add-up.toml").read_text(encoding="utf-8")
    final = tmp_path / "final.toml"
    final.write_text(source.replace('status = "draft"', 'status = "final"'), encoding="utf-8")
    out = tmp_path / "r.docx"
    assert main(["render", str(final), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "chưa thể là bản chính thức" in err and "(29) khác tổng" in err
    assert not out.exists()
    assert main(["render", str(DATA / "parts-do-not-add-up.toml"), "-o", str(out)]) == 0
    headers = docx.Document(str(out)).sections[0]
    assert 'string="DỰ THẢO"' in headers.header._element.xml
    assert 'string="DỰ THẢO"' in headers.first_page_header._element.xml


def test_final_render_has_no_watermark(tmp_path: Path, commune_q1: Report) -> None:
    from drafter.api import render_to_file

    assert commune_q1.status is Status.FINAL
    path = render_to_file(commune_q1, tmp_path / "q1.docx")
    assert "DỰ THẢO" not in docx.Document(str(path)).sections[0].header._element.xml


def test_mark_final_refuses_errors_then_accepts(db_url: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(connect(db_url))
    report_id = store.save_report(load_report(DATA / "parts-do-not-add-up.toml"))
    assert main(["--db", db_url, "check", "--report", str(report_id)]) == 1
    assert main(["--db", db_url, "report", "final", str(report_id)]) == 1
    assert store.get(report_id).status is Status.DRAFT
    report = store.get(report_id)
    report.figures.update(files_in_person=22)
    store.save_report(report)
    capsys.readouterr()
    assert main(["--db", db_url, "report", "final", str(report_id)]) == 0
    assert "bản chính thức" in capsys.readouterr().out
    assert store.get(report_id).status is Status.FINAL
