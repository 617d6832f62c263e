"""The schema versions this drafter knows: the names of its migrations, in order.

Kept apart from the migrations themselves (:mod:`drafter.storage.db`, which needs SQLAlchemy)
so the ORM-free reader refuses a database a newer drafter migrated with the same words.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.errors import StorageError

KNOWN = ("0001_initial", "0002_report_review", "0003_ui_state", "0004_scores",
         "0005_tone_marks", "0006_report_version", "0007_unit_snapshot", "0008_history",
         "0010_unit_structure", "0015_inspection_kinds", "0016_report_kind")


def refuse_unknown(applied: Iterable[str]) -> None:
    """A :class:`StorageError` when a migration this drafter does not know was applied."""
    unknown = sorted(set(applied) - set(KNOWN))
    if unknown:
        raise StorageError(
            "cơ sở dữ liệu đã được một phiên bản drafter mới hơn nâng cấp (bước "
            f"{', '.join(unknown)}); hãy cập nhật drafter trước khi dùng cơ sở dữ liệu này")
