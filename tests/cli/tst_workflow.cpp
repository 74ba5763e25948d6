// The cohort workflow (packaging/workflow) run as a researcher runs it: `snakemake -j 2` over a
// manifest of the two shared slides, two synthetic slides the test writes (one without µm/px,
// given in the manifest) and a corrupt slide (a truncated copy of a real one), with an
// untrained bundle. Checks the report against `slidesight-cli evaluate` run directly on the
// same slides, the failure of the corrupt slide in the report without stopping the others, a
// second run that does nothing, the pictures, and `stop_on_failure`.

#include "common/suite.h"

#include "clirunner.h"

#include "../common/testdata.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QtTest>

#include <cmath>

using namespace slidesight::test;

namespace {

/// report.csv as rows of named fields (the workflow writes plain fields; an error sentence may be
/// quoted with doubled quotes).
QList<QMap<QString, QString>> readReportCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const auto split = [](const QString& line) {
        QStringList fields;
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (quoted && c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = !quoted;
            } else if (c == QLatin1Char(',') && !quoted) {
                fields << field;
                field.clear();
            } else {
                field += c;
            }
        }
        return fields << field;
    };
    QList<QMap<QString, QString>> rows;
    const QStringList header = split(lines.value(0));
    for (qsizetype l = 1; l < lines.size(); ++l) {
        const QStringList fields = split(lines.at(l));
        QMap<QString, QString> row;
        for (qsizetype i = 0; i < header.size(); ++i) row[header.at(i)] = fields.value(i);
        rows << row;
    }
    return rows;
}

}  // namespace

class TestWorkflow : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString snakemake_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    struct Run {
        int exitCode = -1;
        QString output;
    };
    Run snakemake(const QString& config, const QStringList& extra = {}) const {
        QProcess process;
        process.setWorkingDirectory(dir_.path());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(snakemake_, QStringList{QStringLiteral("-s"), QStringLiteral(SLIDESIGHT_WORKFLOW_DIR "/Snakefile"),
                                              QStringLiteral("--configfile"), config, QStringLiteral("-j"),
                                              QStringLiteral("2")} + extra);
        const bool finished = process.waitForStarted() && process.waitForFinished(600000);
        Run run;
        run.output = QString::fromUtf8(process.readAll());
        run.exitCode = finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return run;
    }

    void writeText(const QString& name, const QString& text) const {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    }

    QString config(const QString& out, const QString& extra = {}) const {
        return QStringLiteral("manifest: cohort.csv\nout: %1\ncli: %2\nmodel: bundle\ncache_dir: %3\nthreads: 1\n%4")
            .arg(out, QStringLiteral(SLIDESIGHT_CLI_PATH), path(QStringLiteral("cache")), extra);
    }

