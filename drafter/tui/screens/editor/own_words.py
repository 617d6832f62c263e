"""The editor's part of issue 14: phrases ticked in a pane, rates given directly and the
official's own sentences chosen on the preview, stored in the report like every other edit
(autosave, history, a final report refused until reopened)."""

from __future__ import annotations

from dataclasses import replace

from drafter.domain.report import OVERRIDE_MARK, PHRASE_MARK
from drafter.tui.dialogs.override import Choice, OverrideScreen
from drafter.tui.screens.editor.state import EditorState
from drafter.tui.session import sentences
from drafter.tui.widgets.given_rates import GivenRates
from drafter.tui.widgets.phrases import PhrasePicker


class OwnWords(EditorState):
    """Mixed into the editor screen."""

    def on_phrase_picker_changed(self, message: PhrasePicker.Changed) -> None:
        report = self.report
        offered = {phrase.id for phrase in self.panes.pane_phrases(message.pane)}
        report.phrases = [p for p in report.phrases if p not in offered] + message.picked
        mark = PHRASE_MARK + message.toggled
        if mark in report.review:
            report.review.remove(mark)
        self.editing.save()
        self.refresh_checks()

    def on_given_rates_changed(self, message: GivenRates.Changed) -> None:
        if message.value is None:
            self.report.rates.pop(message.key, None)
        else:
            self.report.rates[message.key] = message.value
        self.editing.save()
        self.refresh_checks()

    def action_override(self) -> None:
        """F7 on the preview: choose a sentence and write the official's own words."""
        editing = self.editing
        plain = replace(editing.report, overrides={})
        generated = sentences(self.session.document(plain, editing.previous, editing.last_year))
        self.app.push_screen(OverrideScreen(generated, dict(editing.report.overrides)),
                             self.overridden)

    def overridden(self, choice: Choice | None) -> None:
        if choice is None:
            return
        sid, text = choice
        report = self.report
        if text is None:
            report.overrides.pop(sid, None)
        else:
            report.overrides[sid] = text
        if OVERRIDE_MARK + sid in report.review:
            report.review.remove(OVERRIDE_MARK + sid)
        self.editing.save()
        self.refresh_checks()
        self.show_preview()
