// Unit tests of the compiler: scope analysis, SyntaxError messages, stack depth
// and exception-table sanity of generated code, deep-nesting limits, and golden
// disassembly files in tests/compiler/.
#include "compiler/compiler.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/disassembler.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"
#include "syntax/parser.h"

namespace capy::compiler {
namespace {

using syntax::Mode;

struct Compiled {
  support::Arena arena;
  CompileResult result;
  std::string parse_error;
};

std::unique_ptr<Compiled> compile_source(std::string_view src, Mode mode = Mode::Exec) {
  auto c = std::make_unique<Compiled>();
  auto pr = syntax::parse(src, "<test>", mode, c->arena);
  if (!pr.ok()) {
    c->parse_error = pr.error.msg;
    return c;
  }
  Options opts;
  opts.source = src;
  c->result = compile(pr.mod, "<test>", mode, opts);
  return c;
}

// ---------------------------------------------------------------------------
// Abstract interpretation of finished code: every reachable instruction gets
// one consistent depth in [0, stacksize]; handlers never unwind upwards.
// ---------------------------------------------------------------------------

void verify_unit(const CodeUnit& c, std::vector<std::string>& errors) {
  const size_t n = c.code.size();
  auto err = [&](const std::string& what) { errors.push_back(c.qualname + ": " + what); };
  if (c.positions.size() != n) err("positions size mismatch");
  if (c.localsplus_kinds.size() != c.nlocalsplus()) err("localsplus_kinds size mismatch");
  std::vector<uint32_t> args(n);
  std::vector<bool> is_start(n + 1, true);
  uint32_t ext = 0;
  for (size_t i = 0; i < n; ++i) {
    Opcode op = opcode_of(c.code[i]);
    if (static_cast<int>(op) >= kNumOpcodes) err("pseudo or invalid opcode at " + std::to_string(i));
    args[i] = operand_of(c.code[i]) | (ext << kOperandBits);
    ext = op == Opcode::EXTENDED_ARG ? operand_of(c.code[i]) : 0;
    if (i + 1 <= n && op == Opcode::EXTENDED_ARG) is_start[i + 1] = false;
  }
  // Exception table: sorted, non-overlapping, in range.
  uint32_t prev_end = 0;
  for (const auto& e : c.exception_table) {
    if (e.start < prev_end || e.start >= e.end || e.end > n) err("bad exception table range");
    if (e.target >= n || !is_start[e.target]) err("bad exception table target");
    if (e.depth + 1 + (e.push_lasti ? 1 : 0) > c.stacksize) err("handler depth exceeds stacksize");
    prev_end = e.end;
  }
  auto handler_of = [&](size_t i) -> const ExceptionTableEntry* {
    for (const auto& e : c.exception_table)
      if (e.start <= i && i < e.end) return &e;
    return nullptr;
  };
  std::vector<int> depth(n, -1);
  std::vector<size_t> work;
  auto reach = [&](size_t t, int d) {
    if (t >= n) {
      err("target out of range");
      return;
    }
    if (d < 0) err("negative depth at " + std::to_string(t));
    if (d > static_cast<int>(c.stacksize)) err("depth above stacksize at " + std::to_string(t));
    if (depth[t] == -1) {
      depth[t] = d;
      work.push_back(t);
    } else if (depth[t] != d) {
      err("inconsistent depth at " + std::to_string(t));
    }
  };
  if (n == 0) {
    err("empty code");
    return;
  }
  reach(0, 0);
  while (!work.empty() && errors.size() < 20) {
    size_t i = work.back();
    work.pop_back();
    int d = depth[i];
    Opcode op = opcode_of(c.code[i]);
    if (const ExceptionTableEntry* h = handler_of(i)) {
      if (static_cast<int>(h->depth) > d && op != Opcode::EXTENDED_ARG) {
        // The handler may unwind below the current depth only.
        err("handler depth above current depth at " + std::to_string(i));
      }
      reach(h->target, static_cast<int>(h->depth) + 1 + (h->push_lasti ? 1 : 0));
    }
    if (op == Opcode::EXTENDED_ARG) {
      reach(i + 1, d);
      continue;
    }
    if (has_jump_target(op)) {
      if (!is_start[args[i]]) err("jump into the middle of an instruction");
      bool backward = args[i] <= i;
      if (backward != (op == Opcode::JUMP_BACKWARD || op == Opcode::JUMP_BACKWARD_NO_INTERRUPT))
        err("jump direction does not match opcode at " + std::to_string(i));
      reach(args[i], d + stack_effect(op, args[i], true));
    }
    if (!ends_flow(op)) reach(i + 1, d + stack_effect(op, args[i], false));
    // Operand sanity.
    switch (operand_kind(op)) {
      case OperandKind::Const:
        if (args[i] >= c.consts.size()) err("const index out of range");
        break;
      case OperandKind::Name:
        if (args[i] >= c.names.size()) err("name index out of range");
        break;
      case OperandKind::Local:
        if (args[i] >= c.varnames.size()) err("local index out of range");
        break;
      case OperandKind::Deref:
        if (args[i] >= c.nlocalsplus() || !(c.localsplus_kinds[args[i]] & (kFastCell | kFastFree)))
          err("deref operand is not a cell/free slot");
        break;
      default:
        break;
    }
  }
  for (const Const& k : c.consts)
    if (k.kind() == Const::kCode) verify_unit(*k.get<CodeConst>(), errors);
}

std::string verify(const CodeUnit& c) {
  std::vector<std::string> errors;
  verify_unit(c, errors);
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

const CodeUnit* find_code(const CodeUnit& c, std::string_view qualname) {
  if (c.qualname == qualname) return &c;
  for (const Const& k : c.consts)
    if (k.kind() == Const::kCode)
      if (const CodeUnit* f = find_code(*k.get<CodeConst>(), qualname)) return f;
  return nullptr;
}

// ---------------------------------------------------------------------------
// Scope analysis
// ---------------------------------------------------------------------------

struct Scopes {
  support::Arena arena;
  std::unique_ptr<SymbolTable> st;
  syntax::Mod* mod = nullptr;
};

std::unique_ptr<Scopes> analyse(std::string_view src) {
  auto s = std::make_unique<Scopes>();
  auto pr = syntax::parse(src, "<test>", Mode::Exec, s->arena);
  EXPECT_TRUE(pr.ok()) << pr.error.msg;
  s->mod = pr.mod;
  s->st = std::make_unique<SymbolTable>("<test>", FutureFeatures{}, 3000);
  EXPECT_TRUE(s->st->build(pr.mod)) << s->st->error().message;
  return s;
}

const SymbolBlock* child(const SymbolBlock* b, std::string_view name) {
  for (const SymbolBlock* c : b->children)
    if (c->name == name) return c;
  return nullptr;
}

TEST(Symtable, FunctionScopes) {
  auto s = analyse(
      "g = 1\n"
      "def f(a):\n"
      "    global h\n"
      "    b = a + g + h\n"
      "    c = 2\n"
      "    def inner():\n"
      "        nonlocal c\n"
      "        c = b\n"
      "    return inner\n");
  const SymbolBlock* f = child(s->st->top(), "f");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->scope_of("a"), Scope::Local);
  EXPECT_EQ(f->scope_of("g"), Scope::GlobalImplicit);
  EXPECT_EQ(f->scope_of("h"), Scope::GlobalExplicit);
  EXPECT_EQ(f->scope_of("b"), Scope::Cell);
  EXPECT_EQ(f->scope_of("c"), Scope::Cell);
  const SymbolBlock* inner = child(f, "inner");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->scope_of("c"), Scope::Free);
  EXPECT_EQ(inner->scope_of("b"), Scope::Free);
  EXPECT_TRUE(inner->nested);
  EXPECT_EQ(s->st->top()->scope_of("g"), Scope::Local);
  EXPECT_EQ(s->st->top()->scope_of("h"), Scope::GlobalExplicit);
}

TEST(Symtable, ClassCellForSuper) {
  auto s = analyse(
      "class C(B):\n"
      "    x = 1\n"
      "    def m(self):\n"
      "        return super().m() + x\n"
      "    def n(self):\n"
      "        return __class__\n");
  const SymbolBlock* c = child(s->st->top(), "C");
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->needs_class_closure);
  const SymbolBlock* m = child(c, "m");
  EXPECT_EQ(m->scope_of("__class__"), Scope::Free);
  // Class bindings are not visible in methods.
  EXPECT_EQ(m->scope_of("x"), Scope::GlobalImplicit);
}

