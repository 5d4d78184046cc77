// The bytecode interpreter: frames, the dispatch loop, calls of Python
// functions and the GC's view of running frames. See docs/internals/vm.md.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/object.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/isolate.h"

namespace capy {

class Tracer;
struct Function;
struct Generator;
struct BaseExc;

inline Value* Frame::stack_base() const {
  return const_cast<Value*>(localsplus) + code->nlocalsplus;
}

/// Calls a Python function from native code (the function type's call slot
/// and every other native caller end up here). Runs a nested dispatch loop
/// until the function returns; for generator/coroutine functions returns the
/// new generator object without running it.
Value call_function(Isolate& I, Function* fn, const Value* args, size_t nargs, Tuple* kwnames);

/// Visits every object referenced by the running frames (the isolate's frame
/// chain): code, function, namespaces, locals and live value-stack slots.
void trace_frames(Isolate& I, Tracer& t);

/// Runs a module / class body / exec / eval code object with the given
/// namespaces (locals may be nullptr: then locals = globals). `closure` is
/// the tuple of cells for code with free variables (class bodies).
Value run_code(Isolate& I, Code* code, Dict* globals, Dict* locals, Tuple* closure = nullptr);

/// Runs a class body function with `ns` (any mapping) as its locals; returns
/// what the body returns (the __classcell__ cell or None).
Value run_class_body(Isolate& I, Function* fn, Object* ns);

/// locals() of the innermost running frame (a snapshot dict for functions).
Value frame_locals(Isolate& I);

/// The builtins dict that code running with `globals` sees (globals'
/// __builtins__ if it is a module or dict, else the isolate's builtins).
Dict* builtins_for_globals(Isolate& I, Dict* globals);

/// New function object for `code` (MAKE_FUNCTION without the extras).
Function* function_new(Isolate& I, Code* code, Dict* globals, Dict* builtins);

// --- used by the VM's own files (call.cc, generator.cc, build_class.cc) --------

/// Binds a call's arguments into a fresh localsplus array (all null on
/// entry) following CPython 3.11's rules and error messages. 0 or -1.
int bind_arguments(Isolate& I, Function* fn, Value* localsplus, const Value* args, size_t nargs,
                   Tuple* kwnames);

/// Allocates a frame for `code` on the frame stack (header filled, localsplus
/// null, not yet linked as I.frame). nullptr with MemoryError pending.
Frame* frame_push(Isolate& I, Code* code, Function* fn, Dict* globals, Dict* builtins, Dict* locals);
/// Releases the most recent frame-stack frame (it must be `f`).
void frame_pop(Isolate& I, Frame* f);

/// Runs `f` (already linked as I.frame and with f->back set) until it
/// returns, yields (generator frames) or raises. `throwing`: an exception is
/// pending and must be raised at the frame's resume point. Frame-stack
/// frames are popped on exit; I.frame is restored to f->back.
Value eval_frame(Isolate& I, Frame* f, bool throwing);

/// Native recursion guard for nested loops: RecursionError when the
/// isolate's depth or the native stack is exhausted. false on error.
bool enter_native_level(Isolate& I);
inline void leave_native_level(Isolate& I) { --I.call_depth; }

/// The exception currently being handled (sys.exc_info()[1]) or nullptr.
BaseExc* current_handled(Isolate& I);

/// Sets exc as pending with CPython's implicit chaining: its __context__
/// becomes the exception being handled (cycles broken as CPython does).
void set_pending_chained(Isolate& I, BaseExc* exc);
/// Context chaining of an exception that is already pending (used when it
/// was raised by native code): sets __context__ if it is None.
void chain_pending_context(Isolate& I);

/// Steps/interrupt accounting at a safe point. false when the run must end
/// (I.ended set).
bool vm_safe_point(Isolate& I);

}  // namespace capy
