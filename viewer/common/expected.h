#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace slidesight {

/// A failure of whichever Expected<T> it is returned as: `return failure("sentence");` in a
/// function returning Expected<T> or Check, without naming T again. (Qt code passes a QString:
/// viewer/common/qstringfailure.h.)
struct Failure {
    std::string message;
};
inline Failure failure(std::string message) { return Failure{std::move(message)}; }
inline Failure failure(const char* message) { return Failure{message}; }

/// Either a value or one clear, user-facing error sentence: the one error convention of the
/// project, from the slide library up to the application.
///
/// Expected failures (an unreadable slide, a missing property) travel as values rather than
/// exceptions so that every caller has to decide what to tell the user. value() checks that
/// there is one: asking a failure for its value is a programming error, and throws
/// std::logic_error with the failure's message rather than reading an empty optional.
template <typename T>
class Expected {
public:
    Expected(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    /// A bare string is a message, not a value: without this, `return "sentence";` in a function
    /// returning Expected<bool> would read as success. Use failure().
    template <typename U = T, typename = std::enable_if_t<std::is_same_v<U, bool>>>
    Expected(const char*) = delete;
    Expected(Failure f) : error_(std::move(f.message)) {}  // NOLINT(google-explicit-constructor)

    static Expected failure(std::string message) {
        Expected e;
        e.error_ = std::move(message);
        return e;
    }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return checked(), *value_; }
    T& value() & { return checked(), *value_; }
    T&& value() && { return checked(), std::move(*value_); }
    const T& operator*() const& { return *value_; }
    T& operator*() & { return *value_; }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }

    /// The message; empty when ok().
    const std::string& error() const { return error_; }

private:
    Expected() = default;
    void checked() const {
        if (!value_) throw std::logic_error("Expected::value() of a failure: " + error_);
    }
    std::optional<T> value_;
    std::string error_;
};

/// A check that passes (true) or says why not: Check::failure("sentence").
using Check = Expected<bool>;

}  // namespace slidesight
