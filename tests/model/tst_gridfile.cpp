// Grid files: written and read back in C++ unchanged, read by Python's torch.load with the
// documented keys, shapes, types and JSON metadata, atomic writes, and clear failures for
// files that are not grids.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/grid/gridfile_torch.h"
#include "model/nets/statedict_torch.h"

#include "pythontorch.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>
#endif  // Q_MOC_RUN

using slidesight::model::GridFile;

namespace {

GridFile sampleGrid() {
    torch::manual_seed(3);
    GridFile grid;
    grid.features = torch::rand({512, 3, 5});
    grid.tissue = torch::rand({3, 5});
    grid.tissue[0][0] = 0.0f;
    grid.origin = {1234.5, 678.25};
    grid.cellSize = {897.7955911823647, 897.7955911823647};
    grid.metadata = R"({"format":"slidesight-grid","slide":{"path":"/x/ü.svs"},"untrained":true})";
    return grid;
}

}  // namespace

class TestGridFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void invalidGridsAreRefused();
    void notAGridFile();
    void readByPythonTorchLoad();
};

void TestGridFile::roundTrip() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("grid.pt").toStdString();
    const GridFile grid = sampleGrid();
    const auto written = grid.write(path);
    QVERIFY2(written.ok(), written.error().c_str());
    QVERIFY(!QFile::exists(dir.filePath("grid.pt.partial")));
    const auto read = GridFile::read(path);
    QVERIFY2(read.ok(), read.error().c_str());
    QVERIFY(torch::equal(read->features, grid.features));
    QVERIFY(torch::equal(read->tissue, grid.tissue));
    QCOMPARE(read->features.scalar_type(), torch::kFloat32);
    QCOMPARE(read->origin, grid.origin);
    QCOMPARE(read->cellSize, grid.cellSize);
    QCOMPARE(read->metadata, grid.metadata);
    QCOMPARE(read->rows(), int64_t{3});
    QCOMPARE(read->columns(), int64_t{5});
    QCOMPARE(read->featureCount(), int64_t{512});
}

void TestGridFile::invalidGridsAreRefused() {
    QTemporaryDir dir;
    GridFile grid = sampleGrid();
    grid.tissue = torch::rand({4, 5});  // disagrees with features [512, 3, 5]
    const auto written = grid.write(dir.filePath("bad.pt").toStdString());
    QVERIFY(!written.ok());
    QVERIFY2(QString::fromStdString(written.error()).contains(QLatin1String("disagree")), written.error().c_str());
    QVERIFY(!QFile::exists(dir.filePath("bad.pt")));
    QVERIFY(!QFile::exists(dir.filePath("bad.pt.partial")));

    // Hard limit: at most 65,536 cells a side (a real grid has under 1,000).
    grid.features = torch::zeros({1, 1, 65537});
    grid.tissue = torch::zeros({1, 65537});
    const auto wide = grid.write(dir.filePath("wide.pt").toStdString());
    QVERIFY(!wide.ok());
    QCOMPARE(QString::fromStdString(wide.error()),
             QStringLiteral("Cannot write the grid: the grid is 1 x 1 x 65537; at most 65536 features and 65536 cells a "
                            "side are read."));
}

void TestGridFile::notAGridFile() {
    QTemporaryDir dir;
    // A state dict is a torch.save dict too, but not a grid.
    const slidesight::model::StateDict dict({{"weight", torch::ones({2, 2})}});
    const std::string statePath = dir.filePath("weights.pth").toStdString();
    QVERIFY(dict.write(statePath).ok());
    const auto notGrid = GridFile::read(statePath);
    QVERIFY(!notGrid.ok());
    QVERIFY2(QString::fromStdString(notGrid.error()).contains(QLatin1String("not a SlideSight grid")), notGrid.error().c_str());

    QFile text(dir.filePath("text.pt"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("hello");
    text.close();
    const auto garbage = GridFile::read(text.fileName().toStdString());
    QVERIFY(!garbage.ok());
    QVERIFY2(QString::fromStdString(garbage.error()).contains(QLatin1String("cannot be read")), garbage.error().c_str());
    const auto missing = GridFile::read(dir.filePath("missing.pt").toStdString());
    QVERIFY(!missing.ok());
    QVERIFY(QString::fromStdString(missing.error()).contains(QLatin1String("Cannot open")));
}

void TestGridFile::readByPythonTorchLoad() {
    const QString python = slidesight::test::pythonWithTorch();
    if (python.isEmpty()) QSKIP("No Python with torch: the torch.load cross-check is skipped.");
    QTemporaryDir dir;
    const QString path = dir.filePath("grid.pt");
    const GridFile grid = sampleGrid();
    QVERIFY(grid.write(path.toStdString()).ok());
    const QString report = dir.filePath("report.json");
    // Python reads the grid and reports what it sees; the checks are made here.
    const QString script = QStringLiteral(
        "import json, sys, torch\n"
        "g = torch.load(sys.argv[1])\n"
        "meta = json.loads(g['metadata'])\n"
        "out = {'keys': sorted(g.keys()), 'meta_type': type(g['metadata']).__name__, 'meta': meta,\n"
        "       'features': list(g['features'].shape), 'features_dtype': str(g['features'].dtype),\n"
        "       'tissue': list(g['tissue'].shape), 'tissue_dtype': str(g['tissue'].dtype),\n"
        "       'origin': g['origin'].tolist(), 'origin_dtype': str(g['origin'].dtype),\n"
        "       'cell_size': g['cell_size'].tolist(),\n"
        "       'feature_sum': float(g['features'].double().sum()), 'cell_2_4': g['features'][:, 2, 4][:3].tolist()}\n"
        "json.dump(out, open(sys.argv[2], 'w'))\n");
    const QString failure = slidesight::test::runPython(python, {QStringLiteral("-c"), script, path, report});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(o.value("keys").toVariant().toStringList(),
             (QStringList{"cell_size", "features", "metadata", "origin", "tissue"}));
    QCOMPARE(o.value("meta_type").toString(), QStringLiteral("str"));
    QCOMPARE(o.value("meta").toObject().value("slide").toObject().value("path").toString(), QStringLiteral("/x/ü.svs"));
    QCOMPARE(o.value("meta").toObject().value("untrained").toBool(), true);
    QCOMPARE(o.value("features").toVariant().toList(), (QVariantList{512, 3, 5}));
    QCOMPARE(o.value("features_dtype").toString(), QStringLiteral("torch.float32"));
    QCOMPARE(o.value("tissue").toVariant().toList(), (QVariantList{3, 5}));
    QCOMPARE(o.value("tissue_dtype").toString(), QStringLiteral("torch.float32"));
    QCOMPARE(o.value("origin_dtype").toString(), QStringLiteral("torch.float64"));
    QCOMPARE(o.value("origin").toVariant().toList(), (QVariantList{1234.5, 678.25}));
    QCOMPARE(o.value("cell_size").toVariant().toList().value(0).toDouble(), grid.cellSize[0]);
    QVERIFY(qAbs(o.value("feature_sum").toDouble() - grid.features.to(torch::kFloat64).sum().item<double>()) < 1e-6);
    const QVariantList cell = o.value("cell_2_4").toVariant().toList();
    for (int k = 0; k < 3; ++k) QCOMPARE(cell.value(k).toFloat(), grid.features[k][2][4].item<float>());
}

SLIDESIGHT_APPLESS_TEST_SUITE(TestGridFile)
#include "tst_gridfile.moc"
