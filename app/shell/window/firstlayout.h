#pragma once

// The window as it first opens, before the user has arranged it (no saved layout): most of
// the screen, centred, with each side dock as wide as its content asks, so that nothing in a
// dock needs a horizontal scroll bar on a common screen (1920 × 1080).

#include <QtCore/QRect>
#include <QtCore/QStringList>

class QMainWindow;

namespace slidesight::FirstLayout {

/// 85 % of the available screen area, centred; at least 1024 × 700 where the screen has it.
QRect windowGeometry(const QRect& available);
/// Widens the window's docked (not floating) side docks to their content's width, up to a
/// third of the window each.
void fitDocks(QMainWindow& window);
/// The titles of the visible docks whose content is scrolled sideways (for checks and shots).
QStringList docksScrolledSideways(const QMainWindow& window);

}  // namespace slidesight::FirstLayout
