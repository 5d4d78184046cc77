// functools: CPython 3.11's functools. The hot paths are native: partial
// (construction with flattening, the call), reduce, cmp_to_key's key wrapper
// and the lru_cache wrapper (key building, the cache, LRU eviction). The rest
// (update_wrapper, wraps, total_ordering, lru_cache / cache decorators,
// partialmethod, cached_property, singledispatch…) is Python source run into
// the module at import.
#include <cstddef>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/eval.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

// --- per-isolate native types (immutable: no kTypeHeap) ---------------------------------

Type* new_type(Isolate& I, const char* tp_name, const char* qualname, uint32_t basicsize, TraceFn trace) {
  return isolate_type_new(I, tp_name, qualname, "functools", basicsize, trace);
}

/// Gives instances of t a __dict__ at `offset`.
void with_dict(Type* t, size_t offset) {
  t->dict_offset = static_cast<int32_t>(offset);
  t->flags |= kTypeHasDict;
}

// --- reduce -----------------------------------------------------------------------------

Value f_reduce(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "reduce", kw) < 0 || check_nargs(I, "reduce", nargs, 2, 3) < 0) return Value::error();
  Value func = args[0];
  Value it = get_iter(I, args[1]);
  if (it.is_error()) {
    if (pending_matches(I, I.rt.exc_TypeError))
      return raise(I, I.rt.exc_TypeError, "reduce() arg 2 must support iteration");
    return it;
  }
  Value acc = nargs == 3 ? args[2] : Value::null();
  for (;;) {
    Value x = iter_next(I, it);
    if (x.is_error()) return x;
    if (x.is_null()) break;
    if (acc.is_null()) {
      acc = x;
      continue;
    }
    Value pair[2] = {acc, x};
    acc = call(I, func, pair, 2, nullptr);
    if (acc.is_error()) return acc;
  }
  if (acc.is_null()) return raise(I, I.rt.exc_TypeError, "reduce() of empty iterable with no initial value");
  return acc;
}

// --- partial ------------------------------------------------------------------------------

struct Partial : Object {
  Value fn;
  Tuple* args;
  Dict* kw;
  Dict* dict;
};
void partial_trace(Object* o, Tracer& t) {
  auto* p = static_cast<Partial*>(o);
  t.visit(p->fn);
  t.visit(p->args);
  t.visit(p->kw);
  t.visit(p->dict);
}

Value partial_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames);

Value partial_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(I, I.rt.exc_TypeError, "type 'partial' takes at least one argument");
  Value func = args[0];
  Tuple* pargs = nullptr;
  Dict* pkw = nullptr;
  Type* ft = type_of(I, func);
  if (ft->call == partial_call) {
    auto* inner = func.as<Partial>();
    if (!inner->dict && inner->args && inner->kw) {
      pargs = inner->args;
      pkw = inner->kw;
      func = inner->fn;
    }
  }
  if (!is_callable(I, func)) return raise(I, I.rt.exc_TypeError, "the first argument must be callable");
  size_t extra = nargs - 1;
  size_t before = pargs ? pargs->size() : 0;
  Tuple* all = tuple_new(I, before + extra);
  if (!all) return Value::error();
  for (size_t i = 0; i < before; ++i) all->items[i] = pargs->items[i];
  for (size_t i = 0; i < extra; ++i) all->items[before + i] = args[1 + i];
  Dict* kw = pkw ? dict_copy(I, pkw) : dict_new(I);
  if (!kw) return Value::error();
  size_t nkw = kwnames ? kwnames->size() : 0;
  for (size_t k = 0; k < nkw; ++k)
    if (dict_set(I, kw, kwnames->items[k], args[nargs + k]) < 0) return Value::error();
  auto* p = static_cast<Partial*>(I.heap.alloc_object(type, type->basicsize));
  if (!p) return raise_memory(I);
  p->fn = func;
  p->args = all;
  p->kw = kw;
  return Value::object(p);
}

