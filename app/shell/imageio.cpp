#include "app/shell/imageio.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QImageWriter>

namespace slidesight {

QString saveImageAtomically(const QImage& image, const QString& path) {
    if (image.isNull()) return QCoreApplication::translate("ImageIO", "There is no image to save.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("ImageIO", "Cannot write \"%1\": %2.").arg(path, file.errorString());
    QString format = QFileInfo(path).suffix().toLower();
    if (format.isEmpty()) format = QStringLiteral("png");
    QImageWriter writer(&file, format.toLatin1());
    if (!writer.write(image)) {
        file.cancelWriting();
        return QCoreApplication::translate("ImageIO", "Cannot write \"%1\": %2.").arg(path, writer.errorString());
    }
    if (!file.commit())
        return QCoreApplication::translate("ImageIO", "Cannot write \"%1\": %2.").arg(path, file.errorString());
    return QString();
}

}  // namespace slidesight
