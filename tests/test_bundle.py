"""The offline Windows bundle's parts (offline/bundle.py): what pip leaves out for another
platform is found, and the files an official opens are as Windows reads them. The bundle
itself is built, and installed offline on Linux, by .ci/run (it downloads wheels)."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle", ROOT / "offline" / "bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wheel(folder: Path, name: str, version: str, tag: str, *requires: str) -> None:
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(folder / f"{name}-{version}-{tag}.whl", "w") as archive:
        archive.writestr(f"{info}/METADATA", "Metadata-Version: 2.1\n"
                         f"Name: {name}\nVersion: {version}\n"
                         + "".join(f"Requires-Dist: {r}\n" for r in requires))


def test_requirements_for_windows_and_each_python_are_found(bundle: ModuleType,
                                                             tmp_path: Path) -> None:
    _wheel(tmp_path, "app", "1.0", "py3-none-any",
           "provinces==2026.9; python_version >= '3.12'",
           "provinces==2025.10; python_version < '3.12'",
           "console; sys_platform == 'win32'", "posixonly; sys_platform == 'linux'",
           "fast>=2", "tests; extra == 'dev'")
    _wheel(tmp_path, "provinces", "2025.10", "py3-none-any")
    _wheel(tmp_path, "fast", "2.1", "cp311-cp311-win_amd64")
    names = {v: sorted(str(r) for r in bundle.missing(tmp_path, v)) for v in ("3.11", "3.12")}
    assert names["3.11"] == ["console; sys_platform == \"win32\""]
    assert names["3.12"] == ["console; sys_platform == \"win32\"", "fast>=2",
                             "provinces==2026.9; python_version >= \"3.12\""]


def test_the_official_opens_files_as_windows_reads_them(bundle: ModuleType) -> None:
    script = bundle._windows_text("cai-dat.bat", bom=False)
    guide = bundle._windows_text("HUONG-DAN.txt", bom=True)
    assert script.startswith(b"@echo off\r\n") and b"\n" not in script.replace(b"\r\n", b"")
    assert b"--no-index --find-links" in script and b"chcp 65001" in script
    assert guide.startswith(b"\xef\xbb\xbf") and b"\n" not in guide.replace(b"\r\n", b"")
    text = guide.decode("utf-8-sig")
    for part in ("CẦN CÀI TRƯỚC", "CẬP NHẬT", "NẰM Ở ĐÂU", "SAO LƯU"):
        assert part in text
