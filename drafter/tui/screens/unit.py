"""The unit profile: level, name, province, the unit it reports to, header superior, place,
signer, recipients. Editing a unit changes only what the form shows: every other field of the
stored unit is kept as it is (the form starts from the stored unit, ``dataclasses.replace``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Header, Input, Select, TextArea

from drafter.domain.units import KINDS, Signer, Unit, parse_kind, unit_code
from drafter.tui.navigation import UnitSaved
from drafter.tui.session import Session
from drafter.tui.widgets.buttons import FormButton
from drafter.tui.widgets.checkbox import EnterCheckbox
from drafter.tui.widgets.dropdown import Dropdown
from drafter.tui.widgets.footer import KeyFooter
from drafter.tui.widgets.text import Label
from drafter.vi.text import clean

FIELDS = (
    ("name", "Tên đơn vị (không kèm cấp), ví dụ: Cẩm Giàng"),
    ("province", "Tỉnh, ví dụ: Bắc Kạn"),
    ("superior", "Cơ quan cấp trên in ở tiêu đề, ví dụ: UBND HUYỆN BẠCH THÔNG"),
    ("place", "Địa danh ghi ở dòng ngày tháng, ví dụ: Cẩm Giàng"),
    ("signer_name", "Họ và tên người ký"),
    ("signer_title", "Chức vụ người ký, ví dụ: Chủ tịch"),
)
NO_PARENT = "(không có: đơn vị không báo cáo lên đơn vị nào trong cơ sở dữ liệu)"
# Kinds by their unambiguous names ("thành phố trực thuộc trung ương"); those abolished on
# 1 July 2025 stay for reports of earlier periods, said so.
KIND_OPTIONS = [(kind.name if kind.current else f"{kind.name} (trước 01/7/2025)", kind.name)
                for kind in KINDS]


class UnitScreen(Screen[None]):
    """A new unit (``unit`` is ``None``) or the stored one edited; Ctrl+S saves, Esc cancels."""

    HELP_TITLE = "Thông tin đơn vị"
    HELP = ("Điền thông tin đơn vị; Tab sang ô sau. \"Đơn vị cấp trên\" là đơn vị nhận và tổng "
            "hợp báo cáo (ví dụ UBND huyện): chọn để báo cáo của đơn vị được tổng hợp. "
            "Ctrl+S lưu, Esc bỏ qua các thay đổi.")
    BINDINGS = [Binding("ctrl+s", "save", "Lưu đơn vị"), Binding("escape", "cancel", "Hủy")]

    def __init__(self, session: Session, unit: Unit | None = None) -> None:
        super().__init__()
        self.session = session
        self.unit = unit

    def compose(self) -> ComposeResult:
        unit = self.unit
        yield Header()
        with VerticalScroll(id="unit-form"):
            yield Label("Thông tin đơn vị báo cáo", classes="title")
            yield Label("Cấp đơn vị")
            yield Dropdown(KIND_OPTIONS, id="kind", allow_blank=False,
                           value=unit.kind_info.name if unit else "xã", compact=True)
            values = {
                "name": unit.name if unit else "", "province": unit.province if unit else "",
                "superior": unit.superior if unit else "", "place": unit.place if unit else "",
                "signer_name": unit.signer.name if unit else "",
                "signer_title": unit.signer.title if unit else "Chủ tịch",
            }
            for field_id, label in FIELDS[:2]:
                yield Label(label)
                yield Input(values[field_id], id=field_id, compact=True)
            yield Label("Đơn vị cấp trên (nhận và tổng hợp báo cáo)")
            yield Dropdown(self._parents(), id="parent", allow_blank=False,
                           value=unit.parent if unit else "", compact=True)
            for field_id, label in FIELDS[2:]:
                yield Label(label)
                yield Input(values[field_id], id=field_id, compact=True)
            yield EnterCheckbox("Cấp phó ký thay (KT. CHỦ TỊCH) — Enter để chọn",
                                unit.signer.deputy if unit else False, id="deputy")
            yield Label("Nơi nhận mặc định, mỗi dòng một nơi (không kể \"Lưu: VT\")")
            yield TextArea("\n".join(unit.recipients) if unit else "", id="recipients")
            yield Label("", id="unit-error", classes="error")
            yield FormButton("Lưu đơn vị (Ctrl+S)", id="save", variant="primary")
        yield KeyFooter()

    def _parents(self) -> list[tuple[str, str]]:
        """The units this one may report to; a stored parent not in the database stays."""
        own = self.unit.code if self.unit else ""
        options = [(NO_PARENT, "")] + [(other.short_body, other.code)
                                       for other in sorted(self.session.units(),
                                                           key=lambda u: u.label)
                                       if other.code != own]
        parent = self.unit.parent if self.unit else ""
        if parent and parent not in [code for _, code in options]:
            options.append((f"{parent} (chưa có trong cơ sở dữ liệu)", parent))
        return options

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
        yield SystemCommand("Hủy (Esc)", "Bỏ qua các thay đổi", self.action_cancel)

    def action_cancel(self) -> None:
        self.app.pop_screen()

    def _apply(self, unit: Unit) -> Unit:
        """``unit`` with what the form shows; every field it does not show is kept."""
        recipients = tuple(clean(line) for line in
                           self.query_one("#recipients", TextArea).text.splitlines()
                           if clean(line))
        signer = Signer(self._text("signer_name"), self._text("signer_title"),
                        self.query_one("#deputy", Checkbox).value)
        kind = parse_kind(str(self.query_one("#kind", Select).value))
        level = unit.level
        if unit.kind != kind.word or (unit.level and unit.tier is not kind.tier):
            # A new kind: its tier is stored where the word does not tell it ("thành phố"),
            # or where the unit stored one already.
            level = kind.tier.value if kind.word == "thành phố" or unit.level else ""
        return dataclasses.replace(
            unit, kind=kind.word, level=level, name=self._text("name"),
            province=self._text("province"), place=self._text("place"),
            superior=self._text("superior"), parent=str(self.query_one("#parent", Select).value),
            signer=signer, recipients=recipients)

    def action_save(self) -> None:
        error = self.query_one("#unit-error", Label)
        missing = [label.split(",")[0] for field_id, label in FIELDS
                   if field_id != "superior" and not self._text(field_id)]
        if missing:
            error.update("Còn thiếu: " + "; ".join(missing))
            return
        if self.unit is not None:
            unit = self._apply(self.unit)
        else:
            kind, name = parse_kind(str(self.query_one("#kind", Select).value)), self._text("name")
            code = unit_code(kind.word, name)
            if code in {other.code for other in self.session.units()}:
                error.update(f"Đã có đơn vị {kind.word} {name}: chọn đơn vị đó ở danh sách đơn "
                             "vị để sửa")
                return
            level = kind.tier.value if kind.word == "thành phố" else ""
            unit = self._apply(Unit(code, kind.word, name, "", "", Signer(""), level=level))
        problem = self.session.save_unit(unit)
        if problem:  # a limit of the unit profile (drafter.domain.limits)
            error.update(problem)
            return
        self.post_message(UnitSaved(unit, new=self.unit is None))
