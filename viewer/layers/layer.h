#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointF>
#include <QtCore/QRectF>
#include <QtCore/QString>

#include <optional>

class QPainter;

namespace slidesight {

/// Something drawn over a slide: the slide itself, a heatmap, a mask, annotations.
///
/// A layer paints itself in level-0 coordinates: the painter's transform maps level-0 pixels
/// to device pixels, and `downsample` is level-0 pixels per device pixel. Layers keep their
/// raw data; how it is coloured is a display choice that never changes the data.
///
/// GUI thread only (a layer may start work on other threads and receive results through
/// queued signals).
class Layer : public QObject {
    Q_OBJECT
public:
    Layer(QString id, QString name, QObject* parent = nullptr);
    ~Layer() override;

    /// A stable identifier used on the command line and in settings, e.g. "slide", "tissue".
    QString id() const { return id_; }
    /// The translated display name.
    QString name() const { return name_; }

    bool isVisible() const { return visible_; }
    void setVisible(bool visible);
    double opacity() const { return opacity_; }
    void setOpacity(double opacity);

    /// The area the layer covers, in level-0 pixels.
    virtual QRectF levelZeroBounds() const = 0;

    /// Paints the part of the layer inside `levelZeroExposed`. Must not do I/O.
    virtual void paint(QPainter& painter, const QRectF& levelZeroExposed, double downsample) = 0;

    /// The layer's value at a level-0 point, as text with units, for the status bar.
    virtual std::optional<QString> valueAt(const QPointF& levelZeroPoint) const;

    /// Told by the view when what is visible changes, so a layer can load what it needs.
    virtual void viewChanged(const QRectF& visibleLevelZeroRect, double downsample);

Q_SIGNALS:
    /// Part of the layer must be repainted (level-0 coordinates).
    void contentChanged(const QRectF& levelZeroRect);
    /// Visibility or opacity changed.
    void appearanceChanged();

private:
    QString id_;
    QString name_;
    bool visible_ = true;
    double opacity_ = 1.0;
};

}  // namespace slidesight
