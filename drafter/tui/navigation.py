"""Where the official goes next: the messages a screen posts and the app answers.

A screen knows neither the app nor any other screen. To move on, it posts one of these; the
message bubbles up to :class:`~drafter.tui.app.DrafterApp`, whose ``on_…`` handler pushes,
switches or pops the screens (Textual's own way for a child to ask its parent to act).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from drafter.domain.units import Unit


@dataclass
class OpenUnit(Message):
    """The reports of ``unit``."""

    unit: Unit


@dataclass
class EditUnit(Message):
    """The profile of ``unit``, or of a new unit (``None``)."""

    unit: Unit | None = None


@dataclass
class UnitSaved(Message):
    """The unit form stored ``unit`` (``new``: it was not stored before)."""

    unit: Unit
    new: bool


class ShowUnits(Message):
    """Back to the list of units."""


@dataclass
class OpenReport(Message):
    """The report ``report_id`` in the editor."""

    report_id: int


@dataclass
class LeaveReport(Message):
    """The editor closes a report of ``unit``: back to where it was opened from."""

    unit: Unit


@dataclass
class OpenOffice(Message):
    """The office's screen of the province or district ``unit``."""

    unit: Unit


@dataclass
class OpenRanking(Message):
    """The CCHC index of the units ``unit`` ranks."""

    unit: Unit
