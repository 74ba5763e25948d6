#pragma once

#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace slidesight::cli {

/// The large benchmark slide: size x size level-0 pixels of real tissue (a TissueMosaic cut
/// from a real slide), JPEG tiles of 256 x 256, pyramid downsamples 1, 4 and 16. Built with
/// SyntheticSlideWriter the first time it is needed and kept in the user's cache folder
/// ($XDG_CACHE_HOME/slidesight, else ~/.cache/slidesight), never beside the sources.
///
/// Main thread only.
class LargeBenchSlide {
    Q_DECLARE_TR_FUNCTIONS(LargeBenchSlide)
public:
    struct Result {
        QString path;
        bool built = false;          ///< false when an earlier build was reused
        double buildSeconds = 0.0;
    };

    /// Returns the cached slide for (tissueSlide, size), building it first (with a progress
    /// bar on a terminal) when absent.
    static Expected<Result> ensure(const QString& tissueSlide, int size);

    /// Where the tissue comes from when no slide is given: the CMU sample slide of the test
    /// data named by SLIDESIGHT_TEST_DATA. Empty when that is not set.
    static QString defaultTissueSlide();
};

}  // namespace slidesight::cli
