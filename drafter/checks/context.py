"""What every check reads: the report, its derived figures, the previous period, the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from drafter.checks.problems import Problem, Severity
from drafter.domain.catalogue import Catalogue
from drafter.domain.check_rules import CheckRules
from drafter.domain.figures import Figures
from drafter.domain.report import Report, Value
from drafter.domain.units import superior_kind
from drafter.narrative.assessment import Assessment, Evidence, assess
from drafter.packs.load import TemplatePack
from drafter.vi.numbers import format_number
from drafter.vi.periods import previous_name
from drafter.vi.text import lower_first


@dataclass
class CheckContext:
    report: Report
    catalogue: Catalogue
    rules: CheckRules
    today: dt.date
    previous: Report | None = None
    pack: TemplatePack | None = None
    earlier: Report | None = None

    def __post_init__(self) -> None:
        self.figures = Figures.of(self.catalogue, self.report)
        self.previous_figures = (
            Figures.of(self.catalogue, self.previous) if self.previous else None
        )
        layout = self.catalogue.layout(self.report.unit.tier)
        self.stt = {row.key: row.stt for row in layout.rows if row.key and row.stt}

    def assessment(self) -> Assessment:
        """The strengths and shortcomings the pack's evidence rules find in the figures."""
        if self.pack is None:
            return Assessment((), ())
        previous = self.previous
        evidence = Evidence(self.figures, self.report.period, self.report.unit.tier,
                            self.previous_figures,
                            self.previous_period_name() if previous else "",
                            superior_kind=superior_kind(self.report.unit,
                                                        self.report.period.start))
        return assess(self.pack.assessment, evidence, self.report.shortcoming_causes,
                      self.pack.leading_zero, self.pack.band)

    def number(self, key: str) -> Decimal | None:
        """The entered or derived value of ``key`` when it is a number, else ``None``."""
        return as_number(self.figures.value(key))

    def label(self, key: str) -> str:
        """The indicator's label for use inside a sentence."""
        return lower_first(self.catalogue[key].label)

    def previous_period_name(self, other: Report | None = None) -> str:
        """How ``other`` (default: the previous period) is named beside this report."""
        other = other or self.previous
        assert other is not None
        return previous_name(self.report.period, other.period)

    def problem(self, severity: Severity, rule: str, keys: tuple[str, ...],
                **values: object) -> Problem:
        """A problem whose message is the pack's wording for ``rule``."""
        first = keys[0] if keys else ""
        indicator = self.catalogue.indicators.get(first)
        return Problem(
            severity=severity,
            rule=rule,
            message=self.rules.message(rule, **values),
            keys=keys,
            stt=self.stt.get(first, ""),
            label=indicator.label if indicator else "",
        )


def as_number(value: Value | None) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


def show(value: Decimal | int) -> str:
    """A figure inside a message: ``1.234``, ``65,79`` (no leading zero); a rate keeps the
    extra decimals it was given (``99,9999``)."""
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return format_number(value, places)
