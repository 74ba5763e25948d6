#pragma once

// The notice that a model was never trained, drawn into images (scripted screenshots), so a
// picture of meaningless maps never travels without it: the red banner the window shows over
// the view, stamped at the image's top-left corner.

#include <QtCore/QCoreApplication>
#include <QtGui/QImage>

namespace slidesight {

class UntrainedNotice {
    Q_DECLARE_TR_FUNCTIONS(UntrainedNotice)
public:
    /// The banner's text for a classifier that was never trained.
    static QString untrainedModel();
    /// The note for maps of a trained classifier on features of a seeded, untrained extractor.
    static QString untrainedExtractor();
    /// `image` with `text` in a banner at its top-left corner (red on pink, as the view's).
    static QImage stamped(QImage image, const QString& text);
    /// Where stamped() puts the banner in an image of `size`.
    static QRect box(const QSize& size, const QString& text);
};

}  // namespace slidesight
