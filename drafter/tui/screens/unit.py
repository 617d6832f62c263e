"""First start: the unit profile (level, name, province, superior, place, signer, recipients)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Select, TextArea

from drafter.domain.units import UNIT_KINDS, Signer, Unit, unit_code
from drafter.vi.text import clean

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

FIELDS = (
    ("name", "Tên đơn vị (không kèm cấp), ví dụ: Cẩm Giàng"),
    ("province", "Tỉnh, ví dụ: Bắc Kạn"),
    ("superior", "Cơ quan cấp trên in ở tiêu đề, ví dụ: UBND HUYỆN BẠCH THÔNG"),
    ("place", "Địa danh ghi ở dòng ngày tháng, ví dụ: Cẩm Giàng"),
    ("signer_name", "Họ và tên người ký"),
    ("signer_title", "Chức vụ người ký, ví dụ: Chủ tịch"),
)


class UnitScreen(Screen[None]):
    """The unit profile form; saving it opens the unit's report list."""

    BINDINGS = [Binding("ctrl+s", "save", "Lưu đơn vị")]

    def __init__(self, unit: Unit | None = None) -> None:
        super().__init__()
        self.unit = unit

    def compose(self) -> ComposeResult:
        unit = self.unit
        yield Header()
        with VerticalScroll(id="unit-form"):
            yield Label("Thông tin đơn vị báo cáo", classes="title")
            yield Label("Cấp đơn vị")
            yield Select([(kind, kind) for kind in UNIT_KINDS], id="kind", allow_blank=False,
                         value=unit.kind if unit else "xã", compact=True)
            values = {
                "name": unit.name if unit else "", "province": unit.province if unit else "",
                "superior": unit.superior if unit else "", "place": unit.place if unit else "",
                "signer_name": unit.signer.name if unit else "",
                "signer_title": unit.signer.title if unit else "Chủ tịch",
            }
            for field_id, label in FIELDS:
                yield Label(label)
                yield Input(values[field_id], id=field_id, compact=True)
            yield Checkbox("Cấp phó ký thay (KT. CHỦ TỊCH)", unit.signer.deputy if unit else False,
                           id="deputy")
            yield Label("Nơi nhận mặc định, mỗi dòng một nơi (không kể \"Lưu: VT\")")
            yield TextArea("\n".join(unit.recipients) if unit else "", id="recipients")
            yield Label("", id="unit-error", classes="error")
            yield Button("Lưu đơn vị (Ctrl+S)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        # The level defaults to "xã"; a new user starts typing the name straight away.
        self.query_one("#name", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()

    def _text(self, field_id: str) -> str:
        return clean(self.query_one(f"#{field_id}", Input).value)

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What Ctrl+P offers here."""
        yield SystemCommand("Lưu đơn vị (Ctrl+S)", "Lưu thông tin đơn vị rồi mở danh sách báo cáo",
                            self.action_save)

    def action_save(self) -> None:
        kind = str(self.query_one("#kind", Select).value)
        missing = [label.split(",")[0] for field_id, label in FIELDS
                   if field_id != "superior" and not self._text(field_id)]
        if missing:
            self.query_one("#unit-error", Label).update("Còn thiếu: " + "; ".join(missing))
            return
        name = self._text("name")
        recipients = tuple(clean(line) for line in self.query_one("#recipients", TextArea).text
                           .splitlines() if clean(line))
        unit = Unit(
            code=self.unit.code if self.unit else unit_code(kind, name),
            kind=kind, name=name, province=self._text("province"),
            place=self._text("place"), superior=self._text("superior"),
            signer=Signer(self._text("signer_name"), self._text("signer_title"),
                          self.query_one("#deputy", Checkbox).value),
            recipients=recipients,
        )
        app = cast("DrafterApp", self.app)
        error = app.session.save_unit(unit)
        if error:
            self.query_one("#unit-error", Label).update(error)
            return
        from drafter.tui.screens.reports import ReportsScreen

        if self.unit is None:
            app.switch_screen(ReportsScreen(unit))
        else:
            app.pop_screen()
