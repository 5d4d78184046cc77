#!/usr/bin/env python3
"""Reports mutable global state in capy's compiled library.

All state must be reachable from the Runtime (immutable after start) or from
an Isolate, so the core library may not define writable global or static
variables: no namespace-scope globals, no class statics, no function-local
statics.  This tool lists every data object that the object files place in a
writable section (.data, .bss, thread-local .tdata/.tbss and their
sub-sections; .data.rel.ro is read-only after relocation and is allowed).

Usage: tools/check_symbols.py [--allow REGEX]... [LIBRARY...]
       (default library: build/libcapy_core.a)

Exit status: 0 when nothing was found, 1 when mutable globals exist, 2 when
the library cannot be read.
"""

import argparse
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Symbols that the toolchain or the C++ standard library put there on our
# behalf, and that carry no guest-visible state.
DEFAULT_ALLOW = [
    r"^std::__ioinit$",            # the static std::ios_base::Init of <iostream>
    r"^__(asan|ubsan|sancov|gcov|llvm)",
    r"^\.L",
]

WRITABLE = re.compile(r"^\.(data|bss|tdata|tbss)(\..*)?$")
LINE = re.compile(r"^([0-9a-fA-F]+)\s(.{7})\s(\S+)\s+([0-9a-fA-F]+)\s+(.*)$")


def scan(path):
    proc = subprocess.run(["objdump", "-t", "-C", "-w", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise OSError(proc.stderr.strip() or "objdump failed on %s" % path)
    member = os.path.basename(path)
    for line in proc.stdout.splitlines():
        if "file format" in line:
            member = line.split(":")[0]
            continue
        m = LINE.match(line)
        if not m:
            continue
        _, flags, section, size, name = m.groups()
        thread_local = section.startswith((".tdata", ".tbss"))
        if ("O" not in flags and not thread_local) or not WRITABLE.match(section) \
                or section.startswith(".data.rel.ro"):
            continue
        yield member, section, int(size, 16), name.strip()


def main():
    ap = argparse.ArgumentParser(description="List mutable global variables in capy's library.")
    ap.add_argument("libraries", nargs="*", metavar="LIBRARY")
    ap.add_argument("--allow", action="append", default=[], metavar="REGEX",
                    help="ignore symbols matching REGEX (repeatable)")
    args = ap.parse_args()
    libs = args.libraries or [os.path.join(REPO, "build", "libcapy_core.a")]
    allow = [re.compile(p) for p in DEFAULT_ALLOW + args.allow]
    found = []
    for lib in libs:
        try:
            for member, section, size, name in scan(lib):
                if not any(a.search(name) for a in allow):
                    found.append((member, section, size, name))
        except OSError as e:
            print("check_symbols: %s" % e, file=sys.stderr)
            return 2
    for member, section, size, name in sorted(found):
        print("%s: %s (%d bytes in %s)" % (member, name, size, section))
    print("%d mutable global%s found" % (len(found), "" if len(found) == 1 else "s"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
