"""The engine of the capy package: capy isolates driven through capy's
embedding API. Use the capy package (capy.Sandbox, capy.run), not this
module: its interface may change between versions."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Literal, Protocol, final

VERSION: Final[str]

class _Output(Protocol):
    def write(self, stream: Literal[1, 2], data: bytes) -> object: ...

_Outcome = (
    tuple[Literal["ok"], Any]
    | tuple[Literal["exception"], str, str, str]
    | tuple[Literal["limit"], str, str]
)

@final
class Isolate:
    """One capy isolate; the engine behind capy.Sandbox."""

    def __init__(
        self,
        *,
        modules: Sequence[str] | None = ...,
        read_dirs: Sequence[str] | None = ...,
        write_dirs: Sequence[str] | None = ...,
        env: Sequence[tuple[str, str]] | None = ...,
        functions: Mapping[str, Callable[..., Any]] | None = ...,
        max_memory: int | None = ...,
        max_time: float | None = ...,
        max_steps: int | None = ...,
        max_output: int | None = ...,
        max_depth: int | None = ...,
        output: _Output | None = ...,
    ) -> None: ...
    def run(self, source: str, inputs: dict[str, Any], filename: str) -> _Outcome:
        """Sets the inputs as globals and runs source with the GIL released:
        ("ok", value), ("exception", type_name, message, traceback) or
        ("limit", name, message)."""
    def terminate(self) -> None:
        """Ends the run in progress (from any thread); nothing when none is."""
    def close(self) -> None:
        """Frees the isolate now."""
    @property
    def running(self) -> bool: ...
    @property
    def closed(self) -> bool: ...
    @property
    def heap_bytes(self) -> int: ...
