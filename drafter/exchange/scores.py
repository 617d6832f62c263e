"""CCHC index scores from a workbook (XLSX or CSV), as a Sở Nội vụ keeps them.

One row per unit: a unit column (``Đơn vị`` by name, or ``Mã`` by code), the ``Tổng điểm``
column, and optionally one column per field of the pack's index, headed by the field's label.
The heading may take two rows (``Điểm các lĩnh vực`` over the fields' labels); a total or
average row is skipped. A unit listed twice is refused, naming both rows. A typed rank column
is not read as the rank — ranks are computed — but where it disagrees it is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from drafter.domain.ranking import RankingRules, Score, ScoreError, check_score, rank_scores
from drafter.domain.units import Unit
from drafter.errors import DataFileError
from drafter.exchange.read import RawCell, norm_cell, read_rows
from drafter.vi.numbers import parse_number
from drafter.vi.text import clean

_UNIT = ("đơn vị", "tên đơn vị", "mã", "mã đơn vị")
_TOTAL = ("tổng điểm", "tổng", "tổng điểm đạt được", "điểm")
_RANK = ("xếp hạng", "thứ hạng", "hạng", "thứ tự xếp hạng")
# What the unit cell of a summary row says.
_SUMMARY = ("tổng", "tổng cộng", "cộng", "trung bình", "bình quân", "điểm trung bình")


@dataclass(frozen=True)
class RankMismatch:
    """A row whose typed rank differs from the rank computed from the scores."""

    row: int
    unit: Unit
    typed: str
    computed: int


@dataclass
class ScoreSheet:
    scores: list[Score]
    mismatches: list[RankMismatch] = field(default_factory=list)


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


@dataclass(frozen=True)
class _Header:
    last_row: int  # index of the heading's last row
    cells: list[str]  # each column's heading (the lower row where it has one)

    def find(self, names: Sequence[str]) -> int | None:
        return next((i for i, c in enumerate(self.cells) if c in names), None)


def _header(rows: list[list[RawCell]], path: Path, labels: set[str]) -> _Header:
    """The heading: the first row naming the unit and total columns, with the row below it
    when that row names columns too (a two-row heading: ``Điểm các lĩnh vực`` merged over
    the fields' labels). ``labels`` are every column name the reader knows."""
    known = labels | set(_UNIT) | set(_TOTAL) | set(_RANK)
    for index, row in enumerate(rows[:20]):
        top = [norm_cell(c) for c in row]
        below = [norm_cell(c) for c in rows[index + 1]] if index + 1 < len(rows) else []
        width = max(len(top), len(below))
        top += [""] * (width - len(top))
        below += [""] * (width - len(below))
        named = [b in known for b in below]
        cells = [b if name else t for t, b, name in zip(top, below, named, strict=True)]
        heading = _Header(index + 1 if any(named) else index, cells)
        if heading.find(_UNIT) is not None and heading.find(_TOTAL) is not None:
            return heading
    raise DataFileError(str(path), "", "không tìm thấy dòng tiêu đề (cần cột Đơn vị hoặc Mã, "
                        "và cột Tổng điểm)")


def read_scores(path: Path, units: Sequence[Unit], rules: RankingRules,
                sheet: str | None = None) -> ScoreSheet:
    """Each row's score, matched to one of ``units`` and checked against ``rules``."""
    rows = read_rows(path, sheet)
    labels = {norm_cell(f.label): f.id for f in rules.fields} | {f.id: f.id for f in rules.fields}
    header = _header(rows, path, set(labels))
    unit_col, total_col = header.find(_UNIT), header.find(_TOTAL)
    assert unit_col is not None and total_col is not None
    rank_col = header.find(_RANK)
    field_cols = {i: labels[c] for i, c in enumerate(header.cells) if c in labels}
    by_name = {_unit_key(u.label.lower()): u for u in units} | {u.code: u for u in units}
    bare = [u.name.lower() for u in units]
    by_name |= {u.name.lower(): u for u in units if bare.count(u.name.lower()) == 1}
    scores: list[Score] = []
    seen: dict[str, int] = {}
    typed: dict[str, tuple[int, str]] = {}
    for number, row in enumerate(rows[header.last_row + 1:], start=header.last_row + 2):
        name = norm_cell(row[unit_col] if unit_col < len(row) else None)
        if not name or name in _SUMMARY:
            continue
        where = f"dòng {number}"
        unit = by_name.get(_unit_key(name))
        if unit is None:
            raise DataFileError(str(path), where, f"không có đơn vị «{name}» trong số các đơn "
                                "vị được xếp hạng")
        if unit.code in seen:
            raise DataFileError(str(path), where, f"{unit.label} đã có ở dòng {seen[unit.code]}; "
                                "mỗi đơn vị chỉ được ghi một dòng")
        seen[unit.code] = number
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
        if rank_col is not None and rank_col < len(row) and norm_cell(row[rank_col]):
            typed[unit.code] = (number, norm_cell(row[rank_col]))
    mismatches = [RankMismatch(typed[item.score.unit.code][0], item.score.unit,
                               typed[item.score.unit.code][1], item.rank)
                  for item in rank_scores(scores, rules)
                  if item.score.unit.code in typed
                  and typed[item.score.unit.code][1] != str(item.rank)]
    return ScoreSheet(scores, sorted(mismatches, key=lambda m: m.row))
