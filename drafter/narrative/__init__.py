"""Narrative engine: Jinja templates of a pack → markup text → a :class:`Document` of blocks."""

from drafter.narrative.blocks import Document
from drafter.narrative.engine import render

__all__ = ["Document", "render"]
