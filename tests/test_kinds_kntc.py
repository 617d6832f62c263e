"""The second built-in kind, the commune's report on tiếp công dân, xử lý đơn, giải quyết
khiếu nại, tố cáo: through every command without --pack (its kind names its pack), carried
to the next quarter, rolled up by the province, and in the TUI."""

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from textual.widgets import DataTable, Label
from tui_pilot import built, type_into

from drafter.cli.main import main
from drafter.datafile import load_report
from drafter.domain.periods import Period
from drafter.domain.report import Status
from drafter.packs.kinds import builtin_kinds, pack_for
from drafter.packs.tools import check_pack
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.tui import create_app
from drafter.tui.session import Session

SAMPLE = builtin_kinds()["kntc"] / "samples" / "xa-bach-thong-2026-Q1.toml"
PERIOD = Period.parse("2026-Q1")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_pack_checks_and_names_no_cchc_word() -> None:
    pack = pack_for("kntc")
    assert check_pack(pack.path) == []
    assert pack.ranking is None  # a kind that ranks no units ships no ranking files
    words = " ".join([*(s.title for s in pack.catalogue.outline),
                      *(i.label for i in pack.catalogue)])
    assert "cải cách hành chính" not in words.lower() and "CCHC" not in words


def test_every_command_on_a_kntc_report(tmp_path: Path, db_url: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--db", db_url)
    code, out, _ = _run(capsys, *db, "report", "import", str(SAMPLE))
    assert code == 0 and "(số 1)" in out
    code, out, _ = _run(capsys, *db, "check", str(SAMPLE))
    assert code == 0, out
    code, out, _ = _run(capsys, *db, "check", "--report", "1")
    assert code == 0, out
    docx = tmp_path / "kntc.docx"
    assert _run(capsys, *db, "report", "render", "1", "-o", str(docx))[0] == 0
    text = _text(docx)
    assert "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo quý I " \
        "năm 2026" in text
    assert "Đã xử lý 17/18 đơn đủ điều kiện, đạt tỷ lệ 94,44%" in text
    assert "Biểu số 01" in text and "CCHC" not in text
    assert "cải cách hành chính" not in text.lower()
    exported = tmp_path / "lai.toml"
    assert _run(capsys, *db, "report", "export", "1", "-o", str(exported))[0] == 0
    again = load_report(exported, pack_for("kntc").catalogue)
    assert again.kind == "kntc"
    assert again.figures == load_report(SAMPLE, pack_for("kntc").catalogue).figures
    book = tmp_path / "bieu.csv"
    assert _run(capsys, *db, "table", "export", "--report", "1", "-o", str(book))[0] == 0
    assert "Số đơn đủ điều kiện xử lý" in book.read_text(encoding="utf-8")
    # The next quarter starts from this one: what was pending at its end is carried in.
    code, out, _ = _run(capsys, *db, "--report-kind", "kntc", "report", "new", "--unit",
                        "xa-bach-thong", "--period", "2026-Q2")
    assert code == 0 and "(số 2)" in out
    q2 = Store(connect(db_url), pack=pack_for("kntc")).get(2)
    assert q2.kind == "kntc"
    assert q2.figures == {"letters_carried_over": 1, "complaints_carried_over": 1,
                          "denunciations_carried_over": 0}
    assert set(q2.review) >= {"letters_carried_over", "complaints_carried_over"}
    code, out, _ = _run(capsys, *db, "report", "list")
    assert "kntc" in out


def test_the_province_rolls_its_communes_kntc_reports_up(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = ("--db", db_url)
    # The province and its commune, as the CCHC demo stores them.
    for name in ("tinh-thai-nguyen-2026-Q1.toml", "xa-bach-thong-2026-Q1.toml"):
        assert _run(capsys, *db, "report", "import", str(demo_dir() / "2026" / name))[0] == 0
    other = tmp_path / "xa-khac.toml"
    other.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        'code = "xa-bach-thong"', 'code = "xa-lang-son"').replace(
        'name = "Bạch Thông"', 'name = "Làng Sơn"').replace(
        'official_code = "02014"', 'official_code = "02099"'),
        encoding="utf-8")
    for path in (SAMPLE, other):
        assert _run(capsys, *db, "report", "import", str(path))[0] == 0
    out_file = tmp_path / "tinh.docx"
    code, out, err = _run(capsys, *db, "--report-kind", "kntc", "aggregate", "--unit",
                          "tinh-thai-nguyen", "--period", "2026-Q1", "-o", str(out_file))
    assert code == 0, err
    assert "đã nhận 2/2 báo cáo" in out
    province = Store(connect(db_url), pack=pack_for("kntc")).find("tinh-thai-nguyen", PERIOD)
    assert province is not None and province.kind == "kntc"
    assert province.figures["letters_received"] == 42
    assert province.figures["complaints_settled"] == 6
    text = _text(out_file)
    assert "Đã xử lý 34/36 đơn đủ điều kiện, đạt tỷ lệ 94,44%" in text
    assert "Biểu số 02" in text and "Xã Làng Sơn" in text
    cchc = Store(connect(db_url)).find("tinh-thai-nguyen", PERIOD)
    assert cchc is not None and "letters_received" not in cchc.figures
    code, out, _ = _run(capsys, *db, "--report-kind", "kntc", "render-all", "--unit",
                        "tinh-thai-nguyen", "--period", "2026-Q1", "-o",
                        str(tmp_path / "all"), "--jobs", "1")
    assert code == 0 and "Đã soạn 2/2 báo cáo" in out
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == [
        "xa-bach-thong-kntc-2026-Q1.docx", "xa-lang-son-kntc-2026-Q1.docx"]


