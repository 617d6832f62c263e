"""Where the units of a roll-up stand on the pack's key rates (``[[standings]]`` of
``rules.toml``): each unit's own rate from its own counts, the highest and the lowest, and
those below the province's target — what an aggregating report says by name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from drafter.domain.figures import Figures
from drafter.domain.standings import StandingRule
from drafter.domain.units import Unit
from drafter.vi.rates import Rate


@dataclass(frozen=True)
class Entry:
    """One unit on one rate: ``name`` as running text names it (``xã Bản Máy``)."""

    name: str
    rate: Rate


@dataclass(frozen=True)
class Standing:
    """The units whose rate is defined (0/0 is not a result), highest first; ``target`` the
    province's target in % (``None``: none set)."""

    key: str
    target: Decimal | None
    entries: tuple[Entry, ...]
    label: str = ""  # the rate's label, as running text names it

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def best(self) -> tuple[Entry, ...]:
        """Every unit sharing the highest rate (the counts decide, never a rounded value)."""
        return tuple(e for e in self.entries if _share(e.rate) == _share(self.entries[0].rate))

    @property
    def worst(self) -> tuple[Entry, ...]:
        """Every unit sharing the lowest rate, lowest first as listed."""
        lowest = _share(self.entries[-1].rate)
        return tuple(e for e in self.entries if _share(e.rate) == lowest)

    @property
    def spread(self) -> bool:
        """Whether the units differ at all (else there is no highest and lowest to name)."""
        return _share(self.entries[0].rate) != _share(self.entries[-1].rate)

    @property
    def below(self) -> tuple[Entry, ...]:
        """The units below the target, lowest first (equal ones in the units' order)."""
        if self.target is None:
            return ()
        target = Fraction(self.target) / 100
        under = [e for e in self.entries if _share(e.rate) < target]
        return tuple(sorted(under, key=lambda e: _share(e.rate)))

    @property
    def full(self) -> tuple[Entry, ...]:
        """The units at 100% (every one of them)."""
        return tuple(e for e in self.entries if e.rate.is_full)


def _share(rate: Rate) -> Fraction:
    return Fraction(rate.numerator) / Fraction(rate.denominator)


def standing(rule: StandingRule, units: Iterable[tuple[Unit, Figures | None]],
             label: str = "") -> Standing | None:
    """``units`` (each with its figures, ``None`` for a report not received) on ``rule``'s
    rate; ``None`` when no unit has that rate defined."""
    entries = []
    for unit, figures in units:
        rate = figures.rate(rule.key) if figures is not None else None
        if rate is not None and rate.defined:
            entries.append(Entry(unit.label, rate))
    if not entries:
        return None
    entries.sort(key=lambda e: -_share(e.rate))  # stable: ties keep the units' order
    return Standing(rule.key, rule.target, tuple(entries), label)
