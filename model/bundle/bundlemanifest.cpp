#include "model/bundle/bundlemanifest.h"

#include "model/common/weightsorigin.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <set>
#include <sstream>

namespace slidesight::model {

namespace {

using Json = nlohmann::json;

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string oneOf(std::initializer_list<const char*> names) {
    std::string text;
    size_t i = 0;
    for (const char* name : names) text += (i++ ? (i == names.size() ? " or " : ", ") : "") + quoted(name);
    return text;
}

bool contains(std::initializer_list<const char*> names, const std::string& value) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return value == n; });
}

std::string number(double value) {
    std::ostringstream s;
    s << value;
    return s.str();
}

/// Reads the fields of one JSON object, keeping the first problem as a sentence fragment.
class Fields {
public:
    Fields(const Json& object, std::string prefix, std::string& problem)
        : object_(object), prefix_(std::move(prefix)), problem_(problem) {}

    bool ok() const { return problem_.empty(); }

    const Json* find(const char* key, bool required) {
        if (!ok()) return nullptr;
        const auto it = object_.find(key);
        if (it == object_.end()) {
            if (required) problem_ = "the field " + name(key) + " is missing";
            return nullptr;
        }
        return &*it;
    }
    void string(const char* key, std::string& out, bool required) {
        if (const Json* v = find(key, required)) {
            if (v->is_string()) out = v->get<std::string>();
            else wrongType(key, "a string");
        }
    }
    void number(const char* key, double& out, bool required) {
        if (const Json* v = find(key, required)) {
            if (v->is_number()) out = v->get<double>();
            else wrongType(key, "a number");
        }
    }
    template <typename Int>
    void integer(const char* key, Int& out, bool required) {
        if (const Json* v = find(key, required)) {
            if (v->is_number_integer()) out = static_cast<Int>(v->get<int64_t>());
            else wrongType(key, "a whole number");
        }
    }
    void boolean(const char* key, bool& out, bool required) {
        if (const Json* v = find(key, required)) {
            if (v->is_boolean()) out = v->get<bool>();
            else wrongType(key, "true or false");
        }
    }
    void strings(const char* key, std::vector<std::string>& out, bool required) {
        if (const Json* v = find(key, required)) {
            if (!v->is_array() || !std::all_of(v->begin(), v->end(), [](const Json& e) { return e.is_string(); }))
                return wrongType(key, "a list of strings");
            out.clear();
            for (const auto& e : *v) out.push_back(e.get<std::string>());
        }
    }
    void triple(const char* key, std::array<double, 3>& out) {
        if (const Json* v = find(key, false)) {
            if (!v->is_array() || v->size() != 3 || !std::all_of(v->begin(), v->end(), [](const Json& e) { return e.is_number(); }))
                return wrongType(key, "a list of 3 numbers (R, G, B)");
            for (size_t i = 0; i < 3; ++i) out[i] = (*v)[i].get<double>();
        }
    }
    const Json* object(const char* key, bool required) {
        const Json* v = find(key, required);
        if (v && !v->is_object()) {
            wrongType(key, "an object");
            return nullptr;
        }
        return v;
    }
    /// Refuses fields other than `known`.
    void onlyKnown(std::initializer_list<const char*> known) {
        if (!ok()) return;
        for (auto it = object_.begin(); it != object_.end(); ++it)
            if (!contains(known, it.key())) {
                problem_ = "the field " + name(it.key()) + " is unknown (the fields there are " + oneOf(known) + ")";
                return;
            }
    }

private:
    std::string name(const std::string& key) const { return prefix_ + key; }
    void wrongType(const char* key, const char* expected) { problem_ = name(key) + " must be " + expected; }

    const Json& object_;
    std::string prefix_;
    std::string& problem_;
};

void readExtractor(const Json& json, BundleExtractor& e, std::string& problem) {
    Fields f(json, "extractor.", problem);
    f.onlyKnown({"architecture", "weights", "mean", "std", "mpp", "patch_size"});
    f.string("architecture", e.architecture, false);
    f.string("weights", e.weights, true);
    f.triple("mean", e.mean);
    f.triple("std", e.std);
    f.number("mpp", e.mpp, false);
    f.integer("patch_size", e.patchSize, false);
}

