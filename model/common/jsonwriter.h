#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace slidesight::model {

/// Builds one compact JSON object (no whitespace), for the metadata that model files carry.
/// Keys appear in the order they are added; strings are escaped per RFC 8259; non-finite
/// numbers are written as null. The model library is Qt-free, hence this small writer.
///
/// Not thread-safe; a value type.
class JsonWriter {
public:
    JsonWriter& add(const std::string& key, const std::string& value);
    JsonWriter& add(const std::string& key, const char* value) { return add(key, std::string(value)); }
    JsonWriter& add(const std::string& key, double value);
    JsonWriter& add(const std::string& key, int64_t value);
    JsonWriter& add(const std::string& key, int value) { return add(key, static_cast<int64_t>(value)); }
    JsonWriter& add(const std::string& key, bool value);
    JsonWriter& addNull(const std::string& key) { return addRaw(key, "null"); }
    /// Adds a nested object.
    JsonWriter& add(const std::string& key, const JsonWriter& object);

    /// The object's text, "{...}".
    std::string text() const { return "{" + body_ + "}"; }

    /// `text` as a JSON string literal, quotes included.
    static std::string quoted(const std::string& text);
    /// The shortest decimal text that reads back as the same double ("null" if not finite).
    static std::string number(double value);

private:
    JsonWriter& addRaw(const std::string& key, const std::string& json);
    std::string body_;
};

/// Reads back single fields of JSON that JsonWriter wrote (compact, keys quoted as above):
/// the value of the first `"key":` in `json`, when it is a string or a boolean. Not a general
/// JSON parser: it serves to recognise this program's own metadata.
std::optional<std::string> jsonStringField(const std::string& json, const std::string& key);
std::optional<bool> jsonBoolField(const std::string& json, const std::string& key);

}  // namespace slidesight::model
