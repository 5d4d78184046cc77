// Isolate: one guest world — its heap, limits, module table, builtins,
// pending exception and interpreter state. Used by one thread at a time.
#pragma once

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gc/heap.h"
#include "gc/weak.h"
#include "objects/source_registry.h"
#include "objects/object.h"
#include "vm/runtime.h"

namespace capy {

struct Frame;
struct Dict;
struct Str;
struct List;
struct Tuple;
struct BaseExc;
struct Module;
class FileSystem;

/// Where guest output and other effects go. The command-line program, the
/// embedding API and the CPython module each provide one.
class Host {
 public:
  virtual ~Host() = default;
  /// stream 1 = stdout, 2 = stderr. Returns false if the write is refused.
  virtual bool write(int stream, std::string_view bytes) = 0;
  virtual void flush(int stream) {}
  /// Wall clock in seconds since the epoch, or a negative value when denied.
  virtual double time_now() { return -1.0; }
  virtual double monotonic() { return -1.0; }
  /// Fills buf with entropy; false when denied.
  virtual bool entropy(void* buf, size_t n) { return false; }
  /// time.sleep: blocks the calling thread for `seconds` (the host may cut
  /// it short, e.g. at the isolate's time limit, or end the run with
  /// I.end_run). The default does not wait.
  virtual void sleep(Isolate& I, double seconds) {}
  /// The file-system door (src/vm/host_fs.h) behind open(), io, os, shutil
  /// and pathlib, or nullptr when the host gives no files. It must confine
  /// every access to the isolate's Grants::directories.
  virtual FileSystem* files() { return nullptr; }
  /// Modules the embedder defines (the embedding API's host modules):
  /// import consults them before its own tables. has_module says whether
  /// `name` is one; init_module fills the fresh module's dict (0, or -1 with
  /// an exception pending).
  virtual bool has_module(std::string_view name) { return false; }
  virtual int init_module(Isolate& I, std::string_view name, Module* m) { return -1; }
  /// Import's door to the module roots (Grants::module_roots): reads the
  /// Python source file `relative` ("pkg/__init__.py", "mod.py": identifiers
  /// joined by '/') beneath `root`, at most `max_bytes` of it. Returns 0 with
  /// *source filled; -ENOENT (or -ENOTDIR) when there is no such file;
  /// -EISDIR when `relative` names a directory (a namespace package); -EFBIG
  /// beyond max_bytes; another -errno when it cannot be read (-ELOOP: the
  /// file is a symbolic link). The host must check that `root` is one of the
  /// isolate's module roots, resolve `relative` beneath it (no "..",
  /// symlink or /proc escape) and return a regular file's bytes only. The
  /// default finds nothing (an isolate without module roots).
  virtual int read_module_source(Isolate& I, std::string_view root, std::string_view relative, size_t max_bytes,
                                 std::string* source) {
    return -ENOENT;
  }
};

/// Resource limits, set when the isolate is created (units in the names).
/// docs/limits.md describes each limit, its defaults and the checks made
/// before large operations. A default-constructed Limits bounds nothing but
/// the call depth: hosts running untrusted code start from untrusted(), the
/// command line from command_line().
struct Limits {
  /// Bytes the isolate's heap may hold: objects, side buffers (list items,
  /// dict tables, string data), big-integer limbs, compiled code, compiled
  /// regular expressions and the parser's and compiler's working memory, each
  /// counted with its allocator overhead. An allocation that does not fit
  /// raises MemoryError in the guest while the heap still has room for the
  /// guest to recover; when it is full, the run ends (LimitKind::Memory).
  size_t max_heap_bytes = SIZE_MAX;
  /// Bytecode steps per run: one per backward jump, call, and entry of a
  /// Python frame. Exceeding it ends the run (LimitKind::Steps).
  uint64_t max_steps = UINT64_MAX;
  /// Nested Python calls (plus native re-entries): deeper recursion raises
  /// RecursionError, as CPython's recursion limit; sys.setrecursionlimit
  /// cannot go above it.
  uint32_t max_call_depth = 1000;
  /// Bytes written to stdout and stderr per run; the write that would pass it
  /// is cut at the limit and the run ends (LimitKind::Output).
  size_t max_output_bytes = SIZE_MAX;
  /// Wall-clock seconds per run (0: none); the run ends (LimitKind::Time),
  /// also from inside time.sleep and long native operations.
  double max_time_seconds = 0;
  /// Decimal digits of int <-> str conversions (CPython's
  /// sys.set_int_max_str_digits): ValueError beyond it.
  uint32_t max_int_digits = 4300;
  /// Bytes of one source text given to compile(), exec(), eval() or import,
  /// or run by the host: MemoryError in the guest (LimitKind::Source for the
  /// host's own run) before anything is parsed.
  size_t max_source_bytes = SIZE_MAX;

