"""Money in triệu đồng (the unit figures are entered in) and tỷ đồng."""

from __future__ import annotations

from decimal import Decimal

from drafter.vi.numbers import Number, format_number, to_decimal


def format_trieu(value: Number) -> str:
    """``15684`` → ``15.684 triệu đồng``."""
    return f"{format_number(value, 2)} triệu đồng"


def format_ty(value_trieu: Number) -> str:
    """Convert from triệu, to the triệu (three decimals, trailing zeros dropped): ``25160`` →
    ``25,16 tỷ đồng``, ``121737`` → ``121,737 tỷ đồng`` (never rounded to ``121,74``),
    ``4960000`` → ``4.960 tỷ đồng``; less than a triệu is not written in tỷ."""
    return f"{format_number(to_decimal(value_trieu) / Decimal(1000), 3)} tỷ đồng"


def format_money(value_trieu: Number, threshold_ty: Number = 1_000_000, *related: Number) -> str:
    """Triệu đồng below ``threshold_ty`` triệu, tỷ đồng from it on.

    ``related`` amounts quoted in the same phrase ("đạt X/Y") decide the unit together, so a
    phrase never mixes triệu and tỷ.
    """
    largest = max(abs(to_decimal(v)) for v in (value_trieu, *related))
    if largest >= to_decimal(threshold_ty):
        return format_ty(value_trieu)
    return format_trieu(value_trieu)
