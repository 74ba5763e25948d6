#pragma once

// failure() for the sentences Qt code builds with tr() and arg(): `return failure(tr("..."));`
// in a function returning any Expected<T> or Check. Header-only, in its own target
// (slidesight_common_qt) so that the Qt-free libraries below it never see Qt.

#include <QString>

#include "viewer/common/expected.h"

namespace slidesight {

inline Failure failure(const QString& sentence) { return Failure{sentence.toStdString()}; }

}  // namespace slidesight
