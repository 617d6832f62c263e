"""Document references written as officials write them, and read back from running text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from drafter.domain.documents import KIND_SYMBOLS, DocRef, split_number
from drafter.vi.dates import short_date


def format_reference(
    doc: DocRef,
    with_issuer: bool = True,
    with_subject: bool = True,
    names: Callable[[str], str] | None = None,
) -> str:
    """``Kế hoạch số 17/KH-UBND ngày 06/02/2024 của UBND xã về …``.

    ``names`` rewrites the issuer (full form at first use, abbreviation after); documents the
    reporting unit issued itself are cited without ``của …`` (``with_issuer=False``).
    """
    text = f"{doc.kind} số {doc.full_number} ngày {short_date(doc.date)}"
    if with_issuer and doc.issuer:
        issuer = names(doc.issuer) if names else doc.issuer
        text += f" của {issuer}"
    if with_subject and doc.subject:
        text += f" {doc.subject}"
    return text


# The kinds a reference may start with, longest first ("Quyết định" before a shorter kind).
_KINDS = "|".join(sorted((re.escape(kind) for kind in KIND_SYMBOLS), key=len, reverse=True))
_TOKEN = r"[0-9A-Za-zĐđ&]+"
_DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_REFERENCE = re.compile(
    rf"(?<!\w)(?P<kind>{_KINDS})\s+số\s+(?P<number>{_TOKEN}(?:\s*[/–-]\s*{_TOKEN})*)"
    rf"\s+ngày\s+(?P<date>{_DATE})")
# Where an issuer's name ends: the subject's first word, a clause mark, the sentence's end.
# (A run of spaces entered only at its start: from every space of it, quadratic.)
_ISSUER_END = re.compile(r"(?<!\s)\s+(?=(?:về|ban hành|phê duyệt|hướng dẫn|quy định|triển khai|"
                         r"thực hiện|sửa đổi|bổ sung|công bố|kiện toàn|thành lập)\b)|[,;:)]|"
                         r"\.(?:\s|$)|$")
_SENTENCE_END = re.compile(r"\.(?:/\.)?(?=\s+[A-ZĐÀ-Ỹ]|\s*$)")
# A clause on the unit after a subject ("…, UBND xã có 114 TTHC", "…, Ủy ban nhân dân xã báo
# cáo …") is the sentence's, not the subject's.
_CLAUSE = re.compile(r",\s+(?=(?:UBND|Ủy ban|Sở|Phòng|Bộ phận|Ban)\s)")
# Greedy, its trailing spaces stripped by the caller: a lazy name before ``\s*`` rescans the
# spaces after it at every character (quadratic on a long run).
_INTRODUCED = re.compile(r"^([^,;()]+)\(([A-ZĐ]{2,})\)")


def _date(text: str) -> dt.date | None:
    numbers = [int(part) for part in re.findall(r"\d+", text)]
    try:
        return dt.date(numbers[2], numbers[1], numbers[0])
    except (ValueError, IndexError):
        return None


def _abbreviated(text: str) -> str:
    """``Ủy ban nhân dân (UBND) huyện Bạch Thông …`` (a name introduced with its
    abbreviation, as a report writes it the first time) → ``UBND huyện Bạch Thông …``."""
    introduced = _INTRODUCED.match(text)
    if introduced is None:
        return text
    name = introduced.group(1).rstrip()
    stop = _ISSUER_END.search(name)
    if stop is not None and stop.start() < len(name):
        return text  # the parenthesis stands in the subject, after the issuer's name
    return introduced.group(2) + text[introduced.end():]


def parse_references(text: str) -> list[DocRef]:
    """Every dated reference in running text, the inverse of :func:`format_reference`:
    ``… ban hành Kế hoạch số 04/KH – UBND ngày 17/01/2024 về tuyên truyền …; Kế hoạch số
    19/KH-UBND ngày 21/02/2024 của UBND xã về …`` → two documents with kind, number, year,
    symbol, date, issuer (``""`` when not named) and subject (``về …``: up to the next
    reference or the end of the sentence). A reference without a date is not one a report
    can cite and is left out."""
    matches = list(_REFERENCE.finditer(text))
    found: list[DocRef] = []
    for index, match in enumerate(matches):
        date = _date(match.group("date"))
        if date is None:
            continue
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        rest = text[match.end():end]
        ends = [m.start() for m in (_SENTENCE_END.search(rest), _CLAUSE.search(rest)) if m]
        rest = rest[:min(ends)] if ends else rest
        issuer = ""
        if rest.startswith(" của "):
            rest = _abbreviated(rest[5:])
            stop = _ISSUER_END.search(rest)
            cut = stop.start() if stop else len(rest)
            issuer, rest = rest[:cut].strip(), rest[cut:]
        # A clause mark right after the reference ends it: what follows is the sentence's.
        subject = "" if rest[:1] in tuple(",;:).") else \
            re.sub(r"(?:[\s,;]|\bvà|\bcùng)+$", "", rest.strip())
        number, year, symbol = split_number(match.group("number"))
        found.append(DocRef(kind=match.group("kind"), number=number, date=date,
                            issuer=issuer, subject=subject, symbol=symbol, year=year))
    return found