TEST(Symtable, ComprehensionScopes) {
  auto s = analyse(
      "def f(xs, ys):\n"
      "    r = [y for x in xs if (last := x) for y in ys]\n"
      "    return last\n");
  const SymbolBlock* f = child(s->st->top(), "f");
  ASSERT_NE(f, nullptr);
  const SymbolBlock* comp = child(f, "listcomp");
  ASSERT_NE(comp, nullptr);
  EXPECT_EQ(comp->comprehension, ComprehensionType::List);
  ASSERT_EQ(comp->params.size(), 1u);
  EXPECT_EQ(comp->params[0], ".0");
  // The first iterable is evaluated in f; the second one inside the comprehension.
  EXPECT_EQ(comp->scope_of("xs"), Scope::Unknown);
  EXPECT_EQ(comp->scope_of("ys"), Scope::Free);
  EXPECT_EQ(comp->scope_of("x"), Scope::Local);
  // The walrus target binds in the enclosing function.
  EXPECT_EQ(comp->scope_of("last"), Scope::Free);
  EXPECT_EQ(f->scope_of("last"), Scope::Cell);
}

TEST(Symtable, FreeVariableOfMethodBoundInClass) {
  auto s = analyse(
      "def outer():\n"
      "    x = 1\n"
      "    class C:\n"
      "        x = 2\n"
      "        def m(self):\n"
      "            return x\n"
      "    return C\n");
  const SymbolBlock* outer = child(s->st->top(), "outer");
  const SymbolBlock* c = child(outer, "C");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->scope_of("x"), Scope::Local);
  EXPECT_TRUE(c->flags_of("x") & kDefFreeClass);
  EXPECT_EQ(child(c, "m")->scope_of("x"), Scope::Free);
  EXPECT_EQ(outer->scope_of("x"), Scope::Cell);
}

