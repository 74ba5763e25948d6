#pragma once

#include <QtGui/QRgb>

#include <array>

/// matplotlib's 256-entry colormap tables as opaque QRgb (generated; see colormaptables.cpp).
namespace slidesight::colormaptables {

extern const std::array<QRgb, 256> viridis;
extern const std::array<QRgb, 256> magma;
extern const std::array<QRgb, 256> inferno;
extern const std::array<QRgb, 256> plasma;
extern const std::array<QRgb, 256> jet;

}  // namespace slidesight::colormaptables
