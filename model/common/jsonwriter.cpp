#include "model/common/jsonwriter.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace slidesight::model {

JsonWriter& JsonWriter::addRaw(const std::string& key, const std::string& json) {
    if (!body_.empty()) body_ += ',';
    body_ += quoted(key) + ':' + json;
    return *this;
}

JsonWriter& JsonWriter::add(const std::string& key, const std::string& value) { return addRaw(key, quoted(value)); }
JsonWriter& JsonWriter::add(const std::string& key, double value) { return addRaw(key, number(value)); }
JsonWriter& JsonWriter::add(const std::string& key, int64_t value) { return addRaw(key, std::to_string(value)); }
JsonWriter& JsonWriter::add(const std::string& key, bool value) { return addRaw(key, value ? "true" : "false"); }
JsonWriter& JsonWriter::add(const std::string& key, const JsonWriter& object) { return addRaw(key, object.text()); }

std::string JsonWriter::quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += escaped;
            } else {
                out += c;  // UTF-8 passes through unchanged
            }
        }
    }
    return out + "\"";
}

std::string JsonWriter::number(double value) {
    if (!std::isfinite(value)) return "null";
    // to_chars: shortest round-trip text, independent of the C locale (which Qt sets from
    // the environment, so that printf would write a decimal comma under it_IT).
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

namespace {

/// Where the value of the first `"key":` starts, or npos.
size_t valueStart(const std::string& json, const std::string& key) {
    const std::string needle = JsonWriter::quoted(key) + ":";
    const size_t at = json.find(needle);
    return at == std::string::npos ? at : at + needle.size();
}

}  // namespace

std::optional<std::string> jsonStringField(const std::string& json, const std::string& key) {
    size_t i = valueStart(json, key);
    if (i == std::string::npos || i >= json.size() || json[i] != '"') return std::nullopt;
    std::string out;
    for (++i; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') return out;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= json.size()) break;
        switch (json[i]) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u':  // JsonWriter escapes only control characters this way
            if (i + 4 >= json.size()) return std::nullopt;
            out += static_cast<char>(std::stoi(json.substr(i + 1, 4), nullptr, 16));
            i += 4;
            break;
        default: out += json[i];
        }
    }
    return std::nullopt;
}

std::optional<bool> jsonBoolField(const std::string& json, const std::string& key) {
    const size_t i = valueStart(json, key);
    if (i == std::string::npos) return std::nullopt;
    if (json.compare(i, 4, "true") == 0) return true;
    if (json.compare(i, 5, "false") == 0) return false;
    return std::nullopt;
}

}  // namespace slidesight::model
