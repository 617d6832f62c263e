"""Where the built-in template pack and the demo data live, installed or in a checkout, and
the user's own folders (data, cache, documents)."""

from __future__ import annotations

from pathlib import Path

# The version, kept here only (pyproject.toml reads it; drafter --version prints it).
__version__ = "0.1.0"

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


# The user's folders. ``appauthor=False``: on Windows ``AppData\Local\drafter``, not
# ``AppData\Local\drafter\drafter`` (platformdirs otherwise repeats the name as the author).
_APP = "drafter"


def data_dir() -> Path:
    """The user's data folder: the database, crash reports."""
    import platformdirs

    return Path(platformdirs.user_data_dir(_APP, appauthor=False))


def cache_dir() -> Path:
    """The user's cache folder: compiled templates."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(_APP, appauthor=False))


def documents_dir() -> Path:
    """Where the TUI writes reports by default: ``drafter`` in the user's Documents folder
    (the current directory of a program started from the Start menu may be System32)."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / _APP
