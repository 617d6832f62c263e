"""Narrative engine: Jinja templates of a pack → markup text → a :class:`Document` of blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drafter.narrative.blocks import Document

if TYPE_CHECKING:
    from drafter.narrative.engine import render

__all__ = ["Document", "render"]


def __getattr__(name: str) -> Any:
    # The engine (and Jinja2) loads on first use: the checks need only this package's
    # assessment, and the TUI runs them at start-up, long before anything is rendered.
    if name == "render":
        from drafter.narrative.engine import render

        return render
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
