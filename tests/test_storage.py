import sqlite3
import unicodedata
from decimal import Decimal
from pathlib import Path

from sqlalchemy import inspect

from drafter.cli.main import main
from drafter.datafile import dump_report, load_report
from drafter.domain.report import Report, Status
from drafter.storage import Store, connect
from drafter.storage.db import MIGRATIONS, tables


def test_migrations_are_named_and_run_once(any_db_url: str) -> None:
    engine = connect(any_db_url)
    assert {"units", "reports", "figures", "documents", "items", "migrations"} <= tables(engine)
    from drafter.storage.db import migrate

    assert migrate(engine) == []


def test_store_round_trip_is_lossless(any_db_url: str, commune_q1: Report) -> None:
    store = Store(connect(any_db_url))
    report_id = store.save_report(commune_q1)
    again = store.get(report_id)
    assert again == commune_q1
    assert store.save_report(again) == report_id  # same unit and period: replaced


def test_export_import_round_trip(tmp_path: Path, any_db_url: str, district_q2: Report) -> None:
    store = Store(connect(any_db_url))
    report_id = store.save_report(district_q2)
    out = tmp_path / "export.toml"
    assert main(["--db", any_db_url, "export", str(report_id), "-o", str(out)]) == 0
    reloaded = load_report(out)
    assert reloaded == district_q2
    assert dump_report(reloaded) == out.read_text(encoding="utf-8")


def test_cli_import_list_render(tmp_path: Path, any_db_url: str, capsys) -> None:
    from drafter.resources import demo_dir

    for name in ("xa-thanh-mai-2024-Q1.toml", "xa-thanh-mai-2024-Q2.toml"):
        assert main(["--db", any_db_url, "report", "import", str(demo_dir() / name)]) == 0
    assert main(["--db", any_db_url, "report", "list"]) == 0
    listing = capsys.readouterr().out
    assert "2024-Q1" in listing and "2024-Q2" in listing
    out = tmp_path / "q2.docx"
    assert main(["--db", any_db_url, "report", "render", "2", "-o", str(out), "--text"]) == 0
    preview = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert "Tiếp nhận 167 hồ sơ (tăng 25 hồ sơ, tương ứng 17,61% so với quý trước)" in preview


def test_unknown_report_id(any_db_url: str, capsys) -> None:
    assert main(["--db", any_db_url, "report", "render", "99", "-o", "x.docx"]) == 2
    assert "không có báo cáo số 99" in capsys.readouterr().err


def test_stated_values_and_review_marks_round_trip(tmp_path: Path, any_db_url: str,
                                                   commune_q1: Report) -> None:
    # Stated values that contradict the figures: a draft may hold them, a final report not.
    commune_q1.status = Status.DRAFT
    commune_q1.stated = {"files_online_rate": Decimal("93.3"), "staff_present": Decimal(270)}
    commune_q1.review = ["staff_quota", "strengths"]
    store = Store(connect(any_db_url))
    again = store.get(store.save_report(commune_q1))
    assert again == commune_q1
    out = tmp_path / "r.toml"
    out.write_text(dump_report(again), encoding="utf-8")
    assert load_report(out) == commune_q1


def test_review_migration_upgrades_a_database_made_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as old:
        old.executescript(
            "CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied_at DATETIME);"
            "INSERT INTO migrations VALUES ('0001_initial', '2024-01-01');"
            "CREATE TABLE reports (id INTEGER PRIMARY KEY, unit_id INTEGER, period VARCHAR);"
        )
    engine = connect(f"sqlite:///{path}")
    assert "review" in {c["name"] for c in inspect(engine).get_columns("reports")}
    with sqlite3.connect(path) as upgraded:
        names = [row[0] for row in upgraded.execute("SELECT name FROM migrations ORDER BY name")]
    assert names[:4] == ["0001_initial", "0002_report_review", "0003_ui_state", "0004_scores"]
    assert {"0005_tone_marks", "0010_unit_structure"} <= set(names)
    assert names == sorted(name for name, _ in MIGRATIONS)
    assert "scores" in inspect(engine).get_table_names()


def test_migration_0005_repairs_tone_marks_already_stored(tmp_path: Path,
                                                          commune_q1: Report) -> None:
    """A database written before 0005 holds "họăc" where the official typed "hoặc"."""
    path = tmp_path / "old.sqlite"
    url = f"sqlite:///{path}"
    report_id = Store(connect(url)).save_report(commune_q1)
    broken = "Công văn về hoặc ngoặt".replace("hoặc", "họăc").replace("ngoặt", "ngọăt")
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM migrations WHERE name = '0005_tone_marks'")
        db.execute("UPDATE items SET text = ? WHERE list = 'strengths'", (broken,))
        db.execute("UPDATE documents SET subject = ?", (broken,))
        db.execute("UPDATE units SET signer_title = ?, recipients = ?",
                   ("Họăc", '["Ph\\u00f2ng N\\u1ed9i v\\u1ee5 h\\u1ecd\\u0103c"]'))
        db.execute("UPDATE reports SET recipient = ?", (broken,))
    engine = connect(url)
    report = Store(engine).get(report_id)
    repaired = "Công văn về hoặc ngoặt"
    assert report.lists["strengths"] == [repaired, repaired]
    assert {doc.subject for doc in report.documents} == {repaired}
    assert report.recipient == repaired
    # A final report shows the unit as snapshotted when it was saved; the profile is repaired.
    unit = Store(engine).unit(commune_q1.unit.code)
    assert unit is not None and unit.signer.title == "Hoặc"
    assert unit.recipients == ("Phòng Nội vụ hoặc",)
    with sqlite3.connect(path) as db:
        names = [row[0] for row in db.execute("SELECT name FROM migrations")]
        texts = [row[0] for row in db.execute("SELECT text FROM items")]
    assert names.count("0005_tone_marks") == 1
    assert not any("ọă" in unicodedata.normalize("NFC", t) for t in texts)
    assert "Bộ phận Tiếp nhận và Trả kết quả xã được bố trí phòng làm việc riêng, niêm yết công " \
        "khai đầy đủ TTHC và địa chỉ tiếp nhận phản ánh, kiến nghị." in texts  # untouched
