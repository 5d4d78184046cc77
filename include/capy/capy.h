/* capy/capy.h: the C API of capy, an embeddable, capability-secure Python 3.11
 * interpreter. Plain C (C99), usable from C and, through an FFI, from any
 * language that can call C.
 *
 *   capy_runtime *rt = capy_runtime_new();
 *   capy_isolate *iso = capy_isolate_new(rt, NULL);        // default limits
 *   capy_result *r = capy_run(iso, "sum(range(10))", -1, "<demo>");
 *   if (capy_result_status(r) == CAPY_OK) {
 *     int64_t n;
 *     capy_value_to_int64(capy_result_value(r), &n);        // n == 45
 *   }
 *   capy_result_free(r);
 *   capy_isolate_free(iso);
 *   capy_runtime_free(rt);
 *
 * Ownership rules (see docs/embedding.md):
 * - Every function that returns a pointer named "new" or "copy", and every
 *   value constructor (capy_none, capy_int, capy_list…), returns an object
 *   the caller owns and must free with the matching *_free function.
 * - Pointers returned by accessors (capy_result_value, capy_value_item,
 *   capy_call_arg…) are borrowed: valid as long as the object they came
 *   from. Strings returned as `const char *` are NUL-terminated and
 *   borrowed the same way; strings returned as `char *` are owned by the
 *   caller and freed with capy_free.
 * - Values are immutable and reference counted internally: they may be kept
 *   after a run, copied and shared between threads.
 * - Functions taking values borrow them (they copy what they keep).
 * - Nothing here aborts or longjmps; errors are reported by return value.
 *   Functions returning int return 0 on success and -1 on failure, with a
 *   message in capy_last_error() (per thread).
 *
 * Threads: a runtime is shared by any number of isolates on any threads. An
 * isolate is used by one thread at a time; only capy_isolate_terminate may be
 * called from another thread while it runs. */
#ifndef CAPY_CAPY_H
#define CAPY_CAPY_H

#include <stddef.h>
#include <stdint.h>

#include "capy/config.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct capy_runtime capy_runtime;
typedef struct capy_isolate capy_isolate;
typedef struct capy_value capy_value;
typedef struct capy_result capy_result;
typedef struct capy_call capy_call;
typedef struct capy_host_class capy_host_class;
typedef struct capy_module capy_module;

/* ---- library ------------------------------------------------------------ */

/* "MAJOR.MINOR.PATCH" */
CAPY_API const char *capy_version(void);
/* The message of the last failed call on this thread ("" if none). */
CAPY_API const char *capy_last_error(void);
/* Frees a string returned as `char *`. */
CAPY_API void capy_free(void *p);

/* ---- runtime -------------------------------------------------------------- */

/* The process-wide, immutable part (builtin types, functions, modules).
 * NULL only when out of memory. Isolates keep it alive: freeing the runtime
 * while isolates exist is allowed. */
CAPY_API capy_runtime *capy_runtime_new(void);
CAPY_API void capy_runtime_free(capy_runtime *rt);

/* ---- limits ----------------------------------------------------------------- */

/* Resource limits, fixed when an isolate is created. 0 means "no limit" for
 * max_steps, max_time_seconds, max_output_bytes and max_source_bytes. The
 * step, time and output budgets apply to each run. */
typedef struct capy_limits {
  size_t max_heap_bytes;   /* default 64 MiB */
  uint64_t max_steps;      /* default 0 (unlimited) */
  double max_time_seconds; /* default 10 */
  uint32_t max_call_depth; /* default 1000 */
  size_t max_output_bytes; /* default 4 MiB */
  size_t max_source_bytes; /* default 10 MiB */
  uint32_t max_int_digits; /* default 4300 */
} capy_limits;

/* Fills *limits with the defaults. */
CAPY_API void capy_limits_default(capy_limits *limits);

/* ---- isolates ------------------------------------------------------------------ */

/* limits NULL: the defaults. NULL only when out of memory. */
CAPY_API capy_isolate *capy_isolate_new(capy_runtime *rt, const capy_limits *limits);
CAPY_API void capy_isolate_free(capy_isolate *iso);

