from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from drafter.datafile import load_report
from drafter.domain.report import Report
from drafter.packs.load import TemplatePack, builtin_pack
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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--pg", default=os.environ.get("DRAFTER_TEST_PG", ""), metavar="URL",
                     help="a PostgreSQL server (postgresql://user@host:port/db) whose user may "
                          "create databases: the storage tests run there too (also "
                          "DRAFTER_TEST_PG)")


@contextmanager
def _postgres_database(server: str) -> Iterator[str]:
    """A new, empty database on ``server`` for one test, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from drafter.storage.db import normalise_url

    name = f"drafter_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(normalise_url(server)).set(database=name).render_as_string(
            hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database: a SQLite file, and a PostgreSQL database when a server is given."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'drafter.sqlite'}"
        return
    server = request.config.getoption("--pg")
    if not server:
        pytest.skip("no PostgreSQL server given (pytest --pg URL or DRAFTER_TEST_PG)")
    with _postgres_database(server) as url:
        yield url


@pytest.fixture
def spawn() -> Iterator[None]:
    """Worker processes started as on Windows (spawn: nothing inherited from this process)."""
    import multiprocessing

    before = multiprocessing.get_start_method()
    multiprocessing.set_start_method("spawn", force=True)
    try:
        yield
    finally:
        multiprocessing.set_start_method(before, force=True)