void readClassifier(const Json& json, BundleClassifier& c, std::string& problem) {
    Fields f(json, "classifier.", problem);
    f.onlyKnown({"weights", "attention", "hidden", "kernel", "nonlinearity", "gradcam_target", "gradcam_centred",
                 "gradcam_class", "conv_padding", "input_scale", "tissue_only"});
    f.string("weights", c.weights, true);
    f.string("attention", c.attention, false);
    f.integer("hidden", c.hidden, false);
    f.integer("kernel", c.kernel, false);
    f.string("nonlinearity", c.nonlinearity, false);
    f.string("gradcam_target", c.gradcamTarget, false);
    f.boolean("gradcam_centred", c.gradcamCentred, false);
    f.string("gradcam_class", c.gradcamClass, false);
    f.string("conv_padding", c.convPadding, false);
    f.number("input_scale", c.inputScale, false);
    f.boolean("tissue_only", c.tissueOnly, false);
}

void readLran(const Json& json, BundleLran& l, std::string& problem) {
    Fields f(json, "lran.", problem);
    f.onlyKnown({"network", "weights", "classes", "mpp", "patch_size"});
    f.string("network", l.network, false);
    f.string("weights", l.weights, true);
    f.strings("classes", l.classes, false);
    f.number("mpp", l.mpp, false);
    f.integer("patch_size", l.patchSize, false);
}

Check checkWeights(const std::string& weights, const std::string& field) {
    if (weights.empty()) return Check::failure(field + " is empty (give a file in the bundle or random:SEED)");
    const auto seed = randomWeightsSeed(weights);
    if (!seed)
        return Check::failure(field + " is " + quoted(weights) + ", which is not random:SEED with a non-negative whole number");
    return true;
}

Check checkClasses(const std::vector<std::string>& classes, const std::string& field) {
    std::set<std::string> seen;
    for (const auto& c : classes) {
        if (c.empty()) return Check::failure(field + " has an empty class name");
        if (!seen.insert(c).second) return Check::failure(field + " names the class " + quoted(c) + " twice");
    }
    return true;
}

bool positive(double value) { return std::isfinite(value) && value > 0.0; }

Check checkFields(const ModelBundle& b) {
    if (!contains({"classification", "regression"}, b.task))
        return Check::failure("task is " + quoted(b.task) + ", which is unknown (use " + oneOf({"classification", "regression"}) + ")");
    if (b.classes.empty()) return Check::failure("classes is empty (give one name per output)");
    if (b.task == "classification" && b.classes.size() < 2)
        return Check::failure("classes has " + std::to_string(b.classes.size()) + " name, but a classification needs at least 2");
    if (b.task == "regression" && b.classes.size() != 1)
        return Check::failure("classes has " + std::to_string(b.classes.size()) + " names, but a regression has exactly 1 output");
    if (auto p = checkClasses(b.classes, "classes"); !p) return p;
    for (const auto& [key, value] : b.metrics)
        if (!std::isfinite(value)) return Check::failure("metrics." + key + " is not a finite number");

    const BundleExtractor& e = b.extractor;
    if (!contains({"resnet34", "resnet18", "torchscript"}, e.architecture))
        return Check::failure("extractor.architecture is " + quoted(e.architecture) + ", which is unknown (use " +
                              oneOf({"resnet34", "resnet18", "torchscript"}) + ")");
    if (auto p = checkWeights(e.weights, "extractor.weights"); !p) return p;
    if (e.architecture == "torchscript" && e.weights.rfind("random:", 0) == 0)
        return Check::failure("extractor.weights is random:SEED, which needs the architecture resnet34 or resnet18, not torchscript");
    for (size_t i = 0; i < 3; ++i) {
        if (!std::isfinite(e.mean[i]))
            return Check::failure("extractor.mean[" + std::to_string(i) + "] is not a finite number");
        if (!positive(e.std[i]))
            return Check::failure("extractor.std[" + std::to_string(i) + "] is " + number(e.std[i]) + ", but it must be above 0");
    }
    if (!positive(e.mpp))
        return Check::failure("extractor.mpp is " + number(e.mpp) + ", but the grid's µm/px must be above 0");
    if (e.patchSize < 32 || e.patchSize > 4096)
        return Check::failure("extractor.patch_size is " + std::to_string(e.patchSize) + ", but it must be from 32 to 4096 pixels");

    const BundleClassifier& c = b.classifier;
    if (auto p = checkWeights(c.weights, "classifier.weights"); !p) return p;
    if (!contains({"max+min", "max", "min", "avg", "avg+max"}, c.attention))
        return Check::failure("classifier.attention is " + quoted(c.attention) + ", which is unknown (use " +
                              oneOf({"max+min", "max", "min", "avg", "avg+max"}) + ")");
    if (c.hidden < 1 || c.hidden > 4096)
        return Check::failure("classifier.hidden is " + std::to_string(c.hidden) + ", but H must be from 1 to 4096");
    if (c.kernel < 1 || c.kernel > 31 || c.kernel % 2 == 0)
        return Check::failure("classifier.kernel is " + std::to_string(c.kernel) + ", but the n x n kernel must be odd, from 1 to 31");
    if (!contains({"relu", "tanh", "none"}, c.nonlinearity))
        return Check::failure("classifier.nonlinearity is " + quoted(c.nonlinearity) + ", which is unknown (use " +
                              oneOf({"relu", "tanh", "none"}) + ")");
    if (!contains({"grid", "gprime"}, c.gradcamTarget))
        return Check::failure("classifier.gradcam_target is " + quoted(c.gradcamTarget) + ", which is unknown (use " +
                              oneOf({"grid", "gprime"}) + ")");
    if (!c.gradcamClass.empty() && (b.task == "regression" || std::find(b.classes.begin(), b.classes.end(),
                                                                          c.gradcamClass) == b.classes.end()))
        return Check::failure("classifier.gradcam_class is " + quoted(c.gradcamClass) + ", which is not one of the bundle's classes");
    if (!contains({"zeros", "centre"}, c.convPadding))
        return Check::failure("classifier.conv_padding is " + quoted(c.convPadding) + ", which is unknown (use " +
                              oneOf({"zeros", "centre"}) + ")");
    if (!positive(c.inputScale))
        return Check::failure("classifier.input_scale is " + number(c.inputScale) + ", but it must be above 0");

    if (!b.lran) return true;
    const BundleLran& l = *b.lran;
    if (!contains({"lran", "ran"}, l.network))
        return Check::failure("lran.network is " + quoted(l.network) + ", which is unknown (use " + oneOf({"lran", "ran"}) + ")");
    if (auto p = checkWeights(l.weights, "lran.weights"); !p) return p;
    if (l.classes.size() < 2)
        return Check::failure("lran.classes has " + std::to_string(l.classes.size()) + " names, but LRAN needs at least 2");
    if (auto p = checkClasses(l.classes, "lran.classes"); !p) return p;
    if (!positive(l.mpp))
        return Check::failure("lran.mpp is " + number(l.mpp) + ", but the patches' µm/px must be above 0");
    if (l.patchSize < 64 || l.patchSize > 4096 || l.patchSize % 32 != 0)
        return Check::failure("lran.patch_size is " + std::to_string(l.patchSize) + ", but it must be a multiple of 32 from 64 to 4096");
    return true;
}

}  // namespace

