import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from vi_syllables import base_letters, is_well_placed, parse

from drafter.domain.documents import DocRef
from drafter.domain.periods import Period
from drafter.domain.units import unit_code
from drafter.vi.names import Abbreviations
from drafter.vi.periods import period_list, period_name, previous_name
from drafter.vi.references import format_reference
from drafter.vi.text import (
    clean,
    join_vi,
    normalize_tones,
    roman,
    sentence_case,
    sort_key,
    upper,
    without_marks,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("hoà", "hòa"), ("Uỷ ban", "Ủy ban"), ("thuỷ lợi", "thủy lợi"), ("khoẻ", "khỏe"),
     ("hoá", "hóa"), ("quý", "quý"), ("hoàng", "hoàng"), ("khuyến", "khuyến"),
     ("UỶ BAN", "ỦY BAN"), ("hòa", "hòa"),
     # Only a plain vowel after o/u moves the mark: ă, â, ê keep theirs.
     ("hoặc", "hoặc"), ("ngoặc", "ngoặc"), ("ngoặt", "ngoặt"), ("HOẶC", "HOẶC"),
     ("khuyến", "khuyến"), ("thuyền", "thuyền"), ("khuỷu", "khuỷu"), ("ngoẻo", "ngoẻo"),
     ("xoáy", "xoáy"), ("hoạch", "hoạch"), ("toạ đàm", "tọa đàm"), ("thuở", "thuở"),
     ("quỳnh", "quỳnh"), ("quà", "quà"), ("giả", "giả"),
     # A mark stored on the o/u before a marked vowel goes back to it (migration 0005).
     ("họăc", "hoặc"), ("HỌĂC", "HOẶC"), ("thủơ", "thuở"), ("thụôc", "thuộc")],
)
def test_tone_style(raw: str, expected: str) -> None:
    assert normalize_tones(raw) == expected


WORDS = Path(__file__).parent / "data" / "vi-words" / "tesseract-vie.txt"


def _syllables() -> list[str]:
    """The entries of the shipped word list that are Vietnamese syllables (README there)."""
    entries = WORDS.read_text(encoding="utf-8").split()
    return [word for word in entries if parse(word) is not None]


def test_tone_marks_over_a_real_word_list() -> None:
    syllables = _syllables()
    assert len(syllables) > 5000
    assert {"hoặc", "ngoặc", "hoà", "hòa", "thuỷ", "thủy", "khoẻ", "Ủy"} <= set(syllables)
    wrong = []
    for word in syllables:
        styled = normalize_tones(word)
        if not (is_well_placed(styled) and base_letters(styled) == base_letters(word)
                and normalize_tones(styled) == styled
                and unicodedata.is_normalized("NFC", styled)):
            wrong.append(f"{word} → {styled}")
    assert not wrong, wrong[:20]


def test_the_syllable_model_can_fail() -> None:
    assert not is_well_placed("họăc") and not is_well_placed("thuỷ")
    assert is_well_placed("hoặc") and is_well_placed("thủy") and is_well_placed("quý")
    assert parse("duc") is None and parse("Theme") is None
    assert base_letters("họăc") == base_letters("hoắc") == "hoăc" != base_letters("hoạc")


def test_clean_hygiene() -> None:
    decomposed = unicodedata.normalize("NFD", "Uỷ ban  nhân dân ,xã\x07 Cẩm Giàng\n( mới )")
    assert clean(decomposed) == "Ủy ban nhân dân,xã Cẩm Giàng (mới)"
    assert unicodedata.is_normalized("NFC", clean(decomposed))


def test_upper_for_headers() -> None:
    assert upper("Ủy ban nhân dân xã Cẩm Giàng") == "ỦY BAN NHÂN DÂN XÃ CẨM GIÀNG"
    assert upper("đường") == "ĐƯỜNG"


@pytest.mark.parametrize(("items", "expected"), [
    ([], ""), (["a"], "a"), (["a", "b"], "a và b"), (["a", "b", "c"], "a, b và c")])
def test_join(items: list[str], expected: str) -> None:
    assert join_vi(items) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "I"), (4, "IV"), (5, "V"), (9, "IX"),
                                              (14, "XIV")])
def test_roman(n: int, expected: str) -> None:
    assert roman(n) == expected


def test_sentence_case() -> None:
    assert sentence_case("cải cách hành chính") == "Cải cách hành chính"
    assert sentence_case("ủy ban") == "Ủy ban"
    # A period's name after its digit keeps its small letter (the TUI titled "9 Tháng").
    assert sentence_case("9 tháng đầu năm 2026") == "9 tháng đầu năm 2026"
    assert sentence_case("(6 tháng đầu năm)") == "(6 tháng đầu năm)"
    assert sentence_case("- quý I") == "- Quý I"


@pytest.mark.parametrize(
    ("code", "name"),
    [("2024-Q1", "quý I năm 2024"), ("2024-Q4", "quý IV năm 2024"),
     ("2024-H1", "6 tháng đầu năm 2024"), ("2024-9M", "9 tháng đầu năm 2024"),
     ("2024", "năm 2024")],
)
def test_period_names(code: str, name: str) -> None:
    assert period_name(Period.parse(code)) == name


def test_comparison_period_names() -> None:
    q2 = Period.parse("2024-Q2")
    assert previous_name(q2, Period.parse("2024-Q1")) == "quý trước"
    assert previous_name(q2, Period.parse("2023-Q2")) == "cùng kỳ năm 2023"
    nine = Period.parse("2024-9M")
    assert previous_name(nine, Period.parse("2023-9M")) == "cùng kỳ năm 2023"
    # A whole year has no "same period": the annual report compares with "năm 2023".
    assert previous_name(Period.parse("2024"), Period.parse("2023")) == "năm 2023"


