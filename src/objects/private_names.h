// Name-mangled attributes are private to their class. Inside `class Cls`,
// the compiler turns `__spam` into `_Cls__spam`; capy goes further than
// CPython and lets only code compiled inside that class body (its methods,
// nested functions, lambdas and comprehensions) reach such an attribute of an
// instance or subclass of Cls, whatever the route: attribute syntax,
// getattr/setattr/delattr/hasattr, object.__getattribute__ and friends,
// super(), operator.attrgetter, str.format fields. The namespace mappings
// (`__dict__`, vars()) that code outside the class hierarchy receives leave
// such entries out. See docs/security.md ("Private names").
#pragma once

#include <string_view>

#include "objects/object.h"
#include "objects/str.h"

namespace capy {

/// Has `name` the shape of a mangled name (`_X__y`, not ending in `__`)?
/// Cheap: most attribute names fail at the first or second character.
inline bool looks_mangled(const Str* name) {
  std::string_view v = name->view();
  if (v.size() < 5 || v[0] != '_' || v[1] == '_') return false;
  if (v[v.size() - 1] == '_' && v[v.size() - 2] == '_') return false;
  return v.find("__", 2) != std::string_view::npos;
}

/// 0 when the running code may reach attribute `name` of `owner`; -1 with
/// AttributeError pending when `name` is private to a class of `owner` (in
/// type(owner).__mro__, or owner.__mro__ for a class) whose body the running
/// code was not compiled in.
int check_private_attr(Isolate& I, Value owner, Str* name);

/// The class of `owner` whose private state the running code may not reach
/// and would reach once `owner`'s class became `keep` (nullptr: in any
/// case): a private entry of `ns` (owner's namespace, may be nullptr) or,
/// with `slots`, a private __slots__ entry. nullptr when there is none.
Type* foreign_private_state(Isolate& I, Value owner, Dict* ns, Type* keep, bool slots);

/// The namespace `ns` of `owner` as code may see it through `__dict__` and
/// vars(): the dict itself, unless it holds entries private to a class of
/// `owner` that the running code is not compiled in; then a read-only
/// mappingproxy over it (reading stays possible, so copy and deepcopy work;
/// writing private state from outside is not).
Value guarded_namespace(Isolate& I, Value owner, Dict* ns);

}  // namespace capy
