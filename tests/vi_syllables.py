"""A reference model of the Vietnamese written syllable, independent of drafter.vi.text.

Used by the tone-mark tests: it parses a syllable into onset, vowel cluster and coda, tells
whether the letters form a valid syllable, and places the tone mark by the classic rule in
the style drafter writes (the mark on the first vowel of an open two-vowel cluster: ``hòa``,
``thủy``, ``khỏe``). It is written from the rules, not from the code it checks.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
ACUTE, DOT = "\u0301", "\u0323"
# Vowel letters with their quality marks (breve, circumflex, horn), as NFC characters.
VOWELS = set("aăâeêioôơuưy")
MARKED = set("ăâêôơư")
ONSETS = ("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
          "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
CODAS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
_CLUSTER_LINES = (
    "a ă â e ê i o ô ơ u ư y",
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê",
    "iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu",
)
CLUSTERS = {cluster for line in _CLUSTER_LINES for cluster in line.split(" ")}


@dataclass(frozen=True)
class Syllable:
    onset: str
    cluster: str  # the vowels, lower case, without the tone
    coda: str
    tone: str  # a combining tone mark or ""
    tone_at: int  # index in ``cluster`` of the vowel carrying the tone, -1 without one


def _letters(word: str) -> tuple[list[str], str, int]:
    """The word's NFC letters without tone, its tone, and the index of the letter bearing it."""
    letters: list[str] = []
    tone, where = "", -1
    for char in unicodedata.normalize("NFC", word):
        parts = unicodedata.normalize("NFD", char)
        kept = "".join(p for p in parts if p not in TONES)
        marks = [p for p in parts if p in TONES]
        if marks:
            if tone or len(marks) > 1:
                raise ValueError(f"two tone marks in {word!r}")
            tone, where = marks[0], len(letters)
        letters.append(unicodedata.normalize("NFC", kept))
    return letters, tone, where


def parse(word: str) -> Syllable | None:
    """The syllable ``word`` spells, or ``None`` when its letters are not one."""
    try:
        letters, tone, where = _letters(word)
    except ValueError:
        return None
    text = "".join(letters).lower()
    if not text:
        return None
    onset = next((o for o in ONSETS if text.startswith(o) and len(text) > len(o)), "")
    # "gi"/"qu" are onsets only before another vowel ("gì" is g + i, "quý" is qu + y).
    if onset in ("gi", "qu") and text[len(onset)] not in VOWELS:
        onset = onset[0]
    rest = text[len(onset):]
    end = 0
    while end < len(rest) and rest[end] in VOWELS:
        end += 1
    cluster, coda = rest[:end], rest[end:]
    if cluster not in CLUSTERS or coda not in CODAS:
        return None
    if onset == "gi" and cluster.startswith("i"):
        return None
    tone_at = where - len(onset) if tone else -1
    if tone and not 0 <= tone_at < len(cluster):
        return None  # a tone on a consonant
    if coda in ("c", "ch", "p", "t") and tone not in (ACUTE, DOT):
        return None  # checked syllables take only the acute or the dot below
    return Syllable(onset, cluster, coda, tone, tone_at)


def expected_tone_at(syllable: Syllable) -> int:
    """Where the tone belongs, by the classic rule in drafter's style."""
    cluster = syllable.cluster
    if "ươ" in cluster:
        return cluster.index("ơ")
    marked = [i for i, v in enumerate(cluster) if v in MARKED]
    if marked:
        return marked[-1]
    if syllable.coda:
        return len(cluster) - 1
    if len(cluster) == 3:
        return 1
    return 0


def is_well_placed(word: str) -> bool:
    """A valid syllable whose tone (if any) sits where the rule puts it."""
    syllable = parse(word)
    if syllable is None:
        return False
    return not syllable.tone or syllable.tone_at == expected_tone_at(syllable)


def base_letters(word: str) -> str:
    """The word's letters without the tone mark (vowel-quality marks kept), NFC."""
    return "".join(_letters(word)[0])
