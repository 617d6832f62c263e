from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.vi.money import format_money, format_trieu, format_ty
from drafter.vi.numbers import format_count, format_number, parse_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"), (1, "1"), (9, "9"), (10, "10"), (999, "999"), (1000, "1.000"),
        (1_000_000, "1.000.000"), (1_234_567, "1.234.567"), (Decimal("58.73"), "58,73"),
        (Decimal("0.5"), "0,5"), (Decimal("99.81"), "99,81"), (Decimal("4747"), "4.747"),
        (Decimal("65.789"), "65,79"), (Decimal("0.125"), "0,13"), (Decimal("2.50"), "2,5"),
        (Decimal("-0.001"), "0"), (Decimal("1234.5"), "1.234,5"),
    ],
)
def test_format_number(value: Decimal, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "leading", "expected"),
    [(0, True, "0"), (1, True, "01"), (2, True, "02"), (9, True, "09"), (10, True, "10"),
     (999, True, "999"), (1000, True, "1.000"), (7, False, "7")],
)
def test_format_count(value: int, leading: bool, expected: str) -> None:
    assert format_count(value, leading) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.234.567", Decimal(1234567)), ("58,73", Decimal("58.73")), ("65,79%", Decimal("65.79")),
     ("12", Decimal(12)), ("0,5", Decimal("0.5")), (" 1.000 ", Decimal(1000))],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["4,747.5", "99.81", "1,234,567", "abc", "", "1.23.4"])
def test_parse_number_rejects_english_and_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(value: int) -> None:
    assert parse_number(format_number(value)) == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_two_place_decimals_round_trip(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [(15684, "15.684 triệu đồng"), (Decimal("612.5"), "612,5 triệu đồng")],
)
def test_trieu(value: Decimal, expected: str) -> None:
    assert format_trieu(value) == expected


def test_ty_converts_from_trieu_to_the_trieu() -> None:
    """121.737 triệu đồng is 121,737 tỷ đồng, never rounded to 121,74 (a reviewer's finding):
    every triệu is kept, trailing zeros dropped."""
    assert format_ty(25160) == "25,16 tỷ đồng"
    assert format_ty(55036) == "55,036 tỷ đồng"
    assert format_ty(4_960_000) == "4.960 tỷ đồng"
    assert format_ty(Decimal("1745.4")) == "1,745 tỷ đồng"


def test_money_never_mixes_units_in_one_phrase() -> None:
    assert format_money(47215, 100_000) == "47.215 triệu đồng"
    assert format_money(47215, 100_000, 121737) == "47,215 tỷ đồng"
    assert format_money(121737, 100_000, 47215) == "121,737 tỷ đồng"


def test_money_at_a_provinces_scale_in_ty_dong() -> None:
    """The default threshold (1.000 tỷ đồng): a province's budget in tỷ đồng, a district's
    in triệu đồng as the reference writes it."""
    assert format_money(4_960_000, 1_000_000, 21_500_000) == "4.960 tỷ đồng"
    assert format_money(4_960_000) == "4.960 tỷ đồng"
    assert format_money(84014) == "84.014 triệu đồng"
