// Internal interface of the code generator, shared by codegen.cc (units, emission,
// names), codegen_expr.cc, codegen_stmt.cc, codegen_pattern.cc and assembler.cc.
// Mirrors the structure of CPython 3.11's Python/compile.c.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/code_unit.h"
#include "compiler/compile_error.h"
#include "compiler/compiler.h"
#include "compiler/name_map.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"
#include "syntax/ast.h"

namespace capy::compiler {

/// Propagates failure out of a bool-returning codegen function.
#define CAPY_CTRY(expr) \
  do {                  \
    if (!(expr)) return false; \
  } while (0)

/// Kind of code unit being generated (CPython's COMPILER_SCOPE_*).
enum class ScopeType : uint8_t { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

/// One instruction before assembly. For jumps `arg` is a label id; for
/// SETUP_* pseudo instructions it is a handler id; for deref ops a deref id.
struct Instr {
  Opcode op;
  int32_t handler;  ///< innermost exception handler covering it, -1 for none
  uint32_t arg;
  Position pos;
};

/// A protected region opened by SETUP_*; `parent` is the enclosing handler.
struct HandlerNode {
  uint32_t label;
  int32_t parent;
  Opcode setup;       ///< SETUP_FINALLY, SETUP_CLEANUP or SETUP_WITH
  int32_t depth = -1; ///< stack depth to unwind to (computed by the assembler)
};

/// Kinds of frame blocks tracked for break/continue/return unwinding.
enum class FBlockType : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup, PopValue,
  ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator,
};

struct FBlock {
  FBlockType type;
  uint32_t block = 0;  ///< continue target (loops)
  uint32_t exit = 0;   ///< break target (loops)
  const syntax::Stmt* stmt = nullptr;     ///< With/AsyncWith statement (position of __exit__ call)
  syntax::Seq<syntax::Stmt*> finalbody;   ///< FinallyTry
  std::string_view name;                  ///< HandlerCleanup: the `as` name (empty if none)
  bool has_name = false;
};

/// Hash index over a unit's constants.
class ConstIndex {
 public:
  /// Index of a constant identical to `c` in `consts`, or -1.
  int64_t find(const std::vector<Const>& consts, const Const& c, uint64_t hash) const noexcept;
  void insert(const std::vector<Const>& consts, uint32_t index, uint64_t hash);

 private:
  struct Slot {
    uint64_t hash = 0;
    int32_t index = -1;
  };
  void grow(const std::vector<Const>& consts);
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

/// State of one code unit under construction (CPython's compiler_unit).
struct Unit {
  const SymbolBlock* ste = nullptr;
  ScopeType scope_type = ScopeType::Module;
  std::string name;
  std::string qualname;
  std::string_view private_name;  ///< class name used for mangling ("" outside classes)
  int32_t firstlineno = 1;
  uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;

  std::vector<Instr> instrs;
  std::vector<int32_t> labels;  ///< label id -> instruction index (-1 unbound)
  std::vector<int32_t> label_handler;  ///< handler state recorded for jumps to a label
  std::vector<HandlerNode> handlers;
  int32_t cur_handler = -1;

  std::vector<Const> consts;
  ConstIndex const_index;
  std::vector<std::string_view> names;
  NameMap name_index;
  std::vector<std::string_view> varnames;
  NameMap varname_index;
  std::vector<std::string_view> cellvars;  ///< all cells (incl. parameters), sorted
  NameMap cell_index;
  std::vector<std::string_view> freevars;  ///< sorted
  NameMap free_index;

  std::vector<FBlock> fblocks;
  Position loc;  ///< location given to emitted instructions
  std::optional<std::string> docstring;
};

/// The code generator for one compile() call.
class Codegen {
 public:
  Codegen(SymbolTable& st, std::string_view filename, const Options& options, FutureFeatures future);
  ~Codegen();

  /// Generates the top-level unit; nullptr on error (see `error()`).
  std::shared_ptr<const CodeUnit> compile_mod(const syntax::Mod* mod, Mode mode);
  const CompileError& error() const noexcept { return error_; }