  /// Safe for untrusted code (the embedding API's defaults): 64 MiB heap,
  /// 10 s, 4 MiB of output, 10 MiB of source, depth 1000, no step limit.
  static Limits untrusted() {
    Limits l;
    l.max_heap_bytes = size_t{64} << 20;
    l.max_time_seconds = 10.0;
    l.max_output_bytes = size_t{4} << 20;
    l.max_source_bytes = size_t{10} << 20;
    return l;
  }
  /// The command line's defaults (a person at a terminal can interrupt it):
  /// 2 GiB heap, 64 MiB of source, depth 1000, no time, step or output limit.
  static Limits command_line() {
    Limits l;
    l.max_heap_bytes = size_t{2} << 30;
    l.max_source_bytes = size_t{64} << 20;
    return l;
  }
};

/// The abilities a host grants an isolate beyond pure computation. An isolate
/// starts with none; everything here is data that the capability layer
/// (open(), os, pathlib, import) consults, and that the Host's file-system
/// door enforces again on every access.
struct Grants {
  struct Directory {
    std::string path;     // absolute, as the host named it
    bool writable = false;
  };
  /// open(), os, shutil and pathlib reach files beneath these only.
  std::vector<Directory> directories;
  /// Module names importable beyond the default audited set.
  std::vector<std::string> modules;
  /// Directories whose Python source files may be imported (read for import only).
  std::vector<std::string> module_roots;
  /// The guest's os.environ, in the order granted.
  std::vector<std::pair<std::string, std::string>> env;
};

/// What one entry of Isolate::ids costs in memory (node, bucket, malloc's overhead).
constexpr size_t kIdEntryBytes = 64;

/// Why a run stopped without a Python-level outcome.
/// Source: a source text given to the host's run exceeded max_source_bytes.
enum class LimitKind : uint8_t { None, Memory, Steps, Time, Depth, Output, Terminated, Source };
/// "memory limit exceeded", "time limit exceeded"…: the one line a host reports.
const char* limit_message(LimitKind kind);

class Isolate {
 public:
  Isolate(Runtime& rt, Host* host, const Limits& limits = {}, bool immortal_heap = false);
  ~Isolate();
  Isolate(const Isolate&) = delete;
  Isolate& operator=(const Isolate&) = delete;

  Runtime& rt;
  Host* host;
  Limits limits;
  Grants grants;
  Heap& heap;

  // --- exceptions -----------------------------------------------------------
  /// The pending exception (a BaseException instance) or nullptr.
  BaseExc* pending = nullptr;
  /// The exception being handled (sys.exc_info()), maintained by the VM.
  BaseExc* handled = nullptr;
  /// A limit ended the run: the guest cannot catch it. Set with end_run().
  LimitKind ended = LimitKind::None;

  bool has_pending() const { return pending != nullptr; }
  /// Takes the pending exception (clearing it).
  BaseExc* take_pending() { BaseExc* e = pending; pending = nullptr; return e; }
  /// Ends the run for a limit. Returns Value::error() for convenience. From
  /// then on no guest code runs until the next begin_run(): the VM unwinds
  /// every frame without running handlers (except, finally, __exit__), new
  /// frames refuse to start, output is refused and poll() fails.
  Value end_run(LimitKind kind);

  // --- runs and limits (docs/limits.md) ---------------------------------------
  /// Starts a run: resets the per-run budgets (steps, output, time), clears
  /// `ended` and any stale terminate() request, and starts the clock.
  void begin_run();
  /// Ends the running run from any thread (LimitKind::Terminated): the VM
  /// notices at its next safe point, native loops at their next poll(),
  /// time.sleep within 50 ms. A no-op when nothing runs (begin_run() clears it).
  void terminate() { interrupt.store(static_cast<uint32_t>(LimitKind::Terminated), std::memory_order_relaxed); }
  /// The full check behind the VM's safe points: interrupt, step budget and
  /// (every check_interval steps) the clock. false when the run must end.
  bool check_limits();
  /// For native code that works long without returning to the VM (sorting,
  /// hash probing, big copies, searching): call it with an estimate of the
  /// work done since the last call (one unit is about one element compared
  /// or 64 bytes processed). It notices terminate() at once and the time
  /// limit within about a millisecond of work. false when the run must end
  /// (I.ended is set, nothing pending): return Value::error().
  bool poll(uint64_t units = 1) {
    work_ += units;
    if (__builtin_expect(work_ < work_check_at_ && !interrupt.load(std::memory_order_relaxed), 1)) return true;
    return poll_slow();
  }
  /// Seconds on the limit clock (the host's monotonic clock, or the
  /// process's steady clock when the host gives none).
  double clock();
  /// Seconds left before the time limit (+inf without one).
  double time_left();
  /// Memory that may still be allocated (max_heap_bytes minus the heap's use).
  size_t heap_room() const;
  /// Raises MemoryError unless `bytes` more may be allocated (pre-checks of
  /// operations whose result size is known in advance). false on error.
  bool can_allocate(size_t bytes);

