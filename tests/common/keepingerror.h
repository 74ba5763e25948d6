#pragma once

// For tests that print a failure's sentence: keeps an Expected's error in a QString and passes
// the result on, e.g. QVERIFY2(keepingError(AnnotationIO::read(path), error), qPrintable(error)).

#include "viewer/common/expected.h"

#include <QtCore/QString>

#include <utility>

namespace slidesight::test {

template <typename T>
Expected<T> keepingError(Expected<T> result, QString& error) {
    if (!result) error = QString::fromStdString(result.error());
    return result;
}

}  // namespace slidesight::test