TEST(Symtable, BindingsOfImportsExceptAndPatterns) {
  auto s = analyse(
      "def f(v):\n"
      "    import a.b.c\n"
      "    import d.e as g\n"
      "    from m import n as o\n"
      "    try: pass\n"
      "    except E as err: pass\n"
      "    match v:\n"
      "        case [p, *rest] | {'k': p, **rest}: pass\n"
      "        case C(q) as whole: pass\n");
  const SymbolBlock* f = child(s->st->top(), "f");
  for (const char* name : {"a", "g", "o", "err", "p", "rest", "q", "whole"})
    EXPECT_EQ(f->scope_of(name), Scope::Local) << name;
  EXPECT_TRUE(f->flags_of("a") & kDefImport);
  EXPECT_EQ(f->scope_of("E"), Scope::GlobalImplicit);
}

TEST(Symtable, Mangling) {
  support::Arena arena;
  EXPECT_EQ(mangle("C", "__x", arena), "_C__x");
  EXPECT_EQ(mangle("_C", "__x", arena), "_C__x");
  EXPECT_EQ(mangle("__", "__x", arena), "__x");
  EXPECT_EQ(mangle("C", "__x__", arena), "__x__");
  EXPECT_EQ(mangle("C", "_x", arena), "_x");
  EXPECT_EQ(mangle("C", "__a.b", arena), "__a.b");
  EXPECT_EQ(mangle("", "__x", arena), "__x");
  auto c = compile_source(
      "class K:\n"
      "    __slot = 1\n"
      "    def m(self):\n"
      "        return self.__slot + __g\n");
  ASSERT_TRUE(c->result.ok()) << c->result.error.msg;
  const CodeUnit* m = find_code(*c->result.code, "K.m");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(std::find(m->names.begin(), m->names.end(), "_K__slot"), m->names.end());
  EXPECT_NE(std::find(m->names.begin(), m->names.end(), "_K__g"), m->names.end());
}

// ---------------------------------------------------------------------------
// SyntaxError messages
// ---------------------------------------------------------------------------

struct ErrorCase {
  const char* source;
  const char* message;
};

