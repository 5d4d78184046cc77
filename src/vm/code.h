// Code: the VM's code object, materialised from a compiler::CodeUnit.
//
// The instruction words are copied into an accounted buffer owned by the
// code object (the VM rewrites some of them in place into cached variants:
// "quickening"); the CodeUnit stays alive (shared_ptr) for the positions
// and the exception table. Constants become a tuple of Values, names
// interned strs. Guests see a read-only `code` type without co_code: capy
// never exposes bytecode.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "objects/object.h"

namespace capy {

namespace compiler {
struct CodeUnit;
struct ExceptionTableEntry;
}  // namespace compiler

struct Dict;
struct Str;
struct Tuple;

/// Inline cache of one quickened instruction (LOAD_GLOBAL / LOAD_ATTR /
/// LOAD_METHOD / STORE_ATTR). Keyed by identity and versions; a miss just
/// takes the generic path and refills.
struct InlineCache {
  uint32_t operand;     // the instruction's original operand (name index)
  uint32_t version;     // globals dict version (LOAD_GLOBAL) / type version (attrs)
  uint32_t index;       // dict entry index hint
  uint32_t kind;        // attr caches: what was found (see interpreter.cc)
  const void* key;      // globals Dict* / Type*
  const void* key2;     // builtins Dict* (LOAD_GLOBAL)
  Value value;          // cached value (a class attribute / descriptor)
};

/// Capy-internal code flags (above CPython's CO_* bits).
enum CodeVmFlags : uint32_t {
  kCodeSimpleArgs = 1u << 28,  // no *args/**kwargs/kw-only, no cells among params
  kCodeHasCells = 1u << 29,
  /// Made by compile() from source: the only code objects exec()/eval() run
  /// (a function's __code__ or a nested code constant never is).
  kCodeFromCompile = 1u << 30,
};

struct Code : Object {
  // --- hot fields (read on every call) ---
  uint32_t* instrs;          // owned, accounted (quickened in place)
  uint32_t ninstrs;
  uint32_t flags;            // CO_* | CodeVmFlags
  uint32_t argcount;
  uint32_t posonlyargcount;
  uint32_t kwonlyargcount;
  uint32_t nlocals;          // len(varnames)
  uint32_t ncells;           // len(cellvars)
  uint32_t nfrees;           // len(freevars)
  uint32_t nlocalsplus;
  uint32_t stacksize;
  uint32_t frame_bytes;      // sizeof(Frame) + (nlocalsplus + stacksize) * 8
  int32_t firstlineno;
  Tuple* consts;             // Values
  Tuple* names;              // interned Str
  Tuple* localsplus_names;   // Str, one per localsplus slot
  const uint8_t* localsplus_kinds;  // points into the CodeUnit
  Str* filename;
  Str* name;
  Str* qualname;
  Value doc;                 // the function docstring (str) or None
  InlineCache* caches;       // accounted; ncaches entries
  uint32_t ncaches;
  uint32_t source_id;        // index in the isolate's source registry (0: none)
  const compiler::ExceptionTableEntry* exctable;
  uint32_t nexctable;
  uint32_t pad_;
  /// The code of the nearest enclosing class body (itself for a class body),
  /// nullptr outside classes: mangled attributes of the classes made from
  /// that body are reachable only from code with this scope.
  Code* private_scope;
  // The CodeUnit, kept alive for positions and the exception table.
  alignas(std::shared_ptr<const compiler::CodeUnit>) unsigned char unit_storage[sizeof(std::shared_ptr<const compiler::CodeUnit>)];

  const compiler::CodeUnit& unit() const {
    return **reinterpret_cast<const std::shared_ptr<const compiler::CodeUnit>*>(unit_storage);
  }
};

/// Materialises a CodeUnit (and, recursively, its nested code constants) as a
/// Code object of the isolate. Returns nullptr with an exception pending.
Code* code_from_unit(Isolate& I, const std::shared_ptr<const compiler::CodeUnit>& unit);

Str* code_filename(Code* c);
Str* code_name(Code* c);
/// Source line of instruction index `instr` (0 when unknown).
uint32_t code_line_of(Code* c, uint32_t instr);
/// Full position (line, end line, columns) of instruction `instr`; false when unknown.
bool code_position_of(Code* c, uint32_t instr, int32_t* lineno, int32_t* end_lineno, int32_t* col,
                      int32_t* end_col);

/// Guest-visible tuples (co_varnames, co_cellvars, co_freevars).
Value code_varnames(Isolate& I, Code* c);

void init_code_type(Runtime& rt);

}  // namespace capy
