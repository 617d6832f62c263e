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

from drafter.domain.indicators import ValueType
from drafter.domain.limits import MAX_VALUE, check_number
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


# The ids a score keeps, beside its fields, for the two totals of the appraisal: the unit's
# own score of the appraised fields before appraisal, and that score after it.
SELF_ASSESSED, APPRAISED = "self_assessed", "appraised"


@dataclass(frozen=True)
class RankingRules:
    """What a pack declares in ``ranking.toml``: the scored fields and the classes; the
    field scored by the survey (điều tra xã hội học) and its parts; the labels of the
    appraisal's two totals (``SELF_ASSESSED`` before it, ``APPRAISED`` after)."""

    title: str
    max_total: Decimal
    fields: tuple[ScoreField, ...]
    classes: tuple[ScoreClass, ...]  # highest ``min`` first
    survey_field: str = ""
    survey: tuple[ScoreField, ...] = ()
    totals: tuple[ScoreField, ...] = ()  # self_assessed and appraised, as the pack names them

    def classify(self, total: Decimal) -> str:
        for score_class in self.classes:
            if total >= score_class.min:
                return score_class.name
        return self.classes[-1].name

    @property
    def appraised_max(self) -> Decimal:
        """The most the appraised fields (every field but the survey) can give."""
        survey = next((f.max for f in self.fields if f.id == self.survey_field), Decimal(0))
        return self.max_total - survey

    def known(self) -> dict[str, ScoreField]:
        """Every value a score may hold besides its total, by id."""
        return {f.id: f for f in (*self.fields, *self.survey, *self.totals)}


@dataclass(frozen=True)
class Score:
    """One unit's index for a year: the total, and what is known besides — the fields
    scored, the survey's parts, the totals before and after appraisal — by id."""

    unit: Unit
    total: Decimal
    fields: dict[str, Decimal] = field(default_factory=dict)

    def of(self, ids: Iterable[str]) -> dict[str, Decimal]:
        """The values known of ``ids`` (the pack's fields, the survey's parts)."""
        return {key: self.fields[key] for key in ids if key in self.fields}


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


def _fields(raws: Iterable[Mapping[str, Any]]) -> tuple[ScoreField, ...]:
    return tuple(ScoreField(str(f["id"]), str(f["label"]), _decimal(f["max"], str(f["id"])))
                 for f in raws)


def build_ranking_rules(doc: Mapping[str, Any]) -> RankingRules:
    """Rules from a parsed ``ranking.toml``."""
    fields = _fields(doc.get("fields", []))
    classes = tuple(sorted((ScoreClass(str(c["name"]), _decimal(c["min"], str(c["name"])))
                            for c in doc.get("classes", [])), key=lambda c: c.min, reverse=True))
    if not classes:
        raise PackError("ranking.toml: chưa khai báo mức xếp loại nào ([[classes]])")
    survey_field = str(doc.get("survey_field", ""))
    if survey_field and survey_field not in {f.id for f in fields}:
        raise PackError(f"ranking.toml: survey_field {survey_field} không phải là một lĩnh vực")
    survey = _fields(doc.get("survey", []))
    if survey and not survey_field:
        raise PackError("ranking.toml: [[survey]] cần survey_field (lĩnh vực điều tra xã hội học)")
    rules = RankingRules(str(doc.get("title", "Chỉ số cải cách hành chính")),
                         _decimal(doc.get("max_total", 100), "max_total"), fields, classes,
                         survey_field, survey)
    totals = tuple(ScoreField(key, str(doc[key]), rules.appraised_max)
                   for key in (SELF_ASSESSED, APPRAISED) if doc.get(key))
    ids = [f.id for f in (*fields, *survey, *totals)]
    if len(set(ids)) != len(ids) or TOTAL in ids:
        raise PackError("ranking.toml: mỗi lĩnh vực, mỗi phần điều tra xã hội học phải có id "
                        f"riêng, khác «{TOTAL}», «{SELF_ASSESSED}» và «{APPRAISED}»")
    return RankingRules(rules.title, rules.max_total, fields, classes, survey_field, survey,
                        totals)


def check_score(score: Score, rules: RankingRules) -> None:
    """Raise :class:`ScoreError` for a total or field outside its range, an unknown field,
    fields that do not add up to the total, survey parts that do not add up to the survey
    field, or an appraised score that with the survey is not the total."""
    name = f"{score.unit.label}"
    known = rules.known()
    named = [("tổng điểm", score.total)] + [
        (f"điểm «{known[key].label if key in known else key}»", value)
        for key, value in score.fields.items()]
    for what, value in named:
        try:  # the documented 6 decimals: 30 of them broke every ranking of the province
            check_number(value, MAX_VALUE[ValueType.SCORE])
        except ValueError as exc:
            raise ScoreError(f"{name}: {what} {exc}") from None
    if not Decimal(0) <= score.total <= rules.max_total:
        raise ScoreError(f"{name}: tổng điểm ({format_number(score.total)}) phải từ 0 đến "
                         f"{format_number(rules.max_total)}")
    for key, value in score.fields.items():
        if key not in known:
            raise ScoreError(f"{name}: lĩnh vực không có trong bộ chỉ số: {key}")
        if not Decimal(0) <= value <= known[key].max:
            raise ScoreError(f"{name}: điểm «{known[key].label}» ({format_number(value)}) "
                             f"phải từ 0 đến {format_number(known[key].max)}")
    _adds_up(name, "tổng điểm", score.total, "các lĩnh vực",
             score.of(f.id for f in rules.fields), len(rules.fields))
    if rules.survey_field in score.fields:
        survey = next(f for f in rules.fields if f.id == rules.survey_field)
        _adds_up(name, f"điểm «{survey.label}»", score.fields[rules.survey_field],
                 "các nội dung điều tra xã hội học", score.of(f.id for f in rules.survey),
                 len(rules.survey))
    appraised = score.fields.get(APPRAISED)
    survey_score = score.fields.get(rules.survey_field)
    if appraised is not None and survey_score is not None \
            and appraised + survey_score != score.total:
        raise ScoreError(f"{name}: điểm thẩm định ({format_number(appraised)}) cộng điểm điều "
                         f"tra xã hội học ({format_number(survey_score)}) khác tổng điểm "
                         f"({format_number(score.total)})")


def _adds_up(name: str, whole_name: str, whole: Decimal, parts_name: str,
             parts: Mapping[str, Decimal], count: int) -> None:
    """Parts all given add up to their whole; parts given never exceed it."""
    added = sum(parts.values(), Decimal(0))
    if count and len(parts) == count and added != whole:
        raise ScoreError(f"{name}: {whole_name} ({format_number(whole)}) khác tổng điểm "
                         f"{parts_name} ({format_number(added)})")
    if added > whole:
        raise ScoreError(f"{name}: điểm {parts_name} đã nhập cộng lại ({format_number(added)}) "
                         f"lớn hơn {whole_name} ({format_number(whole)})")


def rank_scores(scores: Iterable[Score], rules: RankingRules) -> list[Ranked]:
    """Scores sorted by total (then by unit code); equal totals share a rank."""
    ordered = sorted(scores, key=lambda s: (-s.total, s.unit.code))
    ranked: list[Ranked] = []
    for position, score in enumerate(ordered, start=1):
        tied = ranked and ranked[-1].score.total == score.total
        rank = ranked[-1].rank if tied else position
        ranked.append(Ranked(score, rank, rules.classify(score.total)))
    return ranked
