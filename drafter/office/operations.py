"""The aggregating office's work — a province's Sở Nội vụ since July 2025, a district's Phòng
Nội vụ before — as the CLI and the TUI both do it: who has reported, the roll-up into the
office's report, every commune's report rendered, the yearly index entered and ranked.

Each operation returns what happened and the lines that say it (the CLI prints them, the TUI
shows them), so the two never word or compute it differently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.combine.rollup import Received, Rollup
from drafter.domain.periods import Period
from drafter.domain.ranking import APPRAISED, RankingRules, Score, ScoreError, check_score
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit
from drafter.errors import DrafterError
from drafter.exchange.scores import RankMismatch, read_scores
from drafter.office.aggregation import aggregate, aggregating_unit, communes_of, render_jobs
from drafter.office.index import Ranking, ranked_units
from drafter.office.parallel import Outcome, Progress, render_all
from drafter.packs.load import TemplatePack
from drafter.records.workflow import comparisons
from drafter.vi.numbers import decimal_places, format_number, parse_number
from drafter.vi.periods import period_name
from drafter.vi.text import join_vi

if TYPE_CHECKING:
    from drafter.storage import Store
    from drafter.storage.reader import Reads
    from drafter.storage.report_reads import ReportSummary


def names(units: Sequence[Unit]) -> str:
    """``xã Đông Hòa, phường Sông Cầu``: units as a message lists them."""
    return join_vi((unit.label for unit in units), ", ")


@dataclass(frozen=True)
class Submission:
    """A commune and its stored report of the period (``None``: not sent)."""

    unit: Unit
    report: ReportSummary | None

    @property
    def received(self) -> Received:
        if self.report is None:
            return Received.MISSING
        return Received.FINAL if self.report.status == Status.FINAL.value else Received.DRAFT


def submissions(store: Store, unit_code: str, period: Period) -> list[Submission]:
    """Each commune of the province or district ``unit_code`` in ``period`` with its report:
    one query for the reports, not one per commune."""
    communes = communes_of(store, aggregating_unit(store, unit_code), period)
    stored = {summary.unit_code: summary for summary in store.list()
              if summary.period == period}
    return [Submission(unit, stored.get(unit.code)) for unit in communes]


@dataclass
class Aggregation:
    """A roll-up done: the office's report with the sums, whether it was saved (its id) or
    is final and kept, the DOCX written, and the lines that say so."""

    report: Report
    rollup: Rollup
    saved: int | None = None
    path: Path | None = None
    lines: list[str] = field(default_factory=list)


def rollup_lines(rollup: Rollup, pack: TemplatePack) -> list[str]:
    """Who has reported, who is in draft, who has not, and the figures communes left empty."""
    received = len(rollup.lines) - len(rollup.missing)
    lines = [f"Tổng hợp {period_name(rollup.period)} của {rollup.parent.label}: "
             f"đã nhận {received}/{len(rollup.lines)} báo cáo của cấp xã."]
    if rollup.missing:
        lines.append(f"  Chưa gửi: {names(rollup.missing)}")
    if rollup.drafts:
        lines.append(f"  Còn là dự thảo: {names(rollup.drafts)}")
    lines += [f"  Để trống «{pack.catalogue[key].label}»: {names(units)}"
              for key, units in rollup.gaps.items()]
    under = rollup.departments
    if under is not None:
        lines.append(f"  Sở, ban, ngành: đã nhận {len(under.lines) - len(under.missing)}/"
                     f"{len(under.lines)} báo cáo.")
        if under.missing:
            lines.append(f"  Chưa gửi: {names(under.missing)}")
        if under.drafts:
            lines.append(f"  Còn là dự thảo: {names(under.drafts)}")
    return lines


def aggregate_into(store: Reads, unit_code: str, period: Period, pack: TemplatePack,
                   files: Sequence[Path] = (), date: dt.date | None = None, save: bool = True,
                   output: Path | None = None, text: bool = False,
                   writer: Callable[[], Store] | None = None) -> Aggregation:
    """``drafter aggregate``: roll the communes up, save the sums into the office's report
    (never into a final one), and write its DOCX to ``output`` when given.

    ``store`` may be a reader (:mod:`drafter.storage.reader`) when ``writer`` gives the store
    to save into, opened only when something is saved; else it is that store."""
    result = aggregate(store, unit_code, period, files, pack, date)
    done = Aggregation(result.report, result.rollup, lines=rollup_lines(result.rollup, pack))
    report = result.report
    if report.status is Status.FINAL:
        done.lines.append(f"Báo cáo của {report.unit.label} đã là bản chính thức: không ghi đè "
                          "số liệu đã lưu.")
    elif save:
        done.saved = (writer() if writer is not None else _writable(store)).save_report(report)
        done.lines.append(f"Đã lưu số liệu tổng hợp vào báo cáo {period_name(report.period)} "
                          f"của {report.unit.label} (số {done.saved}).")
    if output is not None:
        from drafter.api import render_to_file  # the writer loads only when something is written

        previous, last_year = comparisons(store, report, pack)
        done.path = render_to_file(report, output, previous=previous, pack=pack, text=text,
                                   last_year=last_year, rollup=result.rollup)
    return done


def _writable(store: Reads) -> Store:
    """``store`` as the store to save into (a reader cannot save)."""
    from drafter.storage import Store  # the ORM loads only for a command that writes

    if not isinstance(store, Store):
        raise TypeError("saving needs the store, not a reader")
    return store


@dataclass
class Batch:
    """Every commune's report rendered: the outcomes, the communes without a report."""

    outcomes: list[Outcome]
    missing: list[Unit]
    lines: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]


