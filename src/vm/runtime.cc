// Runtime start-up: allocates every builtin type, interns names, runs each
// type's initialiser, then completes the types (MRO, inherited slots, slot
// wrappers). After the constructor returns nothing in the Runtime changes.
#include "vm/runtime.h"

#include "gc/gmp_alloc.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type_init.h"
#include "modules/registry.h"
#include "vm/isolate.h"

namespace capy {

Runtime::Runtime() {
  install_gmp_allocator();
  bootstrap_ = std::make_unique<Isolate>(*this, nullptr, Limits{}, /*immortal_heap=*/true);
  Isolate& B = *bootstrap_;

  // 1. Every builtin type object, zeroed; type_type is fixed up after.
#define CAPY_TYPE(field, name) field = static_cast<Type*>(heap_.alloc_object(nullptr, sizeof(Type)));
#include "objects/builtin_types.def"
#undef CAPY_TYPE
#define CAPY_EXC(name, base) exc_##name = static_cast<Type*>(heap_.alloc_object(nullptr, sizeof(Type)));
#include "objects/exceptions.def"
#undef CAPY_EXC
  for (Object* o = heap_.all_objects(); o; o = o->gc_next_) o->type_ = type_type;
#define CAPY_TYPE(F, N) F->basicsize = sizeof(Object); F->base = object_type;
#include "objects/builtin_types.def"
#undef CAPY_TYPE
  object_type->base = nullptr;

  // 2. str must work before anything has a name.
  init_str_type(*this);
  empty_tuple = tuple_new(B, 0);
  for (int c = 0; c < 256; ++c) {
    std::string s;
    utf8_append(s, static_cast<uint32_t>(c));
    latin1_chars[c] = intern_immortal(s);
  }
#define CAPY_NAME(field, text) n_##field = intern_immortal(text);
#include "objects/interned_names.def"
#undef CAPY_NAME
#define CAPY_TYPE(F, N) F->name = intern_immortal(N); F->qualname = F->name;
#include "objects/builtin_types.def"
#undef CAPY_TYPE
  {
    Type* exc_object = object_type;  // the base of BaseException, named for the macro
#define CAPY_EXC(n, b) exc_##n->name = intern_immortal(#n); exc_##n->qualname = exc_##n->name; \
  exc_##n->base = exc_##b;
#include "objects/exceptions.def"
#undef CAPY_EXC
    (void)exc_object;
  }
  for (Object* o = heap_.all_objects(); o; o = o->gc_next_) {
    if (o->type_ == type_type) {
      Type* t = static_cast<Type*>(o);
      if (!t->dict) t->dict = dict_new(B);
    }
  }

  // 3. Each type's own initialiser.
  init_type_and_object(*this);
  init_function_types(*this);
  init_int_type(*this);
  init_bool_type(*this);
  init_float_type(*this);
  init_complex_type(*this);
  init_bytes_types(*this);
  init_tuple_type(*this);
  init_list_type(*this);
  init_dict_type(*this);
  init_set_types(*this);
  init_misc_types(*this);
  init_iterator_types(*this);
  init_exception_types(*this);
  init_vm_types(*this);
  init_text_writer_type(*this);

  // 4. MROs, inherited slots, slot wrappers — for every builtin type.
  finish_builtin_types(*this);

  // 5. The builtins module's contents.
  builtins = dict_new(B);
  init_builtins(*this);
  init_vm_builtins(*this);
  init_import_builtins(*this);
  finish_init();
}

Runtime::~Runtime() {
  Isolate& B = *bootstrap_;
  for (Object* o = heap_.all_objects(); o; o = o->gc_next_) {
    Type* t = o->type_;
    if (t && t->finalize) t->finalize(B, o);
  }
}

Str* Runtime::find_interned(std::string_view text) const {
  auto it = interned_.find(text);
  return it == interned_.end() ? nullptr : it->second;
}

Str* Runtime::intern_immortal(std::string_view text) {
  if (Str* s = find_interned(text)) return s;
  Str* s = str_new(*bootstrap_, text);
  s->interned = 1;
  str_hash(s);
  interned_.emplace(s->view(), s);
  return s;
}

}  // namespace capy
