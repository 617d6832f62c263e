"""Kinds of report and the packs that draft them.

A kind (``kind`` in pack.toml) is stored with every report and named by its data file; the
pack that reads, checks and renders a report is the one of its kind: the built-in pack of
that kind (``templates_vi/`` and each folder of ``templates_vi/kinds/``), or the pack given
with ``--pack`` — a province's own variant — when that pack is of the same kind.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from drafter.domain.catalogue import DEFAULT_KIND
from drafter.errors import PackError
from drafter.packs.load import TemplatePack, builtin_pack, load_pack
from drafter.resources import builtin_pack_dir

# The folder of the built-in pack holding the built-in packs of the other kinds.
KINDS_DIR = "kinds"


def _declared_kind(pack_dir: Path) -> str:
    try:
        meta = tomllib.loads((pack_dir / "pack.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PackError(f"bộ mẫu {pack_dir}: không đọc được pack.toml ({exc})") from None
    return str(meta.get("kind", DEFAULT_KIND))


@cache
def builtin_kinds() -> dict[str, Path]:
    """The folder of each built-in kind's pack, the built-in pack's own kind first."""
    root = builtin_pack_dir()
    found = {_declared_kind(root): root}
    others = root / KINDS_DIR
    for folder in sorted(others.iterdir()) if others.is_dir() else []:
        if (folder / "pack.toml").is_file():
            found.setdefault(_declared_kind(folder), folder)
    return found


@cache
def _builtin(kind: str) -> TemplatePack:
    folder = builtin_kinds()[kind]
    return builtin_pack() if folder == builtin_pack_dir() else load_pack(folder)


def pack_for(kind: str, given: TemplatePack | None = None) -> TemplatePack:
    """The pack of reports of ``kind``: ``given`` (``--pack``) when it is of that kind, else
    the built-in one; a :class:`PackError` naming both kinds when ``given`` is another's."""
    if given is not None:
        if given.kind != kind:
            raise PackError(f"bộ mẫu {given.path} dùng cho báo cáo loại «{given.kind}», "
                            f"không dùng được cho báo cáo loại «{kind}»")
        return given
    if kind not in builtin_kinds():
        known = ", ".join(f"«{name}»" for name in builtin_kinds())
        raise PackError(f"chưa có bộ mẫu cho báo cáo loại «{kind}» (các loại có sẵn: {known}); "
                        "dùng --pack THƯ_MỤC để chỉ bộ mẫu của loại này")
    return _builtin(kind)


def builtin_packs() -> list[TemplatePack]:
    """The built-in pack of every kind, the built-in pack's own kind first."""
    return [_builtin(kind) for kind in builtin_kinds()]
