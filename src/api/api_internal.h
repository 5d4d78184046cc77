// The embedding API's implementation state: what stands behind the public
// capy::api::Runtime, Isolate and Value (include/capy/*.h), and the
// conversions between host Values and guest values.
//
// Public types live in capy::api; the core's own types of the same names
// (capy::Isolate, capy::Value…) are in capy. This file and src/api/*.cc see
// both, so the public headers are included with CAPY_API_NO_ALIASES (set by
// cmake/api.cmake for the whole of src/api).
#pragma once

#include <gmp.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "capy/capy.hpp"
#include "objects/object.h"
#include "vm/host_fs.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy::api {

// --- host-side value data --------------------------------------------------------

struct ValueData {
  virtual ~ValueData() = default;
};

/// Str and Bytes.
struct TextData final : ValueData {
  explicit TextData(std::string t) : text(std::move(t)) {}
  std::string text;
};

/// An Int outside int64: magnitude (least significant byte first, no
/// trailing zero bytes) and sign.
struct BigIntData final : ValueData {
  std::string magnitude;
  bool negative = false;
};

/// List, Tuple, Set, FrozenSet.
struct ItemsData final : ValueData {
  explicit ItemsData(std::vector<Value> v) : items(std::move(v)) {}
  std::vector<Value> items;
};

struct EntriesData final : ValueData {
  explicit EntriesData(std::vector<std::pair<Value, Value>> e) : entries(std::move(e)) {}
  std::vector<std::pair<Value, Value>> entries;
};

struct HostObjectData final : ValueData {
  std::shared_ptr<void> object;
  std::shared_ptr<const HostClass> cls;
};

/// The guest objects that host Values refer to, for one isolate. Slots are
/// indices into the core isolate's extra_roots (precise GC roots). A Value
/// may be dropped on any thread, so releasing a slot only queues it; the
/// isolate's own thread recycles queued slots at its next API entry.
struct HandleTable {
  std::mutex mu;
  std::atomic<bool> any_released{false};  // a cheap check before taking the lock
  bool alive = true;                // false once the isolate is destroyed
  std::vector<uint32_t> released;   // slots whose last Value is gone
};

struct GuestRefData final : ValueData {
  ~GuestRefData() override;
  std::shared_ptr<HandleTable> table;
  uint32_t slot = 0;
  uint64_t identity = 0;            // the object's address: equality of references only
  std::string type_name;
};

const HostObjectData* host_object_data(const Value& v);
/// An Int Value of z (inline when it fits int64).
Value int_value_from_mpz(const mpz_t z);
/// An Int's value into z (initialised by the caller).
void int_value_to_mpz(const Value& v, mpz_t z);
const GuestRefData* guest_ref_data(const Value& v);

// --- runtime -------------------------------------------------------------------------

struct RuntimeState {
  capy::Runtime rt;
};

// --- isolate ---------------------------------------------------------------------------

struct IsolateState;

/// The Host behind every API isolate: output to a callback or the process's
/// stdout/stderr, the system clocks, getrandom() entropy, the POSIX
/// file-system door over the granted directories, and the host modules.
class ApiHost final : public capy::Host {
 public:
  explicit ApiHost(IsolateState* s) : state(s) {}
  ~ApiHost() override;
  bool write(int stream, std::string_view bytes) override;
  void flush(int stream) override;
  double time_now() override;
  double monotonic() override;
  bool entropy(void* buf, size_t n) override;
  void sleep(capy::Isolate& I, double seconds) override;
  capy::FileSystem* files() override;
  bool has_module(std::string_view name) override;
  int init_module(capy::Isolate& I, std::string_view name, capy::Module* m) override;
  int read_module_source(capy::Isolate& I, std::string_view root, std::string_view relative, size_t max_bytes,
                         std::string* source) override;

  /// Drops the file-system door (the grants changed; it is rebuilt on use).
  void reset_files();

  IsolateState* state;
  OutputFn output;
  bool clock = true;
  bool entropy_enabled = true;

 private:
  std::unique_ptr<capy::FileSystem> files_;
  bool files_built_ = false;
};

/// A host function or method as the isolate knows it.
struct FunctionEntry {
  std::string name;          // as the guest sees it (__name__)
  std::string qualname;      // "Class.method" for methods
  HostFunction fn;
};

