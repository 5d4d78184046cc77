"""capy: run untrusted Python code from Python.

Guest code runs inside a capy isolate: a separate Python 3.11 world with its
own heap, that starts with no authority at all and is bounded in memory,
time, steps, output and call depth. The host grants exactly what it wants.

    >>> import capy
    >>> capy.run("sum(range(10))")
    45
"""

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, Literal, TypeAlias

__all__ = ["Error", "GuestError", "LimitExceeded", "Sandbox", "run", "LIMITS", "Convertible", "LimitName"]
__version__: Final[str]

#: What crosses between host and guest, in both directions. Values are
#: copied (converted), never shared: a guest cannot hold a host object.
#: Subclasses of these types (IntEnum, OrderedDict, namedtuple...) convert
#: as their base type; bytearray converts to bytes.
Convertible: TypeAlias = (
    None | bool | int | float | str | bytes | list[Any] | tuple[Any, ...]
    | dict[Any, Any] | set[Any] | frozenset[Any]
)

LimitName: TypeAlias = Literal["memory", "time", "steps", "output", "depth", "source", "terminated"]

#: Every value LimitExceeded.limit takes.
LIMITS: Final[tuple[LimitName, ...]]

DEFAULT_MAX_MEMORY: Final[int]
DEFAULT_MAX_TIME: Final[float]
DEFAULT_MAX_OUTPUT: Final[int]

class Error(Exception):
    """Base class of the errors a run of guest code reports."""

class GuestError(Error):
    """The guest code raised an exception that it did not catch.

    Also raised when the value of the code's last expression cannot cross to
    the host (type_name "TypeError"): the guest passed it, so the failure is
    the guest's.
    """

    type_name: str
    """The exception's class name as the traceback's last line shows it:
    "ValueError", "MyError", "json.decoder.JSONDecodeError"."""
    message: str
    """str() of the exception."""
    traceback: str
    """The complete report, formatted as CPython prints it: "Traceback (most
    recent call last):" ... "ValueError: bad"."""

    def __init__(self, type_name: str, message: str, traceback: str = "") -> None: ...

class LimitExceeded(Error):
    """A limit ended the run; the guest could not catch it.

    An uncaught MemoryError (the guest's allocations passed max_memory) is
    reported as limit "memory", and an uncaught RecursionError (calls nested
    deeper than max_depth) as limit "depth", with the guest's traceback.
    """

    limit: LimitName
    """Which limit: "memory", "time", "steps", "output", "depth", "source"
    (the source text is larger than an isolate accepts, 10 MiB) or
    "terminated" (Sandbox.terminate() ended the run)."""
    message: str
    """A sentence naming the limit ("time limit exceeded")."""
    traceback: str
    """For "memory" and "depth" reached through an uncaught MemoryError or
    RecursionError: the guest's traceback; otherwise ""."""

    def __init__(self, limit: str, message: str = "", traceback: str = "") -> None: ...

