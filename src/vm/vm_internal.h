// Helpers shared by the VM's implementation files (interpreter.cc, unwind.cc,
// call.cc, generator.cc, build_class.cc, eval.cc). Not a public API.
#pragma once

#include <cstdint>

#include "compiler/code_unit.h"
#include "compiler/opcodes.h"
#include "objects/object.h"
#include "vm/interpreter.h"

namespace capy {

struct BaseExc;

// --- unwind.cc -----------------------------------------------------------------

/// Finds the exception-table handler covering instruction `instr`.
const compiler::ExceptionTableEntry* find_handler(Code* code, int64_t instr);

/// RAISE_VARARGS 1/2: raise exc [from cause]. Always returns error (the
/// exception, chained to the one being handled, is pending).
Value do_raise(Isolate& I, Value exc, Value cause);
/// Bare `raise`: re-raises the handled exception (error), or RuntimeError.
Value do_reraise(Isolate& I);

/// CHECK_EXC_MATCH's validity check of the except clause's type (a class
/// deriving from BaseException or a tuple of them). 0 or -1.
int check_except_type_valid(Isolate& I, Value type);
/// Same for except* (also rejects ExceptionGroup types). 0 or -1.
int check_except_star_type_valid(Isolate& I, Value type);
/// PREP_RERAISE_STAR: combines the raised/reraised exceptions of an except*
/// block. Returns the exception to raise, None, or error.
Value prep_reraise_star(Isolate& I, Value orig, Value excs);

/// Current frame's generator's handled exception bookkeeping (PUSH_EXC_INFO /
/// POP_EXCEPT): see docs/internals/vm.md.
void push_exc_info(Isolate& I, Frame* f, Value exc, Value* prev_out);
void pop_except(Isolate& I, Frame* f, Value prev);

/// Sets the `name` attribute of a NameError/AttributeError-style exception
/// that is pending (best effort).
void set_pending_name_attr(Isolate& I, Str* name);

/// The limit-kind for an interrupt request value.
LimitKind interrupt_kind(uint32_t v);

}  // namespace capy

namespace capy {
/// Visits everything a frame references (used by trace_frames and by
/// generators for their embedded frame).
void trace_frame(Frame* f, Tracer& t);
}  // namespace capy

namespace capy {
/// VM-internal (quickened) opcodes, numbered after every opcodes.def entry.
/// code_from_unit rewrites LOAD_GLOBAL / LOAD_ATTR / LOAD_METHOD words into
/// these, with the operand replaced by an index into Code::caches (whose
/// `operand` keeps the original name index).
namespace vmop {
constexpr int count_def_entries() {
  int n = 0;
#define CAPY_OPCODE(name, kind, effect, doc) ++n;
#define CAPY_PSEUDO_OPCODE(name, doc) ++n;
#include "compiler/opcodes.def"
  return n;
}
constexpr uint32_t kBase = static_cast<uint32_t>(count_def_entries());
constexpr uint32_t LOAD_GLOBAL_CACHED = kBase + 0;
constexpr uint32_t LOAD_ATTR_CACHED = kBase + 1;
constexpr uint32_t LOAD_METHOD_CACHED = kBase + 2;
constexpr uint32_t kEnd = kBase + 3;
static_assert(kEnd <= 256, "opcodes must fit 8 bits");
}  // namespace vmop
}  // namespace capy
