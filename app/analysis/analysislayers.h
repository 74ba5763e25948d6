#pragma once

#include "model/analysis/analysis.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace slidesight {

class LayerStack;

/// Turns an analysis result into heatmap layers with stable ids: `tissue`, `attention-max`,
/// `attention-min`, `attention-avg` (the bundle's attention sets) and `gradcam`.
///
/// GUI thread only.
namespace AnalysisLayers {

/// Every id an analysis can give, bottom first.
QStringList ids();
/// The translated name of a layer id ("Max attention").
QString displayName(const QString& id);
/// Where the result's maps lie on the slide.
GridGeometry geometry(const model::AnalysisResult& result);
/// Replaces the stack's analysis layers by the result's: tissue hidden (gray, threshold 0.5),
/// attention viridis on the channel mean, Grad-CAM inferno; opacity 0.5; the model's layers
/// flagged untrained when the extractor or the classifier was never trained.
void install(LayerStack& stack, const model::AnalysisResult& result);
/// Whether any visible layer of the stack comes from a model that was never trained.
bool anyUntrainedVisible(const LayerStack& stack);

/// A layer named on the command line: an id and, for multi-channel layers, a channel.
struct Request {
    QString id;
    std::optional<ChannelSelection> channel;
};
/// Parses "attention-max:7,gradcam" naming layers among `known` (by default the analysis
/// layers); a failure is one sentence.
Expected<QList<Request>> parseRequests(const QString& text, const QStringList& known = ids());
/// Shows exactly the requested layers (every other layer hidden), heatmaps and the agreement
/// at `opacity`, annotations as they are; fails with one sentence, changing nothing, when a
/// requested layer or channel is not in the stack.
Expected<bool> showOnly(LayerStack& stack, const QList<Request>& requests, double opacity);

}  // namespace AnalysisLayers

}  // namespace slidesight
