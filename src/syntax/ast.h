// Abstract syntax tree for Python 3.11: a node-for-node mirror of CPython's `ast` module.
//
// Pipeline: source --lexer--> tokens --parser--> AST (this file) --compiler--> bytecode.
//
// Reading guide for users of the tree (the compiler):
//  * Every node kind, field name and field meaning is exactly CPython 3.11's
//    (Parser/Python.asdl; https://docs.python.org/3.11/library/ast.html). When
//    in doubt, `python3 -c "import ast; print(ast.dump(ast.parse(SRC)))"` shows
//    what the tree for SRC looks like, and `syntax::dump()` prints ours in the
//    same format.
//  * There are four node families with a `kind` tag each: Mod, Stmt, Expr and
//    Pattern. Switch on `kind`, then downcast with `node->as<T>()` (checked,
//    returns nullptr on mismatch) or `node->cast<T>()` (unchecked, after a
//    switch). The remaining node types (Arguments, Arg, Keyword, Alias,
//    WithItem, MatchCase, Comprehension, ExceptHandler) have a single shape and
//    no tag. Operators and contexts (Load/Store/Del, Add, Eq, ...) are enums.
//  * Field names are the Python ones (`orelse`, `finalbody`, `kw_defaults`,
//    ...), deliberately breaking the `member_` naming rule so the CPython
//    documentation applies verbatim.
//  * Optional children (`expr?` in the ASDL) are nullptr when absent. Optional
//    identifiers (`identifier?`) are the empty string when absent (a real
//    identifier is never empty). Lists (`expr*`) are `Seq<T*>` = std::span
//    over arena memory; an element may be nullptr only where CPython allows
//    None in the list: `Dict::keys` (for `**d` entries) and
//    `Arguments::kw_defaults` (keyword-only argument without a default).
//  * Ownership: every node, list and string lives in the `support::Arena`
//    passed to `parse()`, and dies with it. Nodes are plain mutable structs: a
//    later pass may rewrite fields in place (e.g. constant folding) as long as
//    new nodes come from the same arena.
//  * Positions: `Pos` holds CPython's lineno / col_offset / end_lineno /
//    end_col_offset. Lines are 1-based; columns are 0-based UTF-8 *byte*
//    offsets into the line, exactly like CPython (checked against CPython
//    3.11 on the whole standard library). Nodes without attributes in
//    CPython (Arguments, Comprehension, WithItem, MatchCase, Mod) have no Pos.
//    Inside f-strings, positions follow CPython 3.11 including its quirks:
//    JoinedStr, its Constant parts and FormattedValue span the whole
//    (concatenated) string literal; only the expressions inside have their
//    own positions.
//  * Depth: a tree produced by parse() is at most ParseOptions::max_depth
//    (default 3000) nodes deep, so a recursive pass over it is bounded; it
//    must still budget native stack for that depth (see
//    support/stack_limit.h for a guard).
//  * Strings: identifiers are NFKC-normalised UTF-8 (PEP 3131). `str`
//    constants are UTF-8 with escapes already decoded; lone surrogates that
//    come from escapes such as "\ud800" are encoded as the usual 3-byte
//    sequence (ED A0 80 ..., i.e. "WTF-8"), so every Python str round-trips.
//    `bytes` constants hold raw bytes.
//  * Not represented: `type_comment` fields (always None in CPython unless
//    type_comments=True, which capy does not support) and `Module.type_ignores`
//    (always empty); `dump()` prints `type_ignores=[]` for fidelity.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "support/arena.h"

