"""Full name with abbreviation at first use, abbreviation after — decided per rendered document."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache


class Abbreviations:
    """Tracks which abbreviations a document has already introduced.

    ``first("UBND")`` gives ``Ủy ban nhân dân (UBND)`` the first time and ``UBND`` after.
    A fresh instance is made for every rendered document, so two renders never share state.
    """

    def __init__(self, full_forms: Mapping[str, str]) -> None:
        self._full = dict(full_forms)
        self._introduced: set[str] = set()
        # Longest full forms first so "Ủy ban nhân dân" wins over a shorter overlap.
        self._patterns = _patterns(tuple(sorted(self._full.items(), key=lambda kv: -len(kv[1]))))

    def known(self, abbr: str) -> bool:
        return abbr in self._full

    def first(self, abbr: str) -> str:
        """The full form with ``(ABBR)`` the first time, ``ABBR`` afterwards."""
        if abbr not in self._full:
            raise KeyError(f"chữ viết tắt chưa khai báo trong bộ mẫu: {abbr}")
        if abbr in self._introduced:
            return abbr
        self._introduced.add(abbr)
        return f"{self._full[abbr]} ({abbr})"

    def mark_introduced(self, abbr: str) -> None:
        self._introduced.add(abbr)

    def state(self) -> frozenset[str]:
        """The abbreviations introduced so far, to :meth:`restore` if what was written after
        this point is dropped (a sub-item that turned out to have nothing to say)."""
        return frozenset(self._introduced)

    def restore(self, state: frozenset[str]) -> None:
        self._introduced = set(state)

    def apply(self, text: str) -> str:
        """Rewrite a user phrase that uses full forms or abbreviations (``UBND huyện …``,
        ``Ủy ban nhân dân huyện …``) into the forms due at this point of the document."""
        for abbr, full, pattern in self._patterns:
            if full in text or abbr in text:  # neither there: the pattern cannot match
                text = pattern.sub(self._replacer(abbr), text)
        return text

    def _replacer(self, abbr: str) -> Callable[[re.Match[str]], str]:
        return lambda _match: self.first(abbr)


# What may not touch a name for it to be a word of the text: a letter or digit, or the
# slash and hyphens that join the parts of a document number or symbol ("1416/QĐ-UBND",
# "12/2025/NQ-HĐND", "294/UBND-NV" hold "UBND" and "HĐND" as symbols, never as names).
_JOINED = r"\w/\-\u2013"


@cache
def _patterns(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Each abbreviation's pattern, compiled once per pack's list (a document applies them
    to every phrase). "cải cách hành chính (CCHC)" as the official introduced it is one
    name, never "CCHC (CCHC)"."""
    return tuple((abbr, full, re.compile(rf"(?<![{_JOINED}])(?:{re.escape(full)}"
                                         rf"(?:\s*\({re.escape(abbr)}\))?|{re.escape(abbr)})"
                                         rf"(?![{_JOINED}])"))
                 for abbr, full in pairs)
