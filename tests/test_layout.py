"""The README's layout section is the tree as it is: every package of ``drafter/`` has its
row, at most the four documented modules stay at the top, and each row's import column is
exactly what the package's modules import (function-level imports included)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "drafter"
TOP_MODULES = {"__init__", "__main__", "api", "errors", "resources"}
_ROW = re.compile(r"^\| `(?P<name>\w+)/` \| (?P<holds>[^|]+) \| (?P<imports>[^|]*) \|$")


def declared() -> dict[str, set[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Layout\n"):]
    section = section[:section.index("\n## ", 1)]
    rows = {}
    for line in section.splitlines():
        match = _ROW.match(line)
        if match:
            rows[match["name"]] = {name.strip() for name in match["imports"].split(",")
                                   if name.strip()}
    return rows


def packages() -> set[str]:
    return {path.parent.name for path in PACKAGE.glob("*/__init__.py")}


@cache
def imported() -> dict[str, set[str]]:
    """What each top-level name of ``drafter`` (package or module) imports of the others."""
    graph = grimp.build_graph("drafter")

    def top(module: str) -> str:
        parts = module.split(".")
        return parts[1] if parts[0] == "drafter" and len(parts) > 1 else parts[0]

    found: dict[str, set[str]] = {}
    for module in graph.modules:
        for target in graph.find_modules_directly_imported_by(module):
            if top(target) != top(module):
                found.setdefault(top(module), set()).add(top(target))
    return found


def test_every_package_has_its_row() -> None:
    assert set(declared()) == packages()


def test_only_the_documented_modules_stay_at_the_top() -> None:
    assert {path.stem for path in PACKAGE.glob("*.py")} <= TOP_MODULES


@pytest.mark.parametrize("package", sorted(packages()))
def test_the_import_column_is_what_the_package_imports(package: str) -> None:
    assert imported().get(package, set()) == declared()[package]


def test_the_row_parser_reads_a_row() -> None:
    # Guard against a README edit that silently stops every row from matching.
    assert _ROW.match("| `vi/` | the language layer | domain |")
    assert len(declared()) >= 10
