#include "app/analysis/analysislayers.h"

#include "model/analysis/layerids.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QCoreApplication>

#include <memory>

namespace slidesight::AnalysisLayers {

namespace {

// The context lupdate gives tr() calls in this namespace.
const char* const kContext = "slidesight::AnalysisLayers";

QString tr(const char* text) { return QCoreApplication::translate(kContext, text); }

constexpr double kDefaultOpacity = 0.5;

DisplaySettings defaultDisplay(const QString& id) {
    DisplaySettings d;
    if (id == QLatin1String(model::layerid::kTissue)) {
        d.colormap = Colormap::Gray;
        d.normalisation = Normalisation::Raw;
        d.rawLow = 0.0;
        d.rawHigh = 1.0;
        d.threshold = 0.5;
    } else if (id == QLatin1String(model::layerid::kGradCam)) {
        d.colormap = Colormap::Inferno;
        d.normalisation = Normalisation::MinMax;
    } else {
        d.colormap = Colormap::Viridis;
        d.normalisation = Normalisation::MinMax;
    }
    return d;
}

}  // namespace

QStringList ids() {
    return {QString::fromLatin1(model::layerid::kTissue), QString::fromLatin1(model::layerid::kAttentionMax), QString::fromLatin1(model::layerid::kAttentionMin),
            QString::fromLatin1(model::layerid::kAttentionAvg), QString::fromLatin1(model::layerid::kGradCam)};
}

QString displayName(const QString& id) {
    if (id == QLatin1String(model::layerid::kTissue)) return tr("Tissue");
    if (id == QLatin1String(model::layerid::kAttentionMax)) return tr("Max attention");
    if (id == QLatin1String(model::layerid::kAttentionMin)) return tr("Min attention");
    if (id == QLatin1String(model::layerid::kAttentionAvg)) return tr("Average attention");
    if (id == QLatin1String(model::layerid::kGradCam)) return tr("Grad-CAM");
    return id;
}

GridGeometry geometry(const model::AnalysisResult& result) {
    GridGeometry g;
    g.origin = QPointF(result.originX, result.originY);
    g.cellSize = QSizeF(result.cellWidth, result.cellHeight);
    g.rows = result.rows;
    g.columns = result.columns;
    return g;
}

void install(LayerStack& stack, const model::AnalysisResult& result) {
    for (const QString& id : ids()) stack.removeLayer(id);
    const GridGeometry grid = geometry(result);
    const bool modelUntrained = !result.classifierMeaningful();
    const qsizetype cells = qsizetype(result.rows) * result.columns;
    // One map is shown at first (the first attention set: max for the paper's variants) so
    // that the slide is not buried under several half-transparent layers; the others are in
    // the layer panel.
    bool attentionShown = false;
    for (const QString& id : ids()) {
        const model::AnalysisMap* map = result.map(id.toStdString());
        if (!map || map->channels <= 0 || qsizetype(map->values.size()) != cells * map->channels) continue;
        auto data = std::make_shared<const GridData>(grid, map->channels, map->values,
                                                     QString::fromStdString(map->units));
        auto* layer = new HeatmapLayer(id, displayName(id), std::move(data), defaultDisplay(id));
        if (map->channels > 1) layer->setChannel(ChannelSelection::mean());
        layer->setUntrained(id != QLatin1String(model::layerid::kTissue) && modelUntrained);
        if (map->degenerate)
            layer->setNotice(id == QLatin1String(model::layerid::kGradCam) && result.gradcamTarget == "gprime"
                                 ? tr("Grad-CAM on G' is degenerate: its weights vanish by construction (the "
                                      "softmax ignores a constant added to a channel). Use the grid target G.")
                                 : tr("This map is degenerate: its weights are at rounding level, so its values "
                                      "are noise and are not shown."));
        layer->setOpacity(kDefaultOpacity);
        const bool show = !attentionShown && id.startsWith(QLatin1String("attention-"));
        attentionShown = attentionShown || show;
        layer->setVisible(show);
        stack.addLayer(layer);
    }
}

bool anyUntrainedVisible(const LayerStack& stack) {
    for (int row = 0; row < stack.count(); ++row) {
        const auto* heatmap = qobject_cast<const HeatmapLayer*>(stack.layerAt(row));
        if (heatmap && heatmap->isVisible() && heatmap->isUntrained()) return true;
    }
    return false;
}

Expected<QList<Request>> parseRequests(const QString& text, const QStringList& known) {
    QList<Request> requests;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = item.trimmed();
        const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
        Request r;
        r.id = colon < 0 ? trimmed : trimmed.left(colon);
        if (!known.contains(r.id))
            return failure(tr("Unknown layer \"%1\"; the layers are %2.").arg(r.id, known.join(QStringLiteral(", "))));
        if (colon >= 0) {
            r.channel = ChannelSelection::parse(trimmed.mid(colon + 1));
            if (!r.channel)
                return failure(tr("Unknown channel in \"%1\"; write a channel number, mean or max, e.g. %2:mean.").arg(trimmed, r.id));
        }
        requests.append(r);
    }
    if (requests.isEmpty()) return failure(tr("No layer named; the layers are %1.").arg(known.join(QStringLiteral(", "))));
    return requests;
}

Expected<bool> showOnly(LayerStack& stack, const QList<Request>& requests, double opacity) {
    for (const Request& r : requests) {
        Layer* layer = stack.layer(r.id);
        if (!layer) return failure(tr("There is no layer \"%1\" to show.").arg(r.id));
        auto* heatmap = qobject_cast<HeatmapLayer*>(layer);
        if (r.channel && !heatmap) return failure(tr("Layer \"%1\" has no channels.").arg(r.id));
        if (r.channel && r.channel->kind == ChannelSelection::Kind::Index &&
            (r.channel->index < 0 || r.channel->index >= heatmap->data()->channels()))
            return failure(tr("Layer \"%1\" has channels 0 to %2 only.").arg(r.id).arg(heatmap->data()->channels() - 1));
    }
    for (int row = 0; row < stack.count(); ++row) stack.layerAt(row)->setVisible(false);
    for (const Request& r : requests) {
        Layer* layer = stack.layer(r.id);
        auto* heatmap = qobject_cast<HeatmapLayer*>(layer);
        if (heatmap && r.channel) heatmap->setChannel(*r.channel);
        if (r.id != QLatin1String("annotations")) layer->setOpacity(opacity);
        layer->setVisible(true);
    }
    return true;
}

}  // namespace slidesight::AnalysisLayers
