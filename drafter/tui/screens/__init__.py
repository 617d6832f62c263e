"""The TUI's full screens: one module each, one package for the editor.

The TUI is in layers, each importing only those below it: the app (with its palette and
themes), the screens, the dialogs and the navigation messages, the widgets, the session
(checked by import-linter, see pyproject.toml, and by tests/test_architecture.py). A screen
imports neither the app (nor :mod:`drafter.tui`, which imports it) nor another screen: the app
builds it and gives it the session, the screen opens its own dialogs (:mod:`drafter.tui.dialogs`)
and asks the app for the next screen with a message (:mod:`drafter.tui.navigation`). The
editor's modules import one another, and no other screen.
"""
