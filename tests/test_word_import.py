"""Last period's report read from Word (``drafter report import-word``): drafter's own DOCX
read back figure for figure, document for document; Word files laid out as provinces make
them by hand (built here with python-docx); files that are not reports refused in one line."""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from scenarios import SCENARIOS, Scenario

from drafter.api import render_to_file
from drafter.cli.main import main
from drafter.combine.rollup import Rollup, apply_rollup
from drafter.datafile import load_report
from drafter.domain.periods import Period
from drafter.domain.report import WORD_MARK, Report
from drafter.exchange.word import WordReport, read_word_report
from drafter.packs.load import builtin_pack, load_pack
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.vi.text import label_key

PACK = builtin_pack()
REFERENCE = Path(__file__).parent / "data" / "reference"
REPORTS = sorted([*demo_dir().rglob("*-[0-9][0-9][0-9][0-9]-*.toml"), *REFERENCE.glob("*.toml")])


def _printed(report: Report) -> dict[str, object]:
    """The figures the unit's appendix prints: those its layout lists and that are given."""
    keys = {row.key for row in PACK.catalogue.layout(report.unit.tier).rows if row.key}
    return {key: value for key, value in report.figures.items()
            if key in keys and not PACK.catalogue[key].derived}


def _section(target: str) -> str:
    """The section of I–II a sub-item (or the section itself) stands in."""
    item = PACK.catalogue.item(target)
    return item.section if item is not None else target


def _same_text(items: list[str]) -> list[str]:
    return [label_key(item, PACK.abbreviations) for item in items]


def _round_trip(report: Report, tmp_path: Path, previous: Report | None = None,
                rollup: Rollup | None = None) -> None:
    docx_path = render_to_file(report, tmp_path / "r.docx", previous, rollup=rollup)
    read = read_word_report(docx_path, report.unit)
    got = read.report
    printed = _printed(apply_rollup(report, rollup) if rollup else report)
    assert got.period == report.period
    assert got.date == report.date
    if report.data_from:  # printed as "(số liệu từ ngày … đến ngày …)"
        assert (got.data_from, got.data_to) == (report.data_from, report.data_to)
    assert {key: got.figures.get(key) for key in printed} == printed
    assert got.basis == report.basis
    for doc in report.documents:
        # The subject is read up to the end of the sentence citing it: the words the
        # narrative adds after it ("… để chỉ đạo, điều hành") cannot be told from it.
        # A document cited at the end of a section, after its last item, may be read as
        # that item's (a paragraph after "- Item: …" continues it in a Word file).
        same = [read for read in got.documents if (read.kind, read.number, read.date,
                                                   _section(read.section)) ==
                (doc.kind, doc.number, doc.date, _section(doc.section))]
        assert same, doc
        assert same[0].subject.startswith(doc.subject)
        assert same[0].full_number == doc.full_number
    if report.items("tasks"):  # else the pack's own tasks are printed, and read
        assert _same_text(got.items("tasks")) == _same_text(report.items("tasks"))
    assert got.recipients == report.recipients
    assert not [line for line in read.review if "tính từ số liệu" in line]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_own_docx_round_trip(path: Path, tmp_path: Path) -> None:
    _round_trip(load_report(path), tmp_path)


@pytest.mark.parametrize("make", SCENARIOS, ids=lambda make: make.__name__)
def test_scenario_docx_round_trip(make: Callable[[], Scenario], tmp_path: Path) -> None:
    scenario = make()
    _round_trip(scenario.report, tmp_path, scenario.previous, scenario.rollup)


CAM_GIANG = load_report(REFERENCE / "xa-cam-giang-2024-Q1.toml").unit