/* Where guest output goes. stream is 1 (stdout) or 2 (stderr); `bytes` is
 * UTF-8 text of length `len` (not NUL-terminated). The default (fn NULL)
 * is the process's stdout and stderr. */
typedef void (*capy_output_fn)(void *user_data, int stream, const char *bytes, size_t len);
CAPY_API void capy_isolate_set_output(capy_isolate *iso, capy_output_fn fn, void *user_data);
/* Clock and entropy are granted by default; 0 denies them. */
CAPY_API void capy_isolate_set_clock(capy_isolate *iso, int enabled);
CAPY_API void capy_isolate_set_entropy(capy_isolate *iso, int enabled);

/* Grants. 0 on success, -1 (see capy_last_error) on failure. */
CAPY_API int capy_grant_directory(capy_isolate *iso, const char *path, int writable);
CAPY_API int capy_grant_module(capy_isolate *iso, const char *name);
CAPY_API int capy_grant_module_root(capy_isolate *iso, const char *path);
CAPY_API int capy_grant_env(capy_isolate *iso, const char *name, const char *value);

/* Ends the run in progress (or the next run) with CAPY_LIMIT_TERMINATED.
 * Thread-safe; callable while another thread runs the isolate. */
CAPY_API void capy_isolate_terminate(capy_isolate *iso);
/* Bytes held by the isolate's heap. */
CAPY_API size_t capy_isolate_heap_bytes(const capy_isolate *iso);
CAPY_API void capy_isolate_collect(capy_isolate *iso);

/* ---- results ------------------------------------------------------------------- */

typedef enum capy_status {
  CAPY_OK = 0,        /* the run completed: capy_result_value */
  CAPY_EXCEPTION = 1, /* an uncaught guest exception: type name, message, traceback */
  CAPY_LIMIT = 2,     /* a limit ended the run: capy_result_limit */
  CAPY_ERROR = 3      /* the embedding refused the request: capy_result_message */
} capy_status;

typedef enum capy_limit {
  CAPY_LIMIT_NONE = 0,
  CAPY_LIMIT_MEMORY = 1,
  CAPY_LIMIT_STEPS = 2,
  CAPY_LIMIT_TIME = 3,
  CAPY_LIMIT_DEPTH = 4,
  CAPY_LIMIT_OUTPUT = 5,
  CAPY_LIMIT_TERMINATED = 6,
  CAPY_LIMIT_SOURCE = 7
} capy_limit;

CAPY_API capy_status capy_result_status(const capy_result *r);
/* CAPY_OK: the value (None when the source ends with a statement). Borrowed. */
CAPY_API const capy_value *capy_result_value(const capy_result *r);
/* CAPY_EXCEPTION: the exception's class name ("ValueError"). */
CAPY_API const char *capy_result_type_name(const capy_result *r);
/* CAPY_EXCEPTION: str(exception); CAPY_LIMIT: "time limit exceeded"…;
 * CAPY_ERROR: what was wrong. */
CAPY_API const char *capy_result_message(const capy_result *r);
/* CAPY_EXCEPTION: the whole report as CPython prints it. */
CAPY_API const char *capy_result_traceback(const capy_result *r);
CAPY_API capy_limit capy_result_limit(const capy_result *r);
/* "memory", "steps", "time", "depth", "output", "terminated", "source" or "". */
CAPY_API const char *capy_limit_name(capy_limit limit);
CAPY_API void capy_result_free(capy_result *r);

/* ---- running ---------------------------------------------------------------------- */

/* Runs `source` (len bytes, or NUL-terminated when len < 0) in the isolate's
 * persistent __main__. filename NULL: "<string>". The result's value is that
 * of a final expression statement, else None. NULL only when out of memory. */
