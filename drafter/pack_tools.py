"""Derive a province's (or district's) own template pack from the built-in one, and check a
pack.

``check_pack`` reports every problem it can find in Vietnamese, one per line, rather than
stopping at the first: TOML syntax, unknown keys (a typo such as ``lable`` would otherwise
be silently ignored), missing files and sections, template syntax, and a trial render of the
demo reports through the pack.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError

from drafter.domain.assessment_rules import RULE_KEYS
from drafter.errors import DrafterError, PackError
from drafter.pack import TemplatePack, builtin_pack, load_pack
from drafter.resources import builtin_pack_dir

FILES = ("pack.toml", "catalogue.toml", "appendix.toml", "rules.toml", "checks.toml",
         "ranking.toml", "templates/document.j2", "templates/ranking.j2")

# Known keys per file and table; "*" stands for any key (names chosen by the pack).
_LAYOUT = {"label", "title", "rows", "columns"}
_ROW = {"stt", "label", "key", "sub", "unit", "note"}
_COLUMN = {"field", "heading", "width"}
_ITEM = {"id", "title", "keys", "style", "tiers"}
SCHEMA: dict[str, dict[str, set[str]]] = {
    "pack.toml": {"": {"name", "version", "title", "based_on", "settings", "abbreviations"},
                  "settings": {"leading_zero", "money_ty_threshold", "rate_undefined",
                               "rate_undefined_note", "rate_given_note", "missing_cell",
                               "draft_watermark", "documents_in_footnote_from"},
                  "abbreviations": {"*"}},
    "catalogue.toml": {"": {"section", "part"}, "section": {"id", "title", "items",
                                                            "indicators"},
                       "section.items": _ITEM, "part": {"id", "title", "items"},
                       "part.items": _ITEM,
                       "section.indicators": {"key", "label", "unit", "type", "kind",
                                              "numerator", "denominator", "parts", "options",
                                              "rollup", "rollup_from", "aliases"}},
    "appendix.toml": {"": {"commune", "district", "province", "department", "communes"},
                      "commune": _LAYOUT, "district": _LAYOUT, "province": _LAYOUT,
                      "department": _LAYOUT, "commune.rows": _ROW, "district.rows": _ROW,
                      "province.rows": _ROW, "department.rows": _ROW,
                      "commune.columns": _COLUMN, "district.columns": _COLUMN,
                      "province.columns": _COLUMN, "department.columns": _COLUMN,
                      "communes": {"label", "title", "columns"},
                      "communes.columns": {"key", "label"}},
    "rules.toml": {"": {"bands"}, "bands": {"*"}, "bands.*": {"min", "text"}},
    "checks.toml": {"": {"settings", "equal", "at_most", "required", "messages", "not_zero",
                         "documents_counted", "shown_only_with", "narrative"},
                    "not_zero": {"keys"}, "documents_counted": {"*"}, "shown_only_with": {"*"},
                    "narrative": {"*"},
                    "settings": {"stock_jump_factor", "rate_drop_points", "rates_may_exceed"},
                    "equal": {"whole", "parts"}, "at_most": {"whole", "parts"},
                    "required": {"*"}, "messages": {"*"}},
    # Optional: packs made before it have no evidence rules (assessment_rules.RULE_KEYS).
    "assessment.toml": {"": {"causes", "levels", "rule"}, "causes": {"*"}, "levels": {"*"},
                        "rule": set(RULE_KEYS), "rule.*": {"*"}},
    "ranking.toml": {"": {"title", "max_total", "fields", "classes"},
                     "fields": {"id", "label", "max"}, "classes": {"name", "min"}},
}
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


def _unknown_keys(doc: Mapping[str, Any], schema: dict[str, set[str]], file: str,
                  where: str = "") -> list[str]:
    allowed = schema.get(where) or schema.get(re.sub(r"[^.]+$", "*", where), set())
    problems = []
    for key, value in doc.items():
        if "*" not in allowed and key not in allowed:
            shown = f"{where}.{key}" if where else key
            problems.append(f"{file}: khóa không hợp lệ: {shown}")
            continue
        child = f"{where}.{key}" if where else key
        tables = value if isinstance(value, list) else [value]
        for table in tables:
            if isinstance(table, dict):
                problems += _unknown_keys(table, schema, file, child)
    return problems


def _toml_problems(path: Path) -> list[str]:
    problems = []
    for file, schema in SCHEMA.items():
        try:
            with (path / file).open("rb") as handle:
                doc = tomllib.load(handle)
        except FileNotFoundError:
            continue
        except tomllib.TOMLDecodeError as exc:
            problems.append(f"{file}: lỗi cú pháp TOML: {exc}")
            continue
        problems += _unknown_keys(doc, schema, file)
        if file == "pack.toml" and not _VERSION.match(str(doc.get("version", ""))):
            problems.append("pack.toml: thiếu phiên bản (version = \"1.0.0\")")
    return problems


def _template_problems(pack_dir: Path) -> list[str]:
    from drafter.narrative.engine import sandbox

    env = sandbox(pack_dir / "templates")
    problems = []
    for template in sorted((pack_dir / "templates").glob("*.j2")):
        try:
            env.parse(template.read_text(encoding="utf-8"))
        except TemplateSyntaxError as exc:
            problems.append(f"templates/{template.name}, dòng {exc.lineno}: lỗi cú pháp: "
                            f"{exc.message}")
    return problems


def _section_problems(pack: TemplatePack) -> list[str]:
    have = {section.id for section in pack.catalogue.sections}
    return [f"catalogue.toml: thiếu mục {section.id} ({section.title})"
            for section in builtin_pack().catalogue.sections if section.id not in have]


def _trial_render(pack: TemplatePack) -> list[str]:
    from drafter.api import demo_files
    from drafter.datafile import load_report
    from drafter.narrative import render

    problems = []
    for path in demo_files():
        try:
            render(load_report(path, pack.catalogue), pack)
        except DrafterError as exc:
            problems.append(f"không soạn được báo cáo mẫu {path.stem}: {exc}")
    return problems


def check_pack(path: Path) -> list[str]:
    """Every problem of the pack in ``path``; an empty list means it is ready to use."""
    if not path.is_dir():
        return [f"không có thư mục bộ mẫu {path}"]
    problems = [f"thiếu tệp {file}" for file in FILES if not (path / file).is_file()]
    problems += _toml_problems(path)
    problems += _template_problems(path)
    if problems:
        return problems
    try:
        pack = load_pack(path)
    except PackError as exc:
        return [str(exc)]
    return _section_problems(pack) or _trial_render(pack)
