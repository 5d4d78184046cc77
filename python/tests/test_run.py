"""Sandbox.run and capy.run: results, inputs, sessions, errors, options."""

import os
import sys

import pytest

import capy


def test_module_comes_from_a_build_not_the_source_tree():
    extension = capy._capy.__file__
    assert extension.endswith((".so", ".pyd")), extension
    assert capy.__version__ == capy._capy.VERSION
    assert set(capy.__all__) >= {"Sandbox", "run", "GuestError", "LimitExceeded", "Error"}


def test_last_expression_is_the_result():
    sb = capy.Sandbox()
    assert sb.run("1 + 2") == 3
    assert sb.run("x = 5\nx * 2") == 10
    assert sb.run("def f(a):\n    return a * 3\nf(7)") == 21


def test_code_ending_with_a_statement_returns_none():
    sb = capy.Sandbox()
    assert sb.run("x = 1") is None
    assert sb.run("for i in range(3):\n    pass") is None
    assert sb.run("") is None
    assert sb.run("# only a comment\n") is None
    assert sb.run("1\nx = 2") is None


def test_one_shot_run():
    assert capy.run("sum(range(10))") == 45
    assert capy.run("a + b", inputs={"a": 2, "b": 40}) == 42
    assert capy.run("len(big)", inputs={"big": list(range(1000))}, max_time=1.0) == 1000


def test_inputs_become_globals():
    sb = capy.Sandbox()
    result = sb.run("def total():\n    return sum(values) + bonus\ntotal()",
                    inputs={"values": [1, 2, 3], "bonus": 10})
    assert result == 16
    assert sb.run("sorted(k for k in globals() if not k.startswith('__'))") == \
        ["bonus", "total", "values"]


def test_globals_persist_across_runs_of_one_sandbox():
    sb = capy.Sandbox()
    sb.run("counter = 0\ndef bump():\n    global counter\n    counter += 1\n    return counter")
    assert sb.run("bump()") == 1
    assert sb.run("bump()") == 2
    assert sb.run("counter") == 2
    sb.run("x = 1", inputs={"counter": 100})
    assert sb.run("bump()") == 101
    # an import made in one run is there in the next
    sb.run("import json")
    assert sb.run("json.dumps([1])") == "[1]"


def test_sandboxes_do_not_share_globals():
    a, b = capy.Sandbox(), capy.Sandbox()
    a.run("secret = 'only in a'")
    with pytest.raises(capy.GuestError) as info:
        b.run("secret")
    assert info.value.type_name == "NameError"
    assert "secret" in info.value.message
    assert a.run("secret") == "only in a"


def test_a_session_survives_a_guest_error():
    sb = capy.Sandbox()
    sb.run("x = 41")
    with pytest.raises(capy.GuestError):
        sb.run("x = x + 1\nraise ValueError('stop')")
    assert sb.run("x") == 42


def test_guest_error_attributes():
    source = "def inner():\n    raise ValueError('bad value')\n\ndef outer():\n    inner()\n\nouter()\n"
    with pytest.raises(capy.GuestError) as info:
        capy.run(source, filename="task.py")
    err = info.value
    assert err.type_name == "ValueError"
    assert err.message == "bad value"
    assert str(err) == "ValueError: bad value"
    tb = err.traceback
    assert tb.startswith("Traceback (most recent call last):\n")
    assert 'File "task.py", line 7, in <module>' in tb
    assert 'File "task.py", line 5, in outer' in tb
    assert 'File "task.py", line 2, in inner' in tb
    assert "raise ValueError('bad value')" in tb
    assert tb.rstrip("\n").endswith("ValueError: bad value")
    assert isinstance(err, capy.Error)
    assert not isinstance(err, capy.LimitExceeded)


def test_guest_error_of_a_guest_class():
    with pytest.raises(capy.GuestError) as info:
        capy.run("class QuotaError(Exception):\n    pass\nraise QuotaError('over', 3)")
    assert info.value.type_name == "QuotaError"
    assert info.value.message == "('over', 3)"


def test_guest_error_with_empty_message():
    with pytest.raises(capy.GuestError) as info:
        capy.run("raise KeyError")
    assert info.value.type_name == "KeyError"
    assert info.value.message == ""
    assert str(info.value) == "KeyError"


def test_syntax_error_is_a_guest_error():
    with pytest.raises(capy.GuestError) as info:
        capy.run("x = (1,\n", filename="broken.py")
    assert info.value.type_name == "SyntaxError"
    assert "broken.py" in info.value.traceback


def test_exception_caught_by_the_guest_is_not_reported():
    assert capy.run("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    r = str(e)\nr") == \
        "division by zero"


def test_default_filename_is_job_py():
    with pytest.raises(capy.GuestError) as info:
        capy.run("1 / 0")
    assert 'File "job.py", line 1' in info.value.traceback


