#include "model/lran/lrantrainingdata.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace slidesight::model {

namespace {

namespace fs = std::filesystem;
using Listed = Expected<LranImageSet>;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

bool isImageFile(const fs::path& path) {
    static const char* const extensions[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"};
    const std::string extension = lower(path.extension().string());
    return std::any_of(std::begin(extensions), std::end(extensions), [&](const char* e) { return extension == e; });
}

std::string stripped(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n\"");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n\"") - first + 1);
}

/// Fills the set from (class name -> paths) and applies the per-class cap.
Listed fromClasses(const std::string& data, std::map<std::string, std::vector<std::string>> byClass, int maxPerClass) {
    if (byClass.size() < 2)
        return Listed::failure("The training data \"" + data + "\" has " +
                               (byClass.empty() ? std::string("no class") : "only the class \"" + byClass.begin()->first + "\"") +
                               ": LRAN training needs at least two classes.");
    LranImageSet set;
    for (auto& [name, paths] : byClass) {
        std::sort(paths.begin(), paths.end());
        if (maxPerClass > 0 && static_cast<int>(paths.size()) > maxPerClass) paths.resize(static_cast<size_t>(maxPerClass));
        for (const std::string& path : paths) {
            set.paths.push_back(path);
            set.labels.push_back(static_cast<int>(set.classes.size()));
        }
        set.classes.push_back(name);
    }
    return set;
}

Listed listFolder(const std::string& data) {
    std::map<std::string, std::vector<std::string>> byClass;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(data, error)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name.empty() || name.front() == '.') continue;
        std::vector<std::string>& paths = byClass[name];
        for (const auto& file : fs::directory_iterator(entry.path(), error))
            if (file.is_regular_file() && isImageFile(file.path())) paths.push_back(file.path().string());
        if (paths.empty())
            return Listed::failure("The class folder \"" + entry.path().string() +
                                   "\" holds no images (.png, .jpg, .jpeg, .tif, .tiff, .bmp).");
    }
    if (error) return Listed::failure("Cannot list the training data folder \"" + data + "\": " + error.message() + ".");
    if (byClass.empty())
        return Listed::failure("The folder \"" + data + "\" holds no class folders: put each class's images in a "
                               "folder named after the class.");
    return fromClasses(data, std::move(byClass), 0);
}

Listed listCsv(const std::string& data) {
    std::ifstream in(data);
    if (!in) return Listed::failure("Cannot read the training data file \"" + data + "\".");
    const fs::path folder = fs::path(data).parent_path();
    std::map<std::string, std::vector<std::string>> byClass;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string trimmed = stripped(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;
        const auto comma = line.rfind(',');
        const std::string path = comma == std::string::npos ? std::string() : stripped(line.substr(0, comma));
        const std::string label = comma == std::string::npos ? std::string() : stripped(line.substr(comma + 1));
        if (number == 1 && lower(path) == "path" && lower(label) == "label") continue;
        const std::string where = "Line " + std::to_string(number) + " of \"" + data + "\"";
        if (path.empty() || label.empty()) return Listed::failure(where + " is not \"path,label\".");
        const fs::path resolved = fs::path(path).is_relative() ? folder / path : fs::path(path);
        if (!fs::is_regular_file(resolved))
            return Listed::failure(where + " names the image \"" + resolved.string() + "\", which does not exist.");
        byClass[label].push_back(resolved.string());
    }
    return fromClasses(data, std::move(byClass), 0);
}

std::mt19937_64 seeded(uint64_t seed, uint32_t a, uint32_t b) {
    std::seed_seq sequence{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32), a, b};
    return std::mt19937_64(sequence);
}

}  // namespace

Expected<LranImageSet> listLranImages(const std::string& data, int maxPerClass) {
    std::error_code error;
    if (data.empty()) return Listed::failure("No training data was given.");
    if (!fs::exists(data, error)) return Listed::failure("The training data \"" + data + "\" does not exist.");
    auto listed = fs::is_directory(data, error) ? listFolder(data) : listCsv(data);
    if (!listed || maxPerClass <= 0) return listed;
    std::map<std::string, std::vector<std::string>> byClass;
    for (size_t i = 0; i < listed->paths.size(); ++i)
        byClass[listed->classes[static_cast<size_t>(listed->labels[i])]].push_back(listed->paths[i]);
    return fromClasses(data, std::move(byClass), maxPerClass);
}

