#include "app/shell/screenshots/imageio.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QImageWriter>

namespace slidesight {

Check cannotWrite(const QString& path, const QString& why) {
    return failure(QCoreApplication::translate("ImageIO", "Cannot write \"%1\": %2.").arg(path, why));
}

Check saveImageAtomically(const QImage& image, const QString& path) {
    if (image.isNull()) return failure(QCoreApplication::translate("ImageIO", "There is no image to save."));
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

Check saveBytesAtomically(const QByteArray& bytes, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return cannotWrite(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return cannotWrite(path, why);
    }
    if (!file.commit()) return cannotWrite(path, file.errorString());
    return true;
}

}  // namespace slidesight
