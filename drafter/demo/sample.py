"""Made-up communes for demos, tests and benchmarks: one real-looking report, many names (or
the official ones), and made-up index scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import product

from drafter.domain.ranking import APPRAISED, SELF_ASSESSED, RankingRules, Score, ScoreField
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit, unit_code

_FIRST = ("Đông", "Tây", "Nam", "Bắc", "Thanh", "Hòa", "An", "Phú", "Tân", "Quảng")
_SECOND = ("Hòa", "Lợi", "Thịnh", "Tiến", "Hưng", "Phong", "Sơn", "Lâm", "Bình", "Yên", "Xuân")
NAMES = tuple(f"{first} {second}" for first, second in product(_FIRST, _SECOND)
              if first != second)


def commune_unit(like: Unit, name: str, parent: str) -> Unit:
    """A commune called ``name`` in district ``parent``, otherwise like ``like``."""
    return replace(like, code=unit_code("xã", name), kind="xã", name=name, parent=parent)


def communes_like(report: Report, count: int, parent: str) -> list[Report]:
    """``count`` copies of a commune report, each for a differently named commune."""
    if count > len(NAMES):
        raise ValueError(f"at most {len(NAMES)} sample communes")
    return [replace(report, unit=commune_unit(report.unit, name, parent))
            for name in NAMES[:count]]


_FILE_KEYS = ("files_received", "files_online", "files_in_person", "files_carried_over",
              "files_solved", "files_on_time", "files_late", "files_pending")


def reports_for(report: Report, units: Sequence[Unit]) -> list[Report]:
    """A copy of ``report`` for each of ``units``, its file counts scaled so communes differ
    (every count by the same factor, so their sums still agree) and some files late."""
    reports = []
    for index, unit in enumerate(units):
        figures = dict(report.figures)
        factor = 1 + index % 5
        for key in _FILE_KEYS:
            value = figures.get(key)
            if isinstance(value, int):
                figures[key] = value * factor
        if index % 3 == 0 and isinstance(figures.get("files_on_time"), int) \
                and isinstance(figures.get("files_late"), int):
            figures["files_on_time"] = int(figures["files_on_time"]) - index % 4
            figures["files_late"] = int(figures["files_late"]) + index % 4
        reports.append(replace(report, unit=unit, figures=figures, status=Status.DRAFT))
    return reports


def scores_for(units: Sequence[Unit]) -> list[Score]:
    """A made-up yearly index total for each unit, entered with 3 decimals as provinces do."""
    return [Score(unit, Decimal(45_000 + (index * 7_919) % 53_000).scaleb(-3))
            for index, unit in enumerate(units)]


def _share(index: int, step: int, low: int, high: int) -> int:
    """A made-up per-mille share in [low, high), different from one unit to the next."""
    return low + (index * step) % (high - low)


def varied_reports(report: Report, units: Sequence[Unit], files: int = 100) -> list[Report]:
    """A copy of ``report`` for each of ``units`` whose figures differ as communes' (or
    departments') do: files received (``files`` per cent of ``report``'s on average), the
    share of them online, late files, feedback, the plan, money, staff — every whole still
    the sum of its parts, so each copy passes the checks."""
    reports = []
    for index, unit in enumerate(units):
        figures = dict(report.figures)
        received_new = int(figures.get("files_online", 0) or 0) \
            + int(figures.get("files_in_person", 0) or 0)
        new = max(received_new * _share(index, 37, 40, 260) * files // 15_000, 20)
        online = new * _share(index, 53, 380, 960) // 1000
        carried = _share(index, 7, 0, 25)
        pending = _share(index, 11, 2, 40)
        received = new + carried
        solved = received - pending
        late = 0 if index % 4 == 1 else _share(index, 13, 1, 30) * (3 if index % 9 == 0 else 1)
        late = min(late, solved)
        figures.update(files_received=received, files_online=online,
                       files_in_person=new - online, files_carried_over=carried,
                       files_solved=solved, files_on_time=solved - late, files_late=late,
                       files_pending=pending)
        if "pakn_received" in figures:
            asked = _share(index, 5, 0, 7)
            figures.update(pakn_received=asked,
                           pakn_resolved=asked - (1 if asked and index % 5 == 2 else 0))
        if "superior_tasks" in figures:
            given = _share(index, 5, 6, 16)
            late = index % 3 == 0
            figures.update(superior_tasks=given, superior_tasks_on_time=given - late,
                           superior_tasks_late=int(late), superior_tasks_overdue=0)
        if "outgoing_docs" in figures:
            sent = _share(index, 97, 300, 1_400)
            paper = _share(index, 3, 0, 40)
            figures.update(outgoing_docs=sent, outgoing_docs_electronic=sent - paper,
                           outgoing_docs_parallel=paper)
        # Money planned and done (triệu đồng): the plan, and the per-mille of it done.
        for plan_key, done_key, plan_range, done_range in (
                ("budget_revenue_plan", "budget_revenue", (619, 3_000, 12_000), (23, 90, 480)),
                ("investment_plan", "investment_disbursed", (1_373, 6_000, 34_000),
                 (29, 20, 420))):
            if plan_key in figures:
                plan = Decimal(_share(index, *plan_range))
                figures[plan_key] = plan
                figures[done_key] = (plan * _share(index, *done_range) / 1000).quantize(1)
        if "plan_tasks" in figures:
            tasks = _share(index, 3, 24, 42)
            figures.update(plan_tasks=tasks, plan_tasks_done=_share(index, 5, 2, 9))
        if "staff_present" in figures:
            quota = _share(index, 3, 34, 46)
            present = quota - _share(index, 1, 0, 4)
            figures.update(staff_quota=quota, staff_present=present,
                           staff_qualified=present - (index % 6 == 0) - (index % 10 == 3),
                           staff_assessed=present, staff_rated_good=present - 2 - index % 3)
        for key, low, high in (("comms_radio", 4, 30), ("comms_web", 3, 24),
                               ("legal_docs_issued", 0, 2), ("one_stop_staff", 3, 9)):
            if key in figures:
                figures[key] = _share(index, 7, low, high)
        reports.append(replace(report, unit=unit, figures=figures))
    return reports


def detailed_scores(units: Sequence[Unit], rules: RankingRules,
                    totals: Sequence[Decimal] | None = None) -> list[Score]:
    """Made-up scores with every field, the survey's parts and the totals before and after
    appraisal, all adding up: each unit's total (``totals``, else :func:`scores_for`'s)
    split over the fields in proportion to their maxima, with a made-up lean."""
    sums = list(totals) if totals is not None else [s.total for s in scores_for(units)]
    scores = []
    for index, (unit, total) in enumerate(zip(units, sums, strict=True)):
        step = Decimal(1).scaleb(int(total.as_tuple().exponent))  # the totals' precision
        fields = _split(total, rules.fields, index, step)
        survey = next((f for f in rules.fields if f.id == rules.survey_field), None)
        if survey is not None and rules.survey:
            fields |= _split(fields[survey.id], rules.survey, index + 3, step)
            appraised = total - fields[survey.id]
            own = min(appraised + (Decimal(_share(index, 731, 150, 9_000)).scaleb(-3))
                      .quantize(step), rules.appraised_max)
            fields |= {SELF_ASSESSED: own, APPRAISED: appraised}
        scores.append(Score(unit, total, fields))
    return scores


def _split(total: Decimal, fields: Sequence[ScoreField], index: int,
           step: Decimal) -> dict[str, Decimal]:
    """``total`` over ``fields`` in proportion to their maxima, each leaning a little up or
    down (and never above its maximum), to ``step``; the parts add up to ``total``."""
    whole = sum((f.max for f in fields), Decimal(0))
    values = {}
    for position, item in enumerate(fields):
        lean = Decimal(_share(index + position * 7, 13, 880, 1_120)).scaleb(-3)
        values[item.id] = min((total * item.max / whole * lean).quantize(step), item.max)
    # What rounding and leaning left over goes to the fields with room for it.
    left = total - sum(values.values(), Decimal(0))
    for item in sorted(fields, key=lambda f: -f.max):
        room = item.max - values[item.id] if left > 0 else values[item.id]
        step = min(abs(left), room)
        values[item.id] += step if left > 0 else -step
        left -= step if left > 0 else -step
        if left == 0:
            break
    return values
