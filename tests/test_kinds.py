"""Kinds of report: a report's kind is stored with it, part of its identity, and names the
pack that reads it. ``tests/data/kinds/tiny`` is a kind defined only here, so no path may
assume the CCHC report."""

import sqlite3
from pathlib import Path

import pytest

from drafter.datafile import dump_report, load_report
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.errors import StorageError
from drafter.packs.kinds import pack_for
from drafter.packs.load import TemplatePack, load_pack
from drafter.storage import Store, connect

TINY = Path(__file__).parent / "data" / "kinds" / "tiny"

SAMPLE = TINY / "samples" / "xa-thanh-mai-2024-Q1.toml"


@pytest.fixture(scope="module")
def tiny() -> TemplatePack:
    return load_pack(TINY)


def tiny_file(tmp_path: Path, period: str = "2024-Q1") -> Path:
    path = tmp_path / f"tiny-{period}.toml"
    text = SAMPLE.read_text(encoding="utf-8").replace('"2024-Q1"', f'"{period}"')
    path.write_text(text, encoding="utf-8")
    return path


def test_a_unit_keeps_reports_of_two_kinds_for_one_period(any_db_url: str, tmp_path: Path,
                                                          commune_q1: Report,
                                                          tiny: TemplatePack) -> None:
    engine = connect(any_db_url)
    cchc_id = Store(engine).save_report(commune_q1)
    report = load_report(tiny_file(tmp_path), tiny.catalogue)
    assert report.kind == "tiny" and report.period == commune_q1.period
    tiny_store = Store(engine, pack=tiny)
    tiny_id = tiny_store.save_report(report)
    assert tiny_id != cchc_id
    assert Store(engine).get(cchc_id) == commune_q1  # untouched by the other kind's save
    again = tiny_store.get(tiny_id)  # a draft: with the unit's stored profile
    assert (again.kind, again.figures) == ("tiny", report.figures)
    found = tiny_store.find("xa-thanh-mai", report.period)
    assert found is not None and found.figures["drills_held"] == 2
    assert Store(engine).find("xa-thanh-mai", report.period) == commune_q1
    assert [s.kind for s in Store(engine).list("xa-thanh-mai")] == ["cchc", "tiny"]
    assert Store(engine).kind_of(tiny_id) == "tiny"


def test_a_stored_report_is_never_read_by_another_kind(db_url: str, tmp_path: Path,
                                                       tiny: TemplatePack) -> None:
    engine = connect(db_url)
    report_id = Store(engine, pack=tiny).save_report(
        load_report(tiny_file(tmp_path), tiny.catalogue))
    with pytest.raises(StorageError, match="loại «tiny», không đọc được bằng bộ mẫu loại"):
        Store(engine).get(report_id)
    from drafter.storage.reader import open_reader

    reader = open_reader(db_url, load_pack(Path("templates_vi")).catalogue)
    assert reader is not None
    with pytest.raises(StorageError, match="loại «tiny»"):
        reader.get(report_id)
    assert open_reader(db_url, tiny.catalogue).get(report_id).kind == "tiny"  # type: ignore[union-attr]


def test_a_data_file_names_its_kind_and_keeps_it(tmp_path: Path, tiny: TemplatePack) -> None:
    report = load_report(tiny_file(tmp_path), tiny.catalogue)
    text = dump_report(report)
    assert 'kind = "tiny"' in text
    again = tmp_path / "again.toml"
    again.write_text(text, encoding="utf-8")
    assert load_report(again, tiny.catalogue) == report
    from drafter.errors import DataFileError

    with pytest.raises(DataFileError, match=r"report\.kind.*loại «tiny» cần bộ mẫu"):
        load_report(again)


def test_the_pack_of_a_kind(tiny: TemplatePack) -> None:
    assert pack_for("cchc").kind == "cchc"
    assert pack_for("tiny", tiny) is tiny
    from drafter.errors import PackError

    with pytest.raises(PackError, match="dùng cho báo cáo loại «tiny», không dùng được cho"):
        pack_for("cchc", tiny)
    with pytest.raises(PackError, match="chưa có bộ mẫu cho báo cáo loại «khac»"):
        pack_for("khac")


