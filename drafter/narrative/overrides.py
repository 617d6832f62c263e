"""The official's own words in place of generated sentences (contract C2).

A report's ``overrides`` map a sentence id to a replacement, or to ``""`` to leave the
sentence out. They are applied to the parsed blocks, after the templates ran: the
replacement is plain text in a run of its own (it never goes through the line markup, so
nothing the official typed can act as layout), marked ``own`` for the preview. A paragraph
or list item left with nothing to say is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from drafter.narrative.blocks import Block, Heading, Paragraph, Run

# What a span may hold before its sentence ("; " of a clause run on) and after it.
_LEAD = re.compile(r"^[\s;,:]*")
_END = re.compile(r"[.;:]\s*$")
# What is left of a paragraph whose every sentence was removed: a lead-in, marks, spaces.
_EMPTY = re.compile(r"^[\s\-+.;:,]*$")


def _replacement(original: str, text: str, sid: str) -> Run:
    """``text`` in the place of ``original``: the clause's lead-in and the sentence's final
    mark kept when the official left them out."""
    lead = _LEAD.match(original)
    prefix = lead.group(0) if lead else ""
    end = _END.search(original)
    words = text.strip()
    if end and words and not _END.search(words) and not words.endswith(("!", "?")):
        words += end.group(0).strip()
    return Run(prefix + words, sid=sid, own=True)


def _runs(runs: tuple[Run, ...], overrides: Mapping[str, str]) -> tuple[Run, ...]:
    found: list[Run] = []
    index = 0
    while index < len(runs):
        run = runs[index]
        if not run.sid or run.sid not in overrides:
            found.append(run)
            index += 1
            continue
        end = index
        while end < len(runs) and runs[end].sid == run.sid:
            end += 1
        text = overrides[run.sid]
        if text.strip():
            original = "".join(r.text for r in runs[index:end])
            found.append(_replacement(original, text, run.sid))
        index = end
    return _tidy(found)


def _tidy(runs: list[Run]) -> tuple[Run, ...]:
    """Spaces where a removed sentence was: never two, none at either end."""
    tidy: list[Run] = []
    for run in runs:
        text = run.text
        if tidy and tidy[-1].text.endswith(" ") and text.startswith(" "):
            text = text.lstrip(" ")
        tidy.append(replace(run, text=text) if text != run.text else run)
    if tidy and not tidy[0].note:
        tidy[0] = replace(tidy[0], text=tidy[0].text.lstrip())
    if tidy and not tidy[-1].note:
        tidy[-1] = replace(tidy[-1], text=tidy[-1].text.rstrip())
    return tuple(run for run in tidy if run.text or run.note)


def apply_overrides(blocks: list[Block], overrides: Mapping[str, str]) -> list[Block]:
    """``blocks`` with the official's replacements and removals applied."""
    if not overrides:
        return blocks
    result: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading) and any(r.sid in overrides
                                                          for r in block.runs):
            runs = _runs(block.runs, overrides)
            left = "".join(r.text for r in runs).strip()
            # A lead-in ("- Kiểm tra văn bản QPPL:") whose every sentence was removed goes too.
            if isinstance(block, Paragraph) and not any(r.sid or r.note for r in runs) and \
                    (_EMPTY.match(left) or left.endswith(":")):
                continue
            block = replace(block, runs=runs)
        result.append(block)
    return result


def sentence_ids(blocks: list[Block]) -> dict[str, str]:
    """Every sentence id of the document with its text, in document order."""
    found: dict[str, str] = {}
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            for run in block.runs:
                if run.sid:
                    found[run.sid] = found.get(run.sid, "") + run.text
    return found
