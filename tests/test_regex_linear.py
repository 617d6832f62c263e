"""Every regular expression drafter applies is linear on hostile text (issue 26): each is fed
2 MB of the worst characters (the limit of a data file) under a time bound.

The patterns are found in the source, not listed by hand, so that a new one is tested too:
every ``re.compile``/``re.sub``/``re.search``… call whose pattern is a string literal, and
every compiled pattern a module holds (those built from other strings)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from tests.hostile_run import ROOT

_CALLS = {"compile", "sub", "subn", "match", "search", "fullmatch", "findall", "finditer",
          "split"}
# 2 MB each: runs of what a pattern may repeat on (spaces, letters, digits, the separators of
# numbers and document numbers, combining marks, markup characters, invisible characters).
WORST = ['" " * 2_000_000', '"a" * 2_000_000', '"1" * 2_000_000', '"1." * 1_000_000',
         '"a " * 1_000_000', '"/-" * 1_000_000', '"a" + "\\u0301" * 1_999_999',
         '"[" * 2_000_000', '"\\n" * 2_000_000', '"Đ, " * 666_666', '"\\u200b " * 1_000_000']


def _flags(node: ast.expr | None) -> int | None:
    """``re.I | re.M`` written in the call, as a number; ``None`` when it is not that."""
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
            and node.value.id == "re":
        value = getattr(re, node.attr, None)
        return int(value) if isinstance(value, re.RegexFlag) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    return None


def literal_patterns() -> set[tuple[str, int]]:
    """(pattern, flags) of every ``re.<call>("literal", …)`` in drafter's source."""
    found = set()
    for path in sorted((ROOT / "drafter").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in _CALLS and node.args):
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            keyword = next((k.value for k in node.keywords if k.arg == "flags"), None)
            position = {"compile": 1, "split": 3, "sub": 4, "subn": 4}.get(node.func.attr, 2)
            given = node.args[position] if len(node.args) > position else keyword
            flags = _flags(given)
            if flags is not None:
                found.add((first.value, flags))
    return found


def test_the_patterns_are_found() -> None:
    """The finder sees the patterns it must (a finder that found none would pass anything)."""
    found = {pattern for pattern, _ in literal_patterns()}
    assert len(found) > 40
    assert any("\\s" in pattern for pattern in found)


_SCRIPT = """
import importlib, pkgutil, re, sys, time
import drafter
patterns = {tuple(item) for item in PATTERNS}
for info in pkgutil.walk_packages(drafter.__path__, "drafter."):
    # Not the TUI (Textual's start-up cost; its patterns are among the literals), not
    # ``python -m drafter`` (importing it runs the program).
    if ".tui" in info.name or info.name.endswith("__main__"):
        continue
    module = importlib.import_module(info.name)
    for value in vars(module).values():
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            patterns.add((value.pattern, value.flags))
texts = [WORST_TEXTS]
worst = (0.0, "", "")
for pattern, flags in sorted(patterns):
    compiled = re.compile(pattern, flags)
    for number, text in enumerate(texts):
        start = time.process_time()
        compiled.search(text)
        for _ in compiled.finditer(text):
            pass
        seconds = time.process_time() - start
        if seconds > worst[0]:
            worst = (seconds, pattern, number)
print(len(patterns), round(worst[0], 2), repr(worst[1]), worst[2])
"""


@pytest.mark.slow
def test_every_pattern_is_linear_on_2_mb_of_the_worst_characters() -> None:
    """In a process of its own, so that a quadratic pattern fails the test instead of
    stopping the suite: a quadratic one takes hours on 2 MB, a linear one well under a
    second."""
    script = _SCRIPT.replace("PATTERNS", repr(sorted(literal_patterns()))) \
        .replace("WORST_TEXTS", ", ".join(WORST))
    try:
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                              text=True, timeout=600)
    except subprocess.TimeoutExpired:
        pytest.fail("the patterns did not end within 600 s on 2 MB: one is not linear")
    assert done.returncode == 0, done.stderr
    count, seconds, pattern, text = done.stdout.split(maxsplit=3)
    assert int(count) > 40
    assert float(seconds) < 10, f"{pattern} took {seconds} s on {WORST[int(text)]}"

