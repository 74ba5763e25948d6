#pragma once

#include "model/analysis/layerids.h"
#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>
#include <vector>

namespace slidesight {

/// A held-out slide of the demo, with absolute paths.
struct DemoSlide {
    QString slide;
    QString annotations;  ///< the region's ASAP XML; empty for a negative slide
    bool positive = false;
};

/// The demo.json that `slidesight-cli demo build` writes and `slidesight --demo` reads: the
/// bundle, the annotation group of the truth and the held-out slides.
struct DemoIndex {
    Q_DECLARE_TR_FUNCTIONS(DemoIndex)
public:
    QString folder;
    QString bundle;   ///< the bundle folder, absolute
    QString group;    ///< the truth's annotation group
    QString report;   ///< report.json, absolute
    /// The layer the demo opens on, alone over the tissue: the map whose held-out agreement
    /// with the truth was best ("attention-max:mean", "gradcam", ...).
    QString firstLayer = QString::fromLatin1(model::layerid::kAttentionMax) + QStringLiteral(":mean");
    std::vector<DemoSlide> slides;

    /// Where the demo is built when no folder is given: slidesight/demo in the user's data
    /// folder (~/.local/share/slidesight/demo on Linux).
    static QString defaultFolder();
    /// Reads `folder`/demo.json; fails with one sentence (no demo there, a file it names is
    /// missing, the index is malformed).
    static Expected<DemoIndex> read(const QString& folder);
    /// The slide to show first: the first positive one, else the first.
    const DemoSlide* firstShown() const;
};

}  // namespace slidesight