/// A host class as one isolate knows it: its guest type and methods.
struct ClassEntry {
  std::shared_ptr<const HostClass> cls;
  capy::Type* type = nullptr;
  std::unordered_map<std::string, uint32_t> methods;  // name -> functions index
};

/// A host module defined in one isolate: its definition and the indices of
/// its functions (registered once, whatever the number of imports).
struct ModuleEntry {
  explicit ModuleEntry(HostModule d) : def(std::move(d)) {}
  HostModule def;
  std::vector<uint32_t> functions;
};

struct IsolateState {
  IsolateState(std::shared_ptr<RuntimeState> rt, const IsolateOptions& options);
  ~IsolateState();

  std::shared_ptr<RuntimeState> runtime;
  api::Isolate* owner = nullptr;   // the public object (Call::isolate())
  void* c_handle = nullptr;        // the C API's capy_isolate, when made through it
  Limits limits;
  std::string startup_error;
  ApiHost host{this};
  std::shared_ptr<HandleTable> handles = std::make_shared<HandleTable>();
  std::vector<uint32_t> free_slots;
  std::vector<std::unique_ptr<FunctionEntry>> functions;
  std::map<const HostClass*, ClassEntry> classes;
  std::map<std::string, ModuleEntry, std::less<>> modules;
  /// Guest wrappers of host objects, so a host object converted twice is
  /// the same guest object while the wrapper lives.
  std::map<std::pair<const void*, const HostClass*>, capy::Object*> wrappers;
  capy::Type* function_type = nullptr;  // type of host functions in the guest
  uint32_t depth = 0;                   // nesting of API entries (host functions calling back)
  /// The thread running the isolate (none between runs): an entry from any
  /// other thread is refused instead of racing.
  std::atomic<std::thread::id> running{};
  std::atomic<bool> terminate_requested{false};
  /// The core isolate; declared last so that it goes first (its finalizers
  /// use the tables above).
  std::unique_ptr<capy::Isolate> iso;

  // Slots of iso->extra_roots.
  uint32_t add_root(capy::Value v);
  void drain_released();
  /// A host Value referring to guest object v.
  Value make_guest_ref(capy::Value v);
};

IsolateState* state_of(capy::Isolate& I);

/// Brackets every API entry point. It opens the core's IsolateScope (the
/// thread runs this isolate: the collector scans the native stack from
/// `frame` down, GMP charges this heap); the outermost entry also starts
/// the run's budgets and, on leaving, settles a consumed terminate()
/// request.
class Entry {
 public:
  Entry(IsolateState& s, void* frame);
  ~Entry();
  /// false: another thread is running the isolate, and nothing was entered.
  bool entered() const { return entered_; }
  bool outermost() const { return outermost_; }

 private:
  IsolateState& s_;
  bool entered_ = false;
  bool outermost_ = false;
  std::optional<capy::IsolateScope> scope_;
};

// --- conversions (convert.cc) ------------------------------------------------------------

/// Guest -> host. false with a TypeError pending (a cycle, too deep).
bool to_host(IsolateState& s, capy::Value v, Value* out);
/// Host -> guest. Value::error() with an exception pending (bad UTF-8,
/// unhashable key, a GuestObject of another isolate, MemoryError…).
capy::Value to_guest(IsolateState& s, const Value& v);

/// The Result for the isolate's state after a failed operation: the limit
/// that ended the run, or the pending exception (taken).
Result failure_result(IsolateState& s);
/// Exception class name as the traceback's last line shows it.
std::string exception_type_name(capy::Isolate& I, capy::Type* t);

// --- host functions and objects in the guest (host_objects.cc) ------------------------------

/// A guest callable for functions[index] (bound to `self` for methods).
capy::Value make_host_function(IsolateState& s, uint32_t index, capy::Value self);
/// The guest wrapper of a host object (created or found).
capy::Value wrap_host_object(IsolateState& s, const HostObjectData& d);
/// The host object inside a guest wrapper, or nullptr when v is not one.
const HostObjectData* unwrap_host_object(IsolateState& s, capy::Value v, Value* out);
/// Registers a host function; returns its index.
uint32_t add_function(IsolateState& s, std::string name, std::string qualname, HostFunction fn);

}  // namespace capy::api