def render_communes(store: Reads, unit_code: str, period: Period, out_dir: Path,
                    pack_dir: Path | None = None, workers: int | None = None,
                    progress: Progress | None = None) -> Batch:
    """``drafter render-all``: each commune's stored report of ``period`` written into
    ``out_dir`` on all cores; a failure is listed with its reason and never stops the rest."""
    jobs, missing = render_jobs(store, unit_code, period, out_dir)
    batch = Batch([], missing)
    if missing:
        batch.lines.append(f"Chưa có báo cáo {period_name(period)}: {names(missing)}")
    if not jobs:
        batch.lines.append("Không có báo cáo nào để soạn.")
        return batch
    batch.outcomes = render_all(jobs, pack_dir, workers, progress)
    failed = batch.failed
    batch.lines.append(f"Đã soạn {len(jobs) - len(failed)}/{len(jobs)} báo cáo vào {out_dir}.")
    if failed:
        batch.lines.append(f"Không soạn được {len(failed)} báo cáo:")
        batch.lines += [f"  - {outcome.job.report.unit.label}: {outcome.error}"
                        for outcome in failed]
    return batch


def ranking_rules(pack: TemplatePack) -> RankingRules:
    """The pack's index (``ranking.toml``); a clear error when it has none."""
    if pack.ranking is None:
        raise DrafterError("bộ mẫu không khai báo bộ chỉ số (ranking.toml)")
    return pack.ranking


def score_number(text: str, name: str) -> Decimal:
    try:
        return parse_number(text)
    except ValueError:
        raise DrafterError(f"điểm {name} không hợp lệ: {text!r}") from None


def set_score(store: Store, unit_code: str, year: int, total: str, fields: Mapping[str, str],
              pack: TemplatePack) -> Score:
    """``drafter score set``: one unit's index for ``year`` (total, and fields by their id in
    ``ranking.toml``, as typed: ``85,125``), checked against the pack's rules and stored."""
    unit = store.unit(unit_code)
    if unit is None:
        raise DrafterError(f"chưa có đơn vị mã {unit_code} trong cơ sở dữ liệu")
    rules = ranking_rules(pack)
    given = {key.strip(): score_number(value, key) for key, value in fields.items()}
    new_total = score_number(total, "tổng điểm")
    stored = next(iter(store.scores(year, [unit])), None)
    score = Score(unit, new_total, {**_kept(stored, new_total, given, rules), **given})
    try:
        check_score(score, rules)
    except ScoreError as exc:
        raise DrafterError(str(exc)) from None
    store.save_scores(year, [score])
    return score


