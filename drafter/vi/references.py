"""Document references written as officials write them."""

from __future__ import annotations

from collections.abc import Callable

from drafter.domain.documents import DocRef
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
