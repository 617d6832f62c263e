"""Golden narrative tests: the demo reports as plain text, compared with reviewed files.

Regenerate after a reviewed wording change with ``DRAFTER_UPDATE_GOLDEN=1 pytest
tests/test_golden.py`` and read the diff before committing it.
"""

import os
from pathlib import Path

import pytest

from drafter.datafile import load_report
from drafter.narrative import render
from drafter.resources import demo_dir
from drafter.writer.text import to_text

GOLDEN = Path(__file__).parent / "golden"
CASES = [("xa-thanh-mai-2024-Q1", None), ("xa-thanh-mai-2024-Q2", "xa-thanh-mai-2024-Q1"),
         ("huyen-dong-son-2024-Q1", None), ("huyen-dong-son-2024-Q2", "huyen-dong-son-2024-Q1")]


@pytest.mark.parametrize(("name", "previous"), CASES)
def test_demo_narrative_matches_golden(name: str, previous: str | None) -> None:
    report = load_report(demo_dir() / f"{name}.toml")
    before = load_report(demo_dir() / f"{previous}.toml") if previous else None
    text = to_text(render(report, previous=before))
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("DRAFTER_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_ranking_report_matches_golden() -> None:
    """The Sở Nội vụ's ranking of six departments, read as a reviewer reads it."""
    from scenarios import departments_ranking

    text = to_text(departments_ranking())
    golden = GOLDEN / "xep-hang-so-nganh-2025.txt"
    if os.environ.get("DRAFTER_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
