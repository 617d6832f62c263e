"""``-o`` never destroys what must survive, an input is never read forever: the one guard of
:mod:`drafter.files.guard`, through every command that writes with ``-o`` or reads a file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.errors import DrafterError
from drafter.files.guard import read_bounded
from drafter.resources import builtin_pack_dir, demo_dir
from tests.hostile_run import run

DISTRICT = demo_dir() / "huyen-dong-son-2024-Q2.toml"
COMMUNE = demo_dir() / "xa-thanh-mai-2024-Q2.toml"


def _digest(path: Path) -> str:
    """The file's content; a database's as its SQL dump (a checkpoint of its write-ahead log
    changes the bytes, not the records)."""
    if path.suffix == ".sqlite":
        with closing(sqlite3.connect(path)) as connection:
            return "\n".join(connection.iterdump())
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, Path]:
    db = tmp_path / "drafter.sqlite"
    url = f"sqlite:///{db}"
    for source in (DISTRICT, COMMUNE):
        assert main(["--db", url, "import", str(source)]) == 0
    capsys.readouterr()
    return url, db


def _writers(output: Path) -> list[list[str]]:
    """Every command that writes a file named by ``-o``."""
    o = ["-o", str(output)]
    return [["export", "2", *o], ["report", "export", "2", *o], ["report", "render", "2", *o],
            ["render", str(COMMUNE), *o], ["table", "export", "--report", "2", *o],
            ["table", "export", str(COMMUNE), *o],
            ["table", "import", str(demo_dir() / "missing.xlsx"), "--into", str(COMMUNE), *o],
            ["aggregate", "--unit", "huyen-dong-son", "--period", "2024-Q2", *o]]


def _refused(code: int, capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("Lỗi: ") and err.count("\n") == 1, err
    return err


def test_no_command_writes_over_the_database(
        stored: tuple[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    url, db = stored
    before = _digest(db)
    for command in _writers(db):
        err = _refused(main(["--db", url, *command]), capsys)
        assert "cơ sở dữ liệu" in err, command
        assert _digest(db) == before, command
    assert main(["--db", url, "report", "list"]) == 0
    assert "xã Thanh Mai" in capsys.readouterr().out


def test_nor_through_a_symlink_or_a_hard_link(
        stored: tuple[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, db = stored
    before = _digest(db)
    hard = tmp_path / "hard.toml"
    os.link(db, hard)
    soft = tmp_path / "soft.toml"
    soft.symlink_to(db)
    for target in (hard, soft):
        for command in _writers(target):
            _refused(main(["--db", url, *command]), capsys)
    assert _digest(db) == before and soft.is_symlink() and hard.stat().st_nlink == 2


def test_a_symlink_to_any_file_is_not_followed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("giữ nguyên", encoding="utf-8")
    link = tmp_path / "bao-cao.docx"
    link.symlink_to(precious)
    err = _refused(main(["render", str(COMMUNE), "-o", str(link)]), capsys)
    assert "liên kết" in err
    assert precious.read_text(encoding="utf-8") == "giữ nguyên" and link.is_symlink()


def test_a_fifo_or_a_folder_is_not_replaced_by_a_file(
        stored: tuple[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, _ = stored
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for target in (fifo, folder):
        for command in _writers(target):
            _refused(main(["--db", url, *command]), capsys)
    assert fifo.is_fifo() and folder.is_dir() and not any(folder.iterdir())


def test_an_input_is_never_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.toml"
    shutil.copy(COMMUNE, source)
    before = _digest(source)
    hard = tmp_path / "same.docx"
    os.link(source, hard)
    for target in (source, hard):
        _refused(main(["render", str(source), "-o", str(target)]), capsys)
    assert _digest(source) == before


def test_a_regular_file_is_read_within_its_bound(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, 10, "một tệp") == b"x" * 10
    with pytest.raises(DrafterError, match="quá lớn"):
        read_bounded(path, 9, "một tệp")
    for bad in (Path("/dev/zero"), tmp_path):
        with pytest.raises(DrafterError):
            read_bounded(bad, 10, "một tệp")


@pytest.mark.slow
def test_a_fifo_or_a_device_as_input_is_refused_at_once(stored: tuple[str, Path],
                                                        tmp_path: Path) -> None:
    """Before the guard, opening a FIFO waited forever for a writer and ``/dev/zero`` was
    read until memory ran out."""
    fifo = tmp_path / "in.toml"
    os.mkfifo(fifo)
    book = tmp_path / "in.xlsx"
    os.mkfifo(book)
    db = stored[0]
    pack = tmp_path / "pack"
    shutil.copytree(builtin_pack_dir(), pack, ignore=shutil.ignore_patterns("__pycache__"))
    (pack / "catalogue.toml").unlink()
    os.mkfifo(pack / "catalogue.toml")
    out = tmp_path / "o.docx"
    commands: list[list[str | Path]] = [
        ["render", fifo, "-o", out], ["render", "/dev/zero", "-o", out],
        ["--db", db, "import", fifo], ["check", fifo], ["check", COMMUNE, "--previous", fifo],
        ["table", "import", book, "--into", COMMUNE, "-o", tmp_path / "x.toml"],
        ["--db", db, "score", "import", book, "--unit", "huyen-dong-son", "--year", "2024"],
        ["--db", db, "unit", "import", book],
        ["--db", db, "ranking", "--unit", "huyen-dong-son", "--year", "2024", "--content",
         fifo, "-o", out],
        ["pack", "check", pack], ["--pack", pack, "render", COMMUNE, "-o", out]]
    for command in commands:
        result = run(*command, timeout=30)
        assert result.code is not None, f"hangs: {command}"
        assert result.code and "Traceback" not in result.err, (command, result.err)
        assert "không phải tệp thông thường" in result.err + result.out, command
    assert not out.exists()


@pytest.mark.parametrize("given", ["--db", "DRAFTER_DB"])
def test_a_command_that_does_not_open_the_database_keeps_it_too(
        given: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """render FILE -o <the database> wrote a DOCX over every record: render never opens the
    database, so it was not known as one."""
    db = tmp_path / "never-opened.sqlite"
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("CREATE TABLE records (what TEXT)")
        connection.execute("INSERT INTO records VALUES ('hồ sơ')")
    before = _digest(db)
    url = f"sqlite:///{db}"
    prefix = ["--db", url] if given == "--db" else []
    if given == "DRAFTER_DB":
        monkeypatch.setenv("DRAFTER_DB", url)
    for command in (["render", str(COMMUNE), "-o", str(db)],
                    ["table", "export", str(COMMUNE), "-o", str(db.with_suffix(".sqlite"))]):
        _refused(main([*prefix, *command]), capsys)
    assert _digest(db) == before
