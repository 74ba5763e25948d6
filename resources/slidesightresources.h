#pragma once

#include <QString>

// Paths into the "slidesight" Qt resource compiled by resources/CMakeLists.txt.
// Thread-safe: the functions only build strings; initResources() may be called from any
// thread, though calling it from main() before the first use is the usual place.

namespace slidesight {

/// Registers the "slidesight" resource. Linking slidesight_resources already registers it
/// at start-up; calling this makes the dependency explicit and is harmless when repeated.
void initResources();

/// Resource path of an icon, e.g. iconResourcePath(QStringLiteral("zoom-in")) is
/// ":/icons/zoom-in.svg". The application icon is "slidesight".
QString iconResourcePath(const QString &name);

/// Resource path of the default settings (QSettings::IniFormat): ":/settings/defaults.ini".
QString defaultSettingsResourcePath();

} // namespace slidesight
