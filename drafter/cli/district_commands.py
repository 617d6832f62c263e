"""District commands: roll the communes up, render them all, rank them."""

from __future__ import annotations

import argparse

from drafter.api import render_to_file
from drafter.cli.common import announce, pack_of, period_of, store_of
from drafter.district import aggregate as aggregate_reports
from drafter.domain.report import Status
from drafter.domain.units import Unit
from drafter.vi.periods import period_name
from drafter.vi.text import join_vi


def _names(units: list[Unit]) -> str:
    return join_vi((f"{unit.kind} {unit.name}" for unit in units), ", ")


def aggregate(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    store = store_of(args)
    result = aggregate_reports(store, args.unit, period_of(args.period), args.files, pack,
                               args.date)
    rollup, report = result.rollup, result.report
    received = len(rollup.lines) - len(rollup.missing)
    print(f"Tổng hợp {period_name(rollup.period)} của {rollup.district.kind} "
          f"{rollup.district.name}: đã nhận {received}/{len(rollup.lines)} báo cáo của cấp xã.")
    if rollup.missing:
        print(f"  Chưa gửi: {_names(rollup.missing)}")
    if rollup.drafts:
        print(f"  Còn là dự thảo: {_names(rollup.drafts)}")
    for key, units in rollup.gaps.items():
        print(f"  Để trống «{pack.catalogue[key].label}»: {_names(units)}")
    if report.status is Status.FINAL:
        print("Báo cáo của huyện đã là bản chính thức: không ghi đè số liệu đã lưu.")
    elif not args.no_save:
        report_id = store.save_report(report)
        print(f"Đã lưu số liệu tổng hợp vào báo cáo {period_name(report.period)} của "
              f"{report.unit.kind} {report.unit.name} (số {report_id}).")
    if args.output is not None:
        previous = store.find(report.unit.code, report.period.previous())
        last_year = store.find(report.unit.code, report.period.same_period_last_year())
        announce(args, render_to_file(report, args.output, previous=previous, pack=pack,
                                      text=args.text, last_year=last_year, rollup=rollup))
    return 0
