"""The editor's part of issue 14: phrases ticked in a pane, rates given directly and the
official's own sentences chosen on the preview, stored in the report like every other edit
(autosave, history, a final report refused until reopened)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from drafter.domain.report import OVERRIDE_MARK, PHRASE_MARK
from drafter.tui.dialogs.override import Choice, OverrideScreen
from drafter.tui.session import sentences
from drafter.tui.widgets.given_rates import GivenRates
from drafter.tui.widgets.phrases import PhrasePicker

if TYPE_CHECKING:
    from drafter.tui.screens.editor.screen import EditorScreen


class OwnWords:
    """Mixed into the editor screen."""

    def on_phrase_picker_changed(self, message: PhrasePicker.Changed) -> None:
        editor = cast("EditorScreen", self)
        report = editor.report
        offered = {phrase.id for phrase in editor.panes.pane_phrases(message.pane)}
        report.phrases = [p for p in report.phrases if p not in offered] + message.picked
        mark = PHRASE_MARK + message.toggled
        if mark in report.review:
            report.review.remove(mark)
        editor.editing.save()
        editor.refresh_checks()

    def on_given_rates_changed(self, message: GivenRates.Changed) -> None:
        editor = cast("EditorScreen", self)
        if message.value is None:
            editor.report.rates.pop(message.key, None)
        else:
            editor.report.rates[message.key] = message.value
        editor.editing.save()
        editor.refresh_checks()

    def confirm_phrases(self, keys: list[str]) -> None:
        """F8 on a pane confirms its carried phrases too."""
        ids = {key.removeprefix(PHRASE_MARK) for key in keys if key.startswith(PHRASE_MARK)}
        for picker in cast("EditorScreen", self).query(PhrasePicker):
            picker.confirmed(ids)

    def action_override(self) -> None:
        """F7 on the preview: choose a sentence and write the official's own words."""
        editor = cast("EditorScreen", self)
        editing = editor.editing
        plain = replace(editing.report, overrides={})
        generated = sentences(editor.session.document(plain, editing.previous,
                                                      editing.last_year))
        editor.app.push_screen(OverrideScreen(generated, dict(editing.report.overrides)),
                               self.overridden)

    def overridden(self, choice: Choice | None) -> None:
        if choice is None:
            return
        editor = cast("EditorScreen", self)
        sid, text = choice
        report = editor.report
        if text is None:
            report.overrides.pop(sid, None)
        else:
            report.overrides[sid] = text
        if OVERRIDE_MARK + sid in report.review:
            report.review.remove(OVERRIDE_MARK + sid)
        editor.editing.save()
        editor.refresh_checks()
        editor.show_preview()