TEST(Compiler, SyntaxErrorMessages) {
  const ErrorCase cases[] = {
      {"return 1\n", "'return' outside function"},
      {"class C:\n    return\n", "'return' outside function"},
      {"break\n", "'break' outside loop"},
      {"def f():\n    break\n", "'break' outside loop"},
      {"continue\n", "'continue' not properly in loop"},
      {"yield 1\n", "'yield' outside function"},
      {"class C:\n    yield\n", "'yield' outside function"},
      {"await x\n", "'await' outside function"},
      {"def f():\n    await x\n", "'await' outside async function"},
      {"async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator"},
      {"async def f():\n    yield from x\n", "'yield from' inside async function"},
      {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration"},
      {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration"},
      {"def f(x):\n    global x\n", "name 'x' is parameter and global"},
      {"def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal"},
      {"def f():\n    x = 1\n    nonlocal x\n", "name 'x' is assigned to before nonlocal declaration"},
      {"def f():\n    print(x)\n    nonlocal x\n", "name 'x' is used prior to nonlocal declaration"},
      {"nonlocal x\n", "nonlocal declaration not allowed at module level"},
      {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found"},
      {"def f():\n    global x\n    nonlocal x\n", "name 'x' is nonlocal and global"},
      {"def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global"},
      {"def f(a, a): pass\n", "duplicate argument 'a' in function definition"},
      {"[x := 1 for x in y]\n", "assignment expression cannot rebind comprehension iteration variable 'x'"},
      {"[i for i in (j := range(3))]\n", "assignment expression cannot be used in a comprehension iterable expression"},
      {"class C:\n    [y := 1 for x in z]\n",
       "assignment expression within a comprehension cannot be used in a class body"},
      {"[(yield) for x in y]\n", "'yield' inside list comprehension"},
      {"{(yield) for x in y}\n", "'yield' inside set comprehension"},
      {"((yield) for x in y)\n", "'yield' inside generator expression"},
      {"def f():\n    from m import *\n", "import * only allowed at module level"},
      {"f(a=1, a=2)\n", "keyword argument repeated: a"},
      {"x = 1\nfrom __future__ import annotations\n", "from __future__ imports must occur at the beginning of the file"},
      {"from __future__ import braces\n", "not a chance"},
      {"from __future__ import nope\n", "future feature nope is not defined"},
      {"def f():\n    async with x: pass\n", "'async with' outside async function"},
      {"def f():\n    async for x in y: pass\n", "'async for' outside async function"},
      {"def f():\n    return [x async for x in y]\n",
       "asynchronous comprehension outside of an asynchronous function"},
      {"match x:\n    case a: pass\n    case b: pass\n", "name capture 'a' makes remaining patterns unreachable"},
      {"match x:\n    case _: pass\n    case b: pass\n", "wildcard makes remaining patterns unreachable"},
      {"match x:\n    case [a, a]: pass\n", "multiple assignments to name 'a' in pattern"},
      {"match x:\n    case [a] | [b]: pass\n", "alternative patterns bind different names"},
      {"match x:\n    case {'a': 1, 'a': 2}: pass\n", "mapping pattern checks duplicate key ('a')"},
      {"match x:\n    case C(a=1, a=2): pass\n", "attribute name repeated in class pattern: a"},
      {"for x in y:\n    try: pass\n    except* E:\n        break\n",
       "'break', 'continue' and 'return' cannot appear in an except* block"},
      {"def f():\n" "    try: pass\n" "    except* E:\n" "        return 1\n",
       "'break', 'continue' and 'return' cannot appear in an except* block"},
  };
  for (const ErrorCase& c : cases) {
    auto r = compile_source(c.source);
    if (!r->parse_error.empty()) {
      // The front end may report some of these itself; the text must still match.
      EXPECT_EQ(r->parse_error, c.message) << c.source;
      continue;
    }
    ASSERT_FALSE(r->result.ok()) << c.source;
    EXPECT_EQ(r->result.error.msg, c.message) << c.source;
    EXPECT_EQ(r->result.error.kind, syntax::ErrorKind::SyntaxError) << c.source;
    EXPECT_FALSE(r->result.internal_error) << c.source;
    EXPECT_GT(r->result.error.lineno, 0) << c.source;
  }
}

TEST(Compiler, SyntaxWarnings) {
  auto r = compile_source("if x is 1: pass\nassert (x, 'msg')\ny = (1, 2)(3)\nz = x is not -1\nw = x is None\n");
  ASSERT_TRUE(r->result.ok()) << r->result.error.msg;
  const auto& w = r->result.warnings;
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].message, "\"is\" with a literal. Did you mean \"==\"?");
  EXPECT_EQ(w[0].lineno, 1);
  EXPECT_EQ(w[1].message, "assertion is always true, perhaps remove parentheses?");
  EXPECT_EQ(w[2].message, "'tuple' object is not callable; perhaps you missed a comma?");
  EXPECT_EQ(w[3].message, "\"is not\" with a literal. Did you mean \"!=\"?");
  EXPECT_EQ(w[3].lineno, 4);
}

TEST(Compiler, TooManyStaticallyNestedBlocks) {
  std::string src;
  for (int i = 0; i < 21; ++i) src += std::string(static_cast<size_t>(i) * 1, ' ') + "while x:\n";
  src += std::string(21, ' ') + "pass\n";
  auto r = compile_source(src);
  if (!r->parse_error.empty()) GTEST_SKIP() << r->parse_error;
  ASSERT_FALSE(r->result.ok());
  EXPECT_EQ(r->result.error.msg, "too many statically nested blocks");
}

TEST(Compiler, ErrorLocationAfterUnwinding) {
  auto r = compile_source("def f():\n    try:\n        break\n    finally:\n        pass\n");
  ASSERT_FALSE(r->result.ok());
  EXPECT_EQ(r->result.error.msg, "'break' outside loop");
  EXPECT_EQ(r->result.error.lineno, 3);
  EXPECT_EQ(r->result.error.offset, 9);
  auto s = compile_source("for x in y:\n    try: pass\n    except* E:\n        try: pass\n        finally:\n            continue\n");
  ASSERT_FALSE(s->result.ok());
  EXPECT_EQ(s->result.error.lineno, 6);
}

TEST(Compiler, ErrorLocation) {
  auto r = compile_source("x = 1\n\ndef f():\n    pass\nreturn x\n");
  ASSERT_FALSE(r->result.ok());
  EXPECT_EQ(r->result.error.lineno, 5);
  EXPECT_EQ(r->result.error.offset, 1);
  EXPECT_EQ(r->result.error.end_offset, 9);
  EXPECT_EQ(r->result.error.text, "return x");
}

// ---------------------------------------------------------------------------
// Generated code sanity over a corpus of programs
// ---------------------------------------------------------------------------

const char* const kPrograms[] = {
    "x = 1\ny = x + 2 * 3\nprint(x, y, sep='-')\n",
    "def f(a, b=2, *args, c, d=4, **kw):\n    return a + b\n",
    "def gen(n):\n    for i in range(n):\n        yield i\n    yield from range(3)\n    return 5\n",
    "async def co(x):\n    async with x as y, x as z:\n        await y\n    async for i in x:\n        pass\n"
    "    return [j async for j in x] + [await j for j in x]\n",
    "async def agen():\n    yield 1\n    x = [i async for i in agen()]\n",
    "try:\n    a()\nexcept (E, F) as e:\n    b(e)\nexcept G:\n    pass\nelse:\n    c()\nfinally:\n    d()\n",
    "def f():\n    for x in y:\n        try:\n            if x: break\n            if not x: continue\n            return x\n"
    "        finally:\n            cleanup()\n    else:\n        z()\n",
    "def f():\n    with a() as b, c() as (d, e):\n        return b\n",
    "try:\n    pass\nexcept* ValueError as e:\n    print(e)\nexcept* TypeError:\n    pass\n",
    "def f(p):\n    match p:\n        case None: return 0\n        case 1 | 2 | -3: return 1\n"
    "        case [a, *rest] if a > 0: return a\n        case [_, _, *_]: return 2\n"
    "        case {'x': x, 'y': 1, **kw}: return x\n        case Point(x=0, y=yy) | Point(yy, 1): return yy\n"
    "        case str() as s: return s\n        case (1+2j): return 3\n        case _: return -1\n",
    "class A(B, metaclass=M, **kw):\n    '''doc'''\n    x: int = 3\n    def m(self):\n        return super().m(__class__)\n",
    "import a.b.c\nimport a.b as ab\nfrom . import x\nfrom ..m import (y as z, w)\nfrom q import *\n",
    "a, *b, c = d\n[e, f] = g\nx = y = z = 0\nx.a += 1\nx[i] *= 2\nn **= 3\ndel x.a, x[0], n\n",
    "f(*a, **k)\nf(1, *a, x=1, **k, y=2)\nf(*a)\nc = C(**d)\nm.x(1, y=2)\n",
    "s = f'{a!r:>{w}} {b=} {c:.2f} {{}}'\nt = {**a, 'b': 1, **c}\nu = {1, *v}\nv = (*w, 1)\n",
    "x = [i * j for i in range(3) if i for j in range(i)]\ny = {k: v for k, v in z}\nw = (a for a in b)\n",
    "lambda x, *y, z=1, **w: (x, y, z, w)\nl = lambda: (yield)\n",
    "assert x, 'msg'\nassert y\nraise E from F\n",
    "if a and b or not c:\n    pass\nelif d < e < f:\n    pass\nelif g:\n    pass\nelse:\n    pass\n",
    "while True:\n    if x: break\nwhile x:\n    continue\nelse:\n    y()\n",
    "def outer():\n    v = 1\n    def mid():\n        def inner():\n            nonlocal v\n            v += 1\n"
    "            return v\n        return inner\n    return mid\n",
    "def f(a, b):\n    def g():\n        return a\n    return g, b\n",
    "from __future__ import annotations\ndef f(x: list[int] | None = None) -> dict[str, int]:\n    y: Foo = 1\n",
    "x = 1 if a else 2\ny = a if b else c if d else e\nz = not (a is b) and c in d and e not in f\n",
    "for a, (b, c) in d:\n    pass\nelse:\n    pass\n",
    "with open(f) as g:\n    for line in g:\n        try:\n            yield_ = 1\n        except:\n            raise\n",
    "def f():\n    try:\n        return 1\n    finally:\n        return 2\n",
    "def f():\n    try:\n        pass\n    except E as e:\n        return e\n    finally:\n        print()\n",
    "def f():\n    with a:\n        with b:\n            for x in y:\n                return x\n",
    "x = a[1:2, ::3]\na[1:2] = b\ndel a[:]\n",
    "def f(*, a, b=1): pass\ndef g(a, /, b): pass\n",
    "global_var = 1\ndef f():\n    global global_var\n    global_var = 2\n",
    "class C:\n    def __init__(self):\n        self.__x = 1\n    @property\n    def x(self):\n        return self.__x\n",
    "@dec1\n@dec2(arg)\ndef f():\n    '''Docstring.'''\n    return 1\n",
    "x = [1, 2, 3]\ny = (1, 2, 3)\nz = {1, 2, 3}\nw = x in [1, 2, 3]\nv = x in {4, 5}\n",
    "def f():\n    x = yield\n    y = yield x\n    return (yield from y)\n",
};

TEST(Compiler, StackDepthAndExceptionTablesAreConsistent) {
  for (const char* src : kPrograms) {
    auto r = compile_source(src);
    ASSERT_TRUE(r->parse_error.empty()) << r->parse_error << "\n" << src;
    ASSERT_TRUE(r->result.ok()) << r->result.error.msg << "\n" << src;
    EXPECT_EQ(verify(*r->result.code), "") << src << disassemble(*r->result.code);
  }
}

TEST(Compiler, EvalAndSingleModes) {
  auto e = compile_source("a + 1", Mode::Eval);
  ASSERT_TRUE(e->result.ok()) << e->result.error.msg;
  const CodeUnit& c = *e->result.code;
  EXPECT_EQ(opcode_of(c.code.back()), Opcode::RETURN_VALUE);
  EXPECT_EQ(verify(c), "");
  auto s = compile_source("x\n", Mode::Single);
  if (!s->parse_error.empty()) GTEST_SKIP() << s->parse_error;
  ASSERT_TRUE(s->result.ok()) << s->result.error.msg;
  bool has_print = false;
  for (uint32_t w : s->result.code->code) has_print |= opcode_of(w) == Opcode::PRINT_EXPR;
  EXPECT_TRUE(has_print);
}

TEST(Compiler, LocalsplusLayout) {
  auto r = compile_source(
      "def f(a, b):\n"
      "    c = 1\n"
      "    d = 2\n"
      "    def g():\n"
      "        return a, d\n"
      "    return g, b, c\n");
  ASSERT_TRUE(r->result.ok()) << r->result.error.msg;
  const CodeUnit* f = find_code(*r->result.code, "f");
  ASSERT_NE(f, nullptr);
  // Parameters first, then plain locals; the parameter cell `a` keeps its slot.
  ASSERT_GE(f->varnames.size(), 3u);
  EXPECT_EQ(f->varnames[0], "a");
  EXPECT_EQ(f->varnames[1], "b");
  EXPECT_EQ(f->localsplus_kinds[0], kFastLocal | kFastCell);
  EXPECT_EQ(f->localsplus_kinds[1], kFastLocal);
  ASSERT_EQ(f->cellvars.size(), 1u);
  EXPECT_EQ(f->cellvars[0], "d");
  EXPECT_EQ(opcode_of(f->code[0]), Opcode::MAKE_CELL);
  EXPECT_EQ(operand_of(f->code[0]), 0u);
  const CodeUnit* g = find_code(*r->result.code, "f.<locals>.g");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->freevars, (std::vector<std::string>{"a", "d"}));
  EXPECT_EQ(opcode_of(g->code[0]), Opcode::COPY_FREE_VARS);
  EXPECT_EQ(operand_of(g->code[0]), 2u);
  EXPECT_TRUE(g->flags & CO_NESTED);
}

