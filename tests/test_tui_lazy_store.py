"""``drafter tui`` reads what its first screen shows without the ORM: the report reopened at
start, its comparisons, the TUI's state and drafts are read by the ORM-free reader, and
SQLAlchemy and SQLModel are loaded only with the first write — which still happens, and still
refuses to save over a newer version (checked in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from drafter.domain.report import Report, Status
from drafter.storage import Store, connect
from drafter.tui.session import Session

_OPEN = """
import json, sys
from importlib import import_module
from pathlib import Path
from drafter.cli.main import build_parser
from drafter.tui import create_app
from drafter.tui.screens.editor.editing import Editing

def orm():
    return sorted(({"sqlalchemy", "sqlmodel"} & {n.split(".")[0] for n in sys.modules})
                  | ({"drafter.models"} & set(sys.modules)))

tui = build_parser().parse_args(["--db", sys.argv[1], "tui"]).handler
import_module(f"drafter.cli.{tui.module}")  # as `drafter tui` runs it
session = create_app(sys.argv[1], Path(sys.argv[2])).session
report_id, section = session.last_opened()
session.theme()
units = session.units()
unit = session.last_unit()
assert session.exists(report_id)
editing = Editing(session, report_id)
session.problems(editing.report, editing.previous)
before = orm()
session.remember(report_id, "documents")
print(json.dumps({"unit": unit, "section": section, "before": before, "after": orm(),
                  "units": [u.code for u in units], "drafts": editing.drafts,
                  "figures": len(editing.report.figures)}))
"""


def _stored(tmp_path: Path, report: Report) -> tuple[str, Store, int]:
    url = f"sqlite:///{tmp_path / 'drafter.sqlite'}"
    store = Store(connect(url))
    report_id = store.save_report(replace(report, status=Status.DRAFT))
    store.set_state("last_report", str(report_id))
    store.set_state("last_section", "procedures")
    store.set_state(f"drafts:{report_id}", json.dumps({"in-x": "12"}))
    return url, store, report_id


def test_the_report_is_opened_without_the_orm(tmp_path: Path, commune_q1: Report) -> None:
    url, store, report_id = _stored(tmp_path, commune_q1)
    result = subprocess.run([sys.executable, "-c", _OPEN, url, str(tmp_path / "out")],
                            capture_output=True, text=True, check=True)
    opened = json.loads(result.stdout.strip().splitlines()[-1])
    assert opened["before"] == []
    assert opened["after"] == ["drafter.models", "sqlalchemy", "sqlmodel"]
    assert (opened["unit"], opened["section"], opened["units"], opened["drafts"]) == \
        (commune_q1.unit.code, "procedures", [commune_q1.unit.code], {"in-x": "12"})
    assert opened["figures"] == len(store.get(report_id).figures) > 0
    assert store.get_state("last_section") == "documents"  # the first write was made


def test_what_the_reader_opens_is_what_the_store_opens(tmp_path: Path,
                                                       commune_q1: Report) -> None:
    url, store, report_id = _stored(tmp_path, commune_q1)
    lazy = Session.at(url, tmp_path / "out")
    assert lazy.reader is not None
    read, stored = lazy.open(report_id), Session(store, tmp_path / "out").open(report_id)
    assert read == stored and read[0].version == stored[0].version == 1


def test_a_save_over_a_newer_version_is_refused(tmp_path: Path, commune_q1: Report) -> None:
    url, store, report_id = _stored(tmp_path, commune_q1)
    session = Session.at(url, tmp_path / "out")
    report, _, _ = session.open(report_id)  # read by the reader, version 1
    store.save_report(replace(store.get(report_id), recipient="Đổi ở nơi khác"))  # a CLI import
    report.recipient = "Sửa trong giao diện"
    assert session.save(report) != ""
    assert store.get(report_id).recipient == "Đổi ở nơi khác"


def test_a_database_not_yet_created_is_opened_by_the_store(tmp_path: Path) -> None:
    session = Session.at(f"sqlite:///{tmp_path / 'new.sqlite'}", tmp_path / "out")
    assert session.reader is None and session.units() == []
