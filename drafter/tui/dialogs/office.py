"""The aggregating office's dialogs: another period, the roll-up, rendering every commune."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.domain.periods import Period
from drafter.office.aggregation import TABLE_SUFFIXES
from drafter.tui.dialogs.form import Box, Choice, FormDialog, Tick
from drafter.tui.dialogs.new_report import KINDS
from drafter.vi.periods import period_name

SENT_SUFFIXES = (".toml", *TABLE_SUFFIXES)


class PeriodDialog(FormDialog[Period]):
    """Returns the period chosen."""

    def __init__(self, period: Period) -> None:
        super().__init__("Chọn kỳ báo cáo", [
            Choice("kind", "Kỳ", KINDS, period.code.partition("-")[2]),
            Box("year", "Năm", str(period.year)),
        ], "Xem kỳ này")

    def submit(self) -> None:
        kind, year = self.chosen("kind"), self.text("year")
        try:
            self.dismiss(Period.parse(f"{year}-{kind}" if kind else year))
        except ValueError:
            self.refuse(f"Năm không hợp lệ: \"{year}\" (ví dụ 2026)")


@dataclass(frozen=True)
class AggregateRequest:
    files: list[Path]
    save: bool


def sent_files(typed: str) -> list[Path]:
    """The files communes sent: the file typed, or every data file and workbook in the
    folder typed; ``ValueError`` with the reason when there is none."""
    path = Path(typed).expanduser()
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in SENT_SUFFIXES)
        if not found:
            raise ValueError(f"thư mục {path} không có tệp .toml, .xlsx hay .csv nào")
        return found
    if not path.is_file():
        raise ValueError(f"không có tệp hay thư mục {path}")
    return [path]


class AggregateDialog(FormDialog[AggregateRequest]):
    """Files sent up (optional) and whether to save the sums into the office's report."""

    def __init__(self, office: str, period: Period, output: Path) -> None:
        super().__init__(f"Tổng hợp {period_name(period)}", [
            Box("sent", "Tệp các xã gửi lên (không bắt buộc): một tệp, hoặc thư mục các tệp",
                placeholder="để trống: lấy báo cáo trong cơ sở dữ liệu"),
            Tick("save", f"Lưu số liệu tổng hợp vào báo cáo của {office}", True),
        ], "Tổng hợp và ghi DOCX",
            intro=f"Cộng số liệu các báo cáo cấp xã, tính lại các tỷ lệ, ghi {output}.")

    def on_mount(self) -> None:
        self.query_one("#submit").focus()  # the usual case needs no file: Enter runs it

    def submit(self) -> None:
        typed = self.text("sent")
        try:
            files = sent_files(typed) if typed else []
        except ValueError as exc:
            self.refuse(f"Tệp các xã gửi lên: {exc}")
            return
        self.dismiss(AggregateRequest(files, self.ticked("save")))


class RenderAllDialog(FormDialog[Path]):
    """The folder every commune's DOCX goes into."""

    def __init__(self, period: Period, count: int, folder: Path) -> None:
        super().__init__(f"Soạn báo cáo {period_name(period)} của các đơn vị cấp xã", [
            Box("folder", "Thư mục ghi các tệp DOCX", str(folder)),
        ], "Soạn tất cả", intro=f"Soạn {count} báo cáo đã có, song song trên mọi nhân CPU; "
                                "báo cáo nào lỗi được liệt kê, không dừng các báo cáo khác.")

    def submit(self) -> None:
        typed = self.text("folder")
        if not typed:
            self.refuse("Cần nhập thư mục ghi các tệp DOCX")
            return
        folder = Path(typed).expanduser()
        if folder.exists() and not folder.is_dir():
            self.refuse(f"{folder} là một tệp, không phải thư mục")
            return
        self.dismiss(folder)
