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

Type* foreign_private_state(Isolate& I, Value owner, Dict* ns, Type* keep, bool slots) {
  const Object* scope = running_scope(I);
  auto in_keep = [&](Type* k) {
    if (!keep || !keep->mro) return false;
    for (size_t i = 0; i < keep->mro->size(); ++i)
      if (keep->mro->items[i].as<Type>() == k) return true;
    return false;
  };
  // A class guards state the running code may not see when it was made by a
  // class statement other than the running code's, and survives no change.
  auto foreign = [&](Type* k) { return k->private_scope && k->private_scope != scope && !in_keep(k); };
  Type* found = nullptr;
  if (ns) {
    uint32_t pos = 0;
    Value key, value;
    while (!found && dict_next(ns, &pos, &key, &value)) {
      if (!key.is_object() || !(type_of(I, key)->flags & kTypeStrSubclass)) continue;
      Str* s = key.as<Str>();
      if (!looks_mangled(s)) continue;
      for_each_class(I, owner, [&](Type* k) {
        if (owns(k, s->view()) && foreign(k)) {
          found = k;
          return false;
        }
        return true;
      });
    }
  }
  if (!found && slots) {
    for_each_class(I, owner, [&](Type* k) {
      if (!k->slot_names || !foreign(k)) return true;
      for (size_t i = 0; i < k->slot_names->size(); ++i) {
        Value n = k->slot_names->items[i];
        if (!n.is_object() || !(type_of(I, n)->flags & kTypeStrSubclass)) continue;
        std::string_view v = n.as<Str>()->view();
        if (v.size() > 2 && v.substr(0, 2) == "__" && v.substr(v.size() - 2) != "__") {
          found = k;
          return false;
        }
      }
      return true;
    });
  }
  return found;
}

Value guarded_namespace(Isolate& I, Value owner, Dict* ns) {
  if (!ns) return Value::none();
  if (!foreign_private_state(I, owner, ns, nullptr, false)) return Value::object(ns);
  return mappingproxy_new(I, ns);
}

}  // namespace capy
