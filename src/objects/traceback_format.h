// Formatting of uncaught exceptions, as CPython 3.11's default excepthook
// prints them (format_exception itself is declared in exception.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/exception.h"
#include "vm/code.h"

namespace capy {

// code_filename, code_name, code_line_of and code_varnames come from the VM
// (vm/code.h).

/// tb_lineno of a traceback entry (computed on first use, then cached).
uint32_t traceback_lineno(Traceback* tb);

/// Writes the "Traceback…" report of exc (with chained exceptions and
/// exception groups) to out. Never fails: errors raised while formatting
/// (a failing __str__) are replaced by CPython's placeholders.
void format_exception_to(Isolate& I, BaseExc* exc, std::string& out);

/// "Type: message" (the last line CPython prints), with the module prefix
/// for classes outside builtins/__main__, plus the notes and SyntaxError's
/// source excerpt.
void format_exception_only(Isolate& I, BaseExc* exc, std::string& out);

}  // namespace capy