  // --- interpreter state ----------------------------------------------------
  Frame* frame = nullptr;          // innermost running Python frame
  uint32_t call_depth = 0;         // Python frames + native re-entries
  uint32_t recursion_limit = 1000; // sys.setrecursionlimit, <= limits.max_call_depth
  uint64_t steps = 0;
  /// The VM makes its full check (check_limits) at the first safe point
  /// where steps > check_at: min(max_steps, next clock reading).
  uint64_t check_at = 0;
  size_t output_bytes = 0;         // written through the host so far
  std::atomic<uint32_t> interrupt{0};  // set from other threads: terminate()
  Dict* builtins = nullptr;        // this isolate's builtins module dict
  Dict* modules = nullptr;         // sys.modules
  /// Native modules' dicts as their init left them (registry.cc's
  /// native_module_state); never reachable from the guest.
  Dict* native_state = nullptr;
  Dict* main_globals = nullptr;
  void* stack_base = nullptr;      // highest native stack address of the running thread
  std::vector<Value> extra_roots;  // precise roots registered by embedders
  /// io's buffered file writers holding unwritten bytes (io_file.cc): a weak
  /// list, flushed before every file-system operation of the guest.
  void* io_unflushed = nullptr;
  /// Weak references and their queued callbacks (gc/weak.h).
  WeakRegistry weak;
  /// atexit's registered calls (a list of (func, args, kwargs) tuples), run
  /// by run_atexit (modules/atexit.h) when the main program has ended.
  List* exit_funcs = nullptr;
  /// id() numbers: serials handed out on first request, never addresses.
  /// Each entry is charged to the heap as kIdEntryBytes.
  std::unordered_map<const Object*, uint64_t> ids;
  uint64_t next_id = 1;
  /// sys.argv of the guest.
  std::vector<std::string> argv;
  /// Source text of every compiled unit, by file name, for tracebacks.
  SourceRegistry sources;

  // --- interned names ---------------------------------------------------
  /// An interned str (runtime-immortal or isolate-owned) for text.
  Str* intern(std::string_view text);

  // --- garbage collection -----------------------------------------------------
  void collect();
  void maybe_collect() { if (heap.wants_collection()) collect(); }

 private:
  bool poll_slow();
  void schedule_check();
  double deadline_ = 0;            // limit clock value when the run ends; 0: none
  double last_check_time_ = 0;
  uint32_t check_interval_ = 64;   // steps between clock readings (adaptive)
  int clock_source_ = 0;           // 0 unknown, 1 host, 2 steady clock
  uint64_t work_ = 0;              // native work units (poll)
  uint64_t work_check_at_ = 0;
  Heap own_heap_;
  std::unordered_map<std::string, Str*> interned_;
  friend class Collector;
 public:
  void trace_roots(Tracer& t);
  const std::unordered_map<std::string, Str*>& interned_table() const { return interned_; }
};

/// Makes the calling thread the one running `I` for the scope's duration
/// (every entry of a host into an isolate opens one; run_main does): GMP's
/// allocations on this thread are charged to I's heap, and the outermost
/// scope on a thread records the top of the native stack that the collector
/// scans. Scopes nest, also across isolates (a host function of one isolate
/// running another); each restores what it found.
class IsolateScope {
 public:
  __attribute__((always_inline)) explicit IsolateScope(Isolate& I)
      : IsolateScope(I, __builtin_frame_address(0)) {}
  IsolateScope(Isolate& I, void* stack_top);
  ~IsolateScope();
  IsolateScope(const IsolateScope&) = delete;
  IsolateScope& operator=(const IsolateScope&) = delete;

 private:
  Isolate& I_;
  Heap* prev_heap_;
  void* prev_stack_base_;
};

// --- raising --------------------------------------------------------------
/// Sets a new exception of `type` with args (msg,) as pending; returns Value::error().
Value raise(Isolate& I, Type* type, std::string_view msg);
/// printf-style message; %s takes a const char*, %d int, %zd ssize_t, %lld long long.
Value raisef(Isolate& I, Type* type, const char* fmt, ...) __attribute__((format(printf, 3, 4)));
/// Sets an existing exception instance (or class, instantiated) as pending.
Value raise_value(Isolate& I, Value exc);
/// Raises MemoryError (preallocated-free path).
Value raise_memory(Isolate& I);
/// Writes guest output through the host, charging the output limit.
/// false when refused (exception pending or the run ended).
bool host_write(Isolate& I, int stream, std::string_view bytes);
/// sys.stdout when the guest replaced it, else None (print's default file).
Value sys_stdout_override(Isolate& I);
/// Is the pending exception an instance of type? (false when none pending)
bool pending_matches(Isolate& I, Type* type);

}  // namespace capy
