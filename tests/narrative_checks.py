"""What a Home Affairs reviewer checks in a rendered narrative, as functions: each returns the
offending sentences (an empty list when the report reads right). The scenario suite runs
every one on every variant; each also has a test that it catches a deliberately broken
template, so none of them can pass by looking at nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

from drafter.domain.figures import Figures
from drafter.domain.periods import PeriodKind
from drafter.domain.report import Report
from drafter.narrative.blocks import Document, Heading, Paragraph, Role, Run, Table
from drafter.packs.load import builtin_pack

CATALOGUE = builtin_pack().catalogue


def _notes(runs: tuple[Run, ...]) -> list[str]:
    return ["".join(note.text for note in run.note) for run in runs if run.note]


def lines(doc: Document) -> list[str]:
    """The narrative's headings and paragraphs, each followed by its footnotes, up to the
    appendix."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Table) or (isinstance(block, Paragraph)
                                        and block.role is Role.APPENDIX_LABEL):
            break
        if isinstance(block, Paragraph | Heading):
            out.append(block.text)
            out += _notes(block.runs)
    return out


def section(doc: Document, start: str, stop: str) -> list[str]:
    """The lines after the heading starting with ``start`` up to the one starting ``stop``."""
    found: list[str] = []
    inside = False
    for line in lines(doc):
        if line.startswith(start):
            inside = True
            continue
        if inside and line.startswith(stop):
            break
        if inside:
            found.append(line)
    return found


def no_zero_over_zero(doc: Document, report: Report) -> list[str]:
    return [line for line in lines(doc) if re.search(r"(?<![\d.,])0+/0+(?![\d.,])", line)]


def no_zero_as_achievement(doc: Document, report: Report) -> list[str]:
    """A zero count is said in words ("chưa có … nào"), never as "0/20" or "Có 0 …"."""
    return [line for line in lines(doc)
            if re.search(r"(?<![\d.,/])0+/[1-9]|\b[Cc]ó 0+ ", line)]


_UNDEFINED = re.compile(r"(?:đạt|chiếm|bằng)[^.;]{0,30}chưa phát sinh")


def no_undefined_rate_words(doc: Document, report: Report) -> list[str]:
    return [line for line in lines(doc) if _UNDEFINED.search(line)]


_DOUBLED = re.compile(r"(?<!\./)[.;,:]\s*[.;,:](?!/)|\)\s*\(|\(\s*\(|\s[.,;:]|\s{2}")


def no_doubled_punctuation(doc: Document, report: Report) -> list[str]:
    return [line for line in lines(doc) if _DOUBLED.search(line.replace("./.", ""))]


# Words Vietnamese says twice on purpose ("song song": in parallel); any other word said twice
# in a row is a template joining a label that already starts with it ("tổng tổng số …").
_REDUPLICATED = {"song"}


def no_doubled_word(doc: Document, report: Report) -> list[str]:
    found = []
    for line in lines(doc):
        words = re.findall(r"[^\W\d]+", line.lower())
        if any(a == b and a not in _REDUPLICATED for a, b in pairwise(words)):
            found.append(line)
    return found


_NUMBER = r"\d{1,3}(?:\.\d{3})*"
_RATIO_PERCENT = re.compile(rf"({_NUMBER})/({_NUMBER})[^;%/]{{0,60}}?(?<![\d,])(\d+(?:,\d+)?)%")


def _count(text: str) -> int:
    return int(text.replace(".", ""))


def no_rate_its_counts_contradict(doc: Document, report: Report) -> list[str]:
    """"a/b … 100%" only when a = b, "… 0%" only when a = 0; "toàn bộ a/b" only when a = b."""
    wrong = []
    for line in lines(doc):
        for match in _RATIO_PERCENT.finditer(line):
            a, b, shown = _count(match.group(1)), _count(match.group(2)), match.group(3)
            if (shown == "100" and a != b) or (shown == "0" and a != 0):
                wrong.append(line)
        for match in re.finditer(rf"[Tt]oàn bộ ({_NUMBER})/({_NUMBER})", line):
            if _count(match.group(1)) != _count(match.group(2)):
                wrong.append(line)
    return wrong