CAPY_API capy_result *capy_run(capy_isolate *iso, const char *source, ptrdiff_t len, const char *filename);
/* Calls the global function `name` of __main__ with nargs positional values. */
CAPY_API capy_result *capy_invoke(capy_isolate *iso, const char *name, const capy_value *const *args, size_t nargs);
/* Calls a callable guest object (a CAPY_KIND_GUEST_OBJECT value of this isolate). */
CAPY_API capy_result *capy_invoke_value(capy_isolate *iso, const capy_value *callable, const capy_value *const *args,
                                        size_t nargs);
/* Binds / reads a global of __main__. */
CAPY_API int capy_set_global(capy_isolate *iso, const char *name, const capy_value *value);
CAPY_API capy_result *capy_get_global(capy_isolate *iso, const char *name);

/* ---- values ---------------------------------------------------------------------------- */

typedef enum capy_kind {
  CAPY_KIND_NONE = 0,
  CAPY_KIND_BOOL = 1,
  CAPY_KIND_INT = 2,
  CAPY_KIND_FLOAT = 3,
  CAPY_KIND_STR = 4,
  CAPY_KIND_BYTES = 5,
  CAPY_KIND_LIST = 6,
  CAPY_KIND_TUPLE = 7,
  CAPY_KIND_DICT = 8,
  CAPY_KIND_SET = 9,
  CAPY_KIND_FROZENSET = 10,
  CAPY_KIND_HOST_OBJECT = 11,
  CAPY_KIND_GUEST_OBJECT = 12
} capy_kind;

/* Constructors: each returns a new value owned by the caller (NULL only on
 * a bad argument, see capy_last_error). Container constructors borrow the
 * items (they keep their own references). */
CAPY_API capy_value *capy_none(void);
CAPY_API capy_value *capy_bool(int b);
CAPY_API capy_value *capy_int(int64_t i);
/* An int of any size from text (base 2..36, or 0 for a Python literal prefix). */
CAPY_API capy_value *capy_int_from_string(const char *text, int base);
CAPY_API capy_value *capy_float(double d);
/* UTF-8 text; len < 0: NUL-terminated. */
CAPY_API capy_value *capy_str(const char *utf8, ptrdiff_t len);
CAPY_API capy_value *capy_bytes(const void *data, size_t len);
CAPY_API capy_value *capy_list(const capy_value *const *items, size_t n);
CAPY_API capy_value *capy_tuple(const capy_value *const *items, size_t n);
CAPY_API capy_value *capy_set(const capy_value *const *items, size_t n);
CAPY_API capy_value *capy_frozenset(const capy_value *const *items, size_t n);
CAPY_API capy_value *capy_dict(const capy_value *const *keys, const capy_value *const *values, size_t n);
/* A new reference to the same value. */
CAPY_API capy_value *capy_value_copy(const capy_value *v);
CAPY_API void capy_value_free(capy_value *v);

CAPY_API capy_kind capy_value_kind(const capy_value *v);
/* CAPY_KIND_BOOL: 0 or 1 (0 for other kinds). */
CAPY_API int capy_value_bool(const capy_value *v);
/* CAPY_KIND_INT fitting 64 bits: 0 and *out set; otherwise -1. */
CAPY_API int capy_value_to_int64(const capy_value *v, int64_t *out);
/* CAPY_KIND_INT of any size: its decimal text (free with capy_free); NULL for other kinds. */
CAPY_API char *capy_value_int_string(const capy_value *v);
/* CAPY_KIND_FLOAT (or INT, converted): the value; 0.0 for other kinds. */
CAPY_API double capy_value_float(const capy_value *v);
/* CAPY_KIND_STR / CAPY_KIND_BYTES: the data (NUL-terminated, borrowed) and
 * its length in *len (may be NULL); NULL for other kinds. */
