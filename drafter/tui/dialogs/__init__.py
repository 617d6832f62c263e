"""The TUI's modal dialogs: a layer below the screens, above the widgets.

A screen pushes its dialogs and takes their answer in a callback (``push_screen(dialog,
callback)``); the app pushes the help. A dialog opens no screen and never reaches for the app:
what it needs (the session, the unit) it is given. Dialogs share the modal base
(:mod:`.modal`), the form (:mod:`.form`) and the kinds of period (:mod:`.new_report`).
"""