def test_period_lists() -> None:
    periods = [Period.parse(code) for code in ("2025-H1", "2025-Q3", "2025-Q4", "2026", "2026-Q1")]
    assert period_list(periods) == "6 tháng đầu, quý III, quý IV năm 2025, năm 2026, quý I năm 2026"
    assert period_list([Period.parse("2026-Q2")]) == "quý II năm 2026"
    assert Period.parse("2024-Q1").previous() == Period.parse("2023-Q4")


@pytest.mark.parametrize("code", ["2024-Q5", "2024-H2", "Q1", "24-Q1", ""])
def test_unknown_period(code: str) -> None:
    with pytest.raises(ValueError, match="kỳ báo cáo không hợp lệ"):
        Period.parse(code)


def test_period_ranges() -> None:
    q1 = Period.parse("2024-Q1")
    assert (q1.start, q1.end) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert Period.parse("2024-9M").end == dt.date(2024, 9, 30)


def test_references() -> None:
    names = Abbreviations({"UBND": "Ủy ban nhân dân"})
    plan = DocRef("Kế hoạch", "17", dt.date(2024, 2, 6), "UBND xã Cẩm Giàng", "về theo dõi")
    assert format_reference(plan, with_issuer=False) == (
        "Kế hoạch số 17/KH-UBND ngày 06/02/2024 về theo dõi")
    decree = DocRef("Nghị định", "30", dt.date(2020, 3, 5), "Chính phủ", year=2020)
    assert format_reference(decree) == "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ"
    decision = DocRef("Quyết định", "1414", dt.date(2023, 8, 4), "UBND tỉnh Bắc Kạn")
    assert format_reference(decision, names=names.apply) == (
        "Quyết định số 1414/QĐ-UBND ngày 04/8/2023 của Ủy ban nhân dân (UBND) tỉnh Bắc Kạn")
    assert format_reference(decision, names=names.apply).endswith("của UBND tỉnh Bắc Kạn")
    assert DocRef("Báo cáo", "1", dt.date(2024, 1, 1), "Trường THCS").derived_symbol() is None


def test_abbreviation_first_use_per_document() -> None:
    first = Abbreviations({"CCHC": "cải cách hành chính"})
    assert first.first("CCHC") == "cải cách hành chính (CCHC)"
    assert first.first("CCHC") == "CCHC"
    assert Abbreviations({"CCHC": "cải cách hành chính"}).first("CCHC").endswith("(CCHC)")


def test_without_marks_keeps_one_letter_per_letter() -> None:
    text = "Đến mục II.6 Xây dựng chính quyền số; Ủy ban, hòa, Thoát"
    folded = without_marks(text)
    assert folded == "Den muc II.6 Xay dung chinh quyen so; Uy ban, hoa, Thoat"
    assert len(folded) == len(text)
    assert without_marks("ăâêôơư ĂÂÊÔƠƯ") == "aaeoou AAEOOU"


@pytest.mark.parametrize(("kind", "name", "code"), [
    ("xã", "Cẩm Giàng", "xa-cam-giang"), ("thị trấn", "Hà Trung", "thi-tran-ha-trung"),
    ("huyện", "ĐÔNG SƠN", "huyen-dong-son"), ("phường", "Ngọc Hà 2", "phuong-ngoc-ha-2"),
    ("xã", "Quỳnh  Lưu (mới)", "xa-quynh-luu-moi"),
])
def test_unit_codes_are_the_name_without_marks(kind: str, name: str, code: str) -> None:
    # Codes are stored keys: the same name must always give the same code.
    assert unit_code(kind, name) == code


@pytest.mark.parametrize(("typed", "expected"), [
    ("Còn chậm.", "Còn chậm"), ("- Máy quét hỏng;", "Máy quét hỏng"), ("1. Kinh phí:", "Kinh phí"),
    ("Đã làm v.v.", "Đã làm v.v"), ("Như trên", "Như trên"), ("(xem Phụ lục)", "(xem Phụ lục)"),
])
def test_item_text_leaves_the_punctuation_to_the_template(typed: str, expected: str) -> None:
    from drafter.vi.text import item_text

    assert item_text(typed) == expected


def test_a_name_the_official_introduced_is_not_doubled() -> None:
    from drafter.packs.load import builtin_pack
    from drafter.vi.names import Abbreviations

    names = Abbreviations(builtin_pack().abbreviations)
    names.mark_introduced("CCHC")
    assert names.apply("công tác cải cách hành chính (CCHC) trên địa bàn") == \
        "công tác CCHC trên địa bàn"


@pytest.mark.parametrize("names", [
    ["Cao Minh", "Cẩm Giàng", "Chợ Đồn", "Chợ Mới", "Cường Lợi"],  # a < â < h < ư
    ["Dân Tiến", "Đại Phúc", "Đại Từ", "Điềm Thụy"],  # đ after d, as in a dictionary
    ["Bá Xuyên", "Bạch Thông", "Bắc Kạn", "Bằng Vân", "Bình Yên"],
    ["ma", "mà", "mả", "mã", "má", "mạ"],  # the tones, only where the letters are alike
    ["Vạn Phú", "Văn Lang", "Văn Lăng"],  # a (whatever its tone) before ă
])
def test_names_sort_as_a_vietnamese_reader_expects(names: list[str]) -> None:
    """Seen in the unit list: "Bình Yên" before "Bạch Thông", "Cường Lợi" before "Cẩm Giàng";
    and in the office's list (sorted without tone marks) "Đại Từ" before "Dân Tiến"."""
    assert sorted(reversed(names), key=sort_key) == names
