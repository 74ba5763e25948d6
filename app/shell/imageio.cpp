#include "app/shell/imageio.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QImageWriter>

namespace slidesight {

namespace {
Check cannotWrite(const QString& path, const QString& why) {
    return Check::failure(QCoreApplication::translate("ImageIO", "Cannot write \"%1\": %2.").arg(path, why).toStdString());
}
}  // namespace

Check saveImageAtomically(const QImage& image, const QString& path) {
    if (image.isNull()) return Check::failure(QCoreApplication::translate("ImageIO", "There is no image to save.").toStdString());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return cannotWrite(path, file.errorString());
    QString format = QFileInfo(path).suffix().toLower();
    if (format.isEmpty()) format = QStringLiteral("png");
    QImageWriter writer(&file, format.toLatin1());
    if (!writer.write(image)) {
        file.cancelWriting();
        return cannotWrite(path, writer.errorString());
    }
    if (!file.commit()) return cannotWrite(path, file.errorString());
    return true;
}

}  // namespace slidesight
