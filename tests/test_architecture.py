"""Layering: the core never imports Textual; only the writer imports python-docx."""

import subprocess
import sys

import pytest

CORE = ["drafter", "drafter.api", "drafter.cli.main", "drafter.cli.commands", "drafter.storage",
        "drafter.datafile", "drafter.narrative", "drafter.vi.numbers", "drafter.checks",
        "drafter.exchange", "drafter.records.reuse", "drafter.records.workflow",
        "drafter.combine.rollup", "drafter.office.aggregation", "drafter.packs.tools",
        "drafter.office.parallel",
        "drafter.cli.district_commands", "models"]


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
