#pragma once

#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <atomic>
#include <functional>

namespace slidesight::cli {

/// `demo build`: a teaching task with exact ground truth, made from the real slides of the
/// test data. Mosaic slides are assembled from pieces of real tissue (cmu-1-small-region.svs
/// everywhere; in positive slides, a blob-shaped region of tcga-cr-7395 tissue, written as ASAP
/// XML). Features come from a seeded ResNet-34 (labelled untrained) unless weights are given;
/// the attention classifier is trained on the training mosaics (k-fold cross-validation, the
/// best run kept), an LRAN on patches of both tissues; the held-out mosaics measure slide AUC
/// and the agreement of the max-attention and Grad-CAM maps with the region (cell AUC).
///
/// The folder it writes: demo.json (the index `slidesight --demo` reads), bundle/ (model.json,
/// classifier.pt, lran.pt), train/ and test/ (mosaics and their ASAP XML), report.json and
/// report.md, work/ (checkpoints, patches, the grid cache).
struct DemoOptions {
    QString dataFolder;   ///< the test data (slides/cmu-1-small-region.svs, slides/tcga-cr-7395-01a-01-ts1.svs)
    QString folder;       ///< where to build
    int trainSlides = 24;  ///< half of them positive
    int testSlides = 16;
    int columns = 10, rows = 8;  ///< mosaic size in analysis cells (448 µm at 2 µm/px, p = 224)
    double positiveMpp = 0.5;    ///< assumed µm/px of tcga-cr-7395, which records none
    double mosaicMpp = 1.0;
    QString extractorWeights = QStringLiteral("random:7");
    int folds = 4, inits = 2, epochs = 100, batch = 4;
    /// Adam's rate (x0.1 for the last 30% of the epochs), on features scaled by 1 / their mean
    /// over the training mosaics: the seeded extractor's features are about 50 times a trained
    /// ResNet's, which saturated every score (exactly 0 or 1) with the paper's SGD. Adam at
    /// 1e-4 is the paper's optimiser for its regression task.
    double learningRate = 1e-4;
    int lranPatchesPerClass = 40;
    int lranEpochs = 6;
    int threads = 0;   ///< Torch threads; 0: all cores
    quint64 seed = 2026;
};

/// What the build measured; also written as report.json.
struct DemoReport {
    QJsonObject json;
    QString markdown;
    QString indexPath;  ///< demo.json
};

class DemoBuilder {
    Q_DECLARE_TR_FUNCTIONS(DemoBuilder)
public:
    /// Called with what is being done and the fraction of the whole build done so far.
    using Progress = std::function<void(const QString& stage, double fraction)>;

    /// Builds the demo; fails with one sentence (data missing, a slide unreadable, a step
    /// failing, cancelled). Files of a failed build may stay in the folder; a later build
    /// overwrites them (results are written atomically).
    static Expected<DemoReport> build(const DemoOptions& options, const Progress& progress,
                                      const std::atomic<bool>* cancel = nullptr);
};

}  // namespace slidesight::cli
