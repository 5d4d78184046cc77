"""capy: run untrusted Python code from Python.

Guest code runs inside a capy isolate: a separate Python 3.11 world with its
own heap, that starts with no authority at all (no files, no environment, no
imports beyond pure computation) and is bounded in memory, time, steps,
output and call depth. The host grants exactly what it wants::

    import capy

    sb = capy.Sandbox(allow_imports=["json"], functions={"lookup": lookup},
                      max_memory=64 << 20, max_time=2.0)
    value = sb.run("x = lookup('a')\\nx * 2", inputs={"bonus": 1})

Values cross between host and guest by conversion (None, bool, int, float,
str, bytes, list, tuple, dict, set, frozenset, nested); nothing else crosses.
A guest exception raises GuestError; a limit raises LimitExceeded.
"""

from __future__ import annotations

import codecs
import os
import sys
from typing import Any, Literal, Union

try:
    from . import _capy
except ModuleNotFoundError as exc:  # pragma: no cover - only without a built extension
    if exc.name != __name__ + "._capy":
        raise
    raise ImportError(
        "capy's extension module (capy._capy) is not built for this interpreter "
        f"({sys.executable}): install the package with `pip install ./python` "
        "or build it with `bash scripts/python.sh build`") from exc

__all__ = ["Error", "GuestError", "LimitExceeded", "Sandbox", "run", "LIMITS", "Convertible", "LimitName"]
__version__ = _capy.VERSION

#: What crosses between host and guest, in both directions (see the stub).
Convertible = (None | bool | int | float | str | bytes | list[Any] | tuple[Any, ...]
               | dict[Any, Any] | set[Any] | frozenset[Any])
LimitName = Union[Literal["memory"], Literal["time"], Literal["steps"], Literal["output"],
                  Literal["depth"], Literal["source"], Literal["terminated"]]

#: The values LimitExceeded.limit takes.
LIMITS: tuple[LimitName, ...] = ("memory", "time", "steps", "output", "depth", "source",
                                 "terminated")

# Defaults of the Sandbox limits: finite memory, time and output, so that a
# Sandbox made with no arguments is safe for untrusted code.
DEFAULT_MAX_MEMORY = 64 << 20
DEFAULT_MAX_TIME = 2.0
DEFAULT_MAX_OUTPUT = 1 << 20


class Error(Exception):
    """Base class of the errors a run of guest code reports."""


class GuestError(Error):
    """The guest code raised an exception that it did not catch.

    Attributes:
        type_name: the exception's class name as the traceback's last line
            shows it ("ValueError", "MyError", "json.decoder.JSONDecodeError").
        message: str() of the exception.
        traceback: the complete report, formatted as CPython prints it.
    """

    def __init__(self, type_name: str, message: str, traceback: str = ""):
        super().__init__(type_name, message, traceback)
        self.type_name = type_name
        self.message = message
        self.traceback = traceback

    def __str__(self) -> str:
        return f"{self.type_name}: {self.message}" if self.message else self.type_name


class LimitExceeded(Error):
    """A limit ended the run; the guest could not catch it.

    Attributes:
        limit: which one: "memory", "time", "steps", "output", "depth",
            "source" (the source text is larger than the isolate accepts) or
            "terminated" (Sandbox.terminate() was called).
        message: a sentence naming the limit.
        traceback: for "memory" when the guest ended with an uncaught
            MemoryError, its formatted traceback; otherwise "".
    """

    def __init__(self, limit: str, message: str = "", traceback: str = ""):
        super().__init__(limit, message, traceback)
        self.limit = limit
        self.message = message or f"{limit} limit exceeded"
        self.traceback = traceback

    def __str__(self) -> str:
        return self.message


def _positive(name, value, kind, allow_none=True):
    if value is None:
        if allow_none:
            return None
        raise TypeError(f"{name} must not be None")
    if isinstance(value, bool) or not isinstance(value, kind):
        expected = "a number" if kind is not int else "an int"
        raise TypeError(f"{name} must be {expected} or None, not {type(value).__name__}")
    if not value > 0:
        raise ValueError(f"{name} must be positive, not {value!r}")
    return value


def _names(option, values):
    if values is None:
        return []
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{option} must be a list of names, not a single {type(values).__name__}")
    names = []
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"{option} must hold str, not {type(value).__name__}")
        names.append(value)
    return names


def _directories(option, values):
    if values is None:
        return []
    if isinstance(values, (str, bytes)) or hasattr(values, "__fspath__"):
        raise TypeError(f"{option} must be a list of directories, not a single path")
    result = []
    for value in values:
        path = os.fspath(value)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        path = os.path.abspath(path)
        if not os.path.isdir(path):
            raise FileNotFoundError(f"{option}: not a directory: {path!r}")
        result.append(path)
    return result