Value partial_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* p = self.as<Partial>();
  if (!p->args || !p->kw) return raise(I, I.rt.exc_TypeError, "partial object is not initialised");
  size_t np = p->args->size();
  size_t ncall_kw = kwnames ? kwnames->size() : 0;
  Dict* kw = p->kw;
  if (kw->count == 0) {
    if (np == 0) return call(I, p->fn, args, nargs, kwnames);
    size_t total = np + nargs + ncall_kw;
    Value small[16];
    std::vector<Value> big;
    Value* buf = small;
    if (total > 16) {
      big.resize(total);
      buf = big.data();
    }
    for (size_t i = 0; i < np; ++i) buf[i] = p->args->items[i];
    for (size_t i = 0; i < nargs + ncall_kw; ++i) buf[np + i] = args[i];
    return call(I, p->fn, buf, np + nargs, kwnames);
  }
  // Stored keywords merged with the call's (the call's win).
  std::vector<Value> names, values;
  names.reserve(kw->count + ncall_kw);
  values.reserve(kw->count + ncall_kw);
  uint32_t pos = 0;
  Value k, v;
  while (dict_next(kw, &pos, &k, &v)) {
    bool overridden = false;
    for (size_t j = 0; j < ncall_kw; ++j) {
      int e = fast_eq(I, kwnames->items[j], k);
      if (e < 0) return Value::error();
      if (e) {
        overridden = true;
        break;
      }
    }
    if (overridden) continue;
    if (!is_subtype(type_of(I, k), I.rt.str_type))
      return raise(I, I.rt.exc_TypeError, "keywords must be strings");
    names.push_back(k);
    values.push_back(v);
  }
  for (size_t j = 0; j < ncall_kw; ++j) {
    names.push_back(kwnames->items[j]);
    values.push_back(args[nargs + j]);
  }
  Tuple* kn = tuple_from(I, names.data(), names.size());
  if (!kn) return Value::error();
  std::vector<Value> buf(np + nargs + values.size());
  for (size_t i = 0; i < np; ++i) buf[i] = p->args->items[i];
  for (size_t i = 0; i < nargs; ++i) buf[np + i] = args[i];
  for (size_t i = 0; i < values.size(); ++i) buf[np + nargs + i] = values[i];
  return call(I, p->fn, buf.data(), np + nargs, kn);
}

Value partial_repr(Isolate& I, Value self) {
  auto* p = self.as<Partial>();
  Type* t = type_of(I, self);
  std::string out(t->name->view());
  Object* o = self.as_object();
  int rec = repr_enter(I, o);
  if (rec < 0) return Value::error();
  if (rec > 0) return str_value(I, "...");
  out += "(";
  bool ok = true;
  if (p->args && p->kw) {
    ok = repr_append(I, p->fn, out) >= 0;
    for (size_t i = 0; ok && i < p->args->size(); ++i) {
      out += ", ";
      ok = repr_append(I, p->args->items[i], out) >= 0;
    }
    // Iterate a snapshot: reprs of the values may run code that mutates the dict.
    Dict* snap = ok ? dict_copy(I, p->kw) : nullptr;
    if (ok && !snap) ok = false;
    uint32_t pos = 0;
    Value k, v;
    while (ok && dict_next(snap, &pos, &k, &v)) {
      out += ", ";
      ok = str_append(I, k, out) >= 0;
      out += "=";
      ok = ok && repr_append(I, v, out) >= 0;
    }
  }
  repr_leave(I, o);
  if (!ok) return Value::error();
  out += ")";
  return str_value(I, out);
}

Value partial_get_func(Isolate& I, Value self) {
  auto* p = self.as<Partial>();
  return p->args ? p->fn : Value::none();
}
Value partial_get_args(Isolate& I, Value self) {
  Tuple* a = self.as<Partial>()->args;
  return Value::object(a ? a : I.rt.empty_tuple);
}
Value partial_get_keywords(Isolate& I, Value self) {
  auto* p = self.as<Partial>();
  if (!p->kw) {
    p->kw = dict_new(I);
    if (!p->kw) return Value::error();
  }
  return Value::object(p->kw);
}
int readonly_set(Isolate& I, Value, Value) {
  raise(I, I.rt.exc_AttributeError, "readonly attribute");
  return -1;
}

// --- cmp_to_key -------------------------------------------------------------------------------