namespace capy::syntax {

using support::Arena;

/// A list of child nodes: a span over arena-owned storage. Elements are
/// mutable (a pass may replace a child) but the length is fixed.
template <class T>
using Seq = std::span<T>;

/// An identifier: NFKC-normalised UTF-8. Empty means "absent" (None) for the
/// optional identifier fields.
using Identifier = std::string;

/// Source span of a node, with CPython's meaning: 1-based lines, 0-based
/// UTF-8 byte columns; the end is exclusive (end_col_offset is one past the
/// last byte).
struct Pos {
  int32_t lineno = 0;
  int32_t col_offset = 0;
  int32_t end_lineno = 0;
  int32_t end_col_offset = 0;
};

// ---------------------------------------------------------------------------
// Kind tags (generated from ast.def) and small enums.
// ---------------------------------------------------------------------------

/// Tag of a Mod (root) node.
enum class ModKind : uint8_t {
#define CAPY_AST_MOD(cpp, py) cpp,
#include "syntax/ast.def"
};

/// Tag of a Stmt node. `ExprStmt` is CPython's `Expr` statement.
enum class StmtKind : uint8_t {
#define CAPY_AST_STMT(cpp, py) cpp,
#include "syntax/ast.def"
};

/// Tag of an Expr node.
enum class ExprKind : uint8_t {
#define CAPY_AST_EXPR(cpp, py) cpp,
#include "syntax/ast.def"
};

/// Tag of a Pattern node (match statement patterns, PEP 634).
enum class PatternKind : uint8_t {
#define CAPY_AST_PATTERN(cpp, py) cpp,
#include "syntax/ast.def"
};

/// `expr_context`: how a Name/Attribute/Subscript/Starred/List/Tuple is used.
enum class ExprContext : uint8_t { Load, Store, Del };

/// `boolop`.
enum class BoolOperator : uint8_t { And, Or };

/// `operator` (binary operators, also used by AugAssign).
enum class Operator : uint8_t { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };

/// `unaryop`.
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };

/// `cmpop`.
enum class CmpOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

/// Python-visible class names ("FunctionDef", "Expr", "Add", "Load", ...),
/// as printed by ast.dump. Implemented in ast.cc.
std::string_view kind_name(ModKind k) noexcept;
std::string_view kind_name(StmtKind k) noexcept;
std::string_view kind_name(ExprKind k) noexcept;
std::string_view kind_name(PatternKind k) noexcept;
std::string_view kind_name(ExprContext k) noexcept;
std::string_view kind_name(BoolOperator k) noexcept;
std::string_view kind_name(Operator k) noexcept;
std::string_view kind_name(UnaryOperator k) noexcept;
std::string_view kind_name(CmpOperator k) noexcept;

/// The operator's Python spelling ("+", "//", "not in", "@", ...).
std::string_view operator_text(Operator k) noexcept;
std::string_view operator_text(CmpOperator k) noexcept;

// ---------------------------------------------------------------------------
// Constant values.
// ---------------------------------------------------------------------------

/// The value of a `Constant` node (and of `MatchSingleton`).
///
/// Literals are never negative: `-1` is UnaryOp(USub, Constant(1)), as in
/// CPython. The parser folds nothing except adjacent string literals.
struct ConstantValue {
  enum class Kind : uint8_t {
    None,      ///< None
    Bool,      ///< True / False: see `bool_value`
    Ellipsis,  ///< ... (Ellipsis)
    Int,       ///< int: see `str` (always) and `int_value` (when `int_fits`)
    Float,     ///< float: `float_value`
    Complex,   ///< imaginary literal such as 2j: `float_value` is the imaginary part, real part is 0.0
    Str,       ///< str: `str` holds UTF-8 (WTF-8 for lone surrogates), escapes decoded
    Bytes,     ///< bytes: `str` holds the raw bytes, escapes decoded
  };
  Kind kind = Kind::None;
  bool bool_value = false;  ///< Kind::Bool
  bool int_fits = false;    ///< Kind::Int: the value fits in int64_t and `int_value` holds it
  int64_t int_value = 0;    ///< Kind::Int when `int_fits`
  double float_value = 0;   ///< Kind::Float (value) or Kind::Complex (imaginary part); may be inf
  /// Kind::Int: the value in canonical decimal ("0", "255", "12345678901234567890123"),
  /// whatever base the literal used, without underscores or sign.
  /// Kind::Str / Kind::Bytes: the contents. Otherwise empty.
  std::string str;
};

// ---------------------------------------------------------------------------
// Node family bases.
// ---------------------------------------------------------------------------

