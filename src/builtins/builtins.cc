// The builtins module (CPython's Python/bltinmodule.c): the builtin
// functions and the names of the builtin types, exceptions and constants.
// compile/exec/eval/globals/locals/__build_class__ are added by the VM
// (init_vm_builtins), __import__ by the import system, and
// open/input/breakpoint/help/exit/quit/copyright/credits/license by the
// capability layer.
#include "builtins/builtins.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exception_group.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/native.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/isolate.h"
#include "vm/runtime.h"

namespace capy {

namespace {

// --- argument helpers ---------------------------------------------------------------

/// f(x): no keywords, exactly one positional ("abs() takes exactly one argument (0 given)").
bool one_arg(Isolate& I, const char* name, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(I, name, kwnames) == 0 && check_nargs(I, name, nargs, 1, 1) == 0;
}

/// PyArg_UnpackTuple-style count check ("getattr expected at least 2 arguments, got 1").
bool unpack(Isolate& I, const char* name, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
  if (check_no_kwargs(I, name, kwnames) < 0) return false;
  if (nargs >= min && nargs <= max) return true;
  if (min == max)
    raisef(I, I.rt.exc_TypeError, "%s expected %zu argument%s, got %zu", name, min, min == 1 ? "" : "s", nargs);
  else if (nargs < min)
    raisef(I, I.rt.exc_TypeError, "%s expected at least %zu argument%s, got %zu", name, min, min == 1 ? "" : "s",
           nargs);
  else
    raisef(I, I.rt.exc_TypeError, "%s expected at most %zu argument%s, got %zu", name, max, max == 1 ? "" : "s",
           nargs);
  return false;
}

bool is_str(Isolate& I, Value v) { return type_of(I, v)->flags & kTypeStrSubclass; }

bool check_attr_name(Isolate& I, Value name) {
  if (is_str(I, name)) return true;
  raisef(I, I.rt.exc_TypeError, "attribute name must be string, not '%s'", type_name(I, name));
  return false;
}

std::string_view kw_name(Tuple* kwnames, size_t i) { return kwnames->items[i].as<Str>()->view(); }

/// Calls the VM's builtin `name` (locals) found in the isolate's builtins.
Value call_vm_builtin(Isolate& I, const char* name) {
  Dict* b = I.builtins ? I.builtins : I.rt.builtins;
  Value f = dict_get_cstr(I, b, name);
  if (f.is_error()) return f;
  if (f.is_null()) f = dict_get_cstr(I, I.rt.builtins, name);
  if (f.is_error()) return f;
  if (f.is_null()) return raisef(I, I.rt.exc_SystemError, "%s() is not available", name);
  return call(I, f, nullptr, 0, nullptr);
}

// --- simple functions ---------------------------------------------------------------------

Value b_abs(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "abs", nargs, kw)) return Value::error();
  Value v = args[0];
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    return int_from_i64(I, i < 0 ? -i : i);
  }
  if (v.is_double()) return Value::from_double(std::fabs(v.as_double()));
  return absolute(I, v);
}

Value all_any(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name, bool want) {
  if (!one_arg(I, name, nargs, kw)) return Value::error();
  Value it = get_iter(I, args[0]);
  if (it.is_error()) return it;
  for (;;) {
    Value item = iter_next(I, it);
    if (item.is_error()) return item;
    if (item.is_null()) return Value::boolean(!want);
    int t = item.is_bool() ? item.as_bool() : truthy(I, item);
    if (t < 0) return Value::error();
    if (static_cast<bool>(t) == want) return Value::boolean(want);
  }
}

Value b_all(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return all_any(I, args, nargs, kw, "all", false); }
Value b_any(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return all_any(I, args, nargs, kw, "any", true); }

Value b_ascii(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "ascii", nargs, kw)) return Value::error();
  return ascii(I, args[0]);
}

Value b_repr(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "repr", nargs, kw)) return Value::error();
  return repr(I, args[0]);
}