struct KeyWrapper : Object {
  Value cmp;
  Value obj;  // null for the key function itself
};
void keywrapper_trace(Object* o, Tracer& t) {
  auto* k = static_cast<KeyWrapper*>(o);
  t.visit(k->cmp);
  t.visit(k->obj);
}
Value keywrapper_make(Isolate& I, Type* type, Value cmp, Value obj) {
  auto* k = static_cast<KeyWrapper*>(I.heap.alloc_object(type, type->basicsize));
  if (!k) return raise_memory(I);
  k->cmp = cmp;
  k->obj = obj;
  return Value::object(k);
}
Value keywrapper_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value p[1];
  if (bind_args(I, "K", args, nargs, kw, {"obj"}, 0, 1, 1, p) < 0) return Value::error();
  return keywrapper_make(I, type_of(I, self), self.as<KeyWrapper>()->cmp, p[0]);
}
Value keywrapper_richcompare(Isolate& I, Value a, Value b, CompareOp op) {
  Type* t = type_of(I, a);
  if (type_of(I, b) != t) return raise(I, I.rt.exc_TypeError, "other argument must be K instance");
  auto* x = a.as<KeyWrapper>();
  auto* y = b.as<KeyWrapper>();
  if (x->obj.is_null() || y->obj.is_null()) return raise(I, I.rt.exc_AttributeError, "object");
  Value pair[2] = {x->obj, y->obj};
  Value res = call(I, x->cmp, pair, 2, nullptr);
  if (res.is_error()) return res;
  if (res.is_small_int()) {
    int64_t r = res.as_small_int();
    bool v = false;
    switch (op) {
      case CompareOp::Lt: v = r < 0; break;
      case CompareOp::Le: v = r <= 0; break;
      case CompareOp::Eq: v = r == 0; break;
      case CompareOp::Ne: v = r != 0; break;
      case CompareOp::Gt: v = r > 0; break;
      case CompareOp::Ge: v = r >= 0; break;
    }
    return Value::boolean(v);
  }
  return rich_compare(I, res, Value::small_int(0), op);
}
int64_t unhashable(Isolate& I, Value self) {
  raisef(I, I.rt.exc_TypeError, "unhashable type: '%s'", type_name(I, self));
  return -1;
}
Value keywrapper_get_obj(Isolate& I, Value self) {
  Value o = self.as<KeyWrapper>()->obj;
  if (o.is_null() || !(o.is_object() || o.is_small_int() || o.is_special() || o.is_double()))
    return raise(I, I.rt.exc_AttributeError, "obj");
  return o;
}
int keywrapper_set_obj(Isolate& I, Value self, Value v) {
  self.as<KeyWrapper>()->obj = v;
  return 0;
}
// cmp_to_key(mycmp): a builtin bound to the KeyWrapper type (args[0]).
Value f_cmp_to_key(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Type* t = args[0].as<Type>();
  Value p[1];
  if (bind_args(I, "cmp_to_key", args + 1, nargs - 1, kw, {"mycmp"}, 0, 1, 1, p) < 0) return Value::error();
  return keywrapper_make(I, t, p[0], Value::null());
}

// --- _lru_cache_wrapper -------------------------------------------------------------------------

struct LruWrapper : Object {
  Value func;
  Dict* cache;
  Value cache_info_type;
  Dict* dict;
  int64_t maxsize;  // -1: unbounded
  int64_t hits;
  int64_t misses;
  uint32_t scan_pos;  // cache entries before this index are all deleted (eviction scan start)
  bool typed;
};
void lru_trace(Object* o, Tracer& t) {
  auto* w = static_cast<LruWrapper*>(o);
  t.visit(w->func);
  t.visit(w->cache);
  t.visit(w->cache_info_type);
  t.visit(w->dict);
}

Value lru_new(Isolate& I, Type* type, const Value* args, size_t nargs, Tuple* kw) {
  Value p[4];
  if (bind_args(I, "_lru_cache_wrapper", args, nargs, kw, {"user_function", "maxsize", "typed", "cache_info_type"},
                0, 4, 4, p) < 0)
    return Value::error();
  if (!is_callable(I, p[0])) return raise(I, I.rt.exc_TypeError, "the first argument must be callable");
  int64_t maxsize = -1;
  if (!p[1].is_none()) {
    if (!is_int(I, p[1])) return raise(I, I.rt.exc_TypeError, "maxsize should be integer or None");
    if (!index_i64(I, p[1], &maxsize)) return Value::error();
    if (maxsize < 0) maxsize = 0;
  }
  int typed = truthy(I, p[2]);
  if (typed < 0) return Value::error();
  Dict* cache = dict_new(I);
  if (!cache) return Value::error();
  auto* w = static_cast<LruWrapper*>(I.heap.alloc_object(type, type->basicsize));
  if (!w) return raise_memory(I);
  w->func = p[0];
  w->cache = cache;
  w->cache_info_type = p[3];
  w->maxsize = maxsize;
  w->typed = typed;
  return Value::object(w);
}

