"""The ranking's dialogs: one unit's score, a workbook of scores, the ranking report, another
year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from drafter.datafile.content import Content, load_content
from drafter.domain.ranking import RankingRules, Score
from drafter.domain.units import Unit
from drafter.errors import DrafterError
from drafter.office import operations
from drafter.packs.load import TemplatePack
from drafter.storage import Store
from drafter.tui.dialogs.form import Box, Choice, FormDialog, Tick
from drafter.vi.dates import parse_date, short_date
from drafter.vi.numbers import format_number

DEFAULT_ISSUER = ""


class ScoreDialog(FormDialog[Score]):
    """``drafter score set`` for one unit: the total and each field, checked and stored."""

    def __init__(self, store: Store, unit: Unit, year: int, rules: RankingRules,
                 pack: TemplatePack, score: Score | None) -> None:
        fields = score.fields if score else {}
        super().__init__(f"Điểm Chỉ số CCHC năm {year} — {unit.label}", [
            Box("total", f"Tổng điểm (tối đa {format_number(rules.max_total)})",
                operations.score_text(score.total) if score else "", "ví dụ 85,125"),
            *(Box(f"field-{f.id}", f"{f.label} (tối đa {format_number(f.max)})",
                  operations.score_text(fields[f.id]) if f.id in fields else "",
                  "để trống nếu không chấm riêng") for f in rules.fields),
        ], "Lưu điểm", intro="Dùng dấu phẩy cho phần thập phân: 85,125.")
        self.store = store
        self.unit = unit
        self.year = year
        self.rules = rules
        self.pack = pack

    def submit(self) -> None:
        typed = {f.id: self.text(f"field-{f.id}") for f in self.rules.fields}
        try:
            score = operations.set_score(self.store, self.unit.code, self.year, self.text("total"),
                                     {key: value for key, value in typed.items() if value},
                                     self.pack)
        except DrafterError as exc:
            self.refuse(str(exc))
            return
        self.dismiss(score)


@dataclass(frozen=True)
class Workbook:
    path: Path
    sheet: str | None


class ImportDialog(FormDialog[Workbook]):
    """``drafter score import``: the workbook and its sheet."""

    def __init__(self, year: int) -> None:
        super().__init__(f"Nhập điểm Chỉ số CCHC năm {year} từ bảng tính", [
            Box("book", "Tệp bảng điểm (.xlsx hoặc .csv)", placeholder="ví dụ diem-2025.xlsx"),
            Box("sheet", "Trang tính", placeholder="để trống: trang đầu tiên"),
        ], "Nhập điểm", intro="Bảng có cột Đơn vị (hoặc Mã), cột Tổng điểm, và các lĩnh vực "
                              "nếu có. Thứ hạng luôn được tính lại từ điểm.")

    def submit(self) -> None:
        typed = self.text("book")
        path = Path(typed).expanduser()
        if not typed or not path.is_file():
            self.refuse(f"Không có tệp {typed!r}" if typed else "Cần nhập tệp bảng điểm")
            return
        self.dismiss(Workbook(path, self.text("sheet") or None))


@dataclass(frozen=True)
class RankingRequest:
    number: str | None
    date: dt.date
    content: Content | None
    issuer: str | None


class RankingDialog(FormDialog[RankingRequest]):
    """``drafter ranking``: number, date, the content file, who issues it, and whether to
    issue it while some units have no score (the CLI's ``--allow-missing``)."""

    def __init__(self, year: int, today: dt.date, issuers: list[Unit], unscored: list[Unit],
                 output: Path) -> None:
        choices = [("Mặc định (Sở Nội vụ, Phòng Nội vụ nếu có)", DEFAULT_ISSUER)] + [
            (unit.label, unit.code) for unit in issuers]
        fields: list[Box | Choice | Tick] = [
            Box("number", "Số văn bản", placeholder="để trống nếu văn thư sẽ cấp số"),
            Box("date", "Ngày báo cáo", short_date(today)),
            Box("content", "Tệp nội dung (TOML: tiêu chí, phương pháp, đánh giá, nhiệm vụ)",
                placeholder="không bắt buộc"),
            Choice("issuer", "Đơn vị ban hành", choices, DEFAULT_ISSUER),
        ]
        if unscored:
            fields.append(Tick("allow", f"Vẫn ban hành khi còn {len(unscored)} đơn vị chưa có "
                                        "điểm (được ghi tên trong báo cáo)"))
        super().__init__(f"Báo cáo xếp hạng Chỉ số CCHC năm {year}", fields,
                         "Ghi báo cáo xếp hạng", intro=f"Ghi {output}.")
        self.unscored = unscored

    def submit(self) -> None:
        if self.unscored and not self.ticked("allow"):
            self.refuse(f"Còn {len(self.unscored)} đơn vị chưa có điểm: "
                        f"{operations.names(self.unscored)}. Nhập đủ điểm, hoặc chọn «Vẫn ban "
                        "hành…» nếu vẫn ban hành bảng xếp hạng này.")
            return
        try:
            date = parse_date(self.text("date"))
        except ValueError as exc:
            self.refuse(f"Ngày báo cáo: {exc}")
            return
        typed = self.text("content")
        try:
            content = load_content(Path(typed).expanduser()) if typed else None
        except DrafterError as exc:
            self.refuse(str(exc))
            return
        self.dismiss(RankingRequest(self.text("number") or None, date, content,
                                    self.chosen("issuer") or None))


class YearDialog(FormDialog[int]):
    """Returns the year chosen."""

    def __init__(self, year: int) -> None:
        super().__init__("Chọn năm đánh giá", [Box("year", "Năm", str(year))], "Xem năm này")

    def submit(self) -> None:
        year = self.text("year")
        if not (year.isdigit() and len(year) == 4):
            self.refuse(f"Năm không hợp lệ: \"{year}\" (ví dụ 2025)")
            return
        self.dismiss(int(year))
