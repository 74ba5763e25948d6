#pragma once

#include "model/extraction/extraction.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace slidesight::cli {

/// Runs app/cli/bench/python_feature_baseline.py (built into the program as a resource): the
/// same grid extraction written plainly in Python with openslide-python and torchvision, on
/// the very cells, batch size and number of patches that a FeatureBenchmark ran.
///
/// Main thread only.
class PythonFeatureBaseline {
    Q_DECLARE_TR_FUNCTIONS(PythonFeatureBaseline)
public:
    struct Run {
        double patchesPerSecond = 0.0;
        qint64 patches = 0;
        double seconds = 0.0;
        int torchThreads = 0;
        QString torchVersion;
        QString interpreter;
    };

    /// $SLIDESIGHT_PYTHON, else /usr/bin/python3 (Debian's torch lives there), else python3.
    static QString interpreter();

    /// Runs the baseline; `threads` 0 keeps torch's default. A failure carries one sentence.
    static Expected<Run> measure(const model::FeatureBenchmark& bench, const model::ExtractionOptions& options,
                                 int threads);
};

}  // namespace slidesight::cli
