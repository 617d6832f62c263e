from __future__ import annotations

from pathlib import Path

import pytest

from drafter.datafile import load_report
from drafter.domain.report import Report
from drafter.pack import TemplatePack, builtin_pack
from drafter.resources import demo_dir

DEMO = demo_dir()


@pytest.fixture(scope="session")
def pack() -> TemplatePack:
    return builtin_pack()


@pytest.fixture
def commune_q1() -> Report:
    return load_report(DEMO / "xa-thanh-mai-2024-Q1.toml")


@pytest.fixture
def commune_q2() -> Report:
    return load_report(DEMO / "xa-thanh-mai-2024-Q2.toml")


@pytest.fixture
def district_q2() -> Report:
    return load_report(DEMO / "huyen-dong-son-2024-Q2.toml")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'drafter.sqlite'}"
