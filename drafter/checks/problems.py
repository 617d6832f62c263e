"""What a check finds: a problem with its severity, the fields involved and a Vietnamese message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The word shown to the official."""
        return "Lỗi" if self is Severity.ERROR else "Cảnh báo"


@dataclass(frozen=True)
class Problem:
    """One finding. ``keys`` are the indicator keys (or list names) involved, the first being
    the field to jump to; ``stt`` and ``label`` locate it in the appendix."""

    severity: Severity
    rule: str
    message: str
    keys: tuple[str, ...] = ()
    stt: str = ""
    label: str = ""

    @property
    def field(self) -> str:
        return self.keys[0] if self.keys else ""

    @property
    def located(self) -> str:
        """``[2.2.1] message``: the message with the appendix STT when it has one."""
        return f"[{self.stt}] {self.message}" if self.stt else self.message

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def has_errors(problems: list[Problem]) -> bool:
    """Whether any problem blocks a final report."""
    return any(problem.is_error for problem in problems)
