"""CCHC index scores from a workbook (XLSX or CSV), as a Sở Nội vụ keeps them.

One row per unit: a unit column (``Đơn vị`` by name, or ``Mã`` by code), the ``Tổng điểm``
column, and optionally one column per field of the pack's index — headed by the field's
label (with or without its maximum, ``Cải cách thể chế (8 điểm)``), its id, or its number
(``Lĩnh vực 2``, ``LV2``) — one per part of the survey field (điều tra xã hội học) and the
totals before and after appraisal (``Điểm tự đánh giá``, ``Điểm thẩm định``), headed by the
labels ``ranking.toml`` gives them. The heading may take two rows (``Điểm các lĩnh vực`` over
the fields' labels); a total or average row is skipped. A unit listed twice is refused,
naming both rows. A typed rank column is not read as the rank — ranks are computed — but
where it disagrees it is reported; so is every other headed column, which is not read.
"""

from __future__ import annotations

import re
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
# Columns every sheet has that hold nothing to read: the row's number, a note.
_SKIPPED = ("stt", "tt", "số tt", "số thứ tự", "ghi chú", "xếp loại", "loại", "mức xếp loại")
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
    """The scores read; the rows whose typed rank differs; the headings of the columns not
    read (an official sees which of the sheet's columns drafter left aside)."""

    scores: list[Score]
    mismatches: list[RankMismatch] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


# "(8 điểm)", "(tối đa 8)", "- 8 điểm" after a heading, and "Điểm " before it.
# (Spaces entered only at their run's start: from every one of a long run, quadratic.)
_MAXIMUM = re.compile(r"(?<!\s)\s*(?:\((?:tối đa\s*)?\d+(?:[.,]\d+)?\s*(?:điểm)?\)"
                      r"|[-–]\s*\d+(?:[.,]\d+)?\s*điểm)$")
_NUMBERED = re.compile(r"^(?:lĩnh vực|lv|tiêu chí)\s*(\d+)$")


def _column_names(rules: RankingRules) -> dict[str, str]:
    """Every heading a value's column may have (normalised), to the value's id."""
    names: dict[str, str] = {}
    for number, item in enumerate(rules.fields, start=1):
        names[f"lĩnh vực {number}"] = item.id
    for item in rules.known().values():
        names[norm_cell(item.label)] = item.id
        names[item.id] = item.id
    return names


def _heading(cell: str) -> str:
    """A heading without the field's maximum beside it or "Điểm" before it."""
    bare = _MAXIMUM.sub("", cell).strip()
    bare = bare.removeprefix("điểm ").strip() if bare.startswith("điểm ") else bare
    numbered = _NUMBERED.match(bare)
    return f"lĩnh vực {int(numbered.group(1))}" if numbered else bare


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
        named = [b in known or _heading(b) in known for b in below]
        cells = [b if name else t for t, b, name in zip(top, below, named, strict=True)]
        heading = _Header(index + 1 if any(named) else index, cells)
        if heading.find(_UNIT) is not None and heading.find(_TOTAL) is not None:
            return heading
    raise DataFileError(str(path), "", "không tìm thấy dòng tiêu đề (cần cột Đơn vị hoặc Mã, "
                        "và cột Tổng điểm)")


def _value_columns(header: _Header, names: dict[str, str], taken: set[int]
                   ) -> dict[int, str]:
    columns: dict[int, str] = {}
    for index, cell in enumerate(header.cells):
        if index in taken or not cell:
            continue
        key = names.get(cell) or names.get(_heading(cell))
        if key is not None and key not in columns.values():
            columns[index] = key
    return columns


def read_scores(path: Path, units: Sequence[Unit], rules: RankingRules,
                sheet: str | None = None) -> ScoreSheet:
    """Each row's score, matched to one of ``units`` and checked against ``rules``."""
    rows = read_rows(path, sheet)
    names = _column_names(rules)
    header = _header(rows, path, set(names))
    unit_col, total_col = header.find(_UNIT), header.find(_TOTAL)
    assert unit_col is not None and total_col is not None
    rank_col = header.find(_RANK)
    taken = {unit_col, total_col} | ({rank_col} if rank_col is not None else set())
    field_cols = _value_columns(header, names, taken)
    unread = [cell for index, cell in enumerate(header.cells)
              if cell and index not in taken | set(field_cols) and cell not in _SKIPPED]
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
    return ScoreSheet(scores, sorted(mismatches, key=lambda m: m.row),
                      [_shown(rows, header, cell) for cell in unread])


def _shown(rows: list[list[RawCell]], header: _Header, cell: str) -> str:
    """An unread column's heading as the sheet writes it (not lower-cased)."""
    for row in rows[:header.last_row + 1]:
        for raw in row:
            if norm_cell(raw) == cell:
                return clean(str(raw))
    return cell