TEST(Compiler, CodeFlagsAndCounts) {
  auto r = compile_source(
      "def f(a, /, b, *args, c, **kw): pass\n"
      "def g(): yield\n"
      "async def h(): await x\n"
      "async def i(): yield\n");
  ASSERT_TRUE(r->result.ok()) << r->result.error.msg;
  const CodeUnit* f = find_code(*r->result.code, "f");
  EXPECT_EQ(f->argcount, 2u);
  EXPECT_EQ(f->posonlyargcount, 1u);
  EXPECT_EQ(f->kwonlyargcount, 1u);
  EXPECT_EQ(f->flags, CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS);
  EXPECT_TRUE(find_code(*r->result.code, "g")->flags & CO_GENERATOR);
  EXPECT_TRUE(find_code(*r->result.code, "h")->flags & CO_COROUTINE);
  EXPECT_TRUE(find_code(*r->result.code, "i")->flags & CO_ASYNC_GENERATOR);
  EXPECT_EQ(r->result.code->flags, 0u);
  auto c = compile_source("x = [i for i in y]\n");
  ASSERT_TRUE(c->result.ok());
  const CodeUnit* comp = find_code(*c->result.code, "<listcomp>");
  ASSERT_NE(comp, nullptr);
  EXPECT_EQ(comp->argcount, 1u);  // the implicit ".0"
  EXPECT_EQ(comp->varnames[0], ".0");
}

