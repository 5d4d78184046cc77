// Limits: every run is bounded. Each limit ends the run with a report
// naming it, the host carries on, and the isolate can run again.
#include <capy/capy.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

static void report(const char* what, const capy::Result& r) {
  switch (r.status) {
    case capy::Status::Ok: std::printf("%-28s ok: %s\n", what, r.value.repr().c_str()); break;
    case capy::Status::Exception:
      std::printf("%-28s exception %s: %s\n", what, r.type_name.c_str(), r.message.c_str());
      break;
    case capy::Status::Limit:
      std::printf("%-28s limit '%s' (%s)\n", what, capy::limit_name(r.limit), r.message.c_str());
      break;
    case capy::Status::Error: std::printf("%-28s error: %s\n", what, r.message.c_str()); break;
  }
}

int main() {
  capy::Runtime runtime;
  capy::IsolateOptions options;
  options.limits.max_time_seconds = 0.5;
  options.limits.max_heap_bytes = size_t{32} << 20;
  options.limits.max_output_bytes = 1000;
  options.limits.max_call_depth = 200;
  std::string printed;
  options.output = [&](capy::Stream, std::string_view bytes) { printed += bytes; };
  capy::Isolate isolate(runtime, options);

  report("infinite loop", isolate.run("while True:\n    pass\n"));
  report("sleeping too long", isolate.run("import time\ntime.sleep(3600)"));
  report("one huge allocation", isolate.run("try:\n    s = 'x' * 10**10\nexcept MemoryError:\n    s = 'recovered'\ns"));
  report("heap exhaustion", isolate.run("def hoard():\n    kept = []\n    while True:\n        kept.append(bytearray(65536))\nhoard()"));
  report("runaway recursion", isolate.run("def f(n):\n    return f(n + 1)\nf(0)"));
  report("flooding stdout", isolate.run("while True:\n    print('spam ' * 10)\n"));
  std::printf("%-28s %s\n", "", printed.size() <= 1000 ? "at most 1000 bytes reached the host" : "too much output!");

  // terminate() from another thread ends a run that no limit would stop.
  capy::IsolateOptions patient;
  patient.limits.max_time_seconds = 0;  // no time limit
  capy::Isolate worker(runtime, patient);
  std::thread watchdog([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    worker.terminate();
  });
  report("terminated by the host", worker.run("n = 0\nwhile True:\n    n += 1\n"));
  watchdog.join();

  report("the isolate still works", isolate.run("sum(range(10))"));
  return 0;
}
