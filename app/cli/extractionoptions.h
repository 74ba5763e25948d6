#pragma once

#include "model/bundle/bundle.h"
#include "model/extraction/extraction.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

namespace slidesight::cli {

class CommandLine;

/// The options that `extract` and `bench features` share (weights, architecture, µm/px, patch
/// size, device, batch, threads, tissue handling), their help texts and their checks.
///
/// Main thread only.
class ExtractionOptionSet {
    Q_DECLARE_TR_FUNCTIONS(ExtractionOptionSet)
public:
    /// Adds the options; `defaultWeights` empty makes --weights required.
    static void add(CommandLine& cl, const QString& defaultWeights);
    /// Reads them (the slide is the first positional argument). Prints a usage error and
    /// returns nullopt when a value is wrong. With a bundle its extractor (weights,
    /// architecture, normalisation, µm/px, patch size) is used, and --weights, --arch, --mpp
    /// and --patch must not be given.
    static std::optional<model::ExtractionOptions> read(const CommandLine& cl, const model::ModelBundle* bundle = nullptr);

    /// One line for a failed extraction, with the command line's advice where it has some
    /// (--slide-mpp for a slide without µm/px).
    static QString failureMessage(const std::string& message, model::ExtractionFailure kind);
    /// The label shown for an extractor with untrained (random) weights.
    static QString untrainedLabel(const QString& extractor);
};

}  // namespace slidesight::cli