/// The cache key of a call (CPython's _make_key): the argument itself for one
/// int/str argument, else a tuple of the arguments, a marker and the keyword
/// items, and with typed=True the argument types.
Value make_key(Isolate& I, LruWrapper* w, Value marker, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (!w->typed && nkw == 0 && nargs == 1) {
    Type* t = type_of(I, args[0]);
    if (t == I.rt.int_type || t == I.rt.str_type) return args[0];
  }
  size_t n = nargs + (nkw ? 1 + 2 * nkw : 0) + (w->typed ? nargs + nkw : 0);
  Tuple* key = tuple_new(I, n);
  if (!key) return Value::error();
  size_t j = 0;
  for (size_t i = 0; i < nargs; ++i) key->items[j++] = args[i];
  if (nkw) {
    key->items[j++] = marker;
    for (size_t k = 0; k < nkw; ++k) {
      key->items[j++] = kwnames->items[k];
      key->items[j++] = args[nargs + k];
    }
  }
  if (w->typed) {
    for (size_t i = 0; i < nargs; ++i) key->items[j++] = Value::object(type_of(I, args[i]));
    for (size_t k = 0; k < nkw; ++k) key->items[j++] = Value::object(type_of(I, args[nargs + k]));
  }
  return Value::object(key);
}

/// Inserts into the cache; a resize compacts the entries, so the eviction
/// scan restarts from the front.
int lru_insert(Isolate& I, LruWrapper* w, Dict* cache, Value key, int64_t h, Value v) {
  DictEntry* before = cache->entries;
  if (dict_set_hashed(I, cache, key, h, v) < 0) return -1;
  if (cache->entries != before && cache == w->cache) w->scan_pos = 0;
  return 0;
}

Value lru_call(Isolate& I, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  auto* w = self.as<LruWrapper>();
  if (!w->cache) return raise(I, I.rt.exc_TypeError, "_lru_cache_wrapper is not initialised");
  if (w->maxsize == 0) {
    w->misses++;
    return call(I, w->func, args, nargs, kwnames);
  }
  Value key = make_key(I, w, Value::object(type_of(I, self)), args, nargs, kwnames);
  if (key.is_error()) return key;
  int64_t h = fast_hash(I, key);
  if (h == -1) return Value::error();
  Dict* cache = w->cache;
  Value found;
  int r = dict_lookup_hashed(I, cache, key, h, &found);
  if (r < 0) return Value::error();
  if (r > 0) {
    w->hits++;
    if (w->maxsize > 0 && cache->count > 1) {
      // Most recently used goes last: re-insert (the dict keeps insertion order).
      if (dict_del(I, cache, key) < 0 || lru_insert(I, w, cache, key, h, found) < 0) return Value::error();
    }
    return found;
  }
  w->misses++;
  Value result = call(I, w->func, args, nargs, kwnames);
  if (result.is_error()) return result;
  cache = w->cache;
  if (w->maxsize > 0) {
    // A recursive call may have cached this key meanwhile.
    Value again;
    r = dict_lookup_hashed(I, cache, key, h, &again);
    if (r < 0) return Value::error();
    if (r > 0) return result;
    while (cache->count >= uint64_t(w->maxsize)) {
      // The least recently used entry is the first live one.
      uint32_t pos = w->scan_pos;
      Value k, v;
      if (!dict_next(cache, &pos, &k, &v)) {
        pos = 0;
        if (!dict_next(cache, &pos, &k, &v)) break;
      }
      if (dict_del(I, cache, k) < 0) return Value::error();
      w->scan_pos = pos;
    }
  }
  if (lru_insert(I, w, cache, key, h, result) < 0) return Value::error();
  return result;
}

Value lru_descr_get(Isolate& I, Value self, Value obj, Value type) {
  if (obj.is_null() || obj.is_none()) return self;
  return method_new(I, self, obj);
}

