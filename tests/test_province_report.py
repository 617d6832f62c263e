"""The province's report, a department's report and the ranking report as a Sở Nội vụ sends
them (issue 25): the communes and departments named on the key rates, the drafts said and a
final report over them confirmed, the level's own words, money in tỷ đồng, the online rate
over the files received in the period, the official's text left as typed, no false warning."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from scenarios import COMMUNE_Q1, DEPARTMENT_Q1, PROVINCE_Q1, SCENARIOS

from drafter.checks import check_report
from drafter.cli.main import main
from drafter.domain.figures import Figures
from drafter.domain.report import Report, Status
from drafter.errors import DraftsBelowError
from drafter.narrative import render
from drafter.narrative.blocks import Document
from drafter.packs.load import builtin_pack
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.vi.names import Abbreviations
from drafter.vi.text import lower_first
from drafter.writer.docx_writer import save_docx
from drafter.writer.text import to_text

SCENARIO = {make.__name__: make() for make in SCENARIOS}


def _body(document: Document) -> str:
    text = to_text(document)
    return text[:text.index("Nơi nhận")]


def _render(name: str) -> str:
    scenario = SCENARIO[name]
    return _body(render(scenario.report, previous=scenario.previous, rollup=scenario.rollup))


# The online rate: a share of the files received in the period, never of those carried over.

def test_the_online_rate_is_of_the_files_received_in_the_period() -> None:
    """xã Thanh Mai received 142 files, 3 of them carried over from the quarter before: 61 of
    the 139 received in the quarter came online (43,88%, not 42,96%) — in the narrative and
    the appendix alike, for a commune, a department and a province."""
    figures = Figures(builtin_pack().catalogue, COMMUNE_Q1.figures)
    rate = figures.rate("files_online_rate")
    assert rate is not None and (rate.numerator, rate.denominator) == (61, 139)
    text = to_text(render(COMMUNE_Q1))
    assert "61/139 hồ sơ tiếp nhận mới trong quý, chiếm 43,88%" in text
    assert "7.2.4 | Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến" in text
    assert re.search(r"7\.2\.4 \|[^\n]*\| 43,88 \|", text)
    department = to_text(render(DEPARTMENT_Q1))
    assert "1.487/2.348 hồ sơ tiếp nhận mới trong quý, chiếm 63,33%" in department
    province = _render("province_with_departments")
    # The province's 5.422 received (3.620 online, 1.802 in person) and the communes'.
    assert "ở cấp tỉnh là 3.620/5.422 hồ sơ (66,77%)" in province


def test_a_denominator_half_entered_is_warned_not_guessed() -> None:
    report = replace(COMMUNE_Q1, figures={k: v for k, v in COMMUNE_Q1.figures.items()
                                          if k != "files_in_person"})
    assert Figures(builtin_pack().catalogue, report.figures).rate("files_online_rate") is None
    warned = [p.message for p in check_report(report) if p.rule == "sum_incomplete"]
    assert warned == ["Chưa tính được tổng số hồ sơ TTHC tiếp nhận mới trong kỳ (trực tuyến, "
                      "trực tiếp, qua bưu chính công ích) vì chưa nhập số hồ sơ TTHC tiếp nhận "
                      "trực tiếp, qua bưu chính công ích: các tỷ lệ tính trên số này chưa được "
                      "nêu"]


# The official's text is the official's: never rewritten by the abbreviation rule.

def test_abbreviations_never_touch_a_document_number() -> None:
    abbr = Abbreviations(builtin_pack().abbreviations)
    typed = ("Thực hiện Quyết định số 1416/QĐ-UBND, Nghị quyết số 12/2025/NQ-HĐND và Văn bản "
             "số 294/UBND-NV")
    assert abbr.apply(typed) == typed
    # A name standing as a word is still written in full at first use.
    assert abbr.apply("UBND tỉnh") == "Ủy ban nhân dân (UBND) tỉnh"


def test_a_note_with_a_document_number_reaches_the_docx_as_typed(tmp_path: Path) -> None:
    note = ("Sở đã thẩm định 11 dự thảo theo Quyết định số 1416/QĐ-UBND và Nghị quyết số "
            "12/2025/NQ-HĐND.")
    report = replace(DEPARTMENT_Q1, notes={"legal_docs": [note]}, documents=[])
    path = save_docx(render(report), tmp_path / "so.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert note in text
    assert "QĐ-Ủy ban" not in text and "NQ-Hội đồng" not in text


@pytest.mark.parametrize(("typed", "continued"), [
    ("Xã Bản Máy chưa bố trí đủ công chức", "xã Bản Máy chưa bố trí đủ công chức"),
    ("Bản Máy chưa bố trí đủ công chức", "Bản Máy chưa bố trí đủ công chức"),
    ("Sở Tư pháp chưa tham mưu", "Sở Tư pháp chưa tham mưu"),
    ("Đảng ủy xã chưa chỉ đạo", "Đảng ủy xã chưa chỉ đạo"),
    ("Nội dung phức tạp", "nội dung phức tạp"),
    ("UBND xã chưa bố trí", "UBND xã chưa bố trí"),
])
def test_a_sentence_continued_with_the_officials_words_keeps_their_names(
        typed: str, continued: str) -> None:
    assert lower_first(typed) == continued


def test_a_cause_naming_a_commune_keeps_its_capitals() -> None:
    report = replace(COMMUNE_Q1, figures={**COMMUNE_Q1.figures, "files_late": 1},
                     shortcoming_causes={"files_on_time": ["Do Hà Nội chưa trả lời"]})
    assert "do Hà Nội chưa trả lời" in to_text(render(report))


# Checks: no false warning on a province or a department; more training than planned is fine.

@pytest.mark.parametrize("report", [PROVINCE_Q1, DEPARTMENT_Q1], ids=["province", "department"])
def test_no_false_warning_on_a_province_or_a_department(report: Report) -> None:
    assert [p.message for p in check_report(report) if p.rule == "not_shown"] == []


def test_more_staff_trained_than_planned_is_no_error() -> None:
    """128 of 120 planned: the narrative says "106,67% kế hoạch", the checks accept it."""
    assert DEPARTMENT_Q1.figures["training_attended"] == 128
    assert [p for p in check_report(DEPARTMENT_Q1) if p.is_error] == []
    assert "128 lượt công chức, viên chức tham gia đào tạo, bồi dưỡng, bằng 106,67% kế hoạch " \
        "năm (120 lượt)" in _render("department")


# Money at a province's scale, in one unit a sentence, never rounded.

def test_a_provinces_budget_in_ty_dong() -> None:
    text = to_text(render(PROVINCE_Q1))
    assert "Thu ngân sách nhà nước đến thời điểm báo cáo đạt 4.960 tỷ đồng, bằng 23,07% dự " \
        "toán được giao (21.500 tỷ đồng)." in text
    assert "4.960.000/21.500.000" not in text
    commune = to_text(render(COMMUNE_Q1))
    assert "đạt 612,5 triệu đồng, bằng 26,06% dự toán được giao (2.350 triệu đồng)" in commune


# The level's vocabulary.

def test_a_province_writes_as_a_province() -> None:
    text = _render("province_with_departments")
    # Its own channels, its superior, the chi cục its departments have.
    assert "trên Cổng thông tin điện tử tỉnh 58 tin, bài" in text
    assert "hệ thống truyền thanh 36" not in text
    assert "- Có 02 nhiệm vụ do Chính phủ, Thủ tướng Chính phủ giao hoàn thành nhưng quá hạn;" \
        in text
    assert "cấp trên" not in text
    assert "các cơ quan chuyên môn có 11 chi cục và tổ chức tương đương" in text
    # Publishing and repealing is the control of procedures, not their review.
    control = text[text.index("- Kiểm soát TTHC"):text.index("- Rà soát, đơn giản hóa TTHC")]
    review = text[text.index("- Rà soát, đơn giản hóa TTHC"):text.index("- Số lượng, công khai")]
    assert "Chủ tịch UBND tỉnh đã công bố 64 TTHC mới ban hành và 37 TTHC bị bãi bỏ" in control
    assert "công bố" not in review
    # Procedures by level; staff results against those assessed.
    assert "1.642 TTHC, gồm 1.180 TTHC thuộc thẩm quyền giải quyết của cấp tỉnh và 462 TTHC " \
        "của cấp xã" in text
    assert re.search(r"\d+/\d+ người được đánh giá hoàn thành tốt nhiệm vụ trở lên \(\d", text)


def test_a_department_writes_as_a_department() -> None:
    text = _render("department")
    assert "Sở Tư pháp đã chủ trì tham mưu Hội đồng nhân dân (HĐND), UBND tỉnh ban hành 09 " \
        "văn bản QPPL" in text
    assert "UBND tỉnh đã ban hành Quyết định số 1416/QĐ-UBND" in text
    assert "Sở Tư pháp đã ban hành Quyết định số 1416" not in text
    assert "Sở Tư pháp có 05 phòng chuyên môn, nghiệp vụ và tương đương và 03 đơn vị sự nghiệp " \
        "công lập trực thuộc; số đơn vị sự nghiệp công lập đã giảm 01 đơn vị (25%) so với năm " \
        "2015" in text
    assert "Số người làm việc (viên chức) tại các đơn vị sự nghiệp công lập trực thuộc được " \
        "giao 38 người, có mặt 35 người; đã giảm 10 người (22,22%) so với năm 2015" in text
    assert "Sở Tư pháp cử 04 công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh" \
        in text
    assert "Bộ phận Một cửa" not in text
    assert "Chủ tịch UBND tỉnh đã bổ nhiệm mới 01 lãnh đạo Sở" in text
    assert "xếp thứ 3/15 sở, ban, ngành" in text
    assert "Kết quả đánh giá, phân loại công chức, viên chức năm 2025: 71/74 người" in text
    # Its sub-items are titled for its staff too (the catalogue's `titles`), never "CBCC".
    assert "- Đánh giá, phân loại công chức, viên chức: Kết quả" in text
    assert "CBCC" not in text and "cán bộ, công chức (" not in text
    assert "do UBND tỉnh, Chủ tịch UBND tỉnh giao" in text


def test_an_empty_department_invents_nothing() -> None:
    text = _render("empty_department")
    body = text[text.index("I. CÔNG TÁC"):text.index("IV.")]
    lines = body.splitlines()
    # One honest sentence under each of I, II and III; no heading without text under it.
    assert lines == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
        "Chưa có số liệu, nội dung về công tác chỉ đạo, điều hành CCHC trong quý.",
        "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC",
        "Chưa có số liệu về kết quả thực hiện các lĩnh vực CCHC trong quý.",
        "III. ĐÁNH GIÁ CHUNG",
        "Chưa có số liệu, nội dung để đánh giá kết quả thực hiện công tác CCHC trong quý."]
    assert "được quan tâm chỉ đạo" not in text


def test_a_department_rendered_from_a_file_without_its_province_is_warned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (demo_dir() / "2026" / "so-tu-phap-2026-Q1.toml").read_text(encoding="utf-8")
    bare = source.replace('parent_kind = "tỉnh"\n', "").replace('parent_name = "Thái Nguyên"\n',
                                                                  "")
    data = tmp_path / "so-tu-phap.toml"
    data.write_text(bare, encoding="utf-8")
    out = tmp_path / "so.docx"
    assert main(["render", str(data), "-o", str(out)]) == 0
    assert "Cảnh báo: Tiêu đề báo cáo của Sở Tư pháp không có cơ quan chủ quản" in \
        capsys.readouterr().err
    assert main(["check", str(data)]) == 0
    assert "không có cơ quan chủ quản (UBND tỉnh …)" in capsys.readouterr().out
    # With the province named, the header keeps "UBND TỈNH THÁI NGUYÊN" and says nothing.
    out.unlink()
    assert main(["render", str(demo_dir() / "2026" / "so-tu-phap-2026-Q1.toml"), "-o",
                 str(out)]) == 0
    assert capsys.readouterr().err == ""
    header = docx.Document(str(out)).tables[0].rows[0].cells[0].text.split("\n")
    assert header[:2] == ["UBND TỈNH THÁI NGUYÊN", "SỞ TƯ PHÁP"]


# The province's report: who reported, the drafts said, the units named.

def test_the_drafts_a_province_report_sums_are_said() -> None:
    text = _render("province_over_drafts")
    assert "được tổng hợp từ báo cáo của 11/12 UBND xã, trong đó 03 báo cáo còn là dự thảo " \
        "(xã Đồng Hỷ, xã Phú Lương và xã Vô Tranh); đến thời điểm báo cáo còn 01 đơn vị chưa " \
        "gửi báo cáo (xã La Hiên)" in text


def test_the_province_names_its_communes_and_departments_on_the_key_rates() -> None:
    text = _render("province_with_departments")
    assert "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn của các xã: cao nhất là xã Cao Minh, xã Nam " \
        "Hòa và xã Vô Tranh (100%); thấp nhất là xã Phú Lương (81,74%, còn 21 hồ sơ quá hạn)." \
        in text
    assert "Có 06 trong số 11 đơn vị chưa đạt chỉ tiêu 98% được giao: xã Phú Lương (81,74%, " \
        "21 hồ sơ quá hạn)" in text
    assert "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn của các sở, ban, ngành: cao nhất là Sở Tài " \
        "chính (100%); thấp nhất là Sở Y tế (83,93%, còn 27 hồ sơ quá hạn)." in text
    assert "Số liệu của các sở, ban, ngành được tổng hợp từ báo cáo của 05/06 cơ quan, đơn vị, " \
        "trong đó 01 báo cáo còn là dự thảo (Sở Y tế); Sở Xây dựng chưa gửi báo cáo." in text
    assert "các sở, ban, ngành đã chủ trì tham mưu Hội đồng nhân dân (HĐND), UBND tỉnh ban " \
        "hành" in text
    # The Ban Chỉ đạo, as figures and its own documents.
    assert "BCĐ CCHC tỉnh đã tổ chức 01 phiên họp, hội nghị và ban hành 03 văn bản" in text
    assert "BCĐ CCHC tỉnh đã ban hành Kế hoạch số 03/KH-BCĐ" in text
    # Last year's index as stored, ranks of N.
    assert "Kết quả xác định Chỉ số CCHC năm 2025 của 12 UBND xã: điểm bình quân đạt 70,772 " \
        "điểm; cao nhất là xã Bạch Thông (92,315 điểm, xếp thứ 1/12)" in text
    assert "Kết quả xác định Chỉ số CCHC năm 2025 của 06 sở, ban, ngành" in text
    # The two-level local government, in a period after 1 July 2025.
    assert "- Vận hành mô hình chính quyền địa phương hai cấp: Sau sắp xếp, tỉnh có 12 đơn vị " \
        "hành chính cấp xã." in text
    assert "Khi kết thúc hoạt động của cấp huyện, UBND tỉnh đã tiếp nhận 412 nhiệm vụ, đã " \
        "thực hiện xong 398/412 nhiệm vụ (96,6%)." in text
    # Those below a target are a shortcoming, communes and departments together.
    assert "- Còn 06 trong số 11 UBND cấp xã và 03 trong số 05 sở, ban, ngành chưa đạt chỉ tiêu " \
        "98% về tỷ lệ hồ sơ TTHC giải quyết đúng hạn;" in text


def test_no_two_level_section_before_july_2025() -> None:
    report = replace(PROVINCE_Q1, period=PROVINCE_Q1.period.parse("2025-Q1"),
                     documents=[d for d in PROVINCE_Q1.documents if d.section != "two_level"])
    assert "Vận hành mô hình chính quyền địa phương hai cấp" not in to_text(render(report))


# A final province report over communes' drafts: refused unless confirmed, and recorded.

def _stored_province(db_url: str) -> tuple[Store, int]:
    store = Store(connect(db_url))
    scenario = SCENARIO["province_over_drafts"]
    assert scenario.rollup is not None
    for line in scenario.rollup.lines:
        store.save_unit(line.unit)
        if line.report is not None:
            store.save_report(line.report)
    province = replace(scenario.report, status=Status.DRAFT)
    return store, store.save_report(province, update_unit=True)


def test_a_final_province_report_over_drafts_is_refused(any_db_url: str,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    db_url = any_db_url
    store, report_id = _stored_province(db_url)
    with pytest.raises(DraftsBelowError, match="3/12 báo cáo của cấp xã kỳ này còn là dự thảo"):
        store.save_report(replace(store.get(report_id), status=Status.FINAL))
    assert main(["--db", db_url, "report", "final", str(report_id)]) == 2
    assert "xã Đồng Hỷ, xã Phú Lương, xã Vô Tranh" in capsys.readouterr().err
    assert store.get(report_id).status is Status.DRAFT


def test_a_confirmed_final_province_report_is_recorded(any_db_url: str,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    db_url = any_db_url
    _, report_id = _stored_province(db_url)
    assert main(["--db", db_url, "report", "final", str(report_id), "--confirm-drafts"]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "report", "history", str(report_id)]) == 0
    history = capsys.readouterr().out
    assert "chuyển sang bản chính thức — lý do: xác nhận ban hành chính thức khi 3/12 báo " \
        "cáo của cấp xã kỳ này còn là dự thảo (xã Đồng Hỷ, xã Phú Lương, xã Vô Tranh)" in history


def test_the_demo_province_report_approaches_the_real_one(tmp_path: Path) -> None:
    """On the demo data the province's narrative body reaches at least 70 % of the real
    district annual report's (`../shared/reference/`), as test_reference measures it."""
    from test_reference import DATA, _body_length

    assert main(["demo", "-o", str(tmp_path)]) == 0
    lines = [p.text for p in docx.Document(str(tmp_path / "tinh-thai-nguyen-2026-Q1.docx"))
             .paragraphs]
    wanted = _body_length((DATA / "huyen-bach-thong-nam-2023.txt").read_text(
        encoding="utf-8").splitlines())
    got = _body_length(lines)
    assert got >= 0.7 * wanted, f"{got} of {wanted} characters ({got / wanted:.0%})"
    # The departments' reports, read from the store, and the index it keeps.
    text = "\n".join(lines)
    assert "Số liệu của các sở, ban, ngành được tổng hợp từ báo cáo của 14/15 cơ quan, đơn vị" \
        in text
    assert "Kết quả xác định Chỉ số CCHC năm 2025 của 92 UBND xã, phường" in text
    store = Store(connect(f"sqlite:///{tmp_path / 'demo.sqlite'}"))
    province = store.find("tinh-thai-nguyen", PROVINCE_Q1.period)
    assert province is not None and province.status is Status.FINAL


def test_aggregate_says_which_departments_reported(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    db = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["--db", db, "aggregate", "--unit", "tinh-thai-nguyen", "--period", "2026-Q1",
                 "--no-save"]) == 0
    out = capsys.readouterr().out
    assert "Sở, ban, ngành: đã nhận 14/15 báo cáo." in out
    assert "Chưa gửi: Sở Y tế" in out and "Còn là dự thảo: Sở Tài chính" in out
