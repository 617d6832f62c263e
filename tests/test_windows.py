"""What differs on Windows, simulated on Linux by removing or replacing it: no ``os.fchmod``
before Python 3.13, a file open in Word that cannot be replaced, consoles and redirected
output in a legacy code page."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.resources import demo_dir
from drafter.writer import atomic

DEMO = demo_dir() / "xa-thanh-mai-2024-Q1.toml"


def test_render_works_without_os_fchmod(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CPython on Windows has no os.fchmod before 3.13."""
    monkeypatch.delattr(os, "fchmod")
    out = tmp_path / "bao-cao.docx"
    assert main(["render", str(DEMO), "-o", str(out)]) == 0
    assert out.stat().st_size > 1000


def _refuse_replace(monkeypatch: pytest.MonkeyPatch, times: int) -> list[str]:
    """os.replace refused ``times`` times, as Windows refuses it over a file open in Word."""
    calls: list[str] = []
    real = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        calls.append(str(dst))
        if len(calls) <= times:
            raise PermissionError(13, "Access is denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(atomic, "_REPLACE_WAIT", 0.01)
    return calls


def test_a_file_open_in_word_is_retried_then_named_and_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"the report the official has open")
    calls = _refuse_replace(monkeypatch, times=1000)
    assert main(["render", str(DEMO), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("Lỗi: ") and "đóng tệp" in err and str(out) in err
    assert len(calls) == atomic._REPLACE_TRIES
    assert out.read_bytes() == b"the report the official has open"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]  # no temporary left


def test_a_file_closed_during_the_retry_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"old")
    calls = _refuse_replace(monkeypatch, times=2)
    assert main(["render", str(DEMO), "-o", str(out)]) == 0
    assert len(calls) == 3 and out.read_bytes().startswith(b"PK")


