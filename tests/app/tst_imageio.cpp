#include "common/suite.h"

#include "app/shell/screenshots/imageio.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QTest>

class TestImageIo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAtomically() {
        QTemporaryDir dir;
        QImage image(64, 32, QImage::Format_RGB32);
        image.fill(qRgb(200, 10, 30));
        const QString path = dir.filePath(QStringLiteral("view.png"));
        QVERIFY(slidesight::saveImageAtomically(image, path).ok());
        QImage back(path);
        QCOMPARE(back.size(), QSize(64, 32));
        QCOMPARE(back.pixel(5, 5), qRgb(200, 10, 30));
        // Only the final file is left: no temporary beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("view.png")});
    }
    void failureLeavesOldFileIntact() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.png"));
        QImage first(8, 8, QImage::Format_RGB32);
        first.fill(Qt::green);
        QVERIFY(slidesight::saveImageAtomically(first, path).ok());
        // An unknown format fails and must not touch the existing file.
        const QString bad = dir.filePath(QStringLiteral("keep.notaformat"));
        QVERIFY(!slidesight::saveImageAtomically(first, bad).error().empty());
        QVERIFY(!QFile::exists(bad));
        QVERIFY(!slidesight::saveImageAtomically(QImage(), path).error().empty());
        QCOMPARE(QImage(path).pixel(1, 1), QColor(Qt::green).rgb());
    }
    void unwritableFolderGivesMessage() {
        const auto saved = slidesight::saveImageAtomically(QImage(4, 4, QImage::Format_RGB32),
                                                           QStringLiteral("/nonexistent-folder/x.png"));
        QVERIFY(!saved);
        QVERIFY(saved.error().find("/nonexistent-folder/x.png") != std::string::npos);
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestImageIo)
#include "tst_imageio.moc"
