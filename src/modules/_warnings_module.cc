// _warnings: the one thing the warnings module (lib/warnings.py) and
// collections.namedtuple cannot do in Python — name the code that called
// them. `_caller(depth)` returns (filename, lineno, module name) of the
// Python frame `depth` levels above the function calling it, or None past
// the outermost frame. Frames themselves are never handed to guests (capy's
// capability model): only these three plain values are. `_source_line`
// reads back a line of a program the isolate itself compiled.
#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/source_registry.h"
#include "objects/tuple.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

Value w_caller(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_caller", kw) < 0 || check_nargs(I, "_caller", nargs, 0, 1) < 0) return Value::error();
  int64_t depth = 0;
  if (nargs && !index_i64(I, args[0], &depth)) return Value::error();
  // I.frame is the Python function that called _caller; depth 0 is its caller.
  Frame* f = I.frame;
  if (f) f = f->back;
  for (int64_t i = 0; f && i < depth; ++i) f = f->back;
  if (!f || !f->code) return Value::none();
  Code* c = f->code;
  int64_t instr = f->ip ? static_cast<int64_t>(f->ip - c->instrs) - 1 : 0;
  if (instr < 0) instr = 0;
  uint32_t line = code_line_of(c, static_cast<uint32_t>(instr));
  Str* fn = code_filename(c);
  Value name = Value::none();
  if (f->globals) {
    Value n = dict_get_str(f->globals, I.rt.n___name__);
    if (!n.is_null() && type_of(I, n) == I.rt.str_type) name = n;
  }
  return tuple_pack(I, {fn ? Value::object(fn) : Value::none(), int_from_i64(I, line), name});
}

// _source_line(filename, lineno): the text of a line of a program the
// isolate compiled (what linecache gives CPython's warnings), or ''.
Value w_source_line(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "_source_line", kw) < 0 || check_nargs(I, "_source_line", nargs, 2, 2) < 0)
    return Value::error();
  if (type_of(I, args[0]) != I.rt.str_type) return str_value(I, "");
  int64_t line;
  if (!index_i64(I, args[1], &line)) return Value::error();
  if (line < 1 || line > INT32_MAX) return str_value(I, "");
  std::string_view text = isolate_source_line(I, args[0].as<Str>()->view(), static_cast<uint32_t>(line));
  return str_value(I, text);
}

}  // namespace

int init__warnings_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "_caller", w_caller) < 0) return -1;
  return module_add_function(I, m, "_source_line", w_source_line) < 0 ? -1 : 0;
}

}  // namespace capy
