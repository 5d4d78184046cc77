// Limits of the core (docs/limits.md): each ends its own isolate's run with
// the right LimitKind while other isolates, on other threads, carry on, and
// the isolate that hit a limit is usable for the next run.
#include <gtest/gtest.h>
#include <pthread.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "objects/exception.h"
#include "objects/ops.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Captures output; real clocks and sleeping, as the command line's host.
class TestHost : public Host {
 public:
  bool write(int stream, std::string_view bytes) override {
    (stream == 2 ? err : out).append(bytes);
    return true;
  }
  double monotonic() override { return std::chrono::duration<double>(Clock::now().time_since_epoch()).count(); }
  double time_now() override { return monotonic(); }
  void sleep(Isolate&, double seconds) override { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }
  std::string out, err;
};

// One guest world: a host, an isolate and the outcome of its last run.
struct World {
  TestHost host;
  Isolate I;
  World(Runtime& rt, const Limits& limits) : I(rt, &host, limits) {}

  // Runs `source`; "ok", "limit:<message>" or "exception:<type name>".
  std::string run(const std::string& source) {
    host.out.clear();
    host.err.clear();
    Value r = run_main(I, "<test>", source);
    if (!r.is_error()) return "ok";
    if (I.ended != LimitKind::None) return std::string("limit:") + limit_message(I.ended);
    BaseExc* e = I.take_pending();
    return std::string("exception:") + (e ? type_name(e->type_) : "?");
  }
};

Limits with_time(double seconds) {
  Limits l;
  l.max_time_seconds = seconds;
  return l;
}

TEST(Limits, UntrustedDefaultsAreFinite) {
  Limits l = Limits::untrusted();
  EXPECT_LT(l.max_heap_bytes, SIZE_MAX);
  EXPECT_GT(l.max_time_seconds, 0);
  EXPECT_LT(l.max_output_bytes, SIZE_MAX);
  EXPECT_LT(l.max_source_bytes, SIZE_MAX);
  EXPECT_GT(l.max_call_depth, 0u);
  Limits c = Limits::command_line();
  EXPECT_GE(c.max_heap_bytes, l.max_heap_bytes);
  EXPECT_GE(c.max_source_bytes, l.max_source_bytes);
}

// One isolate loops until its time limit while another, on another thread,
// computes; the first is then reusable.
TEST(Limits, TimeLimitEndsOneIsolateOthersCarryOn) {
  Runtime rt;
  World looping(rt, with_time(0.3));
  World working(rt, with_time(30));
  std::string loop_result, work_result;
  double loop_seconds = 0;
  std::thread a([&] {
    auto t0 = Clock::now();
    loop_result = looping.run("print('start', flush=True)\nwhile True:\n    try:\n        pass\n    except BaseException:\n        print('caught')\n");
    loop_seconds = seconds_since(t0);
  });
  std::thread b([&] {
    work_result = working.run(
        "total = 0\nfor i in range(300000):\n    total += i * i\nd = {str(i): i for i in range(20000)}\n"
        "print(total, len(d), sorted(d)[:2], 3 ** 1000 % 1000)\n");
  });
  a.join();
  b.join();
  EXPECT_EQ(loop_result, "limit:time limit exceeded");
  EXPECT_EQ(looping.host.out, "start\n");
  EXPECT_GE(loop_seconds, 0.25);
  EXPECT_LT(loop_seconds, 2.0);
  EXPECT_EQ(work_result, "ok");
  EXPECT_EQ(working.host.out, "8999955000050000 20000 ['0', '1'] 1\n");
  // The isolate that hit the limit runs again, with a fresh time budget.
  EXPECT_EQ(looping.run("import time\ntime.sleep(0.1)\nprint(sum(range(10)))"), "ok");
  EXPECT_EQ(looping.host.out, "45\n");
  EXPECT_EQ(looping.I.ended, LimitKind::None);
}

