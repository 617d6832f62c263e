"""A command loads only what it needs: rendering a data file starts neither the database layer
nor openpyxl nor Textual, aggregating without saving neither SQLAlchemy, SQLModel, openpyxl
nor Textual (checked in a fresh process), and every command's lazily named handler exists."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import docx

from drafter.cli.lazy import Handler
from drafter.cli.main import build_parser
from drafter.demo.sample import communes_like
from drafter.domain.report import Report
from drafter.resources import demo_dir
from drafter.storage import Store, connect

HEAVY = ("sqlalchemy", "sqlmodel", "openpyxl", "textual", "drafter.models")

_RUN = """
import json, sys
from drafter.cli.main import main
code = main(sys.argv[1:])
tops = {name.split(".")[0] for name in sys.modules} | ({"drafter.models"} & set(sys.modules))
print(json.dumps({"code": code, "modules": sorted(tops)}))
"""


def _run(*argv: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", _RUN, *argv], capture_output=True,
                            text=True, check=True)
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_rendering_a_data_file_loads_no_database_workbook_or_tui(tmp_path: Path) -> None:
    output = tmp_path / "xa.docx"
    loaded = _run("render", str(demo_dir() / "xa-thanh-mai-2024-Q1.toml"), "-o", str(output))
    assert loaded["code"] == 0
    assert "Thanh Mai" in "\n".join(p.text for p in docx.Document(str(output)).paragraphs)
    modules = loaded["modules"]
    assert isinstance(modules, list)
    assert "docx" in modules and "jinja2" in modules  # the process did render
    assert [name for name in HEAVY if name in modules] == []


def test_a_database_command_still_loads_its_layer(tmp_path: Path) -> None:
    loaded = _run("--db", f"sqlite:///{tmp_path / 'd.sqlite'}", "report", "list")
    assert loaded["code"] == 0
    modules = loaded["modules"]
    assert isinstance(modules, list)
    assert "sqlalchemy" in modules and "textual" not in modules


def test_aggregating_without_saving_loads_no_orm_workbook_or_tui(
        tmp_path: Path, commune_q1: Report, district_q2: Report) -> None:
    url = f"sqlite:///{tmp_path / 'd.sqlite'}"
    store = Store(connect(url))
    store.save_unit(district_q2.unit)
    for report in communes_like(commune_q1, 3, district_q2.unit.code):
        store.save_report(report)
    store.engine.dispose()
    loaded = _run("--db", url, "aggregate", "--unit", district_q2.unit.code, "--period",
                  commune_q1.period.code, "--no-save")
    assert loaded["code"] == 0
    modules = loaded["modules"]
    assert isinstance(modules, list)
    assert "sqlite3" in modules  # the process did read the database
    assert [name for name in HEAVY if name in modules] == []


def _handlers(parser: argparse.ArgumentParser) -> Iterator[Handler]:
    handler = parser.get_default("handler")
    if handler is not None:
        yield handler
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _handlers(sub)


def test_every_command_names_a_handler_that_exists() -> None:
    handlers = list(_handlers(build_parser()))
    assert len(handlers) >= 28  # every command, none lost by the walk
    for handler in handlers:
        assert isinstance(handler, Handler)
        module = import_module(f"drafter.cli.{handler.module}")
        assert callable(getattr(module, handler.function, None)), handler
