// capy/limits.h: the resource limits of an isolate (C++ API).
//
// Every run of guest code is bounded. The defaults are safe for untrusted
// code: finite memory, wall time and output. Units are in the field names.
#pragma once

#include <cstddef>
#include <cstdint>

#include "capy/config.h"

namespace capy::api {

/// Resource limits of one isolate, fixed when it is created.
///
/// `max_heap_bytes` is a standing limit on the isolate's heap. The step,
/// time and output budgets apply to each run (Isolate::run, Isolate::call…):
/// every run starts with the full budget. A value of 0 means "no limit" for
/// max_steps, max_time_seconds, max_output_bytes and max_source_bytes.
struct Limits {
  /// Bytes the isolate's heap may hold (objects, containers, strings, big
  /// integers). An allocation that does not fit raises MemoryError in the
  /// guest, which may catch it; when not even that can be allocated the run
  /// ends with Limit::Memory. Default 64 MiB. Must be > 0.
  size_t max_heap_bytes = size_t{64} << 20;
  /// Bytecode steps per run (about one per executed instruction, plus the
  /// iterations of native loops); exceeding it ends the run with
  /// Limit::Steps. Default 0: unlimited (the time limit bounds a run).
  uint64_t max_steps = 0;
  /// Wall-clock seconds per run; exceeding it ends the run with
  /// Limit::Time (time.sleep is cut short at the limit). Default 10 s.
  double max_time_seconds = 10.0;
  /// Maximum depth of nested Python calls: deeper recursion raises
  /// RecursionError in the guest (sys.setrecursionlimit cannot raise it
  /// past this value). Default 1000 (CPython's recursion limit). Must be > 0.
  uint32_t max_call_depth = 1000;
  /// Bytes the guest may write to stdout and stderr per run; exceeding it
  /// ends the run with Limit::Output. Default 4 MiB.
  size_t max_output_bytes = size_t{4} << 20;
  /// Longest source text accepted by Isolate::run (bytes); a longer one is
  /// refused with Limit::Source before anything is compiled. Default 10 MiB.
  size_t max_source_bytes = size_t{10} << 20;
  /// Longest decimal text an int may be converted from or to inside the
  /// guest (CPython's sys.set_int_max_str_digits): ValueError beyond it.
  /// Default 4300 (CPython's default).
  uint32_t max_int_digits = 4300;
};

}  // namespace capy::api

#ifndef CAPY_API_NO_ALIASES
namespace capy {
using api::Limits;
}  // namespace capy
#endif