/// Root of a parse: Module (exec), Interactive (single), Expression (eval),
/// FunctionType (func_type; capy's parser never produces it).
struct Mod {
  ModKind kind;
  template <class T> bool is() const noexcept { return kind == T::kKind; }
  template <class T> T* as() noexcept { return is<T>() ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const noexcept { return is<T>() ? static_cast<const T*>(this) : nullptr; }
  /// Unchecked downcast; only after checking `kind`.
  template <class T> T& cast() noexcept { return *static_cast<T*>(this); }
  template <class T> const T& cast() const noexcept { return *static_cast<const T*>(this); }

 protected:
  explicit Mod(ModKind k) noexcept : kind(k) {}
};

/// A statement. Every statement has a position.
struct Stmt {
  StmtKind kind;
  Pos pos;
  template <class T> bool is() const noexcept { return kind == T::kKind; }
  template <class T> T* as() noexcept { return is<T>() ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const noexcept { return is<T>() ? static_cast<const T*>(this) : nullptr; }
  /// Unchecked downcast; only after checking `kind`.
  template <class T> T& cast() noexcept { return *static_cast<T*>(this); }
  template <class T> const T& cast() const noexcept { return *static_cast<const T*>(this); }

 protected:
  explicit Stmt(StmtKind k) noexcept : kind(k) {}
};

/// An expression. Every expression has a position.
struct Expr {
  ExprKind kind;
  Pos pos;
  template <class T> bool is() const noexcept { return kind == T::kKind; }
  template <class T> T* as() noexcept { return is<T>() ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const noexcept { return is<T>() ? static_cast<const T*>(this) : nullptr; }
  /// Unchecked downcast; only after checking `kind`.
  template <class T> T& cast() noexcept { return *static_cast<T*>(this); }
  template <class T> const T& cast() const noexcept { return *static_cast<const T*>(this); }

 protected:
  explicit Expr(ExprKind k) noexcept : kind(k) {}
};

/// A match-statement pattern (PEP 634). Every pattern has a position.
struct Pattern {
  PatternKind kind;
  Pos pos;
  template <class T> bool is() const noexcept { return kind == T::kKind; }
  template <class T> T* as() noexcept { return is<T>() ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const noexcept { return is<T>() ? static_cast<const T*>(this) : nullptr; }
  /// Unchecked downcast; only after checking `kind`.
  template <class T> T& cast() noexcept { return *static_cast<T*>(this); }
  template <class T> const T& cast() const noexcept { return *static_cast<const T*>(this); }

 protected:
  explicit Pattern(PatternKind k) noexcept : kind(k) {}
};

// ---------------------------------------------------------------------------
// Untagged helper nodes.
// ---------------------------------------------------------------------------

/// `arg`: one parameter. `annotation` is nullptr when absent.
struct Arg {
  Pos pos;
  Identifier arg;
  Expr* annotation = nullptr;
};

/// `arguments`: a parameter list, for FunctionDef, AsyncFunctionDef and Lambda.
///
/// `defaults` are the defaults of the *last* len(defaults) parameters of
/// posonlyargs + args (concatenated). `kw_defaults` is parallel to
/// `kwonlyargs` and holds nullptr for a keyword-only parameter without default.
struct Arguments {
  Seq<Arg*> posonlyargs;    ///< parameters before `/`
  Seq<Arg*> args;           ///< ordinary positional-or-keyword parameters
  Arg* vararg = nullptr;    ///< `*args`, or nullptr
  Seq<Arg*> kwonlyargs;     ///< parameters after `*` or `*args`
  Seq<Expr*> kw_defaults;   ///< same length as kwonlyargs; nullptr = no default
  Arg* kwarg = nullptr;     ///< `**kwargs`, or nullptr
  Seq<Expr*> defaults;      ///< defaults for the trailing positional parameters
};

/// `keyword`: a keyword argument `arg=value` in a call or class definition;
/// `arg` is empty for `**value`.
struct Keyword {
  Pos pos;
  Identifier arg;
  Expr* value = nullptr;
};

/// `alias`: one name in an import; `asname` empty when there is no `as`.
/// For `from m import *`, name is "*".
struct Alias {
  Pos pos;
  Identifier name;  ///< dotted for `import a.b.c`
  Identifier asname;
};

/// `withitem`: `context_expr [as optional_vars]`; optional_vars has Store ctx.
struct WithItem {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;
};

/// `match_case`: `case pattern [if guard]: body`.
struct MatchCase {
  Pattern* pattern = nullptr;
  Expr* guard = nullptr;
  Seq<Stmt*> body;
};

/// `comprehension`: one `[async] for target in iter [if ifs...]` clause.
struct Comprehension {
  Expr* target = nullptr;  ///< Store context
  Expr* iter = nullptr;
  Seq<Expr*> ifs;
  int is_async = 0;  ///< 1 for `async for`
};

/// `excepthandler` (its only kind, ExceptHandler): `except [type [as name]]: body`.
/// Shared by Try and TryStar (`except*`).
struct ExceptHandler {
  Pos pos;
  Expr* type = nullptr;  ///< nullptr for a bare `except:`
  Identifier name;       ///< empty when there is no `as name`
  Seq<Stmt*> body;
};

// ---------------------------------------------------------------------------
// Mod kinds.
// ---------------------------------------------------------------------------

/// Module(stmt* body, type_ignore* type_ignores) — result of Mode::Exec.
struct Module final : Mod {
  static constexpr ModKind kKind = ModKind::Module;
  Module() noexcept : Mod(kKind) {}
  Seq<Stmt*> body;
};

/// Interactive(stmt* body) — result of Mode::Single (one interactive input).
struct Interactive final : Mod {
  static constexpr ModKind kKind = ModKind::Interactive;
  Interactive() noexcept : Mod(kKind) {}
  Seq<Stmt*> body;
};

/// Expression(expr body) — result of Mode::Eval.
struct Expression final : Mod {
  static constexpr ModKind kKind = ModKind::Expression;
  Expression() noexcept : Mod(kKind) {}
  Expr* body = nullptr;
};

/// FunctionType(expr* argtypes, expr returns) — defined for completeness only.
struct FunctionType final : Mod {
  static constexpr ModKind kKind = ModKind::FunctionType;
  FunctionType() noexcept : Mod(kKind) {}
  Seq<Expr*> argtypes;
  Expr* returns = nullptr;
};

// ---------------------------------------------------------------------------
// Statements.
// ---------------------------------------------------------------------------

/// Fields shared by FunctionDef and AsyncFunctionDef, so a pass can handle
/// both with `static_cast<FunctionDefBase&>(stmt)`.
struct FunctionDefBase : Stmt {
  Identifier name;
  Arguments* args = nullptr;  ///< never nullptr
  Seq<Stmt*> body;
  Seq<Expr*> decorator_list;  ///< in source order (applied bottom-up)
  Expr* returns = nullptr;    ///< return annotation or nullptr

