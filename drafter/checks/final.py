"""A final report must pass its checks: the rule shared by rendering, storing and the TUI."""

from __future__ import annotations

from drafter.checks import Problem, check_report, has_errors
from drafter.domain.report import Report, Status
from drafter.errors import ChecksFailedError
from drafter.packs.load import TemplatePack


def errors_message(problems: list[Problem]) -> str:
    """Why a report cannot be final, one error per line."""
    errors = [p for p in problems if p.is_error]
    lines = [f"báo cáo còn {len(errors)} lỗi nên chưa thể là bản chính thức:"]
    lines += [f"  - {p.located}" for p in errors]
    lines.append("Sửa các lỗi trên (xem: drafter check), hoặc để ở trạng thái dự thảo.")
    return "\n".join(lines)


def ensure_can_be_final(report: Report, previous: Report | None = None,
                        pack: TemplatePack | None = None) -> None:
    """Raise :class:`ChecksFailedError` when ``report`` is final and has errors."""
    if report.status is not Status.FINAL:
        return
    problems = check_report(report, pack, previous)
    if has_errors(problems):
        raise ChecksFailedError(errors_message(problems))