def _as_before_0016(path: Path) -> None:
    """The reports table as it was before 0016: no kind, unique on unit and period."""
    with sqlite3.connect(path) as db:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'reports'").fetchone()
        old = sql.replace("kind VARCHAR NOT NULL, ", "").replace(
            "CONSTRAINT uq_reports_unit_period_kind UNIQUE (unit_id, period, kind)",
            "UNIQUE (unit_id, period)").replace("CREATE TABLE reports", "CREATE TABLE old")
        assert old != sql and "kind" not in old
        columns = [row[1] for row in db.execute("PRAGMA table_info(reports)")
                   if row[1] != "kind"]
        db.execute(old)
        db.execute(f"INSERT INTO old SELECT {', '.join(columns)} FROM reports")
        db.execute("DROP TABLE reports")  # foreign keys are off in a plain sqlite3 connection
        db.execute("ALTER TABLE old RENAME TO reports")
        db.execute("CREATE INDEX ix_reports_unit_id ON reports (unit_id)")
        db.execute("DELETE FROM migrations WHERE name = '0016_report_kind'")


def test_migration_0016_gives_every_stored_report_the_first_kind(
        tmp_path: Path, commune_q1: Report, commune_q2: Report, tiny: TemplatePack) -> None:
    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    store = Store(connect(url))
    ids = [store.save_report(commune_q1), store.save_report(commune_q2)]
    history = [len(store.history(report_id)) for report_id in ids]
    store.engine.dispose()
    _as_before_0016(path)
    store = Store(connect(url))
    assert [store.get(report_id) for report_id in ids] == [commune_q1, commune_q2]
    assert [len(store.history(report_id)) for report_id in ids] == history
    assert [s.kind for s in store.list()] == ["cchc", "cchc"]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM figures").fetchone()[0] > 0
    # Now one report per unit, period and kind.
    Store(store.engine, pack=tiny).save_report(load_report(tiny_file(tmp_path), tiny.catalogue))
    assert [s.kind for s in store.list()] == ["cchc", "tiny", "cchc"]  # by period