Check checkBundleManifest(const ModelBundle& bundle) {
    const Check valid = checkFields(bundle);
    if (!valid) return Check::failure("The model bundle is invalid: " + valid.error() + ".");
    return true;
}

Expected<ModelBundle> parseBundleManifest(const Json& json, const std::string& manifest) {
    using Result = Expected<ModelBundle>;
    auto fail = [&](const std::string& problem) {
        return Result::failure("The model bundle manifest \"" + manifest + "\" is invalid: " + problem + ".");
    };
    if (!json.is_object()) return fail("it must be a JSON object");
    const auto format = json.find("format");
    if (format == json.end()) return fail("the field format is missing");
    if (!format->is_number_integer() || format->get<int64_t>() != kBundleFormat)
        return fail("format is " + format->dump() + ", but this version of SlideSight reads format " +
                    std::to_string(kBundleFormat));

    ModelBundle b;
    std::string problem;
    Fields f(json, "", problem);
    f.onlyKnown({"format", "name", "description", "task", "classes", "trained", "trained_on", "metrics", "extractor",
                 "classifier", "lran"});
    f.string("name", b.name, true);
    f.string("description", b.description, false);
    f.string("task", b.task, true);
    f.strings("classes", b.classes, true);
    f.boolean("trained", b.trained, false);
    f.string("trained_on", b.trainedOn, false);
    if (const Json* metrics = f.object("metrics", false)) {
        for (auto it = metrics->begin(); it != metrics->end(); ++it) {
            if (!it->is_number()) return fail("metrics." + it.key() + " must be a number");
            b.metrics[it.key()] = it->get<double>();
        }
    }
    if (const Json* extractor = f.object("extractor", true)) readExtractor(*extractor, b.extractor, problem);
    if (const Json* classifier = f.object("classifier", true)) readClassifier(*classifier, b.classifier, problem);
    if (const Json* lran = f.object("lran", false)) {
        b.lran = BundleLran{};
        readLran(*lran, *b.lran, problem);
    }
    if (!problem.empty()) return fail(problem);
    if (b.name.empty()) return fail("name is empty");
    if (const Check valid = checkFields(b); !valid) return fail(valid.error());
    return b;
}

}  // namespace slidesight::model
