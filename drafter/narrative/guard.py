"""Limits on running a pack's templates: time, output size, operator sizes.

The sandbox keeps templates from reading files or reaching Python internals; these limits
keep a mistaken (or hostile) template from hanging the TUI or exhausting memory: a render
stops after :data:`RENDER_SECONDS` of its thread's CPU time or :data:`MAX_OUTPUT`
characters, and ``*`` and ``**`` refuse results beyond :data:`MAX_OPERAND` items or
:data:`MAX_BITS` bits (a huge integer's arithmetic runs in C, beyond a time limit's
reach). Every stop is an error naming the template.
"""

from __future__ import annotations

import ctypes
import functools
import threading
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from jinja2 import Template
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from drafter.packs.schema import XML_ILLEGAL

RENDER_SECONDS = 20.0
MAX_OUTPUT = 5_000_000  # characters of line markup; a report is about 60 000
MAX_OPERAND = 1_000_000  # the longest string or list ``*`` may build, the largest power
MAX_BITS = 4096  # the largest integer ``*`` and ``**`` may make (about 1 200 digits)
_TICK = 0.05  # how often the watchdog reads the render's CPU clock (seconds)


class LimitExceeded(Exception):
    """A template ran past a limit; ``what`` says which, in Vietnamese; ``template`` names
    the template when it is known where the error arose."""

    def __init__(self, what: str, template: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.template = template


def _xml_safe(value: Any) -> Any:
    """Every ``{{ … }}`` output passes here (Jinja's ``finalize``): text XML cannot hold
    stops the template that printed it."""
    if isinstance(value, str):
        bad = XML_ILLEGAL.search(value)
        if bad:
            raise LimitExceeded(f"in ra ký tự không hợp lệ trong văn bản (mã "
                                f"U+{ord(bad.group()):04X})")
    return value


class _Timeout(BaseException):
    """Raised inside the rendering thread when its time is up (BaseException: template code
    catching ``Exception`` must not swallow it)."""


class GuardedSandbox(SandboxedEnvironment):
    """The sandbox with size limits on the operators that can build huge values."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        given = options.pop("finalize", None)
        options["finalize"] = (lambda value: _xml_safe(given(value))) if given else _xml_safe
        super().__init__(**options)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's sandboxed ``obj.attribute``, without its per-access checks where their
        answer is known: an attribute not starting with ``_`` of an object that is none of
        the internal kinds :func:`jinja2.sandbox.is_internal_attribute` guards (functions,
        methods, classes, code, frames, tracebacks, generators) is always safe, so only a
        ``str.format`` method still needs wrapping. Templates read thousands of attributes
        of the report's plain data; anything else takes Jinja's own path."""
        kind: type = type(obj)
        if attribute[:1] != "_" and _plain(kind):
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                return super().getattr(obj, attribute)
            if isinstance(value, _BOUND):
                return self.wrap_str_format(value) or value
            return value
        return super().getattr(obj, attribute)

    def compile(self, source: Any, name: str | None = None, filename: str | None = None,
                raw: bool = False, defer_init: bool = False) -> Any:
        try:
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        except LimitExceeded as exc:  # a constant output checked at compile time
            exc.template = exc.template or name or ""
            raise

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _size(right) * max(_size(left).bit_length(), 1) > MAX_BITS:
            raise LimitExceeded(f"phép lũy thừa quá lớn ({left} ** {right})")
        if operator == "*" and _bits(left) + _bits(right) > MAX_BITS:
            # One multiplication of huge integers runs in C, where no time limit reaches.
            raise LimitExceeded("phép nhân tạo số quá lớn")
        if operator == "*":
            sized = [value for value in (left, right) if isinstance(value, str | list | tuple)]
            counts = [value for value in (left, right) if isinstance(value, int)]
            if sized and counts and len(sized[0]) * counts[0] > MAX_OPERAND:
                raise LimitExceeded("phép nhân tạo chuỗi quá dài")
        return super().call_binop(context, operator, left, right)


# The kinds of object whose attributes Jinja's sandbox checks one by one, and the values it
# may wrap (``str.format`` is a built-in bound method).
_INTERNAL = (types.FunctionType, types.MethodType, type, types.CodeType, types.TracebackType,
             types.FrameType, types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
_BOUND = (types.MethodType, types.BuiltinMethodType)


@functools.cache
def _plain(kind: type) -> bool:
    """Whether objects of ``kind`` are none of the internal kinds; a class that redefines
    ``__class__`` (which ``isinstance`` believes) is never taken as plain."""
    return not issubclass(kind, _INTERNAL) and not any(
        "__class__" in vars(base) for base in kind.__mro__ if base is not object)


def _bits(value: Any) -> int:
    return value.bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


def _size(value: Any) -> int:
    return abs(int(value)) if isinstance(value, int | float) and value == value and \
        abs(value) < 10**18 else 10**18


def _cpu_clock(thread: int) -> Callable[[], float]:
    """The CPU time of ``thread`` as it runs (a render on a loaded machine is not stopped for
    waiting its turn); wall time where the system gives no per-thread clock."""
    try:
        clock = time.pthread_getcpuclockid(thread)
        time.clock_gettime(clock)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop the block with :class:`LimitExceeded` once its thread has used ``seconds`` of
    CPU time, in whatever thread it runs (the TUI renders in a worker thread, where signals
    cannot reach): a watchdog reads the thread's clock and raises in it."""
    target = threading.get_ident()
    clock = _cpu_clock(target)
    start = clock()
    lock = threading.Lock()
    done = threading.Event()
    state = {"active": True, "fired": False}

    def watch() -> None:
        while not done.wait(_TICK):
            if clock() - start < seconds:
                continue
            with lock:
                if state["active"]:
                    state["fired"] = True
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target),
                                                               ctypes.py_object(_Timeout))
            return

    watchdog = threading.Thread(target=watch, daemon=True, name="drafter-render-watchdog")
    watchdog.start()
    try:
        try:
            yield
        finally:
            with lock:
                state["active"] = False
                if state["fired"]:  # not delivered yet: take it back
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
            done.set()
    except _Timeout as exc:
        raise LimitExceeded(f"chạy quá {_seconds(seconds)} giây", template_of(exc, "")) from None
    if state["fired"]:
        raise LimitExceeded(f"chạy quá {_seconds(seconds)} giây")


def render_limited(template: Template, context: dict[str, Any]) -> str:
    """``template`` rendered within the time and size limits."""
    parts: list[str] = []
    size = 0
    with time_limit(RENDER_SECONDS):
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise LimitExceeded(f"tạo ra hơn {MAX_OUTPUT:,} ký tự".replace(",", "."))
            parts.append(chunk)
    text = "".join(parts)
    bad = XML_ILLEGAL.search(text)
    if bad:  # written literally in a template's text
        raise LimitExceeded(f"có ký tự không hợp lệ trong văn bản (mã U+{ord(bad.group()):04X})")
    return text


def template_of(error: BaseException, fallback: str) -> str:
    """The innermost pack template in ``error``'s traceback (compiled templates keep their
    file name), else ``fallback``."""
    name = fallback
    trace: TracebackType | None = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            name = filename.rsplit("/", 1)[-1]
        trace = trace.tb_next
    return name


def _seconds(seconds: float) -> str:
    return f"{seconds:g}".replace(".", ",")
