"""Records commands: reopen a final report (with a reason) and show a report's history."""

from __future__ import annotations

import argparse

from drafter.cli.store import store_for
from drafter.domain.report import Status
from drafter.records import workflow
from drafter.storage.history import CREATE, FINAL, REOPEN, Change
from drafter.vi.periods import period_name

_ACTIONS = {CREATE: "tạo báo cáo", FINAL: "chuyển sang bản chính thức", REOPEN: "chuyển về dự "
            "thảo", "update": "sửa"}
_STATUS = {Status.FINAL.value: "chính thức", Status.DRAFT.value: "dự thảo"}
_SHOWN = 60  # characters of a long old or new value shown


def reopen(args: argparse.Namespace) -> int:
    report = workflow.reopen_report(store_for(args, args.id), args.id, args.reason)
    print(f"Báo cáo {period_name(report.period)} của {report.unit.label} (số {args.id}) đã "
          "chuyển về dự thảo; việc này được ghi vào lịch sử (xem: drafter report history "
          f"{args.id}).")
    return 0


def _value(text: str | None, field: str) -> str:
    if text is None or text == "":
        return "(trống)"
    if field == "report.status":
        return _STATUS.get(text, text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _line(change: Change, labels: dict[str, str]) -> str:
    when = change.at.astimezone().strftime("%d/%m/%Y %H:%M")
    action = _ACTIONS.get(change.action, change.action)
    head = f"{when}  {change.actor}  {action}"
    if change.action == CREATE:
        return f"{head} ({_value(change.new, change.field)})"
    if change.action in (FINAL, REOPEN) and change.field == "report.status":
        return head + (f" — lý do: {change.reason}" if change.reason else "")
    label = labels.get(change.field.removeprefix("figures."), "")
    field = f"{change.field} ({label})" if label and change.field.startswith("figures.") \
        else change.field
    return (f"{head} {field}: {_value(change.old, change.field)} → "
            f"{_value(change.new, change.field)}")


def show_history(args: argparse.Namespace) -> int:
    store = store_for(args, args.id)
    changes = store.history(args.id)
    report = store.get(args.id)
    labels = {indicator.key: indicator.label for indicator in store.catalogue}
    print(f"Lịch sử báo cáo {period_name(report.period)} của {report.unit.label} "
          f"(số {args.id}), {len(changes)} thay đổi:")
    for change in changes:
        print(f"  {_line(change, labels)}")
    return 0