 protected:
  using Stmt::Stmt;
};

/// FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns).
/// Position starts at `def` (not at the first decorator), as in CPython 3.8+.
struct FunctionDef final : FunctionDefBase {
  static constexpr StmtKind kKind = StmtKind::FunctionDef;
  FunctionDef() noexcept : FunctionDefBase(kKind) {}
};

/// AsyncFunctionDef: same fields as FunctionDef. Position starts at `async`.
struct AsyncFunctionDef final : FunctionDefBase {
  static constexpr StmtKind kKind = StmtKind::AsyncFunctionDef;
  AsyncFunctionDef() noexcept : FunctionDefBase(kKind) {}
};

/// ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list).
/// Position starts at `class`.
struct ClassDef final : Stmt {
  static constexpr StmtKind kKind = StmtKind::ClassDef;
  ClassDef() noexcept : Stmt(kKind) {}
  Identifier name;
  Seq<Expr*> bases;
  Seq<Keyword*> keywords;  ///< includes `metaclass=` and `**kw`
  Seq<Stmt*> body;
  Seq<Expr*> decorator_list;
};

/// Return(expr? value).
struct Return final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Return;
  Return() noexcept : Stmt(kKind) {}
  Expr* value = nullptr;
};

/// Delete(expr* targets): targets have Del context (recursively in tuples/lists).
struct Delete final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Delete;
  Delete() noexcept : Stmt(kKind) {}
  Seq<Expr*> targets;
};

/// Assign(expr* targets, expr value): `a = b = value` has two targets (Store ctx).
struct Assign final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Assign;
  Assign() noexcept : Stmt(kKind) {}
  Seq<Expr*> targets;
  Expr* value = nullptr;
};

/// AugAssign(expr target, operator op, expr value): `target op= value`; target
/// is a Name, Attribute or Subscript with Store ctx.
struct AugAssign final : Stmt {
  static constexpr StmtKind kKind = StmtKind::AugAssign;
  AugAssign() noexcept : Stmt(kKind) {}
  Expr* target = nullptr;
  Operator op = Operator::Add;
  Expr* value = nullptr;
};

/// AnnAssign(expr target, expr annotation, expr? value, int simple).
/// `simple` is 1 when the target is a bare Name not in parentheses.
struct AnnAssign final : Stmt {
  static constexpr StmtKind kKind = StmtKind::AnnAssign;
  AnnAssign() noexcept : Stmt(kKind) {}
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;
  int simple = 0;
};

/// Fields shared by For and AsyncFor.
struct ForBase : Stmt {
  Expr* target = nullptr;  ///< Store context
  Expr* iter = nullptr;
  Seq<Stmt*> body;
  Seq<Stmt*> orelse;

