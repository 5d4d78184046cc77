"""The extension keeps no stray references: objects that cross, callables,
exceptions and outputs are released, run after run."""

import gc
import sys
import tracemalloc

import capy


def test_reference_counts_stay_put():
    def echo(*args, **kwargs):
        return [args, kwargs]

    def fails():
        raise ValueError("x")

    payload = {"a": [1, 2, 3], "b": ("t", 2**100), "c": {1.5}, "d": frozenset({b"x"})}
    sb = capy.Sandbox(functions={"echo": echo, "fails": fails}, on_output=lambda text: None)
    sb.run("echo(1)")
    before = (sys.getrefcount(echo), sys.getrefcount(fails), sys.getrefcount(payload),
              sys.getrefcount(payload["a"]))
    for _ in range(100):
        sb.run("r = echo(p, k=p)\nprint(r)\ntry:\n    fails()\nexcept ValueError:\n    pass\nr",
               inputs={"p": payload})
    after = (sys.getrefcount(echo), sys.getrefcount(fails), sys.getrefcount(payload),
             sys.getrefcount(payload["a"]))
    assert after == before


def test_no_growth_of_python_memory():
    echo = lambda *args, **kwargs: (args, kwargs)  # noqa: E731
    sb = capy.Sandbox(functions={"echo": echo}, on_output=lambda text: None)

    def cycle():
        for i in range(100):
            sb.run("r = echo([1, 'x', b'y', {2: (3.5, None)}, {4}, frozenset({5}), 2**100], k=v)\n"
                   "print('out', i)\nr", inputs={"v": {"a": [1, 2, 3], "b": "text" * 10}, "i": i})
            try:
                sb.run("raise ValueError('bad ' * 10)")
            except capy.GuestError:
                pass
            try:
                sb.run("1", inputs={"v": object()})
            except TypeError:
                pass
            try:
                sb.run("lambda: 0")
            except capy.GuestError:
                pass

    cycle()
    gc.collect()
    tracemalloc.start()
    try:
        cycle()
        gc.collect()
        first = tracemalloc.get_traced_memory()[0]
        for _ in range(3):
            cycle()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - first
    finally:
        tracemalloc.stop()
    # 1200 runs: a reference leaked per run would be tens of kilobytes or more
    assert grown < 20_000, f"Python memory grew by {grown} bytes over 1200 runs"


def test_sandboxes_are_freed():
    import weakref
    holder = []

    def keep_sandbox():
        sb = capy.Sandbox(functions={"f": lambda: holder.append(1)})
        sb.run("f()")
        return weakref.ref(sb)

    ref = keep_sandbox()
    gc.collect()
    assert ref() is None

    # a host function that refers to its own sandbox makes a cycle: the
    # cycle collector frees it
    def cyclic():
        box = {}
        sb = capy.Sandbox(functions={"me": lambda: box["sb"].running})
        box["sb"] = sb
        assert sb.run("me()") is True
        return weakref.ref(sb)

    ref = cyclic()
    gc.collect()
    assert ref() is None
