#pragma once

#include <QtCore/QString>
#include <QtGui/QRgb>

#include <array>
#include <optional>
#include <vector>

namespace slidesight {

/// The colormaps of heatmap layers: matplotlib's perceptual maps, jet, and gray.
enum class Colormap { Viridis, Magma, Inferno, Plasma, Jet, Gray };

/// 256 opaque colours from the low end (index 0) to the high end (255).
const std::array<QRgb, 256>& colormapTable(Colormap colormap);
/// The colour of a value in [0, 1] (clamped).
QRgb colormapColor(Colormap colormap, double unitValue);
/// The stable key used in settings and on the command line: "viridis", ..., "gray".
QString colormapKey(Colormap colormap);
std::optional<Colormap> colormapFromKey(const QString& key);
/// The translated name for menus.
QString colormapDisplayName(Colormap colormap);
std::vector<Colormap> allColormaps();

}  // namespace slidesight
