import datetime as dt
from decimal import Decimal

import pytest

from drafter.vi.dates import date_line, date_range, parse_date, short_date
from drafter.vi.rates import Rate, format_percent, format_rate, format_ratio


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [(29, 29, "100%"), (75, 114, "65,79%"), (2, 33, "6,06%"), (13, 14, "92,86%"),
     (1, 3, "33,33%"), (2, 3, "66,67%"), (0, 5, "0%"), (1, 8, "12,5%"), (7, 29, "24,14%")],
)
def test_rates_from_counts(num: int, den: int, expected: str) -> None:
    assert format_rate(Rate(num, den)) == expected


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [(1_233_999, 1_234_000, "99,9999%"), (999, 1000, "99,9%"), (99_999, 100_000, "99,999%"),
     (19_999, 20_000, "99,995%"), (1, 1_234_000, "0,0001%"), (1, 100_000, "0,001%"),
     (1, 20_001, "0,005%"), (1, 200, "0,5%"), (100_001, 100_000, "100,001%"),
     (10**12 - 1, 10**12, "99,9999999999%"), (5, 5, "100%"), (0, 7, "0%")],
)
def test_a_rate_is_never_rounded_to_a_whole_share_it_is_not(num: int, den: int,
                                                            expected: str) -> None:
    rate = Rate(num, den)
    assert format_rate(rate) == expected
    assert rate.is_full == (num == den) and rate.is_none == (num == 0)
    assert (rate.value == 100) == (num == den) and (rate.value == 0) == (num == 0)


def test_counts_decide_the_wording_not_the_rounded_value() -> None:
    assert not Rate(1_233_999, 1_234_000).is_full and Rate(1_233_999, 1_234_000).remaining == 1
    assert not Rate(0, 0).is_full and not Rate(0, 0).is_none and Rate(0, 0).remaining == 0
    assert Rate(0, 3).is_none and Rate(0, 3).remaining == 3


def test_zero_over_zero_is_worded_not_nan() -> None:
    rate = Rate(0, 0)
    assert rate.value is None
    assert not rate.defined
    assert format_rate(rate) == "chưa phát sinh"
    assert format_rate(rate, "không phát sinh") == "không phát sinh"


def test_ratio_uses_narrative_counts() -> None:
    assert format_ratio(Rate(7, 29)) == "07/29"
    assert format_ratio(Rate(29, 29)) == "29/29"
    assert format_percent(Decimal("65.79")) == "65,79%"


@pytest.mark.parametrize(
    ("day", "line", "short"),
    [
        (dt.date(2024, 2, 8), "ngày 08 tháng 02 năm 2024", "08/02/2024"),
        (dt.date(2024, 5, 7), "ngày 07 tháng 5 năm 2024", "07/5/2024"),
        (dt.date(2021, 7, 15), "ngày 15 tháng 7 năm 2021", "15/7/2021"),
        (dt.date(2024, 1, 1), "ngày 01 tháng 01 năm 2024", "01/01/2024"),
        (dt.date(2024, 1, 2), "ngày 02 tháng 01 năm 2024", "02/01/2024"),
        (dt.date(2024, 1, 10), "ngày 10 tháng 01 năm 2024", "10/01/2024"),
        (dt.date(2024, 2, 12), "ngày 12 tháng 02 năm 2024", "12/02/2024"),
        (dt.date(2024, 3, 1), "ngày 01 tháng 3 năm 2024", "01/3/2024"),
        (dt.date(2024, 3, 11), "ngày 11 tháng 3 năm 2024", "11/3/2024"),
        (dt.date(2024, 12, 2), "ngày 02 tháng 12 năm 2024", "02/12/2024"),
        (dt.date(2024, 12, 31), "ngày 31 tháng 12 năm 2024", "31/12/2024"),
    ],
)
def test_dates(day: dt.date, line: str, short: str) -> None:
    assert date_line(day) == line
    assert short_date(day) == short


def test_date_range() -> None:
    text = date_range(dt.date(2023, 11, 25), dt.date(2024, 2, 24))
    assert text == "từ ngày 25/11/2023 đến ngày 24/02/2024"


@pytest.mark.parametrize("text", ["31/11/2022", "30/02/2024", "2023-13-01", "hôm qua", "16/3/2",
                                  "16/3/202", "0202-03-16"])
def test_impossible_dates_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="ngày không hợp lệ"):
        parse_date(text)


def test_parse_date_forms() -> None:
    assert parse_date("06/02/2024") == dt.date(2024, 2, 6)
    assert parse_date("2024-02-29") == dt.date(2024, 2, 29)


def test_next_period_names() -> None:
    from drafter.domain.periods import Period
    from drafter.vi.periods import next_period_name

    assert [next_period_name(Period.parse(code)) for code in
            ("2024-Q1", "2024-Q3", "2024-Q4", "2024-H1", "2024-9M", "2024")] == [
        "quý II năm 2024", "quý IV năm 2024", "quý I năm 2025", "6 tháng cuối năm 2024",
        "quý IV năm 2024", "năm 2025"]
