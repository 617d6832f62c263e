"""Text hygiene and small Vietnamese text helpers.

Tone-mark style: drafter writes the style used by Decree 30/2020/NĐ-CP and by the state's
own documents — the mark on the first vowel of an open ``oa``, ``oe``, ``uy`` syllable:
``hòa``, ``khỏe``, ``Ủy``, ``thủy`` (but ``quý``, ``hoàng``, ``khuyến``, where the rule
does not apply). Every user string is normalised to it, in NFC.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_MARKS = "\u0300-\u036f"  # every combining mark, tone or not
# In NFD, "hoà" is h o a <grave>; the mark moves onto the o when the syllable ends there.
# Only a plain a/e/y counts: NFD orders a dot below before a breve or circumflex, so "hoặc"
# is h o a <dot below> <breve> c, and the mark must stay on its "ă" — hence no mark (and no
# letter) may follow the tone.
_OPEN_PAIR = re.compile(rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONES}])(?![\w{_MARKS}])")
# The mark of "oă", "oâ", "uâ", "uê", "uô", "uơ" … belongs on the marked vowel: a mark typed
# (or stored by an older drafter, "họăc") on the o/u before it goes back to its vowel.
_BEFORE_MARKED = re.compile(rf"([oOuU])([{_TONES}])([aAeEoO])([\u0302\u0306\u031b])")
# C0 and C1 controls (tab and line breaks are handled below), non-characters, and the Private
# Use Areas: drafter's own markers live there, so user text may never hold them.
_CONTROL = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff"
    "\ue000-\uf8ff\U000f0000-\U0010ffff]"
)
# Every invisible format character (Unicode category Cf): the bidirectional controls (U+202E
# shows "61" as "16"), the zero-width ones (a register number "18" with one is a new number),
# the soft hyphen, the byte-order mark, the tag characters. None belongs in an official's
# text; tests/test_vi_text.py checks the list against the Unicode database.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
# Every character str.splitlines breaks on: in one field they are only spaces. A run of
# whitespace holding one is matched from the run's start only (the look-behind) and without
# giving back (possessive): the old pattern tried every space of a run before failing, which
# made 60 000 spaces take 15 s.
_BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_BREAKS = re.compile(f"(?<!\\s)[^\\S{_BREAK_CHARS}]*+[{_BREAK_CHARS}]\\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
# Unicode's stream-safe limit (UAX #15): more than 30 combining marks in a row is no text,
# and normalising a long run of them takes time quadratic in its length.
_MAX_MARKS = 30
# Entered only at a run's first space: scanning from every space of a long run is quadratic.
_SPACE_BEFORE_PUNCT = re.compile(r"(?<! ) +([,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[]) +")
# The one Vietnamese letter that is not a base letter plus marks in Unicode.
_D_BAR = {"đ": "d", "Đ": "D"}


def _move_tone(match: re.Match[str]) -> str:
    pair, tone = match.group(1), match.group(2)
    return pair[0] + tone + pair[1]


def _restore_tone(match: re.Match[str]) -> str:
    glide, tone, vowel, quality = match.groups()
    return glide + vowel + quality + tone


@cache
def _mark_runs() -> re.Pattern[str]:
    """Runs of more than :data:`_MAX_MARKS` combining marks (every character of a nonzero
    combining class), built from the Unicode database on first use."""
    ranges: list[str] = []
    start = previous = -2
    for code in [*range(0x300, 0x1F000), -1]:
        if code >= 0 and unicodedata.combining(chr(code)):
            if code != previous + 1:
                start = code
            previous = code
            continue
        if previous == code - 1 and start >= 0:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
            start = -2
    marks = "".join(ranges)
    return re.compile(f"([{marks}]{{{_MAX_MARKS}}})[{marks}]+")


def normalize_tones(text: str) -> str:
    """``hoà`` → ``hòa``, ``Uỷ`` → ``Ủy``, ``thuỷ`` → ``thủy``; result in NFC.

    Only the mark's place changes, never a letter: ``hoặc``, ``ngoặt``, ``ngoẻo`` keep theirs,
    and ``họăc`` (the mark stored on the wrong vowel by drafter before 0005) becomes ``hoặc``.
    """
    text = _mark_runs().sub(r"\1", text)
    decomposed = _BEFORE_MARKED.sub(_restore_tone, unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", _OPEN_PAIR.sub(_move_tone, decomposed))


def clean(text: str) -> str:
    """Hygiene for every user string: NFC, one tone style, no control, invisible or
    private-use characters, single spaces, no space before punctuation, trimmed; line and
    paragraph separators of any kind become spaces. Linear in the text's length."""
    value = normalize_tones(_INVISIBLE.sub("", _CONTROL.sub("", text)))
    value = _BREAKS.sub(" ", value)
    value = _SPACES.sub(" ", value)
    value = _SPACE_BEFORE_PUNCT.sub(r"\1", value)
    value = _SPACE_AFTER_OPEN.sub(r"\1", value)
    return value.strip()


def register_number(text: str) -> str:
    """A register number as stored and compared: cleaned, then NFKC, so that a fullwidth
    ``１８`` (an East Asian input method's) is the ``18`` it shows, never a new number."""
    return unicodedata.normalize("NFKC", clean(text))


def upper(text: str) -> str:
    """Capitals for headers: ``Ủy ban nhân dân xã Cẩm Giàng`` → ``ỦY BAN NHÂN DÂN XÃ CẨM GIÀNG``."""
    return unicodedata.normalize("NFC", text.upper())


def sentence_case(text: str) -> str:
    """Capitalise the first letter only (``cải cách`` → ``Cải cách``), leaving the rest; a
    text that begins with a number is left as it is (``9 tháng đầu năm``, not ``9 Tháng``)."""
    for index, char in enumerate(text):
        if char.isdigit():
            return text
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