CAPY_API const char *capy_value_str(const capy_value *v, size_t *len);
/* Number of items (LIST, TUPLE, SET, FROZENSET) or entries (DICT); 0 otherwise. */
CAPY_API size_t capy_value_len(const capy_value *v);
/* Borrowed item i of a LIST, TUPLE, SET or FROZENSET (NULL when out of range). */
CAPY_API const capy_value *capy_value_item(const capy_value *v, size_t i);
/* Borrowed key / value of entry i of a DICT (NULL when out of range). */
CAPY_API const capy_value *capy_value_dict_key(const capy_value *v, size_t i);
CAPY_API const capy_value *capy_value_dict_value(const capy_value *v, size_t i);
/* DICT: the value of the str key `key` (borrowed), or NULL. */
CAPY_API const capy_value *capy_value_dict_get(const capy_value *v, const char *key);
/* Python-style repr (free with capy_free). */
CAPY_API char *capy_value_repr(const capy_value *v);
/* Structural equality (as capy::Value::operator==): 1 or 0. */
CAPY_API int capy_value_equal(const capy_value *a, const capy_value *b);

/* ---- host functions ---------------------------------------------------------------------- */

/* A host function: returns a new value (ownership passes to capy), or NULL
 * after capy_raise() to raise an exception in the guest. Returning NULL
 * without capy_raise raises RuntimeError. */
typedef capy_value *(*capy_host_fn)(capy_call *call, void *user_data);
/* Called when the function's owner (isolate, module, class) is freed. */
typedef void (*capy_free_fn)(void *user_data);

CAPY_API size_t capy_call_nargs(const capy_call *call);
/* Borrowed positional argument i (NULL when out of range). */
CAPY_API const capy_value *capy_call_arg(const capy_call *call, size_t i);
CAPY_API size_t capy_call_nkwargs(const capy_call *call);
CAPY_API const char *capy_call_kwarg_name(const capy_call *call, size_t i);
CAPY_API const capy_value *capy_call_kwarg_value(const capy_call *call, size_t i);
/* Methods of host classes: the object's pointer (NULL for functions). */
CAPY_API void *capy_call_self(const capy_call *call);
/* The calling isolate (to call back into it). */
CAPY_API capy_isolate *capy_call_isolate(const capy_call *call);
/* Records an exception of the builtin class `type_name` (RuntimeError when
 * it names none) with `message`; returns NULL for `return capy_raise(...)`. */
CAPY_API capy_value *capy_raise(capy_call *call, const char *type_name, const char *message);

/* Defines a builtin function of the isolate. free_fn (may be NULL) is called
 * with user_data when the isolate is freed. */
CAPY_API int capy_define_function(capy_isolate *iso, const char *name, capy_host_fn fn, void *user_data,
                                  capy_free_fn free_fn);

/* Host modules: build one, then add it to an isolate (the isolate copies it;
 * free the module afterwards). The guest imports it by name. */
CAPY_API capy_module *capy_module_new(const char *name);
CAPY_API int capy_module_add_function(capy_module *m, const char *name, capy_host_fn fn, void *user_data,
                                      capy_free_fn free_fn);
CAPY_API int capy_module_add_value(capy_module *m, const char *name, const capy_value *value);
CAPY_API int capy_define_module(capy_isolate *iso, const capy_module *m);
CAPY_API void capy_module_free(capy_module *m);

/* Host classes: the guest-visible class of opaque host objects. free_object
 * (may be NULL) is called with an object's pointer when the last reference
 * to it (a value or its guest wrapper) goes away. Classes are reference
 * counted: capy_host_class_free drops the caller's reference; values and
 * isolates keep their own. Add every method before creating objects. */
CAPY_API capy_host_class *capy_host_class_new(const char *name, capy_free_fn free_object);
CAPY_API int capy_host_class_add_method(capy_host_class *cls, const char *name, capy_host_fn fn, void *user_data,
                                        capy_free_fn free_fn);
CAPY_API void capy_host_class_free(capy_host_class *cls);
/* A new host object value owning `object` (freed with the class's free_object). */
CAPY_API capy_value *capy_host_object(const capy_host_class *cls, void *object);
/* The object of a HOST_OBJECT value of class `cls`, else NULL. */
CAPY_API void *capy_value_host_object(const capy_value *v, const capy_host_class *cls);

#ifdef __cplusplus
}
#endif

#endif /* CAPY_CAPY_H */
