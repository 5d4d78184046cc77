"""Values crossing between host and guest, in both directions."""

import collections
import enum
import math
import os
import time

import pytest

import capy

SAMPLES = [
    None, True, False, 0, 1, -1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 + 5,
    10**100, -(10**100), 0.0, -0.0, 1.5, -2.25e-300, 1e308, math.inf, -math.inf,
    "", "plain", "ünïcödé ✓ 𝄞 emoji 🐍", "nul\x00inside", b"", b"\x00\xff bytes",
    [], [1, "two", 3.0], (), (1,), (1, (2, (3,))), {}, {"a": 1, "b": [2, 3]},
    {1: "int key", (1, 2): "tuple key", None: "none", 2.5: "float", frozenset({1}): "fs"},
    set(), {1, 2, 3}, frozenset(), frozenset({"a", (1, 2)}),
    {"nested": [{"deep": ({1, 2}, frozenset({b"x"}))}], "t": (None, True)},
]


def same(a, b):
    """Equal, with the same types all the way down (and NaN/-0.0 exact)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


@pytest.mark.parametrize("value", SAMPLES, ids=lambda v: type(v).__name__ + ":" + repr(v)[:30])
def test_round_trip(value):
    sb = capy.Sandbox()
    back = sb.run("v", inputs={"v": value})
    assert same(back, value), (back, value)


def test_types_seen_by_the_guest():
    sb = capy.Sandbox()
    names = sb.run("[type(x).__name__ for x in values]", inputs={"values": [
        None, True, 1, 2**100, 1.0, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset({1})]})
    assert names == ["NoneType", "bool", "int", "int", "float", "str", "bytes", "list",
                     "tuple", "dict", "set", "frozenset"]


def test_values_made_by_the_guest():
    value = capy.run("{'ints': [1, -2**70, 3], 'f': 0.1, 's': 'x' * 3, 'b': bytes(range(4)),"
                     " 't': (1, [2]), 'set': {3, 1}, 'fs': frozenset('ab'), 'none': None,"
                     " 'flag': 1 < 2}")
    assert same(value, {"ints": [1, -2**70, 3], "f": 0.1, "s": "xxx", "b": b"\x00\x01\x02\x03",
                        "t": (1, [2]), "set": {1, 3}, "fs": frozenset("ab"), "none": None,
                        "flag": True})


def test_nan_crosses():
    assert math.isnan(capy.run("x", inputs={"x": math.nan}))
    assert math.isnan(capy.run("float('nan')"))


def test_dict_order_is_kept():
    keys = [f"k{i}" for i in range(50)][::-1]
    back = capy.run("d", inputs={"d": {k: i for i, k in enumerate(keys)}})
    assert list(back) == keys
    assert list(capy.run("{'z': 1, 'a': 2, 'm': 3}")) == ["z", "a", "m"]


def test_big_integers_beyond_the_str_digit_limit():
    # 4300 decimal digits is CPython's int<->str limit; conversion must not
    # go through decimal text.
    n = 7 ** 20000 + 12345
    sb = capy.Sandbox()
    assert sb.run("n % 1000003", inputs={"n": n}) == n % 1000003
    assert sb.run("-n", inputs={"n": n}) == -n
    assert sb.run("(n * n).bit_length()", inputs={"n": n}) == (n * n).bit_length()
    assert sb.run("3 ** 30000") == 3 ** 30000
    assert sb.run("-(2 ** 64)") == -(2 ** 64)


def test_guest_arithmetic_on_converted_values():
    assert capy.run("a * b + c", inputs={"a": 2**80, "b": -3, "c": 0.5}) == 2**80 * -3 + 0.5


def test_subclasses_convert_as_their_base_type():
    class Color(enum.IntEnum):
        RED = 1

    Point = collections.namedtuple("Point", "x y")
    back = capy.run("[type(v).__name__ for v in vals], vals", inputs={"vals": [
        Color.RED, Point(1, 2), collections.OrderedDict(a=1), bytearray(b"ab"),
        collections.defaultdict(int, {"k": 1})]})
    assert back == (["int", "tuple", "dict", "bytes", "dict"],
                    [1, (1, 2), {"a": 1}, b"ab", {"k": 1}])


def test_lone_surrogates():
    assert capy.run("'\\ud800' + 'x'") == "\ud800x"
    with pytest.raises(TypeError, match="surrogate"):
        capy.run("s", inputs={"s": "\udcff"})


@pytest.mark.parametrize("value", [object(), print, lambda: 1, 1j, range(3), memoryview(b"x"),
                                   [1, [2, object()]], {"k": {1: type}}, {object()}])
def test_unconvertible_inputs_raise_type_error_in_the_host(value):
    sb = capy.Sandbox()
    with pytest.raises(TypeError, match="input 'v'"):
        sb.run("1", inputs={"v": value})


def test_cyclic_inputs_raise_type_error_in_the_host():
    a = [1, 2]
    a.append(a)
    d = {"self": None}
    d["self"] = d
    outer = [{"inner": []}]
    outer[0]["inner"].append(outer)
    sb = capy.Sandbox()
    for value in (a, d, outer):
        with pytest.raises(TypeError, match="cyclic"):
            sb.run("1", inputs={"v": value})
    # nothing ran: no global was set
    with pytest.raises(capy.GuestError):
        sb.run("v")


def test_shared_parts_are_not_cycles():
    part = [1, 2]
    value = {"a": part, "b": part, "c": (part, part)}
    assert capy.run("v", inputs={"v": value}) == value
    assert capy.run("p = [1]\n{'a': p, 'b': (p, p)}") == {"a": [1], "b": ([1], [1])}


def test_host_structure_with_exponential_unfolding_is_bounded():
    # 2**60 paths through 61 lists: the host side converts each list once;
    # the guest side either keeps the sharing or runs into max_memory.
    v = []
    for _ in range(60):
        v = [v, v]
    start = time.monotonic()
    try:
        back = capy.run("x = v\nfor _ in range(60):\n    x = x[0]\nx", inputs={"v": v},
                        max_memory=32 << 20)
        assert back == []
    except capy.LimitExceeded as e:
        assert e.limit == "memory"
    assert time.monotonic() - start < 10


GUEST_DAG = """
import os, sys, threading, time
import capy