 protected:
  using Stmt::Stmt;
};

/// For(expr target, expr iter, stmt* body, stmt* orelse).
struct For final : ForBase {
  static constexpr StmtKind kKind = StmtKind::For;
  For() noexcept : ForBase(kKind) {}
};

/// AsyncFor: same fields as For.
struct AsyncFor final : ForBase {
  static constexpr StmtKind kKind = StmtKind::AsyncFor;
  AsyncFor() noexcept : ForBase(kKind) {}
};

/// While(expr test, stmt* body, stmt* orelse).
struct While final : Stmt {
  static constexpr StmtKind kKind = StmtKind::While;
  While() noexcept : Stmt(kKind) {}
  Expr* test = nullptr;
  Seq<Stmt*> body;
  Seq<Stmt*> orelse;
};

/// If(expr test, stmt* body, stmt* orelse): `elif` is a nested If as the only
/// element of orelse (positioned at the `elif` keyword).
struct If final : Stmt {
  static constexpr StmtKind kKind = StmtKind::If;
  If() noexcept : Stmt(kKind) {}
  Expr* test = nullptr;
  Seq<Stmt*> body;
  Seq<Stmt*> orelse;
};

/// Fields shared by With and AsyncWith.
struct WithBase : Stmt {
  Seq<WithItem*> items;
  Seq<Stmt*> body;

 protected:
  using Stmt::Stmt;
};

/// With(withitem* items, stmt* body).
struct With final : WithBase {
  static constexpr StmtKind kKind = StmtKind::With;
  With() noexcept : WithBase(kKind) {}
};

/// AsyncWith: same fields as With.
struct AsyncWith final : WithBase {
  static constexpr StmtKind kKind = StmtKind::AsyncWith;
  AsyncWith() noexcept : WithBase(kKind) {}
};

/// Match(expr subject, match_case* cases). `match x, y:` has a Tuple subject.
struct Match final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Match;
  Match() noexcept : Stmt(kKind) {}
  Expr* subject = nullptr;
  Seq<MatchCase*> cases;
};

/// Raise(expr? exc, expr? cause): `raise`, `raise exc`, `raise exc from cause`.
struct Raise final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Raise;
  Raise() noexcept : Stmt(kKind) {}
  Expr* exc = nullptr;
  Expr* cause = nullptr;
};

/// Fields shared by Try and TryStar.
struct TryBase : Stmt {
  Seq<Stmt*> body;
  Seq<ExceptHandler*> handlers;
  Seq<Stmt*> orelse;
  Seq<Stmt*> finalbody;

 protected:
  using Stmt::Stmt;
};

/// Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody).
struct Try final : TryBase {
  static constexpr StmtKind kKind = StmtKind::Try;
  Try() noexcept : TryBase(kKind) {}
};

/// TryStar: `try: ... except* E: ...` (PEP 654); same fields as Try.
struct TryStar final : TryBase {
  static constexpr StmtKind kKind = StmtKind::TryStar;
  TryStar() noexcept : TryBase(kKind) {}
};

/// Assert(expr test, expr? msg).
struct Assert final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Assert;
  Assert() noexcept : Stmt(kKind) {}
  Expr* test = nullptr;
  Expr* msg = nullptr;
};

/// Import(alias* names).
struct Import final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Import;
  Import() noexcept : Stmt(kKind) {}
  Seq<Alias*> names;
};

/// ImportFrom(identifier? module, alias* names, int? level).
/// `from ..pkg import x`: module "pkg", level 2. `from . import x`: module
/// empty (None), level 1. level is 0 for absolute imports (always set, as in
/// CPython's parser output).
struct ImportFrom final : Stmt {
  static constexpr StmtKind kKind = StmtKind::ImportFrom;
  ImportFrom() noexcept : Stmt(kKind) {}
  Identifier module;
  Seq<Alias*> names;
  int level = 0;
};

/// Global(identifier* names).
struct Global final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Global;
  Global() noexcept : Stmt(kKind) {}
  Seq<Identifier> names;
};

/// Nonlocal(identifier* names).
struct Nonlocal final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Nonlocal;
  Nonlocal() noexcept : Stmt(kKind) {}
  Seq<Identifier> names;
};

/// CPython's `Expr(expr value)` statement: an expression evaluated for effect.
struct ExprStmt final : Stmt {
  static constexpr StmtKind kKind = StmtKind::ExprStmt;
  ExprStmt() noexcept : Stmt(kKind) {}
  Expr* value = nullptr;
};

/// Pass.
struct Pass final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Pass;
  Pass() noexcept : Stmt(kKind) {}
};

