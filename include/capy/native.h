// capy/native.h: host functions, host classes and host modules (C++ API).
//
// A host function is C++ code the guest calls like any Python function. It
// receives its arguments converted to capy::Values and returns a Value that
// is converted back. It reports an error to the guest either by throwing
// capy::HostError (the guest sees that builtin exception type), by returning
// call.raise(...), or by throwing any other std::exception (the guest sees
// RuntimeError with what()). No C++ exception ever crosses into the VM.
//
// A host class declares the methods the guest may call on an opaque host
// object (Value::host_object); the object's state is out of the guest's
// reach. A host module is a set of host functions and values that the
// guest imports by name.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capy/config.h"
#include "capy/value.h"

namespace capy::api {

class Isolate;
class Call;

/// A host function. Runs on the thread running the isolate, inside the run
/// that called it; it may call back into the same isolate (Isolate::call_value…).
using HostFunction = std::function<Value(Call& call)>;

/// Thrown by a host function: the guest sees an exception of the builtin
/// class named `type_name` ("ValueError", "KeyError", "PermissionError"…,
/// any subclass of Exception that builtins defines) with `message`. Any other
/// name becomes RuntimeError.
class CAPY_API HostError : public std::exception {
 public:
  HostError(std::string type_name, std::string message)
      : type_name_(std::move(type_name)), message_(std::move(message)) {}
  const char* what() const noexcept override { return message_.c_str(); }
  const std::string& type_name() const noexcept { return type_name_; }
  const std::string& message() const noexcept { return message_; }

 private:
  std::string type_name_;
  std::string message_;
};

/// One call of a host function or method, as the host function sees it.
class CAPY_API Call {
 public:
  /// The name the guest called it by ("lookup", "Counter.add").
  const std::string& name() const noexcept { return name_; }
  /// Positional arguments, converted.
  std::span<const Value> args() const noexcept { return args_; }
  size_t nargs() const noexcept { return args_.size(); }
  /// args()[i], or None when there are fewer arguments.
  const Value& arg(size_t i) const noexcept;
  /// Keyword arguments, converted, in the order given.
  const Kwargs& kwargs() const noexcept { return kwargs_; }
  /// The keyword argument `name`, or nullptr.
  const Value* kwarg(std::string_view name) const noexcept;
  /// The isolate that called (to call back into it, or read its globals).
  Isolate& isolate() const noexcept { return *isolate_; }

  /// Methods of host classes: the object the method was called on (null
  /// for plain host functions).
  const std::shared_ptr<void>& self_pointer() const noexcept { return self_; }
  template <class T>
  T* self() const noexcept {
    return static_cast<T*>(self_.get());
  }

  /// Records an exception for the guest (as HostError does) and returns a
  /// placeholder Value: `return call.raise("ValueError", "bad key");`.
  /// The host function's return value is then ignored.
  Value raise(std::string type_name, std::string message);

  /// Checks the number of positional arguments; on mismatch records a
  /// TypeError in CPython's words ("f() takes 2 positional arguments but 3
  /// were given") and returns false.
  bool expect_args(size_t min, size_t max);

  // Used by the implementation.
  Call(Isolate* isolate, std::string name, std::vector<Value> args, Kwargs kwargs, std::shared_ptr<void> self)
      : isolate_(isolate), name_(std::move(name)), args_(std::move(args)), kwargs_(std::move(kwargs)),
        self_(std::move(self)) {}
  bool raised() const noexcept { return raised_; }
  const std::string& raised_type() const noexcept { return raised_type_; }
  const std::string& raised_message() const noexcept { return raised_message_; }

 private:
  Isolate* isolate_;
  std::string name_;
  std::vector<Value> args_;
  Kwargs kwargs_;
  std::shared_ptr<void> self_;
  bool raised_ = false;
  std::string raised_type_;
  std::string raised_message_;
};

/// The guest-visible class of opaque host objects. Immutable once shared
/// (make it, add its methods, then wrap it in a shared_ptr<const HostClass>).
class CAPY_API HostClass {
 public:
  /// `name` is the guest-visible class name (a Python identifier).
  explicit HostClass(std::string name) : name_(std::move(name)) {}
  /// Declares a method; `call.self<T>()` is the object it was called on.
  /// Names starting with "__" are refused by the isolate (the guest cannot
  /// reach special methods of host objects).
  HostClass& method(std::string name, HostFunction fn) {
    methods_.emplace_back(std::move(name), std::move(fn));
    return *this;
  }
  const std::string& name() const noexcept { return name_; }
  const std::vector<std::pair<std::string, HostFunction>>& methods() const noexcept { return methods_; }

 private:
  std::string name_;
  std::vector<std::pair<std::string, HostFunction>> methods_;
};

/// A module the guest imports by name (`import NAME`), whose attributes are
/// host functions and converted values. It is created in the isolate the
/// first time the guest imports it.
class CAPY_API HostModule {
 public:
  /// `name` may be dotted ("app.tools"); each parent must be importable too.
  explicit HostModule(std::string name) : name_(std::move(name)) {}
  HostModule& function(std::string name, HostFunction fn) {
    functions_.emplace_back(std::move(name), std::move(fn));
    return *this;
  }
  HostModule& value(std::string name, Value v) {
    values_.emplace_back(std::move(name), std::move(v));
    return *this;
  }
  const std::string& name() const noexcept { return name_; }
  const std::vector<std::pair<std::string, HostFunction>>& functions() const noexcept { return functions_; }
  const std::vector<std::pair<std::string, Value>>& values() const noexcept { return values_; }

 private:
  std::string name_;
  std::vector<std::pair<std::string, HostFunction>> functions_;
  std::vector<std::pair<std::string, Value>> values_;
};

}  // namespace capy::api

#ifndef CAPY_API_NO_ALIASES
namespace capy {
using api::Call;
using api::HostClass;
using api::HostError;
using api::HostFunction;
using api::HostModule;
}  // namespace capy
#endif