def watchdog():
    # A memory cap that also works under AddressSanitizer (which needs a
    # huge address space, so RLIMIT_AS cannot be used): the conversion runs
    # without the GIL, so this thread keeps running.
    page = os.sysconf("SC_PAGE_SIZE")
    while True:
        with open("/proc/self/statm") as f:
            rss = int(f.read().split()[1]) * page
        if rss > 1 << 30:
            print("memory cap: 1 GiB of RSS", flush=True)
            os._exit(99)
        time.sleep(0.05)

threading.Thread(target=watchdog, daemon=True).start()
start = time.monotonic()
try:
    got = capy.run("w = []\\nfor _ in range(60):\\n    w = [w, w]\\nw", max_time=5)
    depth = 0
    while got:
        got = got[0]
        depth += 1
    print("result", depth)
except capy.Error as e:
    print("error", type(e).__name__, e)
print("seconds", time.monotonic() - start)
"""


def test_guest_structure_with_exponential_unfolding_is_bounded():
    # The guest builds 61 lists with 2**60 paths through them and returns
    # the last. Converting it path by path would take the host's memory and
    # time without bound; it must cost about its size. (In a child process
    # with a memory cap, so that a failure cannot take the test run down.)
    import subprocess
    import sys
    try:
        done = subprocess.run([sys.executable, "-c", GUEST_DAG], capture_output=True, text=True,
                              timeout=60, env=dict(os.environ))
        out = done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        out = "timed out after 60 s"
    assert "result 60" in out or "error" in out, out
    seconds = float(out.split("seconds")[1]) if "seconds" in out else 1e9
    assert seconds < 10, out


def test_cyclic_guest_value_is_a_guest_type_error():
    sb = capy.Sandbox()
    with pytest.raises(capy.GuestError) as info:
        sb.run("a = [1]\na.append(a)\na")
    assert info.value.type_name == "TypeError"
    with pytest.raises(capy.GuestError) as info:
        sb.run("d = {}\nd['me'] = [d]\nd")
    assert info.value.type_name == "TypeError"
    assert sb.run("len(a)") == 2  # the session goes on


@pytest.mark.parametrize("source,type_name", [
    ("lambda: 1", "function"),
    ("class P:\n    pass\nP()", "P"),
    ("[1, {'k': object()}]", "object"),
    ("iter([1])", "list_iterator"),
    ("print", "builtin_function_or_method"),
])
def test_unconvertible_guest_value_is_a_guest_type_error(source, type_name):
    with pytest.raises(capy.GuestError) as info:
        capy.run(source)
    assert info.value.type_name == "TypeError"
    assert type_name in info.value.message


def test_deep_nesting_is_an_error_not_a_crash():
    deep = []
    for _ in range(100000):
        deep = [deep]
    with pytest.raises(TypeError, match="nested"):
        capy.run("1", inputs={"v": deep})
    with pytest.raises(capy.GuestError) as info:
        capy.run("v = []\nfor _ in range(100000):\n    v = [v]\nv")
    assert info.value.type_name == "TypeError"
    # moderate nesting is fine both ways
    ok = []
    for _ in range(200):
        ok = [ok]
    assert capy.run("v", inputs={"v": ok}) == ok


def test_large_values():
    big = list(range(200000))
    assert capy.run("sum(v)", inputs={"v": big}, max_memory=256 << 20) == sum(big)
    text = capy.run("'ab' * 1_000_000", max_memory=256 << 20)
    assert len(text) == 2_000_000


def test_input_larger_than_the_memory_limit_is_a_limit():
    with pytest.raises(capy.LimitExceeded) as info:
        capy.run("len(v)", inputs={"v": ["x" * 1000 + str(i) for i in range(100000)]},
                 max_memory=8 << 20)
    assert info.value.limit == "memory"