_FAILURE_WORDS = ("quá hạn", "còn ", "chưa", "chậm", "thấp", "giảm", "Yếu", "Trung bình",
                  " 0%", "không đạt")


def no_shortcoming_in_strengths(doc: Document, report: Report) -> list[str]:
    """The generated Ưu điểm sentence (the official's own items are theirs)."""
    generated = section(doc, "1. Ưu điểm", "2. Tồn tại")[:1]
    return [line for line in generated if any(word in line for word in _FAILURE_WORDS)]


def _signals(report: Report) -> dict[str, str]:
    """Negative signals computed from the figures directly, with a word Tồn tại must hold."""
    v = Figures(CATALOGUE, report.figures).value
    found = {}

    def number(key: str) -> Decimal:
        value = v(key)
        return Decimal(value) if isinstance(value, int | Decimal) else Decimal(0)

    if number("files_solved") > number("files_on_time"):
        found["late files"] = "quá hạn"
    if number("pakn_received") > number("pakn_resolved"):
        found["unresolved PAKN"] = "PAKN"  # introduced in II.2, abbreviated after
    if v("tthc_quality_score") is not None and number("tthc_quality_score") < 70:
        found["weak quality score"] = "xếp loại"
    if number("investment_plan") > 0 and number("investment_disbursed") == 0:
        found["nothing disbursed"] = "giải ngân"
    if number("superior_tasks_overdue") > 0:
        found["overdue superior tasks"] = "quá hạn nhưng chưa hoàn thành"
    if report.period.kind is PeriodKind.YEAR and number("plan_tasks") > number("plan_tasks_done"):
        found["plan not completed"] = "Kế hoạch CCHC năm"
    if number("legal_review_to_handle") > number("legal_review_handled"):
        found["legal review pending"] = "rà soát"
    return found


def every_shortcoming_in_its_section(doc: Document, report: Report,
                                     previous: Report | None = None) -> list[str]:
    text = " ".join(section(doc, "2. Tồn tại", "IV."))
    missing = [f"{name}: no '{word}'" for name, word in _signals(report).items()
               if word not in text]
    if previous is not None:
        now = Figures(CATALOGUE, report.figures).rate("files_online_rate")
        before = Figures(CATALOGUE, previous.figures).rate("files_online_rate")
        if now and before and now.value is not None and before.value is not None and \
                before.value - now.value >= 10 and report.unit.tier == "commune" and \
                "giảm" not in text:
            missing.append("online rate fell: no 'giảm'")
    return missing


def next_year_in_an_annual_report(doc: Document, report: Report) -> list[str]:
    if report.period.kind is not PeriodKind.YEAR:
        return []
    year, following = report.period.year, report.period.year + 1
    wrong = []
    subject = next(b.text for b in doc.blocks
                   if isinstance(b, Paragraph) and b.role is Role.SUBJECT)
    if f"phương hướng, nhiệm vụ năm {following}" not in subject:
        wrong.append(subject)
    heading = next(line for line in lines(doc) if line.startswith("IV."))
    if f"NĂM {following}" not in heading:
        wrong.append(heading)
    tasks = section(doc, "IV.", "V.")
    if not any(str(following) in task for task in tasks):
        wrong.append("no task names the next year")
    wrong += [task for task in tasks if f"năm {year}" in task]
    wrong += [line for line in lines(doc) if re.search(r"[Tt]rong (kỳ|quý)\b", line)]
    return wrong


def every_document_cited(doc: Document, report: Report) -> list[str]:
    text = " ".join(lines(doc))
    return [f"{d.kind} số {d.full_number}" for d in report.documents
            if f"{d.kind} số {d.full_number}" not in text]


Check = Callable[[Document, Report], list[str]]
CHECKS: dict[str, Check] = {
    "no 0/0": no_zero_over_zero,
    "no zero as an achievement": no_zero_as_achievement,
    "no 'đạt … chưa phát sinh'": no_undefined_rate_words,
    "no doubled punctuation": no_doubled_punctuation,
    "no doubled word": no_doubled_word,
    "no 100%/0% its counts contradict": no_rate_its_counts_contradict,
    "no shortcoming in Ưu điểm": no_shortcoming_in_strengths,
    "annual: next year": next_year_in_an_annual_report,
    "every document cited": every_document_cited,
}
