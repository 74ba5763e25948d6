// Replays every input under tests/fuzz/regressions/<target>/ (inputs that once crashed, hung
// or leaked in a fuzz run, kept after the fix) and a few hand-made hostile inputs through the
// fuzz targets, in the normal test suite. A regression crashes or aborts this suite.

#include "common/suite.h"

#ifndef Q_MOC_RUN
#include "fuzztargets.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtTest/QTest>
#endif  // Q_MOC_RUN

using slidesight::fuzz::targets;

class TestFuzzReplay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTargetHasAFolder() {
        // A target added without its regressions folder would replay nothing unnoticed.
        for (const auto& target : targets())
            QVERIFY2(QDir(QStringLiteral(SLIDESIGHT_FUZZ_REGRESSIONS "/") + QLatin1String(target.name)).exists(),
                     target.name);
    }

    void regressions_data() {
        QTest::addColumn<QString>("path");
        int rows = 0;
        for (const auto& target : targets()) {
            QDirIterator files(QStringLiteral(SLIDESIGHT_FUZZ_REGRESSIONS "/") + QLatin1String(target.name), QDir::Files);
            while (files.hasNext()) {
                const QString path = files.next();
                if (path.endsWith(QLatin1String("README.md"))) continue;
                QTest::newRow(qPrintable(QLatin1String(target.name) + QLatin1Char('/') + QFileInfo(path).fileName()))
                    << path;
                ++rows;
            }
        }
        if (rows == 0) QTest::newRow("none") << QString();
    }

    void regressions() {
        QFETCH(QString, path);
        if (path.isEmpty()) QSKIP("No regression inputs are recorded yet.");
        const QString name = QFileInfo(QFileInfo(path).path()).fileName();
        slidesight::fuzz::Target run = nullptr;
        for (const auto& target : targets())
            if (name == QLatin1String(target.name)) run = target.run;
        QVERIFY2(run, qPrintable(name));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        run(reinterpret_cast<const uint8_t*>(bytes.constData()), static_cast<size_t>(bytes.size()));
    }

    void emptyAndTinyInputs() {
        // Every target takes the empty input and one byte of each value.
        for (const auto& target : targets()) {
            target.run(nullptr, 0);
            for (int b = 0; b < 256; b += 51) {
                const uint8_t byte = static_cast<uint8_t>(b);
                target.run(&byte, 1);
            }
        }
    }
};

SLIDESIGHT_TEST_SUITE(TestFuzzReplay)

#include "tst_fuzzreplay.moc"
