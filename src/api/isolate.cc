// capy::api::Runtime and capy::api::Isolate: creating isolates, granting
// abilities, defining host functions and modules, running source and
// calling guest functions. Every entry point returns a Result; nothing
// throws.
#include <sys/stat.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "api/api_internal.h"
#include "builtins/open.h"
#include "modules/registry.h"
#include "compiler/compiler.h"
#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/misc.h"
#include "objects/ops.h"
#include "objects/source_registry.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "syntax/ast.h"
#include "syntax/parser.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/interpreter.h"

namespace capy::api {

static_assert(static_cast<int>(Limit::Source) == static_cast<int>(capy::LimitKind::Source) &&
                  static_cast<int>(Limit::Terminated) == static_cast<int>(capy::LimitKind::Terminated) &&
                  static_cast<int>(Limit::Memory) == static_cast<int>(capy::LimitKind::Memory),
              "api::Limit mirrors capy::LimitKind");

namespace {

capy::Limits core_limits(const Limits& l) {
  capy::Limits c;
  c.max_heap_bytes = l.max_heap_bytes ? l.max_heap_bytes : Limits().max_heap_bytes;
  c.max_steps = l.max_steps ? l.max_steps : UINT64_MAX;
  c.max_call_depth = l.max_call_depth ? l.max_call_depth : Limits().max_call_depth;
  c.max_output_bytes = l.max_output_bytes ? l.max_output_bytes : SIZE_MAX;
  c.max_time_seconds = l.max_time_seconds > 0 ? l.max_time_seconds : 0;
  c.max_int_digits = l.max_int_digits;
  c.max_source_bytes = l.max_source_bytes ? l.max_source_bytes : SIZE_MAX;
  return c;
}

bool valid_text(std::string_view s) { return capy::utf8_validate(s) == std::string_view::npos; }

// The directory `path` made absolute and canonical, or "" (errno-style
// message in *why) when it is not an existing directory.
std::string canonical_directory(std::string_view path, std::string* why) {
  std::string p(path);
  if (p.empty() || p.find('\0') != std::string::npos) {
    *why = "not a directory: '" + p + "'";
    return "";
  }
  char* real = realpath(p.c_str(), nullptr);
  if (!real) {
    *why = "cannot grant '" + p + "': " + std::strerror(errno);
    return "";
  }
  std::string r = real;
  free(real);
  struct stat st;
  if (stat(r.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *why = "not a directory: '" + p + "'";
    return "";
  }
  return r;
}

// Creates __main__ (registered in sys.modules) with the attributes CPython
// gives an interactive session's main module.
bool make_main(capy::Isolate& I) {
  capy::Str* name = I.rt.n___main__;
  capy::Module* m = capy::module_new(I, name);
  if (!m) return false;
  capy::Dict* g = m->dict;
  capy::Dict* ann = capy::dict_new(I);
  if (!ann) return false;
  // __builtins__ is the builtins module when it exists (as in CPython), else its dict.
  capy::Value builtins = I.modules ? capy::dict_get_str(I.modules, I.rt.n_builtins) : capy::Value::null();
  if (builtins.is_null()) builtins = capy::Value::object(I.builtins);
  if (capy::dict_set_str(I, g, I.rt.n___name__, capy::Value::object(name)) < 0 ||
      capy::dict_set_str(I, g, I.rt.n___doc__, capy::Value::none()) < 0 ||
      capy::dict_set_str(I, g, I.rt.n___package__, capy::Value::none()) < 0 ||
      capy::dict_set_str(I, g, I.rt.n___loader__, capy::Value::none()) < 0 ||
      capy::dict_set_str(I, g, I.rt.n___spec__, capy::Value::none()) < 0 ||
      capy::dict_set_str(I, g, I.rt.n___annotations__, capy::Value::object(ann)) < 0 ||
      capy::dict_set_str(I, g, I.rt.n___builtins__, builtins) < 0 ||
      capy::dict_set_str(I, I.modules, name, capy::Value::object(m)) < 0) {
    return false;
  }
  I.main_globals = g;
  return true;
}

// Compiles a run's source. When it ends with an expression statement, the
// statements before it and the expression are compiled separately (from
// one parse, so line numbers are those of the whole source) and *expr is
// set: running both gives the expression's value. Otherwise *expr is null.
// false with an exception pending (SyntaxError…).
bool compile_run(capy::Isolate& I, std::string_view source, const std::string& filename, capy::Code** body,
                 capy::Code** expr) {
  *expr = nullptr;
  {
    capy::support::Arena arena;
    capy::syntax::ParseOptions popts;
    popts.max_int_digits = static_cast<int>(I.limits.max_int_digits);
    capy::syntax::ParseResult pr = capy::syntax::parse(source, filename, capy::syntax::Mode::Exec, arena, popts);
    const capy::syntax::Module* mod = pr.ok() ? pr.mod->as<capy::syntax::Module>() : nullptr;
    if (mod && !mod->body.empty() && mod->body.back()->is<capy::syntax::ExprStmt>()) {
      capy::syntax::Module head;
      head.body = mod->body.first(mod->body.size() - 1);
      capy::syntax::Expression tail;
      tail.body = mod->body.back()->as<capy::syntax::ExprStmt>()->value;
      capy::compiler::Options copts;
      copts.source = source;
      capy::compiler::CompileResult c1 = capy::compiler::compile(&head, filename, capy::compiler::Mode::Exec, copts);
      capy::compiler::CompileResult c2 =
          c1.ok() ? capy::compiler::compile(&tail, filename, capy::compiler::Mode::Eval, copts)
                  : capy::compiler::CompileResult{};
      if (c1.ok() && c2.ok()) {
        capy::register_source(I, filename, std::string(source));
        *body = capy::code_from_unit(I, c1.code);
        if (!*body) return false;
        *expr = capy::code_from_unit(I, c2.code);
        return *expr != nullptr;
      }
    }
  }
  // Anything else (including every error, reported exactly as for a module).
  *body = capy::compile_source(I, source, filename, capy::SourceMode::Exec, true);
  return *body != nullptr;
}

Result busy() { return Result::error("the isolate is running on another thread"); }

/// A guest value kept alive (as a precise root) for the scope.
class ScopedRoot {
 public:
  ScopedRoot(IsolateState& s, capy::Value v) : s_(s), slot_(s.add_root(v)) {}
  ~ScopedRoot() {
    s_.iso->extra_roots[slot_] = capy::Value::none();
    s_.free_slots.push_back(slot_);
  }
  ScopedRoot(const ScopedRoot&) = delete;
  ScopedRoot& operator=(const ScopedRoot&) = delete;

 private:
  IsolateState& s_;
  uint32_t slot_;
};

Result call_guest(IsolateState& s, capy::Value callable, const std::vector<Value>& args, const Kwargs& kwargs) {
  capy::Isolate& I = *s.iso;
  size_t n = args.size() + kwargs.size();
  capy::Tuple* argv = capy::tuple_new(I, n);
  if (!argv) return failure_result(s);
  ScopedRoot keep_args(s, capy::Value::object(argv));
  for (size_t i = 0; i < args.size(); ++i) {
    capy::Value g = to_guest(s, args[i]);
    if (g.is_error()) return failure_result(s);
    argv->items[i] = g;
  }
  capy::Tuple* kwnames = nullptr;
  if (!kwargs.empty()) {
    kwnames = capy::tuple_new(I, kwargs.size());
    if (!kwnames) return failure_result(s);
  }
  ScopedRoot keep_names(s, kwnames ? capy::Value::object(kwnames) : capy::Value::none());
  for (size_t i = 0; i < kwargs.size(); ++i) {
    const std::string& k = kwargs[i].first;
    if (!valid_text(k)) return Result::error("a keyword argument name is not valid UTF-8");
    capy::Str* key = I.intern(k);
    if (!key) return failure_result(s);
    kwnames->items[i] = capy::Value::object(key);
    capy::Value g = to_guest(s, kwargs[i].second);
    if (g.is_error()) return failure_result(s);
    argv->items[args.size() + i] = g;
  }
  capy::Value r = capy::call(I, callable, argv->items, args.size(), kwnames);
  if (r.is_error()) return failure_result(s);
  Value out;
  if (!to_host(s, r, &out)) return failure_result(s);
  return Result::success(std::move(out));
}

}  // namespace

// --- IsolateState ---------------------------------------------------------------------

IsolateState* state_of(capy::Isolate& I) { return static_cast<ApiHost*>(I.host)->state; }

IsolateState::IsolateState(std::shared_ptr<RuntimeState> rt, const IsolateOptions& options)
    : runtime(std::move(rt)), limits(options.limits) {
  host.output = options.output;
  host.clock = options.clock;
  host.entropy_enabled = options.entropy;
  iso = std::make_unique<capy::Isolate>(runtime->rt, &host, core_limits(options.limits));
  iso->argv = options.argv.empty() ? std::vector<std::string>{""} : options.argv;
  if (!make_main(*iso)) {
    iso->pending = nullptr;
    startup_error = "the isolate's memory limit is too small to create it";
  }
}

IsolateState::~IsolateState() {
  {
    std::lock_guard<std::mutex> lock(handles->mu);
    handles->alive = false;
    handles->released.clear();
  }
  // Finalizers of host objects use the tables: the core isolate goes first.
  iso.reset();
}

uint32_t IsolateState::add_root(capy::Value v) {
  if (!free_slots.empty()) {
    uint32_t slot = free_slots.back();
    free_slots.pop_back();
    iso->extra_roots[slot] = v;
    return slot;
  }
  iso->extra_roots.push_back(v);
  return static_cast<uint32_t>(iso->extra_roots.size() - 1);
}

void IsolateState::drain_released() {
  if (!handles->any_released.load(std::memory_order_acquire)) return;
  std::vector<uint32_t> released;
  {
    std::lock_guard<std::mutex> lock(handles->mu);
    released.swap(handles->released);
    handles->any_released.store(false, std::memory_order_relaxed);
  }
  for (uint32_t slot : released) {
    iso->extra_roots[slot] = capy::Value::none();
    free_slots.push_back(slot);
  }
}

Value IsolateState::make_guest_ref(capy::Value v) {
  auto d = std::make_shared<GuestRefData>();
  d->table = handles;
  d->slot = add_root(v);
  d->identity = v.bits();
  d->type_name = capy::type_name(*iso, v);
  return Value(ValueKind::GuestObject, std::move(d));
}

Entry::Entry(IsolateState& s, void* frame) : s_(s) {
  std::thread::id me = std::this_thread::get_id();
  std::thread::id none{};
  if (s.running.compare_exchange_strong(none, me, std::memory_order_acq_rel)) {
    outermost_ = true;
  } else if (none != me) {
    return;  // another thread is running this isolate
  }
  entered_ = true;
  scope_.emplace(*s.iso, frame);
  ++s.depth;
  s.drain_released();
  if (!outermost_) return;
  capy::Isolate& I = *s.iso;
  I.pending = nullptr;
  I.begin_run();
  // A terminate() that came before this run started still ends it.
  if (s.terminate_requested.load(std::memory_order_acquire)) I.terminate();
}

Entry::~Entry() {
  if (!entered_) return;
  --s_.depth;
  if (!outermost_) return;
  capy::Isolate& I = *s_.iso;
  if (I.ended == capy::LimitKind::Terminated) s_.terminate_requested.store(false, std::memory_order_release);
  I.pending = nullptr;
  // A run that filled the heap leaves its garbage behind (its frames are
  // gone now): collect it, so that the next run starts with room again.
  if (I.ended == capy::LimitKind::Memory) I.collect();
  scope_.reset();
  s_.running.store(std::thread::id{}, std::memory_order_release);
}

// --- Runtime ------------------------------------------------------------------------------

Runtime::Runtime() : state_(std::make_shared<RuntimeState>()) {}
Runtime::~Runtime() = default;
Runtime::Runtime(Runtime&&) noexcept = default;
Runtime& Runtime::operator=(Runtime&&) noexcept = default;

// --- Isolate ---------------------------------------------------------------------------------

Isolate::Isolate(const Runtime& runtime, IsolateOptions options) {
  if (!runtime.state()) {
    // A moved-from Runtime: keep a usable object that refuses to run.
    Runtime fresh;
    state_ = std::make_unique<IsolateState>(fresh.state(), options);
    state_->startup_error = "the runtime was moved from";
  } else {
    state_ = std::make_unique<IsolateState>(runtime.state(), options);
  }
  state_->owner = this;
  if (!state_->startup_error.empty()) return;
  for (const DirectoryGrant& d : options.grants.directories) {
    Result r = grant_directory(d.path, d.access);
    if (!r.ok()) {
      state_->startup_error = r.message;
      return;
    }
  }
  for (const std::string& m : options.grants.modules) grant_module(m);
  for (const std::string& root : options.grants.module_roots) {
    Result r = grant_module_root(root);
    if (!r.ok()) {
      state_->startup_error = r.message;
      return;
    }
  }
  for (const auto& [name, value] : options.grants.env) {
    Result r = grant_env(name, value);
    if (!r.ok()) {
      state_->startup_error = r.message;
      return;
    }
  }
}

Isolate::~Isolate() = default;

Isolate::Isolate(Isolate&& other) noexcept : state_(std::move(other.state_)) {
  if (state_) state_->owner = this;
}

Isolate& Isolate::operator=(Isolate&& other) noexcept {
  if (this != &other) {
    state_ = std::move(other.state_);
    if (state_) state_->owner = this;
  }
  return *this;
}

const std::string& Isolate::startup_error() const noexcept {
  static const std::string moved = "the isolate was moved from";
  return state_ ? state_->startup_error : moved;
}

const Limits& Isolate::limits() const noexcept {
  static const Limits defaults;
  return state_ ? state_->limits : defaults;
}

#define CAPY_API_USABLE()                                            \
  do {                                                               \
    if (!state_) return Result::error("the isolate was moved from"); \
    if (!state_->startup_error.empty()) return Result::error(state_->startup_error); \
  } while (0)

Result Isolate::grant_directory(std::string_view path, Access access) {
  if (!state_) return Result::error("the isolate was moved from");
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  std::string why;
  std::string dir = canonical_directory(path, &why);
  if (dir.empty()) return Result::error(why);
  bool writable = access == Access::ReadWrite;
  auto& dirs = state_->iso->grants.directories;
  bool found = false;
  for (auto& d : dirs) {
    if (d.path == dir) {
      d.writable = d.writable || writable;
      found = true;
    }
  }
  if (!found) dirs.push_back({dir, writable});
  state_->host.reset_files();
  // open() exists only with a directory grant.
  if (capy::install_open(*s.iso) < 0) return failure_result(s);
  return Result::success(Value());
}

Result Isolate::grant_module(std::string_view name) {
  if (!state_) return Result::error("the isolate was moved from");
  Entry entry(*state_, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  if (name.empty() || !valid_text(name)) return Result::error("bad module name");
  auto& mods = state_->iso->grants.modules;
  for (const auto& m : mods)
    if (m == name) return Result::success(Value());
  mods.emplace_back(name);
  return Result::success(Value());
}

Result Isolate::grant_module_root(std::string_view path) {
  if (!state_) return Result::error("the isolate was moved from");
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  std::string why;
  std::string dir = canonical_directory(path, &why);
  if (dir.empty()) return Result::error(why);
  auto& roots = state_->iso->grants.module_roots;
  for (const auto& r : roots)
    if (r == dir) return Result::success(Value());
  roots.push_back(dir);
  // Import searches sys.path (confined to the roots), which starts as the
  // roots: a root granted later joins it.
  capy::Isolate& I = *s.iso;
  capy::Value sys = capy::import_module(I, "sys");
  if (sys.is_error()) return failure_result(s);
  capy::Value sys_path = capy::dict_get_cstr(I, sys.as<capy::Module>()->dict, "path");
  if (sys_path.is_error()) return failure_result(s);
  if (sys_path.is_object() && (sys_path.as_object()->type_->flags & capy::kTypeListSubclass)) {
    capy::Value entry_str = capy::str_value(I, dir);
    if (entry_str.is_error() || capy::list_append(I, sys_path.as<capy::List>(), entry_str) < 0)
      return failure_result(s);
  }
  return Result::success(Value());
}

Result Isolate::grant_env(std::string_view name, std::string_view value) {
  if (!state_) return Result::error("the isolate was moved from");
  Entry entry(*state_, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  if (name.empty() || name.find('=') != std::string_view::npos || name.find('\0') != std::string_view::npos ||
      value.find('\0') != std::string_view::npos)
    return Result::error("bad environment variable name or value");
  auto& env = state_->iso->grants.env;
  for (auto& [k, v] : env) {
    if (k == name) {
      v = value;
      return Result::success(Value());
    }
  }
  env.emplace_back(std::string(name), std::string(value));
  return Result::success(Value());
}

Result Isolate::define_function(std::string name, HostFunction fn) {
  CAPY_API_USABLE();
  if (name.empty() || !valid_text(name)) return Result::error("bad function name");
  if (!fn) return Result::error("empty host function");
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  capy::Isolate& I = *s.iso;
  uint32_t index = add_function(s, name, name, std::move(fn));
  capy::Value f = make_host_function(s, index, capy::Value::null());
  if (f.is_error()) return failure_result(s);
  capy::Str* key = I.intern(name);
  if (!key || capy::dict_set_str(I, I.builtins, key, f) < 0) return failure_result(s);
  return Result::success(Value());
}

Result Isolate::define_module(HostModule module) {
  CAPY_API_USABLE();
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  const std::string& name = module.name();
  if (name.empty() || !valid_text(name) || name.front() == '.' || name.back() == '.' ||
      name.find("..") != std::string::npos)
    return Result::error("bad module name");
  if (s.modules.count(name)) return Result::error("module '" + name + "' is already defined");
  for (const auto& [fname, fn] : module.functions()) {
    if (fname.empty() || !valid_text(fname)) return Result::error("bad function name in module '" + name + "'");
    if (!fn) return Result::error("empty host function in module '" + name + "'");
  }
  for (const auto& [vname, v] : module.values())
    if (vname.empty() || !valid_text(vname)) return Result::error("bad value name in module '" + name + "'");
  ModuleEntry e(std::move(module));
  for (const auto& [fname, fn] : e.def.functions()) e.functions.push_back(add_function(s, fname, fname, fn));
  std::string key = e.def.name();
  s.modules.emplace(std::move(key), std::move(e));
  return Result::success(Value());
}

Result Isolate::set_global(std::string_view name, const Value& value) {
  CAPY_API_USABLE();
  if (name.empty() || !valid_text(name)) return Result::error("bad global name");
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  capy::Isolate& I = *s.iso;
  capy::Value g = to_guest(s, value);
  if (g.is_error()) return failure_result(s);
  capy::Str* key = I.intern(name);
  if (!key || capy::dict_set_str(I, I.main_globals, key, g) < 0) return failure_result(s);
  return Result::success(Value());
}

Result Isolate::get_global(std::string_view name) {
  CAPY_API_USABLE();
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  capy::Isolate& I = *s.iso;
  if (!valid_text(name)) return Result::error("bad global name");
  capy::Value v = capy::dict_get_cstr(I, I.main_globals, name);
  if (v.is_error()) return failure_result(s);
  if (v.is_null()) return Result::error("name '" + std::string(name) + "' is not defined");
  Value out;
  if (!to_host(s, v, &out)) return failure_result(s);
  return Result::success(std::move(out));
}

Result Isolate::run(std::string_view source, const RunOptions& options) {
  CAPY_API_USABLE();
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  capy::Isolate& I = *s.iso;
  // Per-run limits: applied to a run (not to a nested call), restored after it.
  struct RestoreLimits {
    capy::Isolate* iso = nullptr;
    capy::Limits saved;
    ~RestoreLimits() {
      if (iso) iso->limits = saved;
    }
  } restore;
  if (entry.outermost() && (options.max_time_seconds || options.max_steps)) {
    restore.iso = &I;
    restore.saved = I.limits;
    if (options.max_time_seconds) I.limits.max_time_seconds = *options.max_time_seconds > 0 ? *options.max_time_seconds : 0;
    if (options.max_steps) I.limits.max_steps = *options.max_steps ? *options.max_steps : UINT64_MAX;
    I.begin_run();
    if (s.terminate_requested.load(std::memory_order_acquire)) I.terminate();
  }
  if (source.size() > I.limits.max_source_bytes) {
    if (entry.outermost()) return Result::limit_hit(Limit::Source);
    return Result::error("source code too large");
  }
  if (!valid_text(options.filename)) return Result::error("the file name is not valid UTF-8");
  capy::Code* body = nullptr;
  capy::Code* expr = nullptr;
  if (!compile_run(I, source, options.filename, &body, &expr)) return failure_result(s);
  ScopedRoot keep_body(s, capy::Value::object(body));
  ScopedRoot keep_expr(s, expr ? capy::Value::object(expr) : capy::Value::none());
  capy::Value r = capy::run_code(I, body, I.main_globals, I.main_globals);
  if (r.is_error()) return failure_result(s);
  r = capy::Value::none();
  if (expr) {
    r = capy::run_code(I, expr, I.main_globals, I.main_globals);
    if (r.is_error()) return failure_result(s);
  }
  Value out;
  if (!to_host(s, r, &out)) return failure_result(s);
  return Result::success(std::move(out));
}

Result Isolate::call(std::string_view function_name, std::vector<Value> args, Kwargs kwargs) {
  CAPY_API_USABLE();
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  capy::Isolate& I = *s.iso;
  if (!valid_text(function_name)) return Result::error("bad function name");
  capy::Value f = capy::dict_get_cstr(I, I.main_globals, function_name);
  if (f.is_null()) f = capy::dict_get_cstr(I, I.builtins, function_name);
  if (f.is_error()) return failure_result(s);
  if (f.is_null()) return Result::error("name '" + std::string(function_name) + "' is not defined");
  ScopedRoot keep(s, f);
  return call_guest(s, f, args, kwargs);
}

Result Isolate::call_value(const Value& callable, std::vector<Value> args, Kwargs kwargs) {
  CAPY_API_USABLE();
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  capy::Value f = to_guest(s, callable);
  if (f.is_error()) return failure_result(s);
  ScopedRoot keep(s, f);
  return call_guest(s, f, args, kwargs);
}

Result Isolate::repr(const Value& value) {
  CAPY_API_USABLE();
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return busy();
  capy::Isolate& I = *s.iso;
  capy::Value g = to_guest(s, value);
  if (g.is_error()) return failure_result(s);
  ScopedRoot keep(s, g);
  std::string text;
  if (capy::repr_append(I, g, text) < 0) return failure_result(s);
  return Result::success(Value(std::move(text)));
}

void Isolate::terminate() noexcept {
  if (!state_) return;
  state_->terminate_requested.store(true, std::memory_order_release);
  state_->iso->terminate();
}

size_t Isolate::heap_bytes() const noexcept { return state_ ? state_->iso->heap.bytes_in_use() : 0; }

void Isolate::collect_garbage() {
  if (!state_) return;
  IsolateState& s = *state_;
  Entry entry(s, __builtin_frame_address(0));
  if (!entry.entered()) return;
  s.iso->collect();
}

#undef CAPY_API_USABLE

}  // namespace capy::api