Value m_cache_info(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "cache_info", kw) < 0 || check_nargs(I, "cache_info", nargs - 1, 0, 0) < 0)
    return Value::error();
  auto* w = args[0].as<LruWrapper>();
  Value maxsize = w->maxsize < 0 ? Value::none() : int_from_i64(I, w->maxsize);
  Value a[4] = {int_from_i64(I, w->hits), int_from_i64(I, w->misses), maxsize,
                int_from_i64(I, w->cache ? w->cache->count : 0)};
  if (w->cache_info_type.is_null() || !w->cache_info_type.is_object()) return tuple_value(I, a, 4);
  return call(I, w->cache_info_type, a, 4, nullptr);
}
Value m_cache_clear(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (check_no_kwargs(I, "cache_clear", kw) < 0 || check_nargs(I, "cache_clear", nargs - 1, 0, 0) < 0)
    return Value::error();
  auto* w = args[0].as<LruWrapper>();
  w->hits = w->misses = 0;
  if (w->cache) {
    Dict* fresh = dict_new(I);
    if (!fresh) return Value::error();
    w->cache = fresh;
    w->scan_pos = 0;
  }
  return Value::none();
}
Value m_self_copy(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return args[0]; }
Value lru_get_wrapped_func(Isolate& I, Value self) {
  Value f = self.as<LruWrapper>()->func;
  return f.is_object() ? f : Value::none();
}

// --- the Python part ------------------------------------------------------------------------

const char kFunctoolsSource[] = R"PY(
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES', 'total_ordering', 'cache',
           'cmp_to_key', 'lru_cache', 'reduce', 'partial', 'partialmethod', 'singledispatch',
           'singledispatchmethod', 'cached_property']


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# --- total_ordering: each missing comparison derived from the defined root ---

def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other

def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other

def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r

def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other

def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other

def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r

def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other

def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other

def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r

def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other

def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other

def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r

