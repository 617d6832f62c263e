"""The report being edited, and what the official typed that is not (yet) part of it.

Nothing typed is lost or silently replaced: an entry that does not parse takes the figure out
of the report (the stale value is never printed) and stays an error, with its text kept as a
draft, until it is fixed; text typed into a box and not yet submitted is kept as a draft too.
Drafts are stored with the TUI's state at every keystroke, so they survive Esc, quitting and a
kill, and come back into their boxes when the report is opened again.
"""

from __future__ import annotations

from drafter.checks import Problem, Severity
from drafter.datafile import fields
from drafter.domain.report import Status, Value
from drafter.tui.session import Session

FIGURE = "in-"  # a figure's box id: in-<indicator key>
UNPARSED = "unparsed"
REQUIRED = "required"  # the rule of a required figure not entered (drafter.checks)


class Editing:
    """One open report: the figures as typed, drafts, and where the official has been."""

    def __init__(self, session: Session, report_id: int) -> None:
        self.session = session
        self.report_id = report_id
        self.report, self.previous, self.last_year = session.open(report_id)
        # A final report is shown as stored: drafts typed before it was made final wait,
        # untouched, until it is reopened.
        self.read_only = self.report.status is Status.FINAL
        self.drafts = {} if self.read_only else session.drafts(report_id)
        self._kept = dict(self.drafts)  # the drafts as stored, to write them only on change
        self.unparsed: dict[str, Problem] = {}
        # Figures whose box the official has left (a required one is an error from then on)
        # and every field edited, most recent last (a check about several jumps to it).
        self.visited: set[str] = set()
        self.recent: list[str] = []
        # The field being typed in, until the cursor leaves its box (see finished): each key
        # is saved, and the history keeps one entry for the whole edit.
        self._open: str | None = None
        self._continues = False
        catalogue = session.pack.catalogue
        for box, text in list(self.drafts.items()):
            key = box.removeprefix(FIGURE)
            if box.startswith(FIGURE) and key in catalogue:
                self._parse(key, text)

    def typed(self, box: str) -> str | None:
        """The draft of a box, if it has one."""
        return self.drafts.get(box)

    def enter_figure(self, key: str, text: str) -> Problem | None:
        """Take what was typed into a figure's box; returns the problem when it does not parse."""
        self._touch(key)
        self._parse(key, text.strip())
        if key in self.report.review:
            self.report.review.remove(key)  # typing the figure confirms it
        self.save()
        return self.unparsed.get(key)

    def _parse(self, key: str, text: str) -> None:
        indicator = self.session.pack.catalogue[key]
        self.unparsed.pop(key, None)
        self.drafts.pop(FIGURE + key, None)
        if not text:
            self.report.figures.pop(key, None)
            return
        try:
            self.report.figures[key] = fields.figure(indicator, text)
        except ValueError as exc:
            self.report.figures.pop(key, None)
            self.unparsed[key] = Problem(Severity.ERROR, UNPARSED, f"{indicator.label} {exc}",
                                         (key,), label=indicator.label)
            self.drafts[FIGURE + key] = text

    def invalid(self, field: str, box: str, text: str, message: str) -> None:
        """A non-figure entry (a date) that does not parse: an error until fixed."""
        self._touch(field)
        self.unparsed[field] = Problem(Severity.ERROR, UNPARSED, message, (field,))
        self.drafts[box] = text
        self.save()

    def set_field(self, field: str, box: str, value: object, over_drafts: bool = False) -> str:
        """A valid issuing detail (number, date, recipients, status); returns why the store
        refused the report, or ``""`` (see :meth:`Session.save` for ``over_drafts``)."""
        self._touch(field)
        self.unparsed.pop(field, None)
        self.drafts.pop(box, None)
        setattr(self.report, field, value)
        return self.save(over_drafts)

    def draft(self, box: str, text: str) -> None:
        """Keep (or, when empty, drop) what is typed into a box and not yet submitted."""
        if text:
            self.drafts[box] = text
        else:
            self.drafts.pop(box, None)
        self._keep()

    def _keep(self) -> None:
        if self.drafts != self._kept:
            self.session.keep(self.report_id, self.drafts)
            self._kept = dict(self.drafts)

    def finished(self) -> None:
        """The cursor left a box: what is typed next is a new edit."""
        self._open = None

    def _touch(self, key: str) -> None:
        self._continues = key == self._open
        self._open = key
        if key in self.recent:
            self.recent.remove(key)
        self.recent.append(key)
        self.visited.add(key)

    def due(self, problem: Problem) -> bool:
        """Whether a problem counts yet: a required figure not entered does once the official
        has been to its box (before, it is said quietly, not counted as an error)."""
        return problem.rule != REQUIRED or any(key in self.visited for key in problem.keys)

    def all_due(self, problems: list[Problem]) -> None:
        """Making the report final was refused: every required figure counts from now on."""
        self.visited.update(key for problem in problems if problem.rule == REQUIRED
                            for key in problem.keys)

    def save(self, over_drafts: bool = False) -> str:
        """Autosave: the report in one transaction, then the drafts. Returns why the store
        refused the report (the app has said so), or ``""``."""
        refused = self.session.save(self.report, self._continues, over_drafts)
        self._continues = False  # a save not preceded by a key in the same box stands alone
        self._keep()
        return refused

    def problems(self) -> list[Problem]:
        """Entries that do not parse, then every problem the checks find (errors first)."""
        found = self.session.problems(self.report, self.previous)
        return [*self.unparsed.values(), *found]

    def value(self, key: str) -> Value | None:
        return self.report.figures.get(key)
