// The C API (include/capy/capy.h): a thin layer over the C++ API. Every
// function catches whatever the C++ side might throw (only std::bad_alloc
// in practice) so that nothing unwinds into C.
#include "capy/capy.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "api/api_internal.h"

using capy::api::Call;
using capy::api::HostClass;
using capy::api::HostModule;
using capy::api::Result;
using capy::api::Status;
using capy::api::Value;
using capy::api::ValueKind;

struct capy_runtime {
  capy::api::Runtime rt;
};

struct capy_isolate {
  std::unique_ptr<capy::api::Isolate> iso;
};

struct capy_value {
  Value v;
};

struct capy_result {
  Result r;
};

struct capy_call {
  Call* call;
  capy_isolate* isolate;
};

struct capy_module {
  explicit capy_module(std::string name) : m(std::move(name)) {}
  HostModule m;
};

struct capy_host_class {
  std::shared_ptr<HostClass> cls;
  capy_free_fn free_object = nullptr;
};

// capy_value is layout-compatible with Value: borrowed items of containers
// are handed out as pointers to the Values themselves.
static_assert(sizeof(capy_value) == sizeof(Value) && alignof(capy_value) == alignof(Value));

namespace {

thread_local std::string t_last_error;

void set_error(std::string msg) { t_last_error = std::move(msg); }

const capy_value* as_c(const Value* v) { return reinterpret_cast<const capy_value*>(v); }

capy_value* new_value(Value v) { return new (std::nothrow) capy_value{std::move(v)}; }

capy_result* new_result(Result r) {
  auto* out = new (std::nothrow) capy_result{std::move(r)};
  if (!out) set_error("out of memory");
  return out;
}

// A C callback with its user data, freed with free_fn when the last copy of
// the host function that holds it goes away.
struct CallbackData {
  CallbackData(capy_host_fn f, void* u, capy_free_fn ff) : fn(f), user_data(u), free_fn(ff) {}
  CallbackData(const CallbackData&) = delete;
  CallbackData& operator=(const CallbackData&) = delete;
  capy_host_fn fn;
  void* user_data;
  capy_free_fn free_fn;
  ~CallbackData() {
    if (free_fn) free_fn(user_data);
  }
};

capy::api::HostFunction wrap_callback(capy_host_fn fn, void* user_data, capy_free_fn free_fn) {
  auto data = std::make_shared<CallbackData>(fn, user_data, free_fn);
  return [data](Call& call) -> Value {
    auto* state = call.isolate().state();
    capy_call c{&call, state ? static_cast<capy_isolate*>(state->c_handle) : nullptr};
    capy_value* r = data->fn(&c, data->user_data);
    if (!r) {
      if (!call.raised()) call.raise("RuntimeError", "host function " + call.name() + "() returned NULL without raising");
      return Value();
    }
    Value v = std::move(r->v);
    delete r;
    return v;
  };
}

std::vector<Value> values_of(const capy_value* const* items, size_t n) {
  std::vector<Value> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(items && items[i] ? items[i]->v : Value());
  return out;
}

int result_code(const Result& r) {
  if (r.ok()) return 0;
  set_error(r.message);
  return -1;
}

}  // namespace

#define CAPY_C_GUARD(fail)                \
  catch (const std::bad_alloc&) {         \
    set_error("out of memory");           \
    return fail;                          \
  }                                       \
  catch (...) {                           \
    set_error("internal error");          \
    return fail;                          \
  }

extern "C" {

const char* capy_version(void) { return CAPY_VERSION_STRING; }
const char* capy_last_error(void) { return t_last_error.c_str(); }
void capy_free(void* p) { std::free(p); }

static char* dup_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) {
    set_error("out of memory");
    return nullptr;
  }
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

// --- runtime ----------------------------------------------------------------------

capy_runtime* capy_runtime_new(void) {
  try {
    return new capy_runtime();
  }
  CAPY_C_GUARD(nullptr)
}

