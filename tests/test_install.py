"""What an official installs: the wheel of drafter-cchc, its version in one place."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import drafter
from drafter.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_version_is_the_one_of_the_package(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--version"])
    assert ended.value.code == 0
    assert capsys.readouterr().out == f"drafter {drafter.__version__}\n"
    assert importlib.metadata.version("drafter-cchc") == drafter.__version__


@pytest.mark.slow
def test_the_wheel_holds_what_an_installation_needs(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(tmp_path), str(ROOT)], check=True)
    [wheel] = tmp_path.glob("*.whl")
    assert wheel.name == f"drafter_cchc-{drafter.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"drafter_cchc-{drafter.__version__}.dist-info"
        metadata = archive.read(f"{info}/METADATA").decode()
    assert "Name: drafter-cchc\n" in metadata and f"Version: {drafter.__version__}\n" in metadata
    assert "drafter/py.typed" in names
    assert f"{info}/licenses/LICENSE" in names
    assert "drafter/templates_vi/catalogue.toml" in names
    assert {name.split("/")[0] for name in names} <= {"drafter", "models", info}
