#pragma once

// Model bundles: a folder (or a .zip of one) with a `model.json` manifest and the weights files
// it names. Plain standard types only (no Torch, no Qt): the GUI, the command line and the
// trainer share it; bundle.cpp reads and writes the manifest, bundlecheck.cpp (Torch) checks
// the weights against it.
//
// model.json (format 1), every path relative to the bundle folder:
//   {
//     "format": 1,
//     "name": "CAMELYON demo", "description": "...",
//     "task": "classification" | "regression",
//     "classes": ["normal", "tumour"],              // one name per logit; one for regression
//     "trained": true, "trained_on": "text",        // false: shown as untrained everywhere
//     "metrics": {"auc": 0.93, ...},                 // measured on held-out data, as numbers
//     "extractor": {"architecture": "resnet34", "weights": "extractor.pth" | "random:SEED",
//                   "mean": [3], "std": [3], "mpp": 2.0, "patch_size": 224},
//     "classifier": {"weights": "classifier.pt" | "random:SEED", "attention": "max+min",
//                    "hidden": 64, "kernel": 3, "nonlinearity": "relu",
//                    "gradcam_target": "grid", "gradcam_centred": true,
//                    "gradcam_class": "tumour",                  // optional; default: the predicted
//                    "conv_padding": "zeros" | "centre", "input_scale": 1.0, "tissue_only": false},
//     "lran": {"network": "lran" | "ran", "weights": "lran.pt" | "random:SEED",
//              "classes": ["Normal", "Benign", "In situ", "Invasive"],
//              "mpp": 2.0, "patch_size": 256}           // optional
//   }

#include "viewer/common/expected.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace slidesight::model {

/// The patch feature extractor of a bundle (spec, "Grid-based feature extraction").
struct BundleExtractor {
    std::string architecture = "resnet34";  ///< resnet34, resnet18 or torchscript
    std::string weights = "random:1";       ///< absolute path once loaded, or random:SEED
    std::array<double, 3> mean{0.485, 0.456, 0.406};
    std::array<double, 3> std{0.229, 0.224, 0.225};
    double mpp = 2.0;                       ///< target µm/px of the grid
    int patchSize = 224;
};

/// The attention classifier of a bundle (spec, "Attention-based classifier").
struct BundleClassifier {
    std::string weights = "random:1";  ///< absolute path once loaded, or random:SEED
    std::string attention = "max+min";
    int64_t hidden = 64;
    int64_t kernel = 3;
    std::string nonlinearity = "relu";
    /// The Grad-CAM target of the bundle's gradcam layer: "grid" (G, the default of bundles:
    /// on G' every weight is zero by the softmax's shift invariance) or "gprime".
    std::string gradcamTarget = "grid";
    /// On G, the weighted sum over the channel-centred grid (false: the raw sum; spec, "Grad-CAM").
    bool gradcamCentred = true;
    /// The class the gradcam layer explains, by name (one of the bundle's classes); empty: the
    /// predicted class. A detector's bundle names the class it looks for, so that its map shows
    /// the evidence for it on every slide, also on one it calls negative.
    std::string gradcamClass;
    /// The 3DCL's padding the classifier was trained with: "zeros" (the paper's) or "centre".
    std::string convPadding = "zeros";
    /// G's factor before the classifier, as it was trained (AttentionClassifierConfig::inputScale).
    double inputScale = 1.0;
    bool tissueOnly = false;
};

/// The optional LRAN (or RAN) patch classifier of a bundle (spec, "LRAN").
struct BundleLran {
    std::string network = "lran";      ///< lran or ran
    std::string weights = "random:1";  ///< absolute path once loaded, or random:SEED
    std::vector<std::string> classes{"Normal", "Benign", "In situ", "Invasive"};
    double mpp = 2.0;
    int patchSize = 256;
};

struct ModelBundle {
    std::string path;                  ///< the folder (or .zip) it was read from
    std::string folder;                ///< where its files are (a .zip is unpacked to a cache folder)
    std::string notice;                ///< what reading it had to repair (a damaged unpacked copy), or ""
    std::string name;
    std::string description;
    std::string task = "classification";  ///< classification or regression
    std::vector<std::string> classes{"negative", "positive"};
    /// The classifier was trained, on the features of this bundle's extractor: a trained
    /// network or a seeded, untrained one (extractor.weights random:SEED, see
    /// bundleExtractorTrained). False whenever the classifier's weights are random:SEED.
    bool trained = false;
    std::string trainedOn;
    std::map<std::string, double> metrics;
    BundleExtractor extractor;
    BundleClassifier classifier;
    std::optional<BundleLran> lran;

    /// C: the classifier's logits (1 for regression).
    int64_t classCount() const { return task == "regression" ? 1 : static_cast<int64_t>(classes.size()); }
};

/// Reads `path` (a bundle folder, a .zip of one, or a model.json) and checks the manifest:
/// format, task, names, sizes, that every named file exists. Classifier weights given as
/// random:SEED make the bundle untrained whatever the manifest says. Fails with one sentence naming the field or
/// file. A weights path that leaves the bundle folder (absolute, or with "..") is refused.
/// Does not open the weights (see checkBundleWeights).
Expected<ModelBundle> readBundle(const std::string& path);

/// Loads every weights file of the bundle and checks that its tensors have the shapes the
/// manifest implies (architecture, H, n, K, C, LRAN classes). Fails with one sentence naming
/// the file and the first mismatching tensor with both shapes. Torch; may take a second.
Expected<bool> checkBundleWeights(const ModelBundle& bundle);

/// Whether the extractor has weights of its own (not random:SEED). A classifier trained on a
/// seeded, untrained extractor's features is still a trained classifier.
bool bundleExtractorTrained(const ModelBundle& bundle);
/// Whether the bundle has an LRAN with weights of its own (not random:SEED).
bool bundleLranTrained(const ModelBundle& bundle);

/// Whether any of the bundle's networks has random:SEED (untrained) weights.
bool bundleHasRandomWeights(const ModelBundle& bundle);

/// Writes `bundle`'s manifest to `folder`/model.json atomically (paths under `folder` are
/// written relative). The weights files must already be there, inside `folder`: weights
/// elsewhere are refused, so that a bundle is whole wherever it is copied. Returns the
/// manifest's path.
Expected<std::string> writeBundleManifest(const ModelBundle& bundle, const std::string& folder);

/// What `slidesight-cli bundle create` makes: an untrained bundle, for trying the pipeline out.
struct UntrainedBundleOptions {
    std::string folder;
    std::string task = "classification";
    std::vector<std::string> classes{"negative", "positive"};  ///< one name for regression
    uint64_t seed = 1;                 ///< extractor random:SEED, classifier SEED+1, LRAN SEED+2
    std::string architecture = "resnet34";
    std::string attention = "max+min";
    int64_t hidden = 64;
    bool lran = false;
    /// false: the manifest says random:SEED; true: randomly initialised weights files written
    /// with the project's writers (extractor.pth, classifier.pt, lran.pt), which the loaders
    /// then read like trained ones. Either way the bundle is named and marked untrained.
    bool writeWeights = false;
};

/// Writes an untrained bundle into options.folder (created if needed) and returns it as
/// readBundle() reads it back. Torch (for the weights files). Fails with one sentence.
Expected<ModelBundle> createUntrainedBundle(const UntrainedBundleOptions& options);

}  // namespace slidesight::model
