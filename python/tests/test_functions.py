"""Host functions: Python callables the guest calls by name."""

import threading

import pytest

import capy

# A module-level secret: the guest must never reach the globals of the
# module that defines a host function.
MODULE_SECRET = "CAPY-SECRET-module-globals"


def lookup(key):
    return {"a": 21, "b": [1, 2]}[key]


def test_host_function_receives_and_returns_converted_values():
    calls = []

    def record(*args, **kwargs):
        calls.append((args, kwargs))
        return {"echo": list(args), "kw": kwargs}

    sb = capy.Sandbox(functions={"lookup": lookup, "record": record})
    assert sb.run("x = lookup('a')\nx * 2") == 42
    result = sb.run("record(1, 'two', (3,), {4}, b'5', n=None, big=2**100)")
    assert calls == [((1, "two", (3,), {4}, b"5"), {"n": None, "big": 2**100})]
    assert result == {"echo": [1, "two", (3,), {4}, b"5"], "kw": {"n": None, "big": 2**100}}
    assert sb.run("type(record()).__name__") == "dict"


def test_host_function_arguments_are_copies():
    seen = []

    def keep(value):
        seen.append(value)
        value.append("host side")
        return value

    sb = capy.Sandbox(functions={"keep": keep})
    assert sb.run("data = [1]\nback = keep(data)\n(data, back)") == ([1], [1, "host side"])
    assert seen == [[1, "host side"]]


def test_host_function_is_a_builtin_everywhere():
    sb = capy.Sandbox(functions={"lookup": lookup})
    source = ("def helper():\n    return lookup('a')\n"
              "class K:\n    v = lookup('b')\n"
              "[helper(), K.v, (lambda: lookup('a'))(), [lookup(k) for k in 'a']]")
    assert sb.run(source) == [21, [1, 2], 21, [21]]


def test_builtin_exception_types_reach_the_guest():
    def fails(kind):
        if kind == "value":
            raise ValueError("bad value")
        if kind == "key":
            raise KeyError("missing")
        if kind == "perm":
            raise PermissionError("not allowed")
        if kind == "zero":
            return 1 / 0
        if kind == "lookup":
            return lookup("zzz")
        raise TypeError("wrong kind")

    sb = capy.Sandbox(functions={"fails": fails})
    source = ("out = []\n"
              "for kind in ['value', 'key', 'perm', 'zero', 'lookup', 'other']:\n"
              "    try:\n"
              "        fails(kind)\n"
              "    except Exception as e:\n"
              "        out.append((type(e).__name__, e.args))\n"
              "out")
    assert sb.run(source) == [
        ("ValueError", ("bad value",)),
        ("KeyError", ("missing",)),
        ("PermissionError", ("not allowed",)),
        ("ZeroDivisionError", ("division by zero",)),
        ("KeyError", ("zzz",)),
        ("TypeError", ("wrong kind",)),
    ]
    # caught as its base classes too
    assert sb.run("try:\n    fails('perm')\nexcept OSError:\n    r = 'OSError'\nr") == "OSError"
    assert sb.run("try:\n    fails('key')\nexcept LookupError as e:\n    r = str(e)\nr") == "'missing'"


def test_uncaught_host_exception_is_a_guest_error():
    def fails():
        raise ValueError("from the host")

    with pytest.raises(capy.GuestError) as info:
        capy.run("x = 1\nfails()", functions={"fails": fails}, filename="calls.py")
    assert info.value.type_name == "ValueError"
    assert info.value.message == "from the host"
    assert 'File "calls.py", line 2' in info.value.traceback
    # the host's frames and file names are not in the guest's traceback
    assert __file__ not in info.value.traceback
    assert "test_functions" not in info.value.traceback


def test_other_exception_classes_arrive_as_runtime_error():
    class QuotaExceeded(Exception):
        pass

    class NotBuiltin(ValueError):
        pass

    def quota():
        raise QuotaExceeded("quota of 3 calls used")

    def sub():
        raise NotBuiltin("subclass of a builtin")

    sb = capy.Sandbox(functions={"quota": quota, "sub": sub})
    source = ("def catch(f):\n    try:\n        f()\n    except Exception as e:\n"
              "        return (type(e).__name__, str(e))\n"
              "[catch(quota), catch(sub)]")
    assert sb.run(source) == [("RuntimeError", "quota of 3 calls used"),
                              ("RuntimeError", "subclass of a builtin")]


