// capy/isolate.h: one guest world (C++ API).
//
// An Isolate owns a heap with its collector, its limits, its grants, its
// module table and a persistent __main__ namespace: successive runs see the
// globals that earlier runs defined (a REPL-style session). It is used by
// one thread at a time (any thread, one after the other); only terminate()
// may be called from another thread while it runs. Isolates share nothing
// mutable, so different isolates run in parallel on different threads with
// no global lock.
//
// Nothing here throws: every failure is reported in a Result.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capy/capability.h"
#include "capy/config.h"
#include "capy/limits.h"
#include "capy/native.h"
#include "capy/result.h"
#include "capy/runtime.h"
#include "capy/value.h"

namespace capy::api {

struct IsolateState;

struct IsolateOptions {
  Limits limits;
  /// Directories, modules, module roots and environment granted from the
  /// start (more can be granted later with the grant_* methods).
  Grants grants;
  /// Guest output. Empty: the process's stdout and stderr.
  OutputFn output;
  /// time.time(), datetime.now(), time.monotonic()…: the host's clocks.
  /// false: the guest has no clock (time.time() raises OSError "clock not
  /// available"). The time limit is enforced either way.
  bool clock = true;
  /// os.urandom, random's default seed, secrets: entropy from getrandom().
  /// false: no entropy (os.urandom raises NotImplementedError; random's
  /// default seed is a fixed one, so unseeded runs are reproducible).
  bool entropy = true;
  /// The guest's sys.argv (default ["<embedded>"]).
  std::vector<std::string> argv;
};

struct RunOptions {
  /// The name tracebacks show for this source. Running another source under
  /// the same name replaces the text tracebacks quote for it.
  std::string filename = "<string>";
  /// Per-run overrides of the isolate's Limits (0: no limit), e.g. a
  /// longer time limit for one run.
  std::optional<double> max_time_seconds;
  std::optional<uint64_t> max_steps;
};

class CAPY_API Isolate {
 public:
  /// Creates an isolate. If a grant in `options` is refused (a directory
  /// that does not exist), the isolate is still created but unusable:
  /// startup_error() says why and every run returns Status::Error.
  explicit Isolate(const Runtime& runtime, IsolateOptions options = {});
  ~Isolate();
  Isolate(const Isolate&) = delete;
  Isolate& operator=(const Isolate&) = delete;
  /// Moving is allowed while the isolate is idle (no run, no terminate() pending).
  Isolate(Isolate&&) noexcept;
  Isolate& operator=(Isolate&&) noexcept;

  /// "" when the isolate is usable.
  const std::string& startup_error() const noexcept;
  const Limits& limits() const noexcept;

  // --- grants (between runs) -------------------------------------------------------
  /// Grants a directory (it must exist; it is made absolute and canonical).
  Result grant_directory(std::string_view path, Access access = Access::Read);
  /// Makes a module importable beyond the default set.
  Result grant_module(std::string_view name);
  /// Lets the guest import Python source files from beneath `path`.
  Result grant_module_root(std::string_view path);
  /// Adds NAME=value to the guest's os.environ.
  Result grant_env(std::string_view name, std::string_view value);

  // --- host functions and values (between runs) ------------------------------------
  /// Defines a builtin function the guest calls by `name` from any module.
  Result define_function(std::string name, HostFunction fn);
  /// Makes `module` importable by its name.
  Result define_module(HostModule module);
  /// Binds a global of __main__ to a converted copy of `value`.
  Result set_global(std::string_view name, const Value& value);
  /// The value of a global of __main__ (Status::Error when it is not defined).
  Result get_global(std::string_view name);

  // --- running -------------------------------------------------------------------------
  /// Compiles and runs `source` in __main__. When the source ends with an
  /// expression statement, its value is the result; otherwise None.
  Result run(std::string_view source, const RunOptions& options = {});
  /// Calls the global `function_name` of __main__ with the arguments.
  Result call(std::string_view function_name, std::vector<Value> args = {}, Kwargs kwargs = {});
  /// Calls a callable GuestObject of this isolate (e.g. a function a run
  /// returned, or one a host function received) with the arguments.
  Result call_value(const Value& callable, std::vector<Value> args = {}, Kwargs kwargs = {});
  /// repr() of a value inside the guest (useful for GuestObject values).
  Result repr(const Value& value);

  /// Ends the run in progress as soon as it reaches a safe point, with
  /// Status::Limit / Limit::Terminated; if no run is in progress, the next
  /// run ends that way. Safe to call from any thread at any time while the
  /// Isolate object exists. The request is consumed by the run it ends.
  void terminate() noexcept;

  // --- memory ----------------------------------------------------------------------------
  /// Bytes held by the isolate's heap.
  size_t heap_bytes() const noexcept;
  /// Runs the collector now (between runs).
  void collect_garbage();

  /// Implementation state.
  IsolateState* state() const noexcept { return state_.get(); }

 private:
  std::unique_ptr<IsolateState> state_;
};

}  // namespace capy::api

#ifndef CAPY_API_NO_ALIASES
namespace capy {
using api::Isolate;
using api::IsolateOptions;
using api::RunOptions;
}  // namespace capy
#endif
