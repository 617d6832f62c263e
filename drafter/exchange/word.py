"""A report made by hand in Word read into a :class:`Report` of the unit, for the next period
to start from (``drafter report import-word``).

What is read: the header (number, place and date, the period the title names, "Kính gửi"),
the basis (the documents the opening paragraph cites, "Thực hiện …", "Căn cứ …"), every
document the unit issued that the body cites (by the language layer's reference parser),
placed under the sub-item whose heading or lead cites it, the statistical appendix
(:mod:`drafter.exchange.word_appendix`), the strengths, shortcomings and causes of III, the
tasks of IV, the proposals of V and the recipients ("Nơi nhận"). Everything read is marked
for review; what could not be read is listed (:attr:`WordReport.review`). A file that holds
none of a report's parts is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from drafter.domain.catalogue import Catalogue
from drafter.domain.documents import DocRef
from drafter.domain.periods import Period
from drafter.domain.report import BASIS, Report
from drafter.domain.units import Unit
from drafter.errors import DataFileError
from drafter.exchange.identity import periods_named
from drafter.exchange.word_appendix import read_appendix
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.vi.references import parse_references
from drafter.vi.text import clean, item_text, label_key
from drafter.writer.word_reader import WordParagraph, WordTable, read_word

_ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s*(.+)$")
_ARABIC = re.compile(r"^(\d{1,2})\.\s+(.+)$")
_SUBHEADING = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")  # "2.1. Về công tác …"
_LEAD = re.compile(r"^[-–+•]\s*([^:]{3,160}):\s*(.*)$")
_ITEM = re.compile(r"^(?:[-–+•]\s*|\d{1,2}[.)]\s+)(.+)$")
_NUMBER = re.compile(r"Số\s*:\s*(\d+[a-z]?)?\s*/", re.IGNORECASE)
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_NONE = {"khong co", "khong"}
_SHORT_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"
# The data window: "(số liệu từ ngày 25/11/2023 đến ngày 24/02/2024)", or the files' "(Từ
# 25/11/2023 đến 24/02/2024)" where the opening does not give it.
_WINDOW = re.compile(rf"[Tt]ừ\s+(?:ngày\s+)?{_SHORT_DATE}\s+đến\s+(?:ngày\s+)?{_SHORT_DATE}")


@dataclass
class WordReport:
    """The report read and the lines the official must look at before it is relied on."""

    report: Report
    review: list[str] = field(default_factory=list)
    figures_read: int = 0


def _lines(blocks: list[WordParagraph | WordTable]) -> list[str]:
    """The body's paragraphs as lines (a soft line break starts a new one), tables left out."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, WordParagraph):
            lines.extend(clean(part) for part in block.text.split("\n"))
            lines.extend(clean(note) for note in block.footnotes)
    return [line for line in lines if line]


@dataclass
class _Body:
    """The body cut at its headings: the opening, each Roman part with its lines, and the
    section (or sub-item) each line of I–II stands under."""

    opening: list[str] = field(default_factory=list)
    parts: dict[str, list[str]] = field(default_factory=dict)
    places: list[tuple[str, str]] = field(default_factory=list)


def _part_name(heading: str) -> str:
    key = label_key(heading)
    if "kien nghi" in key or "de xuat" in key:
        return "proposals"
    if "nhiem vu" in key or "phuong huong" in key:
        return "tasks"
    if "danh gia" in key:
        return "assessment"
    return "results"


def _split(lines: list[str], catalogue: Catalogue, abbreviations: dict[str, str]) -> _Body:
    body = _Body()
    titles = {label_key(title.replace("{superior}", ""), abbreviations): target
              for target, title in catalogue.targets().items()}
    part = section = under = place = ""
    for line in lines:
        roman = _ROMAN.match(line)
        if roman and line[:len(roman.group(1))].isupper() and roman.group(2)[:1].isupper():
            part = _part_name(roman.group(2))
            body.parts.setdefault(part, [])
            rest = roman.group(2).split(":", 1)
            if len(rest) == 2 and rest[1].strip():
                body.parts[part].append(rest[1].strip())
            section = place = _target(label_key(rest[0], abbreviations), titles)
            continue
        if not part:
            body.opening.append(line)
            continue
        if label_key(line).startswith(("tren day la", "noi nhan")):
            break
        body.parts[part].append(line)
        # A heading not matched stands under its section (I, or a field of II); a lead
        # not matched under its heading.
        heading = _ARABIC.match(line)
        lead = _LEAD.match(line)
        if heading is not None:
            place = under = _target(label_key(heading.group(2), abbreviations), titles) \
                or section
        elif lead is not None:
            place = _target(label_key(lead.group(1), abbreviations), titles) or under
        body.places.append((line, place))
    return body


def _target(key: str, titles: dict[str, str]) -> str:
    if key in titles:
        return titles[key]
    return next((target for name, target in titles.items()
                 if name and (key.startswith(name) or name.startswith(key))), "")


def _assessed(heading: str) -> str:
    key = label_key(heading)
    if "uu diem" in key or "ket qua dat duoc" in key or "tich cuc" in key:
        return "strengths"
    if "ton tai" in key or "han che" in key:
        return "shortcomings"
    return "causes" if "nguyen nhan" in key else ""


