"""Compiled templates kept between runs: Jinja compiles a pack's templates in about half a
second, longer than the rest of a cold ``drafter render``.

The cache lives in the user's cache directory, one folder per *compiler fingerprint*: what
Jinja's generated code depends on besides the source (Jinja and Python versions, the
environment's syntax and sandbox settings, and how each filter and test is called). Jinja
itself checks each entry against a checksum of its template's source. A cache that cannot be
read or written is skipped: templates are then compiled as before.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from jinja2.utils import _PassArg

from drafter.resources import cache_dir


class _SafeCache(FileSystemBytecodeCache):
    """Jinja's file cache; a read or write error only means compiling again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


def fingerprint(env: Environment) -> str:
    """What compiled code depends on, besides the template's source."""
    parts = [jinja2.__version__, sys.version, type(env).__qualname__,
             env.block_start_string, env.block_end_string, env.variable_start_string,
             env.variable_end_string, env.comment_start_string, env.comment_end_string,
             str(env.line_statement_prefix), str(env.line_comment_prefix),
             str(env.trim_blocks), str(env.lstrip_blocks), repr(env.newline_sequence),
             str(env.keep_trailing_newline), str(env.optimized), str(env.autoescape),
             repr(sorted(env.extensions)), repr(_PassArg.from_obj(env.finalize))
             if env.finalize else "",
             repr(sorted(getattr(env, "intercepted_binops", ()))),
             repr(sorted(getattr(env, "intercepted_unops", ())))]
    for kind, functions in (("filter", env.filters), ("test", env.tests)):
        parts += [f"{kind}:{name}:{_PassArg.from_obj(function)}"
                  for name, function in sorted(functions.items())]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def attach_cache(env: Environment, root: Path | None = None) -> None:
    """Give ``env`` (with its filters and tests installed) the compiled-template cache under
    ``root`` (default: the user's cache directory)."""
    base = root or cache_dir() / "templates"
    folder = base / fingerprint(env)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return
    if os.access(folder, os.W_OK | os.R_OK):
        env.bytecode_cache = _SafeCache(str(folder))
