"""Database faults: one Vietnamese line each, never a traceback, never a password."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.errors import StorageError
from drafter.resources import demo_dir
from drafter.storage import connect
from drafter.storage.messages import redact, safe_url

Q1 = str(demo_dir() / "xa-thanh-mai-2024-Q1.toml")


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_a_writer_waits_for_another_and_says_so_when_it_gives_up(
        db_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    connect(db_url).dispose()
    path = db_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # a long import in another process
    monkeypatch.setenv("DRAFTER_DB_WAIT", "0.3")
    started = time.monotonic()
    assert main(["--db", db_url, "report", "import", Q1]) == 2
    assert time.monotonic() - started >= 0.3
    assert "cơ sở dữ liệu đang bận" in _one_line(capsys)

    monkeypatch.setenv("DRAFTER_DB_WAIT", "20")
    release = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        assert main(["--db", db_url, "report", "import", Q1]) == 0  # waited, then wrote
    finally:
        release.join()
        holder.close()
    assert "Đã nhập" in capsys.readouterr().out


def test_a_read_only_database(tmp_path: Path, db_url: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "report", "import", Q1]) == 0
    path = db_url.removeprefix("sqlite:///")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    assert main(["--db", read_only, "report", "list"]) == 0  # reading works
    assert "2024-Q1" in capsys.readouterr().out
    assert main(["--db", read_only, "report", "reopen", "1", "--reason", "thử"]) == 2
    assert "chỉ cho phép đọc" in _one_line(capsys)


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are meeting notes, not a database" * 100)
    assert main(["--db", f"sqlite:///{path}", "report", "list"]) == 2
    assert "không phải cơ sở dữ liệu SQLite" in _one_line(capsys)


@pytest.mark.parametrize(("url", "words"), [
    ("postgresql+psycopg2://van-thu:MatKhau-Bi-Mat@127.0.0.1:1/cchc", "chưa cài trình điều khiển"),
    ("postgresql://van-thu:MatKhau-Bi-Mat@127.0.0.1:1/cchc", "không kết nối được máy chủ"),
    ("mysql+nosuchdriver://van-thu:MatKhau-Bi-Mat@host/cchc", "không hỗ trợ"),
    ("khong-phai-url", "địa chỉ cơ sở dữ liệu không hợp lệ"),
    ("postgresql://van-thu@127.0.0.1:1/cchc?password=MatKhau-Bi-Mat", "không kết nối được"),
    ("postgresql://van-thu@127.0.0.1:1/cchc?sslmode=disable&sslpassword=MatKhau-Bi-Mat",
     "không kết nối được"),
    ("postgresql://van-thu:MatKhau-Bi-Mat@127.0.0.1:1/cchc?password=MatKhau-Bi-Mat",
     "không kết nối được"),
])
def test_connection_problems_never_show_the_password(url: str, words: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", url, "report", "list"]) == 2
    err = _one_line(capsys)
    assert words in err
    assert "MatKhau-Bi-Mat" not in err


@pytest.mark.parametrize("secret", ["password", "sslpassword"])
def test_the_roll_up_reader_hides_a_password_of_the_query_too(
        secret: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://van-thu@127.0.0.1:1/cchc?{secret}=MatKhau%40Bi-Mat"
    assert main(["--db", url, "aggregate", "--unit", "tinh-thai-nguyen", "--period", "2026-Q1",
                 "--no-save"]) == 2
    err = _one_line(capsys)
    assert "MatKhau" not in err and f"{secret}=***: " in err


def test_redaction_helpers() -> None:
    url = "postgresql://van-thu:s3cr%40t@db.huyen.gov.vn:5432/cchc"
    assert safe_url(url) == "postgresql://van-thu:***@db.huyen.gov.vn:5432/cchc"
    assert "s3cr@t" not in redact("failed for s3cr@t at postgresql://a:b@c/d", url)
    assert redact("postgresql://a:b@c/d", None) == "postgresql://a:***@c/d"


def test_storage_errors_are_drafter_errors(tmp_path: Path) -> None:
    (tmp_path / "dir.sqlite").mkdir()
    with pytest.raises(StorageError):
        connect(f"sqlite:///{tmp_path / 'dir.sqlite'}")


@pytest.mark.parametrize("damage", [
    "UPDATE reports SET date = 'khong-phai-ngay'",
    "UPDATE reports SET recipients = '{not json'",
    "UPDATE units SET recipients = '[1, 2'",
])
def test_a_stored_value_that_does_not_parse_is_one_line(
        damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written by another program (or by hand), a date or a JSON column that does not parse
    was a traceback from every command that read it."""
    path = tmp_path / "d.sqlite"
    url = f"sqlite:///{path}"
    assert main(["--db", url, "import", Q1]) == 0
    capsys.readouterr()
    with sqlite3.connect(path) as raw:
        raw.execute(damage)
    for argv in (["report", "list"], ["export", "1", "-o", str(tmp_path / "x.toml")],
                 ["report", "render", "1", "-o", str(tmp_path / "x.docx")],
                 ["check", "--report", "1"], ["report", "history", "1"]):
        assert main(["--db", url, *argv]) == 2, argv
        assert "không đọc được" in _one_line(capsys)