void capy_runtime_free(capy_runtime* rt) { delete rt; }

// --- limits and isolates ---------------------------------------------------------

void capy_limits_default(capy_limits* limits) {
  if (!limits) return;
  capy::api::Limits d;
  limits->max_heap_bytes = d.max_heap_bytes;
  limits->max_steps = d.max_steps;
  limits->max_time_seconds = d.max_time_seconds;
  limits->max_call_depth = d.max_call_depth;
  limits->max_output_bytes = d.max_output_bytes;
  limits->max_source_bytes = d.max_source_bytes;
  limits->max_int_digits = d.max_int_digits;
}

capy_isolate* capy_isolate_new(capy_runtime* rt, const capy_limits* limits) {
  if (!rt) {
    set_error("no runtime");
    return nullptr;
  }
  try {
    capy::api::IsolateOptions options;
    if (limits) {
      options.limits.max_heap_bytes = limits->max_heap_bytes;
      options.limits.max_steps = limits->max_steps;
      options.limits.max_time_seconds = limits->max_time_seconds;
      options.limits.max_call_depth = limits->max_call_depth;
      options.limits.max_output_bytes = limits->max_output_bytes;
      options.limits.max_source_bytes = limits->max_source_bytes;
      options.limits.max_int_digits = limits->max_int_digits;
    }
    auto* out = new capy_isolate();
    out->iso = std::make_unique<capy::api::Isolate>(rt->rt, std::move(options));
    out->iso->state()->c_handle = out;
    if (!out->iso->startup_error().empty()) {
      set_error(out->iso->startup_error());
      delete out;
      return nullptr;
    }
    return out;
  }
  CAPY_C_GUARD(nullptr)
}

void capy_isolate_free(capy_isolate* iso) { delete iso; }

void capy_isolate_set_output(capy_isolate* iso, capy_output_fn fn, void* user_data) {
  if (!iso) return;
  auto& host = iso->iso->state()->host;
  if (!fn) {
    host.output = nullptr;
    return;
  }
  host.output = [fn, user_data](capy::api::Stream stream, std::string_view bytes) {
    fn(user_data, static_cast<int>(stream), bytes.data(), bytes.size());
  };
}

void capy_isolate_set_clock(capy_isolate* iso, int enabled) {
  if (iso) iso->iso->state()->host.clock = enabled != 0;
}

void capy_isolate_set_entropy(capy_isolate* iso, int enabled) {
  if (iso) iso->iso->state()->host.entropy_enabled = enabled != 0;
}

int capy_grant_directory(capy_isolate* iso, const char* path, int writable) {
  if (!iso || !path) return set_error("bad argument"), -1;
  try {
    return result_code(iso->iso->grant_directory(path, writable ? capy::api::Access::ReadWrite : capy::api::Access::Read));
  }
  CAPY_C_GUARD(-1)
}

int capy_grant_module(capy_isolate* iso, const char* name) {
  if (!iso || !name) return set_error("bad argument"), -1;
  try {
    return result_code(iso->iso->grant_module(name));
  }
  CAPY_C_GUARD(-1)
}

int capy_grant_module_root(capy_isolate* iso, const char* path) {
  if (!iso || !path) return set_error("bad argument"), -1;
  try {
    return result_code(iso->iso->grant_module_root(path));
  }
  CAPY_C_GUARD(-1)
}

int capy_grant_env(capy_isolate* iso, const char* name, const char* value) {
  if (!iso || !name || !value) return set_error("bad argument"), -1;
  try {
    return result_code(iso->iso->grant_env(name, value));
  }
  CAPY_C_GUARD(-1)
}

void capy_isolate_terminate(capy_isolate* iso) {
  if (iso) iso->iso->terminate();
}

size_t capy_isolate_heap_bytes(const capy_isolate* iso) { return iso ? iso->iso->heap_bytes() : 0; }

void capy_isolate_collect(capy_isolate* iso) {
  if (!iso) return;
  try {
    iso->iso->collect_garbage();
  } catch (...) {
  }
}

