"""The ranking report: the communes' yearly CCHC index, ranked and classed, as a Document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from drafter.domain.ranking import Ranked, RankingRules
from drafter.domain.report import Report
from drafter.narrative.blocks import Document
from drafter.narrative.engine import render_with
from drafter.pack import TemplatePack, builtin_pack
from drafter.vi.numbers import format_number, round_half_up
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
    """What ``ranking.j2`` sees: rows in rank order, field headings, classes with their units."""

    title: str
    year: int
    rows: tuple[RankingRow, ...]
    fields: tuple[str, ...]
    classes: tuple[ClassCount, ...]
    average: str
    has_fields: bool  # whether any unit is scored per field (else no field table)

    @property
    def top(self) -> tuple[RankingRow, ...]:
        return tuple(row for row in self.rows if row.rank == self.rows[0].rank)

    @property
    def bottom(self) -> tuple[RankingRow, ...]:
        return tuple(row for row in self.rows if row.rank == self.rows[-1].rank)


def ranking_view(ranked: list[Ranked], rules: RankingRules, year: int,
                 missing_cell: str) -> RankingView:
    rows = []
    for item in ranked:
        score = item.score
        cells = tuple(format_number(score.fields[f.id]) if f.id in score.fields
                      else missing_cell for f in rules.fields)
        rows.append(RankingRow(item.rank, sentence_case(f"{score.unit.label}"),
                               format_number(score.total), item.klass, cells))
    classes = tuple(ClassCount(c.name, tuple(r.name for r in rows if r.klass == c.name))
                    for c in rules.classes)
    total = sum((item.score.total for item in ranked), Decimal(0))
    average = format_number(round_half_up(total / len(ranked))) if ranked else missing_cell
    return RankingView(rules.title, year, tuple(rows),
                       tuple(f"{f.label} ({format_number(f.max)} điểm)" for f in rules.fields),
                       classes, average, any(item.score.fields for item in ranked))


def render_ranking(report: Report, ranked: list[Ranked], pack: TemplatePack | None = None,
                   now: dt.datetime | None = None) -> Document:
    """The ranking report of ``report``'s district for ``report.period.year``.

    ``report`` gives the header and sign-off (number, date, recipients, signer).
    """
    pack = pack or builtin_pack()
    assert pack.ranking is not None
    view = ranking_view(ranked, pack.ranking, report.period.year, pack.missing_cell)
    return render_with("ranking.j2", report, pack, {"ranking": view}, now)
