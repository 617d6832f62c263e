"""The yearly CCHC index scores of units, kept next to their reports."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from drafter.domain.ranking import TOTAL, Score
from drafter.errors import StorageError
from drafter.models import ScoreRow, UnitRow
from drafter.storage.rows import unit_from_row


def save_scores(engine: Engine, year: int, scores: Iterable[Score]) -> int:
    """Replace the ``year`` scores of each unit given, in one transaction; returns the count.

    Units must already be stored (their reports brought them in).
    """
    count = 0
    with Session(engine) as session:
        for score in scores:
            unit = session.exec(select(UnitRow).where(UnitRow.code == score.unit.code)).first()
            if unit is None:
                raise StorageError(f"chưa có đơn vị mã {score.unit.code} trong cơ sở dữ liệu")
            session.exec(delete(ScoreRow).where(col(ScoreRow.unit_id) == unit.id,
                                                col(ScoreRow.year) == year))
            assert unit.id is not None
            values = {TOTAL: score.total, **score.fields}
            session.add_all(ScoreRow(unit_id=unit.id, year=year, field=key, value=str(value))
                            for key, value in values.items())
            count += 1
        session.commit()
    return count


def load_scores(engine: Engine, year: int, unit_codes: Iterable[str]) -> list[Score]:
    """The stored ``year`` scores of the given units (units without a score are left out)."""
    wanted = set(unit_codes)
    with Session(engine) as session:
        rows = session.exec(select(ScoreRow, UnitRow).join(UnitRow)
                            .where(ScoreRow.year == year)).all()
        by_unit: dict[str, tuple[UnitRow, dict[str, Decimal]]] = {}
        for score_row, unit_row in rows:
            if unit_row.code in wanted:
                by_unit.setdefault(unit_row.code, (unit_row, {}))[1][score_row.field] = \
                    Decimal(score_row.value)
        return [Score(unit_from_row(unit_row), values.pop(TOTAL), values)
                for unit_row, values in by_unit.values() if TOTAL in values]
