"""Derived figures: rates from their two counts and sums from their parts, computed once.

The narrative and the appendix both read from one :class:`Figures`, so they can never quote
different values.
"""

from __future__ import annotations

from decimal import Decimal

from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import Indicator, ValueType
from drafter.domain.report import Report, Value
from drafter.vi.rates import Rate


class UnknownIndicatorError(KeyError):
    """A template or caller asked for a key the catalogue does not have."""


class Figures:
    """Entered values plus everything derived from them.

    ``value(key)`` is ``None`` when a figure was not entered (the sentence needing it is left
    out); ``rate(key)`` is ``None`` when either count is missing, and a :class:`Rate` whose
    ``value`` is ``None`` when both counts are zero.
    """

    def __init__(self, catalogue: Catalogue, values: dict[str, Value],
                 given: dict[str, Decimal] | None = None) -> None:
        self.catalogue = catalogue
        self._values = values
        self._given = given or {}

    @classmethod
    def of(cls, catalogue: Catalogue, report: Report) -> Figures:
        """The figures of ``report``, with the rates it gives directly."""
        return cls(catalogue, report.figures, report.rates)

    def indicator(self, key: str) -> Indicator:
        try:
            return self.catalogue[self.catalogue.canonical(key)]
        except KeyError:
            raise UnknownIndicatorError(key) from None

    def value(self, key: str) -> Value | None:
        """The entered or summed value of ``key``; a rate's percentage as a ``Decimal`` (from
        its counts, else as given directly)."""
        indicator = self.indicator(key)
        if indicator.type is ValueType.RATE:
            rate = self.rate(key)
            return self.given(key) if rate is None else rate.value
        if indicator.type is ValueType.SUM:
            parts = [self.value(part) for part in indicator.parts]
            present = [p for p in parts if isinstance(p, int | Decimal) and not isinstance(p, bool)]
            if indicator.complete and len(present) < len(parts):
                return None
            return sum(present, 0) if present else None
        return self._values.get(indicator.key)

    def rate(self, key: str) -> Rate | None:
        indicator = self.indicator(key)
        if indicator.type is not ValueType.RATE:
            raise UnknownIndicatorError(f"{key} không phải là tỷ lệ")
        numerator = self.value(indicator.numerator)
        denominator = self.value(indicator.denominator)
        if not _is_number(numerator) or not _is_number(denominator):
            return None
        assert isinstance(numerator, int | Decimal) and isinstance(denominator, int | Decimal)
        return Rate(numerator, denominator)

    def given(self, key: str) -> Decimal | None:
        """A rate entered directly, when its counts are not both known (counts win)."""
        indicator = self.indicator(key)
        if indicator.type is not ValueType.RATE or self.rate(key) is not None:
            return None
        return self._given.get(indicator.key)

    def entered(self) -> dict[str, Value]:
        return dict(self._values)


def _is_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)
