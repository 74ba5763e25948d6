// slidesight-cli compare: an untrained bundle's analysis of the CMU slide against an ASAP XML
// written here whose rectangle covers exactly 2 x 2 grid cells. The truth cells, the confusion
// counts at a threshold and the AUC are checked against the result file's own map (channel
// mean, read back with the model library); a named channel, Grad-CAM, groups, text output and
// the one-line errors for a missing file, map, channel and group. slidesight-cli coverage on the
// same result file: a coverage sidecar written here that saw only the map's highest cell at 10x
// reviews the top region (at 10x, not at 20x), and the fraction of the slide seen is one cell's.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "clirunner.h"
#include "resultfilereader.h"

#include "../common/testdata.h"
#include "model/evaluation/metrics.h"
#include "viewer/coverage/coveragefile.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <cmath>
#endif  // Q_MOC_RUN

using namespace slidesight::test;

namespace {

QString rectangle(const QString& name, const QString& group, double x0, double y0, double x1, double y1) {
    QString xml = QStringLiteral("<Annotation Name=\"%1\" Type=\"Rectangle\" PartOfGroup=\"%2\" Color=\"#F4FA58\"><Coordinates>")
                      .arg(name, group);
    const double xs[] = {x0, x1, x1, x0};
    const double ys[] = {y0, y0, y1, y1};
    for (int i = 0; i < 4; ++i)
        xml += QStringLiteral("<Coordinate Order=\"%1\" X=\"%2\" Y=\"%3\"/>").arg(i).arg(xs[i], 0, 'f', 6).arg(ys[i], 0, 'f', 6);
    return xml + QStringLiteral("</Coordinates></Annotation>");
}

}  // namespace

class TestCompareCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QProcessEnvironment environment_ = QProcessEnvironment::systemEnvironment();
    QString result_;

    QString path(const QString& name) const { return dir_.filePath(name); }
    CliResult cli(const QStringList& arguments) const { return runCli(arguments, environment_, 300000); }

    void writeFile(const QString& name, const QString& text) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        environment_.insert(QStringLiteral("SLIDESIGHT_CACHE_DIR"), path(QStringLiteral("cache")));
    }

    void helpNamesEveryOption() {
        const CliResult help = cli({QStringLiteral("compare"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* option : {"--map", "--annotations", "--group", "--threshold", "--truth-fraction", "--json"})
            QVERIFY2(help.out.contains(QLatin1String(option)), option);
    }

    void againstTheResultFile() {
        SLIDESIGHT_REQUIRE_DATA();
        const QString bundle = path(QStringLiteral("untrained"));
        QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("create"), bundle, QStringLiteral("--arch"), QStringLiteral("resnet18"),
                      QStringLiteral("--hidden"), QStringLiteral("8")}).exitCode, 0);
        result_ = path(QStringLiteral("analysis.pt"));
        const CliResult analyzed = cli({QStringLiteral("analyze"), dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                                        QStringLiteral("--model"), bundle, QStringLiteral("--out"), result_,
                                        QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--grid-mpp"),
                                        QStringLiteral("1")});  // 7 x 4 cells
        QVERIFY2(analyzed.exitCode == 0, qPrintable(analyzed.err));
        const ResultFileContents contents = readResultFile(result_);
        QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
        const torch::Tensor origin = contents.tensor("origin").to(torch::kFloat64);
        const torch::Tensor cell = contents.tensor("cell_size").to(torch::kFloat64);
        const torch::Tensor map = contents.tensor("attention_max").to(torch::kFloat32).mean(0);  // [rows, columns]
        const int rows = static_cast<int>(map.size(0));
        const int columns = static_cast<int>(map.size(1));
        QVERIFY(rows >= 4 && columns >= 4);
        const double ox = origin[0].item<double>(), oy = origin[1].item<double>();
        const double w = cell[0].item<double>(), h = cell[1].item<double>();

        // "tumor": cells (1,1), (1,2), (2,1), (2,2) exactly; "other": a quarter of cell (3,3).
        writeFile(QStringLiteral("truth.xml"),
                  QStringLiteral("<?xml version=\"1.0\"?><ASAP_Annotations><Annotations>") +
                      rectangle(QStringLiteral("A"), QStringLiteral("tumor"), ox + w, oy + h, ox + 3 * w, oy + 3 * h) +
                      rectangle(QStringLiteral("B"), QStringLiteral("other"), ox + 3 * w, oy + 3 * h, ox + 3.5 * w, oy + 3.5 * h) +
                      QStringLiteral("</Annotations><AnnotationGroups><Group Name=\"tumor\" PartOfGroup=\"None\" Color=\"#FF0000\"/>"
                                     "<Group Name=\"other\" PartOfGroup=\"None\" Color=\"#00FF00\"/></AnnotationGroups></ASAP_Annotations>"));
        const QString xml = path(QStringLiteral("truth.xml"));

        // The expected numbers, from the map itself.
        std::vector<double> scores;
        std::vector<int> labels;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) {
                scores.push_back(map[r][c].item<double>());
                labels.push_back(r >= 1 && r <= 2 && c >= 1 && c <= 2 ? 1 : 0);
            }
        const double threshold = map[1][1].item<double>();
        int tp = 0, fp = 0;
        for (size_t i = 0; i < scores.size(); ++i) {
            if (static_cast<float>(scores[i]) >= static_cast<float>(threshold)) (labels[i] ? tp : fp)++;
        }
        const CliResult json = cli({QStringLiteral("compare"), QStringLiteral("--map"), result_, QStringLiteral("--annotations"), xml,
                                    QStringLiteral("--group"), QStringLiteral("tumor"), QStringLiteral("--threshold"),
                                    QString::number(threshold, 'g', 17), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject o = parseJson(json.out);
        QCOMPARE(o.value(QLatin1String("grid")).toObject().value(QLatin1String("rows")).toInt(), rows);
        QCOMPARE(o.value(QLatin1String("map")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("attention-max"));
        QCOMPARE(o.value(QLatin1String("map")).toObject().value(QLatin1String("channel")).toString(), QStringLiteral("mean"));
        QCOMPARE(o.value(QLatin1String("valid_cells")).toInt(), rows * columns);
        QCOMPARE(o.value(QLatin1String("truth_cells")).toInt(), 4);
        QCOMPARE(o.value(QLatin1String("true_positives")).toInt(), tp);
        QCOMPARE(o.value(QLatin1String("false_positives")).toInt(), fp);
        QCOMPARE(o.value(QLatin1String("false_negatives")).toInt(), 4 - tp);
        QVERIFY(std::abs(o.value(QLatin1String("dice")).toDouble() - 2.0 * tp / (2.0 * tp + fp + 4 - tp)) < 1e-5);
        QVERIFY(std::abs(o.value(QLatin1String("auc")).toDouble() - slidesight::model::rocAuc(scores, labels)) < 1e-5);
        const QJsonObject froc = o.value(QLatin1String("froc")).toObject();
        QCOMPARE(froc.value(QLatin1String("lesions")).toInt(), 1);
        const QJsonObject sensitivity = froc.value(QLatin1String("sensitivity")).toObject();
        QCOMPARE(sensitivity.size(), 6);
        double sum = 0.0;
        for (const char* rate : {"0.25", "0.5", "1", "2", "4", "8"}) sum += sensitivity.value(QLatin1String(rate)).toDouble(-1.0);
        QVERIFY(std::abs(froc.value(QLatin1String("score")).toDouble() - sum / 6.0) < 1e-5);
        QVERIFY(o.value(QLatin1String("pointing_game")).toObject().value(QLatin1String("defined")).toBool());

        // Every group: the quarter cell of "other" is annotated but not truth (below 0.5) ...
        const CliResult all = cli({QStringLiteral("compare"), QStringLiteral("--map"), result_, QStringLiteral("--annotations"), xml,
                                   QStringLiteral("--json")});
        QCOMPARE(parseJson(all.out).value(QLatin1String("truth_cells")).toInt(), 4);
        // ... unless a quarter is enough.
        const CliResult quarter = cli({QStringLiteral("compare"), QStringLiteral("--map"), result_, QStringLiteral("--annotations"), xml,
                                       QStringLiteral("--truth-fraction"), QStringLiteral("0.25"), QStringLiteral("--json")});
        QCOMPARE(parseJson(quarter.out).value(QLatin1String("truth_cells")).toInt(), 5);
        QCOMPARE(parseJson(quarter.out).value(QLatin1String("froc")).toObject().value(QLatin1String("lesions")).toInt(), 1);

        // Another map and a named channel.
        const CliResult gradcam = cli({QStringLiteral("compare"), QStringLiteral("--map"), result_ + QStringLiteral(":gradcam"),
                                       QStringLiteral("--annotations"), xml, QStringLiteral("--json")});
        QCOMPARE(parseJson(gradcam.out).value(QLatin1String("map")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("gradcam"));
        const CliResult channel = cli({QStringLiteral("compare"), QStringLiteral("--map"), result_ + QStringLiteral(":attention-max:0"),
                                       QStringLiteral("--annotations"), xml, QStringLiteral("--json")});
        QCOMPARE(channel.exitCode, 0);
        QCOMPARE(parseJson(channel.out).value(QLatin1String("map")).toObject().value(QLatin1String("channel")).toString(), QStringLiteral("0"));
        const CliResult text = cli({QStringLiteral("compare"), QStringLiteral("--map"), result_, QStringLiteral("--annotations"), xml});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("Cell AUC")) && text.out.contains(QLatin1String("FROC score")), qPrintable(text.out));
    }

    void errorsAreOneLine() {
        SLIDESIGHT_REQUIRE_DATA();
        if (result_.isEmpty()) QSKIP("needs the analysis of againstTheResultFile");
        const QString xml = path(QStringLiteral("truth.xml"));
        const QList<QStringList> bad{
            {QStringLiteral("--map"), path(QStringLiteral("missing.pt")), QStringLiteral("--annotations"), xml},
            {QStringLiteral("--map"), result_ + QStringLiteral(":nothing"), QStringLiteral("--annotations"), xml},
            {QStringLiteral("--map"), result_ + QStringLiteral(":attention-max:999"), QStringLiteral("--annotations"), xml},
            {QStringLiteral("--map"), result_, QStringLiteral("--annotations"), xml, QStringLiteral("--group"), QStringLiteral("stroma")},
            {QStringLiteral("--map"), xml, QStringLiteral("--annotations"), xml},
        };
        for (const QStringList& arguments : bad) {
            const CliResult r = cli(QStringList{QStringLiteral("compare")} + arguments);
            QVERIFY2(r.exitCode != 0 && !r.crashed, qPrintable(arguments.join(QLatin1Char(' '))));
            QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
        }
        const CliResult group = cli({QStringLiteral("compare"), QStringLiteral("--map"), result_, QStringLiteral("--annotations"), xml,
                                     QStringLiteral("--group"), QStringLiteral("stroma")});
        QVERIFY2(group.err.contains(QLatin1String("tumor")) && group.err.contains(QLatin1String("other")), qPrintable(group.err));
        QCOMPARE(cli({QStringLiteral("compare"), QStringLiteral("--map"), result_}).exitCode, 2);
    }

    void coverageOfTheTopRegions() {
        SLIDESIGHT_REQUIRE_DATA();
        if (result_.isEmpty()) QSKIP("needs the analysis made by againstTheResultFile");
        const ResultFileContents contents = readResultFile(result_);
        const torch::Tensor origin = contents.tensor("origin").to(torch::kFloat64);
        const torch::Tensor cell = contents.tensor("cell_size").to(torch::kFloat64);
        const torch::Tensor map = contents.tensor("attention_max").to(torch::kFloat32).mean(0);
        const int64_t best = map.flatten().argmax().item<int64_t>();
        const int64_t row = best / map.size(1), column = best % map.size(1);
        const QPointF peak(origin[0].item<double>() + (static_cast<double>(column) + 0.5) * cell[0].item<double>(),
                           origin[1].item<double>() + (static_cast<double>(row) + 0.5) * cell[1].item<double>());
        // 16 x 16 coverage cells of 256 px; the one holding the peak seen at 10x for a second.
        slidesight::ReviewCoverage coverage(QSizeF(4096, 4096), 256);
        const QRectF seen(std::floor(peak.x() / 256) * 256, std::floor(peak.y() / 256) * 256, 256, 256);
        coverage.record(seen, 10.0, 1.0);
        const QString sidecar = path(QStringLiteral("cmu.slidesight-coverage.json"));
        QVERIFY(slidesight::CoverageFile::write(slidesight::CoverageFile::serialise(coverage, QStringLiteral("cmu.svs")), sidecar).ok());

        const QStringList base = {QStringLiteral("coverage"), sidecar, QStringLiteral("--map"), result_,
                                  QStringLiteral("--top-k"), QStringLiteral("1"), QStringLiteral("--top-fraction"), QStringLiteral("0.01")};
        const CliResult json = cli(base + QStringList{QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject o = parseJson(json.out);
        QCOMPARE(o.value(QLatin1String("top_cells")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("reviewed")).toInt(), 1);
        QVERIFY(std::abs(o.value(QLatin1String("fraction_seen")).toDouble() - 1.0 / 256.0) < 1e-6);
        QCOMPARE(o.value(QLatin1String("coverage")).toObject().value(QLatin1String("slide")).toString(), QStringLiteral("cmu.svs"));
        const QJsonObject region = o.value(QLatin1String("regions")).toArray().at(0).toObject();
        QVERIFY(std::abs(region.value(QLatin1String("peak_x")).toDouble() - peak.x()) < 1e-6);
        QVERIFY(std::abs(region.value(QLatin1String("peak_y")).toDouble() - peak.y()) < 1e-6);
        QVERIFY(region.value(QLatin1String("reviewed")).toBool());

        const CliResult at20 = cli(base + QStringList{QStringLiteral("--magnification"), QStringLiteral("20"), QStringLiteral("--json")});
        QVERIFY2(at20.exitCode == 0, qPrintable(at20.err));
        QCOMPARE(parseJson(at20.out).value(QLatin1String("reviewed")).toInt(), 0);
        const CliResult text = cli(base);
        QVERIFY2(text.out.contains(QStringLiteral("1 of the model's top region reviewed")), qPrintable(text.out));

        const CliResult missing = cli({QStringLiteral("coverage"), path(QStringLiteral("none.json")), QStringLiteral("--map"), result_});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("Cannot read the review coverage file")), qPrintable(missing.err));
        QCOMPARE(missing.err.trimmed().count(QLatin1Char('\n')), 0);
        QCOMPARE(cli({QStringLiteral("coverage"), sidecar}).exitCode, 2);

        // A record of a smaller slide than the map's.
        const QString other = path(QStringLiteral("small.slidesight-coverage.json"));
        QVERIFY(slidesight::CoverageFile::write(
                    slidesight::CoverageFile::serialise(slidesight::ReviewCoverage(QSizeF(1000, 1000), 256), QStringLiteral("small.svs")), other)
                    .ok());
        const CliResult elsewhere = cli({QStringLiteral("coverage"), other, QStringLiteral("--map"), result_});
        QCOMPARE(elsewhere.exitCode, 1);
        QVERIFY2(elsewhere.err.contains(QStringLiteral("another slide")), qPrintable(elsewhere.err));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestCompareCli)
#include "tst_comparecli.moc"
