// Private names: see private_names.h and docs/security.md.
#include "objects/private_names.h"

#include <string>

#include "objects/dict.h"
#include "objects/exception.h"
#include "objects/ops.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "compiler/code_unit.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/isolate.h"

namespace capy {

namespace {

// The class body code of the running Python code (nullptr outside classes).
const Object* running_scope(Isolate& I) {
  return (I.frame && I.frame->code) ? I.frame->code->private_scope : nullptr;
}

// Does class `k` (made by a class statement) own the mangled `name`?
bool owns(Type* k, std::string_view name) {
  if (!k->private_scope) return false;
  const std::string& cls = static_cast<const Code*>(k->private_scope)->unit().private_name;
  size_t skip = 0;
  while (skip < cls.size() && cls[skip] == '_') ++skip;
  std::string_view prefix = std::string_view(cls).substr(skip);
  // "_" + prefix + "__" + at least one more character.
  if (prefix.empty() || name.size() < prefix.size() + 4) return false;
  return name[0] == '_' && name.substr(1, prefix.size()) == prefix && name[prefix.size() + 1] == '_' &&
         name[prefix.size() + 2] == '_';
}

// The MROs that hold the classes of `owner`: its type's, and its own when it
// is a class.
template <class Fn>
void for_each_class(Isolate& I, Value owner, Fn&& fn) {
  Type* t = type_of(I, owner);
  auto walk = [&](Type* start) {
    if (Tuple* mro = start->mro) {
      for (size_t i = 0; i < mro->size(); ++i)
        if (!fn(mro->items[i].as<Type>())) return false;
      return true;
    }
    for (Type* k = start; k; k = k->base)
      if (!fn(k)) return false;
    return true;
  };
  if (!walk(t)) return;
  if (t->flags & kTypeTypeSubclass) walk(owner.as<Type>());
}

}  // namespace

int check_private_attr(Isolate& I, Value owner, Str* name) {
  if (!looks_mangled(name)) return 0;
  const Object* scope = running_scope(I);
  std::string_view n = name->view();
  Type* guard = nullptr;
  bool allowed = false;
  for_each_class(I, owner, [&](Type* k) {
    if (!owns(k, n)) return true;
    if (k->private_scope == scope) {
      allowed = true;
      return false;
    }
    if (!guard) guard = k;
    return true;
  });
  if (allowed || !guard) return 0;
  Type* t = type_of(I, owner);
  if (t->flags & kTypeTypeSubclass) {
    raisef(I, I.rt.exc_AttributeError, "type object '%s' attribute '%s' is private to class '%s'",
           owner.as<Type>()->name->data, name->data, guard->name->data);
  } else {
    raisef(I, I.rt.exc_AttributeError, "'%s' object attribute '%s' is private to class '%s'", t->name->data,
           name->data, guard->name->data);
  }
  return -1;
}

Value guarded_namespace(Isolate& I, Value owner, Dict* ns) {
  const Object* scope = running_scope(I);
  bool inside = false, guarded = false;
  for_each_class(I, owner, [&](Type* k) {
    if (!k->private_scope) return true;
    guarded = true;
    if (k->private_scope == scope) {
      inside = true;
      return false;
    }
    return true;
  });
  if (inside || !guarded || !ns) return ns ? Value::object(ns) : Value::none();
  // Outside the hierarchy: does the namespace hold private state?
  bool has_private = false;
  uint32_t pos = 0;
  Value key, value;
  while (!has_private && dict_next(ns, &pos, &key, &value)) {
    if (!key.is_object() || !(type_of(I, key)->flags & kTypeStrSubclass)) continue;
    Str* s = key.as<Str>();
    if (!looks_mangled(s)) continue;
    for_each_class(I, owner, [&](Type* k) {
      if (owns(k, s->view())) {
        has_private = true;
        return false;
      }
      return true;
    });
  }
  if (!has_private) return Value::object(ns);
  return mappingproxy_new(I, ns);
}

}  // namespace capy
