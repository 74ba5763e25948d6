#pragma once

// The Python-written attention-classifier fixture (write_attention_fixture.py) that
// tst_attentionclassifier and tst_gradcam compare against, and classifiers with seeded random
// weights.

#include "model/attention/attentionclassifier_torch.h"
#include "model/nets/statedict_torch.h"

#include "pythontorch.h"

#include <QtCore/QString>
#include <QtCore/QTemporaryDir>

#include <cstdint>

namespace slidesight::test {

/// An attention classifier with seeded random weights, in evaluation mode.
inline model::AttentionClassifier makeClassifier(model::AttentionClassifierConfig config, uint64_t seed) {
    torch::manual_seed(seed);
    model::AttentionClassifier model(config);
    model->eval();
    return model;
}

struct AttentionFixture {
    model::AttentionClassifier model{nullptr};  ///< K = 16, H = 4, n = 3, C = 3 with Python's weights
    model::StateDict io;                         ///< the script's inputs and expected outputs
    QString error;                               ///< why it could not be made
};

/// Runs the script with `python` into `dir` and loads its output.
inline AttentionFixture loadAttentionFixture(const QString& python, const QTemporaryDir& dir) {
    AttentionFixture fixture;
    fixture.error = runPython(python, {QStringLiteral(SLIDESIGHT_MODEL_TEST_DIR "/write_attention_fixture.py"), dir.path()});
    if (!fixture.error.isEmpty()) return fixture;
    const auto weights = model::StateDict::read(dir.filePath(QStringLiteral("weights.pt")).toStdString());
    const auto io = model::StateDict::read(dir.filePath(QStringLiteral("io.pt")).toStdString());
    if (!weights || !io) {
        fixture.error = QString::fromStdString(weights ? io.error() : weights.error());
        return fixture;
    }
    model::AttentionClassifierConfig config;
    config.features = 16;
    config.hidden = 4;
    config.outputs = 3;
    fixture.model = model::AttentionClassifier(config);
    const auto loaded = weights->loadInto(*fixture.model);
    if (!loaded) fixture.error = QString::fromStdString(loaded.error());
    fixture.io = *io;
    return fixture;
}

}  // namespace slidesight::test
