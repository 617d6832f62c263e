"""The statistical appendix of a report made by hand in Word, whatever the province's form.

A Word appendix is a table (often several: one per page, each repeating its heading) with an
STT, a label, a unit, a value and a Ghi chú column — in any order, under one or two heading
rows ("Kết quả thống kê" over "Đơn vị tính | Số liệu"), with Roman or Arabic group rows and
merged cells. Each row with a value is matched to an indicator by its label — the unit's
layout, the indicator's own label and its ``synonyms`` in the pack, compared as
:func:`~drafter.vi.text.label_key` keys (tone marks, case, punctuation, parentheses, the
pack's abbreviations) — its unit of measure and its place after the last row matched.
Nothing is guessed in silence: every row it could not match, matched only approximately,
or whose number it could not read is listed for the official.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher

from drafter.datafile import fields
from drafter.domain.catalogue import Catalogue
from drafter.domain.figures import Figures
from drafter.domain.indicators import Indicator, ValueType
from drafter.domain.report import Value
from drafter.domain.units import Tier
from drafter.vi.numbers import format_number
from drafter.vi.text import clean, label_key
from drafter.writer.word_reader import WordTable

_EMPTY = {"", "-", "–", "—", "x", "/"}
_CLOSE = 0.86  # a label this similar (difflib ratio) is taken, and listed for review
_STT = re.compile(r"^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])[.)]?$", re.IGNORECASE)
_LEADING = re.compile(r"^([+-]?[\d.,]+)\s*(?:%|\(.*\))?$")
_ENGLISH_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")
_ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


@dataclass
class Appendix:
    """What the appendix gave: figures, rates stated beside their counts, rates given alone,
    and the lines the official must look at."""

    figures: dict[str, Value] = field(default_factory=dict)
    stated: dict[str, Decimal] = field(default_factory=dict)
    rates: dict[str, Decimal] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    rows: int = 0


@dataclass(frozen=True)
class _Columns:
    stt: int | None
    label: int
    unit: int | None
    value: int
    first_data: int


def _columns(table: WordTable) -> _Columns | None:
    """The columns of an appendix table from its heading rows, or ``None`` for another
    table. Two heading rows are read as one: each column's heading is both its texts."""
    for index, row in enumerate(table.rows[:4]):
        heads = [label_key(cell) for cell in row]
        label = next((i for i, h in enumerate(heads)
                      if h.startswith(("chi tieu", "noi dung", "ten chi tieu"))), None)
        if label is None:
            continue
        below = table.rows[index + 1] if index + 1 < len(table.rows) else ()
        two_rows = any(label_key(c) in ("don vi tinh", "dvt", "so lieu") for c in below)
        if two_rows:
            heads = [f"{h} {label_key(below[i]) if i < len(below) else ''}".strip()
                     for i, h in enumerate(heads)]
        stt = next((i for i, h in enumerate(heads) if h in ("stt", "tt", "so tt")), None)
        unit = next((i for i, h in enumerate(heads)
                     if h.endswith(("don vi tinh", "dvt")) and i != label), None)
        value = next((i for i, h in enumerate(heads) if "so lieu" in h and i != label), None)
        value = value if value is not None else next(
            (i for i, h in enumerate(heads) if i not in (label, unit, stt)
             and h.startswith(("ket qua", "gia tri", "so luong", "thuc hien"))), None)
        if value is not None:
            return _Columns(stt, label, unit, value, index + (2 if two_rows else 1))
    return None


@dataclass(frozen=True)
class _Candidate:
    key: str
    stt: str
    position: int
    unit: str = ""  # the layout row's own unit of measure, when it gives one


def _candidates(catalogue: Catalogue, tier: Tier, abbreviations: dict[str, str]
                ) -> dict[str, list[_Candidate]]:
    """Label keys (with and without parentheses) → the indicators they name, the unit's
    layout first (its rows give the place), then every indicator's label and synonyms."""
    found: dict[str, list[_Candidate]] = {}

    def add(text: str, candidate: _Candidate) -> None:
        for name in {label_key(text, abbreviations),
                     label_key(text, abbreviations, parentheses=False)}:
            if candidate not in found.setdefault(name, []):
                found[name].append(candidate)

    for position, row in enumerate(catalogue.layout(tier).rows):
        if row.key:
            add(row.label, _Candidate(row.key, row.stt, position, row.unit))
    for indicator in catalogue:
        for text in (indicator.label, *indicator.synonyms):
            add(text, _Candidate(indicator.key, "", 10_000))
    return found


