"""What templates see of a yearly CCHC index: the units ranked and classed, each field's
results, the survey's parts, the appraisal's two totals and the change of rank since the
year before — for the ranking report and for the aggregating report that cites it.

Scores print at the precision they were entered with — every score of a column with as many
decimals as the most precise one (3 in a province's tables) — so two different scores never
print alike and equal ones share a rank. Averages and shares are computed from the scores,
never typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from drafter.domain.ranking import APPRAISED, SELF_ASSESSED, Ranked, RankingRules, ScoreField
from drafter.domain.structure import kinds_of
from drafter.domain.units import Unit
from drafter.vi.numbers import decimal_places, format_fixed, format_number
from drafter.vi.rates import format_percent
from drafter.vi.text import sentence_case


@dataclass(frozen=True)
class RankingRow:
    """A unit's place: ``name`` for a table cell (``Xã Phú Bình``), ``label`` for running
    text (``xã Phú Bình``); ``previous`` its rank the year before, when it was ranked then."""

    rank: int
    name: str
    total: str
    klass: str
    fields: tuple[str, ...]
    label: str = ""
    previous: int | None = None

    @property
    def change(self) -> int | None:
        """Places gained since the year before (negative: lost)."""
        return None if self.previous is None else self.previous - self.rank


@dataclass(frozen=True)
class ClassCount:
    name: str
    units: tuple[str, ...]  # labels, as running text names them


@dataclass(frozen=True)
class FieldResult:
    """One field, or one part of the survey, over the units scored on it: the average (and
    its share of the maximum), the points lost on average, the highest and the lowest."""

    id: str
    label: str
    max: str
    count: int
    average: str
    share: str
    lost: str
    lost_share: Decimal
    best: tuple[str, ...]
    best_score: str
    worst: tuple[str, ...]
    worst_score: str


@dataclass(frozen=True)
class Appraised:
    """A unit's self-assessed score of the appraised fields and the council's."""

    label: str
    own: str
    appraised: str
    cut: str
    cut_value: Decimal


@dataclass(frozen=True)
class Appraisal:
    """The appraisal over the units with both totals: their averages and the largest cuts."""

    count: int
    own_average: str
    appraised_average: str
    cut_average: str
    largest: tuple[Appraised, ...]


@dataclass(frozen=True)
class RankingView:
    """What ``ranking.j2`` (and an aggregating report citing the index) sees: rows in rank
    order, field headings, classes with their units; ``scope`` the unit whose children are
    ranked (``tỉnh Thái Nguyên``), ``tier`` and ``kinds`` what they are (``commune``;
    ``("xã", "phường")``), ``missing`` those without a score; ``results`` each field's,
    ``survey`` each part of the survey's, ``appraisal`` the two totals compared;
    ``previous_count`` how many were ranked the year before (0: no ranking stored)."""

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
    results: tuple[FieldResult, ...] = ()
    survey: tuple[FieldResult, ...] = ()
    survey_label: str = ""
    appraisal: Appraisal | None = None
    previous_count: int = 0

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def top(self) -> tuple[RankingRow, ...]:
        return tuple(row for row in self.rows if row.rank == self.rows[0].rank)

    @property
    def bottom(self) -> tuple[RankingRow, ...]:
        return tuple(row for row in self.rows if row.rank == self.rows[-1].rank)

    @property
    def lost_most(self) -> tuple[FieldResult, ...]:
        """The fields and survey parts that lost the largest share of their points, most
        first (those that lost none left out)."""
        lost = [result for result in (*self.results, *self.survey) if result.lost_share > 0]
        return tuple(sorted(lost, key=lambda r: -r.lost_share))

    @property
    def risen(self) -> tuple[RankingRow, ...]:
        """The units that gained places, most first."""
        moved = [row for row in self.rows if row.change is not None and row.change > 0]
        return tuple(sorted(moved, key=lambda row: -(row.change or 0)))

    @property
    def fallen(self) -> tuple[RankingRow, ...]:
        moved = [row for row in self.rows if row.change is not None and row.change < 0]
        return tuple(sorted(moved, key=lambda row: row.change or 0))

    @property
    def compared(self) -> int:
        """How many units were ranked both years."""
        return sum(1 for row in self.rows if row.previous is not None)


def column_places(values: Iterable[Decimal]) -> int:
    """The precision of a column: the most decimals any of its values was entered with."""
    return max((decimal_places(value) for value in values), default=0)


def _result(item: ScoreField, ranked: Sequence[Ranked]) -> FieldResult | None:
    scored = [(entry.score.unit.label, entry.score.fields[item.id]) for entry in ranked
              if item.id in entry.score.fields]
    if not scored:
        return None
    places = column_places(value for _, value in scored)
    values = [value for _, value in scored]
    average = sum(values, Decimal(0)) / len(values)
    high, low = max(values), min(values)
    share = average * 100 / item.max if item.max else Decimal(0)
    return FieldResult(
        item.id, item.label, format_number(item.max), len(scored),
        format_fixed(average, max(places, 2)), format_percent(share),
        format_fixed(item.max - average, max(places, 2)), 100 - share,
        tuple(label for label, value in scored if value == high), format_fixed(high, places),
        tuple(label for label, value in scored if value == low), format_fixed(low, places))


def _appraisal(ranked: Sequence[Ranked]) -> Appraisal | None:
    both = [(entry.score.unit.label, entry.score.fields[SELF_ASSESSED],
             entry.score.fields[APPRAISED]) for entry in ranked
            if SELF_ASSESSED in entry.score.fields and APPRAISED in entry.score.fields]
    if not both:
        return None
    places = column_places(value for _, own, appraised in both for value in (own, appraised))
    width = max(places, 2)
    count = len(both)
    own_total = sum((own for _, own, _ in both), Decimal(0))
    appraised_total = sum((appraised for _, _, appraised in both), Decimal(0))
    cuts = sorted((Appraised(label, format_fixed(own, places), format_fixed(appraised, places),
                             format_fixed(own - appraised, places), own - appraised)
                   for label, own, appraised in both), key=lambda a: -a.cut_value)
    largest = tuple(cut for cut in cuts if cut.cut_value == cuts[0].cut_value
                    and cut.cut_value > 0) or ()
    return Appraisal(count, format_fixed(own_total / count, width),
                     format_fixed(appraised_total / count, width),
                     format_fixed((own_total - appraised_total) / count, width), largest)


def ranking_view(ranked: list[Ranked], rules: RankingRules, year: int, missing_cell: str,
                 scope: Unit, unscored: Sequence[Unit] = (),
                 previous: Sequence[Ranked] = ()) -> RankingView:
    """The view of ``ranked`` (in rank order); ``previous`` the ranking of the year before,
    whose ranks the rows compare with."""
    places = column_places(item.score.total for item in ranked)
    field_places = {f.id: column_places(item.score.fields[f.id] for item in ranked
                                        if f.id in item.score.fields) for f in rules.fields}
    before = {item.score.unit.code: item.rank for item in previous}
    rows = []
    for item in ranked:
        score = item.score
        cells = tuple(format_fixed(score.fields[f.id], field_places[f.id]) if f.id in score.fields
                      else missing_cell for f in rules.fields)
        rows.append(RankingRow(item.rank, sentence_case(score.unit.label),
                               format_fixed(score.total, places), item.klass, cells,
                               score.unit.label, before.get(score.unit.code)))
    classes = tuple(ClassCount(c.name, tuple(r.label for r in rows if r.klass == c.name))
                    for c in rules.classes)
    total = sum((item.score.total for item in ranked), Decimal(0))
    average = (format_fixed(total / len(ranked), max(places, 2)) if ranked else missing_cell)
    survey = next((f for f in rules.fields if f.id == rules.survey_field), None)
    return RankingView(
        rules.title, year, tuple(rows),
        tuple(f"{f.label} ({format_number(f.max)} điểm)" for f in rules.fields),
        classes, average, any(item.score.of(f.id for f in rules.fields) for item in ranked),
        scope.label, ranked[0].score.unit.tier.value if ranked else "",
        kinds_of([*(item.score.unit for item in ranked), *unscored]),
        tuple(unit.label for unit in unscored),
        tuple(r for f in rules.fields if (r := _result(f, ranked)) is not None),
        tuple(r for f in rules.survey if (r := _result(f, ranked)) is not None),
        survey.label if survey else "", _appraisal(ranked), len(previous))
