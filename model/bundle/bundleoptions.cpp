#include "model/bundle/bundleoptions.h"

#include <algorithm>

namespace slidesight::model {

ExtractionOptions extractionOptionsFor(const ModelBundle& bundle) {
    const BundleExtractor& e = bundle.extractor;
    ExtractionOptions o;
    o.weights = e.weights;
    o.architecture = e.architecture == "torchscript" ? std::string("resnet34") : e.architecture;
    o.grid.targetMpp = e.mpp;
    o.grid.patchSize = e.patchSize;
    for (size_t i = 0; i < 3; ++i) {
        o.normalisation.mean[i] = static_cast<float>(e.mean[i]);
        o.normalisation.std[i] = static_cast<float>(e.std[i]);
    }
    return o;
}

ClassificationOptions classificationOptionsFor(const ModelBundle& bundle) {
    const BundleClassifier& c = bundle.classifier;
    ClassificationOptions o;
    o.classifier = c.weights;
    o.attention = c.attention;
    o.hidden = c.hidden;
    o.kernel = c.kernel;
    o.nonlinearity = c.nonlinearity;
    o.classes = bundle.classCount();
    const auto named = std::find(bundle.classes.begin(), bundle.classes.end(), c.gradcamClass);
    o.gradcamClass = c.gradcamClass.empty() || named == bundle.classes.end() ? -1 : named - bundle.classes.begin();
    o.gradcamTarget = c.gradcamTarget;
    o.gradcamCentred = c.gradcamCentred;
    o.convPadding = c.convPadding;
    o.inputScale = c.inputScale;
    o.tissueOnly = c.tissueOnly;
    o.bundle = bundle.name + " (" + bundle.path + ")";
    return o;
}

}  // namespace slidesight::model
