// checkBundleWeights(): every weights file of a model bundle opened with the loaders the
// extraction, the classifier and LRAN use, so a bundle that passes loads everywhere.

#include "model/bundle/bundle.h"

#include "model/attention/classificationrun_torch.h"
#include "model/bundle/bundleoptions.h"
#include "model/extraction/featureextractor_torch.h"
#include "model/lran/lran_torch.h"
#include "model/nets/networkloaders_torch.h"
#include "model/nets/resnet_torch.h"
#include "model/nets/statedict_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

namespace slidesight::model {

namespace {

bool isRandom(const std::string& weights) { return weights.rfind("random:", 0) == 0; }

/// Opens the extractor's file and returns K, its feature count (512 for random ResNet weights).
Expected<int64_t> checkExtractor(const ModelBundle& bundle) {
    const BundleExtractor& e = bundle.extractor;
    if (isRandom(e.weights)) return ResNetImpl::kFeatureCount;
    const ExtractionOptions options = extractionOptionsFor(bundle);
    const auto extractor = FeatureExtractor::open(options.weights, options.architecture);
    if (!extractor)
        return Expected<int64_t>::failure("The extractor weights \"" + e.weights + "\" of the model bundle \"" +
                                          bundle.name + "\" do not load as " + e.architecture + ": " + extractor.error());
    return (*extractor)->featureCount();
}

Check checkClassifier(const ModelBundle& bundle, int64_t features) {
    if (isRandom(bundle.classifier.weights)) return true;
    const ClassificationOptions options = classificationOptionsFor(bundle);
    const auto config = classifierConfig(options, features);
    if (!config) return failure(config.error());
    const auto loaded = loadAttentionClassifier(options.classifier, *config, " (from the extractor)",
                                                "Give classifier.hidden, classifier.kernel, classifier.attention and "
                                                "the classes in model.json as the weights were trained.");
    if (!loaded) return failure(loaded.error());
    return true;
}

Check checkLran(const BundleLran& l) {
    if (isRandom(l.weights)) return true;
    const auto variant = LranConfig::parseVariant(l.network);
    if (!variant) return failure(variant.error());
    const auto dict = StateDict::read(l.weights);
    if (!dict) return failure(dict.error());
    LranConfig config;
    config.variant = *variant;
    config.classes = static_cast<int64_t>(l.classes.size());
    config.setWidths(LranConfig::widthsOf(*dict));  // torchvision's or the paper-sized network
    Lran net(config);
    const auto loaded = dict->loadInto(*net);
    if (!loaded)
        return failure("The LRAN weights \"" + l.weights + "\" do not fit " + l.network + " with " +
                               std::to_string(config.classes) + " classes (lran.network, lran.classes): " + loaded.error());
    return true;
}

}  // namespace

Check checkBundleWeights(const ModelBundle& bundle) {
    try {
        const auto features = checkExtractor(bundle);
        if (!features) return failure(features.error());
        const auto classifier = checkClassifier(bundle, *features);
        if (!classifier) return classifier;
        if (bundle.lran) return checkLran(*bundle.lran);
    } catch (const std::exception& e) {
        return failure("The weights of the model bundle \"" + bundle.name +
                               "\" cannot be loaded: " + firstLine(e));
    }
    return true;
}

}  // namespace slidesight::model