Value int_in_base(Isolate& I, const Value* args, size_t nargs, Tuple* kw, const char* name, int base,
                  const char* prefix) {
  if (!one_arg(I, name, nargs, kw)) return Value::error();
  Value v = index(I, args[0]);
  if (v.is_error()) return v;
  std::string digits;
  if (!int_text_in_base(I, int_unwrap(I, v), base, digits)) return Value::error();
  std::string out;
  if (!digits.empty() && digits[0] == '-') {
    out = "-";
    out += prefix;
    out.append(digits, 1, std::string::npos);
  } else {
    out = prefix;
    out += digits;
  }
  return str_value(I, out);
}

Value b_bin(Isolate& I, const Value* a, size_t n, Tuple* kw) { return int_in_base(I, a, n, kw, "bin", 2, "0b"); }
Value b_oct(Isolate& I, const Value* a, size_t n, Tuple* kw) { return int_in_base(I, a, n, kw, "oct", 8, "0o"); }
Value b_hex(Isolate& I, const Value* a, size_t n, Tuple* kw) { return int_in_base(I, a, n, kw, "hex", 16, "0x"); }

Value b_callable(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "callable", nargs, kw)) return Value::error();
  return Value::boolean(is_callable(I, args[0]));
}

Value b_chr(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "chr", nargs, kw)) return Value::error();
  Value v = args[0];
  int64_t cp;
  if (v.is_small_int()) {
    cp = v.as_small_int();
    if (cp < INT32_MIN || cp > INT32_MAX)  // chr takes a C int, as in CPython
      return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
  } else {
    Value iv = index(I, v);
    if (iv.is_error()) return iv;
    if (!int_to_i64(int_unwrap(I, iv), &cp) || cp < INT32_MIN || cp > INT32_MAX)
      return raise(I, I.rt.exc_OverflowError, "Python int too large to convert to C int");
  }
  if (cp < 0 || cp > 0x10FFFF) return raise(I, I.rt.exc_ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint(I, static_cast<uint32_t>(cp));
}

Value b_ord(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "ord", nargs, kw)) return Value::error();
  Value v = args[0];
  Type* t = type_of(I, v);
  if (t->flags & kTypeStrSubclass) {
    Str* s = v.as<Str>();
    if (s->length == 1) return Value::small_int(str_char_at(s, 0));
    return raisef(I, I.rt.exc_TypeError, "ord() expected a character, but string of length %u found", s->length);
  }
  if (is_bytes(v) || is_bytearray(v)) {
    std::string_view b = bytes_view(v);
    if (b.size() == 1) return Value::small_int(static_cast<unsigned char>(b[0]));
    return raisef(I, I.rt.exc_TypeError, "ord() expected a character, but string of length %zu found", b.size());
  }
  return raisef(I, I.rt.exc_TypeError, "ord() expected string of length 1, but %s found", type_name(t));
}

// --- attributes ----------------------------------------------------------------------------

Value b_getattr(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "getattr", nargs, kw, 2, 3)) return Value::error();
  if (!check_attr_name(I, args[1])) return Value::error();
  Str* name = args[1].as<Str>();
  if (nargs == 3) {
    Value r = get_attr_opt(I, args[0], name);
    if (r.is_null()) return args[2];
    return r;
  }
  return get_attr(I, args[0], name);
}

Value b_hasattr(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "hasattr", nargs, kw, 2, 2)) return Value::error();
  if (!check_attr_name(I, args[1])) return Value::error();
  Value r = get_attr_opt(I, args[0], args[1].as<Str>());
  if (r.is_error()) return r;
  return Value::boolean(!r.is_null());
}

Value b_setattr(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "setattr", nargs, kw, 3, 3)) return Value::error();
  if (!check_attr_name(I, args[1])) return Value::error();
  if (set_attr(I, args[0], args[1].as<Str>(), args[2]) < 0) return Value::error();
  return Value::none();
}

