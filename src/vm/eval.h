// Top level of the VM: compiling and running source text (modules, the
// __main__ script) and the exec / eval / compile builtins.
#pragma once

#include <string_view>

#include "objects/object.h"

namespace capy {

struct Code;
struct Dict;
struct Module;

/// How compile_source() compiles (the `mode` of compile()).
enum class SourceMode : uint8_t { Exec, Eval, Single };

/// Parses and compiles `source` into a Code object. Syntax errors become
/// SyntaxError / IndentationError / TabError instances with filename,
/// lineno, offset, text, end_lineno and end_offset set (as CPython); too
/// deep nesting becomes RecursionError("maximum recursion depth exceeded
/// during compilation"). With `remember`, the source is registered for
/// tracebacks under `filename`. nullptr with the exception pending.
Code* compile_source(Isolate& I, std::string_view source, std::string_view filename, SourceMode mode,
                     bool remember);

/// Compiles and runs `source` as the body of a module whose namespace is
/// `globals`. Returns None, or error with the exception pending.
Value run_source(Isolate& I, std::string_view filename, std::string_view source, Dict* globals);

/// Creates the `__main__` module (registered in sys.modules and as
/// I.main_globals, with __name__, __file__, __builtins__…) and runs the
/// script in it.
Value run_module_main(Isolate& I, std::string_view filename, std::string_view source);

/// A whole run of a host: begin_run() (fresh step, time and output budgets),
/// then run_module_main; a source longer than max_source_bytes ends the run
/// with LimitKind::Source before anything is parsed.
Value run_main(Isolate& I, std::string_view filename, std::string_view source);

/// Runs `source` as the body of module `m` (its dict gets __builtins__ and,
/// unless present, __name__; __file__ is set to filename).
Value run_module_source(Isolate& I, Module* m, std::string_view filename, std::string_view source);

/// Adds exec, eval and compile to the builtins (called by init_vm_builtins).
void init_eval_builtins(Runtime& rt);

}  // namespace capy
