"""The TUI on a report of a kind that is not CCHC: its sidebar and panes come from its
pack's catalogue, figures are entered, checked and saved as in a CCHC report."""

import asyncio
from pathlib import Path

from test_kinds import TINY, tiny_file
from textual.widgets import Label
from tui_pilot import TODAY, built, type_into

from drafter.datafile import load_report
from drafter.packs.load import load_pack
from drafter.storage import Store, connect
from drafter.tui import create_app
from drafter.tui.session import Session


def test_the_editor_is_built_from_the_report_kind(tmp_path: Path) -> None:
    tiny = load_pack(TINY)
    url = f"sqlite:///{tmp_path / 'drafter.sqlite'}"
    store = Store(connect(url), pack=tiny)
    report_id = store.save_report(load_report(tiny_file(tmp_path), tiny.catalogue))
    cchc = Store(store.engine)
    cchc.set_state("last_report", str(report_id))
    cchc.set_state("last_section", "fires")

    async def scenario() -> tuple[list[str], str, list[str]]:
        app = create_app(session=Session.at(url, tmp_path / "out", TODAY, pack=tiny))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await built(pilot)
            screen = pilot.app.screen
            sidebar = [str(label.render()) for label in screen.query("#sidebar Label")]
            title = str(screen.query_one("#fires .subtitle", Label).render())
            await type_into(pilot, "#in-drills_held", "5")
            await type_into(pilot, "#in-premises_safe", "13")  # more than checked: an error
            await screen.action_show("checks")
            await pilot.pause()
            checks = [str(label.render()) for label in screen.query("#checks Label")]
            return sidebar, title, checks

    sidebar, title, checks = asyncio.run(scenario())
    assert sidebar[:2] == ["Kết quả công tác phòng cháy, chữa cháy",
                           "Lực lượng phòng cháy, chữa cháy"]
    assert "Thông tin ban hành" in sidebar and not any("Thể chế" in name for name in sidebar)
    assert title == "Kết quả công tác phòng cháy, chữa cháy"
    assert any("Số cơ sở bảo đảm an toàn" in line for line in checks), checks
    saved = store.get(report_id)
    assert saved.kind == "tiny" and saved.figures["drills_held"] == 5
