"""Word files as provinces make them by hand, built with python-docx: the header written as
paragraphs, soft line breaks, tabs and non-breaking spaces, manual numbering, an appendix of
the province's own form (merged cells, two heading rows, numbers written every way)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.table import Table

Row = Sequence[str]


def _table(document: docx.document.Document, rows: Sequence[Row]) -> Table:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def merge_group_rows(table: Table, groups: Sequence[int]) -> None:
    """A group row's label merged over the columns to its right, as Word users do."""
    for r in groups:
        row = table.rows[r]
        row.cells[1].merge(row.cells[len(row.cells) - 1])


def hand_made_report(path: Path, appendix: Sequence[Row], *, two_row_heading: bool = True,
                     groups: Sequence[int] = ()) -> Path:
    """Xã Cẩm Giàng's quarter I, written in Word by hand (not by drafter)."""
    document = docx.Document()
    for line in ("UBND HUYỆN BẠCH THÔNG", "ỦY BAN NHÂN DÂN XÃ CẨM GIÀNG", "Số: 21/BC-UBND",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Cẩm Giàng, ngày 26 tháng 3 năm 2024"):
        document.add_paragraph(line)
    title = document.add_paragraph("BÁO CÁO")
    title.add_run().add_break()
    title.add_run("Kết quả thực hiện công tác cải cách hành chính Quý I năm 2024")
    document.add_paragraph("Kính gửi: Ủy ban nhân dân huyện Bạch Thông.")
    document.add_paragraph(
        "Thực hiện Văn bản số 294/UBND-NV ngày 08 tháng 02 năm 2024 của UBND huyện Bạch "
        "Thông về việc hướng dẫn thực hiện báo cáo công tác cải cách hành chính (CCHC) định "
        "kỳ; Kế hoạch số 05/KH-UBND ngày 10/01/2024 của UBND huyện Bạch Thông về triển khai "
        "công tác CCHC năm 2024, Ủy ban nhân dân xã Cẩm Giàng báo cáo kết quả như sau:")
    for text in (
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH (CCHC)",
        "1. Công tác chỉ đạo, điều hành",
        "UBND xã đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2024 về\u00a0cải cách hành "
        "chính năm 2024 trên địa bàn xã.",
        "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC",
        "1. Cải cách thể chế",
        "-\tTheo dõi tình hình thi hành pháp luật: UBND xã đã ban hành Kế hoạch số 17/KH – "
        "UBND ngày 06/02/2024 về theo dõi tình hình thi hành pháp luật năm 2024.",
        "2. Cải cách thủ tục hành chính (TTHC)",
        "Theo Quyết định số 1414/QĐ-UBND ngày 04/8/2023 của UBND tỉnh phê duyệt danh mục "
        "dịch vụ công trực tuyến, UBND xã có 114 TTHC.",
        "III. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "- Công tác chỉ đạo được triển khai quyết liệt trên tất cả các lĩnh vực.",
        "2. Tồn tại, hạn chế",
        "- Tỷ lệ hồ sơ tiếp nhận trực tuyến còn thấp;",
        "- Kinh phí dành cho công tác CCHC còn hạn chế.",
        "3. Nguyên nhân",
        "- Người dân chưa quen nộp hồ sơ trực tuyến.",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2024",
        "1. Tiếp tục triển khai Kế hoạch CCHC năm 2024 của xã.",
        "2. Tăng cường tuyên truyền, hỗ trợ người dân sử dụng dịch vụ công trực tuyến.",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        "Không có.",
        "Trên đây là báo cáo kết quả thực hiện công tác CCHC quý I năm 2024 của UBND xã.",
    ):
        document.add_paragraph(text)
    _table(document, [["Nơi nhận:\n- Phòng Nội vụ huyện;\n- TT Đảng ủy, HĐND xã;\n- Lưu: VT.",
                       "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nVũ Văn Thành"]])
    document.add_paragraph("BIỂU THỐNG KÊ SỐ LIỆU CCHC QUÝ I NĂM 2024")
    if two_row_heading:
        heading: list[Row] = [["STT", "Nội dung chỉ tiêu", "Kết quả thống kê", "", "Ghi chú"],
                              ["", "", "Số liệu", "Đơn vị tính", ""]]
    else:
        heading = [["TT", "Nội dung", "Kết quả", "ĐVT", "Ghi chú"]]
    table = _table(document, [*heading, *appendix])
    if two_row_heading:
        table.cell(0, 2).merge(table.cell(0, 3))
        for column in (0, 1, 4):
            table.cell(0, column).merge(table.cell(1, column))
    merge_group_rows(table, [len(heading) + g for g in groups])
    document.save(str(path))
    return path

