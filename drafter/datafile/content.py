"""What an official writes for a ranking report beside the scores: its number, date and
recipients, notes on the criteria, the method and the results, and the lists of the
periodic report (strengths, shortcomings, causes, tasks, proposals). TOML, every key checked.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from drafter.datafile import fields
from drafter.datafile.documents import report_number
from drafter.datafile.reader import Reader, lists, read_text
from drafter.domain.report import LISTS
from drafter.errors import DataFileError

# Notes a ranking report has room for, by key, in the order it prints them.
RANKING_NOTES = {"criteria": "Tiêu chí đánh giá", "method": "Phương pháp đánh giá",
                 "results": "Kết quả", "assessment": "Đánh giá chung"}


@dataclass
class Content:
    number: str = ""
    date: dt.date | None = None
    recipients: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)


def load_content(path: Path) -> Content:
    """Read a ranking report's content file; one Vietnamese line naming the key on error."""
    text = read_text(path)  # size, UTF-8 and a byte-order mark, as for report data files
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(path), "", f"không phải TOML hợp lệ ({exc})") from None
    except RecursionError:
        raise DataFileError(str(path), "", "không phải TOML hợp lệ (lồng nhau quá sâu)") \
            from None
    reader = Reader(str(path))
    reader.table(data, "", {"number", "date", "recipients", "notes", *LISTS})
    notes = reader.table(data.get("notes", {}), "notes", set(RANKING_NOTES))
    return Content(
        number=reader.get(data, "", "number", report_number, False, ""),
        date=reader.get(data, "", "date", fields.date, False, None),
        recipients=reader.get(data, "", "recipients", fields.line_list, False, []),
        notes={key: reader.get(notes, "notes", key, fields.text_list) for key in notes},
        lists=lists(reader, data),
    )