Value b_delattr(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "delattr", nargs, kw, 2, 2)) return Value::error();
  if (!check_attr_name(I, args[1])) return Value::error();
  if (del_attr(I, args[0], args[1].as<Str>()) < 0) return Value::error();
  return Value::none();
}

Value b_dir(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "dir", nargs, kw, 0, 1)) return Value::error();
  if (nargs == 1) return builtin_dir_of(I, args[0]);
  Value locals = call_vm_builtin(I, "locals");
  if (locals.is_error()) return locals;
  Value keys = call_method(I, locals, I.rt.n_keys, {});
  if (keys.is_error()) return keys;
  Value l = list_from_iterable(I, keys);
  if (l.is_error()) return l;
  if (list_sort(I, l.as<List>(), Value::null(), false) < 0) return Value::error();
  return l;
}

Value b_vars(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "vars", nargs, kw, 0, 1)) return Value::error();
  if (nargs == 0) return call_vm_builtin(I, "locals");
  Value d = get_attr_opt(I, args[0], I.rt.n___dict__);
  if (d.is_error()) return d;
  if (d.is_null()) return raise(I, I.rt.exc_TypeError, "vars() argument must have __dict__ attribute");
  return d;
}

// --- numbers --------------------------------------------------------------------------------

bool is_plain_number(Isolate& I, Value v) {
  if (v.is_small_int() || v.is_double() || v.is_bool()) return true;
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type_;
  return t == I.rt.int_type || t == I.rt.float_type;
}

Value b_divmod(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "divmod", nargs, kw, 2, 2)) return Value::error();
  Value a = args[0], b = args[1];
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    if (y == 0) return raise(I, I.rt.exc_ZeroDivisionError, "integer division or modulo by zero");
    int64_t q = x / y, r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
      q -= 1;
      r += y;
    }
    return tuple_pack(I, {int_from_i64(I, q), int_from_i64(I, r)});
  }
  if (is_plain_number(I, a) && is_plain_number(I, b)) {
    bool fl = a.is_double() || b.is_double() ||
              (a.is_object() && a.as_object()->type_ == I.rt.float_type) ||
              (b.is_object() && b.as_object()->type_ == I.rt.float_type);
    if (fl) {
      double y;
      if (!to_double(I, b, &y)) return Value::error();
      if (y == 0.0) {
        double x;
        if (!to_double(I, a, &x)) return Value::error();
        return raise(I, I.rt.exc_ZeroDivisionError, "float divmod()");
      }
    }
    Value q = binary_op(I, a, b, NbOp::FloorDiv);
    if (q.is_error()) return q;
    Value r = binary_op(I, a, b, NbOp::Mod);
    if (r.is_error()) return r;
    return tuple_pack(I, {q, r});
  }
  // The reflected-operand protocol with __divmod__ / __rdivmod__.
  Str* n_divmod = I.intern("__divmod__");
  Str* n_rdivmod = I.intern("__rdivmod__");
  if (!n_divmod || !n_rdivmod) return Value::error();
  Type* ta = type_of(I, a);
  Type* tb = type_of(I, b);
  bool tried_reflected = false;
  if (ta != tb && is_subtype(tb, ta)) {
    Value rb = type_lookup(tb, n_rdivmod);
    if (!rb.is_null() && !rb.is(type_lookup(ta, n_rdivmod))) {
      tried_reflected = true;
      Value r = call_special(I, b, n_rdivmod, {a});
      if (r.is_error()) return r;
      if (!r.is_null() && !r.is_not_implemented()) return r;
    }
  }
  Value r = call_special(I, a, n_divmod, {b});
  if (r.is_error()) return r;
  if (!r.is_null() && !r.is_not_implemented()) return r;
  if (ta != tb && !tried_reflected) {
    r = call_special(I, b, n_rdivmod, {a});
    if (r.is_error()) return r;
    if (!r.is_null() && !r.is_not_implemented()) return r;
  }
  return raisef(I, I.rt.exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                type_name(ta), type_name(tb));
}

