"""The Textual UI. The only package that imports Textual (checked by import-linter)."""

from drafter.tui.app import DrafterApp, create_app

__all__ = ["DrafterApp", "create_app"]