_derived = {
    '__lt__': (('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)),
    '__le__': (('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)),
    '__gt__': (('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)),
    '__ge__': (('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)),
}


def total_ordering(cls):
    defined = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]
    for name, func in _derived[root]:
        if name not in defined:
            func.__name__ = name
            setattr(cls, name, func)
    return cls


# --- lru_cache and cache ---

try:
    from collections import namedtuple as _namedtuple
    _CacheInfo = _namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])
except ImportError:
    class _CacheInfo(tuple):
        __slots__ = ()
        def __new__(cls, hits, misses, maxsize, currsize):
            return tuple.__new__(cls, (hits, misses, maxsize, currsize))
        hits = property(lambda self: self[0])
        misses = property(lambda self: self[1])
        maxsize = property(lambda self: self[2])
        currsize = property(lambda self: self[3])
        def __repr__(self):
            return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % tuple(self)
    _CacheInfo.__name__ = _CacheInfo.__qualname__ = 'CacheInfo'


def _lru_wrap(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _lru_wrap(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _lru_wrap(user_function, maxsize, typed)
    return decorating_function


def cache(user_function, /):
    return lru_cache(maxsize=None)(user_function)


# --- partialmethod ---

class partialmethod:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('{!r} is not callable or a descriptor'.format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend('%s=%r' % kv for kv in self.keywords.items())
        cls = type(self)
        return '%s.%s(%s)' % (cls.__module__, cls.__qualname__, ', '.join(parts))

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            return self.func(cls_or_self, *self.args, *args, **{**self.keywords, **keywords})
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        if get is not None:
            bound = get(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
                return result
        return self._make_unbound_method().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

partialmethod.__module__ = 'functools'


# --- cached_property ---

_MISSING = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two different names '
                            '(%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on %r instance to cache %r property."
                            % (type(instance).__name__, self.attrname)) from None
        value = store.get(self.attrname, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            try:
                store[self.attrname] = value
            except TypeError:
                raise TypeError("The '__dict__' attribute on %r instance does not support item "
                                "assignment for caching %r property." % (type(instance).__name__, self.attrname)) from None
        return value

cached_property.__module__ = 'functools'


# --- singledispatch ---

def _union_type():
    return type(int | str)


def _is_union(cls):
    return isinstance(cls, _union_type())


def _valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return _is_union(cls) and all(isinstance(a, type) for a in cls.__args__)


def _find_impl(cls, registry):
    mro = cls.__mro__
    for klass in mro[:-1]:
        if klass in registry:
            return registry[klass]
    # Classes registered that are not in the MRO (abstract base classes).
    best = None
    for klass in registry:
        if klass in mro:
            continue
        try:
            matches = issubclass(cls, klass)
        except TypeError:
            continue
        if not matches:
            continue
        if best is None or issubclass(klass, best):
            best = klass
        elif not issubclass(best, klass):
            raise RuntimeError('Ambiguous dispatch: {} or {}'.format(best, klass))
    if best is not None:
        return registry[best]
    return registry.get(object)


def singledispatch(func):
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = registry.get(cls)
        if impl is None:
            impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        if _valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError('Invalid first argument to `register()`. %r is not a class or union type.' % (cls,))
            ann = getattr(cls, '__annotations__', None)
            if not ann and hasattr(cls, '__func__'):
                ann = getattr(cls.__func__, '__annotations__', None)
            if not ann:
                raise TypeError('Invalid first argument to `register()`: %r. Use either `@register(some_class)` '
                                'or plain `@register` on an annotated function.' % (cls,))
            func = cls
            argname, cls = next(iter(ann.items()))
            if isinstance(cls, str):
                cls = eval(cls, getattr(getattr(func, '__func__', func), '__globals__', {}))
            if not _valid_dispatch_type(cls):
                if _is_union(cls):
                    raise TypeError('Invalid annotation for %r. %r not all arguments are classes.' % (argname, cls))
                raise TypeError('Invalid annotation for %r. %r is not a class.' % (argname, cls))
        if _is_union(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument' % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    try:
        from types import MappingProxyType
        wrapper.registry = MappingProxyType(registry)
    except ImportError:
        wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

singledispatchmethod.__module__ = 'functools'
)PY";

}  // namespace

int init_functools_module(Isolate& I, Module* m) {
  if (module_add_function(I, m, "reduce", f_reduce) < 0) return -1;

  Type* pt = new_type(I, "functools.partial", "partial", sizeof(Partial), partial_trace);
  if (!pt) return -1;
  pt->new_ = partial_new;
  pt->call = partial_call;
  pt->repr = partial_repr;
  with_dict(pt, offsetof(Partial, dict));
  if (add_getset(I, pt, "func", partial_get_func, readonly_set) < 0 ||
      add_getset(I, pt, "args", partial_get_args, readonly_set) < 0 ||
      add_getset(I, pt, "keywords", partial_get_keywords, readonly_set) < 0 ||
      module_add_value(I, m, "partial", Value::object(pt)) < 0)
    return -1;

  Type* kt = new_type(I, "functools.KeyWrapper", "KeyWrapper", sizeof(KeyWrapper), keywrapper_trace);
  if (!kt) return -1;
  kt->call = keywrapper_call;
  kt->richcompare = keywrapper_richcompare;
  kt->hash = unhashable;
  if (add_getset(I, kt, "obj", keywrapper_get_obj, keywrapper_set_obj) < 0 ||
      dict_set_str(I, kt->dict, I.rt.n___hash__, Value::none()) < 0)
    return -1;
  {
    Str* n = I.intern("cmp_to_key");
    if (!n) return -1;
    Value f = builtin_function_new(I, n, f_cmp_to_key, Value::object(kt));
    if (f.is_error() || module_add_value(I, m, "cmp_to_key", f) < 0) return -1;
  }

  Type* lt = new_type(I, "functools._lru_cache_wrapper", "_lru_cache_wrapper", sizeof(LruWrapper), lru_trace);
  if (!lt) return -1;
  lt->new_ = lru_new;
  lt->call = lru_call;
  lt->descr_get = lru_descr_get;
  with_dict(lt, offsetof(LruWrapper, dict));
  if (add_method(I, lt, "cache_info", m_cache_info) < 0 || add_method(I, lt, "cache_clear", m_cache_clear) < 0 ||
      add_method(I, lt, "__copy__", m_self_copy) < 0 || add_method(I, lt, "__deepcopy__", m_self_copy) < 0 ||
      add_getset(I, lt, "__wrapped_function__", lru_get_wrapped_func) < 0 ||
      module_add_value(I, m, "_lru_cache_wrapper", Value::object(lt)) < 0)
    return -1;

  Value r = run_module_source(I, m, "<capy>/functools.py", kFunctoolsSource);
  return r.is_error() ? -1 : 0;
}

}  // namespace capy