  // ---- errors ---------------------------------------------------------------
  bool fail(std::string_view message);                  ///< SyntaxError at the current location
  bool fail_at(std::string_view message, const syntax::Pos& pos);
  bool fail_system(std::string_view message);           ///< SystemError (malformed AST / bug)
  bool too_deep();
  /// Records a SyntaxWarning at the current location.
  void warn(std::string message);
  /// Warnings for `is` with a literal (CPython's check_compare).
  void check_compare_warnings(const syntax::Compare* e);
  /// Warning for calling a literal, e.g. `(1, 2)(3)` (CPython's check_caller).
  void check_caller(const syntax::Expr* func);
  /// True once the native stack used since construction exceeds the budget.
  bool stack_exhausted() const;
  /// Depth check for recursive visitors.
  bool depth_ok() const { return depth_ <= options_.max_nesting_depth && !stack_exhausted(); }

  // ---- units (codegen.cc) ------------------------------------------------------
  bool enter_scope(std::string name, ScopeType type, const void* key, int32_t lineno);
  /// Assembles the current unit and pops it; nullptr on error.
  CodeConst exit_scope(bool add_implicit_return);
  bool set_qualname();
  uint32_t code_flags() const;

  // ---- emission ----------------------------------------------------------------
  void set_loc(const syntax::Pos& pos) {
    u_->loc = Position{pos.lineno, pos.end_lineno, pos.col_offset, pos.end_col_offset};
  }
  void unset_loc() { u_->loc.lineno = -1; }
  void emit(Opcode op, uint32_t arg = 0) {
    u_->instrs.push_back(Instr{op, u_->cur_handler, arg, u_->loc});
  }
  /// Emits a jump to `label`, recording the handler state flowing into it.
  void emit_jump(Opcode op, uint32_t label) {
    note_label_state(label, u_->cur_handler);
    emit(op, label);
  }
  uint32_t new_label() {
    u_->labels.push_back(-1);
    u_->label_handler.push_back(kNoState);
    return static_cast<uint32_t>(u_->labels.size() - 1);
  }
  /// Places `label` here. If control cannot fall into it, the handler state
  /// becomes the one recorded by the jumps (or SETUP) that target it, so code
  /// may be laid out in any order (CPython derives this by flow analysis).
  void bind(uint32_t label);
  void note_label_state(uint32_t label, int32_t state) {
    if (u_->label_handler[label] == kNoState) u_->label_handler[label] = state;
  }
  static constexpr int32_t kNoState = -2;
  /// Emits SETUP_* and makes its handler current until pop_block().
  void setup(Opcode setup_op, uint32_t label);
  void pop_block() { u_->cur_handler = u_->handlers[static_cast<size_t>(u_->cur_handler)].parent; }

  uint32_t add_const(Const c);
  void load_const(Const c) { emit(Opcode::LOAD_CONST, add_const(std::move(c))); }
  void load_none() { load_const(Const{NoneConst{}}); }
  uint32_t add_name(std::string_view name);
  /// Emits `op` with the mangled `name` as a names operand.
  void emit_name(Opcode op, std::string_view name);
  uint32_t varname_index(std::string_view name);
  std::string_view mangled(std::string_view name);
  bool nameop(std::string_view name, syntax::ExprContext ctx);
  bool forbidden_name(std::string_view name, syntax::ExprContext ctx);
  bool check_code_size();

  // ---- frame blocks ------------------------------------------------------------
  bool push_fblock(FBlock fb);
  void pop_fblock() { u_->fblocks.pop_back(); }
  bool unwind_fblock(const FBlock& fb, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, std::optional<FBlock>* loop);
  void call_exit_with_nones();
  void add_yield_from(bool await);
  void emit_yield();
  void pop_except_and_reraise();

