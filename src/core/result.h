// Errors as values at module boundaries: every fallible operation between modules returns a
// Result<T> (or Status) instead of throwing. The HTTP layer maps ErrorKind to a status code.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/field_error.h"

namespace innet {

enum class ErrorKind {
  invalid_input,           // 400: malformed request, wrong types, unknown fields
  unauthenticated,         // 401
  forbidden,               // 403
  not_found,               // 404
  conflict,                // 409: uniqueness, concurrent change, state that forbids the action
  too_large,               // 413
  unsupported_media_type,  // 415: a body that is not application/json
  unprocessable,           // 422: well-formed but violates a business rule
  rate_limited,            // 429
  unavailable,             // 503: database unreachable, shutting down
  internal,                // 500
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // stable machine-readable code, e.g. "validation_failed"
  std::string message;  // human-readable, English; the web app translates by code
  std::map<std::string, FieldError> fields;  // field name -> why it was refused
  std::optional<int> retry_after_seconds;    // with rate_limited

  static Error make(ErrorKind kind, std::string code, std::string message) {
    Error e;
    e.kind = kind;
    e.code = std::move(code);
    e.message = std::move(message);
    return e;
  }
  static Error internal(std::string message) {
    return make(ErrorKind::internal, "internal_error", std::move(message));
  }
  static Error not_found(std::string what) {
    return make(ErrorKind::not_found, "not_found", what + " not found");
  }
  static Error field(ErrorKind kind, const std::string& name, FieldError reason) {
    Error e = make(kind, "validation_failed", "invalid field '" + name + "': " + reason.message);
    e.fields[name] = std::move(reason);
    return e;
  }
  // A business rule refused the request: a stable code, and the field the caller must change.
  static Error rule(ErrorKind kind, std::string code, const std::string& field, FieldError reason) {
    Error e = Error::field(kind, field, std::move(reason));
    e.code = std::move(code);
    return e;
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(v_); }
  Error&& take_error() { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT
  static Status success() { return {}; }

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }
  Error&& take_error() { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

// Propagates a failed Result/Status out of the current function.
#define INNET_TRY(expr)                                                 \
  do {                                                                  \
    auto innet_try_result_ = (expr);                                    \
    if (!innet_try_result_.ok()) return innet_try_result_.take_error(); \
  } while (0)

// Declares a variable holding the value of a Result, or propagates its error out of the current
// function (which returns a Result of any type, or Status):
//   INNET_ASSIGN_OR_RETURN(auto conn, ctx.db());
// The value is moved out of the Result. The expression may contain commas; the declaration
// may not (no structured bindings).
#define INNET_ASSIGN_OR_RETURN(declaration, ...) \
  INNET_ASSIGN_OR_RETURN_IMPL_(INNET_RESULT_NAME_(__LINE__), declaration, __VA_ARGS__)
#define INNET_ASSIGN_OR_RETURN_IMPL_(result, declaration, ...) \
  auto result = (__VA_ARGS__);                                 \
  if (!result.ok()) return result.take_error();                \
  declaration = std::move(result).value()
#define INNET_RESULT_NAME_(line) INNET_RESULT_NAME_JOIN_(innet_result_, line)
#define INNET_RESULT_NAME_JOIN_(prefix, line) prefix##line

}  // namespace innet
