// capy/runtime.h: the process-wide part of capy (C++ API).
//
// A Runtime holds what never changes after start: the builtin types and
// functions, interned names, native module definitions and embedded module
// sources. Building it takes a few milliseconds; make one at start-up and
// create every Isolate from it. It is immutable once constructed, so any
// number of isolates created from it may run at the same time on different
// threads. Isolates keep their runtime alive: destroying the Runtime object
// while isolates exist is safe (the shared state goes away with the last
// isolate).
#pragma once

#include <memory>

#include "capy/config.h"

namespace capy::api {

struct RuntimeState;

class CAPY_API Runtime {
 public:
  Runtime();
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;
  Runtime(Runtime&&) noexcept;
  Runtime& operator=(Runtime&&) noexcept;

  /// Implementation state (shared with the isolates).
  const std::shared_ptr<RuntimeState>& state() const noexcept { return state_; }

 private:
  std::shared_ptr<RuntimeState> state_;
};

/// The library's version, "MAJOR.MINOR.PATCH".
CAPY_API const char* version();

}  // namespace capy::api

#ifndef CAPY_API_NO_ALIASES
namespace capy {
using api::Runtime;
using api::version;
}  // namespace capy
#endif
