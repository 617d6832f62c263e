"""Where the built-in template pack and the demo data live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_pack_dir() -> Path:
    """The built-in pack: ``drafter/templates_vi`` in a wheel, ``templates_vi/`` in a checkout."""
    installed = _PACKAGE / "templates_vi"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "templates_vi"


def demo_dir() -> Path:
    """The bundled demo data files."""
    return _PACKAGE / "demo"
