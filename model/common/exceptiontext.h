#pragma once

// The first line of an exception's message: LibTorch's errors carry a C++ backtrace after it,
// which no user-facing sentence should.

#include <exception>
#include <string>

namespace slidesight::model {

inline std::string firstLine(const std::exception& e) {
    const std::string text = e.what();
    return text.substr(0, text.find('\n'));
}

}  // namespace slidesight::model
