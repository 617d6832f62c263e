"""Command handlers on stored reports and tables: parse nothing, print Vietnamese, call the
library."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.checks import check_report
from drafter.cli.common import announce, check_output, pack_of, period_of
from drafter.cli.store import store_of
from drafter.datafile import dump_report, load_report
from drafter.domain.report import Report
from drafter.errors import DrafterError
from drafter.exchange import export_table, import_table
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.records import workflow
from drafter.records.started import started_lines
from drafter.storage import Store, connect
from drafter.vi.periods import period_name
from drafter.writer.atomic import write_atomic


def list_reports(args: argparse.Namespace) -> int:
    store = store_of(args)
    summaries, unreadable = store.list(args.unit), store.unreadable(args.unit)
    if not summaries and not unreadable:
        print("Chưa có báo cáo nào.")
        return 0
    if summaries:
        print(f"{'Số':>4}  {'Đơn vị':<24} {'Kỳ':<8} {'Trạng thái':<10} Số văn bản")
    for s in summaries:
        status = "chính thức" if s.status == "final" else "dự thảo"
        print(f"{s.id:>4}  {s.unit_name:<24} {s.period.code:<8} {status:<10} {s.number or '-'}")
    for problem in unreadable:
        print(f"Không đọc được {problem}.")
    return 0


def import_report(args: argparse.Namespace) -> int:
    report = load_report(args.file)
    report_id = workflow.import_report(store_of(args), report, args.confirm_drafts)
    print(f"Đã nhập báo cáo {report.period.code} của {report.unit.label} "
          f"(số {report_id}).")
    return 0


def export_report(args: argparse.Namespace) -> int:
    report = store_of(args).get(args.id)
    text = dump_report(report)
    path = write_atomic(args.output, text.encode("utf-8"))
    print(f"Đã ghi {path}")
    return 0


def render_stored(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    announce(args, workflow.render_stored(store_of(args, pack), args.id, args.output,
                                          text=args.text, pack=pack))
    return 0


def check(args: argparse.Namespace) -> int:
    pack = pack_of(args)
    report, store = _one_report(args, args.file, pack)
    if store is not None:
        problems = workflow.check_stored(store, report, pack)
    else:
        previous = load_report(args.previous, pack.catalogue) if args.previous else None
        problems = check_report(report, pack, previous)
    print(f"Báo cáo {period_name(report.period)} của {report.unit.label}:")
    for problem in problems:
        print(f"  {problem.severity.label:<9} {problem.located}")
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if not problems:
        print("  Không phát hiện vấn đề nào.")
    else:
        print(f"Có {errors} lỗi và {warnings} cảnh báo.")
    return 1 if errors else 0


def new_report(args: argparse.Namespace) -> int:
    store = store_of(args)
    started = workflow.start(store, args.unit, period_of(args.period), date=args.date,
                             source=period_of(args.source) if args.source else None,
                             empty=args.empty)
    report = started.report
    report_id = store.save_report(report)
    print(f"Đã tạo báo cáo {period_name(report.period)} của {report.unit.label} "
          f"(số {report_id}).")
    for line in started_lines(started, builtin_pack().catalogue):
        print(line)
    return 0


def mark_final(args: argparse.Namespace) -> int:
    report = workflow.mark_final(store_of(args), args.id, args.confirm_drafts)
    print(f"Báo cáo {period_name(report.period)} của {report.unit.label} "
          "đã chuyển sang bản chính thức.")
    return 0


def demo(args: argparse.Namespace) -> int:
    """Build the demo in its own database (``<output>/demo.sqlite``, made afresh; ``--db``
    names another) and render its reports."""
    from drafter.demo.showcase import build_demo

    out = Path(args.output)
    url = args.db
    if url is None:
        out.mkdir(parents=True, exist_ok=True)
        for stale in out.glob("demo.sqlite*"):
            stale.unlink()
        url = f"sqlite:///{out / 'demo.sqlite'}"
    pack = pack_of(args)
    for path in build_demo(Store(connect(url), pack.catalogue), out, pack):
        print(f"Đã ghi {path}")
    print(f"Cơ sở dữ liệu của bản mẫu: {url}")
    return 0


def _one_report(args: argparse.Namespace, file: Path | None,
                pack: TemplatePack) -> tuple[Report, Store | None]:
    """The report of TỆP or of ``--report``, read by ``pack``'s catalogue."""
    if (file is None) == (args.report is None):
        raise DrafterError("cần đúng một trong hai: TỆP hoặc --report SỐ")
    if file is not None:
        return load_report(file, pack.catalogue), None
    store = store_of(args, pack)
    return store.get(args.report), store


def table_export(args: argparse.Namespace) -> int:
    check_output(args.output, args.file)
    pack = pack_of(args)  # a province's own form exports (and imports again) its own rows
    report, _ = _one_report(args, args.file, pack)
    print(f"Đã ghi {export_table(report, args.output, pack)}")
    return 0


def table_import(args: argparse.Namespace) -> int:
    if args.into is not None and args.output is None:
        raise DrafterError("cần -o TỆP để ghi kết quả (tệp gốc được giữ nguyên)")
    check_output(args.output, args.into, args.book)
    pack = pack_of(args)
    report, store = _one_report(args, args.into, pack)
    result = import_table(args.book, report.unit.tier, pack, unit=report.unit,
                          period=report.period)
    result.apply(report)
    if store is not None:
        store.save_report(report)
        target = f"báo cáo số {args.report}"
    else:
        target = str(write_atomic(args.output, dump_report(report).encode("utf-8")))
    print(f"Đã nhập {len(result.figures)} số liệu và {len(result.stated)} tỷ lệ, tổng để đối "
          f"chiếu vào {target}.")
    if result.unmatched:
        print(f"{len(result.unmatched)} dòng không khớp với biểu mẫu, chưa nhập:")
        for line in result.unmatched:
            print(f"  - {line}")
    if result.uncomputed:
        print(f"{len(result.uncomputed)} ô công thức chưa có giá trị (mở bảng bằng Excel hoặc "
              "LibreOffice rồi lưu lại để tính), chưa nhập:")
        for cell in result.uncomputed:
            print(f"  - {cell}")
    return 0
