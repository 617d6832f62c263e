"""The records' rules the store enforces, with the Vietnamese words that explain a refusal."""

from __future__ import annotations

from sqlmodel import Session, col, select

from drafter.domain.limits import UNIT_FIELD_NAMES, UnitError, check_unit
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.errors import StorageError
from drafter.vi.periods import period_name
from drafter.vi.text import register_number
from models import ReportRow


def final_message(report: Report, report_id: int | None) -> str:
    return (f"báo cáo {period_name(report.period)} của {report.unit.label} (số {report_id}) là "
            "bản chính thức nên không được sửa; muốn sửa, chuyển về dự thảo trước, có ghi lý "
            f"do: drafter report reopen {report_id} --reason \"…\"")


def stale_message(report: Report, stored: int, read: int) -> str:
    return (f"báo cáo {period_name(report.period)} của {report.unit.label} vừa được lưu ở nơi "
            f"khác (phiên bản {stored}, bản đang sửa là phiên bản {read}); thay đổi vừa rồi "
            "chưa được lưu, để không xóa mất thay đổi kia. Hãy mở lại báo cáo rồi sửa tiếp")


def _same_number(first: str, second: str) -> bool:
    """``18``, ``018`` and ``１８`` are the same register number; ``18a`` is another."""
    def norm(number: str) -> str:
        number = register_number(number).casefold()
        return number.lstrip("0") or "0" if number.isdigit() else number
    return norm(first) == norm(second)


def duplicate_number(session: Session, unit_id: int, report: Report) -> str:
    """Why ``report``'s number cannot be used (another report of the unit issued in the same
    year carries it), or ``""``. Register numbers restart each calendar year of issue."""
    if not report.number:
        return ""
    rows = session.exec(select(ReportRow).where(
        ReportRow.unit_id == unit_id, ReportRow.period != report.period.code,
        col(ReportRow.number).is_not(None))).all()
    for row in rows:
        if row.date.year == report.date.year and _same_number(row.number or "", report.number):
            return (f"số {report.number} năm {report.date.year} đã dùng cho báo cáo kỳ "
                    f"{row.period} (số {row.id}) của {report.unit.label}; mỗi số văn bản chỉ "
                    "dùng một lần trong năm")
    return ""


def checked_unit(unit: Unit) -> None:
    """The unit's fields within the limits."""
    try:
        check_unit(unit)
    except UnitError as exc:
        name = UNIT_FIELD_NAMES.get(exc.field, exc.field)
        raise StorageError(f"hồ sơ đơn vị: {name} {exc.problem}") from None
