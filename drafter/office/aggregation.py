"""The roll-up on the store: the communes of a province (or, before July 2025, of a district),
their reports, and the aggregated report of the unit they report to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.combine.merger import before_merger
from drafter.combine.rollup import Rollup, apply_rollup, roll_up
from drafter.datafile import load_report
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.report import Report, Status
from drafter.domain.structure import children
from drafter.domain.units import Tier, Unit, twin_of, twin_problem
from drafter.errors import DrafterError, StorageError
from drafter.office.parallel import Job
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.records.workflow import comparison, start_report
from drafter.writer.atomic import inside

if TYPE_CHECKING:
    from drafter.storage.reader import Reads

TABLE_SUFFIXES = (".xlsx", ".csv")


class NotInDistrictError(DrafterError):
    """A file sent up belongs to a unit that is not one of the aggregating unit's communes."""


@dataclass
class Aggregated:
    """The aggregated report with its rolled-up figures, and the roll-up it came from."""

    report: Report
    rollup: Rollup


def aggregating_unit(store: Reads, code: str) -> Unit:
    """The province or district ``code``; a clear error for any other unit."""
    unit = store.unit(code)
    if unit is None:
        raise StorageError(f"chưa có đơn vị mã {code} trong cơ sở dữ liệu")
    if not unit.aggregates:
        raise StorageError(f"{unit.label} không phải là đơn vị cấp tỉnh hoặc cấp huyện, "
                           "không có đơn vị cấp xã trực thuộc")
    return unit


def communes_of(store: Reads, parent: Unit, period: Period | None = None) -> list[Unit]:
    """The communes reporting to ``parent`` (that existed in ``period``, when given), by code."""
    return children(store.units(), parent, period, (Tier.COMMUNE,))


def departments_of(store: Reads, parent: Unit, period: Period | None = None) -> list[Unit]:
    """The departments (sở, ban, ngành) reporting to ``parent``, by code."""
    return children(store.units(), parent, period, (Tier.DEPARTMENT,))


def _departments(store: Reads, parent: Unit, period: Period,
                 pack: TemplatePack) -> Rollup | None:
    """A province's departments, their reports of the period and their index of the year
    before — when any of them has reported for the period (a province that keeps only its
    Sở Nội vụ, to issue rankings, has no departments' part)."""
    if parent.tier is not Tier.PROVINCE:
        return None
    units = departments_of(store, parent, period)
    reports = store.find_many([unit.code for unit in units], period) if units else {}
    if not reports:
        return None
    return roll_up(pack.catalogue, parent, period, units, reports,
                   store.scores(period.year - 1, units))


def _from_table(path: Path, communes: dict[str, Unit], period: Period,
                pack: TemplatePack) -> Report:
    """A commune's figures from its appendix workbook, named after its unit code."""
    unit = communes.get(path.stem)
    if unit is None:
        raise NotInDistrictError(
            f"{path.name}: tên tệp bảng số liệu phải là mã một đơn vị cấp xã trực thuộc "
            f"(ví dụ {next(iter(communes), 'xa-thanh-mai')}{path.suffix})")
    from drafter.exchange import import_table  # openpyxl loads only when a workbook is read

    result = import_table(path, Tier.COMMUNE, pack, unit=unit, period=period)
    return Report(unit=unit, period=period, date=dt.date.today(), figures=result.figures,
                  stated=result.stated, status=Status.FINAL)


def _from_files(files: Sequence[Path], parent: Unit, communes: dict[str, Unit],
                period: Period, pack: TemplatePack) -> dict[str, Report]:
    reports: dict[str, Report] = {}
    for path in files:
        if path.suffix.lower() in TABLE_SUFFIXES:
            report = _from_table(path, communes, period, pack)
        else:
            report = load_report(path, pack.catalogue)
            if report.unit.parent != parent.code and report.unit.code not in communes:
                raise NotInDistrictError(
                    f"{path.name}: báo cáo của {report.unit.label}, "
                    f"không thuộc {parent.label}")
            if report.period != period:
                raise NotInDistrictError(
                    f"{path.name}: báo cáo kỳ {report.period.code}, không phải kỳ {period.code}")
            twin = twin_of(report.unit, communes.values())
            if twin is not None:
                raise NotInDistrictError(f"{path.name}: {twin_problem(report.unit, twin)}")
            communes.setdefault(report.unit.code, report.unit)
        reports[report.unit.code] = report
    return reports


def aggregate(store: Reads, unit_code: str, period: Period, files: Sequence[Path] = (),
              pack: TemplatePack | None = None, date: dt.date | None = None) -> Aggregated:
    """Roll the communes' reports up into the report of ``period`` of the province or
    district ``unit_code``.

    Commune reports come from the store; ``files`` (data files, or appendix workbooks named
    after the commune's code) take precedence. The aggregating unit's own report is the stored
    one, or a new one started like ``report new`` would.
    """
    pack = pack or builtin_pack()
    parent = aggregating_unit(store, unit_code)
    communes = {unit.code: unit for unit in communes_of(store, parent, period)}
    sent = _from_files(files, parent, communes, period, pack)
    stored = store.find_many([code for code in communes if code not in sent], period)
    reports = {code: report for code in communes
               if (report := sent.get(code) or stored.get(code)) is not None}
    rollup = roll_up(pack.catalogue, parent, period, list(communes.values()), reports,
                     store.scores(period.year - 1, communes.values()))
    rollup.departments = _departments(store, parent, period, pack)
    base = store.find(unit_code, period) or start_report(store, unit_code, period,
                                                         date, pack=pack)
    return Aggregated(apply_rollup(base, rollup), rollup)


def render_jobs(store: Reads, unit_code: str, period: Period,
                out_dir: Path) -> tuple[list[Job], list[Unit]]:
    """A job per commune with a stored report for ``period`` (with its comparisons), and the
    communes without one."""
    jobs, missing = [], []
    communes = communes_of(store, aggregating_unit(store, unit_code), period)
    codes = [unit.code for unit in communes]
    stored = store.find_many(codes, period)
    before, last_year = period.previous(), period.same_period_last_year()
    previous_reports = store.find_many(codes, before)
    last_year_reports = store.find_many(codes, last_year)
    for unit in communes:
        report = stored.get(unit.code)
        if report is None:
            missing.append(unit)
            continue
        jobs.append(Job(report, inside(out_dir, f"{unit.code}-{period.code}.docx"),
                        previous=_compared(store, report.unit, before, previous_reports),
                        last_year=_compared(store, report.unit, last_year, last_year_reports)))
    return jobs, missing


def _compared(store: Reads, unit: Unit, period: Period,
              found: dict[str, Report]) -> Report | None:
    """What :func:`~drafter.records.workflow.comparison` gives, from reports read together:
    the unit's own, else (before its merger) its predecessors' summed, or a longer period
    combined from its parts."""
    own = found.get(unit.code)
    if own is not None or (period.kind is PeriodKind.QUARTER and not before_merger(unit, period)):
        return own
    return comparison(store, unit, period)
