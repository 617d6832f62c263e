"""Final means final, with history: on SQLite and (with --pg) on PostgreSQL."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from sqlalchemy import text

from drafter.cli.main import main
from drafter.datafile import dump_report, load_report
from drafter.domain.report import Report, Status
from drafter.domain.units import Signer
from drafter.errors import ChecksFailedError, FinalReportError, StaleReportError, StorageError
from drafter.exchange import export_table
from drafter.packs.load import load_pack
from drafter.records import workflow
from drafter.resources import builtin_pack_dir, demo_dir
from drafter.storage import Store, connect

Q1 = demo_dir() / "xa-thanh-mai-2024-Q1.toml"
Q2 = demo_dir() / "xa-thanh-mai-2024-Q2.toml"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _draft_file(tmp_path: Path, report: Report, name: str = "r.toml") -> Path:
    path = tmp_path / name
    path.write_text(dump_report(report), encoding="utf-8")
    return path


def test_a_final_report_cannot_be_changed_by_any_way_in(
        tmp_path: Path, any_db_url: str, commune_q1: Report,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", any_db_url]
    assert _cli(capsys, *db, "report", "import", str(Q1))[0] == 0
    store = Store(connect(any_db_url))
    report_id = store.report_id("xa-thanh-mai", commune_q1.period)
    assert report_id is not None
    before = store.get(report_id)

    # Re-importing the same file is a no-op, not a change.
    assert _cli(capsys, *db, "report", "import", str(Q1))[0] == 0
    # Re-importing a changed file (a draft, even) is refused: it would also undo "final".
    changed = replace(commune_q1, status=Status.DRAFT, figures={**commune_q1.figures,
                                                                 "directive_docs": 9})
    code, _, err = _cli(capsys, *db, "report", "import", str(_draft_file(tmp_path, changed)))
    assert code == 2 and "bản chính thức" in err and err.count("\n") == 1
    # A workbook imported into it.
    book = tmp_path / "phu-luc.xlsx"
    export_table(changed, book)
    code, _, err = _cli(capsys, *db, "table", "import", str(book), "--report", str(report_id))
    assert code == 2 and f"drafter report reopen {report_id}" in err
    # The TUI's whole-report save.
    from drafter.tui.session import Session

    edited = store.get(report_id)
    edited.figures["directive_docs"] = 9
    message = Session(store, tmp_path / "out").save(edited)
    assert "bản chính thức" in message
    with pytest.raises(FinalReportError):
        store.save_report(edited)
    after = store.get(report_id)
    assert after == before and after.status is Status.FINAL
    assert after.version == before.version
    assert [c.action for c in store.history(report_id)] == ["create"]


def test_a_profile_change_never_reaches_a_final_report(
        tmp_path: Path, any_db_url: str, commune_q1: Report, commune_q2: Report) -> None:
    store = Store(connect(any_db_url))
    final_id = store.save_report(commune_q1)
    commune_q2.status = Status.DRAFT
    draft_id = store.save_report(commune_q2)
    new_chair = replace(commune_q1.unit, signer=Signer("Trần Thị Mới", "Chủ tịch"),
                        name="Thanh Mai Mới")
    store.save_unit(new_chair)

    final = store.get(final_id)
    assert final.unit == commune_q1.unit  # signed by the chairman of the time, for good
    assert store.get(draft_id).unit.signer.name == "Trần Thị Mới"  # drafts follow the profile
    from drafter.api import render_to_file

    path = render_to_file(final, tmp_path / "q1.docx")
    document = docx.Document(str(path))
    assert document.tables[1].rows[0].cells[1].paragraphs[-1].text == "Nguyễn Văn Thành"
    issuer = document.tables[0].rows[0].cells[0].text.split()
    assert " ".join(issuer).count("XÃ THANH MAI") == 1 and "MỚI" not in issuer
    # An older file imported later does not roll the profile back either.
    workflow.import_report(store, replace(commune_q1, period=commune_q1.period.previous(),
                                          number="3", status=Status.DRAFT))
    unit = store.unit("xa-thanh-mai")
    assert unit is not None and unit.signer.name == "Trần Thị Mới"


def test_reopen_records_who_why_and_every_change(
        tmp_path: Path, any_db_url: str, commune_q1: Report,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = ["--db", any_db_url]
    monkeypatch.setenv("DRAFTER_USER", "Nguyễn Thị Văn Thư")
    assert _cli(capsys, *db, "report", "import", str(Q1))[0] == 0
    report_id = Store(connect(any_db_url)).report_id("xa-thanh-mai", commune_q1.period)
    assert report_id is not None
    code, _, err = _cli(capsys, *db, "report", "reopen", str(report_id), "--reason", "  ")
    assert code == 2 and "lý do" in err
    monkeypatch.setenv("DRAFTER_USER", "Lê Văn Trưởng Phòng")
    code, out, _ = _cli(capsys, *db, "report", "reopen", str(report_id), "--reason",
                        "sửa số văn bản chỉ đạo")
    assert code == 0 and "chuyển về dự thảo" in out
    monkeypatch.setenv("DRAFTER_USER", "Nguyễn Thị Văn Thư")
    fixed = replace(commune_q1, status=Status.DRAFT,
                    figures={**commune_q1.figures, "directive_docs": 4})
    assert _cli(capsys, *db, "report", "import", str(_draft_file(tmp_path, fixed)))[0] == 0
    assert _cli(capsys, *db, "report", "final", str(report_id))[0] == 0

    code, out, _ = _cli(capsys, *db, "report", "history", str(report_id))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Lịch sử báo cáo quý I năm 2024 của xã Thanh Mai")
    body = [line.split("  ", 3)[-1] for line in lines[1:]]
    who = [line.split("  ")[2] for line in lines[1:]]
    assert body[0] == "tạo báo cáo (chính thức)"
    assert body[1] == "chuyển về dự thảo — lý do: sửa số văn bản chỉ đạo"
    assert who[1] == "Lê Văn Trưởng Phòng" and who[0] == "Nguyễn Thị Văn Thư"
    assert body[2:] == [
        "sửa figures.directive_docs (Số văn bản chỉ đạo CCHC đã ban hành): "
        f"{commune_q1.figures['directive_docs']} → 4",
        "chuyển sang bản chính thức",
    ]
    final = Store(connect(any_db_url)).get(report_id)
    assert final.status is Status.FINAL and final.figures["directive_docs"] == 4


def test_every_way_to_final_runs_the_checks(tmp_path: Path, any_db_url: str,
                                            commune_q1: Report,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    broken = replace(commune_q1, figures={**commune_q1.figures, "files_on_time": 10_000})
    path = _draft_file(tmp_path, broken)
    code, _, err = _cli(capsys, "--db", any_db_url, "report", "import", str(path))
    assert code == 1 and "chưa thể là bản chính thức" in err
    store = Store(connect(any_db_url))
    assert store.list() == []
    broken.status = Status.DRAFT
    report_id = store.save_report(broken)
    with pytest.raises(ChecksFailedError):
        workflow.mark_final(store, report_id)
    assert store.get(report_id).status is Status.DRAFT


def test_a_register_number_is_used_once_per_unit_and_year(any_db_url: str, commune_q1: Report,
                                                          commune_q2: Report) -> None:
    store = Store(connect(any_db_url))
    store.save_report(commune_q1)
    commune_q2.status = Status.DRAFT
    commune_q2.number = "018"  # the same number as Q1's "18", written with a zero
    with pytest.raises(StorageError, match="số 018 năm 2024 đã dùng cho báo cáo kỳ 2024-Q1"):
        store.save_report(commune_q2)
    for same in ("１８", "18\u2060"):  # fullwidth, or with an invisible character
        commune_q2.number = same
        with pytest.raises(StorageError, match="đã dùng cho báo cáo kỳ 2024-Q1"):
            store.save_report(commune_q2)
    commune_q2.number = "25"
    store.save_report(commune_q2)
    next_year = replace(commune_q1, period=commune_q1.period.same_period_last_year(),
                        date=commune_q1.date.replace(year=2023), status=Status.DRAFT)
    store.save_report(next_year)  # "18" of 2023 is another document


def test_a_save_over_a_newer_version_is_refused(any_db_url: str, commune_q1: Report) -> None:
    commune_q1.status = Status.DRAFT
    store = Store(connect(any_db_url))
    report_id = store.save_report(commune_q1)
    tui_copy = store.get(report_id)  # the TUI holds this while the official types
    cli_copy = store.get(report_id)
    cli_copy.figures["files_received"] = 999  # a table import meanwhile
    store.save_report(cli_copy)
    tui_copy.figures["directive_docs"] = 7
    with pytest.raises(StaleReportError, match="vừa được lưu ở nơi khác"):
        store.save_report(tui_copy)
    stored = store.get(report_id)
    assert stored.figures["files_received"] == 999
    assert stored.figures["directive_docs"] == commune_q1.figures["directive_docs"]
    fresh = store.get(report_id)  # reopened as the message says: the edit goes in
    fresh.figures["directive_docs"] = 7
    store.save_report(fresh)
    assert fresh.version == stored.version + 1  # type: ignore[operator]


def test_figures_the_pack_does_not_know_are_kept(
        tmp_path: Path, any_db_url: str, commune_q1: Report,
        capsys: pytest.CaptureFixture[str]) -> None:
    commune_q1.status = Status.DRAFT
    store = Store(connect(any_db_url))
    report_id = store.save_report(commune_q1)
    pack_dir = tmp_path / "pack"
    shutil.copytree(builtin_pack_dir(), pack_dir)
    catalogue = pack_dir / "catalogue.toml"
    lines = catalogue.read_text(encoding="utf-8").splitlines(keepends=True)
    # The indicator and its place in the outline's sub-item.
    catalogue.write_text("".join(line for line in lines if 'key = "comms_radio"' not in line)
                         .replace('"comms_radio", ', ""), "utf-8")
    checks = pack_dir / "checks.toml"  # the narrative's list of quoted figures names it too
    checks.write_text(checks.read_text(encoding="utf-8").replace('"comms_radio", ', ""), "utf-8")
    small = load_pack(pack_dir)
    assert "comms_radio" not in small.catalogue
    kept = commune_q1.figures["comms_radio"]

    other = Store(connect(any_db_url), pack=small)
    seen = other.get(report_id)
    assert "comms_radio" not in seen.figures
    seen.figures["directive_docs"] = 6
    other.save_report(seen)
    book = tmp_path / "phu-luc.xlsx"
    export_table(seen, book, small)
    code, _, err = _cli(capsys, "--db", any_db_url, "--pack", str(pack_dir), "table", "import",
                        str(book), "--report", str(report_id))
    assert code == 0, err
    again = store.get(report_id)
    assert again.figures["comms_radio"] == kept
    assert again.figures["directive_docs"] == 6


def test_unknown_stored_values_do_not_crash_the_list(tmp_path: Path, any_db_url: str,
                                                     commune_q1: Report,
                                                     commune_q2: Report,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(connect(any_db_url))
    first = store.save_report(commune_q1)
    store.save_report(commune_q2)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE reports SET status = 'archived', period = '2024-Q9' "
                                "WHERE id = :id"), {"id": first})
    code, out, _ = _cli(capsys, "--db", any_db_url, "report", "list")
    assert code == 0
    assert "2024-Q2" in out
    assert f"Không đọc được báo cáo số {first} của xa-thanh-mai: kỳ «2024-Q9»" in out
    code, _, err = _cli(capsys, "--db", any_db_url, "report", "render", str(first), "-o", "x")
    assert code == 2 and "không đọc được" in err and err.count("\n") == 1
    second = store.report_id("xa-thanh-mai", commune_q2.period)
    update = text("UPDATE figures SET value = :value WHERE report_id = :id AND key = :key")
    for key, value in (("files_received", "NaN"), ("files_received", "1E+30"),
                       ("investment_plan", "Infinity"), ("files_received", "nhiều")):
        good = str(commune_q2.figures[key])
        with store.engine.begin() as connection:
            connection.execute(update, {"value": value, "id": second, "key": key})
        code, _, err = _cli(capsys, "--db", any_db_url, "report", "export", str(second), "-o",
                            str(tmp_path / "x.toml"))
        assert code == 2 and "không đọc được" in err and err.count("\n") == 1, err
        with store.engine.begin() as connection:
            connection.execute(update, {"value": good, "id": second, "key": key})
    assert _cli(capsys, "--db", any_db_url, "report", "export", str(second), "-o",
                str(tmp_path / "x.toml"))[0] == 0


def test_a_database_from_a_newer_version_is_refused(any_db_url: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    engine = connect(any_db_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO migrations (name, applied_at) VALUES "
                                "('0099_from_the_future', CURRENT_TIMESTAMP)"))
    engine.dispose()
    code, _, err = _cli(capsys, "--db", any_db_url, "report", "list")
    assert code == 2 and err.count("\n") == 1
    assert "một phiên bản drafter mới hơn nâng cấp (bước 0099_from_the_future)" in err


def test_an_older_database_gets_versions_snapshots_and_history(tmp_path: Path,
                                                               commune_q1: Report) -> None:
    """A database as it was before 0006–0008 (and 0010, which runs after them): its final
    report is snapshotted with the profile of the time, then immune to a profile change."""
    import json
    import sqlite3

    path = tmp_path / "old.sqlite"
    Store(connect(f"sqlite:///{path}")).save_report(commune_q1)
    with sqlite3.connect(path) as old:
        old.execute("DROP INDEX ix_units_official_code")
        for column in ("level", "official_code", "symbol", "predecessors", "formed"):
            old.execute(f"ALTER TABLE units DROP COLUMN {column}")
        for column in ("version", "unit_snapshot"):
            old.execute(f"ALTER TABLE reports DROP COLUMN {column}")
        old.execute("DROP TABLE history")
        old.execute("DELETE FROM migrations WHERE name >= '0006'")
    store = Store(connect(f"sqlite:///{path}"))
    with store.engine.connect() as connection:
        snapshot = connection.execute(text("SELECT unit_snapshot FROM reports")).scalar_one()
    assert json.loads(snapshot)["signer"]["name"] == "Nguyễn Văn Thành"
    store.save_unit(replace(commune_q1.unit, signer=Signer("Trần Thị Mới")))
    stored = store.find("xa-thanh-mai", commune_q1.period)
    assert stored is not None and stored.unit.signer.name == "Nguyễn Văn Thành"
    assert stored.version == 1


def test_the_unit_snapshot_holds_every_field_of_unit(commune_q1: Report) -> None:
    """Generic over the dataclass: dates, tuples, nested signer; fields a snapshot predates
    come from the unit as it is now."""
    import dataclasses
    import datetime as dt

    from drafter.storage.snapshots import unit_from_json, unit_to_json

    unit = replace(commune_q1.unit, predecessors=("xa-a", "xa-b"), formed=dt.date(2025, 7, 1),
                   official_code="04321", parent_kind="tỉnh", parent_name="Thái Nguyên",
                   child_kinds=("xã",), signer=Signer("Lê Văn A", "Phó Chủ tịch", True))
    data = unit_to_json(unit)
    assert set(data) == {f.name for f in dataclasses.fields(unit)}
    assert unit_from_json(data) == unit
    older = {key: value for key, value in data.items() if key not in ("formed", "symbol")}
    now = replace(unit, formed=dt.date(2026, 1, 1), symbol="X")
    assert unit_from_json(older, now) == replace(unit, formed=now.formed, symbol="X")


def test_an_invisible_reason_or_a_forged_user_line_is_not_recorded(
        db_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = ["--db", db_url]
    monkeypatch.setenv("DRAFTER_USER", "Lê Văn A\n2026-01-01 00:00  Giám đốc  xóa báo cáo")
    assert _cli(capsys, *db, "report", "import", str(Q1))[0] == 0
    code, _, err = _cli(capsys, *db, "report", "reopen", "1", "--reason", "\u200d\u202e")
    assert code == 2 and "lý do" in err
    code, out, _ = _cli(capsys, *db, "report", "history", "1")
    assert code == 0 and len(out.splitlines()) == 2, out
    assert "Lê Văn A 2026-01-01" in out


@pytest.mark.parametrize("typed", ['"１８"', '"18\\u200b"', '"\\u202e18\\u202c"'])
def test_a_register_number_is_stored_as_it_shows(tmp_path: Path, typed: str) -> None:
    source = tmp_path / "r.toml"
    source.write_text(Q1.read_text(encoding="utf-8").replace('number = "18"',
                                                             f"number = {typed}", 1), "utf-8")
    assert load_report(source).number == "18"


def test_keys_of_one_edit_make_one_history_entry(
        any_db_url: str, commune_q1: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 28, D8: the TUI saves at every key (``continues``); the history keeps one entry
    per finished edit, none for a value typed back to what it was, and a new one after a
    pause."""
    from drafter.storage import history

    store = Store(connect(any_db_url))
    report = replace(commune_q1, status=Status.DRAFT)
    report_id = store.save_report(report)
    before = report.figures["files_received"]
    for typed in (4, 41):
        report.figures["files_received"] = typed
        store.save_report(report, continues=typed != 4)
    report.number = "7"
    store.save_report(report, continues=True)  # another field: an entry of its own
    total = report.figures["procedures_total"]
    for typed in (8, total):  # typed back to the stored value: no entry left
        report.figures["procedures_total"] = typed
        store.save_report(report, continues=typed == total)

    def updates() -> list[tuple[str, str | None, str | None]]:
        return [(c.field, c.old, c.new) for c in store.history(report_id)
                if c.action == history.UPDATE]

    assert updates() == [("figures.files_received", str(before), "41"),
                         ("report.number", commune_q1.number, "7")]
    monkeypatch.setattr(history, "PAUSE", history.dt.timedelta(0))
    report.number = "8"
    store.save_report(report, continues=True)  # after a pause: a new entry
    assert updates()[-1] == ("report.number", "7", "8")
