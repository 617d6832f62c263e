"""``render(report) -> Document``: the core of drafter, with no TUI and no database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from drafter.combine.merger import (
    formed_this_year,
    merged_sources,
    span_before,
    split_by_merger,
)
from drafter.combine.rollup import Rollup
from drafter.domain.figures import Figures, UnknownIndicatorError
from drafter.domain.report import LISTS, Report, Status
from drafter.domain.units import TWO_LEVEL_FROM, superior_kind
from drafter.errors import RenderError
from drafter.narrative import filters, markup
from drafter.narrative.assessment import Evidence, assess
from drafter.narrative.blocks import Document, Metadata, Paragraph, Role
from drafter.narrative.communes import communes_context, departments_context
from drafter.narrative.compiled import attach_cache
from drafter.narrative.context import (
    Given,
    Rates,
    Summed,
    Values,
    appendix_rows,
    documents_by_issuer,
)
from drafter.narrative.coverage import comparable
from drafter.narrative.escape import escape_tree
from drafter.narrative.filters import MISSING
from drafter.narrative.guard import GuardedSandbox, LimitExceeded, render_limited, template_of
from drafter.narrative.loader import PackLoader
from drafter.narrative.outline import OutlineView
from drafter.narrative.overrides import apply_overrides
from drafter.narrative.phrases import Filled, picked
from drafter.packs.kinds import pack_for
from drafter.packs.load import TemplatePack
from drafter.vi.names import Abbreviations
from drafter.vi.periods import period_name, previous_name

_ENVIRONMENTS: dict[int, tuple[TemplatePack, SandboxedEnvironment]] = {}


def sandbox(template_dir: Path) -> SandboxedEnvironment:
    """The sandboxed environment pack templates run in: they cannot read files outside
    ``template_dir``, reach Python internals or run code, and run within the limits of
    :mod:`drafter.narrative.guard`."""
    return GuardedSandbox(
        loader=PackLoader(template_dir),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )


def _environment(pack: TemplatePack) -> SandboxedEnvironment:
    """One environment per loaded pack, with the language layer's filters installed.

    Keyed by the pack object, not its path: a pack reloaded after an edit gets filters that
    see its new settings. The pack is kept with its environment so its id stays unique.
    """
    cached = _ENVIRONMENTS.get(id(pack))
    if cached is not None:
        return cached[1]
    env = sandbox(pack.template_dir)
    filters.install(env, pack)
    attach_cache(env)
    _ENVIRONMENTS[id(pack)] = (pack, env)
    return env


def build_context(
    report: Report, pack: TemplatePack, previous: Report | None = None,
    last_year: Report | None = None, rollup: Rollup | None = None,
) -> dict[str, Any]:
    """Everything a template may read for one report (``prev``/``ly``: the comparison periods,
    with ``prev_merged``/``ly_merged`` naming the predecessors when one was summed from the
    units merged into this one; ``superior_kind``: the kind of the level the unit reports to
    in this period, ``tỉnh`` or ``huyện``, empty for a province; ``two_level``: whether the
    period is after the district level was abolished; ``communes`` and ``departments``:
    the communes and a province's departments after a roll-up, else ``None``, with ``cx``
    and ``dx`` their summed figures; ``child_kinds``: the kinds of the communes it
    aggregates; ``since``: the day a unit formed by a merger during the report's year came
    to be, from which its plan, tasks and cumulative figures run, else ``None``; ``split``:
    when the period began before that day, the part of it that is its predecessors' figures).

    The reports are escaped copies (user text is data, never markup: :mod:`.escape`) and the
    settings a copy: the sandbox lets a template call ``list.append``, and it must not change
    what the caller or the next report sees.
    """
    report, previous, last_year = escape_tree((report, previous, last_year))
    figures = Figures.of(pack.catalogue, report)
    abbr = Abbreviations(pack.abbreviations)
    prev_figures = Figures.of(pack.catalogue, previous) if previous else None
    can_compare = comparable(pack.catalogue, rollup)
    kind_above = superior_kind(report.unit, report.period.start)
    evidence = Evidence(figures, report.period, report.unit.tier, prev_figures,
                        previous_name(report.period, previous.period) if previous else "",
                        can_compare, kind_above)
    communes = escape_tree(communes_context(rollup, pack)) if rollup else None
    formed = report.unit.merged_on
    under = rollup.departments if rollup else None
    departments = escape_tree(departments_context(under, pack)) if under else None

    def phrases(item: str, words: dict[str, str]) -> list[Filled]:
        """The phrases picked for sub-item ``item``, filled with ``words`` and the figures."""
        return picked(pack.phrases, report, figures, item, words, pack.leading_zero)

    return {
        "report": report,
        "unit": report.unit,
        "period": report.period,
        "v": Values(figures),
        "r": Rates(figures),
        "given": Given(figures),
        "outline": OutlineView(pack.catalogue, report, figures,
                               lambda item: bool(phrases(item, {}))),
        "phrases": phrases,
        "missing": MISSING,
        "prev": Values(prev_figures) if prev_figures else None,
        "prev_period": previous.period if previous else None,
        "ly": Values(Figures.of(pack.catalogue, last_year)) if last_year else None,
        "ly_period": last_year.period if last_year else None,
        "superior_kind": kind_above,
        # Who gives the unit its tasks, as the assessment's rules name it too.
        "superior_words": pack.assessment.superior(kind_above),
        "two_level": report.period.start >= TWO_LEVEL_FROM,
        "after_reform": report.period.start >= TWO_LEVEL_FROM,
        "prev_merged": merged_sources(previous),
        "ly_merged": merged_sources(last_year),
        "abbr": abbr,
        "n": abbr.first,
        "lists": {name: report.items(name) for name in LISTS},
        "notes": report.notes,
        "docs": report.documents_for,
        "docs_by_issuer": lambda section: documents_by_issuer(
            report.documents_for(section), report.unit, kind_above),
        "appendix": pack.catalogue.layout(report.unit.tier),
        "appendix_rows": appendix_rows(figures, pack.catalogue.layout(report.unit.tier), pack),
        "draft": report.status is not Status.FINAL,
        # Nothing entered at all: the sections say so, and no assessment is written.
        "empty": not (report.figures or report.documents or report.notes or report.phrases
                      or any(report.items(name) for name in LISTS) or report.rates),
        "settings": dict(pack.settings),
        "communes": communes,
        "departments": departments,
        # The sums over the communes' (the departments') reports received, for what the
        # narrative says of them beside the unit's own figures; ``None`` without a roll-up.
        "cx": Summed(Figures(pack.catalogue, dict(rollup.totals))) if rollup else None,
        "dx": Summed(Figures(pack.catalogue, dict(under.totals))) if under else None,
        # The kinds of the communes the unit aggregates: those of the roll-up when there is
        # one, else those the store found reporting to it in the period.
        "child_kinds": communes.kinds if communes else report.unit.child_kinds,
        # Built from the escaped report: the causes the official typed are escaped already.
        "assessment": assess(pack.assessment, evidence, report.shortcoming_causes,
                             pack.leading_zero, pack.band),
        "comparable": can_compare,
        "since": formed_this_year(report.unit, report.period),
        "split": span_before(report.period, formed)
        if formed and split_by_merger(report.unit, report.period) else None,
    }


def render_markup(report: Report, pack: TemplatePack, previous: Report | None = None,
                  last_year: Report | None = None, rollup: Rollup | None = None) -> str:
    """The pack's templates applied to ``report``: the line markup, before parsing."""
    return _apply(pack, "document.j2", build_context(report, pack, previous, last_year, rollup))


def _apply(pack: TemplatePack, template: str, context: dict[str, Any]) -> str:
    try:
        return render_limited(_environment(pack).get_template(template), context)
    except UnknownIndicatorError as exc:
        raise RenderError(f"mẫu dùng chỉ tiêu không có trong danh mục: {exc.args[0]}") from exc
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', '') or ''}:{getattr(exc, 'lineno', '') or ''}"
        raise RenderError(f"lỗi trong mẫu {where}: {exc}") from exc
    except LimitExceeded as exc:
        raise RenderError(f"mẫu {exc.template or template_of(exc, template)} {exc.what}") \
            from None
    except RecursionError as exc:
        raise RenderError(f"mẫu {template_of(exc, template)} tự gọi lại mình không dừng "
                          "(đệ quy quá sâu)") from None
    except MemoryError as exc:
        raise RenderError(f"mẫu {template_of(exc, template)} cần quá nhiều bộ nhớ") from None
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # A pack's template doing impossible arithmetic or indexing (or asking the sandbox
        # for a huge range) is the pack's error, reported like any other.
        raise RenderError(f"lỗi khi chạy mẫu {template_of(exc, template)}: {exc}") from exc


def render(
    report: Report,
    pack: TemplatePack | None = None,
    previous: Report | None = None,
    now: dt.datetime | None = None,
    last_year: Report | None = None,
    rollup: Rollup | None = None,
) -> Document:
    """Render a report into a :class:`Document` of blocks — no TUI, no database needed.

    ``previous`` is the stored report of the previous period and ``last_year`` that of the
    same period last year, when they exist; the narrative compares with each. ``rollup``
    (a district report built by :func:`drafter.combine.rollup.roll_up`) adds the communes' appendix.
    """
    pack = pack or pack_for(report.kind)
    return _document(render_markup(report, pack, previous, last_year, rollup), report, pack, now)


def render_with(template: str, report: Report, pack: TemplatePack, extra: dict[str, Any],
                now: dt.datetime | None = None) -> Document:
    """Render another document of the pack (``template``) for ``report``'s unit and date,
    with ``extra`` added to the usual context."""
    context = build_context(report, pack) | escape_tree(extra)
    return _document(_apply(pack, template, context), report, pack, now)


def _document(text: str, report: Report, pack: TemplatePack,
              now: dt.datetime | None) -> Document:
    blocks = apply_overrides(markup.parse(text), report.overrides)
    subject = next((b.text for b in blocks if isinstance(b, Paragraph) and b.role is Role.SUBJECT),
                   period_name(report.period))
    meta = Metadata(
        title=subject,
        author=report.unit.body,
        subject=pack.name,
        created=now or dt.datetime.combine(report.date, dt.time(8, 0)),
        pack=f"{pack.name} {pack.version}",
        draft=report.status is not Status.FINAL,
        watermark=str(pack.settings.get("draft_watermark", "")),
    )
    return Document(blocks, meta)
