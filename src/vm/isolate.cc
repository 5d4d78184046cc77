// Isolate: construction, interning, raising, roots.
#include "vm/isolate.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "gc/gmp_alloc.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interpreter.h"

namespace capy {

Isolate::Isolate(Runtime& runtime, Host* h, const Limits& lim, bool immortal_heap)
    : rt(runtime), host(h), limits(lim), heap(immortal_heap ? runtime.heap() : own_heap_) {
  recursion_limit = limits.max_call_depth;
  begin_run();
  if (!immortal_heap) {
    heap.set_limit(limits.max_heap_bytes);
#ifdef CAPY_GC_STRESS
    heap.set_stress(true);
#endif
    // The builtins module is per isolate: a guest may rebind its names
    // without affecting any other isolate. Entries are immortal objects.
    builtins = dict_copy(*this, rt.builtins);
    modules = dict_new(*this);
  }
}

Isolate::~Isolate() {
  if (&heap == &own_heap_) {
    // Run every finalizer (GMP limbs, side buffers) before the heap frees memory.
    for (Object* o = heap.all_objects(); o; o = o->gc_next_) {
      Type* t = o->type_;
      if (t->finalize && !(o->gc_bits_ & kGcFinalized)) {
        o->gc_bits_ |= kGcFinalized;
        t->finalize(*this, o);
      }
    }
  }
}

Value Isolate::end_run(LimitKind kind) {
  if (ended == LimitKind::None) ended = kind;
  pending = nullptr;
  // The next safe point and the next poll() take their slow paths, which
  // see `ended`: native code that swallowed the error cannot keep going.
  check_at = 0;
  work_check_at_ = 0;
  return Value::error();
}

const char* limit_message(LimitKind kind) {
  switch (kind) {
    case LimitKind::Memory: return "memory limit exceeded";
    case LimitKind::Steps: return "step limit exceeded";
    case LimitKind::Time: return "time limit exceeded";
    case LimitKind::Depth: return "call depth limit exceeded";
    case LimitKind::Output: return "output limit exceeded";
    case LimitKind::Terminated: return "terminated";
    case LimitKind::Source: return "source size limit exceeded";
    case LimitKind::None: break;
  }
  return "limit exceeded";
}

// --- runs and limits ----------------------------------------------------------

namespace {
// Steps between two readings of the clock adapt so that a reading happens
// about every 0.1-1 ms of guest work, within these bounds.
constexpr uint32_t kMinCheckInterval = 1;
constexpr uint32_t kMaxCheckInterval = 1024;
constexpr uint32_t kStartCheckInterval = 1;
// Work units (poll) between two full checks by native code.
constexpr uint64_t kWorkInterval = 1u << 14;

double steady_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

double Isolate::clock() {
  if (clock_source_ != 2 && host) {
    double t = host->monotonic();
    if (t >= 0) {
      clock_source_ = 1;
      return t;
    }
  }
  clock_source_ = 2;
  return steady_seconds();
}

double Isolate::time_left() {
  if (deadline_ <= 0) return HUGE_VAL;
  double left = deadline_ - clock();
  return left > 0 ? left : 0;
}

void Isolate::begin_run() {
  ended = LimitKind::None;
  interrupt.store(0, std::memory_order_relaxed);
  steps = 0;
  output_bytes = 0;
  work_ = 0;
  work_check_at_ = kWorkInterval;
  clock_source_ = 0;
  double now = clock();
  last_check_time_ = now;
  deadline_ = limits.max_time_seconds > 0 ? now + limits.max_time_seconds : 0;
  check_interval_ = kStartCheckInterval;
  schedule_check();
}

void Isolate::schedule_check() {
  uint64_t next = steps + check_interval_;
  check_at = next < limits.max_steps ? next : limits.max_steps;
}

bool Isolate::check_limits() {
  if (ended != LimitKind::None) {
    check_at = 0;
    return false;
  }
  if (uint32_t intr = interrupt.load(std::memory_order_relaxed)) {
    end_run(intr >= static_cast<uint32_t>(LimitKind::Memory) && intr <= static_cast<uint32_t>(LimitKind::Terminated)
                ? static_cast<LimitKind>(intr)
                : LimitKind::Terminated);
    return false;
  }
  if (steps > limits.max_steps) {
    end_run(LimitKind::Steps);
    return false;
  }
  // An early visit (a collection is due: much was allocated, which takes
  // time too) reads the clock as well.
  if (deadline_ > 0) {
    double now = clock();
    if (now >= deadline_) {
      end_run(LimitKind::Time);
      return false;
    }
    // Aim at a reading every 0.1-1 ms: steps that run long native code
    // (which does not poll) are checked more often.
    double elapsed = now - last_check_time_;
    last_check_time_ = now;
    if (elapsed > 1e-3) {
      check_interval_ = check_interval_ / 4 > kMinCheckInterval ? check_interval_ / 4 : kMinCheckInterval;
    } else if (elapsed < 1e-4 && check_interval_ < kMaxCheckInterval) {
      check_interval_ *= 2;
    }
  } else {
    check_interval_ = kMaxCheckInterval;
  }
  schedule_check();
  return true;
}

bool Isolate::poll_slow() {
  work_check_at_ = work_ + kWorkInterval;
  if (ended != LimitKind::None) {
    work_check_at_ = 0;
    return false;
  }
  if (uint32_t intr = interrupt.load(std::memory_order_relaxed)) {
    end_run(intr >= static_cast<uint32_t>(LimitKind::Memory) && intr <= static_cast<uint32_t>(LimitKind::Terminated)
                ? static_cast<LimitKind>(intr)
                : LimitKind::Terminated);
    return false;
  }
  if (deadline_ > 0 && clock() >= deadline_) {
    end_run(LimitKind::Time);
    return false;
  }
  // The VM's next safe point reads the clock too.
  check_at = steps;
  return true;
}

IsolateScope::IsolateScope(Isolate& I, void* stack_top)
    : I_(I), prev_heap_(set_gmp_heap(&I.heap)), prev_stack_base_(I.stack_base) {
  // The collector scans from its own frame up to stack_base: keep the base
  // of an enclosing entry on this thread, set it at the outermost one.
  if (!I.stack_base) I.stack_base = stack_top;
}

IsolateScope::~IsolateScope() {
  I_.stack_base = prev_stack_base_;
  set_gmp_heap(prev_heap_);
}

size_t Isolate::heap_room() const {
  size_t limit = heap.limit();
  size_t used = heap.bytes_in_use();
  return limit > used ? limit - used : 0;
}

bool Isolate::can_allocate(size_t bytes) {
  if (bytes <= heap_room()) return true;
  raise_memory(*this);
  return false;
}

Str* Isolate::intern(std::string_view text) {
  if (Str* s = rt.find_interned(text)) return s;
  auto it = interned_.find(std::string(text));
  if (it != interned_.end()) return it->second;
  Str* s = str_new(*this, text);
  if (!s) return nullptr;
  s->interned = 1;
  str_hash(s);
  interned_.emplace(std::string(text), s);
  return s;
}

void Isolate::trace_roots(Tracer& t) {
  t.visit(reinterpret_cast<Object*>(builtins));
  t.visit(reinterpret_cast<Object*>(modules));
  t.visit(reinterpret_cast<Object*>(native_state));
  t.visit(reinterpret_cast<Object*>(main_globals));
  t.visit(reinterpret_cast<Object*>(pending));
  t.visit(reinterpret_cast<Object*>(handled));
  for (Value v : extra_roots) t.visit(v);
  weak.trace(t);
  t.visit(reinterpret_cast<Object*>(exit_funcs));
  for (auto& [k, s] : interned_) t.visit(reinterpret_cast<Object*>(s));
  trace_frames(*this, t);
}

SourceRegistry& source_registry(Isolate& I) { return I.sources; }

// --- raising -----------------------------------------------------------------

Value raise(Isolate& I, Type* type, std::string_view msg) {
  Value m = str_value(I, msg);
  if (m.is_error()) return m;
  Tuple* args = tuple_from(I, &m, 1);
  if (!args) return Value::error();
  BaseExc* e = exception_new(I, type, args);
  if (!e) return Value::error();
  I.pending = e;
  return Value::error();
}

Value raisef(Isolate& I, Type* type, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  if (static_cast<size_t>(n) >= sizeof buf) {
    std::string big(static_cast<size_t>(n) + 1, '\0');
    va_start(ap, fmt);
    vsnprintf(big.data(), big.size(), fmt, ap);
    va_end(ap);
    big.resize(static_cast<size_t>(n));
    return raise(I, type, big);
  }
  return raise(I, type, std::string_view(buf, static_cast<size_t>(n)));
}

Value raise_value(Isolate& I, Value exc) {
  Type* t = type_of(I, exc);
  if (is_subtype(t, I.rt.type_type) && is_subtype(exc.as<Type>(), I.rt.exc_BaseException)) {
    Value inst = call(I, exc, nullptr, 0, nullptr);
    if (inst.is_error()) return inst;
    if (!is_subtype(type_of(I, inst), I.rt.exc_BaseException)) {
      return raisef(I, I.rt.exc_TypeError,
                    "calling %s should have returned an instance of BaseException, not %s",
                    type_name(exc.as<Type>()), type_name(I, inst));
    }
    I.pending = inst.as<BaseExc>();
    return Value::error();
  }
  if (!is_subtype(t, I.rt.exc_BaseException)) {
    return raise(I, I.rt.exc_TypeError, "exceptions must derive from BaseException");
  }
  I.pending = exc.as<BaseExc>();
  return Value::error();
}

Value raise_memory(Isolate& I) {
  if (I.ended != LimitKind::None) return Value::error();
  // MemoryError is for a request too large for the room left, which the
  // guest can recover from; when the heap itself is full (the room left is
  // under an eighth of the limit, at most 4 MiB), the run ends instead.
  // Allocating the MemoryError itself may fail too: then the run ends.
  if (I.heap.limit() != SIZE_MAX) {
    size_t reserve = I.heap.limit() / 8 < (size_t{4} << 20) ? I.heap.limit() / 8 : (size_t{4} << 20);
    if (I.heap_room() < reserve) return I.end_run(LimitKind::Memory);
  }
  BaseExc* e = exception_new(I, I.rt.exc_MemoryError, I.rt.empty_tuple);
  if (!e) return I.end_run(LimitKind::Memory);
  I.pending = e;
  return Value::error();
}

bool pending_matches(Isolate& I, Type* type) {
  return I.pending && is_subtype(I.pending->type_, type);
}

}  // namespace capy
