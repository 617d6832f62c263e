"""The yearly administrative-reform index (Chỉ số CCHC): scores, ranks, classes.

A province ranks its communes (its districts for a year before 2025) and its departments.
Ranks are computed, never typed: units sort by total score, and equal totals share a rank
(1, 2, 2, 4). Classes come from the pack's thresholds. Scores keep the precision they were
entered with (Decimal), so two different scores never print alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from drafter.domain.units import Unit
from drafter.errors import PackError
from drafter.vi.numbers import format_number

TOTAL = "total"


class ScoreError(ValueError):
    """A score that cannot be right; the message is Vietnamese and names unit and field."""


@dataclass(frozen=True)
class ScoreField:
    id: str
    label: str
    max: Decimal


@dataclass(frozen=True)
class ScoreClass:
    """A class of the index: totals from ``min`` up (to the next class) get ``name``."""

    name: str
    min: Decimal


@dataclass(frozen=True)
class RankingRules:
    """What a pack declares in ``ranking.toml``: the scored fields and the classes."""

    title: str
    max_total: Decimal
    fields: tuple[ScoreField, ...]
    classes: tuple[ScoreClass, ...]  # highest ``min`` first

    def classify(self, total: Decimal) -> str:
        for score_class in self.classes:
            if total >= score_class.min:
                return score_class.name
        return self.classes[-1].name


@dataclass(frozen=True)
class Score:
    """One unit's index for a year: the total, and the fields scored when known."""

    unit: Unit
    total: Decimal
    fields: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Ranked:
    score: Score
    rank: int
    klass: str


def _decimal(raw: Any, where: str) -> Decimal:
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        raise PackError(f"ranking.toml: {where}: không phải là số: {raw!r}") from None


def build_ranking_rules(doc: Mapping[str, Any]) -> RankingRules:
    """Rules from a parsed ``ranking.toml``."""
    fields = tuple(ScoreField(str(f["id"]), str(f["label"]), _decimal(f["max"], str(f["id"])))
                   for f in doc.get("fields", []))
    classes = tuple(sorted((ScoreClass(str(c["name"]), _decimal(c["min"], str(c["name"])))
                            for c in doc.get("classes", [])), key=lambda c: c.min, reverse=True))
    if not classes:
        raise PackError("ranking.toml: chưa khai báo mức xếp loại nào ([[classes]])")
    return RankingRules(str(doc.get("title", "Chỉ số cải cách hành chính")),
                        _decimal(doc.get("max_total", 100), "max_total"), fields, classes)


def check_score(score: Score, rules: RankingRules) -> None:
    """Raise :class:`ScoreError` for a total or field outside its range, an unknown field,
    or fields that do not add up to the total."""
    name = f"{score.unit.label}"
    maxima = {f.id: f for f in rules.fields}
    if not Decimal(0) <= score.total <= rules.max_total:
        raise ScoreError(f"{name}: tổng điểm ({format_number(score.total)}) phải từ 0 đến "
                         f"{format_number(rules.max_total)}")
    for key, value in score.fields.items():
        if key not in maxima:
            raise ScoreError(f"{name}: lĩnh vực không có trong bộ chỉ số: {key}")
        if not Decimal(0) <= value <= maxima[key].max:
            raise ScoreError(f"{name}: điểm «{maxima[key].label}» ({format_number(value)}) "
                             f"phải từ 0 đến {format_number(maxima[key].max)}")
    added = sum(score.fields.values(), Decimal(0))
    if rules.fields and set(score.fields) == set(maxima) and added != score.total:
        raise ScoreError(f"{name}: tổng điểm ({format_number(score.total)}) khác tổng điểm "
                         f"các lĩnh vực ({format_number(added)})")
    if added > score.total:
        raise ScoreError(f"{name}: điểm các lĩnh vực đã nhập cộng lại ({format_number(added)}) "
                         f"lớn hơn tổng điểm ({format_number(score.total)})")


def rank_scores(scores: Iterable[Score], rules: RankingRules) -> list[Ranked]:
    """Scores sorted by total (then by unit code); equal totals share a rank."""
    ordered = sorted(scores, key=lambda s: (-s.total, s.unit.code))
    ranked: list[Ranked] = []
    for position, score in enumerate(ordered, start=1):
        tied = ranked and ranked[-1].score.total == score.total
        rank = ranked[-1].rank if tied else position
        ranked.append(Ranked(score, rank, rules.classify(score.total)))
    return ranked