TEST(Compiler, OpcodeTableMatchesStackEffects) {
  // For opcodes whose effect does not depend on the operand, the number of
  // items before and after "--" in the .def notation must match stack_effect.
  for (int i = 0; i < kNumOpcodes; ++i) {
    auto op = static_cast<Opcode>(i);
    std::string doc(opcode_effect_doc(op));
    if (doc.find('[') != std::string::npos || doc.find(" if ") != std::string::npos) continue;
    if (has_jump_target(op) && op != Opcode::JUMP && op != Opcode::JUMP_BACKWARD &&
        op != Opcode::JUMP_BACKWARD_NO_INTERRUPT && op != Opcode::POP_JUMP_IF_FALSE &&
        op != Opcode::POP_JUMP_IF_TRUE && op != Opcode::POP_JUMP_IF_NONE && op != Opcode::POP_JUMP_IF_NOT_NONE)
      continue;
    size_t sep = doc.find("--");
    ASSERT_NE(sep, std::string::npos) << opcode_name(op);
    auto count = [](std::string_view part) {
      int n = 0;
      bool in_word = false;
      for (char ch : part) {
        bool w = std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
        if (w && !in_word) ++n;
        in_word = w;
      }
      return n;
    };
    int effect = count(std::string_view(doc).substr(sep + 2)) - count(std::string_view(doc).substr(0, sep));
    EXPECT_EQ(effect, stack_effect(op, 0, false)) << opcode_name(op) << " " << doc;
  }
}

TEST(Compiler, ConstantsAreFoldedAndDeduplicated) {
  auto r = compile_source("a = -1\nb = (1, 2, (3, -4.5))\nc = 1\nd = 2**3\ne = 1 + 2j\nf = -9223372036854775808\n");
  ASSERT_TRUE(r->result.ok());
  const auto& consts = r->result.code->consts;
  std::vector<std::string> reprs;
  for (const Const& c : consts) reprs.push_back(const_repr(c));
  auto has = [&](const char* s) { return std::find(reprs.begin(), reprs.end(), s) != reprs.end(); };
  EXPECT_TRUE(has("-1"));
  EXPECT_TRUE(has("(1, 2, (3, -4.5))"));
  EXPECT_TRUE(has("(1+2j)"));
  EXPECT_TRUE(has("-9223372036854775808"));
  EXPECT_EQ(std::count(reprs.begin(), reprs.end(), "1"), 1);
}