# Arabic groups, the value before the unit under "Kết quả thống kê", numbers written every
# way a Word file writes them, a row of the province's own, a Ghi chú.
APPENDIX = [
    ["1", "Công tác chỉ đạo điều hành CCHC", "", "", ""],
    ["1.1", "Số văn bản chỉ đạo CCHC đã ban hành", "3", "Văn bản", ""],
    ["1.2", "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp", "Có",
     "Có/không", ""],
    ["2", "Cải cách thủ tục hành chính", "", "", ""],
    ["2.1", "Hồ sơ tiếp nhận trong kỳ", "1.234", "Hồ sơ", "Cả trực tuyến"],
    ["2.2", "Số hồ sơ thủ tục hành chính đã tiếp nhận trực tuyến", "1,234", "Hồ sơ", ""],
    ["2.3", "Tỷ lệ hồ sơ TTHC tiếp nhận được giải quyết đúng hạn (%)", "99.81", "%", ""],
    ["", "Tổng số hồ sơ TTHC đã giải quyết xong", "1.000", "Hồ sơ", ""],
    ["", "Số hồ sơ TTHC giải quyết đúng hạn", "990", "Hồ sơ", ""],
    ["2.4", "Số TTHC liên thông cùng cấp", "-", "Thủ tục", ""],
    ["2.5", "Tổng số TTHC thuộc thẩm quyền giải quyết tại cơ quan, đơn vị", "khoảng 110",
     "Thủ tục", ""],
    ["2.6", "Số VBQPPL đã kiểm tra thẩm quyền", "2", "Văn bản", ""],
    ["3", "Cải cách chế độ công vụ", "", "", ""],
    ["3.1", "Biên chế cán bộ, công chức được giao", "20", "Người", ""],
    ["3.2", "Số cây xanh trồng mới", "15", "Cây", ""],
    ["4", "Chính quyền điện tử", "", "", ""],
    ["4.1", "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử", "99,5", "%", ""],
]


def test_a_hand_made_report_read_figure_by_figure(tmp_path: Path) -> None:
    from word_files import hand_made_report

    path = hand_made_report(tmp_path / "quy-1.docx", APPENDIX, groups=[0, 3, 12, 15])
    read = read_word_report(path, CAM_GIANG)
    report = read.report
    assert str(report.period) == "2024-Q1"
    assert report.number == "21"
    assert report.date.isoformat() == "2024-03-26"
    assert report.recipient == "Ủy ban nhân dân huyện Bạch Thông."
    assert report.figures == {
        "directive_docs": 3, "dialogue_held": True, "files_received": 1234,
        "files_online": 1234, "files_solved": 1000, "files_on_time": 990,
        "legal_docs_checked": 2, "staff_quota": 20,
    }
    assert report.stated == {"files_on_time_rate": Decimal("99.81")}
    assert report.rates == {"e_docs_rate": Decimal("99.5")}
    assert read.review == [
        "2.2 Số hồ sơ thủ tục hành chính đã tiếp nhận trực tuyến: «1,234» viết dấu phẩy ngăn "
        "cách hàng nghìn kiểu tiếng Anh, đã đọc là 1.234",
        "2.3 Tỷ lệ hồ sơ TTHC tiếp nhận được giải quyết đúng hạn (%): «99.81» viết dấu chấm "
        "thập phân kiểu tiếng Anh, đã đọc là 99,81",
        "2.5 Tổng số TTHC thuộc thẩm quyền giải quyết tại cơ quan, đơn vị: không đọc được số "
        "liệu «khoảng 110»",
        "2.6 Số VBQPPL đã kiểm tra thẩm quyền: khớp gần đúng với chỉ tiêu «Số VBQPPL đã kiểm "
        "tra theo thẩm quyền», cần xác nhận",
        "3.2 Số cây xanh trồng mới: không khớp với chỉ tiêu nào của biểu, số liệu «15» chưa "
        "được nhập",
        "Tỷ lệ hồ sơ TTHC tiếp nhận được giải quyết đúng hạn: tệp ghi 99,81% nhưng tính từ số "
        "liệu là 99%",
    ]
    assert [(d.kind, d.full_number, d.date.isoformat(), d.issuer) for d in report.basis] == [
        ("Văn bản", "294/UBND-NV", "2024-02-08", "UBND huyện Bạch Thông"),
        ("Kế hoạch", "05/KH-UBND", "2024-01-10", "UBND huyện Bạch Thông"),
    ]
    assert [(d.full_number, d.section, d.issuer, d.subject) for d in report.documents] == [
        ("12/KH-UBND", "direction", "UBND xã Cẩm Giàng",
         "về cải cách hành chính năm 2024 trên địa bàn xã"),
        ("17/KH-UBND", "law_monitoring", "UBND xã Cẩm Giàng",
         "về theo dõi tình hình thi hành pháp luật năm 2024"),
        ("1414/QĐ-UBND", "procedures", "UBND tỉnh",
         "phê duyệt danh mục dịch vụ công trực tuyến"),
    ]
    assert report.lists == {
        "strengths": ["Công tác chỉ đạo được triển khai quyết liệt trên tất cả các lĩnh vực"],
        "shortcomings": ["Tỷ lệ hồ sơ tiếp nhận trực tuyến còn thấp",
                         "Kinh phí dành cho công tác CCHC còn hạn chế"],
        "causes": ["Người dân chưa quen nộp hồ sơ trực tuyến"],
        "tasks": ["Tiếp tục triển khai Kế hoạch CCHC năm 2024 của xã",
                  "Tăng cường tuyên truyền, hỗ trợ người dân sử dụng dịch vụ công trực tuyến"],
    }
    assert report.recipients == ["Phòng Nội vụ huyện", "TT Đảng ủy, HĐND xã"]


