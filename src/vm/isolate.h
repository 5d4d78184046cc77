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
};
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

/// Resource limits, set when the isolate is created (units in the names).
struct Limits {
  size_t max_heap_bytes = SIZE_MAX;
  uint64_t max_steps = UINT64_MAX;
  uint32_t max_call_depth = 1000;     // Python's default recursion limit
  size_t max_output_bytes = SIZE_MAX;
  double max_time_seconds = 0;        // 0: none
  uint32_t max_int_digits = 4300;     // CPython's int/str conversion limit
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

/// Why a run stopped without a Python-level outcome.
enum class LimitKind : uint8_t { None, Memory, Steps, Time, Depth, Output, Terminated };

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
  /// Ends the run for a limit. Returns Value::error() for convenience.
  Value end_run(LimitKind kind);

  // --- interpreter state ----------------------------------------------------
  Frame* frame = nullptr;          // innermost running Python frame
  uint32_t call_depth = 0;         // Python frames + native re-entries
  uint32_t recursion_limit = 1000; // sys.setrecursionlimit, <= limits.max_call_depth
  uint64_t steps = 0;
  size_t output_bytes = 0;         // written through the host so far
  std::atomic<uint32_t> interrupt{0};  // set from other threads: terminate()
  Dict* builtins = nullptr;        // this isolate's builtins module dict
  Dict* modules = nullptr;         // sys.modules
  Dict* main_globals = nullptr;
  void* stack_base = nullptr;      // highest native stack address of the running thread
  std::vector<Value> extra_roots;  // precise roots registered by embedders
  /// io's buffered file writers holding unwritten bytes (io_file.cc): a weak
  /// list, flushed before every file-system operation of the guest.
  void* io_unflushed = nullptr;
  /// id() numbers: serials handed out on first request, never addresses.
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
  Heap own_heap_;
  std::unordered_map<std::string, Str*> interned_;
  friend class Collector;
 public:
  void trace_roots(Tracer& t);
  const std::unordered_map<std::string, Str*>& interned_table() const { return interned_; }
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
  /// Native modules' dicts as their init left them (registry.cc's
  /// native_module_state); never reachable from the guest.
  Dict* native_state = nullptr;