def test_the_tui_opens_a_kntc_report_with_its_own_sections(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'drafter.sqlite'}"
    kntc = pack_for("kntc")
    store = Store(connect(url), pack=kntc)
    report = load_report(SAMPLE, kntc.catalogue)
    report_id = store.save_report(replace(report, status=Status.DRAFT))
    store.set_state("last_report", str(report_id))
    store.set_state("last_section", "letters")

    async def scenario() -> tuple[list[str], str, str]:
        app = create_app(session=Session.at(url, tmp_path / "out"))  # no --pack
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await built(pilot)
            screen = pilot.app.screen
            sidebar = [str(label.render()) for label in screen.query("#sidebar Label")]
            title = str(screen.query_one("#letters .subtitle", Label).render())
            await type_into(pilot, "#in-letters_handled", "18")
            screen.action_back()  # to the unit's reports, the kind named on its row
            await pilot.pause()
            row = str(pilot.app.screen.query_one(DataTable).get_row_at(0)[0])
            return sidebar, title, row

    sidebar, title, row = asyncio.run(scenario())
    assert row == "quý I năm 2026 · Tiếp công dân, giải quyết khiếu nại, tố cáo"
    assert sidebar[:5] == ["I. Tình hình khiếu nại, tố cáo", "II.1 Tiếp công dân",
                           "II.2 Xử lý đơn", "II.3 Giải quyết khiếu nại",
                           "II.4 Giải quyết tố cáo"]
    assert "III. Đánh giá chung" in sidebar and "Văn bản căn cứ" in sidebar
    assert title == "II.2 Tiếp nhận, phân loại và xử lý đơn"
    assert store.get(report_id).figures["letters_handled"] == 18


def test_the_new_report_dialog_offers_the_kinds(tmp_path: Path) -> None:
    from tui_pilot import demo, make_app, reopen_at

    from drafter.tui.dialogs.new_report import NewReportScreen
    from drafter.tui.screens.editor.screen import EditorScreen

    app, store = make_app(tmp_path)
    reopen_at(store, demo(), "direction")

    async def scenario() -> list[str]:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            pilot.app.screen.action_back()
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, NewReportScreen)
            dialog.query_one("#report-kind").value = "kntc"
            dialog.query_one("#kind").value = "Q2"
            await pilot.pause()
            await pilot.click("#create")
            await pilot.pause()
            await built(pilot)
            assert isinstance(pilot.app.screen, EditorScreen)
            return [str(label.render()) for label in pilot.app.screen.query("#sidebar Label")]

    sidebar = asyncio.run(scenario())
    assert sidebar[0] == "I. Tình hình khiếu nại, tố cáo"
    made = Store(store.engine, pack=pack_for("kntc")).find("xa-thanh-mai",
                                                           Period.parse("2024-Q2"))
    assert made is not None and made.kind == "kntc"
    assert Store(store.engine).find("xa-thanh-mai", Period.parse("2024-Q2")) is None
