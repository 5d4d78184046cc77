// Compiling and running source: the module entry points and the exec /
// eval / compile builtins (CPython's bltinmodule.c semantics).
#include "vm/eval.h"

#include <string>

#include "compiler/compiler.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/misc.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/source_registry.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "syntax/parser.h"
#include "vm/code.h"
#include "vm/interpreter.h"

namespace capy {

namespace {

Type* error_type(Isolate& I, syntax::ErrorKind k) {
  switch (k) {
    case syntax::ErrorKind::IndentationError: return I.rt.exc_IndentationError;
    case syntax::ErrorKind::TabError: return I.rt.exc_TabError;
    case syntax::ErrorKind::RecursionError: return I.rt.exc_RecursionError;
    case syntax::ErrorKind::MemoryError: return I.rt.exc_MemoryError;
    default: return I.rt.exc_SyntaxError;
  }
}

// SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)).
void raise_syntax_error(Isolate& I, Type* type, const std::string& msg, const std::string& filename, int lineno,
                        int offset, const std::string& text, int end_lineno, int end_offset) {
  Value m = str_value(I, msg);
  if (m.is_error()) return;
  Value fn = str_value(I, filename);
  if (fn.is_error()) return;
  Value tx = Value::none();
  if (lineno > 0) {
    tx = str_value(I, text + "\n");
    if (tx.is_error()) return;
  }
  Value details[6] = {fn, Value::small_int(lineno), Value::small_int(offset), tx, Value::small_int(end_lineno),
                      Value::small_int(end_offset)};
  Value dt = tuple_value(I, details, 6);
  if (dt.is_error()) return;
  Value args[2] = {m, dt};
  Value e = call(I, Value::object(type), args, 2, nullptr);
  if (e.is_error()) return;
  raise_value(I, e);
}

std::string_view source_text_of(Isolate& I, Value src, bool* ok, std::string* keep) {
  *ok = true;
  Type* t = type_of(I, src);
  if (t->flags & kTypeStrSubclass) return src.as<Str>()->view();
  if (is_bytes(src) || is_bytearray(src)) {
    *keep = std::string(bytes_view(src));
    return *keep;
  }
  *ok = false;
  return {};
}

}  // namespace

Code* compile_source(Isolate& I, std::string_view source, std::string_view filename, SourceMode mode,
                     bool remember) {
  syntax::Mode pmode = mode == SourceMode::Exec   ? syntax::Mode::Exec
                       : mode == SourceMode::Eval ? syntax::Mode::Eval
                                                  : syntax::Mode::Single;
  compiler::Mode cmode = mode == SourceMode::Exec   ? compiler::Mode::Exec
                         : mode == SourceMode::Eval ? compiler::Mode::Eval
                                                    : compiler::Mode::Single;
  if (source.size() > I.limits.max_source_bytes) {
    raisef(I, I.rt.exc_MemoryError, "source code too large (%zu bytes; the limit is %zu)", source.size(),
           I.limits.max_source_bytes);
    return nullptr;
  }
  // The front end's working memory (tokens, the syntax tree, the compiler's
  // tables) does not come from the heap; it is charged in advance at a bound
  // measured over many source shapes (docs/limits.md), beyond a fixed
  // allowance for small sources, and credited when compilation ends.
  constexpr size_t kFrontEndBytesPerSourceByte = 192;
  constexpr size_t kFrontEndAllowance = size_t{12} << 20;
  size_t reserve = source.size() > SIZE_MAX / kFrontEndBytesPerSourceByte
                       ? SIZE_MAX
                       : source.size() * kFrontEndBytesPerSourceByte;
  reserve = reserve > kFrontEndAllowance ? reserve - kFrontEndAllowance : 0;
  if (reserve && !I.heap.charge(reserve)) {
    raisef(I, I.rt.exc_MemoryError, "not enough memory to compile %zu bytes of source", source.size());
    return nullptr;
  }
  struct Release {
    Isolate& I;
    size_t n;
    ~Release() { I.heap.credit(n); }
  } release{I, reserve};
  if (remember) register_source(I, std::string(filename), std::string(source));
  support::Arena arena;
  syntax::ParseResult pr = syntax::parse(source, filename, pmode, arena);
  if (!pr.ok()) {
    const syntax::SyntaxErrorInfo& e = pr.error;
    if (e.kind == syntax::ErrorKind::RecursionError) {
      raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded during compilation");
      return nullptr;
    }
    if (e.kind == syntax::ErrorKind::MemoryError) {
      raise_memory(I);
      return nullptr;
    }
    raise_syntax_error(I, error_type(I, e.kind), e.msg, e.filename.empty() ? std::string(filename) : e.filename,
                       e.lineno, e.offset, e.text, e.end_lineno, e.end_offset);
    return nullptr;
  }
  compiler::Options copts;
  copts.source = source;
  compiler::CompileResult cr = compiler::compile(pr.mod, filename, cmode, copts);
  if (!cr.ok()) {
    const syntax::SyntaxErrorInfo& e = cr.error;
    if (cr.internal_error) {
      raise(I, I.rt.exc_SystemError, e.msg);
      return nullptr;
    }
    if (e.kind == syntax::ErrorKind::RecursionError) {
      raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded during compilation");
      return nullptr;
    }
    if (e.kind == syntax::ErrorKind::MemoryError) {
      raise_memory(I);
      return nullptr;
    }
    raise_syntax_error(I, error_type(I, e.kind), e.msg, e.filename.empty() ? std::string(filename) : e.filename,
                       e.lineno, e.offset, e.text, e.end_lineno, e.end_offset);
    return nullptr;
  }
  return code_from_unit(I, cr.code);
}

Value run_source(Isolate& I, std::string_view filename, std::string_view source, Dict* globals) {
  Code* code = compile_source(I, source, filename, SourceMode::Exec, true);
  if (!code) return Value::error();
  if (dict_get_str(globals, I.rt.n___builtins__).is_null()) {
    Value bm = I.modules ? dict_get_str(I.modules, I.rt.n_builtins) : Value::null();
    Value b = bm.is_null() ? Value::object(I.builtins) : bm;
    if (dict_set_str(I, globals, I.rt.n___builtins__, b) < 0) return Value::error();
  }
  Value r = run_code(I, code, globals, globals);
  if (r.is_error()) return r;
  return Value::none();
}

Value run_module_main(Isolate& I, std::string_view filename, std::string_view source) {
  Str* name = I.rt.n___main__;
  Module* m = module_new(I, name);
  if (!m) return Value::error();
  Dict* g = m->dict;
  Value fn = str_value(I, filename);
  if (fn.is_error()) return fn;
  Dict* ann = dict_new(I);
  if (!ann) return Value::error();
  Value bm = I.modules ? dict_get_str(I.modules, I.rt.n_builtins) : Value::null();
  Value b = bm.is_null() ? Value::object(I.builtins) : bm;
  if (dict_set_str(I, g, I.rt.n___name__, Value::object(name)) < 0 ||
      dict_set_str(I, g, I.rt.n___doc__, Value::none()) < 0 ||
      dict_set_str(I, g, I.rt.n___package__, Value::none()) < 0 ||
      dict_set_str(I, g, I.rt.n___loader__, Value::none()) < 0 ||
      dict_set_str(I, g, I.rt.n___spec__, Value::none()) < 0 ||
      dict_set_str(I, g, I.rt.n___annotations__, Value::object(ann)) < 0 ||
      dict_set_str(I, g, I.rt.n___builtins__, b) < 0 || dict_set_str(I, g, I.rt.n___file__, fn) < 0) {
    return Value::error();
  }
  Str* cached = I.intern("__cached__");
  if (!cached || dict_set_str(I, g, cached, Value::none()) < 0) return Value::error();
  if (I.modules && dict_set_str(I, I.modules, name, Value::object(m)) < 0) return Value::error();
  I.main_globals = g;
  return run_source(I, filename, source, g);
}

Value run_main(Isolate& I, std::string_view filename, std::string_view source) {
  IsolateScope scope(I);
  I.begin_run();
  if (source.size() > I.limits.max_source_bytes) return I.end_run(LimitKind::Source);
  Value r = run_module_main(I, filename, source);
  // A limit may have been hit in native code whose caller went on (a
  // swallowed error): the run has ended all the same.
  if (I.ended != LimitKind::None) {
    // A run that filled the heap leaves garbage behind (its frames are
    // gone): collect it, so that the next run starts with room again.
    if (I.ended == LimitKind::Memory) I.collect();
    return Value::error();
  }
  return r;
}

Value run_module_source(Isolate& I, Module* m, std::string_view filename, std::string_view source) {
  Dict* g = m->dict;
  if (dict_get_str(g, I.rt.n___name__).is_null() && m->name) {
    if (dict_set_str(I, g, I.rt.n___name__, Value::object(m->name)) < 0) return Value::error();
  }
  if (dict_get_str(g, I.rt.n___file__).is_null()) {
    Value fn = str_value(I, filename);
    if (fn.is_error()) return fn;
    if (dict_set_str(I, g, I.rt.n___file__, fn) < 0) return Value::error();
  }
  return run_source(I, filename, source, g);
}

// --- builtins ---------------------------------------------------------------------

namespace {

bool is_mapping(Isolate& I, Value v) { return type_of(I, v)->getitem != nullptr; }

Value builtin_exec_eval(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames, bool is_eval) {
  const char* fname = is_eval ? "eval" : "exec";
  Value p[4];
  if (is_eval) {
    if (bind_args(I, fname, args, nargs, kwnames, {"source", "globals", "locals"}, 3, 3, 1, p) < 0)
      return Value::error();
    p[3] = Value::null();
  } else {
    if (bind_args(I, fname, args, nargs, kwnames, {"source", "globals", "locals", "closure"}, 3, 3, 1, p) < 0)
      return Value::error();
  }
  Value source = p[0];
  Value gv = p[1].is_null() ? Value::none() : p[1];
  Value lv = p[2].is_null() ? Value::none() : p[2];
  Value closure = p[3].is_null() ? Value::none() : p[3];
  if (!gv.is_none() && !(type_of(I, gv)->flags & kTypeDictSubclass)) {
    if (is_eval) {
      return raise(I, I.rt.exc_TypeError, is_mapping(I, gv) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                             : "globals must be a dict");
    }
    return raisef(I, I.rt.exc_TypeError, "exec() globals must be a dict, not %s", type_name(I, gv));
  }
  if (!lv.is_none() && !is_mapping(I, lv)) {
    if (is_eval) return raise(I, I.rt.exc_TypeError, "locals must be a mapping");
    return raisef(I, I.rt.exc_TypeError, "locals must be a mapping or None, not %s", type_name(I, lv));
  }
  Dict* globals;
  Value locals;
  if (gv.is_none()) {
    if (I.frame) {
      globals = I.frame->globals;
      if (lv.is_none()) {
        locals = frame_locals(I);
        if (locals.is_error()) return locals;
      } else {
        locals = lv;
      }
    } else {
      globals = I.main_globals;
      if (!globals) {
        return raise(I, I.rt.exc_SystemError, is_eval ? "globals and locals cannot be NULL"
                                                       : "globals and locals cannot be NULL");
      }
      locals = lv.is_none() ? Value::object(globals) : lv;
    }
  } else {
    globals = gv.as<Dict>();
    locals = lv.is_none() ? gv : lv;
  }
  if (dict_get_str(globals, I.rt.n___builtins__).is_null()) {
    Dict* b = I.frame ? I.frame->builtins : I.builtins;
    if (dict_set_str(I, globals, I.rt.n___builtins__, Value::object(b)) < 0) return Value::error();
  }
  Code* code;
  if (type_of(I, source) == I.rt.code_type) {
    code = source.as<Code>();
    // Source only: a code object runs only if compile() made it here from
    // source text. Function bodies, class bodies and other nested code
    // (reachable through __code__ and co_consts) expect a frame that only
    // their own function call builds.
    if (!(code->flags & kCodeFromCompile)) {
      return raisef(I, I.rt.exc_TypeError, "%s() arg 1 must be a string, bytes or a code object made by compile()",
                    fname);
    }
    Tuple* cl = nullptr;
    if (code->nfrees > 0) {
      if (is_eval) {
        return raise(I, I.rt.exc_TypeError, "code object passed to eval() may not contain free variables");
      }
      if (closure.is_none() || type_of(I, closure) != I.rt.tuple_type ||
          closure.as<Tuple>()->size() != code->nfrees) {
        return raisef(I, I.rt.exc_TypeError, "code object requires a closure of exactly length %u", code->nfrees);
      }
      cl = closure.as<Tuple>();
      for (size_t i = 0; i < cl->size(); ++i) {
        if (type_of(I, cl->items[i]) != I.rt.cell_type) {
          return raise(I, I.rt.exc_TypeError, "closure can only contain cells");
        }
      }
    } else if (!closure.is_none()) {
      return raise(I, I.rt.exc_TypeError, "cannot use a closure with this code object");
    }
    Value r = run_code(I, code, globals, static_cast<Dict*>(locals.as_object()), cl);
    if (r.is_error()) return r;
    return is_eval ? r : Value::none();
  }
  if (!closure.is_none()) return raise(I, I.rt.exc_TypeError, "closure can only be used when source is a code object");
  bool ok;
  std::string keep;
  std::string_view text = source_text_of(I, source, &ok, &keep);
  if (!ok) {
    return raisef(I, I.rt.exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  }
  if (is_eval) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  }
  code = compile_source(I, text, "<string>", is_eval ? SourceMode::Eval : SourceMode::Exec, false);
  if (!code) return Value::error();
  Value r = run_code(I, code, globals, static_cast<Dict*>(locals.as_object()));
  if (r.is_error()) return r;
  return is_eval ? r : Value::none();
}

Value builtin_exec(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_exec_eval(I, args, nargs, kwnames, false);
}

Value builtin_eval(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  return builtin_exec_eval(I, args, nargs, kwnames, true);
}

Value builtin_compile(Isolate& I, const Value* args, size_t nargs, Tuple* kwnames) {
  Value p[7];
  if (bind_args(I, "compile", args, nargs, kwnames,
                {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, 0, 6, 3,
                p) < 0)
    return Value::error();
  Value mode_v = p[2];
  if (!(type_of(I, mode_v)->flags & kTypeStrSubclass)) {
    return raisef(I, I.rt.exc_TypeError, "compile() argument 'mode' must be str, not %s", type_name(I, mode_v));
  }
  std::string_view mode = mode_v.as<Str>()->view();
  SourceMode sm;
  if (mode == "exec") sm = SourceMode::Exec;
  else if (mode == "eval") sm = SourceMode::Eval;
  else if (mode == "single") sm = SourceMode::Single;
  else return raise(I, I.rt.exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  if (!p[3].is_null()) {
    int64_t flags = 0;
    if (!index_i64(I, p[3], &flags)) return Value::error();
    if (flags & 0x400) return raise(I, I.rt.exc_ValueError, "compile(): ast objects are not supported");
  }
  std::string filename;
  Value fv = p[1];
  if (type_of(I, fv)->flags & kTypeStrSubclass) {
    filename = std::string(fv.as<Str>()->view());
  } else if (is_bytes(fv)) {
    filename = std::string(bytes_view(fv));
  } else {
    return raisef(I, I.rt.exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(I, fv));
  }
  bool ok;
  std::string keep;
  std::string_view text = source_text_of(I, p[0], &ok, &keep);
  if (!ok) return raise(I, I.rt.exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
  Code* code = compile_source(I, text, filename, sm, false);
  if (!code) return Value::error();
  code->flags |= kCodeFromCompile;
  return Value::object(code);
}

}  // namespace

void init_eval_builtins(Runtime& rt) {
  Isolate& B = rt.bootstrap();
  auto add = [&](const char* name, NativeFn fn) {
    Value f = make_builtin(rt, name, fn);
    dict_set_str(B, rt.builtins, rt.intern_immortal(name), f);
  };
  add("exec", builtin_exec);
  add("eval", builtin_eval);
  add("compile", builtin_compile);
}

}  // namespace capy
