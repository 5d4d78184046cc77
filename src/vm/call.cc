// Calling Python functions: argument binding (CPython 3.11's
// initialize_locals, with its error messages word for word), frame set-up
// for calls from native code, and generator creation.
#include <string>
#include <vector>

#include "compiler/code_unit.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/ops.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interpreter.h"

namespace capy {

namespace {

const char* qn(Function* fn) { return fn->qualname->data; }

std::string repr_name(Str* s) { return str_repr_text(s->view()); }

void format_missing(Isolate& I, Function* fn, const char* kind, std::vector<std::string>& names) {
  size_t len = names.size();
  std::string name_str;
  if (len == 1) {
    name_str = names[0];
  } else if (len == 2) {
    name_str = names[0] + " and " + names[1];
  } else {
    for (size_t i = 0; i + 2 < len; ++i) {
      if (i) name_str += ", ";
      name_str += names[i];
    }
    name_str += ", " + names[len - 2] + ", and " + names[len - 1];
  }
  raisef(I, I.rt.exc_TypeError, "%s() missing %zu required %s argument%s: %s", qn(fn), len, kind,
         len == 1 ? "" : "s", name_str.c_str());
}

void missing_arguments(Isolate& I, Function* fn, Code* co, long defcount, Value* localsplus) {
  bool positional = defcount != -1;
  size_t start, end;
  if (positional) {
    start = 0;
    end = co->argcount - static_cast<size_t>(defcount);
  } else {
    start = co->argcount;
    end = start + co->kwonlyargcount;
  }
  std::vector<std::string> names;
  for (size_t i = start; i < end; ++i) {
    if (localsplus[i].is_null()) names.push_back(repr_name(co->localsplus_names->items[i].as<Str>()));
  }
  format_missing(I, fn, positional ? "positional" : "keyword-only", names);
}

void too_many_positional(Isolate& I, Function* fn, Code* co, size_t given, Value* localsplus) {
  size_t kwonly_given = 0;
  for (size_t i = co->argcount; i < co->argcount + co->kwonlyargcount; ++i) {
    if (!localsplus[i].is_null()) ++kwonly_given;
  }
  size_t defcount = fn->defaults ? fn->defaults->size() : 0;
  std::string sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig = "from " + std::to_string(co->argcount - defcount) + " to " + std::to_string(co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = std::to_string(co->argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given) {
    kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                 std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
  }
  raisef(I, I.rt.exc_TypeError, "%s() takes %s positional argument%s but %zu%s %s given", qn(fn), sig.c_str(),
         plural ? "s" : "", given, kwonly_sig.c_str(), given == 1 && !kwonly_given ? "was" : "were");
}

// 1 (error raised) when some positional-only parameter was passed by keyword.
int positional_only_passed_as_keyword(Isolate& I, Function* fn, Code* co, Tuple* kwnames) {
  std::string names;
  size_t count = 0;
  for (size_t k = 0; k < co->posonlyargcount; ++k) {
    Value pname = co->localsplus_names->items[k];
    for (size_t k2 = 0; k2 < kwnames->size(); ++k2) {
      Value kw = kwnames->items[k2];
      int eqr = kw.is(pname) ? 1 : eq(I, kw, pname);
      if (eqr < 0) return -1;
      if (eqr) {
        if (count++) names += ", ";
        names += pname.as<Str>()->view();
        break;
      }
    }
  }
  if (!count) return 0;
  raisef(I, I.rt.exc_TypeError,
         "%s() got some positional-only arguments passed as keyword arguments: '%s'", qn(fn), names.c_str());
  return 1;
}

}  // namespace

int bind_arguments(Isolate& I, Function* fn, Value* localsplus, const Value* args, size_t argcount,
                   Tuple* kwnames) {
  Code* co = fn->code;
  const size_t total_args = size_t(co->argcount) + co->kwonlyargcount;
  Dict* kwdict = nullptr;
  if (co->flags & compiler::CO_VARKEYWORDS) {
    kwdict = dict_new(I);
    if (!kwdict) return -1;
    size_t i = total_args + ((co->flags & compiler::CO_VARARGS) ? 1 : 0);
    localsplus[i] = Value::object(kwdict);
  }
  size_t n = argcount < co->argcount ? argcount : co->argcount;
  for (size_t j = 0; j < n; ++j) localsplus[j] = args[j];
  if (co->flags & compiler::CO_VARARGS) {
    Value u;
    if (argcount > n) {
      Tuple* t = tuple_from(I, args + n, argcount - n);
      if (!t) return -1;
      u = Value::object(t);
    } else {
      u = Value::object(I.rt.empty_tuple);
    }
    localsplus[total_args] = u;
  }
  if (kwnames && kwnames->size()) {
    const Value* kwvalues = args + argcount;
    const Value* names = co->localsplus_names->items;
    for (size_t i = 0; i < kwnames->size(); ++i) {
      Value keyword = kwnames->items[i];
      Value value = kwvalues[i];
      if (!(type_of(I, keyword)->flags & kTypeStrSubclass)) {
        raisef(I, I.rt.exc_TypeError, "%s() keywords must be strings", qn(fn));
        return -1;
      }
      size_t j;
      for (j = co->posonlyargcount; j < total_args; ++j) {
        if (names[j].is(keyword)) goto kw_found;
      }
      for (j = co->posonlyargcount; j < total_args; ++j) {
        int c = eq(I, keyword, names[j]);
        if (c < 0) return -1;
        if (c > 0) goto kw_found;
      }
      if (!kwdict) {
        if (co->posonlyargcount) {
          int r = positional_only_passed_as_keyword(I, fn, co, kwnames);
          if (r != 0) return -1;
        }
        {
          std::string ks = std::string(keyword.as<Str>()->view());
          raisef(I, I.rt.exc_TypeError, "%s() got an unexpected keyword argument '%s'", qn(fn), ks.c_str());
        }
        return -1;
      }
      if (dict_set(I, kwdict, keyword, value) < 0) return -1;
      continue;
    kw_found:
      if (!localsplus[j].is_null()) {
        std::string ks = std::string(keyword.as<Str>()->view());
        raisef(I, I.rt.exc_TypeError, "%s() got multiple values for argument '%s'", qn(fn), ks.c_str());
        return -1;
      }
      localsplus[j] = value;
    }
  }
  if (argcount > co->argcount && !(co->flags & compiler::CO_VARARGS)) {
    too_many_positional(I, fn, co, argcount, localsplus);
    return -1;
  }
  if (argcount < co->argcount) {
    size_t defcount = fn->defaults ? fn->defaults->size() : 0;
    size_t m = co->argcount - defcount;
    size_t missing = 0;
    for (size_t i = argcount; i < m; ++i) {
      if (localsplus[i].is_null()) ++missing;
    }
    if (missing) {
      missing_arguments(I, fn, co, static_cast<long>(defcount), localsplus);
      return -1;
    }
    size_t i = n > m ? n - m : 0;
    for (; i < defcount; ++i) {
      if (localsplus[m + i].is_null()) localsplus[m + i] = fn->defaults->items[i];
    }
  }
  if (co->kwonlyargcount > 0) {
    size_t missing = 0;
    for (size_t i = co->argcount; i < total_args; ++i) {
      if (!localsplus[i].is_null()) continue;
      Str* name = co->localsplus_names->items[i].as<Str>();
      if (fn->kwdefaults) {
        Value def = dict_get_str(fn->kwdefaults, name);
        if (!def.is_null()) {
          localsplus[i] = def;
          continue;
        }
      }
      ++missing;
    }
    if (missing) {
      missing_arguments(I, fn, co, -1, localsplus);
      return -1;
    }
  }
  return 0;
}

Value call_function(Isolate& I, Function* fn, const Value* args, size_t nargs, Tuple* kwnames) {
  Code* co = fn->code;
  if (co->flags & (compiler::CO_GENERATOR | compiler::CO_COROUTINE | compiler::CO_ASYNC_GENERATOR)) {
    // Bind into a temporary frame on the frame stack, then move the slots
    // into the generator's own frame.
    Frame* tmp = frame_push(I, co, fn, fn->globals, fn->builtins, nullptr);
    if (!tmp) return Value::error();
    if (bind_arguments(I, fn, tmp->localsplus, args, nargs, kwnames) < 0) {
      frame_pop(I, tmp);
      return Value::error();
    }
    // Link so that the GC sees the bound values while the generator is allocated.
    tmp->back = I.frame;
    I.frame = tmp;
    Generator* g = generator_new(I, fn, tmp->localsplus, co->nlocalsplus);
    I.frame = tmp->back;
    frame_pop(I, tmp);
    if (!g) return Value::error();
    return Value::object(g);
  }
  if (!enter_native_level(I)) return Value::error();
  Frame* f = frame_push(I, co, fn, fn->globals, fn->builtins, nullptr);
  if (!f) {
    leave_native_level(I);
    return Value::error();
  }
  if ((co->flags & kCodeSimpleArgs) && !kwnames && nargs == co->argcount) {
    for (size_t i = 0; i < nargs; ++i) f->localsplus[i] = args[i];
  } else if (bind_arguments(I, fn, f->localsplus, args, nargs, kwnames) < 0) {
    frame_pop(I, f);
    leave_native_level(I);
    return Value::error();
  }
  if (I.call_depth >= I.recursion_limit) {
    frame_pop(I, f);
    leave_native_level(I);
    return raise(I, I.rt.exc_RecursionError, "maximum recursion depth exceeded");
  }
  ++I.call_depth;
  f->flags |= kFrameEntry;
  f->back = I.frame;
  I.frame = f;
  Value r = eval_frame(I, f, false);
  leave_native_level(I);
  return r;
}

}  // namespace capy
