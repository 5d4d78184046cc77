// The abstract object protocol: what the VM and every native function use to
// operate on values of any type (CPython's abstract.c / object.c). Each
// function implements one piece of the data model (Language Reference 3.3).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "objects/object.h"
#include "vm/isolate.h"

namespace capy {

inline Type* type_of(Isolate& I, Value v) { return type_of(I.rt, v); }
/// The type's __name__ as UTF-8 (for messages).
const char* type_name(Isolate& I, Value v);
const char* type_name(Type* t);

// --- type relations -------------------------------------------------------
/// Is a a subtype of b (b in a.__mro__)?
bool is_subtype(Type* a, Type* b);
inline bool is_instance_exact_or_sub(Isolate& I, Value v, Type* t) { return is_subtype(type_of(I, v), t); }
/// isinstance(v, cls) with __instancecheck__ support. 1, 0 or -1.
int is_instance(Isolate& I, Value v, Value cls);
int is_subclass(Isolate& I, Value derived, Value cls);

// --- conversion to text -----------------------------------------------------
Value repr(Isolate& I, Value v);   // a str or error
Value str(Isolate& I, Value v);    // a str or error
Value ascii(Isolate& I, Value v);
/// format(v, spec)
Value format(Isolate& I, Value v, Value spec);
/// Appends repr(v) as UTF-8; 0 or -1.
int repr_append(Isolate& I, Value v, std::string& out);
int str_append(Isolate& I, Value v, std::string& out);

// --- hashing and comparison ---------------------------------------------------
int64_t hash(Isolate& I, Value v);  // -1 on error (TypeError: unhashable type: 'list')
Value rich_compare(Isolate& I, Value a, Value b, CompareOp op);
int rich_compare_bool(Isolate& I, Value a, Value b, CompareOp op);  // identity shortcut for Eq/Ne
/// a == b with identity shortcut. 1, 0 or -1.
int eq(Isolate& I, Value a, Value b);
int truthy(Isolate& I, Value v);  // bool(v): 1, 0 or -1

// --- attributes ---------------------------------------------------------------
/// getattr(v, name): raises AttributeError when missing.
Value get_attr(Isolate& I, Value v, Str* name);
Value get_attr(Isolate& I, Value v, std::string_view name);
/// Like get_attr but returns Value::null() (no exception) when missing.
Value get_attr_opt(Isolate& I, Value v, Str* name);
int set_attr(Isolate& I, Value v, Str* name, Value value);
int del_attr(Isolate& I, Value v, Str* name);
/// object.__getattribute__: MRO lookup with descriptors, then the instance
/// dict; null when missing.
Value generic_getattr(Isolate& I, Value v, Str* name);
int generic_setattr(Isolate& I, Value v, Str* name, Value value);
/// Looks name up along type's MRO without invoking descriptors; null if absent.
Value type_lookup(Type* type, Str* name);
/// Looks up a special method on the type (not the instance) and binds it:
/// returns the attribute as got through the descriptor, or null.
Value lookup_special(Isolate& I, Value self, Str* name);

// --- calling ---------------------------------------------------------------
/// Vector call (the keyword values follow the positionals, named by kwnames).
Value call(Isolate& I, Value callable, const Value* args, size_t nargs, Tuple* kwnames = nullptr);
Value call(Isolate& I, Value callable, std::initializer_list<Value> args);
/// callable(self, *args) for a vector call's arguments (bound-method calls).
Value call_with_self(Isolate& I, Value callable, Value self, const Value* args, size_t nargs, Tuple* kwnames);
/// callable(*args_tuple, **kwargs_dict) — kwargs may be nullptr.
Value call_tuple_dict(Isolate& I, Value callable, Tuple* args, Dict* kwargs);
/// getattr(self, name)(*args)
Value call_method(Isolate& I, Value self, Str* name, std::initializer_list<Value> args);
/// Calls type(self).name(self, *args) (a special method lookup), or returns
/// null (no exception) if the type has no such attribute.
Value call_special(Isolate& I, Value self, Str* name, std::initializer_list<Value> args);
bool is_callable(Isolate& I, Value v);

// --- iteration -----------------------------------------------------------------
Value get_iter(Isolate& I, Value v);   // iter(v)
/// next(it): the item, Value::null() when exhausted (StopIteration cleared), or error.
Value iter_next(Isolate& I, Value it);
/// Collects an iterable into a new list / tuple.
Value list_from_iterable(Isolate& I, Value iterable);
Value tuple_from_iterable(Isolate& I, Value iterable);

// --- containers --------------------------------------------------------------------
int64_t length(Isolate& I, Value v);   // len(v), -1 on error
Value get_item(Isolate& I, Value container, Value key);
int set_item(Isolate& I, Value container, Value key, Value value);
int del_item(Isolate& I, Value container, Value key);
int contains(Isolate& I, Value container, Value item);  // `item in container`

// --- numbers ---------------------------------------------------------------------
Value binary_op(Isolate& I, Value a, Value b, NbOp op);
Value inplace_op(Isolate& I, Value a, Value b, NbOp op);
Value power(Isolate& I, Value a, Value b, Value mod);  // pow(a, b, mod); mod None for 2-arg
Value negative(Isolate& I, Value v);
Value positive(Isolate& I, Value v);
Value invert(Isolate& I, Value v);
Value absolute(Isolate& I, Value v);
/// operator.index(v): an int, or TypeError "'X' object cannot be interpreted as an integer".
Value index(Isolate& I, Value v);
/// index(v) converted to int64; OverflowError if too large
/// ("Python int too large to convert to C ssize_t"). Returns false on error.
bool index_i64(Isolate& I, Value v, int64_t* out);
/// int(v) / float(v) protocol.
Value number_int(Isolate& I, Value v);
Value number_float(Isolate& I, Value v);
/// Python float value of an int or float Value (error when not a number).
bool to_double(Isolate& I, Value v, double* out);

/// Symbol of a binary operator ("+", "//", "@" …) for error messages.
const char* nb_op_symbol(NbOp op);
const char* nb_op_inplace_symbol(NbOp op);

}  // namespace capy
