#!/usr/bin/env python3
"""capy's script-test runner.

Runs every Python test program under tests/lang (or the files and folders
given) with an engine and compares the result with the expectations
committed beside each test:

  NAME.py    the test program
  NAME.out   exact expected stdout (required)
  NAME.err   optional: the program must exit with status 1 and the last
             non-empty line of its stderr must equal this file's stripped
             content.  Without it the program must exit with status 0.

Each test runs as `ENGINE /abs/path/NAME.py` with the test's directory as its
working directory, no standard input, and a timeout.  The expected files are
produced by CPython 3.11 with tools/regen_expected.py; never edit them by hand.

Usage:
  tools/run_tests.py [--engine CMD] [--jobs N] [--timeout S] [--filter PAT]
                     [--verbose] [PATH...]

The last line printed is "N passed, N failed"; the exit status is 0 when
every test passed, 1 when any failed, 2 on a usage error.
"""

import argparse
import concurrent.futures
import difflib
import fnmatch
import os
import selectors
import shlex
import signal
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TESTS = os.path.join(REPO, "tests", "lang")


def collect(paths, pattern):
    """Returns the sorted list of test files under PATHS matching PATTERN."""
    found = set()
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isfile(p):
            if p.endswith(".py"):
                found.add(p)
            continue
        if not os.path.isdir(p):
            raise FileNotFoundError(p)
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = [d for d in dirnames if not d.startswith((".", "__"))]
            for name in filenames:
                if name.endswith(".py"):
                    found.add(os.path.join(dirpath, name))
    tests = sorted(found)
    if pattern:
        wild = any(c in pattern for c in "*?[")

        def keep(path):
            rel = display_name(path)
            if wild:
                return fnmatch.fnmatch(rel, "*" + pattern + "*")
            return pattern in rel

        tests = [t for t in tests if keep(t)]
    return tests


def display_name(path):
    rel = os.path.relpath(path, REPO)
    return path if rel.startswith("..") else rel


def last_nonempty_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()
    return ""


class Result:
    def __init__(self, path, ok, reason, detail="", seconds=0.0):
        self.path = path
        self.ok = ok
        self.reason = reason
        self.detail = detail
        self.seconds = seconds


def run_one(engine, path, timeout, max_output):
    base = path[:-3]
    try:
        with open(base + ".out", "rb") as f:
            expected_out = f.read()
    except OSError:
        return Result(path, False, "missing .out (run tools/regen_expected.py)")
    expected_err = None
    if os.path.exists(base + ".err"):
        with open(base + ".err", "rb") as f:
            expected_err = f.read().decode("utf-8", "replace").strip()

    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            engine + [path],
            cwd=os.path.dirname(path),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as e:
        return Result(path, False, "cannot start engine: %s" % e)
    out, err, why = communicate(proc, timeout, max_output)
    if why:
        return Result(path, False, why, seconds=time.monotonic() - start)
    seconds = time.monotonic() - start
    status = proc.returncode
    err_text = err.decode("utf-8", "replace")

    problems = []
    details = []
    if expected_err is None:
        if status != 0:
            problems.append("exit status %s, expected 0" % describe_status(status))
            tail = "\n".join(err_text.rstrip().splitlines()[-15:])
            if tail:
                details.append("stderr (last lines):\n" + indent(tail))
    else:
        if status != 1:
            problems.append("exit status %s, expected 1" % describe_status(status))
        got = last_nonempty_line(err_text)
        if got != expected_err:
            problems.append("wrong error line")
            details.append("expected error: %s\n     got error: %s" % (expected_err, got))
            tail = "\n".join(err_text.rstrip().splitlines()[-15:])
            if tail and status not in (0, 1):
                details.append("stderr (last lines):\n" + indent(tail))
    if out != expected_out:
        problems.append("stdout differs")
        exp_lines = expected_out.decode("utf-8", "replace").splitlines(keepends=True)
        got_lines = out.decode("utf-8", "replace").splitlines(keepends=True)
        diff = list(difflib.unified_diff(exp_lines, got_lines, "expected", "got", n=2))
        if len(diff) > 60:
            diff = diff[:60] + ["... (%d more diff lines)\n" % (len(diff) - 60)]
        details.append("".join(line if line.endswith("\n") else line + "\n"
                               for line in diff).rstrip("\n"))
    if problems:
        return Result(path, False, "; ".join(problems), "\n".join(details), seconds)
    return Result(path, True, "ok", seconds=seconds)


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass


