// Object and Type: the header every heap object starts with, and the type
// object whose slots drive every protocol (the data model's dispatch table).
//
// Conventions used by every function of the object model (see docs/internals/objects.md):
//  * A function returning Value returns Value::error() when it raised; the
//    exception is pending on the isolate (Isolate::pending_exception).
//  * A function returning int returns -1 when it raised, else 0/1 (or a count).
//  * hash functions return -1 when they raised; a real hash is never -1.
//  * "Not found" without an exception is Value::null() where documented.
//  * Nothing throws a C++ exception.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "objects/value.h"

namespace capy {

class Isolate;
class Runtime;
class Tracer;
struct Type;
struct Str;
struct Tuple;
struct Dict;

/// GC bits in Object::gc_bits_.
enum GcBits : uint32_t {
  kGcMarked = 1u << 0,
  kGcImmortal = 1u << 1,   // owned by the Runtime: shared, immutable, never collected
  kGcFinalized = 1u << 2,
};
/// Immortal objects keep a start-up serial above the GC bits: their id() and
/// identity hash, the same in every isolate and never derived from an address.
constexpr uint32_t kGcSerialShift = 3;

/// The header of every heap object. 24 bytes.
struct Object {
  Type* type_;
  Object* gc_next_;     // intrusive list of all objects of the owning heap
  uint32_t gc_bits_;
  uint32_t aux_;        // varsize objects keep their item count here

  bool immortal() const { return gc_bits_ & kGcImmortal; }
};

/// Rich comparison operators, in CPython's order (Py_LT ... Py_GE).
enum class CompareOp : uint8_t { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };

/// Binary number operators; the order matches CPython 3.11's NB_* (BINARY_OP oparg):
/// the in-place forms are kInplaceOffset above their plain forms.
enum class NbOp : uint8_t {
  Add = 0, And = 1, FloorDiv = 2, LShift = 3, MatMul = 4, Mul = 5, Mod = 6, Or = 7,
  Pow = 8, RShift = 9, Sub = 10, TrueDiv = 11, Xor = 12,
};
constexpr int kNbCount = 13;
constexpr int kInplaceOffset = 13;

using ReprFn = Value (*)(Isolate&, Value self);
using HashFn = int64_t (*)(Isolate&, Value self);
using RichCompareFn = Value (*)(Isolate&, Value a, Value b, CompareOp op);
/// Returns the attribute, Value::null() when not found (no exception set), or error.
using GetAttrFn = Value (*)(Isolate&, Value self, Str* name);
/// value null means delete. Returns 0 or -1.
using SetAttrFn = int (*)(Isolate&, Value self, Str* name, Value value);
/// Vector call: args[0..nargs) positional, then one value per name in kwnames
/// (kwnames may be nullptr).
using CallFn = Value (*)(Isolate&, Value callee, const Value* args, size_t nargs, Tuple* kwnames);
using UnaryFn = Value (*)(Isolate&, Value self);
/// Returns the next item, Value::null() when exhausted (no exception set), or error.
using NextFn = Value (*)(Isolate&, Value self);
using LenFn = int64_t (*)(Isolate&, Value self);  // -1 on error
using GetItemFn = Value (*)(Isolate&, Value self, Value key);
/// value null means delete. Returns 0 or -1.
using SetItemFn = int (*)(Isolate&, Value self, Value key, Value value);
using ContainsFn = int (*)(Isolate&, Value self, Value item);  // 1, 0 or -1
using BoolFn = int (*)(Isolate&, Value self);                   // 1, 0 or -1
using BinaryFn = Value (*)(Isolate&, Value a, Value b);          // may return NotImplemented
using TernaryFn = Value (*)(Isolate&, Value a, Value b, Value c);
using DescrGetFn = Value (*)(Isolate&, Value descr, Value obj, Value type);  // obj null: via class
using DescrSetFn = int (*)(Isolate&, Value descr, Value obj, Value value);  // value null: delete
/// __new__: type is the class being instantiated.
using NewFn = Value (*)(Isolate&, Type* type, const Value* args, size_t nargs, Tuple* kwnames);
/// __init__: returns 0 or -1.
using InitFn = int (*)(Isolate&, Value self, const Value* args, size_t nargs, Tuple* kwnames);
using TraceFn = void (*)(Object* self, Tracer& tracer);
/// Releases resources that are not heap objects (GMP limbs, side buffers).
using FinalizeFn = void (*)(Isolate&, Object* self);
struct BufferInfo;
/// The memory an object exports to memoryview, struct, array… (CPython's
/// buffer protocol; see objects/memoryview.h). false: none.
using BufferFn = bool (*)(Object* self, BufferInfo* out);

enum TypeFlags : uint32_t {
  kTypeHeap = 1u << 0,          // created by a class statement (mutable, collected)
  kTypeBaseType = 1u << 1,      // may be subclassed
  kTypeHasDict = 1u << 2,       // instances carry a __dict__ at dict_offset
  kTypeAbstract = 1u << 3,
  kTypeIntSubclass = 1u << 8,   // fast subclass checks, like CPython's Py_TPFLAGS_*_SUBCLASS
  kTypeStrSubclass = 1u << 9,
  kTypeTupleSubclass = 1u << 10,
  kTypeListSubclass = 1u << 11,
  kTypeDictSubclass = 1u << 12,
  kTypeExceptionSubclass = 1u << 13,  // BaseException and its subclasses
  kTypeTypeSubclass = 1u << 14,
  kTypeBytesSubclass = 1u << 15,
  kTypeFloatSubclass = 1u << 16,
  kTypeIsBuiltinFunction = 1u << 20,  // calls never reach Python code in the callee itself
};

/// A type object. Builtin types are immortal and owned by the Runtime; heap
/// types (classes) live on an isolate's heap. Data-model reference: 3.3.
struct Type : Object {
  Str* name;          // __name__
  Str* qualname;      // __qualname__
  Str* module;        // __module__ (nullptr for builtins → "builtins")
  Type* base;         // __base__ (nullptr only for object)
  Tuple* bases;       // __bases__
  Tuple* mro;         // __mro__
  Dict* dict;         // __dict__ (methods, descriptors, class attributes)
  uint32_t flags;
  uint32_t basicsize;   // bytes of the fixed part of an instance
  uint32_t itemsize;    // bytes per item for varsize instances (count in aux_)
  int32_t dict_offset;  // >0: offset of the instance's Dict*; 0: no __dict__;
                        // <0: varsize, the Dict* follows the items (see object_dict_slot)
  uint32_t version;     // bumped on any change of this type's dict or bases (method caches)
  Tuple* slot_names;    // __slots__ of this class (heap types), or nullptr
  uint32_t slots_offset;  // offset of the first __slots__ Value in instances
  uint32_t nslots;        // number of __slots__ Values this class adds

