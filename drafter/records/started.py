"""What the official is told when a new report is started: which reports a 6-month, 9-month
or annual report was made of, which were missing, what could not be combined and what is to
be reviewed — the same sentences for ``drafter report new`` and the TUI's new-report dialog."""

from __future__ import annotations

from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.records.sources import Source
from drafter.records.workflow import Started
from drafter.vi.periods import period_list


def started_lines(started: Started, catalogue: Catalogue) -> list[str]:
    """The sentences after "Đã tạo báo cáo …", in the order the official reads them."""
    report = started.report
    lines = []
    if started.used:
        lines.append(f"Số liệu tổng hợp từ báo cáo {_sources(started.used, report)}.")
    if started.missing:
        lines.append(f"Chưa có báo cáo {_sources(started.missing, report)}: số liệu tổng hợp "
                     "còn thiếu phần này, cần xem lại.")
    if started.asked:
        lines.append("Không cộng được từ các kỳ, cần nhập cho cả kỳ: "
                     f"{'; '.join(catalogue[key].label for key in started.asked)}.")
    if report.review:
        what = "cần xem lại" if started.used else "lấy từ kỳ trước cần xác nhận lại"
        lines.append(f"Có {len(report.review)} số liệu, nội dung {what}.")
    return lines


def _sources(sources: list[Source], report: Report) -> str:
    """``quý I, quý II năm 2026 của xã Bạch Thông; …``: the reports by unit (a predecessor
    with the unit's own name is "(cũ)")."""
    by_unit: dict[str, list[Period]] = {}
    for source in sources:
        label = source.unit.label
        if source.unit.code != report.unit.code and label == report.unit.label:
            label += " (cũ)"
        by_unit.setdefault(label, []).append(source.period)
    return "; ".join(f"{period_list(periods)} của {label}" for label, periods in by_unit.items())
