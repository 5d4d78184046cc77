#!/usr/bin/env python3
"""Builds a seed corpus for the fuzz targets from the project's own tests.

    fuzz/make_corpus.py OUT_DIR

Copies every Python program of tests/lang/**, tests/syntax/** and
tests/compiler/** (the same seeds serve all targets: the front-end targets
read them as source text, fuzz_exec runs them) into OUT_DIR, named by the
SHA-1 of their content as libFuzzer names its own corpus files, so running it
again over an existing corpus adds nothing twice. The seeds are generated at
run time and never committed; fuzz/regressions/ holds the committed inputs.
"""
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ["tests/lang", "tests/syntax", "tests/compiler"]


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    added = 0
    for sub in SOURCES:
        for path in sorted((ROOT / sub).rglob("*.py")):
            data = path.read_bytes()
            target = out / hashlib.sha1(data).hexdigest()
            if not target.exists():
                target.write_bytes(data)
                added += 1
    print(f"make_corpus: {added} seeds added to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