Value b_pow(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[3];
  if (bind_args(I, "pow", args, nargs, kw, {"base", "exp", "mod"}, 0, 3, 2, a) < 0) return Value::error();
  return power(I, a[0], a[1], a[2].is_null() ? Value::none() : a[2]);
}

Value b_round(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (bind_args(I, "round", args, nargs, kw, {"number", "ndigits"}, 0, 2, 1, a) < 0) return Value::error();
  Value meth = lookup_special(I, a[0], I.rt.n___round__);
  if (meth.is_error()) return meth;
  if (meth.is_null())
    return raisef(I, I.rt.exc_TypeError, "type %s doesn't define __round__ method", type_name(I, a[0]));
  if (a[1].is_null() || a[1].is_none()) return call(I, meth, nullptr, 0, nullptr);
  return call(I, meth, &a[1], 1, nullptr);
}

Value b_hash(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "hash", nargs, kw)) return Value::error();
  int64_t h = hash(I, args[0]);
  if (h == -1) return Value::error();
  return int_from_i64(I, h);
}

Value b_id(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "id", nargs, kw)) return Value::error();
  return int_from_u64(I, object_id(I, args[0]));
}

Value b_format(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value a[2];
  if (bind_args(I, "format", args, nargs, kw, {"value", "format_spec"}, 2, 2, 1, a) < 0) return Value::error();
  Value spec = a[1].is_null() ? Value::object(I.rt.n_empty) : a[1];
  if (!is_str(I, spec))
    return raisef(I, I.rt.exc_TypeError, "format() argument 2 must be str, not %s", type_name(I, spec));
  return format(I, a[0], spec);
}

Value b_len(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "len", nargs, kw)) return Value::error();
  int64_t n = length(I, args[0]);
  if (n < 0) return Value::error();
  return int_from_i64(I, n);
}

Value b_isinstance(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "isinstance", nargs, kw, 2, 2)) return Value::error();
  int r = is_instance(I, args[0], args[1]);
  if (r < 0) return Value::error();
  return Value::boolean(r);
}

Value b_issubclass(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "issubclass", nargs, kw, 2, 2)) return Value::error();
  int r = is_subclass(I, args[0], args[1]);
  if (r < 0) return Value::error();
  return Value::boolean(r);
}

// --- iteration -------------------------------------------------------------------------------

Value b_iter(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "iter", nargs, kw, 1, 2)) return Value::error();
  if (nargs == 1) return get_iter(I, args[0]);
  if (!is_callable(I, args[0])) return raise(I, I.rt.exc_TypeError, "iter(v, w): v must be callable");
  return callable_iter_new(I, args[0], args[1]);
}

Value b_next(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "next", nargs, kw, 1, 2)) return Value::error();
  Value it = args[0];
  Type* t = type_of(I, it);
  if (!t->next) return raisef(I, I.rt.exc_TypeError, "'%s' object is not an iterator", type_name(t));
  Value r = t->next(I, it);
  if (r.is_null()) {
    if (nargs == 2) return args[1];
    return raise_value(I, Value::object(I.rt.exc_StopIteration));
  }
  if (r.is_error() && nargs == 2 && pending_matches(I, I.rt.exc_StopIteration)) {
    I.pending = nullptr;
    return args[1];
  }
  return r;
}

Value b_aiter(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!one_arg(I, "aiter", nargs, kw)) return Value::error();
  Value meth = lookup_special(I, args[0], I.rt.n___aiter__);
  if (meth.is_error()) return meth;
  if (meth.is_null())
    return raisef(I, I.rt.exc_TypeError, "'%s' object is not an async iterable", type_name(I, args[0]));
  Value it = call(I, meth, nullptr, 0, nullptr);
  if (it.is_error()) return it;
  if (type_lookup(type_of(I, it), I.rt.n___anext__).is_null())
    return raisef(I, I.rt.exc_TypeError, "aiter() returned not an async iterator of type '%s'", type_name(I, it));
  return it;
}

