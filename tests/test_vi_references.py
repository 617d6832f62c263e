"""The language layer's reference parser: references as reports write them, read back into
kind, number, year, symbol, date, issuer and subject (the inverse of format_reference)."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.domain.documents import DocRef
from drafter.vi.references import format_reference, parse_references
from drafter.vi.text import label_key

D = dt.date


@pytest.mark.parametrize(("text", "expected"), [
    ("Thực hiện Văn bản số 294/UBND-NV ngày 08 tháng 02 năm 2024 của UBND huyện Bạch Thông "
     "về việc hướng dẫn báo cáo. Ủy ban nhân dân xã báo cáo",
     [("Văn bản", "294", None, "UBND-NV", D(2024, 2, 8), "UBND huyện Bạch Thông",
       "về việc hướng dẫn báo cáo")]),
    ("ban hành Kế hoạch số 04/KH – UBND ngày 17/01/2024 về tuyên truyền pháp luật và Kế "
     "hoạch số 19/KH-UBND ngày 21/02/2024 về phổ biến pháp luật; hòa giải ở cơ sở.",
     [("Kế hoạch", "04", None, "KH-UBND", D(2024, 1, 17), "", "về tuyên truyền pháp luật"),
      ("Kế hoạch", "19", None, "KH-UBND", D(2024, 2, 21), "",
       "về phổ biến pháp luật; hòa giải ở cơ sở")]),
    ("tại Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ; đội ngũ",
     [("Nghị định", "33", 2023, "NĐ-CP", D(2023, 6, 10), "Chính phủ", "")]),
    ("Thực hiện Văn bản số 294/UBND-NV ngày 08/02/2024 của Ủy ban nhân dân (UBND) huyện "
     "Bạch Thông về việc hướng dẫn, UBND xã Cẩm Giàng báo cáo",
     [("Văn bản", "294", None, "UBND-NV", D(2024, 2, 8), "UBND huyện Bạch Thông",
       "về việc hướng dẫn")]),
    ("Quyết định số 1814 /QĐ-UBND ngày 30/9/2021 của UBND tỉnh Bắc Kạn về ban hành Chương "
     "trình, UBND xã có 114 TTHC",
     [("Quyết định", "1814", None, "QĐ-UBND", D(2021, 9, 30), "UBND tỉnh Bắc Kạn",
       "về ban hành Chương trình")]),
    ("Công văn số 1885/SNV-TCBC&CCHC ngày 09/11/2023 của Sở Nội vụ tỉnh Bắc Kạn về việc thực"
     " hiện báo cáo công tác cải cách hành chính (CCHC) năm 2023.",
     [("Công văn", "1885", None, "SNV-TCBC&CCHC", D(2023, 11, 9), "Sở Nội vụ tỉnh Bắc Kạn",
       "về việc thực hiện báo cáo công tác cải cách hành chính (CCHC) năm 2023")]),
    ("Nghị định số 130/2005/NĐ-CP của Chính phủ (no date: not a reference a report cites)", []),
    ("ngày 31/11/2024 Kế hoạch số 5/KH-UBND ngày 31/11/2024 về việc", []),
])
def test_references_in_running_text(text: str, expected: list[tuple[object, ...]]) -> None:
    found = [(d.kind, d.number, d.year, d.symbol, d.date, d.issuer, d.subject)
             for d in parse_references(text)]
    assert found == expected


def test_a_formatted_reference_reads_back() -> None:
    doc = DocRef("Quyết định", "15", D(2024, 1, 29), "UBND xã Cẩm Giàng",
                 "về việc ban hành Quy chế chi tiêu nội bộ", symbol="QĐ-UBND")
    assert parse_references(format_reference(doc) + ".") == [doc]


def test_label_keys_ignore_what_forms_write_differently() -> None:
    abbreviations = {"VBQPPL": "văn bản quy phạm pháp luật", "TTHC": "thủ tục hành chính"}
    assert label_key("Số văn bản quy phạm pháp luật đã kiểm tra.", abbreviations) == \
        label_key("số VBQPPL  đã kiểm tra", abbreviations) == "so vbqppl da kiem tra"
    assert label_key("Tỷ lệ hồ sơ TTHC (%)", parentheses=False) == "ty le ho so tthc"
    assert label_key("thủ tục hành chính (TTHC)", abbreviations) == "tthc"
