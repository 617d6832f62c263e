"""District work on the store: its communes, their reports, and the rolled-up district report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drafter.datafile import load_report
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.domain.units import Tier, Unit
from drafter.errors import DrafterError, StorageError
from drafter.exchange import import_table
from drafter.pack import TemplatePack, builtin_pack
from drafter.parallel import Job
from drafter.rollup import Rollup, apply_rollup, roll_up
from drafter.storage import Store
from drafter.workflow import comparisons, start_report
from drafter.writer.atomic import inside

TABLE_SUFFIXES = (".xlsx", ".csv")


class NotInDistrictError(DrafterError):
    """A file sent to the district belongs to a unit that is not one of its communes."""


@dataclass
class Aggregated:
    """The district report with its rolled-up figures, and the roll-up it came from."""

    report: Report
    rollup: Rollup


def district_unit(store: Store, code: str) -> Unit:
    unit = store.unit(code)
    if unit is None:
        raise StorageError(f"chưa có đơn vị mã {code} trong cơ sở dữ liệu")
    if unit.tier is not Tier.DISTRICT:
        raise StorageError(f"{unit.label} không phải là đơn vị cấp huyện")
    return unit


def communes_of(store: Store, district: Unit) -> list[Unit]:
    """The communes whose ``parent`` is ``district``, by code."""
    return [unit for unit in store.units()
            if unit.parent == district.code and unit.tier is Tier.COMMUNE]


def _from_table(path: Path, communes: dict[str, Unit], period: Period,
                pack: TemplatePack) -> Report:
    """A commune's figures from its appendix workbook, named after its unit code."""
    unit = communes.get(path.stem)
    if unit is None:
        raise NotInDistrictError(
            f"{path.name}: tên tệp bảng số liệu phải là mã một xã của huyện "
            f"(ví dụ {next(iter(communes), 'xa-thanh-mai')}{path.suffix})")
    result = import_table(path, Tier.COMMUNE, pack, unit=unit, period=period)
    return Report(unit=unit, period=period, date=dt.date.today(), figures=result.figures,
                  stated=result.stated, status=Status.FINAL)


def _from_files(files: Sequence[Path], district: Unit, communes: dict[str, Unit],
                period: Period, pack: TemplatePack) -> dict[str, Report]:
    reports: dict[str, Report] = {}
    for path in files:
        if path.suffix.lower() in TABLE_SUFFIXES:
            report = _from_table(path, communes, period, pack)
        else:
            report = load_report(path, pack.catalogue)
            if report.unit.parent != district.code and report.unit.code not in communes:
                raise NotInDistrictError(
                    f"{path.name}: báo cáo của {report.unit.label}, "
                    f"không thuộc {district.label}")
            if report.period != period:
                raise NotInDistrictError(
                    f"{path.name}: báo cáo kỳ {report.period.code}, không phải kỳ {period.code}")
            communes.setdefault(report.unit.code, report.unit)
        reports[report.unit.code] = report
    return reports


def aggregate(store: Store, district_code: str, period: Period, files: Sequence[Path] = (),
              pack: TemplatePack | None = None, date: dt.date | None = None) -> Aggregated:
    """Roll the communes' reports up into the district's report of ``period``.

    Commune reports come from the store; ``files`` (data files, or appendix workbooks named
    after the commune's code) take precedence. The district's own report is the stored one,
    or a new one started like ``report new`` would.
    """
    pack = pack or builtin_pack()
    district = district_unit(store, district_code)
    communes = {unit.code: unit for unit in communes_of(store, district)}
    sent = _from_files(files, district, communes, period, pack)
    reports = {code: report for code in communes
               if (report := sent.get(code) or store.find(code, period)) is not None}
    rollup = roll_up(pack.catalogue, district, period, list(communes.values()), reports)
    base = store.find(district_code, period) or start_report(store, district_code, period,
                                                             date, pack=pack)
    return Aggregated(apply_rollup(base, rollup), rollup)


def render_jobs(store: Store, district_code: str, period: Period,
                out_dir: Path) -> tuple[list[Job], list[Unit]]:
    """A job per commune with a stored report for ``period`` (with its comparisons), and the
    communes without one."""
    jobs, missing = [], []
    for unit in communes_of(store, district_unit(store, district_code)):
        report = store.find(unit.code, period)
        if report is None:
            missing.append(unit)
            continue
        previous, last_year = comparisons(store, report)
        jobs.append(Job(report, inside(out_dir, f"{unit.code}-{period.code}.docx"),
                        previous=previous, last_year=last_year))
    return jobs, missing