def test_argument_checking():
    sb = capy.Sandbox()
    with pytest.raises(TypeError):
        sb.run(b"1 + 1")
    with pytest.raises(TypeError):
        sb.run("1", inputs={1: 2})
    with pytest.raises(TypeError):
        sb.run("1", filename=3)
    with pytest.raises(TypeError):
        capy.Sandbox(allow_imports="json")
    with pytest.raises(TypeError):
        capy.Sandbox(read_dirs="/tmp")
    with pytest.raises(FileNotFoundError):
        capy.Sandbox(read_dirs=["/nonexistent/capy/dir"])
    with pytest.raises(ValueError):
        capy.Sandbox(max_time=0)
    with pytest.raises(ValueError):
        capy.Sandbox(max_memory=-1)
    with pytest.raises(TypeError):
        capy.Sandbox(max_steps=1.5)
    with pytest.raises(TypeError):
        capy.Sandbox(max_depth=True)
    with pytest.raises(TypeError):
        capy.Sandbox(env={"A": 1})
    with pytest.raises(TypeError):
        capy.Sandbox(functions={"f": 3})
    with pytest.raises(ValueError):
        capy.Sandbox(functions={"not a name": len})
    with pytest.raises(TypeError):
        capy.Sandbox(on_output="stdout")
    with pytest.raises(TypeError):
        capy.Sandbox(unknown_option=1)


def test_close_and_context_manager():
    with capy.Sandbox() as sb:
        assert sb.run("2 ** 10") == 1024
        assert not sb.closed
        assert sb.heap_bytes > 0
    assert sb.closed
    assert "closed" in repr(sb)
    with pytest.raises(ValueError, match="closed"):
        sb.run("1")
    sb.close()  # twice is fine


def test_default_imports_and_allow_imports():
    assert capy.run("import json, math, re, collections\njson.dumps({'a': math.floor(2.5)})") == \
        '{"a": 2}'
    for module in ("subprocess", "socket", "ctypes", "posix"):
        with pytest.raises(capy.GuestError) as info:
            capy.run(f"import {module}", allow_imports=[module])
        assert info.value.type_name in ("ImportError", "ModuleNotFoundError"), module


def test_env_is_exactly_what_is_granted(monkeypatch):
    monkeypatch.setenv("CAPY_HOST_ONLY", "host-value")
    assert capy.run("import os\ndict(os.environ)") == {}
    assert capy.run("import os\ndict(os.environ)", env={"LANG": "C", "MODE": "test"}) == \
        {"LANG": "C", "MODE": "test"}
    assert capy.run("import os\nos.environ.get('CAPY_HOST_ONLY')", env={"LANG": "C"}) is None


def test_read_dirs(workspace):
    box = str(workspace / "box")
    assert capy.run(f"open({box + '/data.txt'!r}).read()", read_dirs=[box]) == \
        "hello from the box\nsecond line\n"
    # pathlib.Path is accepted as a directory
    assert capy.run(f"import os\nsorted(os.listdir({box!r}))", read_dirs=[workspace / "box"]) == \
        ["data.txt", "link", "sub", "updir"]
    with pytest.raises(capy.GuestError) as info:
        capy.run(f"open({box + '/new.txt'!r}, 'w').write('x')", read_dirs=[box])
    assert info.value.type_name == "PermissionError"
    assert not (workspace / "box" / "new.txt").exists()
    # without a grant there is no file access at all
    with pytest.raises(capy.GuestError):
        capy.run(f"open({box + '/data.txt'!r}).read()")


def test_write_dirs(workspace):
    box = str(workspace / "box")
    source = (f"with open({box + '/out.txt'!r}, 'w') as f:\n"
              "    f.write('written by the guest')\n"
              f"open({box + '/out.txt'!r}).read()")
    assert capy.run(source, write_dirs=[box]) == "written by the guest"
    assert (workspace / "box" / "out.txt").read_text() == "written by the guest"
    with pytest.raises(capy.GuestError) as info:
        capy.run(f"open({str(workspace / 'victim.txt')!r}, 'w').write('x')", write_dirs=[box])
    assert info.value.type_name in ("PermissionError", "FileNotFoundError")
    assert (workspace / "victim.txt").read_text() == "victim\n"


def test_sandbox_repr_and_running_flag():
    sb = capy.Sandbox()
    assert not sb.running
    assert repr(sb) == "<capy.Sandbox idle>"
    seen = []
    sb2 = capy.Sandbox(functions={"probe": lambda: seen.append(sb2.running)})
    sb2.run("probe()")
    assert seen == [True]
    assert not sb2.running


def test_many_sandboxes_are_cheap_and_freed():
    for i in range(200):
        assert capy.run("i * 2", inputs={"i": i}) == i * 2