/// Break.
struct Break final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Break;
  Break() noexcept : Stmt(kKind) {}
};

/// Continue.
struct Continue final : Stmt {
  static constexpr StmtKind kKind = StmtKind::Continue;
  Continue() noexcept : Stmt(kKind) {}
};

// ---------------------------------------------------------------------------
// Expressions.
// ---------------------------------------------------------------------------

/// BoolOp(boolop op, expr* values): `a or b or c` is one BoolOp with 3 values;
/// mixed `a or b and c` nests.
struct BoolOp final : Expr {
  static constexpr ExprKind kKind = ExprKind::BoolOp;
  BoolOp() noexcept : Expr(kKind) {}
  BoolOperator op = BoolOperator::And;
  Seq<Expr*> values;  ///< at least 2
};

/// NamedExpr(expr target, expr value): `target := value`; target is a Name (Store).
struct NamedExpr final : Expr {
  static constexpr ExprKind kKind = ExprKind::NamedExpr;
  NamedExpr() noexcept : Expr(kKind) {}
  Expr* target = nullptr;
  Expr* value = nullptr;
};

/// BinOp(expr left, operator op, expr right).
struct BinOp final : Expr {
  static constexpr ExprKind kKind = ExprKind::BinOp;
  BinOp() noexcept : Expr(kKind) {}
  Expr* left = nullptr;
  Operator op = Operator::Add;
  Expr* right = nullptr;
};

/// UnaryOp(unaryop op, expr operand). `-1` is UnaryOp(USub, Constant(1)).
struct UnaryOp final : Expr {
  static constexpr ExprKind kKind = ExprKind::UnaryOp;
  UnaryOp() noexcept : Expr(kKind) {}
  UnaryOperator op = UnaryOperator::Not;
  Expr* operand = nullptr;
};

/// Lambda(arguments args, expr body). Parameters have no annotations.
struct Lambda final : Expr {
  static constexpr ExprKind kKind = ExprKind::Lambda;
  Lambda() noexcept : Expr(kKind) {}
  Arguments* args = nullptr;  ///< never nullptr (empty Arguments for `lambda: x`)
  Expr* body = nullptr;
};

/// IfExp(expr test, expr body, expr orelse): `body if test else orelse`.
struct IfExp final : Expr {
  static constexpr ExprKind kKind = ExprKind::IfExp;
  IfExp() noexcept : Expr(kKind) {}
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};

/// Dict(expr* keys, expr* values): parallel lists; `{**d}` has keys[i] == nullptr.
struct Dict final : Expr {
  static constexpr ExprKind kKind = ExprKind::Dict;
  Dict() noexcept : Expr(kKind) {}
  Seq<Expr*> keys;
  Seq<Expr*> values;
};

/// Set(expr* elts) — a set display `{a, *b}` (never empty).
struct Set final : Expr {
  static constexpr ExprKind kKind = ExprKind::Set;
  Set() noexcept : Expr(kKind) {}
  Seq<Expr*> elts;
};

/// Fields shared by ListComp, SetComp and GeneratorExp.
struct EltComprehensionBase : Expr {
  Expr* elt = nullptr;
  Seq<Comprehension*> generators;  ///< at least 1, in source order

 protected:
  using Expr::Expr;
};

/// ListComp(expr elt, comprehension* generators).
struct ListComp final : EltComprehensionBase {
  static constexpr ExprKind kKind = ExprKind::ListComp;
  ListComp() noexcept : EltComprehensionBase(kKind) {}
};

/// SetComp(expr elt, comprehension* generators).
struct SetComp final : EltComprehensionBase {
  static constexpr ExprKind kKind = ExprKind::SetComp;
  SetComp() noexcept : EltComprehensionBase(kKind) {}
};

/// GeneratorExp(expr elt, comprehension* generators). The sole-argument form
/// `f(x for x in y)` is positioned at the call's parentheses, as in CPython.
struct GeneratorExp final : EltComprehensionBase {
  static constexpr ExprKind kKind = ExprKind::GeneratorExp;
  GeneratorExp() noexcept : EltComprehensionBase(kKind) {}
};

/// DictComp(expr key, expr value, comprehension* generators).
struct DictComp final : Expr {
  static constexpr ExprKind kKind = ExprKind::DictComp;
  DictComp() noexcept : Expr(kKind) {}
  Expr* key = nullptr;
  Expr* value = nullptr;
  Seq<Comprehension*> generators;
};

