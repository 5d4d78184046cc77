#!/usr/bin/env python3
"""Regenerates the golden files of tests/syntax/ with CPython 3.11.

For every tests/syntax/NAME.py:
  * NAME.ast      ast.dump(ast.parse(source))                       (one line)
  * NAME.astpos   ast.dump(ast.parse(source), include_attributes=True)
For every tests/syntax/fail_NAME.py instead:
  * NAME.err      two lines: "<ExceptionType>: <message>" and "<lineno>:<offset>"

Sources are decoded as UTF-8 (so offsets are in characters, as when CPython
runs a file) unless they start with a BOM or carry a coding cookie, in which
case the raw bytes are handed to CPython. Failing inputs are compiled with
compile(..., "exec") so that symtable errors such as "duplicate argument"
are included; every other error must come from the parser.

Usage: tools/gen_ast_golden.py [--check] [FILE.py ...]
  --check   do not write; exit 1 if a golden file is missing or stale.
"""

import ast
import pathlib
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_ast_golden.py must run under CPython 3.11 (found %s)" % sys.version.split()[0])

ROOT = pathlib.Path(__file__).resolve().parent.parent
SYNTAX_DIR = ROOT / "tests" / "syntax"

# Errors raised after parsing (compiler/symtable); fail_ tests should not
# depend on them, except "duplicate argument", which capy's parser reports.
COMPILER_ONLY = ("outside function", "outside loop", "not properly in loop", "can't use starred expression",
                 "declaration not allowed", "is parameter and", "assigned to before")


def source_for(raw: bytes):
    if raw.startswith(b"\xef\xbb\xbf") or b"coding" in raw[:200]:
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def golden_for(path: pathlib.Path):
    raw = path.read_bytes()
    src = source_for(raw)
    if path.name.startswith("fail_"):
        try:
            compile(src, path.name, "exec", dont_inherit=True)
        except SyntaxError as e:
            if any(s in e.msg for s in COMPILER_ONLY):
                raise SystemExit("%s: error comes from the compiler, not the parser: %s" % (path, e.msg))
            return {path.with_suffix(".err"): "%s: %s\n%s:%s\n" % (type(e).__name__, e.msg, e.lineno, e.offset)}
        except (ValueError, RecursionError, MemoryError) as e:
            return {path.with_suffix(".err"): "%s: %s\n0:0\n" % (type(e).__name__, e)}
        raise SystemExit("%s: expected a SyntaxError, but it compiles" % path)
    tree = ast.parse(src, filename=path.name)
    return {
        path.with_suffix(".ast"): ast.dump(tree) + "\n",
        path.with_suffix(".astpos"): ast.dump(tree, include_attributes=True) + "\n",
    }


def main(argv):
    check = "--check" in argv
    files = [pathlib.Path(a) for a in argv if a != "--check"]
    if not files:
        files = sorted(SYNTAX_DIR.glob("*.py"))
    stale = 0
    for f in files:
        for out, text in golden_for(f).items():
            old = out.read_text(encoding="utf-8") if out.exists() else None
            if old == text:
                continue
            stale += 1
            if check:
                print("stale:", out.relative_to(ROOT))
            else:
                out.write_text(text, encoding="utf-8")
                print("wrote", out.relative_to(ROOT))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
