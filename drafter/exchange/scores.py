"""The communes' CCHC index scores from a workbook (XLSX or CSV), as a district keeps them.

One row per unit: a unit column (``Đơn vị`` by name, or ``Mã`` by code), the ``Tổng điểm``
column, and optionally one column per field of the pack's index, headed by the field's label.
Rank and class columns are ignored: ranks are computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from drafter.domain.ranking import RankingRules, Score, ScoreError, check_score
from drafter.domain.units import Unit
from drafter.errors import DataFileError
from drafter.exchange.read import RawCell, norm_cell, read_rows
from drafter.vi.numbers import parse_number
from drafter.vi.text import clean

_UNIT = ("đơn vị", "tên đơn vị", "mã", "mã đơn vị")
_TOTAL = ("tổng điểm", "tổng", "tổng điểm đạt được", "điểm")


def _unit_key(text: str) -> str:
    """``UBND xã Đông Hòa`` and ``xã Đông Hòa`` → ``xã đông hòa``."""
    return text.removeprefix("ubnd ").removeprefix("ủy ban nhân dân ").strip()


def _number(cell: RawCell, where: str, path: Path) -> Decimal:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return Decimal(str(cell))
    try:
        return parse_number(clean(str(cell)))
    except ValueError as exc:
        raise DataFileError(str(path), where, str(exc)) from None


def _header(rows: list[list[RawCell]], path: Path) -> tuple[int, int, int]:
    for index, row in enumerate(rows[:20]):
        cells = [norm_cell(c) for c in row]
        unit = next((i for i, c in enumerate(cells) if c in _UNIT), None)
        total = next((i for i, c in enumerate(cells) if c in _TOTAL), None)
        if unit is not None and total is not None:
            return index, unit, total
    raise DataFileError(str(path), "", "không tìm thấy dòng tiêu đề (cần cột Đơn vị hoặc Mã, "
                        "và cột Tổng điểm)")


def read_scores(path: Path, units: Sequence[Unit], rules: RankingRules) -> list[Score]:
    """Each row's score, matched to one of ``units`` and checked against ``rules``."""
    rows = read_rows(path)
    header, unit_col, total_col = _header(rows, path)
    labels = {norm_cell(f.label): f.id for f in rules.fields} | {f.id: f.id for f in rules.fields}
    field_cols = {i: labels[norm_cell(c)] for i, c in enumerate(rows[header])
                  if norm_cell(c) in labels}
    by_name = {_unit_key(f"{u.label}".lower()): u for u in units}
    by_name |= {u.code: u for u in units}
    bare = [u.name.lower() for u in units]
    by_name |= {u.name.lower(): u for u in units if bare.count(u.name.lower()) == 1}
    scores = []
    for number, row in enumerate(rows[header + 1:], start=header + 2):
        name = norm_cell(row[unit_col] if unit_col < len(row) else None)
        if not name:
            continue
        where = f"dòng {number}"
        unit = by_name.get(_unit_key(name))
        if unit is None:
            raise DataFileError(str(path), where, f"không có đơn vị «{name}» trong huyện")
        total = row[total_col] if total_col < len(row) else None
        if total is None or norm_cell(total) == "":
            raise DataFileError(str(path), where, "chưa có tổng điểm")
        fields = {key: _number(row[i], where, path) for i, key in field_cols.items()
                  if i < len(row) and norm_cell(row[i]) != ""}
        score = Score(unit, _number(total, where, path), fields)
        try:
            check_score(score, rules)
        except ScoreError as exc:
            raise DataFileError(str(path), where, str(exc)) from None
        scores.append(score)
    return scores
