// BaseException and the builtin exception hierarchy (exceptions.def).
#pragma once

#include <string>

#include "objects/object.h"

namespace capy {

/// Layout shared by every exception class. Class-specific attributes
/// (StopIteration.value, SystemExit.code, OSError.errno, SyntaxError.lineno,
/// KeyError…, ExceptionGroup.exceptions) live in `dict`.
struct BaseExc : Object {
  Dict* dict;
  Tuple* args;
  Value traceback;   // Traceback object or None
  Value cause;       // None or exception
  Value context;     // None or exception
  bool suppress_context;
};

/// A traceback entry: opaque to guests (no tb_frame); tb_lineno and tb_next exist.
struct Traceback : Object {
  Value next;            // Traceback or None
  struct Code* code;     // where
  uint32_t instr;        // instruction index in code
  uint32_t lineno;
};

/// New exception instance of `type` with args. nullptr on MemoryError.
BaseExc* exception_new(Isolate& I, Type* type, Tuple* args);
/// str(exc) as CPython: "" / args[0] / repr of args; KeyError uses repr of the key.
Value exception_str(Isolate& I, Value exc);
/// Prepends a traceback entry for (code, instr) to the exception.
int exception_add_traceback(Isolate& I, BaseExc* exc, struct Code* code, uint32_t instr);
/// Prints "Traceback (most recent call last):…" and "Type: message", with
/// chained causes/contexts, as CPython's default excepthook does.
std::string format_exception(Isolate& I, BaseExc* exc);
void init_exception_types(Runtime& rt);

}  // namespace capy
