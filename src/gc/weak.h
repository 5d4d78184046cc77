// Weak references: the object layout shared by weakref.ref and the proxies
// (src/modules/_weakref_module.cc), and the per-isolate registry through
// which the collector clears them (see docs/modules/weakref.md).
//
// A weak reference does not trace its referent. After marking, the collector
// calls WeakRegistry::after_mark: every reference whose referent was not
// marked is cleared (it then returns None), and the callbacks of the
// references that are themselves still reachable are queued. The queue is a
// root; the callbacks run later, at a safe point (run_weak_callbacks), never
// during the collection.
#pragma once

#include <cstddef>
#include <deque>
#include <unordered_map>
#include <utility>
#include <vector>

#include "objects/object.h"

namespace capy {

class Heap;
class Isolate;
class Tracer;

enum class WeakKind : uint32_t { Ref = 0, Proxy = 1, CallableProxy = 2 };

/// weakref.ref (and its subclasses), weakref.ProxyType and CallableProxyType.
struct WeakRef : Object {
  Object* referent;  // not traced; nullptr once the referent is gone
  Value callback;    // null when none, or once queued
  int64_t hash;      // hash(referent), -1 until computed
  WeakKind kind;
};

class WeakRegistry {
 public:
  /// Bytes charged to the heap per registered reference, for the
  /// registry's own bookkeeping (the vectors and the map node).
  static constexpr size_t kEntryBytes = 64;

  /// The live weak references to o, in CPython's order (getweakrefs), or
  /// nullptr when there are none.
  const std::vector<WeakRef*>* find(const Object* o) const;
  /// Registers w (whose referent is set) at position pos of its referent's
  /// list. false when the memory limit refuses the bookkeeping.
  bool insert(Heap& heap, WeakRef* w, size_t pos);
  /// Called by the collector between marking and sweeping.
  void after_mark(Heap& heap);
  /// The queued callbacks are roots.
  void trace(Tracer& t) const;
  bool has_pending() const { return !pending_.empty(); }
  /// Takes the oldest queued (reference, callback) pair; false when none.
  bool pop_pending(WeakRef** w, Value* callback);
  /// Set while run_weak_callbacks runs (nested safe points leave the queue
  /// to it).
  bool running = false;

 private:
  std::vector<WeakRef*> all_;  // every registered reference with a live referent, oldest first
  std::unordered_map<const Object*, std::vector<WeakRef*>> by_referent_;
  std::deque<std::pair<WeakRef*, Value>> pending_;
};

/// Runs the queued weak-reference callbacks, oldest first. A callback that
/// raises is reported on stderr as CPython reports it ("Exception ignored
/// in: ..."). Returns false only when the run ended (a limit).
bool run_weak_callbacks(Isolate& I);

/// Writes CPython's report of an exception that cannot propagate (the
/// pending one, which is cleared): "Exception ignored in: <repr of obj>"
/// and the traceback, to the guest's stderr.
void write_unraisable(Isolate& I, const char* what, Value obj);

}  // namespace capy
