#include "viewer/layers/colormap.h"

#include "viewer/layers/colormaptables.h"

#include <QtCore/QCoreApplication>

#include <algorithm>
#include <cmath>

namespace slidesight {

namespace {

std::array<QRgb, 256> makeGray() {
    std::array<QRgb, 256> t{};
    for (int i = 0; i < 256; ++i) t[static_cast<size_t>(i)] = qRgb(i, i, i);
    return t;
}

}  // namespace

const std::array<QRgb, 256>& colormapTable(Colormap colormap) {
    static const std::array<QRgb, 256> gray = makeGray();
    switch (colormap) {
    case Colormap::Viridis: return colormaptables::viridis;
    case Colormap::Magma: return colormaptables::magma;
    case Colormap::Inferno: return colormaptables::inferno;
    case Colormap::Plasma: return colormaptables::plasma;
    case Colormap::Jet: return colormaptables::jet;
    case Colormap::Gray: break;
    }
    return gray;
}

QRgb colormapColor(Colormap colormap, double unitValue) {
    const double v = std::isnan(unitValue) ? 0.0 : std::clamp(unitValue, 0.0, 1.0);
    // matplotlib's lookup: N equal bins over [0, 1], the top value in the last bin.
    const int index = std::min(255, static_cast<int>(v * 256.0));
    return colormapTable(colormap)[static_cast<size_t>(index)];
}

QString colormapKey(Colormap colormap) {
    switch (colormap) {
    case Colormap::Viridis: return QStringLiteral("viridis");
    case Colormap::Magma: return QStringLiteral("magma");
    case Colormap::Inferno: return QStringLiteral("inferno");
    case Colormap::Plasma: return QStringLiteral("plasma");
    case Colormap::Jet: return QStringLiteral("jet");
    case Colormap::Gray: break;
    }
    return QStringLiteral("gray");
}

std::optional<Colormap> colormapFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    for (Colormap c : allColormaps())
        if (colormapKey(c) == k) return c;
    if (k == QLatin1String("grey")) return Colormap::Gray;
    return std::nullopt;
}

QString colormapDisplayName(Colormap colormap) {
    switch (colormap) {
    case Colormap::Viridis: return QCoreApplication::translate("Colormap", "Viridis");
    case Colormap::Magma: return QCoreApplication::translate("Colormap", "Magma");
    case Colormap::Inferno: return QCoreApplication::translate("Colormap", "Inferno");
    case Colormap::Plasma: return QCoreApplication::translate("Colormap", "Plasma");
    case Colormap::Jet: return QCoreApplication::translate("Colormap", "Jet");
    case Colormap::Gray: break;
    }
    return QCoreApplication::translate("Colormap", "Gray");
}

std::vector<Colormap> allColormaps() {
    return {Colormap::Viridis, Colormap::Magma, Colormap::Inferno, Colormap::Plasma, Colormap::Jet, Colormap::Gray};
}

}  // namespace slidesight
