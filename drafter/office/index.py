"""The yearly CCHC index on the store: whom a unit ranks in a year and who issues the ranking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.datafile.content import Content
from drafter.domain.periods import Period
from drafter.domain.ranking import Ranked as RankedScore
from drafter.domain.ranking import rank_scores
from drafter.domain.report import Report, Status
from drafter.domain.structure import HOME_AFFAIRS, children, merged_away, ranked_tier
from drafter.domain.units import Tier, Unit
from drafter.errors import DrafterError, StorageError
from drafter.narrative.blocks import Document
from drafter.narrative.ranking import render_ranking
from drafter.packs.load import TemplatePack

if TYPE_CHECKING:
    from drafter.storage import Store


@dataclass(frozen=True)
class Ranked:
    """The unit whose children are ranked, the tier ranked, and those children."""

    scope: Unit
    tier: Tier
    units: list[Unit]


def ranked_units(store: Store, code: str, year: int, departments: bool = False) -> Ranked:
    """The units ``code`` ranks for ``year``: its departments, or its communes (its districts
    for a year before 2025) that existed that year."""
    scope = store.unit(code)
    if scope is None:
        raise StorageError(f"chưa có đơn vị mã {code} trong cơ sở dữ liệu")
    every = store.units()
    period = Period.parse(str(year))
    gone = merged_away(every)
    tier = Tier.DEPARTMENT if departments else ranked_tier(
        children(every, scope, period, gone=gone), period)
    units = children(every, scope, period, (tier,), gone) if tier else []
    if tier is None or not units:
        what = "sở, ban, ngành" if departments else "đơn vị hành chính"
        raise StorageError(f"{scope.label} không có {what} trực thuộc nào trong năm {year} "
                           "để xếp hạng")
    return Ranked(scope, tier, units)


def ranking_issuer(store: Store, scope: Unit, code: str | None = None) -> Unit:
    """Who issues the ranking: the unit ``code`` when given, else the scope's Home Affairs
    department (Sở Nội vụ; a district's Phòng Nội vụ before July 2025), else the scope."""
    if code is not None:
        issuer = store.unit(code)
        if issuer is None:
            raise StorageError(f"chưa có đơn vị mã {code} trong cơ sở dữ liệu")
        return issuer
    departments = children(store.units(), scope, tiers=(Tier.DEPARTMENT,))
    home = next((unit for unit in departments if unit.name == HOME_AFFAIRS), None)
    placed = store.unit(home.code) if home else None
    return placed or scope


@dataclass
class Ranking:
    """A ranking report made: the document, the scores in rank order, the units unscored."""

    document: Document
    issuer: Unit
    scope: Unit
    ranked: list[RankedScore]
    unscored: list[Unit] = field(default_factory=list)


def make_ranking(store: Store, code: str, year: int, pack: TemplatePack,
                 content: Content | None = None, departments: bool = False,
                 issuer_code: str | None = None, number: str | None = None,
                 date: dt.date | None = None) -> Ranking:
    """The ranking report of the units ``code`` ranks for ``year``; refuses an empty one."""
    if pack.ranking is None:
        raise DrafterError("bộ mẫu không khai báo bộ chỉ số (ranking.toml)")
    ranked = ranked_units(store, code, year, departments)
    scores = store.scores(year, ranked.units)
    if not scores:
        raise DrafterError(f"chưa có điểm Chỉ số CCHC năm {year} của đơn vị nào thuộc "
                           f"{ranked.scope.label}: không có gì để xếp hạng (nhập điểm bằng lệnh "
                           "score import hoặc score set)")
    scored = {score.unit.code for score in scores}
    unscored = [unit for unit in ranked.units if unit.code not in scored]
    issuer = ranking_issuer(store, ranked.scope, issuer_code)
    content = content or Content()
    report = Report(unit=issuer, period=Period.parse(str(year)),
                    date=date or content.date or dt.date.today(),
                    number=number or content.number or None,
                    recipients=content.recipients or list(issuer.recipients),
                    notes=content.notes, lists=content.lists, status=Status.FINAL)
    ordered = rank_scores(scores, pack.ranking)
    # The year before's ranking, for each unit's change of rank (ranked among those scored
    # then that are still ranked now).
    before = rank_scores(store.scores(year - 1, ranked.units), pack.ranking)
    document = render_ranking(report, ordered, ranked.scope, unscored, pack,
                              previous=before)
    return Ranking(document, issuer, ranked.scope, ordered, unscored)