// ---------------------------------------------------------------------------
// Deep nesting must be an error, never a crash.
// ---------------------------------------------------------------------------

TEST(Compiler, DeeplyNestedNotIsARecursionError) {
  support::Arena arena;
  using namespace syntax;
  Expr* e = arena.make<Name>();
  e->pos = Pos{1, 0, 1, 1};
  e->cast<Name>().id = "x";
  for (int i = 0; i < 100000; ++i) {
    auto* u = arena.make<UnaryOp>();
    u->op = UnaryOperator::Not;
    u->operand = e;
    u->pos = Pos{1, 0, 1, 1};
    e = u;
  }
  auto* mod = arena.make<Expression>();
  mod->body = e;
  auto r = compile(mod, "<deep>", Mode::Eval);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.kind, ErrorKind::RecursionError);
  EXPECT_EQ(r.error.msg, "maximum recursion depth exceeded during compilation");
}

TEST(Compiler, DeeplyNestedLambdasAreARecursionError) {
  support::Arena arena;
  using namespace syntax;
  Expr* e = arena.make<Constant>();
  e->pos = Pos{1, 0, 1, 1};
  for (int i = 0; i < 100000; ++i) {
    auto* l = arena.make<Lambda>();
    l->args = arena.make<Arguments>();
    l->body = e;
    l->pos = Pos{1, 0, 1, 1};
    e = l;
  }
  auto* mod = arena.make<Expression>();
  mod->body = e;
  auto r = compile(mod, "<deep>", Mode::Eval);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error.kind, ErrorKind::RecursionError);
}

TEST(Compiler, DeepInputOnASmallThreadStackIsAnError) {
  // Parse on this thread, compile on one with 256 KiB of stack: the compiler
  // must stop (RecursionError) before reaching the end of that stack.
  std::string src;
  for (int i = 0; i < 2900; ++i) src += "not ";
  src += "x\n";
  support::Arena arena;
  auto pr = syntax::parse(src, "<deep>", Mode::Exec, arena);
  if (!pr.ok()) {
    GTEST_SKIP() << pr.error.msg;
  }
  struct Job {
    const syntax::Mod* mod;
    CompileResult result;
  } job{pr.mod, {}};
  auto run = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    j->result = compile(j->mod, "<deep>", Mode::Exec);
    return nullptr;
  };
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 256 * 1024);
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, run, &job), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  ASSERT_FALSE(job.result.ok());
  EXPECT_EQ(job.result.error.kind, syntax::ErrorKind::RecursionError);
}

TEST(Compiler, LongBinaryChainsCompileIteratively) {
  support::Arena arena;
  using namespace syntax;
  Expr* e = arena.make<Name>();
  e->cast<Name>().id = "x";
  e->pos = Pos{1, 0, 1, 1};
  for (int i = 0; i < 100000; ++i) {
    auto* b = arena.make<BinOp>();
    b->left = e;
    b->op = Operator::Add;
    auto* n = arena.make<Name>();
    n->id = "y";
    n->pos = Pos{1, 0, 1, 1};
    b->right = n;
    b->pos = Pos{1, 0, 1, 1};
    e = b;
  }
  auto* mod = arena.make<Expression>();
  mod->body = e;
  auto r = compile(mod, "<chain>", Mode::Eval);
  ASSERT_TRUE(r.ok()) << r.error.msg;
  EXPECT_EQ(r.code->stacksize, 2u);
}

