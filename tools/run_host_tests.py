#!/usr/bin/env python3
"""capy's host-behaviour test runner.

Runs the programs under tests/host: behaviour that is capy's own rather than
CPython's (capabilities granted and denied, limits that end a run), so their
expectations are written in the test file itself instead of coming from
CPython. Each test starts with header comments:

  # flags: --allow-read={BOX} --max-time=1   engine flags (repeatable)
  # exit: 3                                  required exit status (default 0)
  # stdout: a line                           a line stdout must contain exactly (repeatable)
  # stderr: some text                        a substring stderr must contain (repeatable)
  # absent: some text                        in neither stdout nor stderr (repeatable)

Placeholders in flags and expectations: {WS} is a fresh temporary workspace,
{BOX} is {WS}/box. The workspace holds

  outside.txt           "outside\\n"; must not change
  box/data.txt          "hello from the box\\nsecond line\\n"
  box/sub/inner.txt     "inner\\n"
  box/link              symlink to {WS}/outside.txt (absolute)
  box/updir             symlink to .. (relative: the workspace itself)

and the test runs with {WS} as its working directory, as
`ENGINE [flags] /abs/path/NAME.py`. Besides its own expectations a test fails
when outside.txt changed or when anything appeared, vanished or changed
outside box/ (the test file is not copied into the workspace).

Usage:
  tools/run_host_tests.py [--engine CMD] [--jobs N] [--timeout S] [--filter PAT]
                          [--verbose] [PATH...]

The last line printed is "N passed, N failed".
"""

import argparse
import concurrent.futures
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_tests import (REPO, Result, collect, communicate, describe_status,  # noqa: E402
                       display_name, indent, resolve_engine)

DEFAULT_TESTS = os.path.join(REPO, "tests", "host")
HEADER_KEYS = ("flags", "exit", "stdout", "stderr", "absent")


def parse_header(path):
    """Returns {key: [values]} from the leading comment lines of PATH."""
    spec = {k: [] for k in HEADER_KEYS}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            body = line[1:].strip()
            key, sep, value = body.partition(":")
            key = key.strip()
            if sep and key in spec:
                spec[key].append(value.strip())
    return spec


def make_workspace():
    ws = tempfile.mkdtemp(prefix="capy-host-test-")
    box = os.path.join(ws, "box")
    os.makedirs(os.path.join(box, "sub"))
    with open(os.path.join(ws, "outside.txt"), "w") as f:
        f.write("outside\n")
    with open(os.path.join(box, "data.txt"), "w") as f:
        f.write("hello from the box\nsecond line\n")
    with open(os.path.join(box, "sub", "inner.txt"), "w") as f:
        f.write("inner\n")
    os.symlink(os.path.join(ws, "outside.txt"), os.path.join(box, "link"))
    os.symlink("..", os.path.join(box, "updir"))
    return ws


def snapshot_outside(ws):
    """Everything outside box/: names, types, sizes, contents and mtimes."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(ws):
        rel_dir = os.path.relpath(dirpath, ws)
        if rel_dir == "box" or rel_dir.startswith("box" + os.sep):
            dirnames[:] = []
            continue
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            rel = os.path.relpath(p, ws)
            if rel == "box":
                continue
            st = os.lstat(p)
            content = b""
            if os.path.isfile(p) and not os.path.islink(p):
                with open(p, "rb") as f:
                    content = f.read()
            state[rel] = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_nlink, content)
    return state


def run_one(engine, path, timeout, max_output):
    spec = parse_header(path)
    ws = make_workspace()
    try:
        subst = lambda s: s.replace("{BOX}", os.path.join(ws, "box")).replace("{WS}", ws)
        flags = []
        for f in spec["flags"]:
            flags += [subst(a) for a in shlex.split(f)]
        want_exit = int(spec["exit"][-1]) if spec["exit"] else 0
        before = snapshot_outside(ws)
        start = time.monotonic()
        try:
            proc = subprocess.Popen(engine + flags + [path], cwd=ws, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    start_new_session=True)
        except OSError as e:
            return Result(path, False, "cannot start engine: %s" % e)
        out, err, why = communicate(proc, timeout, max_output)
        seconds = time.monotonic() - start
        if why:
            return Result(path, False, why, seconds=seconds)
        out_text = out.decode("utf-8", "replace")
        err_text = err.decode("utf-8", "replace")
        problems = []
        if proc.returncode != want_exit:
            problems.append("exit status %s, expected %d" % (describe_status(proc.returncode), want_exit))
        out_lines = out_text.splitlines()
        for line in spec["stdout"]:
            if subst(line) not in out_lines:
                problems.append("stdout lacks the line %r" % subst(line))
        for text in spec["stderr"]:
            if subst(text) not in err_text:
                problems.append("stderr lacks %r" % subst(text))
        for text in spec["absent"]:
            if subst(text) in out_text or subst(text) in err_text:
                problems.append("output contains %r" % subst(text))
        after = snapshot_outside(ws)
        if after != before:
            changed = sorted(set(before) ^ set(after) |
                             {k for k in before if k in after and before[k] != after[k]})
            problems.append("the workspace outside box/ changed: %s" % ", ".join(changed))
        if problems:
            detail = "stdout:\n%s\nstderr:\n%s" % (indent(out_text[-3000:].rstrip()),
                                                   indent(err_text[-3000:].rstrip()))
            return Result(path, False, "; ".join(problems), detail, seconds)
        return Result(path, True, "ok", seconds=seconds)
    finally:
        shutil.rmtree(ws, ignore_errors=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run capy's host-behaviour tests (tests/host).")
    ap.add_argument("paths", nargs="*", metavar="PATH", help="test files or folders (default: tests/host)")
    ap.add_argument("--engine", default="build/capy", help="the capy executable (default: build/capy)")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before a test is killed")
    ap.add_argument("--max-output", type=int, default=32 << 20, metavar="BYTES")
    ap.add_argument("--filter", "-k", default="", help="run only tests whose path contains this text")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)

    engine = resolve_engine(args.engine)
    if os.sep in engine[0] and not os.path.exists(engine[0]):
        print("run_host_tests: engine not found: %s" % engine[0], file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    paths = args.paths or [DEFAULT_TESTS]
    if not args.paths and not os.path.isdir(DEFAULT_TESTS):
        print("0 passed, 0 failed")
        return 0
    tests = collect(paths, args.filter)
    if not tests:
        print("run_host_tests: no tests found", file=sys.stderr)
        print("0 passed, 0 failed")
        return 1 if args.filter or args.paths else 0

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run_one, engine, t, args.timeout, args.max_output) for t in tests]
        results = []
        for fut in futures:
            r = fut.result()
            results.append(r)
            if args.verbose:
                print("%s %s (%.2fs)" % ("PASS" if r.ok else "FAIL", display_name(r.path), r.seconds),
                      flush=True)
    failed = [r for r in results if not r.ok]
    if failed:
        print("\nfailures:")
        for r in failed:
            print("  %s: %s" % (display_name(r.path), r.reason))
            if args.verbose and r.detail:
                print(indent(r.detail, "      "))
    print("\nran %d tests with %s in %.1fs" % (len(results), " ".join(engine), time.monotonic() - start))
    print("%d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
