"""Derive a province's (or district's) own template pack from the built-in one, and check a
pack.

``check_pack`` reports every problem it can find in Vietnamese, one per line, rather than
stopping at the first: symlinks, files that are not UTF-8, TOML syntax, unknown and missing
keys and wrong types (see :mod:`drafter.packs.schema`), missing files and sections, template
syntax, and a trial render of the demo reports through the pack down to the DOCX.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from jinja2 import TemplateSyntaxError

from drafter.errors import DrafterError, PackError
from drafter.packs.load import TemplatePack, builtin_pack, load_pack
from drafter.packs.schema import read_pack_files, read_pack_text
from drafter.resources import builtin_pack_dir

FILES = ("pack.toml", "catalogue.toml", "appendix.toml", "rules.toml", "checks.toml",
         "ranking.toml", "templates/document.j2", "templates/ranking.j2")

_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?$")


def init_pack(dest: Path, name: str | None = None) -> Path:
    """Copy the built-in pack to ``dest`` as a new pack ``name`` version 1.0.0."""
    if dest.exists() and any(dest.iterdir()):
        raise DrafterError(f"thư mục {dest} đã có nội dung; hãy chọn thư mục mới")
    base = builtin_pack()
    shutil.copytree(builtin_pack_dir(), dest, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    meta = dest / "pack.toml"
    text = meta.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^name = .*$', f'name = "{name or dest.name}"', text, count=1)
    text = re.sub(r'(?m)^version = .*$',
                  f'version = "1.0.0"\nbased_on = "{base.name} {base.version}"', text, count=1)
    meta.write_text(text, encoding="utf-8")
    return dest


def _toml_problems(path: Path) -> list[str]:
    docs, problems = read_pack_files(path)
    problems = [p for p in problems if not p.endswith("thiếu tệp của bộ mẫu")]  # listed already
    version = str(docs.get("pack.toml", {}).get("version", ""))
    if "pack.toml" in docs and not _VERSION.match(version):
        problems.append("pack.toml: thiếu phiên bản (version = \"1.0.0\")")
    return problems


def _template_problems(pack_dir: Path) -> list[str]:
    from drafter.narrative.engine import sandbox

    env = sandbox(pack_dir / "templates")
    problems = []
    for template in sorted((pack_dir / "templates").glob("*.j2")):
        name = f"templates/{template.name}"
        try:
            env.parse(read_pack_text(pack_dir, name))
        except PackError as exc:
            problems.append(str(exc))
        except TemplateSyntaxError as exc:
            problems.append(f"{name}, dòng {exc.lineno}: lỗi cú pháp: {exc.message}")
    return problems


def _links(pack_dir: Path) -> list[str]:
    """Every symlink in the pack (a pack must hold its own files)."""
    return [f"{path.relative_to(pack_dir)} là liên kết (symlink); bộ mẫu chỉ được dùng tệp "
            "thật nằm trong thư mục của nó" for path in sorted(pack_dir.rglob("*"))
            if path.is_symlink()]


def _section_problems(pack: TemplatePack) -> list[str]:
    have = {section.id for section in pack.catalogue.sections}
    return [f"catalogue.toml: thiếu mục {section.id} ({section.title})"
            for section in builtin_pack().catalogue.sections if section.id not in have]


def _trial_render(pack: TemplatePack) -> list[str]:
    """Render the demo reports through the pack, down to the DOCX bytes."""
    from drafter.api import demo_files
    from drafter.datafile import load_report
    from drafter.narrative import render
    from drafter.writer.docx_writer import to_bytes

    problems = []
    for path in demo_files():
        try:
            to_bytes(render(load_report(path, pack.catalogue), pack))
        except DrafterError as exc:
            problems.append(f"không soạn được báo cáo mẫu {path.stem}: {exc}")
        except ValueError as exc:  # python-docx refuses text XML cannot hold
            problems.append(f"không ghi được DOCX của báo cáo mẫu {path.stem}: {exc}")
    return problems


def check_pack(path: Path) -> list[str]:
    """Every problem of the pack in ``path``; an empty list means it is ready to use."""
    if not path.is_dir():
        return [f"không có thư mục bộ mẫu {path}"]
    problems = _links(path)
    problems += [f"thiếu tệp {file}" for file in FILES if not os.path.lexists(path / file)]
    problems += _toml_problems(path)
    problems += _template_problems(path)
    if problems:
        return problems
    try:
        pack = load_pack(path)
    except PackError as exc:
        return [str(exc)]
    return _section_problems(pack) or _trial_render(pack)
