#include "app/analysis/lranlayers.h"

#include "model/analysis/layerids.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <algorithm>
#include <limits>
#include <memory>

namespace slidesight {

namespace {

const QString kProbability = QString::fromLatin1(model::layerid::kLranProbability);
const QString kMask = QString::fromLatin1(model::layerid::kLranMask);
const QString kGates = QString::fromLatin1(model::layerid::kLranGates);
const QString kCam = QString::fromLatin1(model::layerid::kLranCam);
constexpr double kDefaultOpacity = 0.5;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

QString units(const QString& id) {
    if (id == kProbability) return LranLayers::tr("probability");
    if (id == kMask) return LranLayers::tr("mask weight");
    if (id == kGates) return LranLayers::tr("gate coefficient");
    return {};  // the class activation map: arbitrary units
}

DisplaySettings defaultDisplay(const QString& id) {
    DisplaySettings d;
    d.normalisation = Normalisation::MinMax;
    if (id == kProbability || id == kGates) {
        // Both lie in [0, 1]: raw keeps their colours comparable between patches and slides.
        d.normalisation = Normalisation::Raw;
        d.rawLow = 0.0;
        d.rawHigh = 1.0;
    }
    d.colormap = id == kCam ? Colormap::Inferno : id == kProbability ? Colormap::Magma : Colormap::Viridis;
    return d;
}

ChannelSelection defaultChannel(const QString& id, const model::LranSessionInfo& info) {
    if (id == kProbability) return ChannelSelection::channel(LranLayers::defaultClass(info.classNames));
    if (id == kMask) return ChannelSelection::mean();
    if (id == kGates) return ChannelSelection::channel(1);  // the finest gate
    return ChannelSelection::channel(0);
}

}  // namespace

LranLayers::LranLayers(const model::LranSessionInfo& info) : info_(info), h_(info.mapHeight), w_(info.mapWidth) {
    const size_t patches = size_t(info.rows) * size_t(info.columns);
    const size_t pixels = patches * size_t(h_) * size_t(w_);
    probability_.assign(size_t(info.classes) * patches, kNaN);
    mask_.assign(size_t(info.maskChannels) * pixels, kNaN);
    if (info.gated) gates_.assign(2 * pixels, kNaN);
    cam_.assign(pixels, kNaN);
}

QStringList LranLayers::ids(bool gated) {
    QStringList ids{kProbability, kMask};
    if (gated) ids << kGates;
    ids << kCam;
    return ids;
}

QString LranLayers::displayName(const QString& id, const QString& network) {
    const QString name = network.toUpper();
    if (id == kProbability) return tr("%1 class probabilities").arg(name);
    if (id == kMask) return tr("%1 global mask").arg(name);
    if (id == kGates) return tr("%1 attention gates").arg(name);
    if (id == kCam) return tr("%1 class activation map").arg(name);
    return id;
}

int LranLayers::defaultClass(const std::vector<std::string>& classNames) {
    for (size_t c = 0; c < classNames.size(); ++c) {
        const QString name = QString::fromStdString(classNames[c]).trimmed().toLower();
        if (name != QLatin1String("normal") && name != QLatin1String("negative") &&
            name != QLatin1String("background") && name != QLatin1String("healthy"))
            return int(c);
    }
    return 0;
}

GridGeometry LranLayers::patchGeometry() const {
    GridGeometry g;
    g.origin = QPointF(info_.origin[0], info_.origin[1]);
    g.cellSize = QSizeF(info_.cellSize[0], info_.cellSize[1]);
    g.rows = info_.rows;
    g.columns = info_.columns;
    return g;
}

GridGeometry LranLayers::mapGeometry() const {
    GridGeometry g = patchGeometry();
    g.cellSize = QSizeF(g.cellSize.width() / w_, g.cellSize.height() / h_);
    g.rows *= h_;
    g.columns *= w_;
    return g;
}

void LranLayers::placeMap(std::vector<float>& target, int channel, int row, int column, const float* values,
                          int height, int width) {
    const size_t stride = size_t(info_.columns) * size_t(w_);
    const size_t plane = size_t(info_.rows) * size_t(h_) * stride;
    float* origin = target.data() + size_t(channel) * plane + size_t(row) * size_t(h_) * stride + size_t(column) * size_t(w_);
    for (int i = 0; i < h_; ++i)
        for (int j = 0; j < w_; ++j)  // nearest: the source pixel covering this one
            origin[size_t(i) * stride + size_t(j)] = values[size_t(i * height / h_) * size_t(width) + size_t(j * width / w_)];
}

void LranLayers::add(const model::LranBatchResult& batch) {
    if (batch.mapHeight != h_ || batch.mapWidth != w_ || batch.maskChannels != info_.maskChannels) return;
    const size_t patches = size_t(info_.rows) * size_t(info_.columns);
    const size_t perChannel = size_t(h_) * size_t(w_);
    for (const model::LranPatchResult& p : batch.patches) {
        if (p.row < 0 || p.column < 0 || p.row >= info_.rows || p.column >= info_.columns) continue;
        const size_t cell = size_t(p.row) * size_t(info_.columns) + size_t(p.column);
        for (size_t c = 0; c < p.probabilities.size() && c < size_t(info_.classes); ++c)
            probability_[c * patches + cell] = p.probabilities[c];
        if (p.mask.size() == size_t(info_.maskChannels) * perChannel)
            for (int64_t k = 0; k < info_.maskChannels; ++k)
                placeMap(mask_, int(k), p.row, p.column, p.mask.data() + size_t(k) * perChannel, h_, w_);
        for (size_t g = 0; !gates_.empty() && g < p.gates.size() && g < 2; ++g) {
            const model::LranGateMap& gate = p.gates[g];
            if (gate.height > 0 && gate.width > 0 && gate.values.size() == size_t(gate.height) * size_t(gate.width))
                placeMap(gates_, int(g), p.row, p.column, gate.values.data(), gate.height, gate.width);
        }
        if (p.cam.size() == perChannel) placeMap(cam_, 0, p.row, p.column, p.cam.data(), h_, w_);
        ++patchesAdded_;
    }
}

GridDataPtr LranLayers::data(const QString& id) const {
    if (id == kProbability)
        return std::make_shared<const GridData>(patchGeometry(), int(info_.classes), probability_, units(id));
    if (id == kMask) return std::make_shared<const GridData>(mapGeometry(), int(info_.maskChannels), mask_, units(id));
    if (id == kGates && !gates_.empty()) return std::make_shared<const GridData>(mapGeometry(), 2, gates_, units(id));
    if (id == kCam) return std::make_shared<const GridData>(mapGeometry(), 1, cam_, units(id));
    return nullptr;
}

void LranLayers::install(LayerStack& stack, bool trained) const {
    const QString network = QString::fromStdString(info_.network);
    for (const QString& id : ids(info_.gated)) {
        if (auto* existing = qobject_cast<HeatmapLayer*>(stack.layer(id))) {
            existing->setData(data(id));
            existing->setUntrained(!trained);
            continue;
        }
        auto* layer = new HeatmapLayer(id, displayName(id, network), data(id), defaultDisplay(id));
        layer->setChannel(defaultChannel(id, info_));
        layer->setUntrained(!trained);
        layer->setOpacity(kDefaultOpacity);
        layer->setVisible(id == kProbability);
        stack.addLayer(layer);
    }
    if (!info_.gated) stack.removeLayer(kGates);
}

void LranLayers::update(LayerStack& stack) const {
    for (const QString& id : ids(info_.gated))
        if (auto* layer = qobject_cast<HeatmapLayer*>(stack.layer(id))) layer->setData(data(id));
}

}  // namespace slidesight
