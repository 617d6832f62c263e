"""Jinja's loader for a pack's templates, apart from the pack's schema checks so that loading
a pack (the TUI's start-up, the checks) does not import Jinja2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound

from drafter.errors import PackError
from drafter.packs.schema import XML_ILLEGAL, pack_file


class PackLoader(BaseLoader):
    """Jinja's loader for a pack's ``templates/``: every template read through
    :func:`pack_file` (no symlinks, nothing outside the pack), as UTF-8."""

    def __init__(self, template_dir: Path) -> None:
        self.root = template_dir.parent
        self.folder = template_dir.name

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Any]:
        parts = [part for part in template.split("/") if part not in ("", ".")]
        if ".." in parts or not parts:
            raise TemplateNotFound(template)
        path = pack_file(self.root, "/".join([self.folder, *parts]))
        try:
            source = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise TemplateNotFound(template) from None
        except UnicodeDecodeError:
            raise PackError(f"{path}: tệp mẫu không phải văn bản UTF-8") from None
        except OSError as exc:
            raise PackError(f"{path}: không đọc được tệp mẫu ({exc.strerror})") from None
        bad = XML_ILLEGAL.search(source)
        if bad:
            raise PackError(f"{path}: có ký tự không hợp lệ trong văn bản (mã "
                            f"U+{ord(bad.group()):04X})")
        mtime = path.stat().st_mtime

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(path), uptodate
