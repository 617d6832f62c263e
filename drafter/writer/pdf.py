"""PDF through LibreOffice, when it is installed: the DOCX stays the document of record."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import RenderError
from drafter.writer.atomic import write_atomic

# Either name is installed depending on the distribution and packaging.
SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 120


class PdfUnavailableError(RenderError):
    """LibreOffice is not installed, so no PDF can be made."""


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or ``None`` when it is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_pdf(docx_path: Path, pdf_path: Path | None = None) -> Path:
    """Convert a written DOCX to PDF beside it (or at ``pdf_path``), atomically."""
    soffice = find_soffice()
    target = (pdf_path or docx_path.with_suffix(".pdf")).resolve()
    if soffice is None:
        raise PdfUnavailableError(
            "không tìm thấy LibreOffice (lệnh soffice) trên máy nên chưa tạo được tệp PDF; "
            f"tệp DOCX vẫn được ghi tại {docx_path}. Cài LibreOffice rồi chạy lại với --pdf."
        )
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as work:
        # A private profile: a LibreOffice already open on the desktop must not block us.
        profile = Path(work, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", work, str(docx_path)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            message = f"LibreOffice không chuyển được {docx_path} sang PDF: {exc}"
            raise RenderError(message) from None
        produced = Path(work, docx_path.with_suffix(".pdf").name)
        if not produced.is_file():
            raise RenderError(f"LibreOffice không chuyển được {docx_path} sang PDF.")
        return write_atomic(target, produced.read_bytes())