def test_migration_0016_changes_nothing_when_it_fails(tmp_path: Path, commune_q1: Report,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    store = Store(connect(url))
    report_id = store.save_report(commune_q1)
    store.engine.dispose()
    _as_before_0016(path)
    from drafter.storage import db, schema

    def broken(connection: object) -> None:
        schema.report_kind(connection)  # type: ignore[arg-type]
        raise StorageError("hỏng giữa chừng")

    monkeypatch.setattr(db, "MIGRATIONS", [(n, broken if n == "0016_report_kind" else s)
                                           for n, s in db.MIGRATIONS])
    with pytest.raises(StorageError, match="hỏng giữa chừng"):
        connect(url)
    with sqlite3.connect(path) as db_file:
        columns = [row[1] for row in db_file.execute("PRAGMA table_info(reports)")]
        assert "kind" not in columns
    monkeypatch.undo()
    assert Store(connect(url)).get(report_id) == commune_q1


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from drafter.cli.main import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_takes_the_pack_of_the_report_kind(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Import, list, check (file and stored), table export, export, render, report new
    --from and render-all on a report of a kind that is not CCHC."""
    import openpyxl
    from docx import Document

    given = ("--db", db_url, "--pack", str(TINY))
    source = tiny_file(tmp_path)
    code, out, _ = _run(capsys, *given, "report", "import", str(source))
    assert code == 0 and "(số 1)" in out
    code, out, _ = _run(capsys, *given, "check", str(source))
    assert code == 0 and "Không phát hiện vấn đề nào" in out
    code, out, _ = _run(capsys, *given, "check", "--report", "1")
    assert code == 0 and "Không phát hiện vấn đề nào" in out
    book = tmp_path / "bieu.xlsx"
    assert _run(capsys, *given, "table", "export", "--report", "1", "-o", str(book))[0] == 0
    labels = [row[1] for row in openpyxl.load_workbook(book).active.iter_rows(values_only=True)]
    assert "Số cuộc diễn tập đã tổ chức" in labels
    assert _run(capsys, *given, "table", "export", str(source), "-o",
                str(tmp_path / "b.csv"))[0] == 0
    exported = tmp_path / "lai.toml"
    assert _run(capsys, *given, "report", "export", "1", "-o", str(exported))[0] == 0
    again = load_report(exported, load_pack(TINY).catalogue)
    assert again.kind == "tiny" and again.figures["premises_safe"] == 11
    docx = tmp_path / "r.docx"
    assert _run(capsys, *given, "report", "render", "1", "-o", str(docx))[0] == 0
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "tổ chức 02 cuộc diễn tập, kiểm tra 12 cơ sở" in text
    code, out, _ = _run(capsys, *given, "report", "new", "--unit", "xa-thanh-mai", "--period",
                        "2024-Q2", "--from", "2024-Q1")
    assert code == 0 and "(số 2)" in out
    carried = Store(connect(db_url), pack=load_pack(TINY)).get(2)
    assert carried.kind == "tiny" and carried.figures == {"fire_stations": 3}
    code, out, _ = _run(capsys, *given, "report", "list")
    assert code == 0 and "tiny" in out.splitlines()[1]


def test_a_stored_report_of_another_kind_is_refused_not_misread(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Without its pack, a report of a kind drafter has no pack for is refused with one
    line; it is never rendered or exported as a CCHC report."""
    assert _run(capsys, "--db", db_url, "--pack", str(TINY), "report", "import",
                str(tiny_file(tmp_path)))[0] == 0
    for argv in (["report", "export", "1", "-o", str(tmp_path / "x.toml")],
                 ["report", "render", "1", "-o", str(tmp_path / "x.docx")],
                 ["check", "--report", "1"], ["report", "final", "1"]):
        code, _, err = _run(capsys, "--db", db_url, *argv)
        assert code == 2 and "chưa có bộ mẫu cho báo cáo loại «tiny»" in err, argv
        assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.toml").exists() and not (tmp_path / "x.docx").exists()
    code, _, err = _run(capsys, "--db", db_url, "report", "import", str(tiny_file(tmp_path)))
    assert code == 2 and "loại «tiny»" in err
    code, _, err = _run(capsys, "render", str(tiny_file(tmp_path)), "-o",
                        str(tmp_path / "y.docx"))
    assert code == 2 and "loại «tiny»" in err


def test_render_all_and_aggregate_work_on_the_kind_given(
        tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from drafter.resources import demo_dir

    district = demo_dir() / "huyen-dong-son-2024-Q1.toml"
    assert _run(capsys, "--db", db_url, "report", "import", str(district))[0] == 0
    given = ("--db", db_url, "--pack", str(TINY))
    assert _run(capsys, *given, "report", "import", str(tiny_file(tmp_path)))[0] == 0
    code, out, _ = _run(capsys, *given, "render-all", "--unit", "huyen-dong-son", "--period",
                        "2024-Q1", "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 0 and "Đã soạn 1/1 báo cáo" in out
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["xa-thanh-mai-tiny-2024-Q1.docx"]
    code, out, _ = _run(capsys, *given, "aggregate", "--unit", "huyen-dong-son", "--period",
                        "2024-Q1", "-o", str(tmp_path / "h.docx"))
    assert code == 0 and "đã nhận 1/1 báo cáo" in out
    rolled = Store(connect(db_url), pack=load_pack(TINY)).find(
        "huyen-dong-son", Period.parse("2024-Q1"))
    assert rolled is not None and rolled.figures["premises_checked"] == 12
    cchc = Store(connect(db_url)).find("huyen-dong-son", Period.parse("2024-Q1"))
    assert cchc is not None and "premises_checked" not in cchc.figures


def test_pack_check_checks_a_pack_against_itself(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A pack of a new kind: none of the CCHC sections, no ranking files, its own sample."""
    import shutil

    from drafter.packs.tools import check_pack

    assert check_pack(TINY) == []
    code, out, _ = _run(capsys, "pack", "check", str(TINY))
    assert code == 0 and "không có lỗi" in out
    copy = tmp_path / "tiny"
    shutil.copytree(TINY, copy)
    (copy / "templates" / "ranking.j2").write_text("x", encoding="utf-8")
    assert check_pack(copy) == ["thiếu tệp ranking.toml"]  # a kind that ranks: both files
    (copy / "templates" / "ranking.j2").unlink()
    shutil.rmtree(copy / "samples")
    [problem] = check_pack(copy)
    assert problem.startswith("thiếu báo cáo mẫu: cần ít nhất một tệp dữ liệu samples/")
    (copy / "samples").mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (copy / "samples" / "a.toml").write_text(
        text.split("[figures]")[0] + "[figures]\ndrills_held = 1\n", encoding="utf-8")
    [problem] = check_pack(copy)
    assert problem == ("samples/: không báo cáo mẫu nào có số liệu của mục forces (Lực lượng "
                       "phòng cháy, chữa cháy); hãy thêm để soạn thử mục này")
    (copy / "samples" / "a.toml").write_text(text.replace('kind = "tiny"', 'kind = "cchc"'),
                                             encoding="utf-8")
    [problem] = check_pack(copy)
    assert problem.startswith("không soạn được báo cáo mẫu a:") and "loại «cchc»" in problem


def test_pack_init_copies_the_kind_and_never_the_other_kinds(tmp_path: Path) -> None:
    from drafter.packs.tools import init_pack

    made = init_pack(tmp_path / "rieng")
    assert not (made / "kinds").exists() and (made / "samples").is_dir()
    assert load_pack(made).kind == "cchc"
