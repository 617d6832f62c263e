"""A dialog with its own footer: the screen below stays visible around it, but its keys do
not apply while the dialog is open, so its footer must not show them."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from drafter.tui.widgets.footer import KeyFooter

T = TypeVar("T")


class Modal(ModalScreen[T]):
    """A modal screen whose footer (F1, Ctrl+Q, then its own keys) covers the one below."""

    def on_mount(self) -> None:
        # Mounted, not composed: every dialog keeps its own compose, and Textual calls this
        # handler before a subclass's own on_mount.
        self.mount(KeyFooter())
