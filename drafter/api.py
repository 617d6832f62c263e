"""The Python API: what the CLI and the TUI call."""

from __future__ import annotations

from pathlib import Path

from drafter.checks.final import ensure_can_be_final
from drafter.combine.rollup import Rollup
from drafter.domain.report import Report
from drafter.errors import RenderError
from drafter.narrative import render
from drafter.narrative.blocks import Document
from drafter.packs.load import TemplatePack
from drafter.resources import demo_dir
from drafter.writer.atomic import write_atomic
from drafter.writer.docx_writer import save_docx
from drafter.writer.text import to_text


def render_to_file(report: Report, path: Path, previous: Report | None = None,
                   pack: TemplatePack | None = None, text: bool = False,
                   last_year: Report | None = None, rollup: Rollup | None = None) -> Path:
    """Render ``report`` and write the DOCX (and optionally a ``.txt`` preview) atomically.

    A final report must pass its checks (:class:`ChecksFailedError` otherwise); a draft is
    watermarked. ``rollup`` adds the communes' appendix to a district report.
    """
    ensure_can_be_final(report, previous, pack)
    document = render(report, pack=pack, previous=previous, last_year=last_year, rollup=rollup)
    return save_document(document, path, text)


def save_document(document: Document, path: Path, text: bool = False) -> Path:
    """Write the DOCX (and optionally a ``.txt`` preview next to it), each atomically.

    A preview that would land on the DOCX itself (``-o bao-cao.txt --text``) is refused
    before anything is written.
    """
    if text and path.with_suffix(".txt").resolve() == path.resolve():
        raise RenderError(f"bản xem trước .txt sẽ ghi đè lên chính tệp {path}; hãy đặt tên "
                          "tệp DOCX có đuôi .docx")
    written = save_docx(document, path)
    if text:
        write_atomic(path.with_suffix(".txt"), to_text(document).encode("utf-8"))
    return written


def demo_files() -> list[Path]:
    """The bundled demo data files, earliest period first."""
    return sorted(demo_dir().glob("*.toml"), key=lambda p: p.stem.rsplit("-", 2)[-2:])
