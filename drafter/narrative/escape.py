"""User text as data: what the official typed can never become line markup.

Templates write one block per line, and a few characters mean something there: ``@`` and
``#`` at the start of a line are commands and headings, ``[`` opens inline tags (``[b]``,
``[fn]``, ``[s=…]``), a tab splits table cells, and every line separator starts a new line.
Before templates see the report, every plain string of it (and of anything else handed to
them) goes through :func:`escape_tree`: those characters are mapped to private-use sentinels,
which the markup parser maps back (:func:`unescape`) when it builds runs, header and sign-off
fields and table cells. User text cannot forge a sentinel: private-use characters are removed
from it (here and by :func:`drafter.vi.text.clean` on input).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from copy import deepcopy
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")

# Sentinels from the Private Use Area. U+E000 is the missing-figure marker of the filters.
_ESCAPES = {"[": "\ue001", "@": "\ue002", "#": "\ue003"}
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
# Everything str.splitlines splits on, and the cell separator of @table rows.
_BREAKS = re.compile("[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# Any character escape_text changes: most strings (names, titles) have none, kept as they are.
_ACTED_ON = re.compile("[\\[@#\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
                       "\ue000-\uf8ff\U000f0000-\U0010ffff]")
# Immutable values, kept as they are (a deep copy of one is the value itself or its equal).
_KEPT = (int, float, str, Decimal, Enum, dt.date, dt.time, dt.timedelta, bytes)


def escape_text(text: str) -> str:
    """``text`` with no character the line markup would act on."""
    if _ACTED_ON.search(text) is None:
        return text
    text = _BREAKS.sub(" ", _PRIVATE.sub("", text))
    for char, sentinel in _ESCAPES.items():
        text = text.replace(char, sentinel)
    return text


def unescape(text: str) -> str:
    """The user's characters back, once the markup has been parsed."""
    # Three scans of the string in C; str.translate looks every character up in a dict.
    for char, sentinel in _ESCAPES.items():
        if sentinel in text:
            text = text.replace(sentinel, char)
    return text


def escape_tree(value: T) -> T:
    """A copy of ``value`` with every plain ``str`` inside escaped.

    Walks dataclasses, lists, tuples (named ones too), sets and dict values (keys are ids:
    sections, indicator keys). Enum members and other values are kept; objects of any other
    class are deep-copied, so templates never hold the caller's mutable state.
    """
    return _escape(value)  # type: ignore[no-any-return]


def _escape(value: Any) -> Any:
    if type(value) is str:
        return escape_text(value)
    if value is None or isinstance(value, _KEPT):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _escape(getattr(value, f.name))
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, dict):
        return type(value)((key, _escape(item)) for key, item in value.items())
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(_escape(item) for item in value))
    if isinstance(value, list | tuple | set | frozenset):
        return type(value)(_escape(item) for item in value)
    return deepcopy(value)
