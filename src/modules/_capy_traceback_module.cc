// _capy_traceback: what the traceback module needs from the VM, without
// exposing frames. Traceback entries and the running call stack are
// described by plain tuples (file name, function name, line and column
// positions), and source lines come from the isolate's source registry
// (CPython's linecache). Nothing here gives access to locals, globals or
// code objects, so the capability model is unchanged: this is the
// information the default exception report already prints.
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/source_registry.h"
#include "objects/str.h"
#include "objects/traceback_format.h"
#include "objects/tuple.h"
#include "support/arena.h"
#include "syntax/ast.h"
#include "syntax/parser.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

Value opt_int(Isolate& I, bool ok, int32_t v) { return ok && v >= 0 ? int_from_i64(I, v) : Value::none(); }

/// (filename, name, lineno, end_lineno, colno, end_colno) of instruction
/// `instr` in `code`; lineno falls back to `lineno` when positions are absent.
Value entry_tuple(Isolate& I, Code* code, uint32_t instr, uint32_t lineno) {
  Str* file = code ? code_filename(code) : nullptr;
  Str* name = code ? code_name(code) : nullptr;
  int32_t l = 0, el = 0, c = 0, ec = 0;
  bool ok = code && code_position_of(code, instr, &l, &el, &c, &ec);
  Value fv = file ? Value::object(file) : str_value(I, "<unknown>");
  Value nv = name ? Value::object(name) : str_value(I, "<unknown>");
  if (fv.is_error() || nv.is_error()) return Value::error();
  Value ln = ok && l > 0 ? int_from_i64(I, l) : (lineno ? int_from_i64(I, lineno) : Value::none());
  return tuple_pack(I, {fv, nv, ln, opt_int(I, ok, el), opt_int(I, ok, c), opt_int(I, ok, ec)});
}

Value fn_tb_entry(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "tb_entry", kw) < 0 || check_nargs(I, "tb_entry", nargs, 1, 1) < 0) return Value::error();
  if (type_of(I, args[0]) != I.rt.traceback_type)
    return raisef(I, I.rt.exc_TypeError, "expected a traceback object, got '%s'", type_name(I, args[0]));
  auto* tb = args[0].as<Traceback>();
  return entry_tuple(I, tb->code, tb->instr, traceback_lineno(tb));
}

/// The running Python frames, innermost first, as entry tuples.
Value fn_stack(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "stack", kw) < 0 || check_nargs(I, "stack", nargs, 0, 0) < 0) return Value::error();
  List* out = list_new(I, 0);
  if (!out) return Value::error();
  for (Frame* f = I.frame; f; f = f->back) {
    Code* code = f->code;
    uint32_t instr = 0;
    if (code && f->ip && f->ip > code->instrs) instr = static_cast<uint32_t>(f->ip - code->instrs - 1);
    uint32_t line = code ? code_line_of(code, instr) : 0;
    Value e = entry_tuple(I, code, instr, line);
    if (e.is_error() || list_append(I, out, e) < 0) return Value::error();
  }
  return Value::object(out);
}

/// linecache.getline: the line with its newline, or '' when unknown.
Value fn_getline(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "getline", kw) < 0 || check_nargs(I, "getline", nargs, 2, 2) < 0) return Value::error();
  if (!args[0].is_object() || !(type_of(I, args[0])->flags & kTypeStrSubclass)) return str_value(I, "");
  int64_t lineno;
  if (!args[1].is_small_int()) return str_value(I, "");
  lineno = args[1].as_small_int();
  std::string_view file = args[0].as<Str>()->view();
  SourceRegistry& reg = source_registry(I);
  auto it = reg.files.find(std::string(file));
  if (it == reg.files.end() || lineno < 1 || lineno > UINT32_MAX) return str_value(I, "");
  std::string_view line = isolate_source_line(I, file, static_cast<uint32_t>(lineno));
  if (line.empty()) {
    // An empty line of the file, or a line past its end.
    const auto& starts = it->second.line_starts;
    if (static_cast<uint64_t>(lineno) > starts.size() || starts[lineno - 1] >= it->second.text.size())
      return str_value(I, "");
  }
  std::string s(line);
  s += '\n';
  return str_value(I, s);
}

/// For the caret anchors of 3.11 tracebacks: parses `segment` as a module
/// and, when it is a single expression statement whose expression is a
/// binary operation or a subscript, returns ('binop', left.end_col_offset,
/// right.col_offset) or ('subscript', value.end_col_offset,
/// slice.end_col_offset) (UTF-8 byte offsets, as CPython's ast); else None.
Value fn_anchor_nodes(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "anchor_nodes", kw) < 0 || check_nargs(I, "anchor_nodes", nargs, 1, 1) < 0)
    return Value::error();
  if (!args[0].is_object() || !(type_of(I, args[0])->flags & kTypeStrSubclass)) return Value::none();
  std::string_view src = args[0].as<Str>()->view();
  support::Arena arena;
  syntax::ParseOptions opts;
  opts.max_depth = 200;
  syntax::ParseResult pr = syntax::parse(src, "<segment>", syntax::Mode::Exec, arena, opts);
  if (!pr.ok() || pr.mod->kind != syntax::ModKind::Module) return Value::none();
  const auto& mod = pr.mod->cast<syntax::Module>();
  if (mod.body.size() != 1) return Value::none();
  const syntax::Stmt* st = mod.body[0];
  const auto* es = st->as<syntax::ExprStmt>();
  if (!es || !es->value) return Value::none();
  const syntax::Expr* e = es->value;
  if (const auto* b = e->as<syntax::BinOp>()) {
    Value tag = str_value(I, "binop");
    if (tag.is_error()) return tag;
    return tuple_pack(I, {tag, Value::small_int(b->left->pos.end_col_offset), Value::small_int(b->right->pos.col_offset)});
  }
  if (const auto* s = e->as<syntax::Subscript>()) {
    Value tag = str_value(I, "subscript");
    if (tag.is_error()) return tag;
    return tuple_pack(I,
                      {tag, Value::small_int(s->value->pos.end_col_offset), Value::small_int(s->slice->pos.end_col_offset)});
  }
  return Value::none();
}

}  // namespace

int init__capy_traceback_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "tb_entry", fn_tb_entry) < 0 || module_add_function(I, m, "stack", fn_stack) < 0 ||
      module_add_function(I, m, "getline", fn_getline) < 0 ||
      module_add_function(I, m, "anchor_nodes", fn_anchor_nodes) < 0)
    return -1;
  return 0;
}

}  // namespace capy