/// Await(expr value). The parser accepts `await` anywhere an expression may
/// appear; checking that it is inside an async function is the compiler's job.
struct Await final : Expr {
  static constexpr ExprKind kKind = ExprKind::Await;
  Await() noexcept : Expr(kKind) {}
  Expr* value = nullptr;
};

/// Yield(expr? value). Whether it is inside a function is checked by the compiler.
struct Yield final : Expr {
  static constexpr ExprKind kKind = ExprKind::Yield;
  Yield() noexcept : Expr(kKind) {}
  Expr* value = nullptr;
};

/// YieldFrom(expr value).
struct YieldFrom final : Expr {
  static constexpr ExprKind kKind = ExprKind::YieldFrom;
  YieldFrom() noexcept : Expr(kKind) {}
  Expr* value = nullptr;
};

/// Compare(expr left, cmpop* ops, expr* comparators): `a < b <= c` is
/// Compare(a, [Lt, LtE], [b, c]); ops and comparators have equal length >= 1.
struct Compare final : Expr {
  static constexpr ExprKind kKind = ExprKind::Compare;
  Compare() noexcept : Expr(kKind) {}
  Expr* left = nullptr;
  Seq<CmpOperator> ops;
  Seq<Expr*> comparators;
};

/// Call(expr func, expr* args, keyword* keywords). `*a` arguments appear in
/// `args` as Starred; `**k` appear in `keywords` with an empty `arg`.
struct Call final : Expr {
  static constexpr ExprKind kKind = ExprKind::Call;
  Call() noexcept : Expr(kKind) {}
  Expr* func = nullptr;
  Seq<Expr*> args;
  Seq<Keyword*> keywords;
};

/// FormattedValue(expr value, int conversion, expr? format_spec): one `{...}`
/// replacement field of an f-string. Only appears inside JoinedStr.values
/// (and inside a format_spec JoinedStr).
struct FormattedValue final : Expr {
  static constexpr ExprKind kKind = ExprKind::FormattedValue;
  FormattedValue() noexcept : Expr(kKind) {}
  Expr* value = nullptr;
  /// -1 none, 's' (115) for !s, 'r' (114) for !r, 'a' (97) for !a.
  /// `{x=}` without conversion or spec gets 'r', exactly as CPython.
  int conversion = -1;
  /// A JoinedStr (possibly with nested FormattedValues), or nullptr.
  Expr* format_spec = nullptr;
};

/// JoinedStr(expr* values): an f-string (after implicit concatenation with
/// neighbouring literals). values are Constant(str) and FormattedValue nodes;
/// adjacent literal parts are merged and empty ones dropped, as in CPython.
struct JoinedStr final : Expr {
  static constexpr ExprKind kKind = ExprKind::JoinedStr;
  JoinedStr() noexcept : Expr(kKind) {}
  Seq<Expr*> values;
};

/// Constant(constant value, string? kind). `kind_u` is CPython's `kind == 'u'`
/// (the first literal of the string had a `u` prefix); otherwise kind is None.
/// Adjacent string literals are already concatenated into one Constant.
struct Constant final : Expr {
  static constexpr ExprKind kKind = ExprKind::Constant;
  Constant() noexcept : Expr(kKind) {}
  ConstantValue value;
  bool kind_u = false;
};

/// Attribute(expr value, identifier attr, expr_context ctx): `value.attr`.
struct Attribute final : Expr {
  static constexpr ExprKind kKind = ExprKind::Attribute;
  Attribute() noexcept : Expr(kKind) {}
  Expr* value = nullptr;
  Identifier attr;
  ExprContext ctx = ExprContext::Load;
};

/// Subscript(expr value, expr slice, expr_context ctx): `value[slice]`.
/// `a[1:2, 3]` has slice = Tuple([Slice(1, 2), Constant(3)]).
struct Subscript final : Expr {
  static constexpr ExprKind kKind = ExprKind::Subscript;
  Subscript() noexcept : Expr(kKind) {}
  Expr* value = nullptr;
  Expr* slice = nullptr;
  ExprContext ctx = ExprContext::Load;
};

/// Starred(expr value, expr_context ctx): `*value` in calls, displays and targets.
struct Starred final : Expr {
  static constexpr ExprKind kKind = ExprKind::Starred;
  Starred() noexcept : Expr(kKind) {}
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};

/// Name(identifier id, expr_context ctx).
struct Name final : Expr {
  static constexpr ExprKind kKind = ExprKind::Name;
  Name() noexcept : Expr(kKind) {}
  Identifier id;
  ExprContext ctx = ExprContext::Load;
};

