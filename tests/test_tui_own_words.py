"""Issue 14 in the TUI, driven with Pilot on a real SQLite file: phrases ticked in two
sections and a generated sentence replaced on the preview reach the DOCX; the next quarter
carries them, marked for review."""

import asyncio
from pathlib import Path

import docx
from textual.widgets import Input, OptionList, SelectionList, Static
from tui_pilot import built, demo, make_app, new_report, reopen_at

from drafter.domain.periods import Period
from drafter.tui.dialogs.override import OverrideScreen
from drafter.tui.screens.editor.screen import EditorScreen

OWN = "Bộ phận Một cửa xã tiếp nhận 142 hồ sơ, chủ yếu là hồ sơ chứng thực và hộ tịch"


async def tick(pilot, pane: str, phrase_id: str) -> None:  # type: ignore[no-untyped-def]
    """Open a section and tick one of its phrases with Space."""
    screen = pilot.app.screen
    await screen.go_to(pane)
    await pilot.pause()
    await built(pilot)
    picker = screen.query_one(f"#phrase-list-{pane}", SelectionList)
    picker.focus()
    picker.highlighted = [p.id for p in screen.panes.pane_phrases(pane)].index(phrase_id)
    await pilot.press("space")
    await pilot.pause()


def test_phrases_and_own_words_reach_the_docx_and_carry(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report_id = reopen_at(store, demo(), "procedures")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, EditorScreen)
            await tick(pilot, "procedures", "one_stop.kien_toan")
            await tick(pilot, "e_government", "infrastructure.day_du")
            assert store.get(report_id).phrases == ["one_stop.kien_toan",
                                                    "infrastructure.day_du"]

            await pilot.press("f5")
            await pilot.pause()
            await pilot.press("f7")
            await pilot.pause()
            modal = pilot.app.screen
            assert isinstance(modal, OverrideScreen)
            sentences = modal.query_one(OptionList)
            for _ in range(modal.ids.index("procedures.files")):
                await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause()
            box = modal.query_one("#own-words", Input)
            assert box.value.startswith("Tiếp nhận 142 hồ sơ")  # the sentence to edit
            box.value = ""
            await pilot.press(*OWN)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, EditorScreen)
            preview = str(pilot.app.screen.query_one("#preview-text", Static).content)
            assert f"✎{OWN}.✎" in " ".join(preview.split())  # marked as the official's
            assert sentences is not None
            assert store.get(report_id).overrides == {"procedures.files": OWN}

            await pilot.press("ctrl+s")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            written = tmp_path / "out" / "xa-thanh-mai-2024-Q1.docx"
            text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
            assert OWN + "." in text and "✎" not in text
            assert "Tiếp nhận 142 hồ sơ, trong đó" not in text
            assert "Bộ phận Tiếp nhận và Trả kết quả xã được kiện toàn kịp thời" in text
            assert "Cán bộ, công chức được trang bị đầy đủ máy tính" in text

            await pilot.press("escape")
            await pilot.pause()
            await new_report(pilot, "Q2")
            screen = pilot.app.screen
            await screen.go_to("procedures")
            await built(pilot)  # the rows below the first screenful too
            await pilot.pause()
            picker = screen.query_one("#phrase-list-procedures", SelectionList)
            assert "one_stop.kien_toan" in picker.selected
            index = [p.id for p in screen.panes.pane_phrases("procedures")].index(
                "one_stop.kien_toan")
            assert str(picker.get_option_at_index(index).prompt).startswith("↻ ")
            review = [p.message for p in screen.problems if p.rule == "review"]
            assert "câu mẫu one_stop.kien_toan" in review[0]
            assert "câu viết lại procedures.files" in review[0]
        q2 = store.find("xa-thanh-mai", Period.parse("2024-Q2"))
        assert q2 is not None
        assert q2.phrases == ["one_stop.kien_toan", "infrastructure.day_du"]
        assert q2.overrides == {"procedures.files": OWN}
        assert {"phrase:one_stop.kien_toan", "override:procedures.files"} <= set(q2.review)

    asyncio.run(scenario())


def test_a_document_cited_under_a_sub_item_keeps_it_when_edited(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        index = next(i for i, d in enumerate(report.documents)
                     if d.section == "law_dissemination")
        report_id = reopen_at(store, report, "documents")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            table = pilot.app.screen.query_one("#doc-table")
            assert str(table.get_row_at(index)[2]) == "II.1"  # the section it is under
            table.focus()
            table.move_cursor(row=index)
            await pilot.press("enter")
            await pilot.pause()
            subject = pilot.app.screen.query_one("#doc-subject", Input)
            subject.value = "về công tác phổ biến, giáo dục pháp luật năm 2024"
            await pilot.press("enter")
            await pilot.pause()
        saved = store.get(report_id).documents[index]
        assert saved.section == "law_dissemination"
        assert saved.subject == "về công tác phổ biến, giáo dục pháp luật năm 2024"

    asyncio.run(scenario())


def test_a_rate_given_directly_where_its_counts_are_unknown(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        for key in ("outgoing_docs", "outgoing_docs_electronic", "outgoing_docs_parallel"):
            report.figures.pop(key, None)
        report_id = reopen_at(store, report, "e_government")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            box = pilot.app.screen.query_one("#given-e_docs_rate", Input)
            box.focus()
            await pilot.press(*"190")
            await pilot.pause()
            error = pilot.app.screen.query_one("#given-error-e_docs_rate")
            assert "từ 0 đến 100" in str(error.content)
            assert store.get(report_id).rates == {}
            box.value = ""
            await pilot.press(*"90,4")
            await pilot.pause()
            assert str(error.content) == ""
            await pilot.press("f5")
            await pilot.pause()
            preview = " ".join(str(pilot.app.screen.query_one("#preview-text",
                                                               Static).content).split())
            assert "Tỷ lệ văn bản đi được gửi hoàn toàn dưới dạng điện tử đạt 90,4%." in preview
        assert str(store.get(report_id).rates["e_docs_rate"]) == "90.4"

    asyncio.run(scenario())