// --- results ------------------------------------------------------------------------

capy_status capy_result_status(const capy_result* r) {
  return r ? static_cast<capy_status>(r->r.status) : CAPY_ERROR;
}
const capy_value* capy_result_value(const capy_result* r) { return r ? as_c(&r->r.value) : nullptr; }
const char* capy_result_type_name(const capy_result* r) { return r ? r->r.type_name.c_str() : ""; }
const char* capy_result_message(const capy_result* r) { return r ? r->r.message.c_str() : ""; }
const char* capy_result_traceback(const capy_result* r) { return r ? r->r.traceback.c_str() : ""; }
capy_limit capy_result_limit(const capy_result* r) { return r ? static_cast<capy_limit>(r->r.limit) : CAPY_LIMIT_NONE; }
const char* capy_limit_name(capy_limit limit) { return capy::api::limit_name(static_cast<capy::api::Limit>(limit)); }
void capy_result_free(capy_result* r) { delete r; }

// --- running ----------------------------------------------------------------------------

capy_result* capy_run(capy_isolate* iso, const char* source, ptrdiff_t len, const char* filename) {
  try {
    if (!iso || !source) return new_result(Result::error("bad argument"));
    capy::api::RunOptions options;
    if (filename) options.filename = filename;
    size_t n = len < 0 ? std::strlen(source) : static_cast<size_t>(len);
    return new_result(iso->iso->run(std::string_view(source, n), options));
  }
  CAPY_C_GUARD(nullptr)
}

