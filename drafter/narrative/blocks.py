"""The small block structure templates produce and writers consume (DOCX, plain text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Run:
    """A piece of text in one format; a run with ``note`` is a footnote reference instead.

    A footnote reference has no text of its own: the writer numbers it (¹, ²…) and puts
    ``note`` at the foot of the page. ``sid`` is the id of the generated sentence the run
    belongs to (``[s=ID]…[/s]`` in the template), empty outside any; ``own`` marks the
    official's replacement of that sentence (the preview shows it, the DOCX does not).
    """

    text: str
    bold: bool = False
    italic: bool = False
    note: tuple[Run, ...] = ()
    sid: str = ""
    own: bool = False


class Role(StrEnum):
    BODY = "body"
    DASH = "dash"
    PLUS = "plus"
    TITLE = "title"
    SUBJECT = "subject"
    TO = "to"
    CLOSING = "closing"
    APPENDIX_LABEL = "appendix_label"
    APPENDIX_TITLE = "appendix_title"
    APPENDIX_NOTE = "appendix_note"


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    role: Role = Role.BODY

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Heading:
    """Level 1 ``I. …`` (bold capitals), 2 ``1. …`` (bold), 3 ``a) …`` (italic)."""

    level: int
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Header:
    """The two-column document header (Decree 30 items 1–5)."""

    superior: str = ""
    issuer: str = ""
    number: str = ""
    motto: str = ""
    motto_sub: str = ""
    dateline: str = ""


@dataclass
class Signoff:
    """``Nơi nhận`` beside the signature block."""

    recipients_title: str = ""
    recipients: list[str] = field(default_factory=list)
    authority: list[str] = field(default_factory=list)
    signer: str = ""


class RowKind(StrEnum):
    HEAD = "head"
    GROUP = "group"
    ITEM = "item"
    SUB = "sub"


@dataclass(frozen=True)
class TableRow:
    kind: RowKind
    cells: tuple[str, ...]
    depth: int = 1


@dataclass
class Table:
    """Rows of cells; ``widths`` are relative column widths (empty: the appendix layout)."""

    rows: list[TableRow] = field(default_factory=list)
    widths: tuple[float, ...] = ()

    @property
    def head(self) -> list[TableRow]:
        return [row for row in self.rows if row.kind is RowKind.HEAD]

    @property
    def body(self) -> list[TableRow]:
        return [row for row in self.rows if row.kind is not RowKind.HEAD]


@dataclass(frozen=True)
class PageBreak:
    pass


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class Section:
    """A new section on a new page, e.g. a landscape appendix for a wide table."""

    orientation: Orientation = Orientation.PORTRAIT


Block = Header | Paragraph | Heading | Signoff | Table | PageBreak | Section


@dataclass
class Metadata:
    title: str = ""
    author: str = ""
    subject: str = ""
    created: dt.datetime | None = None
    pack: str = ""
    draft: bool = False
    watermark: str = ""


@dataclass
class Document:
    """A rendered report: blocks in reading order plus document properties."""

    blocks: list[Block] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