def _pick(options: list[_Candidate], stt: str, after: int) -> _Candidate:
    """Of the indicators a label names, the one whose STT is the row's, else the first
    after the last row matched (a label such as "Tổng số cán bộ, công chức được giao" stands
    under several groups), else the first."""
    by_stt = [c for c in options if stt and c.stt == stt.rstrip(".")]
    later = [c for c in options if c.position > after]
    return (by_stt or later or options)[0]


def _number(text: str, indicator: Indicator, review: list[str], label: str) -> Decimal | None:
    """A figure as a province writes it: ``1.234``, ``1,234``, ``99,5``, ``99.81``, ``16
    (88,9%)``; an English form is read and listed, never misread silently."""
    compact = text.replace(" ", "").replace("\u00a0", "")
    leading = _LEADING.match(compact)
    if leading is None:
        return None
    raw = leading.group(1)
    counted = indicator.type is ValueType.COUNT
    if _ENGLISH_DECIMAL.match(raw) and not (counted and raw.endswith(tuple("0123456789"))
                                            and len(raw.split(".")[1]) == 3):
        review.append(f"{label}: «{text}» viết dấu chấm thập phân kiểu tiếng Anh, đã đọc là "
                      f"{raw.replace('.', ',')}")
        raw = raw.replace(".", ",")
    elif _ENGLISH_THOUSANDS.match(raw) and counted:
        review.append(f"{label}: «{text}» viết dấu phẩy ngăn cách hàng nghìn kiểu tiếng Anh, "
                      f"đã đọc là {raw.replace(',', '.')}")
        raw = raw.replace(",", ".")
    try:
        return fields.stated(raw)
    except ValueError:
        return None


def _value(text: str, indicator: Indicator, review: list[str], label: str
           ) -> Value | Decimal | None:
    if indicator.type is ValueType.BOOL or indicator.type is ValueType.CHOICE:
        try:
            return fields.figure(indicator, text)
        except ValueError:
            return None
    number = _number(text, indicator, review, label)
    if number is None or indicator.derived:
        return number
    try:
        return fields.figure(indicator, number)
    except ValueError:
        return None


def read_appendix(tables: list[WordTable], catalogue: Catalogue, tier: Tier,
                  abbreviations: dict[str, str]) -> Appendix:
    """The figures of every appendix table among ``tables`` (the others are left alone)."""
    result = Appendix()
    candidates = _candidates(catalogue, tier, abbreviations)
    after = -1
    for table in tables:
        columns = _columns(table)
        if columns is None:
            continue
        for row in table.rows[columns.first_data:]:
            after = _row(row, columns, _Names(catalogue, candidates, abbreviations), after,
                         result)
    _missing_parts(catalogue, result)
    _compare_rates(catalogue, result)
    return result


def _cell(row: tuple[str, ...], column: int | None) -> str:
    return clean(row[column]) if column is not None and column < len(row) else ""


@dataclass(frozen=True)
class _Names:
    catalogue: Catalogue
    candidates: dict[str, list[_Candidate]]
    abbreviations: dict[str, str]

    def named(self, label: str) -> list[_Candidate]:
        for parentheses in (True, False):
            found = self.candidates.get(label_key(label, self.abbreviations, parentheses))
            if found:
                return found
        return []


