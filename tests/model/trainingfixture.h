#pragma once

// Tiny synthetic grids for the training tests: background cells with uniform random
// features, and a distinct pattern in one cell of the positive grids (classification) or of
// a strength that follows the score (regression). Written as grid files with a manifest.

#include "model/grid/gridfile_torch.h"
#include "model/nets/resnet_torch.h"
#include "model/nets/statedict_torch.h"
#include "model/training/trainingdata_torch.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QString>

#include <torch/torch.h>

#include <string>
#include <vector>

namespace slidesight::test {

constexpr int64_t kTinyFeatures = 8;

/// Grid i of a set: 3 to 5 rows, 4 to 6 columns. `signal` > 0 puts channel 0 = 1 + 3*signal
/// and channel 1 = 0 into one cell (a pattern no background cell has: channel 1 is >= 0.5
/// there).
inline model::GridSample tinyGrid(int i, double signal) {
    torch::manual_seed(1000 + i);
    const int64_t rows = 3 + i % 3, columns = 4 + (i / 3) % 3;
    torch::Tensor features = torch::rand({kTinyFeatures, rows, columns});
    features.select(0, 1).mul_(0.5).add_(0.5);
    if (signal > 0) {
        const int64_t r = i % rows, c = (i * 7) % columns;
        features.index_put_({0, r, c}, 1.0 + 3.0 * signal);
        features.index_put_({1, r, c}, 0.0);
    }
    return {features, torch::ones({rows, columns})};
}

/// Writes `count` grids into `folder` and a manifest "path,target" (half positives for
/// classification; scores i/(count-1) for regression). Returns the manifest's path.
inline QString writeTinyManifest(const QString& folder, int count, bool classification,
                                 const std::string& extractorWeights = "random:1") {
    QFile manifest(QDir(folder).filePath(QStringLiteral("manifest.csv")));
    if (!manifest.open(QIODevice::WriteOnly)) return {};
    manifest.write("path,target\n");
    for (int i = 0; i < count; ++i) {
        const double target = classification ? (i % 2) : double(i) / double(count - 1);
        const model::GridSample sample = tinyGrid(i, classification ? target : 0.2 + target);
        model::GridFile grid;
        grid.features = sample.features;
        grid.tissue = sample.tissue;
        grid.cellSize = {448.0, 448.0};
        grid.metadata = R"({"format":"slidesight-grid","extractor":{"weights":")" + extractorWeights +
                        R"(","architecture":"resnet18"},"grid":{"target_mpp":2,"patch_size":224}})";
        const QString name = QStringLiteral("grid%1.pt").arg(i);
        if (!grid.write(QDir(folder).filePath(name).toStdString())) return {};
        manifest.write(QStringLiteral("%1,%2\n").arg(name).arg(target).toUtf8());
    }
    return manifest.fileName();
}

/// A randomly initialised ResNet-18 trunk written as a state dict: an extractor weights file
/// for bundles (trained bundles need one that is not random:SEED).
inline std::string writeExtractorWeights(const QString& folder) {
    torch::manual_seed(5);
    model::ResNet net(model::ResNetConfig::resnet18());
    const std::string path = QDir(folder).filePath(QStringLiteral("resnet18.pth")).toStdString();
    return model::StateDict::of(*net).write(path) ? path : std::string();
}

}  // namespace slidesight::test
