"""The type stubs (capy/__init__.pyi, capy/_capy.pyi) agree with the module
at run time (mypy's stubtest), and a type checker accepts correct uses of the
interface and rejects wrong ones."""

import os
import pathlib
import subprocess
import sys
import textwrap

import capy

PACKAGE_PARENT = str(pathlib.Path(capy.__file__).resolve().parent.parent)
if pathlib.Path(capy.__file__).is_symlink():
    # a build directory's staged package: its parent is the import root
    PACKAGE_PARENT = str(pathlib.Path(capy.__file__).parent.parent)


def mypy(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=PACKAGE_PARENT, MYPYPATH=PACKAGE_PARENT)
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=600)


def test_stubs_match_the_runtime():
    allowlist = pathlib.Path(__file__).with_name("stubtest_allowlist.txt")
    done = mypy("mypy.stubtest", "--allowlist", str(allowlist), "capy")
    assert done.returncode == 0, done.stdout + done.stderr


GOOD = """
import capy
from pathlib import Path

def lookup(key: str) -> int:
    return 1

sb = capy.Sandbox(allow_imports=["json"], read_dirs=[Path("/tmp")], write_dirs=["/tmp"],
                  env={"LANG": "C"}, functions={"lookup": lookup}, max_memory=64 << 20,
                  max_time=2.0, max_steps=None, max_output=1 << 20, max_depth=None,
                  on_output=print)
value = sb.run("x = lookup('a')\\nx * 2", inputs={"bonus": 1}, filename="job.py")
try:
    capy.run("1", max_time=1, inputs={"a": [1]})
except capy.GuestError as e:
    name: str = e.type_name + e.traceback + e.message
except capy.LimitExceeded as e:
    which: capy.LimitName = e.limit
except capy.Error:
    pass
with capy.Sandbox() as s2:
    s2.terminate()
    running: bool = s2.running or s2.closed
    n: int = s2.heap_bytes
limits: tuple[str, ...] = capy.LIMITS
"""

BAD = {
    "capy.Sandbox(max_time='2')": "max_time",
    "capy.Sandbox(read_dirs=3)": "read_dirs",
    "capy.run(b'1')": "run",
    "capy.Sandbox(functions={'f': 3})": "Dict entry",
    "capy.Sandbox().run('1', filename=3)": "filename",
    "capy.Sandbox(1)": "Too many positional",
    "x: int = capy.LimitExceeded('time').limit": "Incompatible types",
}


def test_type_checker_accepts_correct_use(tmp_path):
    (tmp_path / "good.py").write_text(GOOD)
    done = mypy("mypy", "--strict", "--no-incremental", "good.py", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_type_checker_rejects_wrong_use(tmp_path):
    lines = ["import capy"] + list(BAD)
    (tmp_path / "bad.py").write_text("\n".join(lines) + "\n")
    done = mypy("mypy", "--no-incremental", "bad.py", cwd=tmp_path)
    report = done.stdout
    for number, (line, expected) in enumerate(BAD.items(), start=2):
        errors = [l for l in report.splitlines() if l.startswith(f"bad.py:{number}:")]
        assert errors and expected in " ".join(errors), f"{line!r} not rejected:\n{report}"