TEST(Compiler, ExtendedArgForLargeOperands) {
  // a, *b, c0 ... c69999 = x: UNPACK_EX's operand (after << 8) needs EXTENDED_ARG.
  support::Arena arena;
  using namespace syntax;
  const size_t n = 70002;
  auto elts = arena.make_array<Expr*>(n);
  for (size_t i = 0; i < n; ++i) {
    auto* name = arena.make<Name>();
    name->id = "v" + std::to_string(i);
    name->ctx = ExprContext::Store;
    name->pos = Pos{1, 0, 1, 1};
    if (i == 1) {
      auto* star = arena.make<Starred>();
      star->value = name;
      star->ctx = ExprContext::Store;
      star->pos = Pos{1, 0, 1, 1};
      elts[i] = star;
    } else {
      elts[i] = name;
    }
  }
  auto* target = arena.make<Tuple>();
  target->elts = elts;
  target->ctx = ExprContext::Store;
  target->pos = Pos{1, 0, 1, 1};
  auto* value = arena.make<Name>();
  value->id = "x";
  value->pos = Pos{1, 0, 1, 1};
  auto* assign = arena.make<Assign>();
  Stmt* stmts[1] = {assign};
  Expr* targets[1] = {target};
  assign->targets = arena.copy_array(targets, 1);
  assign->value = value;
  assign->pos = Pos{1, 0, 1, 1};
  auto* mod = arena.make<Module>();
  mod->body = arena.copy_array(stmts, 1);
  auto r = compile(mod, "<ext>", Mode::Exec);
  ASSERT_TRUE(r.ok()) << r.error.msg;
  EXPECT_EQ(verify(*r.code), "");
  bool found = false;
  for (size_t i = 0; i + 1 < r.code->code.size(); ++i) {
    if (opcode_of(r.code->code[i]) == Opcode::EXTENDED_ARG && opcode_of(r.code->code[i + 1]) == Opcode::UNPACK_EX) {
      uint32_t full = operand_of(r.code->code[i]) << kOperandBits | operand_of(r.code->code[i + 1]);
      EXPECT_EQ(full, 1u | ((n - 2) << 8));
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(Compiler, ExponentialFinallyCopiesAreBounded) {
  // A try/finally nested in each finally body doubles the code per level.
  std::string src;
  std::string indent;
  for (int i = 0; i < 19; ++i) {
    src += indent + "try:\n" + indent + "    f()\n" + indent + "finally:\n";
    indent += "    ";
  }
  src += indent + "g()\n";
  auto r = compile_source(src);
  if (!r->parse_error.empty()) GTEST_SKIP() << r->parse_error;
  ASSERT_FALSE(r->result.ok());
  EXPECT_EQ(r->result.error.msg, "code too large");
}

TEST(Compiler, NestedTryFinallyIsBounded) {
  // Each finally body is copied on every exit path; the frame-block limit and
  // max_instructions keep the output bounded.
  std::string src = "def f():\n";
  std::string indent = "    ";
  for (int i = 0; i < 19; ++i) {
    src += indent + "try:\n";
    indent += "    ";
  }
  src += indent + "return 1\n";
  for (int i = 19; i-- > 0;) {
    indent.resize(indent.size() - 4);
    src += indent + "finally:\n" + indent + "    g()\n";
  }
  auto r = compile_source(src);
  if (!r->parse_error.empty()) GTEST_SKIP() << r->parse_error;
  if (r->result.ok()) EXPECT_EQ(verify(*r->result.code), "");
  else EXPECT_EQ(r->result.error.msg, "code too large");
}

// ---------------------------------------------------------------------------
// Golden disassembly files: tests/compiler/NAME.py -> NAME.dis. Set
// CAPY_UPDATE_GOLDEN=1 to rewrite them (then review the diff by hand).
// ---------------------------------------------------------------------------

std::filesystem::path source_dir() {
#ifdef CAPY_SOURCE_DIR
  return std::filesystem::path(CAPY_SOURCE_DIR);
#else
  auto dir = std::filesystem::current_path();
  for (int i = 0; i < 8; ++i) {
    if (std::filesystem::exists(dir / "tests" / "compiler")) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return {};
#endif
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Compiler, GoldenDisassembly) {
  auto root = source_dir();
  if (root.empty() || !std::filesystem::exists(root / "tests" / "compiler")) GTEST_SKIP() << "tests/compiler not found";
  bool update = std::getenv("CAPY_UPDATE_GOLDEN") != nullptr;
  int count = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(root / "tests" / "compiler"))
    if (entry.path().extension() == ".py") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& py : files) {
    std::string src = read_file(py);
    auto r = compile_source(src);
    std::string actual;
    if (!r->parse_error.empty()) actual = "ParseError: " + r->parse_error + "\n";
    else if (!r->result.ok())
      actual = "SyntaxError: " + r->result.error.msg + " (line " + std::to_string(r->result.error.lineno) + ")\n";
    else {
      actual = disassemble(*r->result.code);
      EXPECT_EQ(verify(*r->result.code), "") << py;
    }
    auto golden = py;
    golden.replace_extension(".dis");
    if (update) {
      std::ofstream(golden, std::ios::binary) << actual;
    } else {
      ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " missing (run with CAPY_UPDATE_GOLDEN=1)";
      EXPECT_EQ(read_file(golden), actual) << py;
    }
    ++count;
  }
  EXPECT_GT(count, 0);
}

// Every .py file of the shared conformance suite (when present beside the
// checkout) must compile to code that passes the verifier.
TEST(Compiler, ConformanceCorpusCompiles) {
  auto root = source_dir();
  if (root.empty()) GTEST_SKIP();
  std::filesystem::path corpus = root.parent_path() / "shared" / "conformance";
  if (const char* env = std::getenv("CAPY_COMPILER_CORPUS")) corpus = env;
  if (!std::filesystem::exists(corpus)) GTEST_SKIP() << corpus << " not found";
  int compiled = 0, parse_failures = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.path().extension() != ".py") continue;
    std::string src = read_file(entry.path());
    auto r = compile_source(src);
    if (!r->parse_error.empty()) {
      ++parse_failures;
      continue;
    }
    EXPECT_TRUE(r->result.ok()) << entry.path() << ": " << r->result.error.msg << " line " << r->result.error.lineno;
    if (!r->result.ok()) continue;
    EXPECT_EQ(verify(*r->result.code), "") << entry.path();
    ++compiled;
  }
  std::printf("compiled %d files (%d not parsed)\n", compiled, parse_failures);
}

}  // namespace
}  // namespace capy::compiler