// terminate() from another thread ends a run that has no limit at all, also
// in the middle of time.sleep and of a long native sort.
TEST(Limits, TerminateFromAnotherThread) {
  Runtime rt;
  const char* programs[] = {
      "while True:\n    pass\n",
      "import time\nwhile True:\n    try:\n        time.sleep(1000)\n    except BaseException:\n        pass\n",
      "data = [(i * 7919) % 100003 for i in range(200000)]\nwhile True:\n    sorted(data, reverse=True)\n",
  };
  for (const char* program : programs) {
    SCOPED_TRACE(program);
    World w(rt, Limits{});
    std::string result;
    std::thread t([&] { result = w.run(program); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto t0 = Clock::now();
    w.I.terminate();
    t.join();
    EXPECT_LT(seconds_since(t0), 1.0);
    EXPECT_EQ(result, "limit:terminated");
    EXPECT_EQ(w.run("print('again')"), "ok");
    EXPECT_EQ(w.host.out, "again\n");
  }
}

TEST(Limits, StepLimit) {
  Runtime rt;
  Limits l;
  l.max_steps = 10000;
  World w(rt, l);
  EXPECT_EQ(w.run("i = 0\nwhile True:\n    i += 1\n    if i == 1000: print('a thousand')\n"), "limit:step limit exceeded");
  EXPECT_EQ(w.host.out, "a thousand\n");
  // Each run has its own budget.
  EXPECT_EQ(w.run("for i in range(5000): pass\nprint(i)"), "ok");
  EXPECT_EQ(w.host.out, "4999\n");
}

TEST(Limits, OutputLimitIsExact) {
  Runtime rt;
  Limits l;
  l.max_output_bytes = 250;
  World w(rt, l);
  EXPECT_EQ(w.run("while True:\n    print('x' * 99)\n"), "limit:output limit exceeded");
  EXPECT_EQ(w.host.out.size(), 250u);
  EXPECT_EQ(w.run("print('fresh budget')"), "ok");
  EXPECT_EQ(w.host.out, "fresh budget\n");
}

// The memory limit of one isolate does not touch another's; after filling
// its heap, an isolate collects its garbage and runs again.
TEST(Limits, MemoryLimitPerIsolate) {
  Runtime rt;
  Limits small;
  small.max_heap_bytes = 16u << 20;
  World tight(rt, small);
  World roomy(rt, Limits{});
  EXPECT_EQ(tight.run("try:\n    x = 'a' * (64 << 20)\nexcept MemoryError:\n    print('MemoryError')\n"), "ok");
  EXPECT_EQ(tight.host.out, "MemoryError\n");
  EXPECT_EQ(tight.run("def fill():\n    keep = []\n    while True:\n        keep.append([object() for _ in range(50)])\n"
                      "fill()\n"),
            "limit:memory limit exceeded");
  EXPECT_EQ(roomy.run("x = 'a' * (64 << 20)\nprint(len(x))"), "ok");
  EXPECT_EQ(roomy.host.out, "67108864\n");
  // What filled the heap was referenced only from the frames of the run
  // that ended: collected, the next run has the room again.
  EXPECT_EQ(tight.run("x = [0] * 100000\nprint(len(x))"), "ok");
  EXPECT_EQ(tight.host.out, "100000\n");
  EXPECT_LE(tight.I.heap.bytes_in_use(), small.max_heap_bytes);
}

// GMP's memory is charged to the isolate whose thread allocates it.
TEST(Limits, BigIntegersAreChargedToTheirIsolate) {
  Runtime rt;
  World a(rt, Limits{});
  World b(rt, Limits{});
  size_t b_before = b.I.heap.bytes_in_use();
  ASSERT_EQ(a.run("big = 3 ** 3000000\n"), "ok");  // about 600 KB of limbs
  size_t a_after = a.I.heap.bytes_in_use();
  EXPECT_EQ(b.I.heap.bytes_in_use(), b_before);
  Limits small;
  small.max_heap_bytes = 4u << 20;
  World c(rt, small);
  EXPECT_EQ(c.run("try:\n    x = 3 ** 30000000\nexcept MemoryError:\n    print('MemoryError')\n"), "ok");
  EXPECT_EQ(c.host.out, "MemoryError\n");
  EXPECT_GT(a_after, size_t(600000));
}

TEST(Limits, SourceLimit) {
  Runtime rt;
  Limits l;
  l.max_source_bytes = 1000;
  World w(rt, l);
  EXPECT_EQ(w.run(std::string(2000, '#')), "limit:source size limit exceeded");
  EXPECT_EQ(w.run("try:\n    exec('#' * 5000)\nexcept MemoryError as e:\n    print(str(e)[:21])\n"), "ok");
  EXPECT_EQ(w.host.out, "source code too large\n");
}

// The native stack guard follows the running thread's own stack: on a
// thread with a small stack, deep native recursion is a RecursionError.
TEST(Limits, NativeRecursionOnASmallThreadStack) {
  Runtime rt;
  Limits l;
  l.max_call_depth = 100000;
  World w(rt, l);
  std::string result;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 1u << 20);
  struct Arg {
    World* w;
    std::string* result;
  } arg{&w, &result};
  pthread_t th;
  ASSERT_EQ(pthread_create(
                &th, &attr,
                [](void* p) -> void* {
                  auto* a = static_cast<Arg*>(p);
                  *a->result = a->w->run(
                      "x = []\nfor _ in range(100000):\n    x = [x]\n"
                      "try:\n    repr(x)\nexcept RecursionError:\n    print('RecursionError')\n"
                      "def f(n):\n    return f(n + 1) if n < 5000 else n\nprint(f(0))\n");
                  return nullptr;
                },
                &arg),
            0);
  pthread_join(th, nullptr);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(result, "ok");
  EXPECT_EQ(w.host.out, "RecursionError\n5000\n");
}

}  // namespace
}  // namespace capy