def _row(row: tuple[str, ...], columns: _Columns, names: _Names, after: int,
         result: Appendix) -> int:
    label = _cell(row, columns.label)
    text = _cell(row, columns.value)
    stt = _cell(row, columns.stt)
    if not label or text.lower() in _EMPTY or (stt and not _STT.match(stt)
                                                and label_key(stt) != "trong do"):
        return after
    result.rows += 1
    catalogue = names.catalogue
    options = names.named(label)
    shown = f"{stt} {label}".strip() if stt else label
    if not options:
        options = _close(label, names, shown, result)
        if not options:
            result.review.append(f"{shown}: không khớp với chỉ tiêu nào của biểu, số liệu "
                                 f"«{text}» chưa được nhập")
            return after
    chosen = _pick(options, stt, after)
    indicator = catalogue[chosen.key]
    unit = _cell(row, columns.unit)
    known = {label_key(text) for text in (chosen.unit, indicator.unit) if text}
    if unit and known and label_key(unit) not in known:
        result.review.append(f"{shown}: đơn vị tính «{unit}» khác «{indicator.unit}» của chỉ "
                             "tiêu, cần xem lại")
    value = _value(text, indicator, result.review, shown)
    if value is None:
        result.review.append(f"{shown}: không đọc được số liệu «{text}»")
    elif indicator.derived:
        if isinstance(value, Decimal):
            result.stated[indicator.key] = value
    elif indicator.key in result.figures and result.figures[indicator.key] != value:
        result.review.append(f"{shown}: ghi {text}, khác số đã đọc ở dòng trước "
                             f"({result.figures[indicator.key]}), giữ số đầu tiên")
    else:
        result.figures.setdefault(indicator.key, value)
    return max(after, chosen.position) if chosen.position < 10_000 else after


def _close(label: str, names: _Names, shown: str, result: Appendix) -> list[_Candidate]:
    """The indicator whose label is nearly the row's (a word more or less), listed."""
    name = label_key(label, names.abbreviations, parentheses=False)
    candidates = names.candidates
    best, score = "", 0.0
    for key in candidates:
        ratio = SequenceMatcher(None, name, key).ratio()
        if ratio > score:
            best, score = key, ratio
    # A near label of a figure already read is another row's ("… toàn phần" beside "…
    # một phần"): one word may turn its meaning, so it is not taken.
    if score < _CLOSE or any(c.key in result.figures or c.key in result.stated
                             for c in candidates[best]):
        return []
    chosen = candidates[best][0]
    result.review.append(f"{shown}: khớp gần đúng với chỉ tiêu "
                         f"«{names.catalogue[chosen.key].label}», cần xác nhận")
    return candidates[best]


def _missing_parts(catalogue: Catalogue, result: Appendix) -> None:
    """A total stated with all its parts but one (the files received, 29, of which 7 online)
    gives that part (22 in person), listed: the form has no row for it."""
    for key, stated in list(result.stated.items()):
        indicator = catalogue[key]
        if indicator.type is not ValueType.SUM:
            continue
        missing = [part for part in indicator.parts if part not in result.figures]
        known = [result.figures[part] for part in indicator.parts if part in result.figures]
        if len(missing) != 1 or not all(isinstance(v, int | Decimal) for v in known):
            continue
        rest = stated - sum((Decimal(v) for v in known if isinstance(v, int | Decimal)),
                            Decimal(0))
        part = catalogue[missing[0]]
        if rest < 0 or (part.type is ValueType.COUNT and rest != rest.to_integral_value()):
            continue
        result.figures[part.key] = int(rest) if part.type is ValueType.COUNT else rest
        result.review.append(f"{part.label}: không có dòng trong biểu, đã tính từ "
                             f"«{indicator.label}» là {format_number(rest)}")


def _compare_rates(catalogue: Catalogue, result: Appendix) -> None:
    """A stated rate (or sum) beside its counts is checked against them; a rate without
    them is kept as the rate given."""
    figures = Figures(catalogue, result.figures)

    def complete(key: str) -> bool:
        """Whether every count ``key`` is made of was read (a sum short of a part the
        appendix does not print is no ground to doubt the stated one)."""
        indicator = catalogue[key]
        if indicator.type is ValueType.SUM:
            return all(complete(part) for part in indicator.parts)
        if indicator.type is ValueType.RATE:
            return complete(indicator.numerator) and complete(indicator.denominator)
        return key in result.figures

    for key, stated in list(result.stated.items()):
        indicator = catalogue[key]
        if indicator.type is ValueType.RATE and figures.rate(key) is None:
            result.rates[key] = result.stated.pop(key)
            continue
        if not complete(key):
            continue
        computed = figures.value(key)
        if not isinstance(computed, int | Decimal):
            continue
        if abs(Decimal(computed) - stated) >= Decimal("0.1"):
            shown = "%" if indicator.type is ValueType.RATE else ""
            result.review.append(f"{indicator.label}: tệp ghi {format_number(stated)}{shown} "
                                 f"nhưng tính từ số liệu là {format_number(computed)}{shown}")
