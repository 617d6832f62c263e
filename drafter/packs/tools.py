"""Derive a province's (or district's) own template pack from the built-in one, and check a
pack.

``check_pack`` checks a pack against itself and reports every problem it can find in
Vietnamese, one per line, rather than stopping at the first: symlinks, files that are not
UTF-8, TOML syntax, unknown and missing keys and wrong types (see :mod:`drafter.packs.schema`),
missing files (the ranking files only for a kind that ranks units), template syntax, the
pack's own sample reports (``samples/*.toml``, at least one, of the pack's kind, together
giving a figure of every section) rendered through it down to the DOCX. A variant of a
built-in kind (a province's own pack) must also keep that kind's sections: the reports of a
kind are shared by every pack of the kind.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from jinja2 import TemplateSyntaxError

from drafter.errors import DrafterError, PackError
from drafter.packs.kinds import KINDS_DIR, builtin_kinds, pack_for
from drafter.packs.load import TemplatePack, builtin_pack, load_pack
from drafter.packs.schema import pack_file, read_pack_files, read_pack_text

FILES = ("pack.toml", "catalogue.toml", "appendix.toml", "rules.toml", "checks.toml",
         "templates/document.j2")
# A kind that ranks its units (the yearly index) has both of these, or neither.
RANKING_FILES = ("ranking.toml", "templates/ranking.j2")
# The pack's own sample reports: what ``pack check`` renders through it.
SAMPLES = "samples"

_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?$")


def init_pack(dest: Path, name: str | None = None, kind: str | None = None) -> Path:
    """Copy the built-in pack of ``kind`` (default: the built-in pack) to ``dest`` as a new
    pack ``name`` version 1.0.0."""
    if dest.exists() and any(dest.iterdir()):
        raise DrafterError(f"thư mục {dest} đã có nội dung; hãy chọn thư mục mới")
    base = pack_for(kind) if kind else builtin_pack()
    # The built-in pack's folder also holds the other kinds' packs: never copied along.
    shutil.copytree(base.path, dest, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", KINDS_DIR))
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


def _file_problems(path: Path) -> list[str]:
    # lexists: a link is there (and refused by _links), not missing
    problems = [f"thiếu tệp {file}" for file in FILES if not os.path.lexists(path / file)]
    ranks = [file for file in RANKING_FILES if os.path.lexists(path / file)]
    if ranks:  # a kind that ranks: both files
        problems += [f"thiếu tệp {file}" for file in RANKING_FILES if file not in ranks]
    if not sorted((path / SAMPLES).glob("*.toml")):
        problems.append(f"thiếu báo cáo mẫu: cần ít nhất một tệp dữ liệu {SAMPLES}/TÊN.toml "
                        "của loại báo cáo này (drafter pack check soạn thử từ đó)")
    return problems


def _section_problems(pack: TemplatePack) -> list[str]:
    """The sections of the built-in pack of the same kind that a variant lacks."""
    if pack.kind not in builtin_kinds() or pack.path == builtin_kinds()[pack.kind].resolve():
        return []
    have = {section.id for section in pack.catalogue.sections}
    return [f"catalogue.toml: thiếu mục {section.id} ({section.title})"
            for section in pack_for(pack.kind).catalogue.sections if section.id not in have]


def _trial_render(pack: TemplatePack) -> list[str]:
    """Render the pack's sample reports through it, down to the DOCX bytes; together they
    must give a figure of every section that has indicators (each is then rendered)."""
    from drafter.datafile import load_report
    from drafter.narrative import render
    from drafter.writer.docx_writer import to_bytes

    problems, entered = [], set()
    for path in sorted((pack.path / SAMPLES).glob("*.toml")):
        try:
            report = load_report(pack_file(pack.path, f"{SAMPLES}/{path.name}"), pack.catalogue)
            entered |= set(report.figures)
            to_bytes(render(report, pack))
        except DrafterError as exc:
            problems.append(f"không soạn được báo cáo mẫu {path.stem}: {exc}")
        except ValueError as exc:  # python-docx refuses text XML cannot hold
            problems.append(f"không ghi được DOCX của báo cáo mẫu {path.stem}: {exc}")
    for section in pack.catalogue.sections:
        keys = {indicator.key for indicator in pack.catalogue.in_section(section.id)}
        if keys and not problems and not keys & entered:
            problems.append(f"{SAMPLES}/: không báo cáo mẫu nào có số liệu của mục "
                            f"{section.id} ({section.title}); hãy thêm để soạn thử mục này")
    return problems


def check_pack(path: Path) -> list[str]:
    """Every problem of the pack in ``path``; an empty list means it is ready to use."""
    if not path.is_dir():
        return [f"không có thư mục bộ mẫu {path}"]
    problems = _links(path)
    problems += _file_problems(path)
    problems += _toml_problems(path)
    problems += _template_problems(path)
    if problems:
        return problems
    try:
        pack = load_pack(path)
    except PackError as exc:
        return [str(exc)]
    return _section_problems(pack) or _trial_render(pack)
