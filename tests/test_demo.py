"""The demo builds its own database, never the user's, and renders the reports of today."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from drafter.cli.main import main


def test_demo_uses_its_own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user_db = tmp_path / "user" / "drafter.sqlite"
    monkeypatch.setenv("DRAFTER_DB", f"sqlite:///{user_db}")
    out = tmp_path / "out"
    assert main(["demo", "-o", str(out)]) == 0
    assert not user_db.exists()
    assert (out / "demo.sqlite").is_file()
    written = sorted(path.name for path in out.glob("*.docx"))
    assert written == ["huyen-dong-son-2024-Q1.docx", "huyen-dong-son-2024-Q2.docx",
                       "so-tu-phap-tinh-thai-nguyen-2026-Q1.docx",
                       "tinh-thai-nguyen-2026-Q1.docx", "xa-bach-thong-2026-Q1.docx",
                       "xa-bach-thong-kntc-2026-Q1.docx",
                       "xa-thanh-mai-2024-Q1.docx", "xa-thanh-mai-2024-Q2.docx",
                       "xep-hang-chi-so-cchc-2025-so-nganh-tinh-thai-nguyen.docx",
                       "xep-hang-chi-so-cchc-2025-tinh-thai-nguyen.docx"]
    commune = "\n".join(p.text for p in docx.Document(str(out / "xa-bach-thong-2026-Q1.docx"))
                        .paragraphs)
    assert "(các xã trước sắp xếp thành xã Bạch Thông)" in commune
    # Run again: made afresh, the same reports.
    assert main(["demo", "-o", str(out)]) == 0