def test_guest_cannot_reach_the_callable_its_module_or_globals():
    class Tool:
        secret = "CAPY-SECRET-bound-object"

        def method(self, x):
            return x

    def closure_maker():
        hidden = "CAPY-SECRET-closure-cell"

        def inner():
            return len(hidden)
        return inner

    sb = capy.Sandbox(functions={"lookup": lookup, "method": Tool().method,
                                 "inner": closure_maker(), "builtin": len})
    probe = r'''
found = []
def scan(obj, label, depth=0):
    if depth > 3:
        return
    try:
        names = dir(obj)
    except Exception:
        return
    for name in names:
        try:
            value = getattr(obj, name)
        except Exception:
            continue
        text = repr(value)
        found.append(label + '.' + name + '=' + text[:200])
        if name in ('__self__', '__globals__', '__closure__', '__func__', '__wrapped__',
                    '__module__', '__dict__', '__code__', '__call__', '__reduce__'):
            scan(value, label + '.' + name, depth + 1)
for f in (lookup, method, inner, builtin):
    scan(f, f.__name__)
    for attempt in ("f.__reduce_ex__(2)", "f.__reduce__()", "vars(f)", "f.__self__.__dict__",
                    "type(f).__dict__", "f.__call__.__self__"):
        try:
            found.append(repr(eval(attempt, {'f': f})))
        except Exception as e:
            found.append(type(e).__name__)
try:
    import gc
    found.append(repr(gc.get_referents(lookup)))
except Exception as e:
    found.append(type(e).__name__)
'\n'.join(found)
'''
    text = sb.run(probe)
    assert "CAPY-SECRET" not in text
    assert "test_functions" not in text
    assert __file__ not in text
    for attribute in ("__globals__", "__closure__", "__code__", "__wrapped__", "__func__"):
        assert sb.run(f"hasattr(lookup, {attribute!r})") is False
    assert sb.run("getattr(lookup, '__self__', None)") is None
    assert sb.run("lookup.__name__") == "lookup"


def test_host_function_returning_an_unconvertible_value_raises_type_error_in_the_host():
    after = []

    def bad():
        return object()

    def mark():
        after.append(True)

    sb = capy.Sandbox(functions={"bad": bad, "mark": mark})
    with pytest.raises(TypeError, match="return value of host function 'bad'"):
        sb.run("try:\n    bad()\nexcept BaseException:\n    pass\nmark()\nwhile True:\n    mark()")
    assert after == []  # the run ended at once: the guest could not go on
    assert sb.run("1 + 1") == 2  # and the Sandbox is usable again


def test_host_function_returning_a_cycle_raises_type_error_in_the_host():
    def cyclic():
        a = []
        a.append(a)
        return a

    with pytest.raises(TypeError, match="cyclic"):
        capy.run("cyclic()", functions={"cyclic": cyclic})


def test_guest_passing_an_unconvertible_argument_gets_type_error():
    calls = []
    sb = capy.Sandbox(functions={"f": lambda *a, **k: calls.append(a)})
    source = ("out = []\nfor arg in (lambda: 0, object(), [1, print]):\n"
              "    try:\n        f(arg)\n    except TypeError as e:\n        out.append(str(e))\n"
              "try:\n    f(k=object)\nexcept TypeError as e:\n    out.append(str(e))\nout")
    messages = sb.run(source)
    assert len(messages) == 4
    assert all("host function 'f'" in m for m in messages)
    assert calls == []


def test_keyboard_interrupt_in_a_host_function_reaches_the_host():
    def interrupt():
        raise KeyboardInterrupt

    sb = capy.Sandbox(functions={"interrupt": interrupt})
    with pytest.raises(KeyboardInterrupt):
        sb.run("try:\n    interrupt()\nexcept BaseException:\n    pass\nwhile True:\n    pass")
    assert sb.run("'still usable'") == "still usable"

    def exit_now():
        raise SystemExit(3)

    with pytest.raises(SystemExit):
        capy.run("exit_now()", functions={"exit_now": exit_now})


def test_re_entering_the_same_sandbox_is_refused():
    holder = {}

    def reenter():
        return holder["sb"].run("1")

    sb = holder["sb"] = capy.Sandbox(functions={"reenter": reenter})
    with pytest.raises(capy.GuestError) as info:
        sb.run("reenter()")
    assert info.value.type_name == "RuntimeError"
    assert "already running" in info.value.message


def test_host_function_may_run_another_sandbox():
    inner = capy.Sandbox()
    outer = capy.Sandbox(functions={"evaluate": lambda src: inner.run(src)})
    assert outer.run("evaluate('6 * 7') + 1") == 43


def test_host_function_runs_on_the_thread_of_the_run_with_the_gil():
    threads = []
    sb = capy.Sandbox(functions={"where": lambda: threads.append(threading.get_ident())})
    sb.run("where()")
    worker = threading.Thread(target=sb.run, args=("where()",))
    worker.start()
    worker.join()
    assert threads == [threading.get_ident(), worker.ident]


def test_many_calls():
    count = [0]

    def tick():
        count[0] += 1
        return count[0]

    assert capy.run("for _ in range(20000):\n    n = tick()\nn", functions={"tick": tick}) == 20000
