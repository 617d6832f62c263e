"""``drafter report import-word``: last period's report made by hand in Word, stored so that
the next report starts from it."""

from __future__ import annotations

import argparse

from drafter.cli.common import period_of
from drafter.cli.store import store_of
from drafter.records.word import import_word
from drafter.vi.periods import period_name


def import_word_report(args: argparse.Namespace) -> int:
    period = period_of(args.period) if args.period else None
    imported = import_word(store_of(args), args.unit, args.file, period)
    report_id, read = imported.report_id, imported.read.report
    counts = [f"{imported.read.figures_read} số liệu", f"{len(read.basis)} văn bản căn cứ",
              f"{len(read.documents)} văn bản đã ban hành",
              f"{len(read.items('tasks'))} nhiệm vụ", f"{len(read.recipients)} nơi nhận"]
    print(f"Đã đọc báo cáo {period_name(read.period)} của {read.unit.label} từ tệp Word "
          f"(số {report_id}): {', '.join(counts)}.")
    review = imported.read.review
    if review and args.review:
        print(f"Cần xem lại {len(review)} điểm:")
        for line in review:
            print(f"  - {line}")
    elif review:
        print(f"Có {len(review)} điểm cần xem lại (in ra bằng --review).")
    print("Mọi nội dung đọc từ tệp Word được đánh dấu cần xác nhận. Tạo báo cáo kỳ sau: "
          f"drafter report new --unit {read.unit.code} --period KỲ --from {read.period.code}")
    return 0