def _kept(stored: Score | None, total: Decimal, given: Mapping[str, Decimal],
          rules: RankingRules) -> dict[str, Decimal]:
    """What a sheet stored beside the fields that still holds with the new score: a form
    that asks only the fields must not drop the survey's parts or the self-assessed total,
    nor keep them where they no longer add up."""
    if stored is None:
        return {}
    survey = rules.survey_field
    same_survey = given.get(survey, stored.fields.get(survey)) == stored.fields.get(survey)
    kept = {}
    for key, value in stored.fields.items():
        if key in given or key in {f.id for f in rules.fields}:
            continue
        if key in {f.id for f in rules.survey} and not same_survey:
            continue
        if key == APPRAISED and not (same_survey and total == stored.total):
            continue
        kept[key] = value
    return kept


def score_text(value: Decimal) -> str:
    """A score as a Vietnamese number, to the precision it was entered with: ``85,125`` stays
    ``85,125``, ``78,500`` reads ``78,5`` (trailing zeros say nothing on a screen)."""
    return format_number(value, decimal_places(value))


def score_line(score: Score, year: int) -> str:
    return (f"Đã lưu điểm Chỉ số CCHC năm {year} của {score.unit.label}: "
            f"{score_text(score.total)} điểm.")


@dataclass
class ScoresImported:
    count: int
    mismatches: list[RankMismatch]
    lines: list[str] = field(default_factory=list)


def import_scores(store: Store, unit_code: str, year: int, book: Path, pack: TemplatePack,
                  sheet: str | None = None, departments: bool = False) -> ScoresImported:
    """``drafter score import``: the scores of a workbook, each row matched to a unit
    ``unit_code`` ranks, checked, and stored together (nothing stored when a row is wrong)."""
    ranked = ranked_units(store, unit_code, year, departments)
    read = read_scores(book, ranked.units, ranking_rules(pack), sheet)
    count = store.save_scores(year, read.scores)
    done = ScoresImported(count, read.mismatches,
                          [f"Đã nhập điểm Chỉ số CCHC năm {year} của {count} đơn vị."])
    read_ids = sorted({key for score in read.scores for key in score.fields},
                      key=list(ranking_rules(pack).known()).index)
    if read_ids:
        known = ranking_rules(pack).known()
        done.lines.append("Đã đọc các cột: " + "; ".join(known[key].label for key in read_ids)
                          + ".")
    if read.unread:
        done.lines.append(f"Không đọc {len(read.unread)} cột không có trong bộ chỉ số "
                          f"(ranking.toml): {'; '.join(read.unread)}.")
    if read.mismatches:
        done.lines.append(f"Cột xếp hạng trong bảng khác thứ hạng tính từ điểm ở "
                          f"{len(read.mismatches)} dòng (thứ hạng luôn được tính lại từ điểm):")
        done.lines += [f"  - dòng {m.row}, {m.unit.label}: bảng ghi {m.typed}, tính ra "
                       f"{m.computed}" for m in read.mismatches]
    return done


def ranking_lines(made: Ranking, year: int) -> list[str]:
    """What a ranking made says: how many units, who issues it, and who has no score."""
    lines = [f"Xếp hạng Chỉ số CCHC năm {year} của {made.scope.label}: {len(made.ranked)} đơn "
             f"vị; báo cáo của {made.issuer.label}."]
    if made.unscored:
        lines.append(f"Chưa có điểm ({len(made.unscored)} đơn vị, đã ghi tên trong báo cáo): "
                     f"{names(made.unscored)}")
    return lines
