"""Command handlers: parse nothing, print Vietnamese, call the library."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.api import demo_files, render_to_file
from drafter.datafile import dump_report, load_report
from drafter.storage import Store, connect
from drafter.writer.atomic import write_atomic
from drafter.writer.pdf import convert_to_pdf


def _store(args: argparse.Namespace) -> Store:
    return Store(connect(args.db))


def render_file(args: argparse.Namespace) -> int:
    report = load_report(args.file)
    _announce(args, render_to_file(report, args.output, text=args.text))
    return 0


def _announce(args: argparse.Namespace, path: Path) -> None:
    """Report the written DOCX, then convert it when ``--pdf`` was asked for."""
    print(f"Đã ghi {path}")
    if getattr(args, "pdf", False):
        print(f"Đã ghi {convert_to_pdf(path)}")


def list_reports(args: argparse.Namespace) -> int:
    summaries = _store(args).list(args.unit)
    if not summaries:
        print("Chưa có báo cáo nào.")
        return 0
    print(f"{'Số':>4}  {'Đơn vị':<24} {'Kỳ':<8} {'Trạng thái':<10} Số văn bản")
    for s in summaries:
        status = "chính thức" if s.status == "final" else "dự thảo"
        print(f"{s.id:>4}  {s.unit_name:<24} {s.period.code:<8} {status:<10} {s.number or '-'}")
    return 0


def import_report(args: argparse.Namespace) -> int:
    report = load_report(args.file)
    report_id = _store(args).save_report(report)
    print(f"Đã nhập báo cáo {report.period.code} của {report.unit.kind} {report.unit.name} "
          f"(số {report_id}).")
    return 0


def export_report(args: argparse.Namespace) -> int:
    report = _store(args).get(args.id)
    text = dump_report(report)
    path = write_atomic(args.output, text.encode("utf-8"))
    print(f"Đã ghi {path}")
    return 0


def render_stored(args: argparse.Namespace) -> int:
    store = _store(args)
    report = store.get(args.id)
    previous = store.find(report.unit.code, report.period.previous())
    _announce(args, render_to_file(report, args.output, previous=previous, text=args.text))
    return 0


def demo(args: argparse.Namespace) -> int:
    store = _store(args)
    ids = [store.save_report(load_report(path)) for path in demo_files()]
    for report_id in ids:
        report = store.get(report_id)
        previous = store.find(report.unit.code, report.period.previous())
        name = f"{report.unit.code}-{report.period.code}.docx"
        path = render_to_file(report, Path(args.output) / name, previous=previous, text=True)
        print(f"Đã ghi {path}")
    return 0
