#pragma once

#include "model/lran/lransession.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <cstdint>
#include <vector>

namespace slidesight {

class LayerStack;

/// The LRAN (or RAN) layers' raw values, filled in batch by batch, NaN where no patch has run:
///   lran-probability: one channel per class, one value per patch (units: probability);
///   lran-mask: the global mask M's channels (512), h x w values per patch (8 x 8 for 256 px);
///   lran-gates: the 4 x 4 gate upsampled to h x w (nearest), then the 8 x 8 gate (LRAN only);
///   lran-cam: Grad-CAM of the predicted class, h x w per patch, raw.
///
/// GUI thread only.
class LranLayers {
    Q_DECLARE_TR_FUNCTIONS(LranLayers)

public:
    explicit LranLayers(const model::LranSessionInfo& info);

    /// Every id, bottom first; lran-gates only for LRAN when `gated`.
    static QStringList ids(bool gated = true);
    /// The translated name of a layer ("LRAN class probabilities", "RAN global mask").
    static QString displayName(const QString& id, const QString& network);
    /// The probability layer's first channel: the first class that is not normal, else 0.
    static int defaultClass(const std::vector<std::string>& classNames);

    const model::LranSessionInfo& info() const { return info_; }
    GridGeometry patchGeometry() const;  ///< one cell per patch
    GridGeometry mapGeometry() const;    ///< h x w cells per patch
    /// Places a batch's patches (those outside the grid are ignored).
    void add(const model::LranBatchResult& batch);
    int64_t patchesAdded() const { return patchesAdded_; }
    /// The current values of one layer (a new GridData: the earlier ones never change).
    GridDataPtr data(const QString& id) const;

    /// Adds the layers the stack lacks (opacity 0.5; the probabilities shown, the others
    /// hidden), labelled untrained when `trained` is false.
    void install(LayerStack& stack, bool trained) const;
    /// Gives the LRAN layers in the stack the current values.
    void update(LayerStack& stack) const;

private:
    /// Writes one height x width map into a channel of a stitched map, resampled to h x w
    /// (nearest neighbour) when its size differs.
    void placeMap(std::vector<float>& target, int channel, int row, int column, const float* values, int height,
                  int width);

    model::LranSessionInfo info_;
    int h_ = 0;
    int w_ = 0;
    std::vector<float> probability_;  ///< classes x rows x columns
    std::vector<float> mask_;         ///< maskChannels x rows*h x columns*w
    std::vector<float> gates_;        ///< 2 x rows*h x columns*w; empty for RAN
    std::vector<float> cam_;          ///< rows*h x columns*w
    int64_t patchesAdded_ = 0;
};

}  // namespace slidesight
