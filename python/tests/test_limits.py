"""Limits: each one ends the run with LimitExceeded naming it."""

import time

import pytest

import capy


def limit_of(source, **options):
    with pytest.raises(capy.LimitExceeded) as info:
        capy.run(source, **options)
    err = info.value
    assert isinstance(err, capy.Error)
    assert err.limit in capy.LIMITS
    assert str(err) == err.message and err.message
    return err


def test_time():
    start = time.monotonic()
    err = limit_of("while True:\n    pass", max_time=0.3)
    elapsed = time.monotonic() - start
    assert err.limit == "time"
    assert 0.25 < elapsed < 5


def test_time_default_is_finite():
    start = time.monotonic()
    assert limit_of("while True:\n    pass").limit == "time"
    assert time.monotonic() - start < capy.DEFAULT_MAX_TIME + 3


def test_time_cuts_sleep_short():
    start = time.monotonic()
    assert limit_of("import time\ntime.sleep(30)", max_time=0.3).limit == "time"
    assert time.monotonic() - start < 5


def test_steps():
    assert limit_of("i = 0\nwhile True:\n    i += 1", max_steps=10000, max_time=30).limit == "steps"
    # a program under the budget is not affected
    assert capy.run("sum(range(100))", max_steps=100000) == 4950


def test_steps_count_per_run():
    sb = capy.Sandbox(max_steps=20000)
    for _ in range(5):
        assert sb.run("sum(i for i in range(1000))") == 499500


def test_memory():
    err = limit_of("blocks = []\nwhile True:\n    blocks.append(bytes(1 << 20))", max_memory=32 << 20)
    assert err.limit == "memory"


def test_memory_single_huge_allocation():
    assert limit_of("'x' * (1 << 40)", max_memory=32 << 20).limit == "memory"
    assert limit_of("[0] * (1 << 40)", max_memory=32 << 20).limit == "memory"
    assert limit_of("10 ** (10 ** 10)", max_memory=32 << 20, max_time=5).limit == "memory"


def test_memory_error_can_be_caught_by_the_guest():
    source = ("try:\n    x = 'x' * (1 << 40)\nexcept MemoryError:\n    x = 'recovered'\nx")
    assert capy.run(source, max_memory=32 << 20) == "recovered"


def test_memory_is_a_standing_limit_of_the_sandbox():
    sb = capy.Sandbox(max_memory=32 << 20)
    sb.run("keep = [bytes(1 << 20) for _ in range(20)]")
    with pytest.raises(capy.LimitExceeded) as info:
        sb.run("more = [bytes(1 << 20) for _ in range(20)]")
    assert info.value.limit == "memory"
    sb.run("del keep")
    assert sb.run("len([bytes(1 << 20) for _ in range(20)])") == 20


def test_output():
    chunks = []
    err = limit_of("while True:\n    print('spam' * 100)", max_output=10000,
                   on_output=chunks.append)
    assert err.limit == "output"
    assert sum(len(c.encode()) for c in chunks) <= 10000


def test_output_counts_per_run():
    sb = capy.Sandbox(max_output=1000, on_output=lambda text: None)
    for _ in range(5):
        sb.run("print('x' * 500)")


def test_depth():
    err = limit_of("def f(n):\n    return f(n + 1)\nf(0)", max_depth=200)
    assert err.limit == "depth"
    assert "RecursionError" in err.traceback


def test_depth_default():
    assert limit_of("def f():\n    f()\nf()").limit == "depth"
    # CPython's default depth is available
    assert capy.run("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(900)") == 900


def test_depth_setting_applies():
    source = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(150)"
    assert capy.run(source, max_depth=400) == 150
    assert limit_of(source, max_depth=100).limit == "depth"


def test_limits_cannot_be_caught_by_the_guest():
    for source in (
        "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass",
        "try:\n    while True:\n        pass\nfinally:\n    while True:\n        pass",
    ):
        assert limit_of(source, max_time=0.3).limit == "time"
    assert limit_of("while True:\n    try:\n        print('x' * 1000)\n    except BaseException:\n        pass",
                    max_output=5000, on_output=lambda t: None).limit == "output"


def test_sandbox_is_usable_after_a_limit():
    sb = capy.Sandbox(max_time=0.3, max_steps=None)
    sb.run("x = 10")
    for _ in range(3):
        with pytest.raises(capy.LimitExceeded):
            sb.run("while True:\n    pass")
        assert sb.run("x + 1") == 11


def test_no_limits_when_asked():
    value = capy.run("sum(range(10 ** 6))", max_memory=None, max_time=None, max_steps=None,
                     max_output=None)
    assert value == sum(range(10 ** 6))


def test_limit_exceeded_is_not_a_guest_error():
    with pytest.raises(capy.Error) as info:
        capy.run("while True:\n    pass", max_time=0.2)
    assert isinstance(info.value, capy.LimitExceeded)
    assert not isinstance(info.value, capy.GuestError)
