#!/usr/bin/env python3
"""capy's benchmark harness.

Runs every bench/programs/NAME.py with capy and with CPython in the same
run, each REPEAT times, and keeps the fastest wall-clock time of each.  Every
run's stdout must equal bench/programs/NAME.out (produced by CPython); a run
with the wrong output, a non-zero exit status or a timeout is reported and
left out of the geometric mean.

Usage:
  bench/run.py [--engine CMD] [--python CMD] [--repeat N] [--timeout S]
               [--filter TEXT] [--json FILE] [--regen]

The table has one row per program: capy seconds, CPython seconds and their
ratio (capy / CPython; below 1.0 means capy is faster), followed by the
geometric mean of the ratios.  --regen rewrites the .out files with CPython
instead of benchmarking.
"""

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")


def resolve(spec):
    parts = shlex.split(spec)
    if parts and os.sep in parts[0] and not os.path.isabs(parts[0]):
        parts[0] = parts[0] if os.path.exists(parts[0]) else os.path.join(REPO, parts[0])
        parts[0] = os.path.abspath(parts[0])
    return parts


def time_once(cmd, path, timeout):
    """Runs CMD PATH once; returns (seconds, stdout, error or None)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd + [path], cwd=PROGRAMS, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", "timed out after %gs" % timeout
    except OSError as e:
        return None, b"", "cannot run: %s" % e
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return seconds, proc.stdout, "exit status %d: %s" % (proc.returncode, tail[0])
    return seconds, proc.stdout, None


def measure(cmd, path, expected, repeat, timeout):
    best = None
    for _ in range(repeat):
        seconds, out, error = time_once(cmd, path, timeout)
        if error:
            return None, error
        if out != expected:
            return None, "wrong output"
        best = seconds if best is None else min(best, seconds)
    return best, None


def fmt(seconds):
    return "%.3f" % seconds if seconds is not None else "-"


def main():
    ap = argparse.ArgumentParser(description="Benchmark capy against CPython on bench/programs.")
    ap.add_argument("--engine", default="build/capy", help="capy command (default: build/capy)")
    ap.add_argument("--python", default="python3", help="CPython command (default: python3)")
    ap.add_argument("--repeat", "-n", type=int, default=3, help="runs per program and engine; the minimum counts (default: 3)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before one run is abandoned (default: 120)")
    ap.add_argument("--filter", "-k", default="", help="only programs whose name contains this text")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE ('-' for stdout)")
    ap.add_argument("--regen", action="store_true", help="regenerate the .out files with CPython and exit")
    args = ap.parse_args()

    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py") and args.filter in f)
    if not names:
        print("bench: no programs match", file=sys.stderr)
        return 2
    capy = resolve(args.engine)
    cpython = resolve(args.python)

    if args.regen:
        for name in names:
            path = os.path.join(PROGRAMS, name + ".py")
            seconds, out, error = time_once(cpython + ["-I"], path, args.timeout)
            if error:
                print("%s: %s" % (name, error), file=sys.stderr)
                return 1
            with open(os.path.join(PROGRAMS, name + ".out"), "wb") as f:
                f.write(out)
            print("%-16s %.3fs  wrote %s.out" % (name, seconds, name))
        return 0

    rows = []
    header = "%-16s %10s %10s %8s  %s" % ("program", "capy s", "cpython s", "ratio", "note")
    print(header)
    print("-" * len(header))
    for name in names:
        path = os.path.join(PROGRAMS, name + ".py")
        try:
            with open(os.path.join(PROGRAMS, name + ".out"), "rb") as f:
                expected = f.read()
        except OSError:
            print("%-16s missing %s.out (run bench/run.py --regen)" % (name, name))
            rows.append({"program": name, "error": "missing .out"})
            continue
        c_time, c_err = measure(capy, path, expected, args.repeat, args.timeout)
        p_time, p_err = measure(cpython, path, expected, args.repeat, args.timeout)
        ratio = c_time / p_time if c_time and p_time else None
        notes = []
        if c_err:
            notes.append("capy: " + c_err)
        if p_err:
            notes.append("cpython: " + p_err)
        print("%-16s %10s %10s %8s  %s" % (name, fmt(c_time), fmt(p_time),
                                           "%.2f" % ratio if ratio else "-", "; ".join(notes)), flush=True)
        rows.append({"program": name, "capy_s": c_time, "cpython_s": p_time, "ratio": ratio,
                     "capy_error": c_err, "cpython_error": p_err})

    ratios = [r["ratio"] for r in rows if r.get("ratio")]
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None
    print("-" * len(header))
    if geomean:
        print("geometric mean of ratios (capy / cpython): %.2f over %d of %d programs" % (geomean, len(ratios), len(rows)))
    else:
        print("geometric mean of ratios: - (no program ran correctly on both engines)")
    if args.json:
        doc = {"engine": " ".join(capy), "python": " ".join(cpython), "repeat": args.repeat,
               "results": rows, "geomean_ratio": geomean}
        text = json.dumps(doc, indent=2)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w") as f:
                f.write(text + "\n")
    failed = any(r.get("capy_error") or r.get("cpython_error") or r.get("error") for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