  // --- slots (nullptr: not supported) -------------------------------------
  ReprFn repr;
  ReprFn str;
  /// The class body code this class was made from (a class statement), or
  /// nullptr: its mangled `_Name__x` attributes are private to that code.
  Object* private_scope;
  HashFn hash;
  RichCompareFn richcompare;
  GetAttrFn getattr;
  SetAttrFn setattr;
  CallFn call;
  UnaryFn iter;
  NextFn next;
  LenFn len;
  GetItemFn getitem;
  SetItemFn setitem;
  ContainsFn contains;
  BoolFn bool_;
  BinaryFn nb[kNbCount];          // a op b; either operand may be of this type
  BinaryFn nb_inplace[kNbCount];  // a op= b; nullptr: fall back to nb
  TernaryFn nb_pow3;              // pow(a, b, c)
  UnaryFn nb_neg, nb_pos, nb_invert, nb_abs;
  UnaryFn nb_int, nb_float, nb_index;
  DescrGetFn descr_get;
  DescrSetFn descr_set;
  NewFn new_;
  InitFn init;
  TraceFn trace;
  FinalizeFn finalize;
  BufferFn buffer;   // layout-level, like trace: inherited from the solid base

  bool is_heap() const { return flags & kTypeHeap; }
};

/// Where an instance's __dict__ pointer lives, or nullptr when it has none.
inline Dict** object_dict_slot(Object* o) {
  Type* t = o->type_;
  if (t->dict_offset > 0) return reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + t->dict_offset);
  if (t->dict_offset < 0) {
    size_t off = t->basicsize + size_t(t->itemsize) * o->aux_;
    off = (off + 7) & ~size_t(7);
    return reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + off);
  }
  return nullptr;
}

}  // namespace capy
