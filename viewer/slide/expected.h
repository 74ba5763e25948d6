#pragma once

#include <optional>
#include <string>
#include <utility>

namespace slidesight {

/// Either a value or one clear, user-facing error sentence.
///
/// Expected failures (an unreadable slide, a missing property) travel as values rather than
/// exceptions so that every caller has to decide what to tell the user.
template <typename T>
class Expected {
public:
    Expected(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)

    static Expected failure(std::string message) {
        Expected e;
        e.error_ = std::move(message);
        return e;
    }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T& operator*() const& { return *value_; }
    T& operator*() & { return *value_; }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }

    /// The message; empty when ok().
    const std::string& error() const { return error_; }

private:
    Expected() = default;
    std::optional<T> value_;
    std::string error_;
};

}  // namespace slidesight
