"""Layering: the core never imports Textual; only the writer imports python-docx; in the TUI,
no screen imports the app or another screen."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCREENS = ROOT / "drafter" / "tui" / "screens"

CORE = ["drafter", "drafter.api", "drafter.cli.main", "drafter.cli.commands", "drafter.storage",
        "drafter.datafile", "drafter.narrative", "drafter.vi.numbers", "drafter.checks",
        "drafter.exchange", "drafter.records.reuse", "drafter.records.workflow",
        "drafter.combine.rollup", "drafter.office.aggregation", "drafter.packs.tools",
        "drafter.office.parallel",
        "drafter.cli.district_commands", "drafter.models"]


@pytest.mark.parametrize("module", CORE)
def test_core_never_imports_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_narrative_does_not_import_python_docx() -> None:
    code = ("import sys, drafter.narrative.engine, drafter.datafile, drafter.storage; "
            "print('docx' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run([sys.executable, "-m", "importlinter.cli", "--no-cache"],
                            capture_output=True, text=True)
    if "No module named" in result.stderr:
        result = subprocess.run(["lint-imports", "--no-cache"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _screens() -> dict[str, list[Path]]:
    """Each full screen of drafter/tui/screens (a module, or a package as the editor is) with
    its source files."""
    found = {}
    for path in sorted(SCREENS.iterdir()):
        if path.suffix == ".py" and path.name != "__init__.py":
            found[path.stem] = [path]
        elif (path / "__init__.py").is_file():
            found[path.name] = sorted(path.rglob("*.py"))
    return found


def _imported(path: Path) -> set[str]:
    """Every module a source file imports, wherever the import stands (in a function, under
    TYPE_CHECKING); ``from a import b`` counts as ``a`` and as ``a.b``."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the file's own package, up level - 1 packages
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("screen", sorted(_screens()))
def test_a_screen_imports_neither_the_app_nor_another_screen(screen: str) -> None:
    """The app pushes the screens; a screen asks for the next one with a message
    (drafter.tui.navigation). Importing drafter.tui imports the app too."""
    own = f"drafter.tui.screens.{screen}"
    offenders = []
    for path in _screens()[screen]:
        for name in sorted(_imported(path)):
            app = name in ("drafter.tui", "drafter.tui.app") or name.startswith("drafter.tui.app.")
            other = name.startswith("drafter.tui.screens.") and not (
                name == own or name.startswith(f"{own}."))
            if app or other:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_the_import_contract_names_every_screen() -> None:
    """The independence contract of pyproject.toml lists the screens found here, so a new
    screen is kept from the others by lint-imports too."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(contract for contract in config["tool"]["importlinter"]["contracts"]
                    if contract["type"] == "independence")
    assert sorted(contract["modules"]) == sorted(f"drafter.tui.screens.{name}"
                                                 for name in _screens())
