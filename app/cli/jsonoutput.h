#pragma once

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QJsonValue>

#include <optional>
#include <string>
#include <vector>

namespace slidesight::cli {

/// Helpers for the machine-readable output that commands give with --json.
struct JsonOutput {
    /// Writes `object` to stdout as indented JSON followed by a newline.
    static void print(const QJsonObject& object);
    /// A number, or null when absent.
    static QJsonValue numberOrNull(const std::optional<double>& value);
    /// A UTF-8 std::string as a JSON string.
    static QJsonValue string(const std::string& text);
    /// A number rounded to `decimals` places, so that timings do not print 17 digits.
    static QJsonValue rounded(double value, int decimals);
    /// An array of numbers.
    static QJsonArray numbers(const std::vector<double>& values);
    /// An array of UTF-8 std::strings.
    static QJsonArray strings(const std::vector<std::string>& values);
};

}  // namespace slidesight::cli
