// Fuzz target: whole-program execution under tight limits.
//
// The input is the source of a __main__ script. It runs in a fresh isolate
// of one process-wide Runtime, as the command line runs a program, but with
// small limits (heap, steps, call depth, output, time) and a host that
// discards output, grants nothing and answers the clock and entropy
// deterministically, so every input replays identically. Whatever the
// program does, the run must end in success, a Python exception or a
// reported limit; a crash, a sanitizer report, a hang or an isolate left in
// an inconsistent state is a finding. After the run the uncaught exception
// is formatted as a traceback, the collector runs once more, and the
// isolate is destroyed (running every finalizer).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "objects/exception.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace {

// Output is accepted and dropped; time and entropy are fixed sequences.
class FuzzHost : public capy::Host {
 public:
  bool write(int stream, std::string_view bytes) override {
    written += bytes.size();
    return true;
  }
  double time_now() override { return 1.7e9 + (ticks += 0.001); }
  double monotonic() override { return 1000.0 + (ticks += 0.001); }
  bool entropy(void* buf, size_t n) override {
    auto* p = static_cast<unsigned char*>(buf);
    for (size_t i = 0; i < n; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      p[i] = static_cast<unsigned char>(state >> 56);
    }
    return true;
  }
  size_t written = 0;
  double ticks = 0;
  uint64_t state = 0x9e3779b97f4a7c15ULL;
};

capy::Limits fuzz_limits() {
  capy::Limits l;
  l.max_heap_bytes = size_t{32} << 20;
  l.max_steps = 200000;
  l.max_call_depth = 200;
  l.max_output_bytes = 64 << 10;
  l.max_time_seconds = 2;
  return l;
}

capy::Runtime& runtime() {
  static capy::Runtime* rt = new capy::Runtime();
  return *rt;
}

__attribute__((noinline)) void run_one(std::string_view src) {
  FuzzHost host;
  capy::Limits limits = fuzz_limits();
  capy::Isolate I(runtime(), &host, limits);
  I.stack_base = __builtin_frame_address(0);
  I.argv = {"<fuzz>"};
  capy::Value r = capy::run_main(I, "<fuzz>", src);
  if (r.is_error() && I.ended == capy::LimitKind::None) {
    capy::BaseExc* e = I.take_pending();
    if (!e) {
      fprintf(stderr, "fuzz_exec: the run failed with neither an exception nor a limit\n");
      abort();
    }
    std::string text = capy::format_exception(I, e);
    I.pending = nullptr;
  }
  if (host.written > limits.max_output_bytes) {
    fprintf(stderr, "fuzz_exec: %zu bytes written, over the output limit\n", host.written);
    abort();
  }
  I.pending = nullptr;
  I.collect();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)runtime();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  run_one(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