class _Output:
    """Routes the guest's stdout (1) and stderr (2) bytes to on_output or to
    the host's sys.stdout / sys.stderr (looked up at each write, so
    redirection and capture by the host apply), decoding UTF-8 across
    write boundaries."""

    def __init__(self, on_output):
        if on_output is not None and not callable(on_output):
            raise TypeError("on_output must be callable or None")
        self._on_output = on_output
        self._decoders = {}

    def write(self, stream: int, data: bytes) -> None:
        decoder = self._decoders.get(stream)
        if decoder is None:
            decoder = self._decoders[stream] = codecs.getincrementaldecoder("utf-8")("replace")
        text = decoder.decode(data)
        if text:
            self._emit(stream, text)

    def flush(self, stream: int) -> None:
        decoder = self._decoders.get(stream)
        if decoder is not None:
            text = decoder.decode(b"", final=True)
            if text:
                self._emit(stream, text)
        if self._on_output is None:
            target = sys.stderr if stream == 2 else sys.stdout
            if target is not None:
                target.flush()

    def _emit(self, stream: int, text: str) -> None:
        if self._on_output is not None:
            self._on_output(text)
            return
        target = sys.stderr if stream == 2 else sys.stdout
        if target is not None:
            target.write(text)


class Sandbox:
    """An isolate for running untrusted Python code, with the abilities and
    limits given here. Globals persist across run() calls (a session).

    See capy/__init__.pyi or docs/python.md for every parameter.
    """

    def __init__(self, *, allow_imports=None, read_dirs=None, write_dirs=None, env=None,
                 functions=None, max_memory=DEFAULT_MAX_MEMORY, max_time=DEFAULT_MAX_TIME,
                 max_steps=None, max_output=DEFAULT_MAX_OUTPUT, max_depth=None,
                 on_output=None):
        modules = _names("allow_imports", allow_imports)
        read = _directories("read_dirs", read_dirs)
        write = _directories("write_dirs", write_dirs)
        environ = []
        if env is not None:
            for key, value in dict(env).items():
                if not isinstance(key, str) or not isinstance(value, str):
                    raise TypeError("env must map str to str")
                environ.append((key, value))
        host_functions = {}
        if functions is not None:
            for name, function in dict(functions).items():
                if not isinstance(name, str) or not name.isidentifier():
                    raise ValueError(f"function name {name!r} is not an identifier")
                if not callable(function):
                    raise TypeError(f"functions[{name!r}] is not callable")
                host_functions[name] = function
        self._output = _Output(on_output)
        self._isolate = _capy.Isolate(
            modules=modules, read_dirs=read, write_dirs=write, env=environ,
            functions=host_functions,
            max_memory=_positive("max_memory", max_memory, int),
            max_time=_positive("max_time", max_time, (int, float)),
            max_steps=_positive("max_steps", max_steps, int),
            max_output=_positive("max_output", max_output, int),
            max_depth=_positive("max_depth", max_depth, int),
            output=self._output)

    def run(self, source: str, inputs=None, filename: str = "job.py"):
        """Runs source in the isolate and returns the value of its last
        expression statement (None when it ends with another statement)."""
        if not isinstance(source, str):
            raise TypeError(f"source must be str, not {type(source).__name__}")
        if not isinstance(filename, str):
            raise TypeError(f"filename must be str, not {type(filename).__name__}")
        if inputs is None:
            inputs = {}
        elif not isinstance(inputs, dict):
            inputs = dict(inputs)
        for name in inputs:
            if not isinstance(name, str):
                raise TypeError(f"input names must be str, not {type(name).__name__}")
        try:
            outcome = self._isolate.run(source, inputs, filename)
        finally:
            self._output.flush(1)
            self._output.flush(2)
        kind = outcome[0]
        if kind == "ok":
            return outcome[1]
        if kind == "exception":
            _, type_name, message, traceback = outcome
            # These two escape only when the guest passed max_memory or
            # max_depth (or raised them itself): reported as the limits.
            if type_name == "MemoryError":
                raise LimitExceeded("memory", "memory limit exceeded", traceback)
            if type_name == "RecursionError":
                raise LimitExceeded("depth", "call depth limit exceeded", traceback)
            raise GuestError(type_name, message, traceback)
        _, limit, message = outcome
        raise LimitExceeded(limit, message)

    def terminate(self) -> None:
        """Ends the run in progress (from any thread): it raises
        LimitExceeded("terminated"). Does nothing when no run is in progress."""
        self._isolate.terminate()

    @property
    def running(self) -> bool:
        """Whether a run is in progress."""
        return self._isolate.running

    @property
    def heap_bytes(self) -> int:
        """Bytes the isolate's heap holds now (what max_memory bounds)."""
        return self._isolate.heap_bytes

    def close(self) -> None:
        """Frees the isolate now (it is freed anyway when the Sandbox is
        garbage collected). A closed Sandbox cannot run again."""
        self._isolate.close()

    @property
    def closed(self) -> bool:
        return self._isolate.closed

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "running" if self.running else "idle"
        return f"<capy.Sandbox {state}>"


def run(source: str, *, inputs=None, filename: str = "job.py", **options):
    """One-shot form: Sandbox(**options).run(source, inputs, filename), with
    the isolate freed afterwards."""
    with Sandbox(**options) as sandbox:
        return sandbox.run(source, inputs, filename)
