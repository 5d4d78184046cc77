#!/usr/bin/env python3
"""capy_engine: the capy command line's contract, implemented on the capy
module for CPython, so that tools written for the command line (the
founders' attack corpus runner, ../shared/tools/attack) exercise the module.

    capy_engine.py [OPTIONS] FILE [ARGS...]
    capy_engine.py [OPTIONS] -c CODE [ARGS...]

Options as the command line's: --allow-read=DIR, --allow-write=DIR,
--allow-import=MOD, --allow-env=NAME (repeatable), --max-memory=SIZE,
--max-time=SECONDS, --max-steps=N, --max-output=SIZE, --max-depth=N.
Limits not given take the module's defaults. Guest output goes to this
process's stdout and stderr. Exit status: 0 success, 1 uncaught guest
exception (its traceback on stderr), 2 usage error, 3 a limit (one line on
stderr naming it).

The guest has no standard input (the module gives it none), and the value of
the program's last expression is not converted (a program is run as a
script, not as an expression).
"""

import os
import sys

import capy

USAGE = "usage: capy_engine.py [OPTIONS] FILE [ARGS...] | -c CODE [ARGS...]"


def parse_size(text):
    units = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    suffix = text[-1:] if text[-1:] in "KMG" else ""
    return int(float(text[: len(text) - len(suffix)]) * units[suffix])


def main(argv):
    options = {"read_dirs": [], "write_dirs": [], "allow_imports": [], "env": {}}
    source = filename = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-c":
            if i + 1 >= len(argv):
                print(USAGE, file=sys.stderr)
                return 2
            source, filename = argv[i + 1], "<string>"
            break
        if not arg.startswith("--"):
            filename = arg
            break
        name, _, value = arg[2:].partition("=")
        try:
            if name == "allow-read":
                options["read_dirs"].append(value)
            elif name == "allow-write":
                options["write_dirs"].append(value)
            elif name == "allow-import":
                options["allow_imports"].append(value)
            elif name == "allow-env":
                if value in os.environ:
                    options["env"][value] = os.environ[value]
            elif name == "max-memory":
                options["max_memory"] = parse_size(value)
            elif name == "max-output":
                options["max_output"] = parse_size(value)
            elif name == "max-time":
                options["max_time"] = float(value)
            elif name == "max-steps":
                options["max_steps"] = int(value)
            elif name == "max-depth":
                options["max_depth"] = int(value)
            else:
                raise ValueError(f"unknown option --{name}")
        except (ValueError, IndexError) as e:
            print(f"capy: {e}", file=sys.stderr)
            return 2
        i += 1
    if filename is None:
        print(USAGE, file=sys.stderr)
        return 2
    if source is None:
        try:
            with open(filename, encoding="utf-8") as f:
                source = f.read()
        except OSError as e:
            print(f"capy: cannot read {filename}: {e.strerror}", file=sys.stderr)
            return 2
    # A script's last expression is not a result.
    source += "\npass\n"
    try:
        capy.run(source, filename=filename, **options)
    except capy.GuestError as e:
        sys.stdout.flush()
        sys.stderr.write(e.traceback or f"{e}\n")
        return 1
    except capy.LimitExceeded as e:
        sys.stdout.flush()
        print(f"capy: {e.message}", file=sys.stderr)
        return 3
    except (FileNotFoundError, ValueError, TypeError) as e:
        print(f"capy: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
