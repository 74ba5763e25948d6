#include "model/training/trainingmanifest.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>

namespace slidesight::model {

namespace {

using Manifest = Expected<TrainingManifest>;

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    std::string out = text.substr(first, last - first + 1);
    if (out.size() >= 2 && out.front() == '"' && out.back() == '"') out = out.substr(1, out.size() - 2);
    return out;
}

std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        if (c == ',' && !quoted) {
            fields.push_back(trim(field));
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(trim(field));
    return fields;
}

bool parseNumber(const std::string& text, double& value) {
    if (text.empty()) return false;
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    in >> value;
    return !in.fail() && in.eof() && std::isfinite(value);
}

bool isGridPath(const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    return extension == ".pt" || extension == ".pth";
}

}  // namespace

Expected<TrainingManifest> TrainingManifest::read(const std::string& path, const std::string& task) {
    if (task != "classification" && task != "regression")
        return Manifest::failure("Unknown task \"" + task + "\": use classification or regression.");
    std::ifstream in(path);
    if (!in) return Manifest::failure("Cannot read the manifest \"" + path + "\".");
    TrainingManifest manifest;
    manifest.path = path;
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    std::string line;
    int lineNumber = 0;
    int withFold = 0;
    bool firstLine = true;
    while (std::getline(in, line)) {
        ++lineNumber;
        const std::string trimmed = trim(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;
        const std::vector<std::string> fields = splitFields(line);
        const std::string where = "Line " + std::to_string(lineNumber) + " of the manifest \"" + path + "\"";
        double target = 0.0;
        const bool header = firstLine;
        firstLine = false;
        if (fields.size() < 2 || !parseNumber(fields[1], target)) {
            if (header && fields.size() >= 2) continue;
            return Manifest::failure(where + " is not \"path," + (task == "regression" ? "score" : "label") +
                                     "[,fold]\".");
        }
        if (fields.size() > 3) return Manifest::failure(where + " has more than three fields.");
        if (fields[0].empty()) return Manifest::failure(where + " names no file.");
        if (task == "classification" && target != 0.0 && target != 1.0)
            return Manifest::failure(where + " has the label " + fields[1] + "; classification labels are 0 or 1.");
        ManifestItem item;
        const std::filesystem::path file(fields[0]);
        item.path = (file.is_absolute() ? file : folder / file).lexically_normal().string();
        item.target = target;
        item.isGrid = isGridPath(item.path);
        if (fields.size() == 3 && !fields[2].empty()) {
            double fold = 0.0;
            if (!parseNumber(fields[2], fold) || fold < 0 || fold != std::floor(fold))
                return Manifest::failure(where + " has the fold \"" + fields[2] + "\"; folds are 0, 1, 2, ...");
            item.fold = static_cast<int>(fold);
            ++withFold;
        }
        if (!std::filesystem::exists(item.path))
            return Manifest::failure(where + " names \"" + item.path + "\", which does not exist.");
        manifest.items.push_back(item);
    }
    if (manifest.items.empty()) return Manifest::failure("The manifest \"" + path + "\" lists no slide.");
    if (withFold != 0 && withFold != static_cast<int>(manifest.items.size()))
        return Manifest::failure("The manifest \"" + path + "\" gives a fold on some lines only: give it on all or none.");
    manifest.hasFolds = withFold != 0;
    return manifest;
}

Expected<std::vector<int>> TrainingManifest::assignFolds(int folds, uint64_t seed, const std::string& task) const {
    using Folds = Expected<std::vector<int>>;
    if (folds < 2) return Folds::failure("Cross-validation needs at least 2 folds.");
    std::vector<int> assigned(items.size(), 0);
    if (hasFolds) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].fold >= folds)
                return Folds::failure("The manifest gives fold " + std::to_string(items[i].fold) + " for \"" +
                                      items[i].path + "\", but there are " + std::to_string(folds) + " folds.");
            assigned[i] = items[i].fold;
        }
    } else {
        std::mt19937_64 random(seed);
        std::vector<std::size_t> order(items.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        if (task == "classification") {
            int next = 0;
            for (const double label : {0.0, 1.0}) {
                std::vector<std::size_t> members;
                for (const std::size_t i : order)
                    if (items[i].target == label) members.push_back(i);
                std::shuffle(members.begin(), members.end(), random);
                for (const std::size_t i : members) assigned[i] = next++ % folds;
            }
        } else {
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return items[a].target < items[b].target; });
            std::vector<int> slots(static_cast<std::size_t>(folds));
            for (std::size_t start = 0; start < order.size(); start += static_cast<std::size_t>(folds)) {
                std::iota(slots.begin(), slots.end(), 0);
                std::shuffle(slots.begin(), slots.end(), random);
                for (std::size_t k = 0; k < slots.size() && start + k < order.size(); ++k)
                    assigned[order[start + k]] = slots[k];
            }
        }
    }
    for (int f = 0; f < folds; ++f)
        if (std::find(assigned.begin(), assigned.end(), f) == assigned.end())
            return Folds::failure("Fold " + std::to_string(f) + " of " + std::to_string(folds) +
                                  " holds no slide: the manifest has too few slides for that many folds.");
    return assigned;
}

}  // namespace slidesight::model