def _items(lines: list[str]) -> list[str]:
    """A list as written, block by block (a "2.1. Về …" heading starts a block): a block's
    ``-``/``1.`` items when it marks them (a paragraph before them introduces them, one
    between them continues the text above), else each of its paragraphs; "Không có." is no
    item."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if _SUBHEADING.match(line):
            blocks.append([])
        else:
            blocks[-1].append(line)
    items: list[str] = []
    for block in blocks:
        marked = [m.group(1) for m in map(_ITEM.match, block) if m]
        items.extend(item_text(line) for line in (marked or block))
    return [item for item in items if item and label_key(item) not in _NONE]


def _lists(body: _Body) -> dict[str, list[str]]:
    """III's strengths, shortcomings and causes, IV's tasks, V's proposals."""
    parts: dict[str, list[str]] = {}
    current = ""
    for line in body.parts.get("assessment", []):
        heading = _ARABIC.match(line)
        if heading and len(heading.group(2)) < 80 and not _LEAD.match(line):
            current = _assessed(heading.group(2))
        elif current:
            parts.setdefault(current, []).append(line)
    for name in ("tasks", "proposals"):
        parts[name] = body.parts.get(name, [])
    found = {name: _items(lines) for name, lines in parts.items()}
    return {name: items for name, items in found.items() if items}


def _own(doc: DocRef, unit: Unit) -> bool:
    issuer = label_key(doc.issuer)
    return not issuer or issuer in (label_key(unit.short_body), label_key(unit.body),
                                    label_key(f"UBND {unit.kind}"))


def _documents(body: _Body, unit: Unit) -> list[DocRef]:
    """Every document the body cites, each once, under the sub-item citing it first; those
    of the unit itself (no issuer named, or the unit) with the unit as issuer."""
    found: list[DocRef] = []
    seen: set[tuple[str, str, dt.date]] = set()
    for line, place in body.places:
        for doc in parse_references(line):
            mark = (doc.kind, doc.number, doc.date)
            if mark in seen or not place:
                continue
            seen.add(mark)
            issuer = unit.short_body if _own(doc, unit) else doc.issuer
            own = replace(doc, issuer=issuer, section=place, symbol="")
            # The symbol is kept only where kind and issuer do not give it (KH-STP).
            found.append(own if own.derived_symbol() == doc.symbol else
                         replace(own, symbol=doc.symbol))
    return found


def _header(lines: list[str], tables: list[WordTable]) -> tuple[str | None, dt.date | None,
                                                                 str, list[Period]]:
    """Number, date, "Kính gửi" and the periods the title names."""
    cells = [clean(part) for table in tables[:1] for row in table.rows for cell in row
             for part in cell.split("\n")]
    start = next((i for i, line in enumerate(lines[:20]) if label_key(line) == "bao cao"), 0)
    head = cells + lines[:start]
    number = next((m.group(1) for m in map(_NUMBER.search, head) if m and m.group(1)), None)
    date = None
    for match in filter(None, map(_DATE.search, head)):
        date = dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        break
    recipient = next((line.split(":", 1)[1].strip() for line in lines[:start + 6]
                      if label_key(line).startswith("kinh gui") and ":" in line), "")
    title = " ".join(line.lower() for line in lines[start + 1:start + 3])
    # "… năm 2024 và phương hướng, nhiệm vụ năm 2025": the period is the one reported on.
    periods, years = periods_named(title.split("phương hướng")[0])
    if not periods:
        periods = [Period.parse(str(year)) for year in years[:1]]
    return number, date, recipient, periods


def _window(body: _Body) -> tuple[dt.date | None, dt.date | None]:
    for line in [*body.opening, *(line for line, _place in body.places)]:
        match = _WINDOW.search(line)
        if match is None:
            continue
        numbers = [int(group) for group in match.groups()]
        try:
            return dt.date(*numbers[2::-1]), dt.date(*numbers[:2:-1])
        except ValueError:
            continue
    return None, None


def _recipients(tables: list[WordTable]) -> list[str]:
    for table in tables:
        for row in table.rows:
            for cell in row:
                parts = [clean(part) for part in cell.split("\n")]
                if parts and label_key(parts[0]).startswith("noi nhan"):
                    items = [item_text(part) for part in parts[1:] if part]
                    return [item for item in items if not label_key(item).startswith("luu")]
    return []


def read_word_report(path: Path, unit: Unit, period: Period | None = None,
                     pack: TemplatePack | None = None) -> WordReport:
    """The report of ``unit`` a Word file holds (``period``: the one it is for, else the one
    its title names)."""
    pack = pack or builtin_pack()
    catalogue = pack.catalogue
    text = read_word(path)
    tables = [block for block in text.blocks if isinstance(block, WordTable)]
    lines = _lines(text.blocks)
    body = _split(lines, catalogue, pack.abbreviations)
    appendix = read_appendix(tables, catalogue, unit.tier, pack.abbreviations)
    number, date, recipient, periods = _header(lines, tables)
    if not body.parts and not appendix.rows:
        raise DataFileError(str(path), "", "không phải báo cáo: không có phần I, II … của báo "
                            "cáo và không có biểu số liệu")
    review = list(appendix.review)
    if period is None:
        if not periods:
            raise DataFileError(str(path), "", "không xác định được kỳ báo cáo từ tiêu đề; "
                                "ghi rõ kỳ bằng --period (ví dụ 2024-Q1)")
        period = periods[0]
    elif periods and period not in periods:
        review.append(f"Tiêu đề ghi kỳ {periods[0].code}, khác kỳ {period.code} đã chọn")
    basis = parse_references(" ".join(body.opening))
    lists = _lists(body)
    data_from, data_to = _window(body)
    report = Report(unit=unit, period=period, date=date or period.end, number=number,
                    recipient=recipient, data_from=data_from, data_to=data_to, basis=basis,
                    documents=_documents(body, unit),
                    figures=appendix.figures, stated=appendix.stated, rates=appendix.rates,
                    lists=lists, recipients=_recipients(tables) or list(unit.recipients))
    report.review = [*report.figures, *lists, *([BASIS] if basis else [])]
    return WordReport(report, review, len(appendix.figures))
