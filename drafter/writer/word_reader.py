"""A Word file read back as plain text: its paragraphs and tables in document order.

The reading half of the Word boundary, beside the writer because python-docx stays in this
package (import-linter). It knows nothing of reports: :mod:`drafter.exchange.word` makes a
report of what it returns. Files come from outside — a clerk's Word, a renamed spreadsheet,
anything — so the size, the unpacked size and the parts of the package are bounded before
python-docx sees it, an encrypted file, a Word 97–2003 file and a file with macros are told
apart from a broken one, and every failure is one :class:`DataFileError` naming the file.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.table import Table
from docx.text.paragraph import Paragraph

from drafter.domain.limits import MAX_BOOK_BYTES, MAX_BOOK_ROWS, MAX_BOOK_UNPACKED
from drafter.errors import DataFileError
from drafter.files.guard import FileRefused, read_bounded
from drafter.writer.pdf import find_soffice, libreoffice_convert

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: Word 97–2003, or encrypted OOXML
_MAX_PARTS = 1_000
_MAX_CELLS = MAX_BOOK_ROWS * 20
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class WordParagraph:
    """A paragraph's text (soft line breaks as ``\\n``) and the footnotes it refers to."""

    text: str
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class WordTable:
    """A table's rows of cell texts; a merged cell's text stands in its first grid cell only
    (the cells it spans to the right and below read as ``""``)."""

    rows: tuple[tuple[str, ...], ...]


@dataclass
class WordText:
    blocks: list[WordParagraph | WordTable] = field(default_factory=list)


def read_word(path: Path) -> WordText:
    """The body of a ``.docx`` (or of a ``.doc`` converted by LibreOffice) as text."""
    try:
        data = read_bounded(path, MAX_BOOK_BYTES, "một báo cáo Word")
    except FileRefused as exc:
        raise DataFileError(str(path), "", exc.problem) from None
    if data.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise DataFileError(str(path), "", "tệp Word có mật khẩu; mở tệp trong Word, bỏ "
                                "mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi lưu lại")
        data = _converted(path, data)
    if not data:
        raise DataFileError(str(path), "", "tệp rỗng, không phải báo cáo Word")
    _check_package(path, data)
    return _read(path, data)


def _converted(path: Path, data: bytes) -> bytes:
    """A Word 97–2003 file as DOCX, through LibreOffice (a private profile, as the PDF)."""
    soffice = find_soffice()
    if soffice is None:
        raise DataFileError(str(path), "", "tệp Word 97–2003 (.doc) cần LibreOffice để đọc "
                            "nhưng máy chưa cài; mở tệp trong Word và lưu lại dưới dạng .docx")
    with tempfile.TemporaryDirectory(prefix="drafter-doc-") as work:
        source = Path(work, "input.doc")
        source.write_bytes(data)
        try:
            libreoffice_convert(soffice, source, "docx", Path(work))
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DataFileError(str(path), "", f"LibreOffice không chuyển được tệp .doc ({exc})"
                                ) from None
        produced = Path(work, "input.docx")
        if not produced.is_file():
            raise DataFileError(str(path), "", "LibreOffice không chuyển được tệp .doc sang "
                                ".docx (tệp hỏng hoặc không phải văn bản Word)")
        return produced.read_bytes()


def _check_package(path: Path, data: bytes) -> None:
    """Refuse what is not a Word document before parsing: not a zip, a workbook, a zip bomb,
    a package of thousands of parts, macros."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DataFileError(str(path), "", "không phải tệp Word (.docx)") from None
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names:
            raise DataFileError(str(path), "", "tệp là bảng tính Excel đổi tên thành .docx, "
                                "không phải báo cáo Word")
        raise DataFileError(str(path), "", "không phải tệp Word (.docx)")
    if len(infos) > _MAX_PARTS or sum(info.file_size for info in infos) > MAX_BOOK_UNPACKED:
        raise DataFileError(str(path), "", "tệp giải nén quá lớn (quá "
                            f"{MAX_BOOK_UNPACKED // 1_000_000} MB hoặc quá {_MAX_PARTS} "
                            "thành phần)")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise DataFileError(str(path), "", "tệp có macro, không đọc; lưu lại trong Word dưới "
                            "dạng .docx (không có macro)")


def _read(path: Path, data: bytes) -> WordText:
    try:
        document = docx.Document(io.BytesIO(data))
        footnotes = _footnotes(document)
        text = WordText()
        cells = 0
        for child in document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                paragraph = Paragraph(child, document)
                refs = child.iter(f"{_W}footnoteReference")
                notes = tuple(footnotes[r.get(f"{_W}id", "")] for r in refs
                              if r.get(f"{_W}id", "") in footnotes)
                text.blocks.append(WordParagraph(paragraph.text, notes))
            elif child.tag == f"{_W}tbl":
                table = _table(Table(child, document))
                cells += sum(len(row) for row in table.rows)
                if cells > _MAX_CELLS:
                    raise DataFileError(str(path), "", f"bảng quá lớn (quá {_MAX_CELLS} ô)")
                text.blocks.append(table)
    except DataFileError:
        raise
    except Exception as exc:  # python-docx on a malformed package raises nearly anything
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DataFileError(str(path), "", f"không đọc được tệp Word ({first[:120]})") from None
    return text


def _table(table: Table) -> WordTable:
    """Rows of a python-docx table, each merged cell's text once (see :class:`WordTable`)."""
    rows: list[tuple[str, ...]] = []
    above: list[object] = []
    for row in table.rows:
        texts: list[str] = []
        seen: list[object] = []
        for column, cell in enumerate(row.cells):
            tc = cell._tc
            spanned = (seen and seen[-1] is tc) or (column < len(above) and above[column] is tc)
            texts.append("" if spanned else cell.text)
            seen.append(tc)
        rows.append(tuple(texts))
        above = seen
    return WordTable(tuple(rows))


def _footnotes(document: Document) -> dict[str, str]:
    """Footnote texts by id, from the footnotes part when there is one."""
    found: dict[str, str] = {}
    for part in document.part.package.parts:
        if str(part.partname) != "/word/footnotes.xml":
            continue
        root = parse_xml(part.blob)
        for note in root.iter(f"{_W}footnote"):
            text = "".join(t.text or "" for t in note.iter(f"{_W}t"))
            found[note.get(f"{_W}id", "")] = text.strip()
    return found
