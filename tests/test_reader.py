"""The ORM-free reader (``aggregate --no-save``, ``render-all``'s parent) gives exactly what
the store gives, on SQLite and PostgreSQL, and fails as the store does: one Vietnamese line,
never a password."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import JSON, Boolean, Date, text

from drafter.cli.main import main
from drafter.demo.sample import communes_like
from drafter.domain.report import Report, Status
from drafter.domain.units import Signer
from drafter.models import DocumentRow, FigureRow, ItemRow, ReportRow, UnitRow
from drafter.packs.load import TemplatePack
from drafter.storage import Store, connect
from drafter.storage.db import MIGRATIONS
from drafter.storage.reader import BOOL_COLUMNS, DATE_COLUMNS, JSON_COLUMNS, open_reader
from drafter.storage.versions import KNOWN

MISSING = "xa-chua-co"


def _province(url: str, commune_q1: Report, district_q2: Report) -> tuple[Store, list[str]]:
    """A district, three communes with every kind of stored row, a merged commune."""
    store = Store(connect(url))
    store.save_unit(district_q2.unit)
    final, rich, deputy = communes_like(commune_q1, 3, district_q2.unit.code)
    store.save_report(final)  # final: the demo report passes its checks
    # Signed as it was: a later profile change must not reach the final report.
    store.save_unit(replace(final.unit, signer=Signer("Lê Thị Mới", "Phó Chủ tịch", True)))
    store.save_report(replace(
        rich, status=Status.DRAFT, phrases=["one_stop.kien_toan", "files.khong_qua_han"],
        overrides={"procedures.files": "Câu riêng của xã.", "security.none": ""},
        shortcoming_causes={"files_on_time": ["land_verification", "Tự viết."]},
        rates={"e_docs_rate": Decimal("90.4")}, stated={"files_received": Decimal("12.5")},
        notes={"one_stop": ["Đoạn một.", "Đoạn hai."], "security": ["Ghi chú."]},
        review=["files_received", "staff_present"]))
    store.save_report(replace(deputy, unit=replace(deputy.unit, signer=Signer(
        "Trần Văn Phó", "Phó Chủ tịch", True), official_code="01234", symbol="XDP"),
        status=Status.DRAFT))
    # A commune formed by a merger places its predecessors differently by period.
    store.save_unit(replace(final.unit, code="xa-hop-nhat", name="Hợp Nhất",
                            predecessors=(rich.unit.code, deputy.unit.code),
                            formed=dt.date(2024, 4, 1)))
    report_id = store.report_id(rich.unit.code, rich.period)
    with store.engine.begin() as connection:  # another pack's figure, kept as stored
        connection.execute(text("INSERT INTO figures (report_id, key, value) VALUES "
                                "(:id, 'other_pack_figure', 'not a number')"), {"id": report_id})
    return store, [final.unit.code, rich.unit.code, deputy.unit.code, "xa-hop-nhat", MISSING]


def test_the_reader_reads_what_the_store_reads(any_db_url: str, commune_q1: Report,
                                               district_q2: Report, pack: TemplatePack) -> None:
    store, codes = _province(any_db_url, commune_q1, district_q2)
    reader = open_reader(any_db_url, pack.catalogue)
    assert reader is not None
    period = commune_q1.period
    found = reader.find_many(codes, period)
    assert found == store.find_many(codes, period)
    assert sorted(found) == sorted(codes[:3])
    rich = found[codes[1]]
    assert rich.phrases and rich.overrides and rich.shortcoming_causes and rich.rates
    assert rich.stated and rich.notes and rich.lists and rich.review and rich.basis
    assert found[codes[0]].unit.signer.name == commune_q1.unit.signer.name  # the snapshot
    assert found[codes[2]].unit.signer.deputy is True
    assert reader.units() == store.units()
    for code in [*codes, district_q2.unit.code]:
        for when in (None, period, period.previous()):
            assert reader.unit(code, when) == store.unit(code, when)
        assert reader.find(code, period) == store.find(code, period)
        assert reader.report_id(code, period) == store.report_id(code, period)
    assert reader.find_many(codes, period.previous()) == {}


def test_the_readers_column_types_are_the_models() -> None:
    typed: dict[type, set[str]] = {JSON: set(), Date: set(), Boolean: set()}
    for model in (UnitRow, ReportRow, FigureRow, DocumentRow, ItemRow):
        for column in model.__table__.columns:  # type: ignore[attr-defined]
            for kind, names in typed.items():
                if isinstance(column.type, kind):
                    names.add(column.name)
    assert typed == {JSON: JSON_COLUMNS, Date: DATE_COLUMNS, Boolean: BOOL_COLUMNS}
    assert [name for name, _ in MIGRATIONS] == list(KNOWN)


def test_a_database_to_create_or_migrate_is_left_to_the_store(tmp_path: Path,
                                                              pack: TemplatePack) -> None:
    missing = tmp_path / "moi.sqlite"
    assert open_reader(f"sqlite:///{missing}", pack.catalogue) is None
    assert not missing.exists()  # the reader creates nothing
    sqlite3.connect(missing).close()  # an empty file: not migrated
    assert open_reader(f"sqlite:///{missing}", pack.catalogue) is None
    connect(f"sqlite:///{missing}").dispose()
    assert open_reader(f"sqlite:///{missing}", pack.catalogue) is not None


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and err.count("\n") == 1, err
    return err


def _aggregate(url: str) -> int:
    return main(["--db", url, "aggregate", "--unit", "huyen-dong-son", "--period", "2024-Q1",
                 "--no-save"])


def test_aggregate_without_saving_fails_in_one_line(tmp_path: Path, any_db_url: str,
                                                    commune_q1: Report, district_q2: Report,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    store, _ = _province(any_db_url, commune_q1, district_q2)
    assert _aggregate(any_db_url) == 0
    assert "đã nhận 3/3 báo cáo" in capsys.readouterr().out
    with store.engine.begin() as connection:
        connection.execute(text("INSERT INTO migrations (name, applied_at) VALUES "
                                "('0099_future', '2030-01-01')"))
    assert _aggregate(any_db_url) == 2
    assert "phiên bản drafter mới hơn nâng cấp (bước 0099_future)" in _one_line(capsys)

    if any_db_url.startswith("sqlite"):  # SQLite keeps JSON as text: the reader parses it
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM migrations WHERE name = '0099_future'"))
            connection.execute(text("UPDATE reports SET review = '[not json' WHERE id = 2"))
        assert _aggregate(any_db_url) == 2
        assert "giá trị lưu ở cột review không đọc được" in _one_line(capsys)

    missing = tmp_path / "khong-co.sqlite"  # created and migrated, as the store always did
    assert _aggregate(f"sqlite:///{missing}") == 2
    assert "chưa có đơn vị mã huyen-dong-son" in _one_line(capsys)
    corrupt = tmp_path / "hong.sqlite"
    corrupt.write_bytes(b"these are meeting notes, not a database" * 100)
    assert _aggregate(f"sqlite:///{corrupt}") == 2
    assert "không phải cơ sở dữ liệu SQLite" in _one_line(capsys)


@pytest.mark.parametrize("url", ["postgresql://van-thu:MatKhau-Bi-Mat@127.0.0.1:1/cchc",
                                 "postgres://van-thu:MatKhau%40Bi-Mat@127.0.0.1:1/cchc"])
def test_the_readers_connection_problems_never_show_the_password(
        url: str, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("psycopg")
    assert _aggregate(url) == 2
    err = _one_line(capsys)
    assert "không kết nối được máy chủ" in err
    assert "MatKhau" not in err and "Bi-Mat" not in err