# Kinds of unit written lower-case before a proper name, even when a name list or an
# official's sentence starts with them ("do xã Bản Máy …").
_KIND_WORDS = frozenset({"xã", "phường", "huyện", "quận", "tỉnh"})
# Names always written with a capital, whatever their place in the sentence.
_ALWAYS_CAPITAL = ("Đảng ", "Nhà nước", "Chính phủ", "Quốc hội")


def _capitalised(word: str) -> bool:
    letter = next((char for char in word if char.isalpha()), "")
    return letter.isupper()


def lower_first(text: str) -> str:
    """Lower-case the first letter, to continue a sentence with ``text`` — unless the first
    word is an abbreviation (``UBND``) or starts a proper name (``Bản Máy``, ``Hà Nội``,
    ``Sở Tư pháp``, ``Đảng ủy``): a name keeps its capitals wherever it stands. A kind of
    unit before a name is a common noun (``Xã Bản Máy`` → ``xã Bản Máy``)."""
    words = text.split(" ", 2)
    first = words[0]
    if (len(first) > 1 and first.isupper()) or text.startswith(_ALWAYS_CAPITAL):
        return text
    if first.lower() not in _KIND_WORDS and len(words) > 1 and _capitalised(first) \
            and _capitalised(words[1]):
        return text
    return text[:1].lower() + text[1:]


def as_part(label: str) -> str:
    """A total's label named as one part of a larger sum: ``tổng số hồ sơ đã giải quyết`` →
    ``số hồ sơ đã giải quyết`` (after ``tổng`` or ``khác tổng`` it would say the word twice)."""
    head, _, rest = label.partition(" ")
    return rest if head.lower() == "tổng" and rest.startswith("số ") else label


def join_vi(items: Iterable[str], last: str = " và ") -> str:
    """``a, b và c``; a single item alone; nothing for an empty list."""
    parts = [item for item in items if item]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last + parts[-1]


def join_clauses(items: Iterable[str]) -> str:
    """Clauses joined with ``; `` (each clause may contain commas)."""
    return "; ".join(item for item in items if item)


_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def roman(number: int) -> str:
    """``4`` → ``IV``; section and quarter numbering."""
    if number <= 0:
        raise ValueError("số La Mã phải lớn hơn 0")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def strip_item_marker(text: str) -> str:
    """User list items sometimes start with their own ``-``/``+``/``1.``; the template adds one."""
    return re.sub(r"^\s*(?:[-+•*–]|\d+[.)])\s+", "", text)


def item_text(text: str) -> str:
    """A user's list item ready for the template's own marker and punctuation: without its
    ``-``/``1.`` and without its final ``.``/``;``/``,``/``:`` ("Còn chậm." → "Còn chậm")."""
    return strip_item_marker(text).strip().rstrip(".;,:").rstrip()


def without_marks(text: str) -> str:
    """``Báo cáo mới, Đông`` → ``Bao cao moi, Dong``: for searching as people type.

    Each character of ``text`` (NFC) gives exactly one character, so a match position in the
    result is the same position in ``text``.
    """
    letters = []
    for char in unicodedata.normalize("NFC", text):
        base = unicodedata.normalize("NFD", char)[0]
        letters.append(_D_BAR.get(base, base))
    return "".join(letters)


# Vietnamese dictionary order: the letters (ă after a, đ after d, ơ after ô …), then the tones
# (none, huyền, hỏi, ngã, sắc, nặng) only where the letters are alike.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_ORDER = "\u0300\u0309\u0303\u0301\u0323"
_LETTERS_FROM = 0x110000  # above every code point: other characters sort first


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """For sorting names as a Vietnamese reader expects: ``Cao Minh``, ``Cẩm Giàng``,
    ``Cường Lợi``; ``Dân Tiến`` before ``Đại Từ``; ``ma``, ``mà``, ``mả``, ``mã``, ``má``, ``mạ``.
    Characters other than letters sort before them, by code point."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFC", text.lower()):
        parts = unicodedata.normalize("NFD", char)
        # The letter with its shape (ă, ê, ơ) but not its tone.
        shaped = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONE_ORDER))
        found = _ALPHABET.find(shaped)
        letters.append(_LETTERS_FROM + found if found >= 0 else ord(char))
        tone = next((p for p in parts if p in _TONE_ORDER), "")
        tones.append(_TONE_ORDER.index(tone) + 1 if tone else 0)
    return tuple(letters), tuple(tones)


_PARENTHESES = re.compile(r"\([^()]*\)")
_NOT_WORD = re.compile(r"[^\w%]+")


def label_key(text: str, abbreviations: Mapping[str, str] | None = None,
              parentheses: bool = True) -> str:
    """A label as a key to match on, so that a province's wording of a row finds the pack's:
    without tone marks, case, punctuation or spaces that differ, each full form of
    ``abbreviations`` (abbreviation → full form) written as its abbreviation, and with
    ``parentheses=False`` without what stands in parentheses.
    ``Số VBQPPL đã kiểm tra (theo thẩm quyền).`` and ``số văn bản quy phạm pháp luật đã
    kiểm tra`` give the same key when the pack abbreviates the latter as the former."""
    value = clean(text).lower()
    for abbr, full in sorted((abbreviations or {}).items(), key=lambda p: -len(p[1])):
        value = value.replace(f"{full.lower()} ({abbr.lower()})", abbr.lower())
        value = value.replace(full.lower(), abbr.lower())
    if not parentheses:
        value = _PARENTHESES.sub(" ", value)
    return " ".join(_NOT_WORD.sub(" ", without_marks(value)).split())
