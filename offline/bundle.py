"""Offline installation bundles, built from any system with pip and network access.

    python offline/bundle.py windows DIR      # DIR/drafter-cchc-<version>-windows.zip
    python offline/bundle.py wheelhouse DIR   # this system's wheels, for pip --no-index

The Windows zip holds the project's wheel and every dependency's ``win_amd64`` wheels for
Python 3.11 to 3.13 (pip downloads wheels for another platform), ``cai-dat.bat``, which
installs them offline into a virtual environment in the user's folder and makes a desktop
shortcut to the TUI, and ``HUONG-DAN.txt``, the official's guide. The wheelhouse is the same
for the running interpreter's platform: CI installs from it with ``--no-index`` to prove the
offline install works.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from email.parser import HeaderParser
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = Path(__file__).resolve().parent / "windows"
PYTHONS = ("3.11", "3.12", "3.13")


def project_wheel(folder: Path) -> Path:
    """The project's wheel, built without network access (hatchling from the environment)."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(folder), str(ROOT)], check=True)
    [wheel] = folder.glob("drafter_cchc-*.whl")
    return wheel


def download(wheel: Path, folder: Path, platform: list[str]) -> None:
    """The wheels of every dependency of ``wheel`` into ``folder`` (binary only: an office
    PC has no compiler)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
                    "-d", str(folder), *platform, str(wheel)], check=True)


def complete_for_windows(folder: Path, version: str) -> None:
    """Download what pip left out for Windows and ``version``: pip evaluates environment
    markers (``python_version >= '3.12'``, ``sys_platform == 'win32'``) for the interpreter
    running it, not for the target."""
    while needed := missing(folder, version):
        download_exact(needed, folder, version)


def missing(folder: Path, version: str) -> list[Requirement]:
    """The requirements of the folder's wheels, evaluated for Windows and Python
    ``version``, that no wheel of the folder installable there meets."""
    major, minor = (int(part) for part in version.split("."))
    target = {**{k: str(v) for k, v in default_environment().items()}, "python_version": version,
              "python_full_version": f"{version}.0", "sys_platform": "win32",
              "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64",
              "implementation_name": "cpython", "platform_python_implementation": "CPython"}
    tags = {*cpython_tags((major, minor), platforms=["win_amd64"]),
            *compatible_tags((major, minor), f"cp{major}{minor}", ["win_amd64"])}
    return [r for r in _requirements(folder, target, tags) if not _met(folder, r, tags)]


def _wheels(folder: Path, tags: set[Tag]) -> list[tuple[str, str, Path]]:
    found: list[tuple[str, str, Path]] = []
    for path in folder.glob("*.whl"):
        name, version, _, wheel_tags = parse_wheel_filename(path.name)
        if wheel_tags & tags:
            found.append((name, str(version), path))
    return found


def _requirements(folder: Path, target: dict[str, str], tags: set[Tag]) -> list[Requirement]:
    needed = []
    for _, _, path in _wheels(folder, tags):
        with zipfile.ZipFile(path) as archive:
            info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = HeaderParser().parsestr(archive.read(info).decode("utf-8"))
        for line in metadata.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({**target, "extra": ""}):
                needed.append(requirement)
    return needed


def _met(folder: Path, requirement: Requirement, tags: set[Tag]) -> bool:
    name = canonicalize_name(requirement.name)
    return any(found == name and requirement.specifier.contains(version, prereleases=True)
               for found, version, _ in _wheels(folder, tags))


def download_exact(requirements: list[Requirement], folder: Path, version: str) -> None:
    specs = [f"{r.name}{r.specifier}" for r in requirements]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
                    "--no-deps", "-d", str(folder), "--platform", "win_amd64",
                    "--implementation", "cp", "--python-version", version, *specs], check=True)


def wheelhouse(folder: Path) -> Path:
    """The project's and its dependencies' wheels for this interpreter and system."""
    folder.mkdir(parents=True, exist_ok=True)
    wheel = project_wheel(folder)
    download(wheel, folder, [])
    return folder


def _windows_text(name: str, bom: bool) -> bytes:
    """A file of ``offline/windows`` as Windows tools read it: CRLF line ends (cmd.exe
    misreads a batch file without them); a byte-order mark for Notepad before Windows 10's
    1903, never for a batch file (cmd.exe would run it as part of the first command)."""
    text = (WINDOWS / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    data = text.replace("\n", "\r\n").encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


def windows_zip(out: Path) -> Path:
    """``drafter-cchc-<version>-windows.zip`` in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafter-bundle-") as work:
        wheels = Path(work, "wheels")
        wheel = project_wheel(wheels)
        for version in PYTHONS:
            download(wheel, wheels, ["--platform", "win_amd64", "--implementation", "cp",
                                     "--python-version", version])
            complete_for_windows(wheels, version)
        version = wheel.name.split("-")[1]
        target = out / f"drafter-cchc-{version}-windows.zip"
        folder = f"drafter-cchc-{version}"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{folder}/cai-dat.bat", _windows_text("cai-dat.bat", bom=False))
            archive.writestr(f"{folder}/HUONG-DAN.txt", _windows_text("HUONG-DAN.txt", bom=True))
            for path in sorted(wheels.glob("*.whl")):
                archive.write(path, f"{folder}/wheels/{path.name}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["windows", "wheelhouse"])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(windows_zip(args.out) if args.kind == "windows" else wheelhouse(args.out))


if __name__ == "__main__":
    main()
