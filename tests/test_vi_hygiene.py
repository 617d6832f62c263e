"""Text hygiene on hostile text: every invisible character goes, and cleaning 2 MB of the
worst characters (the limit of a data file) takes time linear in its length."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest

from drafter.vi.text import clean
from tests.hostile_run import ROOT

ALL = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]


def test_every_invisible_format_character_is_removed() -> None:
    """Unicode category Cf, taken from the Unicode database rather than from our list."""
    invisible = [char for char in ALL if unicodedata.category(char) == "Cf"]
    assert len(invisible) > 150
    kept = [f"U+{ord(char):04X}" for char in invisible if clean(f"18{char}a") != "18a"]
    assert kept == []


def test_line_and_paragraph_separators_are_spaces() -> None:
    separators = [char for char in ALL if unicodedata.category(char) in ("Zl", "Zp")]
    assert separators and all(clean(f"a {char} b") == "a b" for char in separators)


@pytest.mark.parametrize(("typed", "stored"), [
    ("\u202e61\u202c", "61"), ("Nguyễn\u200b Văn\u2066 A\u2069", "Nguyễn Văn A"),
    ("\ufeffhòa", "hòa"), ("\u200d", ""), ("a\U000e0041\U000e007fb", "ab"),
    ("Đ\u00adà", "Đà"), ("o\u200d\u0300a", "òa"),
])
def test_what_an_official_sees_is_what_is_stored(typed: str, stored: str) -> None:
    assert clean(typed) == stored


def test_a_run_of_combining_marks_is_cut_at_the_stream_safe_limit() -> None:
    assert clean("a" + "\u0323\u0301" * 100) == unicodedata.normalize(
        "NFC", "a" + "\u0323" * 15 + "\u0301" * 15)


# 2 MB of each: spaces, spaces between letters, breaks between spaces, alternating
# combining marks, open pairs with a tone, tabs and no-break spaces, punctuation after spaces.
WORST = ['" " * 2_000_000', '" a" * 1_000_000', '"\\n " * 1_000_000',
         '"a" + "\\u0323\\u0301" * 1_000_000', '"oà" * 1_000_000', '"\\t\\u00a0" * 1_000_000',
         '" ," * 1_000_000', '"( " * 1_000_000', '"\\u202e\\u200b" * 1_000_000']


@pytest.mark.slow
def test_cleaning_2_mb_of_the_worst_characters_is_quick() -> None:
    """In a process of its own, so that a quadratic pattern fails the test instead of
    stopping the suite (before the fix, 60 000 spaces took 15 s, 2 MB did not end)."""
    script = "\n".join([
        "import time", "from drafter.vi.text import clean",
        "for text in [" + ", ".join(WORST) + "]:",
        "    start = time.process_time()", "    clean(text)",
        "    print(round(time.process_time() - start, 2))"])
    try:
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                              text=True, timeout=180)
    except subprocess.TimeoutExpired:
        pytest.fail("cleaning did not end within 180 s")
    seconds = [float(line) for line in done.stdout.split()]
    assert len(seconds) == len(WORST), done.stderr
    assert max(seconds) < 8, dict(zip(WORST, seconds, strict=True))
