"""The figures of a data file: ``[figures]`` (the counts and values entered), ``[stated]``
(rates as a paper report printed them, kept to compare) and ``[rates]`` (given where the
counts are unknown), each key checked against the catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from drafter.datafile import fields
from drafter.datafile.reader import Reader
from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType
from drafter.domain.report import Value


def read_figures(reader: Reader, data: dict[str, Any], catalogue: Catalogue) -> dict[str, Value]:
    """The figures entered, by their current key."""
    figures = {}
    for raw_key, value in reader.table(data.get("figures", {}), "figures").items():
        key = catalogue.canonical(raw_key)
        if key not in catalogue:
            raise reader.fail(f"figures.{key}", "chỉ tiêu không có trong danh mục")
        try:
            figures[key] = fields.figure(catalogue[key], value)
        except ValueError as exc:
            raise reader.fail(f"figures.{key}", str(exc)) from None
    return figures


def read_stated(reader: Reader, data: dict[str, Any], catalogue: Catalogue
                ) -> dict[str, Decimal]:
    """The values a paper report printed, by their current key."""
    stated = {}
    for raw_key, value in reader.table(data.get("stated", {}), "stated").items():
        key = catalogue.canonical(raw_key)
        if key not in catalogue:
            raise reader.fail(f"stated.{key}", "chỉ tiêu không có trong danh mục")
        try:
            stated[key] = fields.stated(value, catalogue[key])
        except ValueError as exc:
            raise reader.fail(f"stated.{key}", str(exc)) from None
    return stated


def read_rates(reader: Reader, data: dict[str, Any], catalogue: Catalogue,
           figures: Mapping[str, object]) -> dict[str, Decimal]:
    """Rates given as a percentage where their counts are unknown; never beside the counts."""
    rates = {}
    for raw_key, value in reader.table(data.get("rates", {}), "rates").items():
        key = catalogue.canonical(raw_key)
        if key not in catalogue or catalogue[key].type is not ValueType.RATE:
            raise reader.fail(f"rates.{raw_key}", "không phải tỷ lệ trong danh mục")
        indicator = catalogue[key]
        if indicator.numerator in figures and indicator.denominator in figures:
            raise reader.fail(f"rates.{key}", f"đã có {indicator.numerator} và "
                              f"{indicator.denominator}: tỷ lệ được tính từ hai số đó")
        try:
            rates[key] = fields.given_rate(value, indicator)
        except ValueError as exc:
            raise reader.fail(f"rates.{key}", str(exc)) from None
    return rates