private Q_SLOTS:
    void initTestCase() {
        SLIDESIGHT_REQUIRE_DATA();
        QVERIFY(dir_.isValid());
        snakemake_ = QStandardPaths::findExecutable(QStringLiteral("snakemake"));
        if (snakemake_.isEmpty())
            QFAIL("snakemake is not installed: the set-up installs it (Debian package snakemake).");
        // Two synthetic slides of different sizes; the generic one records no µm/px.
        for (const auto& [name, size, flavour] : {std::tuple{"synthetic-a.tiff", "2048x1536", "aperio"},
                                                  std::tuple{"synthetic-b.tiff", "3072x2048", "generic"}}) {
            const CliResult r = runCli({QStringLiteral("synth"), path(QLatin1String(name)), QStringLiteral("--size"),
                                        QLatin1String(size), QStringLiteral("--flavour"), QLatin1String(flavour)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        // A corrupt slide: the first 64 KiB of a real one.
        QFile real(dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        QVERIFY(real.open(QIODevice::ReadOnly));
        QFile corrupt(path(QStringLiteral("corrupt.svs")));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write(real.read(64 * 1024));
        corrupt.close();
        const CliResult bundle = runCli({QStringLiteral("bundle"), QStringLiteral("create"), path(QStringLiteral("bundle"))});
        QVERIFY2(bundle.exitCode == 0, qPrintable(bundle.err));
        writeText(QStringLiteral("cohort.csv"),
                  QStringLiteral("path,label,fold,slide_mpp\n%1,1,,\n%2,0,,0.5\nsynthetic-a.tiff,0,,\n"
                                 "synthetic-b.tiff,1,,0.5\ncorrupt.svs,1,,\n")
                      .arg(dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                           dataPath(QStringLiteral("slides/tcga-cr-7395-01a-01-ts1.svs"))));
        writeText(QStringLiteral("cohort.yaml"), config(QStringLiteral("out")));
    }

    void reportMatchesEvaluate() {
        const Run run = snakemake(QStringLiteral("cohort.yaml"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output.right(3000)));
        const auto rows = readReportCsv(path(QStringLiteral("out/report.csv")));
        QCOMPARE(rows.size(), 5);

        // The corrupt slide failed, with OpenSlide's reason, and the others went on.
        const auto& corrupt = rows.at(4);
        QCOMPARE(corrupt.value(QStringLiteral("id")), QStringLiteral("corrupt"));
        QCOMPARE(corrupt.value(QStringLiteral("status")), QStringLiteral("failed"));
        QCOMPARE(corrupt.value(QStringLiteral("stage")), QStringLiteral("extract"));
        QVERIFY2(corrupt.value(QStringLiteral("error")).contains(QStringLiteral("corrupt.svs")),
                 qPrintable(corrupt.value(QStringLiteral("error"))));
        for (int i = 0; i < 4; ++i) QCOMPARE(rows.at(i).value(QStringLiteral("status")), QStringLiteral("ok"));
        QCOMPARE(rows.at(1).value(QStringLiteral("slide_mpp")), QStringLiteral("0.5"));
        QCOMPARE(rows.at(1).value(QStringLiteral("slide_mpp_assumed")), QStringLiteral("True"));
        QCOMPARE(rows.at(0).value(QStringLiteral("trained")), QStringLiteral("untrained"));

        // The same four slides through `evaluate` directly: the same AUC and the same scores.
        writeText(QStringLiteral("direct.csv"),
                  QStringLiteral("path,label\n%1,1\n%2,0\n%3,0\n%4,1\n")
                      .arg(dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                           dataPath(QStringLiteral("slides/tcga-cr-7395-01a-01-ts1.svs")),
                           path(QStringLiteral("synthetic-a.tiff")), path(QStringLiteral("synthetic-b.tiff"))));
        const CliResult direct = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), path(QStringLiteral("bundle")),
                                         QStringLiteral("--manifest"), path(QStringLiteral("direct.csv")),
                                         QStringLiteral("--slide-mpp"), QStringLiteral("0.5"), QStringLiteral("--cache-dir"),
                                         path(QStringLiteral("direct-cache")), QStringLiteral("--json")},
                                        QProcessEnvironment::systemEnvironment(), 300000);
        QVERIFY2(direct.exitCode == 0, qPrintable(direct.err));
        const QJsonObject evaluated = QJsonDocument::fromJson(direct.out.toUtf8()).object();
        const QJsonArray items = evaluated.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const double reported = rows.at(i).value(QStringLiteral("score")).toDouble();
            const double expected = items.at(i).toObject().value(QStringLiteral("score")).toDouble();
            QVERIFY2(std::abs(reported - expected) <= 1e-6 * std::max(1.0, std::abs(expected)),
                     qPrintable(QStringLiteral("slide %1: report %2, evaluate %3").arg(i).arg(reported).arg(expected)));
            // analyze's probability of its predicted class agrees with evaluate's positive score.
            const double probability = rows.at(i).value(QStringLiteral("probability")).toDouble();
            QVERIFY(std::abs(probability - std::max(expected, 1.0 - expected)) < 1e-5);
        }
        QFile evaluationFile(path(QStringLiteral("out/evaluation.json")));
        QVERIFY(evaluationFile.open(QIODevice::ReadOnly));
        const QJsonObject inWorkflow = QJsonDocument::fromJson(evaluationFile.readAll()).object();
        const double auc = evaluated.value(QStringLiteral("value")).toDouble();
        QCOMPARE(inWorkflow.value(QStringLiteral("value")).toDouble(), auc);
        QCOMPARE(inWorkflow.value(QStringLiteral("slides")).toInt(), 4);

        // The page: the figure, the untrained label, the ROC curve, the failure, the pictures.
        QFile page(path(QStringLiteral("out/report.html")));
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(page.readAll());
        QVERIFY(html.contains(QStringLiteral("AUC on 4 slides: %1").arg(auc, 0, 'f', 4)));
        QVERIFY(html.contains(QStringLiteral("UNTRAINED")));
        QVERIFY(html.contains(QStringLiteral("aria-label=\"ROC curve\"")));
        QVERIFY(!html.contains(QStringLiteral("differs from evaluate")));
        QVERIFY(html.contains(QStringLiteral("failed (extract)")));
        QVERIFY(html.contains(QStringLiteral("src=\"slides/cmu-1-small-region/map.png\"")));
        const QImage slide(path(QStringLiteral("out/slides/cmu-1-small-region/slide.png")));
        const QImage map(path(QStringLiteral("out/slides/cmu-1-small-region/map.png")));
        QCOMPARE(slide.size(), map.size());
        QCOMPARE(std::max(slide.width(), slide.height()), 512);
        QVERIFY(slide != map);  // the map is drawn over the slide
    }

    void secondRunDoesNothing() {
        const QDateTime before = QFileInfo(path(QStringLiteral("out/report.csv"))).lastModified();
        const Run run = snakemake(QStringLiteral("cohort.yaml"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output.right(3000)));
        QVERIFY2(run.output.contains(QStringLiteral("Nothing to be done")), qPrintable(run.output.right(3000)));
        QCOMPARE(QFileInfo(path(QStringLiteral("out/report.csv"))).lastModified(), before);
    }

    void stopOnFailureStops() {
        writeText(QStringLiteral("strict.yaml"), config(QStringLiteral("strict"), QStringLiteral("stop_on_failure: true\n")));
        const Run run = snakemake(QStringLiteral("strict.yaml"));
        QVERIFY2(run.exitCode != 0, qPrintable(run.output.right(3000)));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("strict/report.csv"))));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("strict/slides/corrupt/extract.json"))));
        QVERIFY2(run.output.contains(QStringLiteral("corrupt")), qPrintable(run.output.right(3000)));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestWorkflow)
#include "tst_workflow.moc"
