// BaseExceptionGroup / ExceptionGroup (PEP 654) and the helpers shared by the
// exception implementation files (exception.cc, exception_group.cc,
// traceback_format.cc).
#pragma once

#include "objects/exception.h"

namespace capy {

/// Layout of BaseExceptionGroup instances (and of every subclass): the base
/// exception plus the group's message and its exceptions (always a tuple).
/// args keeps what the constructor was given, as in CPython.
struct ExcGroup : BaseExc {
  Value msg;    // str
  Value excs;   // tuple of exceptions (non-empty)
};

/// Is v an instance of BaseExceptionGroup (or a subclass)?
bool is_exception_group(Isolate& I, Value v);

/// except* matching (CPython's _PyEval_ExceptionGroupMatch). `eg` is the
/// exception being handled (None gives None/None); `match_type` is an
/// exception type or a tuple of them (the VM validates it beforehand).
/// Sets *match to the matching part (a naked exception that matches is
/// wrapped in ExceptionGroup("", (exc,)) with its traceback) or None, and
/// *rest to what is left or None. Returns 0, or -1 with an exception pending.
int exception_group_split(Isolate& I, Value eg, Value match_type, Value* match, Value* rest);

/// The exception to raise at the end of a try/except* statement (CPython's
/// _PyExc_PrepReraiseStar). `orig` is the exception that was caught; `excs`
/// lists what each except* clause raised or re-raised (None entries are
/// skipped). Re-raised parts keep their nesting in orig; newly raised ones
/// become siblings in a new ExceptionGroup(""). Returns None when nothing
/// is left to raise, or error.
struct List;
Value exception_group_prep_reraise(Isolate& I, Value orig, List* excs);

/// Gives ExceptionGroup its two bases and C3 MRO (ExceptionGroup,
/// BaseExceptionGroup, Exception, BaseException, object) after
/// finish_builtin_types made it single-inheritance (called by init_builtins).
void fix_exception_group_mro(Runtime& rt);

/// Initialises BaseExceptionGroup and ExceptionGroup (called by init_exception_types).
void init_exception_group_types(Runtime& rt);

// --- helpers shared by the exception files (not a public API) ----------------
/// The instance dict of an exception, created on demand (nullptr: MemoryError).
Dict* exc_dict(Isolate& I, BaseExc* e);
/// BaseException.__init__ semantics: sets args from the positionals.
int exc_set_args(Isolate& I, BaseExc* e, const Value* args, size_t nargs);
/// BaseException.__new__ without argument checks.
Value exc_alloc(Isolate& I, Type* type, const Value* args, size_t nargs);
/// Copies __traceback__, __cause__, __context__ and __notes__ of src to dst
/// (ExceptionGroup.split/subgroup).
int exc_copy_metadata(Isolate& I, BaseExc* src, BaseExc* dst);

}  // namespace capy