/// List(expr* elts, expr_context ctx).
struct List final : Expr {
  static constexpr ExprKind kKind = ExprKind::List;
  List() noexcept : Expr(kKind) {}
  Seq<Expr*> elts;
  ExprContext ctx = ExprContext::Load;
};

/// Tuple(expr* elts, expr_context ctx). A parenthesised tuple's position
/// includes the parentheses; a bare `a, b` tuple's does not.
struct Tuple final : Expr {
  static constexpr ExprKind kKind = ExprKind::Tuple;
  Tuple() noexcept : Expr(kKind) {}
  Seq<Expr*> elts;
  ExprContext ctx = ExprContext::Load;
};

/// Slice(expr? lower, expr? upper, expr? step): only directly inside
/// Subscript.slice or a Tuple that is Subscript.slice.
struct Slice final : Expr {
  static constexpr ExprKind kKind = ExprKind::Slice;
  Slice() noexcept : Expr(kKind) {}
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---------------------------------------------------------------------------
// Patterns (match statement, PEP 634).
// ---------------------------------------------------------------------------

/// MatchValue(expr value): a literal (Constant, -Constant, complex
/// BinOp like 1+2j, or strings) or a dotted value pattern (Attribute chain).
struct MatchValue final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchValue;
  MatchValue() noexcept : Pattern(kKind) {}
  Expr* value = nullptr;
};

/// MatchSingleton(constant value): `None`, `True` or `False`.
struct MatchSingleton final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchSingleton;
  MatchSingleton() noexcept : Pattern(kKind) {}
  ConstantValue value;
};

/// MatchSequence(pattern* patterns): `[a, *rest]`, `(a, b)`, `a, b`.
struct MatchSequence final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchSequence;
  MatchSequence() noexcept : Pattern(kKind) {}
  Seq<Pattern*> patterns;
};

/// MatchMapping(expr* keys, pattern* patterns, identifier? rest):
/// `{"k": p, **rest}`; keys are literal/value expressions.
struct MatchMapping final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchMapping;
  MatchMapping() noexcept : Pattern(kKind) {}
  Seq<Expr*> keys;
  Seq<Pattern*> patterns;
  Identifier rest;  ///< empty when absent
};

/// MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns):
/// `Point(x, y=0)`; kwd_attrs and kwd_patterns are parallel.
struct MatchClass final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchClass;
  MatchClass() noexcept : Pattern(kKind) {}
  Expr* cls = nullptr;  ///< Name or Attribute chain (Load)
  Seq<Pattern*> patterns;
  Seq<Identifier> kwd_attrs;
  Seq<Pattern*> kwd_patterns;
};

/// MatchStar(identifier? name): `*rest` in a sequence pattern; name empty for `*_`.
struct MatchStar final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchStar;
  MatchStar() noexcept : Pattern(kKind) {}
  Identifier name;
};

/// MatchAs(pattern? pattern, identifier? name): `p as name`, a capture `name`
/// (pattern nullptr), or the wildcard `_` (both absent).
struct MatchAs final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchAs;
  MatchAs() noexcept : Pattern(kKind) {}
  Pattern* pattern = nullptr;
  Identifier name;
};

/// MatchOr(pattern* patterns): `p1 | p2 | ...` (at least 2).
struct MatchOr final : Pattern {
  static constexpr PatternKind kKind = PatternKind::MatchOr;
  MatchOr() noexcept : Pattern(kKind) {}
  Seq<Pattern*> patterns;
};

// ---------------------------------------------------------------------------
// Printing.
// ---------------------------------------------------------------------------

/// Options for dump().
struct DumpOptions {
  /// Also print lineno/col_offset/end_lineno/end_col_offset, like
  /// ast.dump(..., include_attributes=True).
  bool include_attributes = false;
};

/// Prints the tree exactly as CPython 3.11's `ast.dump(tree)` does (no
/// indent), e.g. `Module(body=[Expr(value=Constant(value=1))], type_ignores=[])`.
/// Implemented in dump.cc. Recursion is bounded by the parser's depth limit.
std::string dump(const Mod* mod, DumpOptions options = {});
std::string dump(const Stmt* stmt, DumpOptions options = {});
std::string dump(const Expr* expr, DumpOptions options = {});
std::string dump(const Pattern* pattern, DumpOptions options = {});

}  // namespace capy::syntax
// AST-READY
