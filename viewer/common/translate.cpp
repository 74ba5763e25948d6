#include "viewer/common/translate.h"

#include <atomic>
#include <vector>

namespace slidesight {

namespace {
std::atomic<Translator> installed{nullptr};
}  // namespace

void setTranslator(Translator translator) { installed.store(translator); }

std::string translate(const char* context, const char* source) {
    const Translator translator = installed.load();
    return translator ? translator(context, source) : std::string(source);
}

std::string fill(const std::string& text, std::initializer_list<std::string> values) {
    const std::vector<std::string> v(values);
    std::string out;
    out.reserve(text.size() + 64);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const size_t n = static_cast<size_t>(text[i + 1] - '1');
            if (n < v.size()) {
                out += v[n];
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace slidesight
