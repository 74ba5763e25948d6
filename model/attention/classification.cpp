#include "model/attention/classification.h"

#include "model/attention/classificationrun_torch.h"
#include "model/attention/gradcam_torch.h"
#include "model/grid/gridfile_torch.h"
#include "model/common/exceptiontext.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <chrono>

namespace slidesight::model {

Check checkClassificationOptions(const ClassificationOptions& options) {
    const auto config = classifierConfig(options, 1);
    if (!config) return Check::failure(config.error());
    const auto target = GradCam::parseTarget(options.gradcamTarget);
    if (!target) return Check::failure(target.error());
    if (options.gradcamClass < -1 || options.gradcamClass >= options.classes)
        return Check::failure("Grad-CAM class " + std::to_string(options.gradcamClass) + " is out of range (the classifier has " +
                              std::to_string(options.classes) + " outputs).");
    return true;
}

Expected<ClassificationSummary> classifyGrid(const ClassificationOptions& options) {
    using Result = Expected<ClassificationSummary>;
    const auto start = std::chrono::steady_clock::now();
    if (options.outputPath.empty()) return Result::failure("No output file was given.");
    if (const Check valid = checkClassificationOptions(options); !valid) return Result::failure(valid.error());
    const auto grid = GridFile::read(options.gridPath);
    if (!grid) return Result::failure(grid.error());
    const auto config = classifierConfig(options, grid->featureCount());
    if (!config) return Result::failure(config.error());
    auto classifier = loadAttentionClassifier(options.classifier, *config, " (from the grid)",
                                              "Give --hidden, --kernel, --classes and --attention as the weights were trained.");
    if (!classifier) return Result::failure(classifier.error());

    const auto run = runClassifier(*classifier, *grid, options);
    if (!run) return Result::failure(run.error());
    ClassificationSummary s = run->summary;
    s.outputPath = options.outputPath;
    try {
        const auto written = classificationResultFile(options, *config, *grid, *run).write(options.outputPath, "the classification");
        if (!written) return Result::failure(written.error());
    } catch (const std::exception& e) {
        return Result::failure("The classification failed: " + firstLine(e));
    }
    s.seconds = secondsSince(start);
    return s;
}

}  // namespace slidesight::model
