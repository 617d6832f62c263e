"""Compiled templates are kept between runs, never stale: a changed source or a changed
calling convention of a filter compiles afresh, and an unusable cache is skipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import pass_context

from drafter.narrative.compiled import attach_cache, fingerprint
from drafter.narrative.engine import sandbox


def _env(templates: Path, cache: Path) -> Any:
    env = sandbox(templates)
    env.filters["shout"] = lambda value: str(value).upper()
    attach_cache(env, cache)
    return env


def test_a_compiled_template_is_reused_until_its_source_changes(tmp_path: Path) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "a.j2").write_text("{{ 'xin chào' | shout }}", encoding="utf-8")
    first = _env(templates, cache)
    assert first.get_template("a.j2").render() == "XIN CHÀO"
    stored = list(cache.rglob("*.cache"))
    assert len(stored) == 1
    stamp = stored[0].stat().st_mtime_ns
    again = _env(templates, cache)
    assert again.get_template("a.j2").render() == "XIN CHÀO"
    assert stored[0].stat().st_mtime_ns == stamp  # read, not compiled and written again
    (templates / "a.j2").write_text("{{ 'tạm biệt' | shout }}", encoding="utf-8")
    changed = _env(templates, cache)
    assert changed.get_template("a.j2").render() == "TẠM BIỆT"


def test_a_filter_called_differently_gets_its_own_cache(tmp_path: Path) -> None:
    plain = sandbox(tmp_path)
    plain.filters["shout"] = lambda value: value
    with_context = sandbox(tmp_path)
    with_context.filters["shout"] = pass_context(lambda context, value: value)
    assert fingerprint(plain) != fingerprint(with_context)


def test_an_unusable_cache_directory_is_skipped(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "a.j2").write_text("{{ 1 + 1 }}", encoding="utf-8")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    env = _env(templates, blocked)
    assert env.bytecode_cache is None
    assert env.get_template("a.j2").render() == "2"
