// capy/result.h: the outcome of running guest code (C++ API).
//
// Every entry point that runs guest code returns a Result and never throws:
// the guest's value, the guest's uncaught exception, the limit that ended the
// run, or an error of the embedding itself (a bad argument, a value that
// cannot be converted).
#pragma once

#include <cstdint>
#include <string>

#include "capy/config.h"
#include "capy/value.h"

namespace capy::api {

enum class Status : uint8_t {
  Ok,         ///< the run completed: `value` holds its result
  Exception,  ///< an exception escaped the guest code: type_name, message, traceback
  Limit,      ///< a limit ended the run: `limit` (and `message`) say which
  Error,      ///< the embedding refused the request: `message` says why
};

/// The limit that ended a run.
enum class Limit : uint8_t {
  None,
  Memory,      ///< max_heap_bytes (when not even MemoryError could be raised)
  Steps,       ///< max_steps
  Time,        ///< max_time_seconds
  Depth,       ///< max_call_depth, where the VM ends the run instead of raising RecursionError
  Output,      ///< max_output_bytes
  Terminated,  ///< Isolate::terminate()
  Source,      ///< max_source_bytes
};

/// "memory", "steps", "time", "depth", "output", "terminated", "source" ("" for None).
CAPY_API const char* limit_name(Limit limit);

struct CAPY_API Result {
  Status status = Status::Ok;
  /// Ok: the value (None when the code ends with a statement).
  Value value;
  /// Exception: the class name ("ValueError", "KeyError", "MyError"; the
  /// dotted module prefix is part of it for classes outside builtins and
  /// __main__, as in the traceback's last line, e.g. "json.decoder.JSONDecodeError").
  std::string type_name;
  /// Exception: str() of the exception. Limit: a sentence naming the limit
  /// ("time limit exceeded"). Error: what was wrong.
  std::string message;
  /// Exception: the complete report, as CPython prints it
  /// ("Traceback (most recent call last):\n  File ...\nValueError: bad\n").
  std::string traceback;
  /// Limit: which one.
  Limit limit = Limit::None;

  bool ok() const noexcept { return status == Status::Ok; }
  explicit operator bool() const noexcept { return ok(); }

  static Result success(Value v);
  static Result error(std::string message);
  static Result limit_hit(Limit which);
};

}  // namespace capy::api

#ifndef CAPY_API_NO_ALIASES
namespace capy {
using api::Limit;
using api::limit_name;
using api::Result;
using api::Status;
}  // namespace capy
#endif
