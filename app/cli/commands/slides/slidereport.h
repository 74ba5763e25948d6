#pragma once

#include "viewer/slide/openslidesource.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <cstdint>
#include <optional>

namespace slidesight::cli {

/// What `info` tells about an open slide, as text for people or as JSON for scripts.
///
/// Thread-safe (reads only immutable slide metadata).
class SlideReport {
    Q_DECLARE_TR_FUNCTIONS(SlideReport)
public:
    explicit SlideReport(const OpenSlideSource& slide);

    /// `withProperties` adds every OpenSlide property.
    QJsonObject toJson(bool withProperties) const;
    QString toText(bool withProperties) const;

    /// One phrase saying what the µm/px is and where it came from; says clearly when it is
    /// assumed or unknown.
    static QString describeMpp(const Mpp& mpp, const std::optional<double>& objectivePower);

private:
    struct AssociatedImage {
        QString name;
        int64_t width = 0, height = 0;
    };
    QList<AssociatedImage> associatedImages() const;
    static QString colourName(uint32_t rgb);

    const OpenSlideSource& slide_;
};

}  // namespace slidesight::cli