def communicate(proc, timeout, max_output):
    """Collects stdout and stderr of PROC until it exits.

    Returns (stdout, stderr, reason); reason is empty unless the process was
    killed for running past TIMEOUT seconds or writing more than MAX_OUTPUT
    bytes, so that a runaway engine cannot exhaust the runner's memory.
    """
    deadline = time.monotonic() + timeout
    chunks = {proc.stdout: [], proc.stderr: []}
    total = 0
    reason = ""
    with selectors.DefaultSelector() as sel:
        for stream in chunks:
            sel.register(stream, selectors.EVENT_READ)
        while sel.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                reason = "timed out after %gs" % timeout
                break
            for key, _ in sel.select(remaining):
                data = os.read(key.fd, 65536)
                if not data:
                    sel.unregister(key.fileobj)
                    continue
                chunks[key.fileobj].append(data)
                total += len(data)
            if total > max_output:
                reason = "wrote more than %d bytes of output" % max_output
                break
    if reason:
        kill_group(proc)
    try:
        proc.wait(timeout=max(0.0, deadline - time.monotonic()) + 1.0)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.wait()
        reason = reason or "timed out after %gs" % timeout
    proc.stdout.close()
    proc.stderr.close()
    return b"".join(chunks[proc.stdout]), b"".join(chunks[proc.stderr]), reason


def describe_status(status):
    if status is not None and status < 0:
        try:
            return "%d (%s)" % (status, signal.Signals(-status).name)
        except ValueError:
            return str(status)
    return str(status)


def indent(text, prefix="    "):
    return "\n".join(prefix + line for line in text.splitlines())


def resolve_engine(spec):
    parts = shlex.split(spec)
    if not parts:
        raise ValueError("empty --engine")
    exe = parts[0]
    if os.sep in exe and not os.path.isabs(exe):
        # A relative path is taken from the current directory, or else from
        # the repository root, so `--engine build/capy` works from anywhere.
        if os.path.exists(exe):
            exe = os.path.abspath(exe)
        else:
            exe = os.path.join(REPO, exe)
    parts[0] = exe
    return parts


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run capy's script tests (tests/lang) and compare their output.")
    ap.add_argument("paths", nargs="*", metavar="PATH",
                    help="test files or folders (default: tests/lang)")
    ap.add_argument("--engine", default="build/capy",
                    help="command that runs a Python file (default: build/capy); "
                         "may carry arguments, e.g. 'python3 -I'")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                    help="tests run in parallel (default: number of cores)")
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds before a test is killed (default: 30)")
    ap.add_argument("--max-output", type=int, default=32 << 20, metavar="BYTES",
                    help="kill a test that writes more than this (default: 32 MiB)")
    ap.add_argument("--filter", "-k", default="",
                    help="run only tests whose path contains this text "
                         "(or matches it, if it has * ? or [)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="show the diff and stderr of each failure and list every test")
    args = ap.parse_args(argv)

    try:
        engine = resolve_engine(args.engine)
    except ValueError as e:
        ap.error(str(e))
    exe = engine[0]
    if os.sep in exe and not os.path.exists(exe):
        print("run_tests: engine not found: %s" % exe, file=sys.stderr)
        print("0 passed, 1 failed")
        return 1

    try:
        tests = collect(args.paths or [DEFAULT_TESTS], args.filter)
    except FileNotFoundError as e:
        print("run_tests: no such file or folder: %s" % e, file=sys.stderr)
        return 2
    if not tests:
        print("run_tests: no tests found", file=sys.stderr)
        print("0 passed, 0 failed")
        return 1 if args.filter or args.paths else 0

    start = time.monotonic()
    results = []
    jobs = max(1, args.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(run_one, engine, t, args.timeout, args.max_output) for t in tests]
        for fut in futures:
            r = fut.result()
            results.append(r)
            if args.verbose:
                mark = "PASS" if r.ok else "FAIL"
                print("%s %s (%.2fs)" % (mark, display_name(r.path), r.seconds), flush=True)

    failed = [r for r in results if not r.ok]
    if failed:
        print()
        print("failures:")
        for r in failed:
            print("  %s: %s" % (display_name(r.path), r.reason))
            if args.verbose and r.detail:
                print(indent(r.detail, "      "))
    elapsed = time.monotonic() - start
    slowest = max(results, key=lambda r: r.seconds)
    print()
    print("ran %d tests with %s in %.1fs (slowest: %s, %.2fs)" % (
        len(results), " ".join(engine), elapsed,
        display_name(slowest.path), slowest.seconds))
    print("%d passed, %d failed" % (len(results) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