def _legacy_stream(encoding: str) -> io.TextIOWrapper:
    """A redirected stream in a Windows ANSI code page (``> f.txt``)."""
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding)


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252"])
def test_help_redirected_to_a_file_is_utf8(
        encoding: str, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _legacy_stream(encoding)
    monkeypatch.setattr(sys, "stdout", out)
    with pytest.raises(SystemExit) as ended:
        main(["--help"])
    assert ended.value.code == 0
    out.flush()
    assert "Soạn báo cáo cải cách hành chính" in out.buffer.getvalue().decode("utf-8")


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252"])
def test_check_and_its_errors_redirected_are_utf8(
        encoding: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = _legacy_stream(encoding), _legacy_stream(encoding)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["check", str(DEMO)]) in (0, 1)
    assert main(["render", str(tmp_path / "thiếu.toml"), "-o", str(tmp_path / "o.docx")]) == 2
    out.flush()
    err.flush()
    assert out.buffer.getvalue().decode("utf-8").strip()
    assert err.buffer.getvalue().decode("utf-8").startswith("Lỗi: ")


@pytest.mark.slow
def test_redirected_output_of_the_real_command_is_utf8(tmp_path: Path) -> None:
    """The command as a console script runs it, its output redirected to a file."""
    target = tmp_path / "help.txt"
    env = {**os.environ, "PYTHONIOENCODING": "cp1258"}
    with target.open("wb") as handle:
        done = subprocess.run([sys.executable, "-m", "drafter", "--help"], stdout=handle,
                              stderr=subprocess.PIPE, env=env, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Soạn báo cáo" in target.read_text(encoding="utf-8")


def test_a_frozen_build_hands_its_workers_to_multiprocessing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-folder Windows build (PyInstaller) starts render-all's workers as itself, with
    multiprocessing's arguments: without freeze_support() they ran the command line."""
    import multiprocessing.spawn

    started: list[dict[str, int | None]] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["drafter.exe", "--multiprocessing-fork",
                                      "parent_pid=4242", "pipe_handle=17"])
    monkeypatch.setattr(multiprocessing.spawn, "spawn_main",
                        lambda **kwds: started.append(kwds))
    with pytest.raises(SystemExit):
        main()
    assert started == [{"parent_pid": 4242, "pipe_handle": 17}]


@pytest.fixture
def windows_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs as on Windows, with a clerk's known folders."""
    import platformdirs
    import platformdirs.windows

    known = {"CSIDL_LOCAL_APPDATA": r"C:\Users\an\AppData\Local",
             "CSIDL_PERSONAL": r"C:\Users\an\Documents"}
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", known.__getitem__)


@pytest.mark.usefixtures("windows_folders")
def test_the_folders_on_windows_name_drafter_once() -> None:
    from drafter.resources import data_dir, documents_dir
    from drafter.storage.location import default_url

    assert data_dir() == Path(r"C:\Users\an\AppData\Local") / "drafter"
    assert default_url() == f"sqlite:///{data_dir() / 'drafter.sqlite'}"
    assert documents_dir() == Path(r"C:\Users\an\Documents") / "drafter"


@pytest.mark.usefixtures("windows_folders")
def test_the_tui_writes_into_documents_not_the_current_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Started from the Start menu, the current folder may be C:\\Windows\\System32."""
    from drafter.tui import create_app

    monkeypatch.chdir(tmp_path)
    app = create_app(f"sqlite:///{tmp_path / 'd.sqlite'}")
    assert app.session.out_dir == Path(r"C:\Users\an\Documents") / "drafter"


def _soffice_exe(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "soffice.exe"
    program.write_bytes(b"MZ")
    return program


@pytest.fixture
def no_libreoffice_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows without LibreOffice on PATH (its installer never puts it there)."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setitem(sys.modules, "winreg", _Registry({}))


class _Registry(types.ModuleType):
    """winreg as on a PC whose registry holds ``keys`` (their default values)."""

    HKEY_LOCAL_MACHINE = "HKLM"
    HKEY_CURRENT_USER = "HKCU"

    def __init__(self, keys: dict[tuple[str, str], str]) -> None:
        super().__init__("winreg")
        self.keys = keys

    def OpenKey(self, root: str, key: str) -> contextlib.nullcontext[tuple[str, str]]:
        if (root, key) not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return contextlib.nullcontext((root, key))

    def QueryValueEx(self, opened: tuple[str, str], name: str) -> tuple[str, int]:
        return self.keys[opened], 1


@pytest.mark.usefixtures("no_libreoffice_on_path")
def test_libreoffice_is_found_in_program_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.writer.pdf import find_soffice

    assert find_soffice() is None
    program = _soffice_exe(tmp_path / "Program Files" / "LibreOffice" / "program")
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    assert find_soffice() == str(program)


@pytest.mark.usefixtures("no_libreoffice_on_path")
def test_libreoffice_is_found_where_the_registry_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from drafter.writer.pdf import find_soffice

    program = _soffice_exe(tmp_path / "D" / "LibreOffice 24" / "program")
    key = r"SOFTWARE\LibreOffice\UNO\InstallPath"
    monkeypatch.setitem(sys.modules, "winreg",
                        _Registry({("HKLM", key): str(program.parent)}))
    assert find_soffice() == str(program)


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder mounted from a server's share (the mount table says so)."""
    from drafter.storage import location

    folder = tmp_path / "share"
    folder.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//may-chu/chung {folder} cifs rw 0 0\n",
                      encoding="utf-8")
    monkeypatch.setattr(location, "_MOUNTS", mounts)
    return folder


def _journal_mode(url: str) -> str:
    from sqlalchemy import text

    from drafter.storage import connect

    with connect(url).connect() as connection:
        return str(connection.execute(text("PRAGMA journal_mode")).scalar())


def test_a_database_on_a_network_drive_is_warned_about_and_not_in_wal(
        share: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from drafter.storage.location import on_network_drive

    assert on_network_drive(Path(r"\\may-chu\chung\drafter.sqlite"))
    assert on_network_drive(share / "drafter.sqlite")
    assert not on_network_drive(tmp_path / "drafter.sqlite")
    shared = f"sqlite:///{share / 'drafter.sqlite'}"
    assert _journal_mode(shared) == "delete"
    assert _journal_mode(f"sqlite:///{tmp_path / 'local.sqlite'}") == "wal"
    assert main(["--db", shared, "report", "list"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"Chú ý: cơ sở dữ liệu {share / 'drafter.sqlite'} nằm trên ổ mạng.")
    assert "PostgreSQL" in err and err.count("\n") == 1


def test_the_tui_warns_of_a_database_on_a_network_drive(share: Path, tmp_path: Path) -> None:
    import asyncio

    from drafter.tui import create_app

    async def scenario() -> list[str]:
        app = create_app(f"sqlite:///{share / 'drafter.sqlite'}", tmp_path / "out")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            return [str(n.message) for n in pilot.app._notifications]

    said = asyncio.run(scenario())
    assert any("nằm trên ổ mạng" in message for message in said), said
