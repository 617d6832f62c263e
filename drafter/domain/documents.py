"""Document references entered as fields (kind, number, date, issuer, subject), not free text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Abbreviations of document kinds, Decree 30/2020/NĐ-CP Appendix III.
KIND_SYMBOLS: dict[str, str] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Công điện": "CĐ",
    "Giấy mời": "GM",
    "Nghị định": "NĐ",
    "Thông tư": "TT",
    "Luật": "",
    "Công văn": "",
    "Văn bản": "",
}

# Issuer abbreviations used in document symbols (KH-UBND, NĐ-CP, QĐ-TTg).
ISSUER_SYMBOLS: list[tuple[str, str]] = [
    ("Thủ tướng Chính phủ", "TTg"),
    ("Chính phủ", "CP"),
    ("Ủy ban nhân dân", "UBND"),
    ("UBND", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("HĐND", "HĐND"),
    ("Ban Chỉ đạo", "BCĐ"),
    ("BCĐ", "BCĐ"),
    ("Bộ Tài chính", "BTC"),
    ("Bộ Nội vụ", "BNV"),
    ("Sở Nội vụ", "SNV"),
]


def issuer_symbol(issuer: str) -> str | None:
    """The symbol part for an issuer, or ``None`` when it cannot be derived."""
    for prefix, symbol in ISSUER_SYMBOLS:
        if issuer.startswith(prefix):
            return symbol
    return None


@dataclass(frozen=True)
class DocRef:
    """A reference to a document: ``Kế hoạch số 17/KH-UBND ngày 06/02/2024 của UBND xã về …``.

    ``year`` is set for documents whose number carries it (``30/2020/NĐ-CP``); ``symbol`` may
    be left out when it follows from ``kind`` and ``issuer``; ``section`` says where in the
    report a document issued by the unit is cited.
    """

    kind: str
    number: str
    date: dt.date
    issuer: str = ""
    subject: str = ""
    symbol: str = ""
    year: int | None = None
    section: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def derived_symbol(self) -> str | None:
        """The explicit symbol, else ``KH-UBND`` from kind and issuer; ``None`` if unknown."""
        if self.symbol:
            return self.symbol
        by_issuer = issuer_symbol(self.issuer)
        if by_issuer is None or self.kind not in KIND_SYMBOLS:
            return None
        by_kind = KIND_SYMBOLS[self.kind]
        return f"{by_kind}-{by_issuer}" if by_kind else by_issuer

    @property
    def full_number(self) -> str:
        """``17/KH-UBND`` or ``30/2020/NĐ-CP``."""
        symbol = self.derived_symbol() or ""
        parts = [self.number] + ([str(self.year)] if self.year else []) + [symbol]
        return "/".join(part for part in parts if part)


def split_number(text: str) -> tuple[str, int | None, str]:
    """``294/UBND-NV`` → ``("294", None, "UBND-NV")``; ``30/2020/NĐ-CP`` → ``("30", 2020,
    "NĐ-CP")``; ``17`` → ``("17", None, "")`` (the symbol then follows from kind and issuer).
    Spaces around the slashes and hyphens are dropped, as in ``04/KH – UBND``."""
    parts = [part.strip() for part in text.replace("–", "-").split("/")]
    number = parts[0]
    rest = [part for part in parts[1:] if part]
    year = int(rest.pop(0)) if len(rest) > 1 and rest[0].isdigit() and len(rest[0]) == 4 else None
    symbol = "-".join(piece.strip() for piece in "/".join(rest).split("-"))
    return number, year, symbol


def written_number(doc: DocRef) -> str:
    """The number as the official entered it, for editing: the inverse of :func:`split_number`."""
    return "/".join([doc.number, *([str(doc.year)] if doc.year else []),
                     *([doc.symbol] if doc.symbol else [])])
