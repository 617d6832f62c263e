"""Jinja's loader for a pack's templates, apart from the pack's schema checks so that loading
a pack (the TUI's start-up, the checks) does not import Jinja2."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, Environment, TemplateNotFound

from drafter.errors import PackError
from drafter.packs.schema import XML_ILLEGAL, pack_file, read_pack_text


class PackLoader(BaseLoader):
    """Jinja's loader for a pack's ``templates/``: every template read through
    :func:`read_pack_text` (no symlinks, nothing outside the pack, a regular file of bounded
    size, UTF-8)."""

    def __init__(self, template_dir: Path) -> None:
        self.root = template_dir.parent
        self.folder = template_dir.name

    def get_source(self, environment: Environment,
                   template: str) -> tuple[str, str, Any]:
        parts = [part for part in template.split("/") if part not in ("", ".")]
        if ".." in parts or not parts:
            raise TemplateNotFound(template)
        relative = "/".join([self.folder, *parts])
        path = pack_file(self.root, relative)
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        source = read_pack_text(self.root, relative)
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
