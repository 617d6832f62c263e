"""PDF through LibreOffice, when it is installed: the DOCX stays the document of record.

LibreOffice's installer for Windows does not put ``soffice`` on PATH: it is looked for in
its install folders and where the registry says it is installed, as on macOS in
Applications. Word could convert too, through COM automation, but that cannot be tested
here: where LibreOffice is missing the official is told how to install it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import RenderError
from drafter.writer.atomic import write_atomic

# Either name is installed depending on the distribution and packaging.
SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 120


class PdfUnavailableError(RenderError):
    """LibreOffice is not installed, so no PDF can be made."""


# Where LibreOffice's installer records its program folder, for all users or one.
_REGISTRY_KEYS = (r"SOFTWARE\LibreOffice\UNO\InstallPath",
                  r"SOFTWARE\WOW6432Node\LibreOffice\UNO\InstallPath")


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or ``None`` when it is not installed."""
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((str(path) for path in _installed() if path.is_file()), None)


def _installed() -> Iterator[Path]:
    """Where LibreOffice's own installer puts ``soffice`` (not on PATH)."""
    if sys.platform == "darwin":
        yield Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    if sys.platform != "win32":
        return
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        base = os.environ.get(variable)
        if base:
            yield Path(base, "LibreOffice", "program", "soffice.exe")
    yield from _registered()


def _registered() -> Iterator[Path]:
    if sys.platform != "win32":  # winreg is Windows' only
        return
    import winreg

    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        for key in _REGISTRY_KEYS:
            try:
                with winreg.OpenKey(root, key) as opened:
                    folder, _ = winreg.QueryValueEx(opened, "")
            except OSError:
                continue
            yield Path(str(folder), "soffice.exe")


def libreoffice_convert(soffice: str, source: Path, to: str, work: Path) -> None:
    """``source`` converted by LibreOffice to the format ``to`` (``pdf``, ``docx``) in
    ``work``; raises ``OSError`` or ``subprocess.TimeoutExpired`` when it cannot run."""
    # A private profile: a LibreOffice already open on the desktop must not block us.
    profile = (work / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless",
               "--convert-to", to, "--outdir", str(work), str(source)]
    subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)


def convert_to_pdf(docx_path: Path, pdf_path: Path | None = None) -> Path:
    """Convert a written DOCX to PDF beside it (or at ``pdf_path``), atomically."""
    soffice = find_soffice()
    target = (pdf_path or docx_path.with_suffix(".pdf")).resolve()
    if soffice is None:
        raise PdfUnavailableError(
            "không tìm thấy LibreOffice trên máy nên chưa tạo được tệp PDF; tệp DOCX vẫn được "
            f"ghi tại {docx_path}. Cài LibreOffice (miễn phí, tải tại "
            "https://www.libreoffice.org/download/) rồi chạy lại với --pdf, hoặc mở tệp DOCX "
            "bằng Word và chọn Lưu thành PDF."
        )
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as work:
        try:
            libreoffice_convert(soffice, docx_path, "pdf", Path(work))
        except (OSError, subprocess.TimeoutExpired) as exc:
            message = f"LibreOffice không chuyển được {docx_path} sang PDF: {exc}"
            raise RenderError(message) from None
        produced = Path(work, docx_path.with_suffix(".pdf").name)
        if not produced.is_file():
            raise RenderError(f"LibreOffice không chuyển được {docx_path} sang PDF.")
        return write_atomic(target, produced.read_bytes())
