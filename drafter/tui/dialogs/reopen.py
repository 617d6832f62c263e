"""Turning a final report back into a draft: an explicit step, with its reason recorded."""

from __future__ import annotations

from drafter.tui.dialogs.form import Box, FormDialog
from drafter.tui.session import Session


class ReopenDialog(FormDialog[str]):
    """Asks why, then reopens the report through the records' API; returns the reason.
    What the store refuses (no reason, a reason too long, the report changed meanwhile) is
    said under the form, and the report stays final."""

    def __init__(self, session: Session, report_id: int, title: str) -> None:
        super().__init__("Chuyển về dự thảo để sửa", [
            Box("reason", "Lý do sửa (ghi vào lịch sử của báo cáo)",
                placeholder="ví dụ: sửa số hồ sơ tiếp nhận theo số liệu của Bộ phận Một cửa"),
        ], "Chuyển về dự thảo", intro=f"{title} đang là bản chính thức, chỉ xem được. "
                                      "Chuyển về dự thảo thì sửa được; khi xong, chọn lại "
                                      "trạng thái “Chính thức” ở mục Thông tin ban hành.")
        self.session = session
        self.report_id = report_id

    def submit(self) -> None:
        reason = self.text("reason")
        problem = self.session.reopen(self.report_id, reason)
        if problem:
            self.refuse(problem)
            return
        self.dismiss(reason)
