// Scope analysis (CPython 3.11's symtable.c): classifies every name of every block
// as local, global (explicit/implicit), free or cell, before code generation.
//
// Pipeline: AST --symtable--> SymbolTable --codegen--> CodeUnit.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "compiler/compile_error.h"
#include "compiler/name_map.h"
#include "support/arena.h"
#include "syntax/ast.h"

namespace capy::compiler {

/// Kind of a block (CPython's _Py_block_ty). Lambdas and comprehensions are
/// Function blocks.
enum class BlockType : uint8_t { Module, Class, Function, Annotation };

/// Which comprehension a Function block implements, if any.
enum class ComprehensionType : uint8_t { None, List, Set, Dict, Generator };

/// Resolved scope of a name inside one block (CPython's LOCAL .. CELL).
enum class Scope : uint8_t { Unknown = 0, Local = 1, GlobalExplicit = 2, GlobalImplicit = 3, Free = 4, Cell = 5 };

/// Symbol flags (CPython's DEF_* bits).
inline constexpr uint32_t kDefGlobal = 1;       ///< `global` statement
inline constexpr uint32_t kDefLocal = 2;        ///< assignment in the block
inline constexpr uint32_t kDefParam = 4;        ///< parameter
inline constexpr uint32_t kDefNonlocal = 8;     ///< `nonlocal` statement
inline constexpr uint32_t kUse = 16;            ///< read
inline constexpr uint32_t kDefFree = 32;        ///< (unused, kept for numbering)
inline constexpr uint32_t kDefFreeClass = 64;   ///< free in a method but bound in the class
inline constexpr uint32_t kDefImport = 128;     ///< bound by import
inline constexpr uint32_t kDefAnnot = 256;      ///< annotated name
inline constexpr uint32_t kDefCompIter = 512;   ///< comprehension iteration variable
inline constexpr uint32_t kDefBound = kDefLocal | kDefParam | kDefImport;

/// One name of a block.
struct Symbol {
  std::string_view name;  ///< mangled
  uint32_t flags = 0;
  Scope scope = Scope::Unknown;
  syntax::Pos directive;  ///< position of its global/nonlocal statement, if any
};

/// One block (CPython's PySTEntryObject). Owned by its SymbolTable.
struct SymbolBlock {
  BlockType type = BlockType::Module;
  ComprehensionType comprehension = ComprehensionType::None;
  std::string_view name;
  const void* node = nullptr;  ///< the AST node that opened it (nullptr for the module)
  syntax::Pos pos;

  std::vector<Symbol> symbols;        ///< in order of first appearance
  NameMap index;                      ///< name -> position in `symbols`
  std::vector<std::string_view> params;  ///< parameters in frame order (CPython's ste_varnames)
  std::vector<SymbolBlock*> children;

  bool nested = false;         ///< inside a function
  bool generator = false;      ///< contains yield
  bool coroutine = false;      ///< async def / async comprehension / await
  bool varargs = false;
  bool varkeywords = false;
  bool needs_class_closure = false;  ///< class block: a method uses __class__ / super
  bool has_free = false;       ///< CPython's ste_free
  bool child_free = false;
  bool is_async_def = false;   ///< created by `async def`
  int comp_iter_expr = 0;      ///< > 0 while visiting a comprehension's iterable
  bool comp_iter_target = false;

  /// The symbol for `name` (mangled), or nullptr.
  const Symbol* lookup(std::string_view name) const noexcept {
    int64_t i = index.find(name);
    return i < 0 ? nullptr : &symbols[static_cast<size_t>(i)];
  }
  /// Flags of `name`, 0 if unknown.
  uint32_t flags_of(std::string_view name) const noexcept {
    const Symbol* s = lookup(name);
    return s ? s->flags : 0;
  }
  /// Scope of `name`, Scope::Unknown if the block never mentions it.
  Scope scope_of(std::string_view name) const noexcept {
    const Symbol* s = lookup(name);
    return s ? s->scope : Scope::Unknown;
  }
};

/// `from __future__ import ...` features that affect compilation.
struct FutureFeatures {
  bool annotations = false;  ///< PEP 563: annotations are not evaluated (stored as strings)
  int32_t last_lineno = 0;   ///< line of the last future import (0 if none)
};

/// Name mangling (_Py_Mangle): inside class `private_name`, `__spam` becomes
/// `_Class__spam` unless it ends with `__` or contains a dot, or the class name
/// is all underscores. Returns `ident` itself when nothing changes; otherwise a
/// copy in `arena`.
std::string_view mangle(std::string_view private_name, std::string_view ident, support::Arena& arena);

/// The symbol table of one module. Build it with build(); then look blocks up
/// by the AST node that opened them.
class SymbolTable {
 public:
  /// `max_depth` bounds the nesting of the recursive walk and
  /// `max_stack_bytes` the native stack it may use (also never closer than
  /// support::stack_limit_for's reserve to the thread's real stack end).
  SymbolTable(std::string_view filename, FutureFeatures future, int max_depth, size_t max_stack_bytes = size_t{2} << 20);
  ~SymbolTable();
  SymbolTable(const SymbolTable&) = delete;
  SymbolTable& operator=(const SymbolTable&) = delete;

  /// Walks the tree and analyses scopes. On failure returns false and
  /// `error()` describes the problem.
  [[nodiscard]] bool build(const syntax::Mod* mod);

  /// The module block.
  const SymbolBlock* top() const noexcept { return top_; }
  /// The block opened by `node` (a FunctionDef, ClassDef, Lambda, comprehension
  /// node), or nullptr.
  const SymbolBlock* block_for(const void* node) const noexcept;

  const CompileError& error() const noexcept { return error_; }
  /// Arena holding mangled names; shared with the code generator.
  support::Arena& arena() noexcept { return arena_; }

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<SymbolBlock>> blocks_;
  std::vector<std::pair<const void*, SymbolBlock*>> by_node_;  // sorted after build
  SymbolBlock* top_ = nullptr;
  std::string_view filename_;
  FutureFeatures future_;
  int max_depth_;
  size_t max_stack_bytes_;
  CompileError error_;
  support::Arena arena_{16 * 1024};
};

}  // namespace capy::compiler