Value b_anext(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (!unpack(I, "anext", nargs, kw, 1, 2)) return Value::error();
  Value meth = lookup_special(I, args[0], I.rt.n___anext__);
  if (meth.is_error()) return meth;
  if (meth.is_null())
    return raisef(I, I.rt.exc_TypeError, "'%s' object is not an async iterator", type_name(I, args[0]));
  if (nargs == 2)
    return raise(I, I.rt.exc_NotImplementedError, "anext() with a default value is not supported yet");
  return call(I, meth, nullptr, 0, nullptr);
}

Value min_max(Isolate& I, const Value* args, size_t nargs, Tuple* kw, bool is_max) {
  const char* name = is_max ? "max" : "min";
  Value key = Value::null(), dflt = Value::null();
  if (kw) {
    for (size_t i = 0; i < kw->size(); ++i) {
      std::string_view k = kw_name(kw, i);
      if (k == "key") key = args[nargs + i];
      else if (k == "default") dflt = args[nargs + i];
      else
        return raisef(I, I.rt.exc_TypeError, "'%.*s' is an invalid keyword argument for %s()",
                      static_cast<int>(k.size()), k.data(), name);
    }
  }
  if (nargs == 0) return raisef(I, I.rt.exc_TypeError, "%s expected at least 1 argument, got 0", name);
  if (nargs > 1 && !dflt.is_null())
    return raisef(I, I.rt.exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments",
                  name);
  if (key.is_none()) key = Value::null();
  CompareOp op = is_max ? CompareOp::Gt : CompareOp::Lt;
  Value best = Value::null(), best_key = Value::null();
  auto consider = [&](Value item) -> int {
    Value k = item;
    if (!key.is_null()) {
      k = call(I, key, &item, 1, nullptr);
      if (k.is_error()) return -1;
    }
    if (best.is_null()) {
      best = item;
      best_key = k;
      return 0;
    }
    int c;
    if (k.is_small_int() && best_key.is_small_int()) {
      c = is_max ? k.as_small_int() > best_key.as_small_int() : k.as_small_int() < best_key.as_small_int();
    } else {
      c = rich_compare_bool(I, k, best_key, op);
      if (c < 0) return -1;
    }
    if (c) {
      best = item;
      best_key = k;
    }
    return 0;
  };
  if (nargs == 1) {
    Value it = get_iter(I, args[0]);
    if (it.is_error()) return it;
    for (;;) {
      Value item = iter_next(I, it);
      if (item.is_error()) return item;
      if (item.is_null()) break;
      if (consider(item) < 0) return Value::error();
    }
  } else {
    for (size_t i = 0; i < nargs; ++i)
      if (consider(args[i]) < 0) return Value::error();
  }
  if (best.is_null()) {
    if (!dflt.is_null()) return dflt;
    return raisef(I, I.rt.exc_ValueError, "%s() arg is an empty sequence", name);
  }
  return best;
}

Value b_max(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return min_max(I, args, nargs, kw, true); }
Value b_min(Isolate& I, const Value* args, size_t nargs, Tuple* kw) { return min_max(I, args, nargs, kw, false); }

