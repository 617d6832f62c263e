"""Checks on the official's own words: impossible dates, blanks, English-style numbers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from drafter.checks.context import CheckContext, show
from drafter.checks.document_checks import document_name
from drafter.checks.problems import Problem, Severity
from drafter.domain.report import LISTS
from drafter.vi.numbers import round_half_up

ERROR = Severity.ERROR

_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_WORD_DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
# An ellipsis or underscores standing alone, or in place of a number ("đạt...%", "số .../KH"),
# is a blank left to fill; "viên chức..., phối hợp" right after a word is the official's
# "etc." and stays.
_BLANK = re.compile(
    r"(?:(?<=\s)|^)(?:…|\.{2,}|_{2,})(?=[\s%/,;.]|$)|(?:…|\.{2,}|_{2,})(?=[%/\d])"
    r"|ngày\s+tháng|tháng\s+năm\s+20"
)
# "26/28 … 92,85%": a ratio and the percentage typed after it in the same clause.
_TYPED_RATIO = re.compile(
    r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})*|\d+)/(\d{1,3}(?:\.\d{3})*|\d+)(?![\d/])"
    r"[^;%/]{0,80}?(?<![\d,.])(\d{1,3}(?:,\d+)?)\s?%")
_THOUSANDS_COMMA = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")
_DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.(\d{2}(?![\d.])|\d{1,2}(?=%))")


def _texts(ctx: CheckContext) -> Iterator[tuple[str, str, str]]:
    """(field, where, text) for every free text the official typed."""
    report = ctx.report
    for section, paragraphs in report.notes.items():
        for index, text in enumerate(paragraphs, start=1):
            name = ctx.catalogue.target_names(ctx.report.unit.tier.value).get(section, section)
            yield f"note:{section}", f"Mục {name}, đoạn {index}", text
    for name, items in report.lists.items():
        for index, text in enumerate(items, start=1):
            yield name, f"{LISTS[name]}, ý {index}", text
    for role, docs in (("basis", report.basis), ("documents", report.documents)):
        for doc in docs:
            yield role, f"Trích yếu {document_name(doc)}", doc.subject


def _impossible(day: str, month: str, year: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return True
    return False


def text_hygiene(ctx: CheckContext) -> Iterator[Problem]:
    for field, where, text in _texts(ctx):
        for match in (*_SLASH_DATE.finditer(text), *_WORD_DATE.finditer(text)):
            if _impossible(*match.groups()):
                yield ctx.problem(ERROR, "text_impossible_date", (field,), where=where,
                                  date=match.group(0))
        for match in _BLANK.finditer(text):
            yield ctx.problem(ERROR, "text_blank", (field,), where=where,
                              blank=match.group(0).strip())
        for match in _THOUSANDS_COMMA.finditer(text):
            yield ctx.problem(ERROR, "text_english_number", (field,), where=where,
                              number=match.group(0), fixed=match.group(0).replace(",", "."))
        for match in _DECIMAL_POINT.finditer(text):
            yield ctx.problem(ERROR, "text_english_number", (field,), where=where,
                              number=match.group(0), fixed=match.group(0).replace(".", ","))


def _count(text: str) -> Decimal:
    return Decimal(text.replace(".", ""))


def typed_ratios(ctx: CheckContext) -> Iterator[Problem]:
    """Percentages the official typed after a ratio are recomputed from it, at the precision
    typed ("11/26 … 42,30%" is 42,31%)."""
    for field, where, text in _texts(ctx):
        for match in _TYPED_RATIO.finditer(text):
            numerator, denominator = _count(match.group(1)), _count(match.group(2))
            stated = Decimal(match.group(3).replace(",", "."))
            ratio = f"{match.group(1)}/{match.group(2)}"
            if denominator == 0 or numerator > denominator:
                yield ctx.problem(ERROR, "text_ratio_range", (field,), where=where, ratio=ratio)
                continue
            exponent = stated.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            value = round_half_up(numerator * 100 / denominator, places)
            if value != stated:
                yield ctx.problem(ERROR, "text_ratio", (field,), where=where, ratio=ratio,
                                  stated=match.group(3), value=show(value))
