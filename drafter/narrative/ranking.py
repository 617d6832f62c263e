"""The ranking report: a unit's children's yearly CCHC index, ranked and classed, as a Document.

Scores print at the precision they were entered with — every score of a column with as many
decimals as the most precise one (3 in a province's tables) — so two different scores never
print alike and equal ones share a rank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from drafter.domain.ranking import Ranked, RankingRules
from drafter.domain.report import Report
from drafter.domain.structure import kinds_of
from drafter.domain.units import Unit
from drafter.narrative.blocks import Document
from drafter.narrative.engine import render_with
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.vi.numbers import decimal_places, format_fixed, format_number
from drafter.vi.text import sentence_case


@dataclass(frozen=True)
class RankingRow:
    rank: int
    name: str
    total: str
    klass: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class ClassCount:
    name: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class RankingView:
    """What ``ranking.j2`` sees: rows in rank order, field headings, classes with their units;
    ``scope`` the unit whose children are ranked (``tỉnh Thái Nguyên``), ``tier`` and ``kinds``
    what they are (``commune``; ``("xã", "phường")``), ``missing`` those without a score."""

    title: str
    year: int
    rows: tuple[RankingRow, ...]
    fields: tuple[str, ...]
    classes: tuple[ClassCount, ...]
    average: str
    has_fields: bool  # whether any unit is scored per field (else no field table)
    scope: str
    tier: str
    kinds: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def top(self) -> tuple[RankingRow, ...]:
        return tuple(row for row in self.rows if row.rank == self.rows[0].rank)

    @property
    def bottom(self) -> tuple[RankingRow, ...]:
        return tuple(row for row in self.rows if row.rank == self.rows[-1].rank)


def column_places(values: Iterable[Decimal]) -> int:
    """The precision of a column: the most decimals any of its values was entered with."""
    return max((decimal_places(value) for value in values), default=0)


def ranking_view(ranked: list[Ranked], rules: RankingRules, year: int, missing_cell: str,
                 scope: Unit, unscored: Sequence[Unit] = ()) -> RankingView:
    places = column_places(item.score.total for item in ranked)
    field_places = {f.id: column_places(item.score.fields[f.id] for item in ranked
                                  if f.id in item.score.fields) for f in rules.fields}
    rows = []
    for item in ranked:
        score = item.score
        cells = tuple(format_fixed(score.fields[f.id], field_places[f.id]) if f.id in score.fields
                      else missing_cell for f in rules.fields)
        rows.append(RankingRow(item.rank, sentence_case(score.unit.label),
                               format_fixed(score.total, places), item.klass, cells))
    classes = tuple(ClassCount(c.name, tuple(r.name for r in rows if r.klass == c.name))
                    for c in rules.classes)
    total = sum((item.score.total for item in ranked), Decimal(0))
    average = (format_fixed(total / len(ranked), max(places, 2)) if ranked else missing_cell)
    return RankingView(
        rules.title, year, tuple(rows),
        tuple(f"{f.label} ({format_number(f.max)} điểm)" for f in rules.fields),
        classes, average, any(item.score.fields for item in ranked), scope.label,
        ranked[0].score.unit.tier.value if ranked else "",
        kinds_of([*(item.score.unit for item in ranked), *unscored]),
        tuple(unit.label for unit in unscored))


def render_ranking(report: Report, ranked: list[Ranked], scope: Unit,
                   unscored: Sequence[Unit] = (), pack: TemplatePack | None = None,
                   now: dt.datetime | None = None) -> Document:
    """The ranking report of ``scope``'s children for ``report.period.year``.

    ``report`` is the issuer's (a Sở Nội vụ, or the scope's People's Committee): it gives the
    header and sign-off (number, date, recipients, signer) and the notes and lists written for
    the ranking; ``unscored`` are the units ranked that have no score, named in the report.
    """
    pack = pack or builtin_pack()
    assert pack.ranking is not None
    view = ranking_view(ranked, pack.ranking, report.period.year, pack.missing_cell, scope,
                        unscored)
    return render_with("ranking.j2", report, pack, {"ranking": view}, now)