Value b_sorted(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  if (nargs != 1) return raisef(I, I.rt.exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
  Value key = Value::null();
  bool reverse = false;
  if (kw) {
    for (size_t i = 0; i < kw->size(); ++i) {
      std::string_view k = kw_name(kw, i);
      Value v = args[nargs + i];
      if (k == "key") {
        key = v;
      } else if (k == "reverse") {
        if (v.is_bool()) {
          reverse = v.as_bool();
        } else {
          int64_t r;
          if (!index_i64(I, v, &r)) return Value::error();
          reverse = r != 0;
        }
      } else {
        return raisef(I, I.rt.exc_TypeError, "'%.*s' is an invalid keyword argument for sort()",
                      static_cast<int>(k.size()), k.data());
      }
    }
  }
  if (key.is_none()) key = Value::null();
  Value l = list_from_iterable(I, args[0]);
  if (l.is_error()) return l;
  if (list_sort(I, l.as<List>(), key, reverse) < 0) return Value::error();
  return l;
}

Value b_sum(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value start = Value::null();
  size_t nkw = kw ? kw->size() : 0;
  if (nargs == 0) return raise(I, I.rt.exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (nargs + nkw > 2)
    return raisef(I, I.rt.exc_TypeError, "sum() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs == 2) start = args[1];
  for (size_t i = 0; i < nkw; ++i) {
    std::string_view k = kw_name(kw, i);
    if (k == "start" && nargs < 2) {
      start = args[nargs + i];
    } else if (k == "start") {
      return raise(I, I.rt.exc_TypeError, "argument for sum() given by name ('start') and position (2)");
    } else {
      return raisef(I, I.rt.exc_TypeError, "sum() got an unexpected keyword argument '%.*s'",
                    static_cast<int>(k.size()), k.data());
    }
  }
  Value result = start.is_null() ? Value::small_int(0) : start;
  if (!start.is_null()) {
    if (is_str(I, start))
      return raise(I, I.rt.exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(start))
      return raise(I, I.rt.exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_bytearray(start))
      return raise(I, I.rt.exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Value it = get_iter(I, args[0]);
  if (it.is_error()) return it;
  // Fast path: exact ints accumulated in an int64.
  if (result.is_small_int()) {
    int64_t acc = result.as_small_int();
    for (;;) {
      Value item = iter_next(I, it);
      if (item.is_error()) return item;
      if (item.is_null()) return int_from_i64(I, acc);
      if (item.is_small_int() || item.is_bool()) {
        int64_t x = item.is_small_int() ? item.as_small_int() : item.as_bool(), s;
        if (!__builtin_add_overflow(acc, x, &s)) {
          acc = s;
          continue;
        }
      }
      // Leave the fast path: the accumulated sum plus this item, generically.
      result = binary_op(I, int_from_i64(I, acc), item, NbOp::Add);
      if (result.is_error()) return result;
      break;
    }
  }
  // Fast path: floats (ints that fit are added as doubles, like CPython).
  if (result.is_double()) {
    double acc = result.as_double();
    for (;;) {
      Value item = iter_next(I, it);
      if (item.is_error()) return item;
      if (item.is_null()) return Value::from_double(acc);
      if (item.is_double()) {
        acc += item.as_double();
        continue;
      }
      if (item.is_small_int()) {
        acc += static_cast<double>(item.as_small_int());
        continue;
      }
      if (item.is_bool()) {
        acc += item.as_bool() ? 1.0 : 0.0;
        continue;
      }
      result = binary_op(I, Value::from_double(acc), item, NbOp::Add);
      if (result.is_error()) return result;
      break;
    }
  }
  for (;;) {
    Value item = iter_next(I, it);
    if (item.is_error()) return item;
    if (item.is_null()) return result;
    result = binary_op(I, result, item, NbOp::Add);
    if (result.is_error()) return result;
  }
}

// --- print ------------------------------------------------------------------------------------

Value b_print(Isolate& I, const Value* args, size_t nargs, Tuple* kw) {
  Value sep = Value::none(), end = Value::none(), file = Value::none(), flush = Value::false_();
  if (kw) {
    for (size_t i = 0; i < kw->size(); ++i) {
      std::string_view k = kw_name(kw, i);
      Value v = args[nargs + i];
      if (k == "sep") sep = v;
      else if (k == "end") end = v;
      else if (k == "file") file = v;
      else if (k == "flush") flush = v;
      else
        return raisef(I, I.rt.exc_TypeError, "'%.*s' is an invalid keyword argument for print()",
                      static_cast<int>(k.size()), k.data());
    }
  }
  if (!sep.is_none() && !is_str(I, sep))
    return raisef(I, I.rt.exc_TypeError, "sep must be None or a string, not %s", type_name(I, sep));
  if (!end.is_none() && !is_str(I, end))
    return raisef(I, I.rt.exc_TypeError, "end must be None or a string, not %s", type_name(I, end));
  std::string_view sep_s = sep.is_none() ? std::string_view(" ") : sep.as<Str>()->view();
  std::string_view end_s = end.is_none() ? std::string_view("\n") : end.as<Str>()->view();
  if (file.is_none()) file = sys_stdout_override(I);
  if (file.is_none()) {
    std::string out;
    for (size_t i = 0; i < nargs; ++i) {
      if (i) out += sep_s;
      Value v = args[i];
      if (v.is_object() && v.as_object()->type_ == I.rt.str_type) {
        out += v.as<Str>()->view();
      } else if (str_append(I, v, out) < 0) {
        // CPython writes piece by piece: what precedes the failure is out.
        if (!out.empty()) {
          BaseExc* pending = I.take_pending();
          host_write(I, 1, out);
          if (!I.pending) I.pending = pending;
        }
        return Value::error();
      }
    }
    out += end_s;
    if (!host_write(I, 1, out)) return Value::error();
    if (I.host) {
      int f = truthy(I, flush);
      if (f < 0) return Value::error();
      if (f) I.host->flush(1);
    }
    return Value::none();
  }
  Value write = get_attr(I, file, I.rt.n_write);
  if (write.is_error()) return write;
  auto emit = [&](Value s) -> bool { return !call(I, write, &s, 1, nullptr).is_error(); };
  for (size_t i = 0; i < nargs; ++i) {
    if (i) {
      Value s = sep.is_none() ? str_value(I, " ") : sep;
      if (s.is_error() || !emit(s)) return Value::error();
    }
    Value s = str(I, args[i]);
    if (s.is_error() || !emit(s)) return Value::error();
  }
  Value e = end.is_none() ? str_value(I, "\n") : end;
  if (e.is_error() || !emit(e)) return Value::error();
  int f = truthy(I, flush);
  if (f < 0) return Value::error();
  if (f) {
    Value r = call_method(I, file, I.rt.n_flush, {});
    if (r.is_error()) return r;
  }
  return Value::none();
}

}  // namespace

Value builtin_dir_of(Isolate& I, Value obj) {
  Str* n_dir = I.intern("__dir__");
  if (!n_dir) return Value::error();
  Value meth = lookup_special(I, obj, n_dir);
  if (meth.is_error()) return meth;
  if (meth.is_null()) return raise(I, I.rt.exc_TypeError, "object does not provide __dir__");
  Value r = call(I, meth, nullptr, 0, nullptr);
  if (r.is_error()) return r;
  Value l = list_from_iterable(I, r);
  if (l.is_error()) return l;
  if (list_sort(I, l.as<List>(), Value::null(), false) < 0) return Value::error();
  return l;
}

void init_builtins(Runtime& rt) {
  fix_exception_group_mro(rt);
  Isolate& B = rt.bootstrap();
  Dict* d = rt.builtins;
  auto put = [&](const char* name, Value v) { dict_set_str(B, d, rt.intern_immortal(name), v); };
  auto fn = [&](const char* name, NativeFn f, const char* doc) { put(name, make_builtin(rt, name, f, doc)); };

  put("__name__", Value::object(rt.intern_immortal("builtins")));
  put("__doc__", Value::object(rt.intern_immortal(
                     "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' "
                     "object; Ellipsis represents `...' in slices.")));
  put("__package__", Value::object(rt.n_empty));
  put("None", Value::none());
  put("Ellipsis", Value::ellipsis());
  put("NotImplemented", Value::not_implemented());
  put("False", Value::false_());
  put("True", Value::true_());
  put("__debug__", Value::true_());

  struct { const char* name; Type* t; } types[] = {
      {"bool", rt.bool_type}, {"memoryview", rt.memoryview_type}, {"bytearray", rt.bytearray_type},
      {"bytes", rt.bytes_type}, {"classmethod", rt.classmethod_type}, {"complex", rt.complex_type},
      {"dict", rt.dict_type}, {"enumerate", rt.enumerate_type}, {"filter", rt.filter_type},
      {"float", rt.float_type}, {"frozenset", rt.frozenset_type}, {"property", rt.property_type},
      {"int", rt.int_type}, {"list", rt.list_type}, {"map", rt.map_type}, {"object", rt.object_type},
      {"range", rt.range_type}, {"reversed", rt.reversed_type}, {"set", rt.set_type},
      {"slice", rt.slice_type}, {"staticmethod", rt.staticmethod_type}, {"str", rt.str_type},
      {"super", rt.super_type}, {"tuple", rt.tuple_type}, {"type", rt.type_type}, {"zip", rt.zip_type},
  };
  for (auto& t : types) {
    // memoryview is listed only once its type is implemented.
    if (t.t == rt.memoryview_type && t.t->basicsize <= sizeof(Object)) continue;
    put(t.name, Value::object(t.t));
  }
#define CAPY_EXC(n, b) put(#n, Value::object(rt.exc_##n));
#include "objects/exceptions.def"
#undef CAPY_EXC
  put("EnvironmentError", Value::object(rt.exc_OSError));
  put("IOError", Value::object(rt.exc_OSError));

  fn("abs", b_abs, "Return the absolute value of the argument.");
  fn("aiter", b_aiter, "Return an AsyncIterator for an AsyncIterable object.");
  fn("all", b_all, "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True.");
  fn("anext", b_anext, "Return the next item from the async iterator.");
  fn("any", b_any, "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False.");
  fn("ascii", b_ascii, "Return an ASCII-only representation of an object.");
  fn("bin", b_bin, "Return the binary representation of an integer.");
  fn("callable", b_callable, "Return whether the object is callable (i.e., some kind of function).");
  fn("chr", b_chr, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.");
  fn("delattr", b_delattr, "Deletes the named attribute from the given object.");
  fn("dir", b_dir, "Show attributes of an object.");
  fn("divmod", b_divmod, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x.");
  fn("format", b_format, "Return value.__format__(format_spec)");
  fn("getattr", b_getattr, "Get a named attribute from an object.");
  fn("hasattr", b_hasattr, "Return whether the object has an attribute with the given name.");
  fn("hash", b_hash, "Return the hash value for the given object.");
  fn("hex", b_hex, "Return the hexadecimal representation of an integer.");
  fn("id", b_id, "Return the identity of an object.");
  fn("isinstance", b_isinstance, "Return whether an object is an instance of a class or of a subclass thereof.");
  fn("issubclass", b_issubclass, "Return whether 'cls' is derived from another class or is the same class.");
  fn("iter", b_iter, "Get an iterator from an object.");
  fn("len", b_len, "Return the number of items in a container.");
  fn("max", b_max, "With a single iterable argument, return its biggest item.");
  fn("min", b_min, "With a single iterable argument, return its smallest item.");
  fn("next", b_next, "Return the next item from the iterator.");
  fn("oct", b_oct, "Return the octal representation of an integer.");
  fn("ord", b_ord, "Return the Unicode code point for a one-character string.");
  fn("pow", b_pow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments");
  fn("print", b_print, "Prints the values to a stream, or to sys.stdout by default.");
  fn("repr", b_repr, "Return the canonical string representation of the object.");
  fn("round", b_round, "Round a number to a given precision in decimal digits.");
  fn("setattr", b_setattr, "Sets the named attribute on the given object to the specified value.");
  fn("sorted", b_sorted, "Return a new list containing all items from the iterable in ascending order.");
  fn("sum", b_sum, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers");
  fn("vars", b_vars, "Show vars.");
}

}  // namespace capy
