"""Guest output: on_output, or the host's sys.stdout / sys.stderr."""

import io
import sys
import contextlib

import pytest

import capy


def test_on_output_receives_stdout_and_stderr_text():
    chunks = []
    sb = capy.Sandbox(on_output=chunks.append)
    sb.run("import sys\nprint('hello', 42)\nprint('to stderr', file=sys.stderr)\n"
           "sys.stdout.write('no newline')")
    text = "".join(chunks)
    assert text == "hello 42\nto stderr\nno newline"
    assert all(isinstance(c, str) for c in chunks)


def test_on_output_gets_unicode_text():
    chunks = []
    capy.run("print('ünïcödé ✓ 🐍', end='')\nprint('\\u00e9' * 3)", on_output=chunks.append)
    assert "".join(chunks) == "ünïcödé ✓ 🐍ééé\n"


def test_default_output_goes_to_the_hosts_streams(capsys):
    capy.run("import sys\nprint('to stdout')\nprint('to stderr', file=sys.stderr)")
    captured = capsys.readouterr()
    assert captured.out == "to stdout\n"
    assert captured.err == "to stderr\n"


def test_default_output_follows_redirection():
    buffer = io.StringIO()
    sb = capy.Sandbox()
    with contextlib.redirect_stdout(buffer):
        sb.run("print('captured')")
    assert buffer.getvalue() == "captured\n"


def test_output_in_order_with_the_run():
    events = []
    sb = capy.Sandbox(on_output=lambda text: events.append(("out", text)),
                      functions={"note": lambda x: events.append(("call", x))})
    sb.run("print('a')\nnote(1)\nprint('b')")
    assert events == [("out", "a\n"), ("call", 1), ("out", "b\n")]


def test_on_output_that_raises_ends_the_run():
    seen = []

    def fragile(text):
        seen.append(text)
        raise OSError("log sink is full")

    sb = capy.Sandbox(on_output=fragile)
    with pytest.raises(OSError, match="log sink is full"):
        sb.run("print('first')\nwhile True:\n    print('more')")
    assert seen == ["first\n"]


def test_output_of_a_failing_run_is_delivered():
    chunks = []
    with pytest.raises(capy.GuestError):
        capy.run("print('before')\nraise ValueError('x')", on_output=chunks.append)
    assert "".join(chunks) == "before\n"


def test_traceback_is_not_printed_on_the_hosts_stderr(capsys):
    with pytest.raises(capy.GuestError):
        capy.run("1 / 0")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_guest_replacing_sys_stdout():
    chunks = []
    source = ("import sys, io\nbuf = io.StringIO()\nold = sys.stdout\nsys.stdout = buf\n"
              "print('hidden')\nsys.stdout = old\nprint('shown')\nbuf.getvalue()")
    assert capy.run(source, on_output=chunks.append) == "hidden\n"
    assert "".join(chunks) == "shown\n"