def _store(tmp_path: Path) -> tuple[str, Store]:
    url = f"sqlite:///{tmp_path / 'd.sqlite'}"
    store = Store(connect(url))
    store.save_unit(CAM_GIANG)
    return url, store


def test_import_word_then_next_quarter_starts_from_it(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from word_files import hand_made_report

    url, store = _store(tmp_path)
    path = hand_made_report(tmp_path / "quy-1.docx", APPENDIX, groups=[0, 3, 12, 15])
    assert main(["--db", url, "report", "import-word", str(path), "--unit", "xa-cam-giang",
                 "--review"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "Đã đọc báo cáo quý I năm 2024 của xã Cẩm Giàng từ tệp Word (số 1): 8 số liệu, 2 văn "
        "bản căn cứ, 3 văn bản đã ban hành, 2 nhiệm vụ, 2 nơi nhận.")
    assert "  - 3.2 Số cây xanh trồng mới: không khớp với chỉ tiêu nào của biểu, số liệu «15» " \
           "chưa được nhập" in out
    stored = store.find("xa-cam-giang", Period.parse("2024-Q1"))
    assert stored is not None
    assert stored.review[0] == f"{WORD_MARK}tệp quy-1.docx"
    assert f"{WORD_MARK}3.2 Số cây xanh trồng mới: không khớp với chỉ tiêu nào của biểu, số " \
           "liệu «15» chưa được nhập" in stored.review
    assert "files_received" in stored.review
    # The next quarter carries from it by the usual rules: stocks, lists, basis, recipients.
    assert main(["--db", url, "report", "new", "--unit", "xa-cam-giang", "--period",
                 "2024-Q2", "--date", "28/6/2024"]) == 0
    q2 = store.find("xa-cam-giang", Period.parse("2024-Q2"))
    assert q2 is not None
    assert q2.figures == {"staff_quota": 20}
    assert q2.items("tasks") == stored.items("tasks")
    assert q2.basis == stored.basis
    assert q2.recipients == ["Phòng Nội vụ huyện", "TT Đảng ủy, HĐND xã"]
    assert not [key for key in q2.review if key.startswith(WORD_MARK)]
    # Reading it again does not overwrite the stored report.
    assert main(["--db", url, "report", "import-word", str(path), "--unit",
                 "xa-cam-giang"]) == 2
    assert capsys.readouterr().err.strip().endswith(
        "đơn vị xa-cam-giang đã có báo cáo kỳ 2024-Q1 (số 1); không ghi đè bằng tệp Word")


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _letter(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Kính gửi: Ông Nguyễn Văn A")
    document.add_paragraph("Xin mời ông đến dự cuộc họp vào ngày 12/4/2024.")
    document.save(str(path))
    return path


def _workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "STT"
    book.save(str(path))
    return path


def _with_entities(path: Path) -> Path:
    """A real Word file whose body is a billion-laughs entity bomb."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    parts["word/document.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">' + laughs + ']>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>').encode()
    return _zip(path, parts)


def _ole(path: Path, stream: str) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + stream.encode("utf-16-le") + b"\0" * 512)
    return path


HOSTILE = {
    "letter": (_letter, "không phải báo cáo: không có phần I, II … của báo cáo và không có "
                        "biểu số liệu"),
    "empty": (lambda p: (p.write_bytes(b""), p)[1], "tệp rỗng, không phải báo cáo Word"),
    "text": (lambda p: (p.write_text("Báo cáo quý I"), p)[1], "không phải tệp Word (.docx)"),
    "spreadsheet": (_workbook, "tệp là bảng tính Excel đổi tên thành .docx, không phải báo "
                               "cáo Word"),
    "password": (lambda p: _ole(p, "EncryptionInfo"), "tệp Word có mật khẩu; mở tệp trong "
                 "Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi lưu lại"),
    "zip-bomb": (lambda p: _zip(p, {"word/document.xml": b"<" + b" " * 60_000_000}),
                 "tệp giải nén quá lớn (quá 50 MB hoặc quá 1000 thành phần)"),
    "macros": (lambda p: _zip(p, {"word/document.xml": b"<w/>",
                                  "word/vbaProject.bin": b"\0"}),
               "tệp có macro, không đọc; lưu lại trong Word dưới dạng .docx (không có macro)"),
    "entities": (lambda p: _with_entities(_letter(p)), "không đọc được tệp Word"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_file_that_is_not_a_report_is_one_line(name: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    make, message = HOSTILE[name]
    url, store = _store(tmp_path)
    path = make(tmp_path / "bao-cao.docx")
    assert main(["--db", url, "report", "import-word", str(path), "--unit",
                 "xa-cam-giang", "--period", "2024-Q1"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"{path}: {message}" in err
    assert store.find("xa-cam-giang", Period.parse("2024-Q1")) is None


def test_a_doc_without_libreoffice_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", "")  # a machine without LibreOffice
    url = _store(tmp_path)[0]
    path = _ole(tmp_path / "bao-cao.doc", "WordDocument")
    assert main(["--db", url, "report", "import-word", str(path), "--unit",
                 "xa-cam-giang"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"Lỗi: {path}: tệp Word 97–2003 (.doc) cần LibreOffice để đọc nhưng máy chưa cài; mở "
        "tệp trong Word và lưu lại dưới dạng .docx")


# A second province's form (issue 14's Sóc Trăng-like "Phụ lục 2, Bảng 2"): Roman groups,
# the files first, one heading row "TT | Nội dung | Kết quả | ĐVT | Ghi chú", letters as STT.
SOC_TRANG = [
    ["I", "GIẢI QUYẾT HỒ SƠ", "", "", ""],
    ["a", "Hồ sơ tiếp nhận trong kỳ", "142", "Hồ sơ", "Cả trực tuyến"],
    ["b", "Tỷ lệ đúng hạn", "99,28", "%", "Theo phần mềm"],
    ["II", "CHỈ ĐẠO, ĐIỀU HÀNH", "", "", ""],
    ["a", "Văn bản chỉ đạo", "2", "VB", ""],
    ["b", "Nhiệm vụ đã hoàn thành", "3", "Nhiệm vụ", ""],
]


def test_a_provinces_own_form_read_with_its_pack(tmp_path: Path) -> None:
    from test_appendix_layout import FORM, Q1, _pack_with

    pack = load_pack(_pack_with(tmp_path, FORM))
    report = load_report(Q1, pack.catalogue)
    path = render_to_file(report, tmp_path / "soc-trang.docx", pack=pack)
    read = read_word_report(path, report.unit, pack=pack)
    assert read.report.figures == {"files_received": 142, "directive_docs": 2,
                                   "plan_tasks_done": 3}
    assert read.report.rates == {"files_on_time_rate": Decimal("99.28")}
    assert read.review == []


def test_a_provinces_own_form_by_hand_with_the_builtin_pack(tmp_path: Path) -> None:
    """The built-in pack knows "Hồ sơ tiếp nhận trong kỳ" as a synonym (catalogue.toml); a
    row nearly like an indicator's label is taken and listed, the others listed."""
    from word_files import hand_made_report

    path = hand_made_report(tmp_path / "st.docx", SOC_TRANG, two_row_heading=False,
                            groups=[0, 3])
    read = read_word_report(path, CAM_GIANG)
    assert read.report.figures == {"files_received": 142, "plan_tasks_done": 3}
    assert read.review == [
        "b Tỷ lệ đúng hạn: không khớp với chỉ tiêu nào của biểu, số liệu «99,28» chưa được "
        "nhập",
        "a Văn bản chỉ đạo: không khớp với chỉ tiêu nào của biểu, số liệu «2» chưa được nhập",
        "b Nhiệm vụ đã hoàn thành: khớp gần đúng với chỉ tiêu «Số nhiệm vụ đã hoàn thành», "
        "cần xác nhận",
    ]


def _reference(name: str, toml: str, tmp_path: Path) -> tuple[Report, WordReport]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from word_file import from_reference_text

    expected = load_report(REFERENCE / f"{toml}.toml")
    text = (REFERENCE / f"{name}.txt").read_text(encoding="utf-8")
    path = from_reference_text(text, tmp_path / f"{name}.docx")
    return expected, read_word_report(path, expected.unit)


def test_cam_giang_quarter_one_as_its_clerk_typed_it(tmp_path: Path) -> None:
    expected, read = _reference("xa-cam-giang-quy-I-2024", "xa-cam-giang-2024-Q1", tmp_path)
    report = read.report
    assert report.period == expected.period
    # Every figure of its appendix, as the appendix gives it; the staff are 18 there where
    # the text says 20 (the data file follows the text).
    assert report.figures == {
        **{key: expected.figures[key] for key in (
            "directive_docs", "plan_tasks", "plan_tasks_done", "dialogue_held",
            "legal_docs_issued", "legal_docs_checked", "legal_check_to_handle",
            "legal_check_handled", "legal_docs_reviewed", "legal_review_to_handle",
            "legal_review_handled", "procedures_simplified", "procedures_new",
            "procedures_abolished", "procedures_total", "procedures_same_level",
            "procedures_between_levels", "procedures_location_free", "files_solved",
            "files_on_time", "pakn_received", "pakn_resolved", "officials_disciplined",
            "civil_servants_disciplined", "dvc_partial_provided", "dvc_full_provided",
            "files_online", "files_in_person")},
        "civil_servants_quota": 18, "civil_servants_present": 18, "civil_servants_placed": 18,
        "staff_quota": 18, "staff_present": 18, "staff_reduced": 0, "staff_qualified": 16,
        "staff_rated_good": 18, "dvc_partial_eligible": 13, "dvc_partial_with_files": 3,
        "dvc_full_eligible": 62, "dvc_full_with_files": 5,
    }
    assert (report.data_from, report.data_to) == (expected.data_from, expected.data_to)
    assert report.rates == {"commune_files_on_time_rate": Decimal("100"),
                            "e_docs_rate": Decimal("90.4"), "e_docs_parallel_rate": Decimal("9.6")}
    assert read.review == [
        "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy: khớp "
        "gần đúng với chỉ tiêu «Tỷ lệ văn bản được gửi dưới dạng điện tử và song song với văn "
        "bản giấy», cần xác nhận",
        "Số hồ sơ TTHC tiếp nhận trực tiếp, qua bưu chính công ích: không có dòng trong biểu, "
        "đã tính từ «Tổng số hồ sơ TTHC tiếp nhận mới trong kỳ (trực tuyến, trực tiếp, qua bưu "
        "chính công ích)» là 22",
        # The reference's own mistake (7 of 29 online), caught.
        "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến: tệp ghi 93,3% nhưng tính từ số liệu là "
        "24,14%",
    ]
    assert report.basis == expected.basis
    documents = {doc.full_number: doc for doc in report.documents}
    for doc in expected.documents:
        assert _section(documents[doc.full_number].section) == _section(doc.section)
    # 04/KH-UBND is cited twice with two subjects; the first citation is kept.
    assert documents["04/KH-UBND"].subject == "về tuyên truyền, phổ biến pháp luật trong " \
        "lĩnh vực lâm nghiệp"
    assert documents["17/KH-UBND"].subject == expected.documents[0].subject
    assert documents["76/NQ-CP"].issuer == "Chính phủ"
    assert _same_text(report.items("shortcomings")) == _same_text(expected.items("shortcomings"))
    assert _same_text(report.items("tasks")) == _same_text(expected.items("tasks"))
    assert report.recipients == expected.recipients


def test_ha_trung_year_lists_and_basis(tmp_path: Path) -> None:
    """Headings in bold only, items as plain paragraphs under III's headings."""
    expected, read = _reference("thi-tran-ha-trung-nam-2023", "thi-tran-ha-trung-2023",
                                tmp_path)
    report = read.report
    assert report.period == expected.period
    assert report.recipient == "Ủy ban nhân dân huyện Hà Trung."
    assert [doc.full_number for doc in report.basis] == ["3687/UBND-NV"]
    for name in ("strengths", "shortcomings", "causes", "tasks", "proposals"):
        assert _same_text(report.items(name)) == _same_text(expected.items(name)), name
    assert report.recipients == expected.recipients
    assert read.review == []


def test_bach_thong_district_year(tmp_path: Path) -> None:
    """A district's appendix of 2023 (levels 3 and 4 of online services, rows counting the
    communes' files beside the district's): what it could not place is listed."""
    expected, read = _reference("huyen-bach-thong-nam-2023", "huyen-bach-thong-2023",
                                tmp_path)
    report = read.report
    assert report.period == expected.period
    assert report.basis == expected.basis
    for key in ("plan_tasks", "plan_tasks_done", "procedures_total", "dvc_partial_provided",
                "dvc_full_provided", "investment_plan", "investment_disbursed"):
        assert report.figures[key] == expected.figures[key], key
    assert report.figures["dvc_full_eligible"] == 212  # "mức độ 4", a synonym
    assert report.figures["dvc_partial_eligible"] == 52  # "mức độ 3"
    assert "Tổng số hồ sơ TTHC đã giải quyết xong: ghi 6635, khác số đã đọc ở dòng trước " \
           "(941), giữ số đầu tiên" in read.review
    assert "5.1.2 Số viên chức sự nghiệp đúng vị trí việc làm đã được phê duyệt: không đọc " \
           "được số liệu «99,84%»" in read.review
    assert _same_text(report.items("tasks")) == _same_text(expected.items("tasks"))
