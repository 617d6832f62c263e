"""Output paths: codes never climb out of the folder, inputs are never overwritten, files get
the umask's mode, long names work."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.domain.report import Report, Status
from drafter.errors import RenderError
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.writer.atomic import inside, write_atomic

DEMO = demo_dir() / "xa-thanh-mai-2024-Q1.toml"
GOOD = DEMO.read_text(encoding="utf-8")


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize("code", ["../../escape", "/tmp/absolute", "xa thanh mai", "XA-A",
                                  "", "a" * 65, "xa/../../b"])
def test_a_code_that_is_not_a_plain_name_is_refused_on_load(
        tmp_path: Path, code: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.toml"
    source.write_text(GOOD.replace('code = "xa-thanh-mai"', f"code = {code!r}".replace("'", '"')),
                      encoding="utf-8")
    out = tmp_path / "o.docx"
    assert main(["render", str(source), "-o", str(out)]) == 2
    assert "unit.code" in _one_line_error(capsys)
    assert not out.exists()


def test_parent_code_is_checked_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.toml"
    source.write_text(GOOD.replace('parent = "huyen-dong-son"', 'parent = "../x"'), "utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "o.docx")]) == 2
    assert "unit.parent" in _one_line_error(capsys)


def test_stored_unit_with_an_escaping_code_cannot_leave_render_all_folder(
        tmp_path: Path, db_url: str, commune_q1: Report, district_q2: Report,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A database written by an older version (no validation then) holds a hostile code."""
    import sqlite3

    store = Store(connect(db_url))
    store.save_unit(district_q2.unit)
    # A draft: it takes the unit's stored profile (a final report keeps the one it was signed
    # with, and is named by that).
    store.save_report(replace(commune_q1, status=Status.DRAFT))
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as raw:
        raw.execute("UPDATE units SET code = '../../escape' WHERE code = 'xa-thanh-mai'")
    out = tmp_path / "out" / "inner"
    out.mkdir(parents=True)
    code = main(["--db", db_url, "render-all", "--unit", "huyen-dong-son", "--period",
                 "2024-Q1", "-o", str(out), "--jobs", "1"])
    assert code == 2
    assert "không hợp lệ" in _one_line_error(capsys)
    assert list(tmp_path.rglob("*.docx")) == []


@pytest.mark.parametrize("name", ["../x.docx", "/etc/x.docx", "..", "", "a/b.docx"])
def test_inside_refuses_names_that_leave_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(RenderError):
        inside(tmp_path, name)
    assert inside(tmp_path, "xa-a-2024-Q1.docx") == tmp_path.resolve() / "xa-a-2024-Q1.docx"


def test_output_equal_to_input_is_refused(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.toml"
    source.write_text(GOOD, encoding="utf-8")
    assert main(["render", str(source), "-o", str(source)]) == 2
    assert "tệp đầu vào của lệnh này" in _one_line_error(capsys)
    assert source.read_text(encoding="utf-8") == GOOD
    # The same through another spelling of the path.
    other = tmp_path / "sub" / ".." / "r.toml"
    (tmp_path / "sub").mkdir()
    assert main(["render", str(source), "-o", str(other)]) == 2
    _one_line_error(capsys)
    assert main(["table", "import", str(source), "--into", str(source), "-o", str(source)]) == 2
    _one_line_error(capsys)
    assert source.read_text(encoding="utf-8") == GOOD


def test_text_preview_landing_on_the_docx_or_the_input_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.toml"
    source.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "bao-cao.txt"
    assert main(["render", str(source), "-o", str(out), "--text"]) == 2
    assert ".txt" in _one_line_error(capsys)
    assert not out.exists()
    notes = tmp_path / "notes.txt"  # a data file named .txt, whose preview would replace it
    notes.write_text(GOOD, encoding="utf-8")
    assert main(["render", str(notes), "-o", str(tmp_path / "notes.docx"), "--text"]) == 2
    _one_line_error(capsys)
    assert notes.read_text(encoding="utf-8") == GOOD


def test_written_files_get_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        from drafter.writer import atomic

        atomic._umask.cache_clear()
        path = write_atomic(tmp_path / "shared.docx", b"x")
        assert stat.S_IMODE(path.stat().st_mode) == 0o664
        path.chmod(0o640)  # a file replaced keeps the mode its owner gave it
        write_atomic(path, b"y")
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    finally:
        os.umask(old)
        atomic._umask.cache_clear()


def test_a_245_byte_file_name_works(tmp_path: Path, commune_q1: Report) -> None:
    from drafter.api import render_to_file

    name = "b" * 240 + ".docx"
    assert len(name.encode()) == 245
    path = render_to_file(commune_q1, tmp_path / name)
    assert path.name == name and path.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_tui_output_name_stays_in_its_folder(tmp_path: Path, commune_q1: Report) -> None:
    from drafter.tui.session import Session

    session = Session(Store(connect(f"sqlite:///{tmp_path / 'd.sqlite'}")), tmp_path / "out")
    hostile = replace(commune_q1, unit=replace(commune_q1.unit, code="../../escape"))
    with pytest.raises(RenderError):
        session.write_docx(hostile, None, None)
    assert list(tmp_path.rglob("*.docx")) == []
