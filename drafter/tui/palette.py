"""The command palette's commands: those of the screen it is opened from, found as people type.

Officials often search without tone marks ("muc chinh quyen so"); Textual's matcher compares
letters exactly, so titles and query are matched with the marks taken off and the hit is
highlighted on the title as written. Textual's own "No matches found" is English, so when
nothing matches this provider says so in Vietnamese instead. Titles and help may name units
and reports: they are shown as written, never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from drafter.vi.text import without_marks


class ScreenCommands(Provider):
    """``App.get_system_commands(screen)`` as palette hits."""

    async def discover(self) -> Hits:
        for command in self.app.get_system_commands(self.screen):
            if command.discover:
                yield DiscoveryHit(Content(command.title), command.callback,
                                   text=command.title, help=_literal(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(without_marks(query))
        found = False
        for command in self.app.get_system_commands(self.screen):
            score, offsets = matcher.fuzzy_search.match(matcher.query,
                                                        without_marks(command.title))
            if score > 0:
                found = True
                yield Hit(score, _highlight(command.title, offsets, matcher.match_style),
                          command.callback, text=command.title, help=_literal(command.help))
        if not found:
            yield Hit(0.0, Content(f"Không có lệnh nào khớp với “{query}”"), _nothing,
                      help="Thử gõ ngắn hơn, ví dụ: ghi, muc II.2, bao cao moi")


def _highlight(title: str, offsets: Sequence[int], style: Style) -> Content:
    # without_marks keeps one letter per letter, so offsets in it are offsets in the title.
    content = Content(title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


def _literal(text: str) -> str:
    """``text`` shown as written: Textual reads a help string as markup, and passes Content
    through unread (escaping is not enough: "[B]" and "$name" still act)."""
    return cast(str, Content(text))


def _nothing() -> None:
    """Choosing the "no command" line only closes the palette."""
