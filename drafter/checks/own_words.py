"""Checks on the official's own sentences and picked phrases (issue 14).

A replacement keeps the figures honest: every number it states must be one the report
holds — a figure entered or derived, as the narrative would write it, or a number of the
sentence it replaces — so a report can be final only when its own words agree with its
data. A replaced sentence the templates no longer write, and a picked phrase that cannot be
printed, are said too: nothing the official chose is dropped in silence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from drafter.checks.context import CheckContext, as_number
from drafter.checks.problems import Problem, Severity
from drafter.domain.report import Status
from drafter.narrative.overrides import sentence_ids
from drafter.narrative.phrases import unusable
from drafter.vi.numbers import round_half_up

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# Dates and document symbols hold numbers that are not figures.
_NOT_FIGURES = re.compile(
    r"\d{1,2}/\d{1,2}/\d{4}|ngày \d{1,2} tháng \d{1,2} năm \d{4}|(?<!\d)\d+/\d{4}(?=/|\b)"
    r"|(?<!\d)\d+/[A-ZĐ]{1,}[\w-]*|(?:năm|quý|tháng|Quý|Tháng|Năm) \d{1,4}")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w])")


def numbers(text: str) -> list[tuple[str, Decimal]]:
    """The numbers a Vietnamese sentence states, as written and as values ("1.245" → 1245,
    "99,12" → 99.12), dates and document numbers left out."""
    text = _NOT_FIGURES.sub(" ", text)
    found = []
    for match in _NUMBER.finditer(text):
        whole, decimals = match.group(1).replace(".", ""), match.group(2)
        try:
            found.append((match.group(0), Decimal(f"{whole}.{decimals}" if decimals else whole)))
        except InvalidOperation:
            continue
    return found


def _known(ctx: CheckContext) -> set[Decimal]:
    """Every value the report's figures give, with its rates as the narrative rounds them."""
    known: set[Decimal] = set()
    for indicator in ctx.catalogue:
        value = as_number(ctx.figures.value(indicator.key))
        if value is None:
            continue
        known.add(value)
        if value != value.to_integral_value():
            known.update(round_half_up(value, places) for places in (0, 1, 2))
    year = ctx.report.period.year
    known.update(Decimal(y) for y in (year - 1, year, year + 1))
    return known


def own_words_agree(ctx: CheckContext) -> Iterator[Problem]:
    """Numbers in the official's replacements agree with the figures; a replaced sentence
    still exists in the report."""
    overrides = ctx.report.overrides
    if not overrides or ctx.pack is None:
        return
    # The engine (Jinja2) loads only for a report with the official's own sentences: the
    # TUI runs the checks as it starts, where a twentieth of a second counts.
    from drafter.narrative.engine import render

    plain = replace(ctx.report, overrides={})
    generated = sentence_ids(render(plain, ctx.pack, previous=ctx.previous).blocks)
    known = _known(ctx)
    severity = ERROR if ctx.report.status is Status.FINAL else WARNING
    for sid, text in overrides.items():
        if sid not in generated:
            yield ctx.problem(WARNING, "override_gone", (f"override:{sid}",), sid=sid)
            continue
        original = {value for _, value in numbers(generated[sid])}
        for written, value in numbers(text):
            if value not in known and value not in original:
                yield ctx.problem(severity, "override_number", (f"override:{sid}",), sid=sid,
                                  number=written)


def phrases_printed(ctx: CheckContext) -> Iterator[Problem]:
    """Every picked phrase is printed, or the official is told why not."""
    if ctx.pack is None:
        return
    for phrase_id, reason in unusable(ctx.pack.phrases, ctx.report, ctx.figures):
        rule = "phrase_missing_figure" if reason.startswith("missing:") else f"phrase_{reason}"
        key = reason.removeprefix("missing:")
        label = ctx.label(key) if key in ctx.catalogue else key
        yield ctx.problem(WARNING, rule, (f"phrase:{phrase_id}",), phrase=phrase_id,
                          label=label)
