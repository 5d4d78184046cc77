#!/usr/bin/env python3
"""Regenerates the expected output of capy's script tests with CPython 3.11.

For each test program NAME.py (the files and folders given, default every
test under tests/lang) it runs `python3 -I NAME.py` in the test's directory
and writes:

  NAME.out   the exact stdout
  NAME.err   the last non-empty stderr line, when the program ended with an
             uncaught exception (exit status 1); removed otherwise

A program that exits with any other status, or times out, is an error and
its files are left alone.  Unless --no-check is given, every program is also
run under two fixed hash seeds and must print the same thing each time, so
that no expected output depends on hash randomisation (set iteration order
of strings, for example).

Expected files are only ever written by this tool: never edit them by hand.

Usage: tools/regen_expected.py [--python CMD] [--no-check] [PATH...]
"""

import argparse
import os
import shlex
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TESTS = os.path.join(REPO, "tests", "lang")


def collect(paths):
    found = set()
    for p in paths:
        p = os.path.abspath(p)
        if p.endswith((".out", ".err")):
            p = p[:-4] + ".py"
        if os.path.isfile(p) and p.endswith(".py"):
            found.add(p)
        elif os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = [d for d in dirnames if not d.startswith((".", "__"))]
                found.update(os.path.join(dirpath, n) for n in filenames if n.endswith(".py"))
        else:
            raise FileNotFoundError(p)
    return sorted(found)


def run(cmd, path, timeout, env=None):
    return subprocess.run(cmd + [path], cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout, env=env)


def last_nonempty_line(text):
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()
    return ""


def write_if_changed(path, data):
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except OSError:
        pass
    with open(path, "wb") as f:
        f.write(data)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", metavar="PATH")
    ap.add_argument("--python", default="python3",
                    help="CPython 3.11 command (default: python3)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--no-check", action="store_true",
                    help="skip the hash-seed determinism check")
    args = ap.parse_args()

    py = shlex.split(args.python)
    version = subprocess.run(py + ["-c", "import sys; print(sys.version_info[:2])"],
                             stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    if version != "(3, 11)":
        print("regen_expected: %s is Python %s; expected outputs must come from 3.11"
              % (args.python, version), file=sys.stderr)
        return 2

    try:
        tests = collect(args.paths or [DEFAULT_TESTS])
    except FileNotFoundError as e:
        print("regen_expected: no such file or folder: %s" % e, file=sys.stderr)
        return 2

    clean_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    errors = 0
    changed = 0
    for path in tests:
        rel = os.path.relpath(path, REPO)
        try:
            proc = run(py + ["-I"], path, args.timeout)
        except subprocess.TimeoutExpired:
            print("ERROR %s: timed out" % rel)
            errors += 1
            continue
        if proc.returncode not in (0, 1):
            print("ERROR %s: exit status %d\n%s" % (rel, proc.returncode,
                                                    proc.stderr.decode("utf-8", "replace")))
            errors += 1
            continue
        if not args.no_check:
            differs = False
            for seed in ("1", "2"):
                env = dict(clean_env, PYTHONHASHSEED=seed)
                again = run(py + ["-s", "-S"], path, args.timeout, env)
                if again.stdout != proc.stdout or again.returncode != proc.returncode:
                    differs = True
            if differs:
                print("ERROR %s: output depends on the hash seed; make it deterministic" % rel)
                errors += 1
                continue
        base = path[:-3]
        did = write_if_changed(base + ".out", proc.stdout)
        if proc.returncode == 1:
            line = last_nonempty_line(proc.stderr.decode("utf-8", "replace"))
            did |= write_if_changed(base + ".err", (line + "\n").encode("utf-8"))
        elif os.path.exists(base + ".err"):
            os.remove(base + ".err")
            did = True
        if did:
            changed += 1
            print("updated %s" % rel)
    print("%d tests, %d updated, %d errors" % (len(tests), changed, errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