  // ---- statements (codegen_stmt.cc) ----------------------------------------------
  bool visit_stmt(const syntax::Stmt* s);
  bool visit_stmts(syntax::Seq<syntax::Stmt*> stmts);
  bool body(syntax::Seq<syntax::Stmt*> stmts, bool is_module);
  bool function_def(const syntax::Stmt* s);
  bool class_def(const syntax::ClassDef* s);
  bool return_stmt(const syntax::Return* s);
  bool break_stmt();
  bool continue_stmt();
  bool if_stmt(const syntax::If* s);
  bool for_stmt(const syntax::For* s);
  bool async_for_stmt(const syntax::AsyncFor* s);
  bool while_stmt(const syntax::While* s);
  bool try_stmt(const syntax::Try* s);
  bool try_except(const syntax::TryBase* s);
  bool try_finally(const syntax::TryBase* s);
  bool try_star(const syntax::TryStar* s);
  bool try_star_except(const syntax::TryBase* s);
  bool with_stmt(const syntax::WithBase* s, size_t pos, bool is_async);
  bool with_except_finish(uint32_t cleanup);
  bool assert_stmt(const syntax::Assert* s);
  bool import_stmt(const syntax::Import* s);
  bool import_from(const syntax::ImportFrom* s);
  bool import_as(std::string_view name, std::string_view asname);
  bool aug_assign(const syntax::AugAssign* s);
  bool ann_assign(const syntax::AnnAssign* s);
  bool check_ann_expr(const syntax::Expr* e);
  bool delete_target(const syntax::Expr* e);
  bool assign(const syntax::Assign* s);
  bool raise_stmt(const syntax::Raise* s);
  bool expr_stmt(const syntax::Expr* value);
  bool decorators(syntax::Seq<syntax::Expr*> decos);
  void apply_decorators(syntax::Seq<syntax::Expr*> decos);
  bool default_arguments(const syntax::Arguments* args, uint32_t& flags);
  bool visit_annotations(const syntax::Arguments* args, const syntax::Expr* returns, bool& has_any);
  bool visit_annotation_value(const syntax::Expr* annotation);
  bool check_debug_args(const syntax::Arguments* args);
  bool make_closure(const CodeConst& code, uint32_t flags);

  // ---- expressions (codegen_expr.cc) ----------------------------------------------
  bool visit_expr(const syntax::Expr* e);
  bool visit_expr_inner(const syntax::Expr* e);
  bool visit_exprs(syntax::Seq<syntax::Expr*> exprs);
  bool jump_if(const syntax::Expr* e, uint32_t next, bool cond);
  bool boolop(const syntax::BoolOp* e);
  bool binop_chain(const syntax::BinOp* e);
  bool compare(const syntax::Compare* e);
  void compare_op(syntax::CmpOperator op);
  bool check_compare(const syntax::Compare* e);
  bool call(const syntax::Call* e);
  bool call_helper(uint32_t n, syntax::Seq<syntax::Expr*> args, syntax::Seq<syntax::Keyword*> keywords);
  bool call_simple_kw_helper(syntax::Seq<syntax::Keyword*> keywords);
  bool subkwargs(syntax::Seq<syntax::Keyword*> keywords, size_t begin, size_t end);
  bool validate_keywords(syntax::Seq<syntax::Keyword*> keywords);
  bool starunpack_helper(syntax::Seq<syntax::Expr*> elts, uint32_t pushed, Opcode build, Opcode add,
                         Opcode extend, bool tuple);
  bool unpack_helper(syntax::Seq<syntax::Expr*> elts);
  bool assignment_helper(syntax::Seq<syntax::Expr*> elts);
  bool dict(const syntax::Dict* e);
  bool subdict(const syntax::Dict* e, size_t begin, size_t end);
  bool lambda(const syntax::Lambda* e);
  bool comprehension(const syntax::Expr* e, ScopeType unused, std::string_view name,
                     syntax::Seq<syntax::Comprehension*> generators, const syntax::Expr* elt,
                     const syntax::Expr* val);
  bool comprehension_generator(syntax::Seq<syntax::Comprehension*> generators, size_t gen_index, int depth,
                               const syntax::Expr* elt, const syntax::Expr* val, syntax::ExprKind type);
  bool sync_comprehension_generator(syntax::Seq<syntax::Comprehension*> generators, size_t gen_index, int depth,
                                    const syntax::Expr* elt, const syntax::Expr* val, syntax::ExprKind type);
  bool async_comprehension_generator(syntax::Seq<syntax::Comprehension*> generators, size_t gen_index, int depth,
                                     const syntax::Expr* elt, const syntax::Expr* val, syntax::ExprKind type);
  bool joined_str(const syntax::JoinedStr* e);
  bool formatted_value(const syntax::FormattedValue* e);
  bool slice(const syntax::Slice* e);
  bool is_const_expr(const syntax::Expr* e) const;
  /// Folds a constant expression (literal, -literal, tuple of constants,
  /// real+imaginary literal, small int/float arithmetic). False if not foldable.
  bool fold(const syntax::Expr* e, Const& out) const;

