"""The screens added for issue 16: units (picker, form with its parent), help (F1, ?), the light
theme, and the 80×24 layout of the footer and the title (defect 13)."""

import asyncio
import dataclasses
from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static
from textual.widgets._footer import FooterKey
from tui_pilot import built, demo, make_app, palette_options, reopen_at

from drafter.domain.units import Signer, Unit
from drafter.tui.dialogs.help import HelpScreen
from drafter.tui.dialogs.new_report import NewReportScreen
from drafter.tui.screens.editor.screen import EditorScreen
from drafter.tui.screens.reports import ReportsScreen
from drafter.tui.screens.unit import UnitScreen
from drafter.tui.screens.units import UnitsScreen
from drafter.tui.themes import LIGHT
from drafter.tui.widgets.footer import KeyFooter

DISTRICT = Unit("huyen-dong-son", "huyện", "Đông Sơn", "Bắc Hà", "Đông Sơn",
                Signer("Lê Văn Minh"), superior="UBND TỈNH BẮC HÀ")


def test_editing_a_unit_keeps_every_field_the_form_does_not_show(tmp_path: Path) -> None:
    """Defect 10 of the review (issue 15's must-show): editing the unit erased its parent."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        commune = dataclasses.replace(demo().unit, parent="huyen-bach-thong", archive="VP")
        store.save_unit(commune)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
            await pilot.press("u")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, UnitScreen)
            # A parent not in the database is kept and said so.
            assert form.query_one("#parent", Select).value == "huyen-bach-thong"
            form.query_one("#place", Input).value = "xã Thanh Mai"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
        saved = store.unit(commune.code)
        assert saved is not None and saved.place == "xã Thanh Mai"
        assert dataclasses.replace(saved, place=commune.place) == commune

    asyncio.run(scenario())


def test_units_are_picked_and_the_parent_chosen_in_the_tui(tmp_path: Path) -> None:
    """With several units the app opened the first; now each one is reachable, and a
    commune's parent is chosen from the units in the database."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        commune = demo().unit
        store.save_unit(commune)
        store.save_unit(DISTRICT)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            picker = pilot.app.screen
            assert isinstance(picker, UnitsScreen)
            table = picker.query_one(DataTable)
            assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == [
                "UBND huyện Đông Sơn", "UBND xã Thanh Mai"]
            await pilot.press("down", "u")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, UnitScreen)
            form.query_one("#parent", Select).value = "huyen-dong-son"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert pilot.app.screen is picker
            assert str(table.get_row_at(1)[1]) == "UBND huyện Đông Sơn"
            await pilot.press("enter")
            await pilot.pause()
            reports = pilot.app.screen
            assert isinstance(reports, ReportsScreen) and reports.unit.code == commune.code
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is picker
            # A new unit: Esc leaves the form without saving anything.
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(pilot.app.screen, UnitScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is picker
        saved = store.unit(commune.code)
        assert saved is not None and saved.parent == "huyen-dong-son"
        assert len(store.units()) == 2

    asyncio.run(scenario())


def test_f1_and_question_mark_open_the_help_of_the_screen(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, EditorScreen)
            await pilot.press("f1")
            await pilot.pause()
            help_screen = pilot.app.screen
            assert isinstance(help_screen, HelpScreen)
            keys = dict(help_screen.keys())
            for key in ("F2", "F5", "F6", "F8", "Ctrl+S", "Ctrl+O", "Esc", "Delete", "Ctrl+Z",
                        "Ctrl+↑", "Home", "End", "Ctrl+Q", "Ctrl+P", "Tab / Shift+Tab"):
                assert key in keys, key
            assert keys["F6"].startswith("Mọi lỗi và cảnh báo")
            assert not [text for text in keys.values() if "Dismiss" in text or "Cursor" in text]
            assert "F6 xem mọi lỗi" in str(help_screen.query_one("#help-how-to", Static).content)
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is editor
            # "?" in a box is a question mark; outside one, it is help.
            box = editor.query_one("#in-directive_docs", Input)
            assert pilot.app.focused is box
            await pilot.press("question_mark")
            await pilot.pause()
            assert pilot.app.screen is editor and "?" in box.value
            await pilot.press("escape")  # back to the report list
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(pilot.app.screen, HelpScreen)
            assert dict(pilot.app.screen.keys())["N"] == "Báo cáo mới"

    asyncio.run(scenario())


def test_the_light_theme_is_chosen_from_the_palette_and_remembered(tmp_path: Path) -> None:
    async def first() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert pilot.app.theme == "textual-dark"
            offered = await palette_options(pilot, "giao dien sang")
            assert offered[0] == "Giao diện sáng, tương phản cao"
            await pilot.press("enter")
            await pilot.pause()
            assert pilot.app.theme == LIGHT

    async def second() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert pilot.app.theme == LIGHT
            background = pilot.app.screen.styles.background
            assert background.brightness > 0.9  # black on white

    asyncio.run(first())
    asyncio.run(second())


def test_at_80_columns_the_footer_keeps_help_and_quit_and_the_title_the_period(
        tmp_path: Path) -> None:
    """Defect 13: the title cut the period, the footer lost Ctrl+Q."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "documents")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            for pane in ("direction", "documents", "tasks", "issuing"):
                await screen.action_show(pane)
                await built(pilot)  # the rows below the first screenful too
                await pilot.pause()
                screen.focus_pane()
                await pilot.pause()
                keys = {key.key: key for key in screen.query(FooterKey)}
                for wanted in ("f1", "ctrl+q", "ctrl+s", "escape"):
                    assert wanted in keys, (pane, wanted)
                    assert keys[wanted].region.right <= 80, (pane, wanted)
            title = screen.query_one("HeaderTitle")
            assert "Quý I năm 2024" in str(title.render())
            assert title.region.right <= 80

    asyncio.run(scenario())


def test_with_one_unit_its_reports_open_and_esc_shows_every_unit(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        store.save_unit(demo().unit)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, UnitsScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, UnitsScreen)

    asyncio.run(scenario())


def test_a_province_level_city_is_edited_as_such(tmp_path: Path) -> None:
    """"thành phố" names two levels: the form offers kinds by their full names and keeps the
    level the word alone does not tell."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        city = Unit("thanh-pho-hai-phong", "thành phố", "Hải Phòng", "Hải Phòng", "Hải Phòng",
                    Signer("Nguyễn Văn A"), level="province")
        store.save_unit(city)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, UnitScreen)
            assert form.query_one("#kind", Select).value == "thành phố trực thuộc trung ương"
            form.query_one("#signer_name", Input).value = "Nguyễn Văn B"
            await pilot.press("ctrl+s")
            await pilot.pause()
        saved = store.unit(city.code)
        assert saved == dataclasses.replace(city, signer=Signer("Nguyễn Văn B"))

    asyncio.run(scenario())


