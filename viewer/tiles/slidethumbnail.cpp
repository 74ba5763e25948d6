#include "viewer/tiles/slidethumbnail.h"

#include "viewer/tiles/tiledslide.h"

#include <QtGui/QPainter>

namespace slidesight {

QImage slideThumbnail(const TiledSlide& slide) {
    const auto& g = slide.geometry();
    const int level = g.coarsestLevel();
    const auto& l = g.level(level);
    QImage image(static_cast<int>(l.width), static_cast<int>(l.height), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (qint64 row = 0; row < g.rows(level); ++row)
        for (qint64 col = 0; col < g.columns(level); ++col) {
            const auto tile = slide.readTile(slide.key(level, col, row));
            if (tile) p.drawImage(QPoint(static_cast<int>(col * g.tileSize()), static_cast<int>(row * g.tileSize())), *tile);
        }
    return image;
}

}  // namespace slidesight