class Sandbox:
    """An isolate for running untrusted Python code.

    The isolate starts with no authority: pure computation, the default set
    of importable modules (math, json, re, itertools, functools, collections,
    heapq, bisect, operator, string, dataclasses, enum, typing, abc, copy,
    fractions, decimal, statistics, textwrap, random, datetime, time,
    contextlib, a harmless sys, and capy's own os, os.path, io, shutil and
    pathlib, which reach only granted directories), no files, an empty
    os.environ. The arguments grant more and set the limits.

    Globals persist across run() calls on the same Sandbox, like a REPL
    session. A Sandbox runs one program at a time; different Sandboxes run
    in parallel on different threads (run() releases the GIL).
    """

    def __init__(
        self,
        *,
        allow_imports: Iterable[str] | None = None,
        read_dirs: Iterable[str | os.PathLike[str]] | None = None,
        write_dirs: Iterable[str | os.PathLike[str]] | None = None,
        env: Mapping[str, str] | None = None,
        functions: Mapping[str, Callable[..., Any]] | None = None,
        max_memory: int | None = ...,
        max_time: float | None = ...,
        max_steps: int | None = None,
        max_output: int | None = ...,
        max_depth: int | None = None,
        on_output: Callable[[str], object] | None = None,
    ) -> None:
        """Creates the isolate.

        Args:
            allow_imports: modules importable beyond the default set (only
                modules capy provides; capy has no subprocess, socket, ctypes...).
            read_dirs: directories the guest may read beneath, with open(),
                os, pathlib and shutil (paths resolve beneath them: no "..",
                absolute path or symlink escapes). Each must exist.
            write_dirs: directories the guest may also create, write,
                truncate, rename and delete files beneath.
            env: the guest's os.environ, exactly.
            functions: host functions, callable from guest code by name
                like builtins. They receive converted arguments (positional
                and keyword) and their return value is converted back. An
                exception they raise reaches the guest as the same builtin
                exception type; other exception classes arrive as
                RuntimeError with the message. KeyboardInterrupt, SystemExit
                and other non-Exception BaseExceptions end the run and are
                raised again from run(). A return value that cannot be
                converted ends the run with TypeError raised from run().
                The guest cannot reach the callable itself, its module or
                its globals.
            max_memory: bytes the isolate's heap may hold (a standing limit,
                not per run); None: no limit. Default 64 MiB.
            max_time: wall-clock seconds per run; None: no limit. Default 2.0.
            max_steps: bytecode steps per run; None (default): no limit.
            max_output: bytes of stdout and stderr per run; None: no limit.
                Default 1 MiB.
            max_depth: maximum depth of nested Python calls; None (default):
                1000, CPython's recursion limit.
            on_output: receives the guest's stdout and stderr text, as str,
                on the thread of the run. None (default): the text goes to the
                host's sys.stdout and sys.stderr (as they are at each write).

        Raises:
            FileNotFoundError: a granted directory does not exist.
            TypeError, ValueError: an argument of the wrong type or value.
        """

    def run(self, source: str, inputs: Mapping[str, Any] | None = None,
            filename: str = "job.py") -> Any:
        """Runs source in the isolate and returns the value of its last
        expression statement (None when it ends with another statement).

        Args:
            source: Python 3.11 source text.
            inputs: values bound as globals of the guest before it runs
                (converted; they persist like any global).
            filename: the name tracebacks show for this source.

        Returns:
            The converted value of the last expression statement.

        Raises:
            GuestError: the guest raised an exception it did not catch
                (SyntaxError included), or its last value cannot cross.
            LimitExceeded: a limit, or terminate(), ended the run.
            TypeError: an input cannot be converted (cyclic, or of another
                type), or a host function returned such a value.
            RuntimeError: the Sandbox is already running (from another
                thread, or re-entered from a host function).
            ValueError: the Sandbox is closed.
            BaseException: whatever on_output raised, or a non-Exception
                BaseException raised by a host function (KeyboardInterrupt).
        """

    def terminate(self) -> None:
        """Ends the run in progress, from any thread: run() then raises
        LimitExceeded with limit "terminated". A guest busy in a host
        function stops when that function returns. Does nothing when no run
        is in progress."""

    @property
    def running(self) -> bool:
        """Whether a run is in progress."""

    @property
    def heap_bytes(self) -> int:
        """Bytes the isolate's heap holds now (what max_memory bounds).

        Raises:
            ValueError: the Sandbox is closed.
        """

    def close(self) -> None:
        """Frees the isolate now (it is freed anyway when the Sandbox is
        garbage collected). A closed Sandbox cannot run again.

        Raises:
            RuntimeError: the Sandbox is running.
        """

    @property
    def closed(self) -> bool:
        """Whether close() was called."""

    def __enter__(self) -> "Sandbox": ...
    def __exit__(self, *exc_info: object) -> None:
        """Closes the Sandbox."""

def run(
    source: str,
    *,
    inputs: Mapping[str, Any] | None = None,
    filename: str = "job.py",
    allow_imports: Iterable[str] | None = None,
    read_dirs: Iterable[str | os.PathLike[str]] | None = None,
    write_dirs: Iterable[str | os.PathLike[str]] | None = None,
    env: Mapping[str, str] | None = None,
    functions: Mapping[str, Callable[..., Any]] | None = None,
    max_memory: int | None = ...,
    max_time: float | None = ...,
    max_steps: int | None = None,
    max_output: int | None = ...,
    max_depth: int | None = None,
    on_output: Callable[[str], object] | None = None,
) -> Any:
    """One-shot form of Sandbox(**options).run(source, inputs, filename):
    a fresh isolate, freed afterwards. Same arguments, results and errors."""
