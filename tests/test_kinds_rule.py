"""The outline is data: no Python module holds a section id or a heading of the built-in
CCHC pack; they live in templates_vi/catalogue.toml (docstrings may quote them)."""

import ast
from pathlib import Path

from drafter.packs.load import builtin_pack

ROOT = Path(__file__).resolve().parents[1] / "drafter"


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip]


def test_no_python_module_names_a_cchc_section() -> None:
    catalogue = builtin_pack().catalogue
    ids = {section.id for section in catalogue.sections}
    headings = {text for section in catalogue.sections
                for text in (section.title, section.short, section.label, section.heading)
                if text} | {item.label for item in catalogue.items() if item.label}
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        for line, text in _strings(path):
            if text in ids or any(heading in text for heading in headings):
                found.append(f"{path.relative_to(ROOT.parent)}:{line}: {text[:60]!r}")
    assert found == []


def test_the_rule_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text('"""Module: ``procedures``."""\nSECTION = "procedures"\n'
                      'TITLE = "II.1 Thể chế"\n', encoding="utf-8")
    assert [text for _, text in _strings(sample)] == ["procedures", "II.1 Thể chế"]


def test_the_pack_guide_matches_the_schema_and_the_packs() -> None:
    from drafter.packs.docgen_guide import render_guide

    guide = ROOT.parent / "docs" / "writing-a-pack.md"
    assert guide.read_text(encoding="utf-8") == render_guide(), "run `make docs`"