  // ---- patterns (codegen_pattern.cc) ------------------------------------------------
  struct PatternContext {
    std::vector<std::string_view> stores;
    bool allow_irrefutable = false;
    std::vector<uint32_t> fail_pop;
    size_t on_top = 0;
  };
  bool match_stmt(const syntax::Match* s);
  bool pattern(const syntax::Pattern* p, PatternContext& pc);
  bool pattern_subpattern(const syntax::Pattern* p, PatternContext& pc);
  void ensure_fail_pop(PatternContext& pc, size_t n);
  void jump_to_fail_pop(PatternContext& pc, Opcode op);
  void emit_and_reset_fail_pop(PatternContext& pc);
  void pattern_helper_rotate(size_t count);
  bool pattern_helper_store_name(std::string_view name, bool has_name, PatternContext& pc);
  bool pattern_unpack_helper(syntax::Seq<syntax::Pattern*> elts);
  bool pattern_helper_sequence_unpack(syntax::Seq<syntax::Pattern*> patterns, PatternContext& pc);
  bool pattern_helper_sequence_subscr(syntax::Seq<syntax::Pattern*> patterns, size_t star, PatternContext& pc);
  bool pattern_as(const syntax::MatchAs* p, PatternContext& pc);
  bool pattern_class(const syntax::MatchClass* p, PatternContext& pc);
  bool pattern_mapping(const syntax::MatchMapping* p, PatternContext& pc);
  bool pattern_or(const syntax::MatchOr* p, PatternContext& pc);
  bool pattern_sequence(const syntax::MatchSequence* p, PatternContext& pc);
  bool pattern_value(const syntax::MatchValue* p, PatternContext& pc);

  // ---- assembly (assembler.cc) --------------------------------------------------------
  CodeConst assemble(bool add_implicit_return);

  // ---- state ------------------------------------------------------------------------------
  SymbolTable& st_;
  std::string_view filename_;
  Options options_;
  FutureFeatures future_;
  CompileError error_;
  std::vector<CompileWarning> warnings_;
  bool failed_ = false;
  bool interactive_ = false;
  int nest_level_ = 0;
  int depth_ = 0;
  const char* stack_limit_ = nullptr;  ///< lowest native stack address the passes may reach
  size_t assembled_instructions_ = 0;  ///< instructions of units already assembled
  Position unwind_origin_;             ///< location of the return/break/continue being unwound
  Unit* u_ = nullptr;
  std::vector<std::unique_ptr<Unit>> units_;

  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& depth) : d(depth) { ++d; }
    ~DepthGuard() { --d; }
  };
};

/// True if `stmts` (not nested functions/classes) contain an annotated assignment.
bool find_ann(syntax::Seq<syntax::Stmt*> stmts);

/// The source text of an expression as CPython's ast.unparse prints it (used
/// for annotations under `from __future__ import annotations`).
std::string unparse_expr(const syntax::Expr* e);

/// Truthiness of a constant: 1 true, 0 false, -1 unknown (code objects).
int const_truth(const Const& c);

/// Converts an AST constant into a compiler constant.
Const const_from_ast(const syntax::ConstantValue& v);

}  // namespace capy::compiler