Expected<std::vector<std::vector<uint8_t>>> loadLranImages(const LranImageSet& set, int size,
                                                           const std::atomic<bool>* cancel) {
    using Loaded = Expected<std::vector<std::vector<uint8_t>>>;
    std::vector<std::vector<uint8_t>> images;
    images.reserve(set.paths.size());
    for (const std::string& path : set.paths) {
        if (cancel && cancel->load()) return Loaded::failure("Reading the training images was cancelled.");
        cv::Mat bgr;
        try {
            bgr = cv::imread(path, cv::IMREAD_COLOR);
        } catch (const cv::Exception&) {
            bgr.release();
        }
        if (bgr.empty()) return Loaded::failure("Cannot read the image \"" + path + "\": it is damaged or not an image.");
        cv::Mat rgb, resized;
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        cv::resize(rgb, resized, cv::Size(size, size), 0, 0, cv::INTER_AREA);
        images.emplace_back(resized.data, resized.data + static_cast<size_t>(size) * size * 3);
    }
    return images;
}

LranSplit splitLranImages(const std::vector<int>& labels, int classes, double holdout, uint64_t seed) {
    LranSplit split;
    for (int c = 0; c < classes; ++c) {
        std::vector<size_t> members;
        for (size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == c) members.push_back(i);
        auto random = seeded(seed, 0x5e1u, static_cast<uint32_t>(c));
        std::shuffle(members.begin(), members.end(), random);
        const long n = static_cast<long>(members.size());
        long held = 0;
        if (holdout > 0.0 && n >= 2) held = std::clamp(std::lround(holdout * double(n)), 1L, n - 1);
        split.heldOut.insert(split.heldOut.end(), members.begin(), members.begin() + held);
        split.train.insert(split.train.end(), members.begin() + held, members.end());
    }
    return split;
}

std::vector<std::vector<size_t>> balancedBatches(const std::vector<int>& labels, int classes, int batchSize,
                                                 int batches, uint64_t seed, int epoch) {
    auto random = seeded(seed, 0xba7c4u, static_cast<uint32_t>(epoch));
    std::vector<std::vector<size_t>> members(static_cast<size_t>(classes));
    for (size_t i = 0; i < labels.size(); ++i) members[static_cast<size_t>(labels[i])].push_back(i);
    std::vector<int> order;
    for (int c = 0; c < classes; ++c)
        if (!members[static_cast<size_t>(c)].empty()) order.push_back(c);
    std::shuffle(order.begin(), order.end(), random);
    std::vector<size_t> next(static_cast<size_t>(classes), 0);
    for (auto& m : members) std::shuffle(m.begin(), m.end(), random);

    std::vector<std::vector<size_t>> out(static_cast<size_t>(batches));
    size_t turn = 0;
    for (auto& batch : out) {
        for (int i = 0; i < batchSize && !order.empty(); ++i, ++turn) {
            const auto c = static_cast<size_t>(order[turn % order.size()]);
            if (next[c] == members[c].size()) {
                std::shuffle(members[c].begin(), members[c].end(), random);
                next[c] = 0;
            }
            batch.push_back(members[c][next[c]++]);
        }
    }
    return out;
}

void transformSquareRgb(std::vector<uint8_t>& rgb, int size, int code) {
    if (code == 0) return;
    cv::Mat image(size, size, CV_8UC3, rgb.data());
    cv::Mat work = image.clone();
    if (code & 1) cv::flip(work, work, 1);
    static const cv::RotateFlags turns[] = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180, cv::ROTATE_90_COUNTERCLOCKWISE};
    if (const int quarter = (code >> 1) & 3) cv::rotate(work, work, turns[quarter - 1]);
    work.copyTo(image);
}

}  // namespace slidesight::model
