"""Every export imports again to the same report: each demo and scenario report and what
the hypothesis generator makes, draft and final, with and without a signer, through the
data file and through the store."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scenarios import SCENARIOS

from drafter.cli.main import main
from drafter.datafile import dump_report, load_report
from drafter.domain.indicators import ValueType
from drafter.domain.report import Report, Status
from drafter.domain.units import Signer
from drafter.packs.load import builtin_pack
from drafter.resources import demo_dir
from drafter.storage import Store, connect

CATALOGUE = builtin_pack().catalogue
# Every demo report's data file (the ranking's content file, xep-hang, is no report).
DEMO = sorted(path for path in demo_dir().rglob("*.toml") if "[report]" in
              path.read_text(encoding="utf-8"))
REPORTS = [(path.stem, load_report(path)) for path in DEMO] + [
    (f"scenario-{make.__name__}", make().report) for make in SCENARIOS]


def _variants(report: Report) -> list[Report]:
    """Draft and final, signed and not; an empty list written as none, as a file reads it."""
    unsigned = replace(report.unit, signer=Signer(""))
    lists = {name: items for name, items in report.lists.items() if items}
    return [replace(report, status=status, unit=unit, lists=lists)
            for status in (Status.DRAFT, Status.FINAL) for unit in (report.unit, unsigned)]


def _again(report: Report, tmp_path: Path) -> Report:
    path = tmp_path / "exported.toml"
    path.write_text(dump_report(report), encoding="utf-8")
    return load_report(path)


@pytest.mark.parametrize(("name", "report"), REPORTS, ids=[name for name, _ in REPORTS])
def test_every_report_comes_back_from_its_data_file(name: str, report: Report,
                                                    tmp_path: Path) -> None:
    for variant in _variants(report):
        assert _again(variant, tmp_path) == variant


def test_a_stored_report_exports_to_a_file_that_imports_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Draft and final, signed and not (a final report must name its signer: the checks
    refuse it unsigned, so the store holds no such report to export), each in a database
    of its own (the store keeps one profile per unit)."""
    base = load_report(demo_dir() / "2026" / "xa-bach-thong-2026-Q1.toml")
    for number, report in enumerate(_variants(base)):
        if report.status is Status.FINAL and not report.unit.signer.name:
            continue
        url = f"sqlite:///{tmp_path / f'{number}.sqlite'}"
        store = Store(connect(url))
        report_id = store.save_report(report)
        out = tmp_path / f"{number}.toml"
        assert main(["--db", url, "export", str(report_id), "-o", str(out)]) == 0
        assert main(["--db", url, "check", str(out)]) in (0, 1)
        assert main(["--db", url, "import", str(out)]) == 0, capsys.readouterr().err
        assert replace(store.get(report_id), version=None) == report


NUMERIC = [item.key for item in CATALOGUE if not item.derived and item.type in
           (ValueType.COUNT, ValueType.MONEY, ValueType.DECIMAL)]
VALUES = st.one_of(st.none(), st.just(0), st.integers(1, 9), st.integers(10, 10**7))
BASES = [report for name, report in REPORTS if not name.startswith("scenario-")]


@given(data=st.data())
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_generated_reports_come_back_from_their_data_file(data: st.DataObject,
                                                          tmp_path: Path) -> None:
    base = data.draw(st.sampled_from(BASES))
    figures = dict(base.figures)
    for key in data.draw(st.lists(st.sampled_from(NUMERIC), unique=True, max_size=30)):
        value = data.draw(VALUES, label=key)
        if value is None:
            figures.pop(key, None)
        elif CATALOGUE[key].type is ValueType.MONEY:
            figures[key] = Decimal(value) / 100
        else:
            figures[key] = value
    report = data.draw(st.sampled_from(_variants(replace(base, figures=figures))))
    assert _again(report, tmp_path) == report