capy_result* capy_invoke(capy_isolate* iso, const char* name, const capy_value* const* args, size_t nargs) {
  try {
    if (!iso || !name) return new_result(Result::error("bad argument"));
    return new_result(iso->iso->call(name, values_of(args, nargs)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_result* capy_invoke_value(capy_isolate* iso, const capy_value* callable, const capy_value* const* args,
                             size_t nargs) {
  try {
    if (!iso || !callable) return new_result(Result::error("bad argument"));
    return new_result(iso->iso->call_value(callable->v, values_of(args, nargs)));
  }
  CAPY_C_GUARD(nullptr)
}

int capy_set_global(capy_isolate* iso, const char* name, const capy_value* value) {
  if (!iso || !name || !value) return set_error("bad argument"), -1;
  try {
    return result_code(iso->iso->set_global(name, value->v));
  }
  CAPY_C_GUARD(-1)
}

capy_result* capy_get_global(capy_isolate* iso, const char* name) {
  try {
    if (!iso || !name) return new_result(Result::error("bad argument"));
    return new_result(iso->iso->get_global(name));
  }
  CAPY_C_GUARD(nullptr)
}

// --- values --------------------------------------------------------------------------------

capy_value* capy_none(void) { return new_value(Value()); }
capy_value* capy_bool(int b) { return new_value(Value(b != 0)); }
capy_value* capy_int(int64_t i) { return new_value(Value(i)); }

capy_value* capy_int_from_string(const char* text, int base) {
  if (!text) return set_error("bad argument"), nullptr;
  try {
    auto v = Value::parse_int(text, base);
    if (!v) return set_error(std::string("not an integer: '") + text + "'"), nullptr;
    return new_value(std::move(*v));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_float(double d) { return new_value(Value(d)); }

capy_value* capy_str(const char* utf8, ptrdiff_t len) {
  if (!utf8 && len != 0) return set_error("bad argument"), nullptr;
  try {
    size_t n = len < 0 ? std::strlen(utf8) : static_cast<size_t>(len);
    return new_value(Value(std::string_view(utf8 ? utf8 : "", n)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_bytes(const void* data, size_t len) {
  if (!data && len) return set_error("bad argument"), nullptr;
  try {
    return new_value(Value::bytes(std::string_view(static_cast<const char*>(data ? data : ""), len)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_list(const capy_value* const* items, size_t n) {
  try {
    return new_value(Value::list(values_of(items, n)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_tuple(const capy_value* const* items, size_t n) {
  try {
    return new_value(Value::tuple(values_of(items, n)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_set(const capy_value* const* items, size_t n) {
  try {
    return new_value(Value::set(values_of(items, n)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_frozenset(const capy_value* const* items, size_t n) {
  try {
    return new_value(Value::frozenset(values_of(items, n)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_dict(const capy_value* const* keys, const capy_value* const* values, size_t n) {
  if (n && (!keys || !values)) return set_error("bad argument"), nullptr;
  try {
    std::vector<std::pair<Value, Value>> entries;
    entries.reserve(n);
    for (size_t i = 0; i < n; ++i)
      entries.emplace_back(keys[i] ? keys[i]->v : Value(), values[i] ? values[i]->v : Value());
    return new_value(Value::dict(std::move(entries)));
  }
  CAPY_C_GUARD(nullptr)
}

capy_value* capy_value_copy(const capy_value* v) {
  if (!v) return set_error("bad argument"), nullptr;
  return new_value(v->v);
}

void capy_value_free(capy_value* v) { delete v; }

capy_kind capy_value_kind(const capy_value* v) { return v ? static_cast<capy_kind>(v->v.kind()) : CAPY_KIND_NONE; }
int capy_value_bool(const capy_value* v) { return v && v->v.as_bool() ? 1 : 0; }

int capy_value_to_int64(const capy_value* v, int64_t* out) {
  if (!v) return -1;
  auto i = v->v.to_int64();
  if (!i) return -1;
  if (out) *out = *i;
  return 0;
}

char* capy_value_int_string(const capy_value* v) {
  if (!v || !v->v.is_int()) return nullptr;
  try {
    return dup_string(v->v.int_string());
  }
  CAPY_C_GUARD(nullptr)
}

double capy_value_float(const capy_value* v) { return v ? v->v.as_double() : 0.0; }

const char* capy_value_str(const capy_value* v, size_t* len) {
  if (!v || (!v->v.is_str() && !v->v.is_bytes())) {
    if (len) *len = 0;
    return nullptr;
  }
  // TextData keeps a std::string: its data() is NUL-terminated.
  std::string_view s = v->v.as_str();
  if (len) *len = s.size();
  return s.data();
}

size_t capy_value_len(const capy_value* v) { return v ? v->v.size() : 0; }

const capy_value* capy_value_item(const capy_value* v, size_t i) {
  if (!v) return nullptr;
  const auto& items = v->v.items();
  return i < items.size() ? as_c(&items[i]) : nullptr;
}

const capy_value* capy_value_dict_key(const capy_value* v, size_t i) {
  if (!v) return nullptr;
  const auto& e = v->v.entries();
  return i < e.size() ? as_c(&e[i].first) : nullptr;
}

const capy_value* capy_value_dict_value(const capy_value* v, size_t i) {
  if (!v) return nullptr;
  const auto& e = v->v.entries();
  return i < e.size() ? as_c(&e[i].second) : nullptr;
}

const capy_value* capy_value_dict_get(const capy_value* v, const char* key) {
  if (!v || !key) return nullptr;
  return as_c(v->v.get(key));
}

char* capy_value_repr(const capy_value* v) {
  if (!v) return dup_string("NULL");
  try {
    return dup_string(v->v.repr());
  }
  CAPY_C_GUARD(nullptr)
}

int capy_value_equal(const capy_value* a, const capy_value* b) {
  if (!a || !b) return a == b;
  try {
    return a->v == b->v ? 1 : 0;
  }
  CAPY_C_GUARD(0)
}

// --- host functions -----------------------------------------------------------------------------

size_t capy_call_nargs(const capy_call* call) { return call ? call->call->nargs() : 0; }

const capy_value* capy_call_arg(const capy_call* call, size_t i) {
  if (!call || i >= call->call->nargs()) return nullptr;
  return as_c(&call->call->args()[i]);
}

size_t capy_call_nkwargs(const capy_call* call) { return call ? call->call->kwargs().size() : 0; }

const char* capy_call_kwarg_name(const capy_call* call, size_t i) {
  if (!call || i >= call->call->kwargs().size()) return nullptr;
  return call->call->kwargs()[i].first.c_str();
}

const capy_value* capy_call_kwarg_value(const capy_call* call, size_t i) {
  if (!call || i >= call->call->kwargs().size()) return nullptr;
  return as_c(&call->call->kwargs()[i].second);
}

void* capy_call_self(const capy_call* call) { return call ? call->call->self_pointer().get() : nullptr; }
capy_isolate* capy_call_isolate(const capy_call* call) { return call ? call->isolate : nullptr; }

capy_value* capy_raise(capy_call* call, const char* type_name, const char* message) {
  if (!call) return nullptr;
  try {
    call->call->raise(type_name ? type_name : "RuntimeError", message ? message : "");
  } catch (...) {
  }
  return nullptr;
}

int capy_define_function(capy_isolate* iso, const char* name, capy_host_fn fn, void* user_data,
                         capy_free_fn free_fn) {
  if (!iso || !name || !fn) return set_error("bad argument"), -1;
  try {
    return result_code(iso->iso->define_function(name, wrap_callback(fn, user_data, free_fn)));
  }
  CAPY_C_GUARD(-1)
}

capy_module* capy_module_new(const char* name) {
  if (!name) return set_error("bad argument"), nullptr;
  try {
    return new capy_module(name);
  }
  CAPY_C_GUARD(nullptr)
}

int capy_module_add_function(capy_module* m, const char* name, capy_host_fn fn, void* user_data,
                             capy_free_fn free_fn) {
  if (!m || !name || !fn) return set_error("bad argument"), -1;
  try {
    m->m.function(name, wrap_callback(fn, user_data, free_fn));
    return 0;
  }
  CAPY_C_GUARD(-1)
}

int capy_module_add_value(capy_module* m, const char* name, const capy_value* value) {
  if (!m || !name || !value) return set_error("bad argument"), -1;
  try {
    m->m.value(name, value->v);
    return 0;
  }
  CAPY_C_GUARD(-1)
}

int capy_define_module(capy_isolate* iso, const capy_module* m) {
  if (!iso || !m) return set_error("bad argument"), -1;
  try {
    return result_code(iso->iso->define_module(m->m));
  }
  CAPY_C_GUARD(-1)
}

void capy_module_free(capy_module* m) { delete m; }

capy_host_class* capy_host_class_new(const char* name, capy_free_fn free_object) {
  if (!name) return set_error("bad argument"), nullptr;
  try {
    auto* c = new capy_host_class();
    c->cls = std::make_shared<HostClass>(name);
    c->free_object = free_object;
    return c;
  }
  CAPY_C_GUARD(nullptr)
}

int capy_host_class_add_method(capy_host_class* cls, const char* name, capy_host_fn fn, void* user_data,
                               capy_free_fn free_fn) {
  if (!cls || !name || !fn) return set_error("bad argument"), -1;
  try {
    cls->cls->method(name, wrap_callback(fn, user_data, free_fn));
    return 0;
  }
  CAPY_C_GUARD(-1)
}

void capy_host_class_free(capy_host_class* cls) { delete cls; }

capy_value* capy_host_object(const capy_host_class* cls, void* object) {
  if (!cls || !object) return set_error("bad argument"), nullptr;
  try {
    capy_free_fn f = cls->free_object;
    std::shared_ptr<void> p(object, [f](void* o) {
      if (f) f(o);
    });
    return new_value(Value::host_object(std::move(p), cls->cls));
  }
  CAPY_C_GUARD(nullptr)
}

void* capy_value_host_object(const capy_value* v, const capy_host_class* cls) {
  if (!v || !cls || v->v.host_class() != cls->cls.get()) return nullptr;
  return v->v.host_pointer().get();
}

}  // extern "C"