def test_a_dialog_has_its_own_footer_not_the_keys_of_the_screen_below(tmp_path: Path) -> None:
    """Seen driving it: over the report list, the new-report dialog's footer still said
    "n Báo cáo mới  u Sửa đơn vị  esc Các đơn vị", keys that do nothing in the dialog."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        store.save_report(demo())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, NewReportScreen)
            footers = list(dialog.query(KeyFooter))
            assert len(footers) == 1 and footers[0].region.y == 23  # over the one below
            shown = {key.key: key.description for key in dialog.query(FooterKey)}
            assert shown.get("escape") == "Hủy", shown
            assert "n" not in shown and "u" not in shown
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)

    asyncio.run(scenario())


def test_home_and_end_go_to_the_first_and_last_unit(tmp_path: Path) -> None:
    """Seen driving it: with 92 communes, Home and End in the unit list left the cursor
    where it was (Textual's tables only scroll on them)."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        store.save_report(demo())
        store.save_unit(DISTRICT)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("escape")  # from the report list to every unit
            await pilot.pause()
            table = pilot.app.screen.query_one(DataTable)
            assert isinstance(pilot.app.screen, UnitsScreen) and table.row_count == 2
            await pilot.press("end")
            await pilot.pause()
            assert table.cursor_row == 1
            await pilot.press("home")
            await pilot.pause()
            assert table.cursor_row == 0

    asyncio.run(scenario())
