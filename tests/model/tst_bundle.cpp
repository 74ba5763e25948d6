// Model bundles: the model.json manifest read and written back, one sentence naming the field
// for each kind of invalid manifest, missing weights files, zipped bundles, the untrained label
// of random weights, and checkBundleWeights() naming the tensor whose shape does not fit.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/attention/attentionclassifier_torch.h"
#include "model/bundle/bundle.h"
#include "model/bundle/bundleoptions.h"
#include "model/bundle/bundlezip.h"
#include "model/lran/lran_torch.h"
#include "model/nets/statedict_torch.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <zip.h>

#include <algorithm>
#include <functional>
#endif  // Q_MOC_RUN

using namespace slidesight::model;

namespace {

QJsonObject validManifest() {
    return QJsonObject{
        {QStringLiteral("format"), 1},
        {QStringLiteral("name"), QStringLiteral("test bundle")},
        {QStringLiteral("task"), QStringLiteral("classification")},
        {QStringLiteral("classes"), QJsonArray{QStringLiteral("normal"), QStringLiteral("tumour")}},
        {QStringLiteral("trained"), true},
        {QStringLiteral("extractor"), QJsonObject{{QStringLiteral("architecture"), QStringLiteral("resnet18")},
                                                  {QStringLiteral("weights"), QStringLiteral("random:1")}}},
        {QStringLiteral("classifier"), QJsonObject{{QStringLiteral("weights"), QStringLiteral("classifier.pt")},
                                                   {QStringLiteral("hidden"), 64}}},
    };
}

/// `object` with `value` at the dotted `path` ("classifier.hidden"); a null value removes it.
QJsonObject with(QJsonObject object, const QString& path, const QJsonValue& value) {
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (value.isNull()) object.remove(path);
        else object[path] = value;
        return object;
    }
    const QString head = path.left(dot);
    object[head] = with(object.value(head).toObject(), path.mid(dot + 1), value);
    return object;
}

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

AttentionClassifierConfig bundleClassifierConfig(int64_t hidden) {
    AttentionClassifierConfig config;
    config.hidden = hidden;
    return config;
}

void writeClassifier(const QString& path, int64_t hidden) {
    torch::manual_seed(5);
    AttentionClassifier model(bundleClassifierConfig(hidden));
    QVERIFY(StateDict::of(*model).write(path.toStdString()));
}

/// Zips `folder`'s files under `prefix` ("" or "name/").
bool zipFolder(const QString& folder, const QString& zipPath, const QString& prefix) {
    int error = 0;
    zip_t* archive = zip_open(zipPath.toLocal8Bit().constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) return false;
    for (const QString& name : QDir(folder).entryList(QDir::Files)) {
        zip_source_t* source = zip_source_file(archive, QDir(folder).filePath(name).toLocal8Bit().constData(), 0, -1);
        if (!source || zip_file_add(archive, (prefix + name).toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            zip_discard(archive);
            return false;
        }
    }
    return zip_close(archive) == 0;
}

}  // namespace

class TestBundle : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int counter_ = 0;

    /// A new bundle folder with `manifest` and a classifier file of H = 64.
    QString bundleFolder(const QJsonObject& manifest, bool withClassifier = true) {
        const QString folder = dir_.filePath(QStringLiteral("bundle%1").arg(++counter_));
        QDir().mkpath(folder);
        writeText(folder + QStringLiteral("/model.json"), QJsonDocument(manifest).toJson());
        if (withClassifier) writeClassifier(folder + QStringLiteral("/classifier.pt"), 64);
        return folder;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Zipped bundles are unpacked into the cache: keep it inside the test's folder.
        qputenv("SLIDESIGHT_CACHE_DIR", dir_.filePath(QStringLiteral("cache")).toLocal8Bit());
    }

    void readsAFolderAndResolvesWeights() {
        const QString folder = bundleFolder(validManifest());
        const auto bundle = readBundle(folder.toStdString());
        QVERIFY2(bundle, bundle.error().c_str());
        QCOMPARE(QString::fromStdString(bundle->name), QStringLiteral("test bundle"));
        QCOMPARE(bundle->classCount(), int64_t(2));
        QCOMPARE(QString::fromStdString(bundle->classifier.weights), QDir(folder).absoluteFilePath(QStringLiteral("classifier.pt")));
        QCOMPARE(bundle->extractor.architecture, std::string("resnet18"));
        QCOMPARE(bundle->classifier.gradcamTarget, std::string("grid"));  // the bundles' default
        // The manifest's own path reads the same bundle.
        const auto viaManifest = readBundle((folder + QStringLiteral("/model.json")).toStdString());
        QVERIFY2(viaManifest, viaManifest.error().c_str());
        QCOMPARE(viaManifest->folder, bundle->folder);
    }

    void randomWeightsMakeItUntrained() {
        // A classifier trained on a seeded, untrained extractor's features is trained; the
        // extractor is labelled untrained on its own.
        const auto bundle = readBundle(bundleFolder(validManifest()).toStdString());
        QVERIFY2(bundle, bundle.error().c_str());
        QVERIFY(bundle->trained);
        QVERIFY(!bundleExtractorTrained(*bundle));
        QVERIFY(bundleHasRandomWeights(*bundle));
        // Random classifier weights make the bundle untrained whatever the manifest says.
        QJsonObject manifest = with(validManifest(), QStringLiteral("classifier.weights"), QStringLiteral("random:4"));
        const auto randomClassifier = readBundle(bundleFolder(manifest).toStdString());
        QVERIFY2(randomClassifier, randomClassifier.error().c_str());
        QVERIFY(!randomClassifier->trained);
        // With files everywhere the manifest's word stands.
        manifest = with(validManifest(), QStringLiteral("extractor.weights"), QStringLiteral("classifier.pt"));
        const auto trained = readBundle(bundleFolder(manifest).toStdString());
        QVERIFY2(trained, trained.error().c_str());
        QVERIFY(trained->trained);
        QVERIFY(bundleExtractorTrained(*trained));
        QVERIFY(!bundleHasRandomWeights(*trained));
        // LRAN's random weights label the LRAN alone.
        manifest = with(manifest, QStringLiteral("lran"), QJsonObject{{QStringLiteral("weights"), QStringLiteral("random:3")}});
        const auto withLran = readBundle(bundleFolder(manifest).toStdString());
        QVERIFY2(withLran, withLran.error().c_str());
        QVERIFY(withLran->lran && withLran->trained && !bundleLranTrained(*withLran));
        QVERIFY(bundleHasRandomWeights(*withLran));
        QCOMPARE(withLran->lran->classes.size(), size_t(4));
    }

    void manifestRoundTrip() {
        const QString folder = dir_.filePath(QStringLiteral("written"));
        QDir().mkpath(folder);
        writeClassifier(folder + QStringLiteral("/classifier.pt"), 64);
        ModelBundle b;
        b.name = "round trip";
        b.description = "all fields";
        b.task = "regression";
        b.classes = {"score"};
        b.trained = true;
        b.trainedOn = "nothing";
        b.metrics = {{"spearman", 0.25}};
        b.extractor.architecture = "resnet18";
        b.extractor.weights = "random:9";
        b.extractor.mean = {0.5, 0.25, 0.125};
        b.extractor.mpp = 4.0;
        b.extractor.patchSize = 112;
        b.classifier.weights = QDir(folder).absoluteFilePath(QStringLiteral("classifier.pt")).toStdString();
        b.classifier.attention = "avg+max";
        b.classifier.hidden = 16;
        b.classifier.kernel = 5;
        b.classifier.nonlinearity = "tanh";
        b.classifier.gradcamTarget = "gprime";
        b.classifier.tissueOnly = true;
        b.lran = BundleLran{};
        b.lran->network = "ran";
        b.lran->weights = "random:2";
        b.lran->classes = {"a", "b", "c"};
        b.lran->mpp = 1.5;
        b.lran->patchSize = 128;
        const auto written = writeBundleManifest(b, folder.toStdString());
        QVERIFY2(written, written.error().c_str());
        // Paths inside the folder are written relative, with no partial file left.
        QFile file(QString::fromStdString(*written));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QLatin1String("classifier")).toObject().value(QLatin1String("weights")).toString(), QStringLiteral("classifier.pt"));
        QVERIFY(!QFile::exists(QString::fromStdString(*written) + QStringLiteral(".partial")));

        const auto r = readBundle(folder.toStdString());
        QVERIFY2(r, r.error().c_str());
        QCOMPARE(r->name, b.name);
        QCOMPARE(r->description, b.description);
        QCOMPARE(r->task, b.task);
        QCOMPARE(r->classes, b.classes);
        QVERIFY(r->trained);  // a trained classifier on a random:9 extractor
        QVERIFY(!bundleExtractorTrained(*r));
        QCOMPARE(r->trainedOn, b.trainedOn);
        QCOMPARE(r->metrics, b.metrics);
        QCOMPARE(r->extractor.architecture, b.extractor.architecture);
        QCOMPARE(r->extractor.weights, b.extractor.weights);
        QVERIFY(r->extractor.mean == b.extractor.mean && r->extractor.std == b.extractor.std);
        QCOMPARE(r->extractor.mpp, b.extractor.mpp);
        QCOMPARE(r->extractor.patchSize, b.extractor.patchSize);
        QCOMPARE(r->classifier.weights, b.classifier.weights);
        QCOMPARE(r->classifier.attention, b.classifier.attention);
        QCOMPARE(r->classifier.hidden, b.classifier.hidden);
        QCOMPARE(r->classifier.kernel, b.classifier.kernel);
        QCOMPARE(r->classifier.nonlinearity, b.classifier.nonlinearity);
        QCOMPARE(r->classifier.gradcamTarget, b.classifier.gradcamTarget);
        QCOMPARE(r->classifier.tissueOnly, b.classifier.tissueOnly);
        QVERIFY(r->lran);
        QCOMPARE(r->lran->network, b.lran->network);
        QCOMPARE(r->lran->weights, b.lran->weights);
        QCOMPARE(r->lran->classes, b.lran->classes);
        QCOMPARE(r->lran->mpp, b.lran->mpp);
        QCOMPARE(r->lran->patchSize, b.lran->patchSize);
        QCOMPARE(r->classCount(), int64_t(1));

        // A manifest naming weights that are not there is not written.
        b.classifier.weights = "missing.pt";
        const auto refused = writeBundleManifest(b, dir_.filePath(QStringLiteral("refused")).toStdString());
        QVERIFY(!refused);
        QVERIFY2(QString::fromStdString(refused.error()).contains(QLatin1String("missing.pt")), refused.error().c_str());
    }

    void gradcamClassByName() {
        // Without gradcam_class Grad-CAM explains the predicted class; with it, the named one,
        // which a written manifest keeps.
        const auto predicted = readBundle(bundleFolder(validManifest()).toStdString());
        QVERIFY2(predicted, predicted.error().c_str());
        QVERIFY(predicted->classifier.gradcamClass.empty());
        QCOMPARE(classificationOptionsFor(*predicted).gradcamClass, int64_t(-1));
        const QString folder = bundleFolder(with(validManifest(), QStringLiteral("classifier.gradcam_class"), QStringLiteral("tumour")));
        auto named = readBundle(folder.toStdString());
        QVERIFY2(named, named.error().c_str());
        QCOMPARE(named->classifier.gradcamClass, std::string("tumour"));
        QCOMPARE(classificationOptionsFor(*named).gradcamClass, int64_t(1));
        const auto written = writeBundleManifest(*named, folder.toStdString());
        QVERIFY2(written, written.error().c_str());
        const auto reread = readBundle(folder.toStdString());
        QVERIFY2(reread, reread.error().c_str());
        QCOMPARE(reread->classifier.gradcamClass, std::string("tumour"));
    }

    void invalidManifests_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("format") << "format" << QJsonValue(2) << "format is 2";
        QTest::newRow("no format") << "format" << QJsonValue() << "format is missing";
        QTest::newRow("task") << "task" << QJsonValue(QStringLiteral("segmentation")) << "task is \"segmentation\"";
        QTest::newRow("architecture") << "extractor.architecture" << QJsonValue(QStringLiteral("vgg16")) << "extractor.architecture";
        QTest::newRow("attention") << "classifier.attention" << QJsonValue(QStringLiteral("sum")) << "classifier.attention";
        QTest::newRow("nonlinearity") << "classifier.nonlinearity" << QJsonValue(QStringLiteral("gelu")) << "classifier.nonlinearity";
        QTest::newRow("gradcam target") << "classifier.gradcam_target" << QJsonValue(QStringLiteral("layer4")) << "classifier.gradcam_target";
        QTest::newRow("gradcam class") << "classifier.gradcam_class" << QJsonValue(QStringLiteral("cancer"))
                                       << "classifier.gradcam_class is \"cancer\", which is not one of the bundle's classes";
        QTest::newRow("empty classes") << "classes" << QJsonValue(QJsonArray()) << "classes is empty";
        QTest::newRow("one class") << "classes" << QJsonValue(QJsonArray{QStringLiteral("a")}) << "at least 2";
        QTest::newRow("regression classes") << "task" << QJsonValue(QStringLiteral("regression")) << "exactly 1";
        QTest::newRow("mpp") << "extractor.mpp" << QJsonValue(0) << "extractor.mpp is 0";
        QTest::newRow("negative mpp") << "extractor.mpp" << QJsonValue(-2.0) << "extractor.mpp is -2";
        QTest::newRow("even kernel") << "classifier.kernel" << QJsonValue(4) << "classifier.kernel is 4";
        QTest::newRow("hidden") << "classifier.hidden" << QJsonValue(0) << "classifier.hidden is 0";
        QTest::newRow("hidden type") << "classifier.hidden" << QJsonValue(QStringLiteral("64")) << "classifier.hidden must be a whole number";
        QTest::newRow("std") << "extractor.std" << QJsonValue(QJsonArray{1, 0, 1}) << "extractor.std[1]";
        QTest::newRow("patch") << "extractor.patch_size" << QJsonValue(8) << "extractor.patch_size is 8";
        QTest::newRow("seed") << "classifier.weights" << QJsonValue(QStringLiteral("random:x")) << "classifier.weights";
        QTest::newRow("unknown field") << "classifier.hiden" << QJsonValue(64) << "classifier.hiden is unknown";
        QTest::newRow("no classifier") << "classifier" << QJsonValue() << "classifier is missing";
        QTest::newRow("lran network") << "lran" << QJsonValue(QJsonObject{{QStringLiteral("network"), QStringLiteral("unet")},
                                                                          {QStringLiteral("weights"), QStringLiteral("random:1")}})
                                      << "lran.network";
        QTest::newRow("missing weights") << "classifier.weights" << QJsonValue(QStringLiteral("other.pt"))
                                         << "\"other.pt\" named by classifier.weights";
    }

    void invalidManifests() {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QString folder = bundleFolder(with(validManifest(), field, value));
        const auto bundle = readBundle(folder.toStdString());
        QVERIFY(!bundle);
        const QString message = QString::fromStdString(bundle.error());
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("model.json")), qPrintable(message));  // names the file
        QVERIFY2(!message.contains(QLatin1Char('\n')) && message.endsWith(QLatin1Char('.')), qPrintable(message));
    }

    void unreadableInputs() {
        const QString notJson = bundleFolder(validManifest());
        writeText(notJson + QStringLiteral("/model.json"), "{\"format\": 1,");
        QVERIFY(QString::fromStdString(readBundle(notJson.toStdString()).error()).contains(QLatin1String("not valid JSON")));
        const QString empty = dir_.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        QVERIFY(QString::fromStdString(readBundle(empty.toStdString()).error()).contains(QLatin1String("no model.json")));
        QVERIFY(QString::fromStdString(readBundle("/nonexistent/bundle").error()).contains(QLatin1String("does not exist")));
        const QString notZip = dir_.filePath(QStringLiteral("broken.zip"));
        writeText(notZip, "not a zip");
        QVERIFY(QString::fromStdString(readBundle(notZip.toStdString()).error()).contains(QLatin1String("zip")));
    }

    void zippedBundle_data() {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("files at the top") << QString();
        QTest::newRow("one folder") << QStringLiteral("demo/");
    }

    void zippedBundle() {
        QFETCH(QString, prefix);
        const QString folder = bundleFolder(validManifest());
        const QString zipPath = dir_.filePath(QStringLiteral("bundle%1.zip").arg(++counter_));
        QVERIFY(zipFolder(folder, zipPath, prefix));
        const auto bundle = readBundle(zipPath.toStdString());
        QVERIFY2(bundle, bundle.error().c_str());
        QCOMPARE(QString::fromStdString(bundle->path), zipPath);
        // Unpacked into the cache, keyed by the archive's content.
        QVERIFY2(QString::fromStdString(bundle->folder).startsWith(dir_.filePath(QStringLiteral("cache/bundles/"))), bundle->folder.c_str());
        QVERIFY(QFile::exists(QString::fromStdString(bundle->classifier.weights)));
        QVERIFY(QString::fromStdString(bundle->classifier.weights).startsWith(QString::fromStdString(bundle->folder)));
        // A second read reuses the unpacked folder.
        const auto again = readBundle(zipPath.toStdString());
        QVERIFY2(again, again.error().c_str());
        QCOMPARE(again->folder, bundle->folder);
        const auto checked = checkBundleWeights(*bundle);
        QVERIFY2(checked, checked.error().c_str());
    }

    void hostileArchives_data() {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("..") << QStringLiteral("dot-dot-entry.zip") << QStringLiteral("points outside the bundle");
        QTest::newRow("absolute") << QStringLiteral("absolute-entry.zip") << QStringLiteral("points outside the bundle");
        QTest::newRow("symlink") << QStringLiteral("symlink-entry.zip") << QStringLiteral("symbolic link");
        QTest::newRow("twice") << QStringLiteral("duplicate-entry.zip") << QStringLiteral("twice");
    }

    void hostileArchives() {
        // The archives are the fuzz targets' hand-made hostile inputs (tests/fuzz/regressions).
        QFETCH(QString, archive);
        QFETCH(QString, refusal);
        const QString cache = dir_.filePath(QStringLiteral("hostile-cache"));
        const auto unpacked = unpackBundleZip(SLIDESIGHT_FUZZ_REGRESSIONS "/bundlezip/" + archive.toStdString(), cache.toStdString());
        QVERIFY(!unpacked);
        const QString message = QString::fromStdString(unpacked.error());
        QVERIFY2(message.contains(refusal), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
        // Nothing was left behind, not even the private unpacking folder.
        QVERIFY(QDir(cache).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    }

    void zipBombIsRefused() {
        // 4 MiB of zeros compress to a few kilobytes; the limit counts what is unpacked.
        const QString zipPath = dir_.filePath(QStringLiteral("bomb.zip"));
        int error = 0;
        zip_t* archive = zip_open(zipPath.toLocal8Bit().constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
        QVERIFY(archive);
        static const std::vector<char> zeros(4 << 20, 0);
        zip_source_t* source = zip_source_buffer(archive, zeros.data(), zeros.size(), 0);
        QVERIFY(source && zip_file_add(archive, "weights.pt", source, 0) >= 0);
        QVERIFY(zip_close(archive) == 0);
        QVERIFY(QFileInfo(zipPath).size() < 100000);
        const QString cache = dir_.filePath(QStringLiteral("bomb-cache"));
        const auto refused = unpackBundleZip(zipPath.toStdString(), cache.toStdString(), 1 << 20);
        QVERIFY(!refused);
        QVERIFY2(QString::fromStdString(refused.error()).contains(QLatin1String("zip bomb")), refused.error().c_str());
        QVERIFY(QDir(cache).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
        // The same archive within the limit unpacks.
        const auto unpacked = unpackBundleZip(zipPath.toStdString(), cache.toStdString(), 8 << 20);
        QVERIFY2(unpacked, unpacked ? "" : unpacked.error().c_str());
        QCOMPARE(QFileInfo(QString::fromStdString(*unpacked) + QStringLiteral("/weights.pt")).size(), qint64(4 << 20));
    }

    void weightsOutsideTheBundleAreRefused_data() {
        QTest::addColumn<QString>("weights");
        const QString outside = dir_.filePath(QStringLiteral("outside.pt"));
        writeClassifier(outside, 64);
        QTest::newRow("..") << QStringLiteral("../outside.pt");
        QTest::newRow(".. inside a path") << QStringLiteral("sub/../../outside.pt");
        QTest::newRow("absolute") << outside;
    }

    void weightsOutsideTheBundleAreRefused() {
        // A bundle from elsewhere must not make the application read files outside it, even
        // ones that exist.
        QFETCH(QString, weights);
        const QString folder = bundleFolder(with(validManifest(), QStringLiteral("classifier.weights"), weights));
        QDir().mkpath(folder + QStringLiteral("/sub"));
        const auto read = readBundle(folder.toStdString());
        QVERIFY(!read);
        QCOMPARE(QString::fromStdString(read.error()),
                 QStringLiteral("The weights file \"%1\" named by classifier.weights in \"%2/model.json\" lies outside the "
                                "bundle folder; a bundle names its weights by a path inside its folder.")
                     .arg(weights, folder));
        // Writing one is refused too: the weights belong in the folder.
        ModelBundle b;
        b.classes = {"normal", "tumour"};
        b.classifier.weights = dir_.filePath(QStringLiteral("outside.pt")).toStdString();
        const QString target = dir_.filePath(QStringLiteral("written%1").arg(++counter_));
        const auto written = writeBundleManifest(b, target.toStdString());
        QVERIFY(!written);
        QVERIFY2(QString::fromStdString(written.error()).contains(QLatin1String("lies outside the bundle folder")),
                 written.error().c_str());
        QVERIFY(!QFile::exists(target + QStringLiteral("/model.json")));
        // Inside the folder, by any spelling, is fine.
        const QString inside = bundleFolder(with(validManifest(), QStringLiteral("classifier.weights"), QStringLiteral("./classifier.pt")));
        const auto fine = readBundle(inside.toStdString());
        QVERIFY2(fine, fine ? "" : fine.error().c_str());
    }

    void damagedUnpackedCopyIsUnpackedAgain() {
        const QString folder = bundleFolder(validManifest());
        const QString zipPath = dir_.filePath(QStringLiteral("bundle%1.zip").arg(++counter_));
        QVERIFY(zipFolder(folder, zipPath, QString()));
        const auto first = readBundle(zipPath.toStdString());
        QVERIFY2(first, first.error().c_str());
        QVERIFY(first->notice.empty());
        const QString weights = QString::fromStdString(first->classifier.weights);
        QFile original(folder + QStringLiteral("/classifier.pt"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray good = original.readAll();

        const auto damageAndRead = [&](const std::function<void()>& damage) {
            damage();
            const auto again = readBundle(zipPath.toStdString());
            if (!again) return QString::fromStdString(again.error());
            QFile file(weights);
            if (!file.open(QIODevice::ReadOnly) || file.readAll() != good) return QStringLiteral("weights not restored");
            return QString::fromStdString(again->notice);
        };
        const QString expected = QStringLiteral("The unpacked copy of \"%1\" in the cache was damaged (%2); it was unpacked again.");
        // A weights file truncated in the cache.
        QCOMPARE(damageAndRead([&] { QFile::resize(weights, good.size() / 2); }),
                 expected.arg(zipPath, QStringLiteral("\"classifier.pt\" has changed")));
        // Unpacked again, it is used as it is.
        QCOMPARE(damageAndRead([] {}), QString());
        // A file removed, a file added, the record gone.
        QCOMPARE(damageAndRead([&] { QFile::remove(weights); }), expected.arg(zipPath, QStringLiteral("\"classifier.pt\" is missing")));
        const QString unpacked = QString::fromStdString(first->folder);
        QCOMPARE(damageAndRead([&] { writeText(unpacked + QStringLiteral("/extra.pt"), "x"); }),
                 expected.arg(zipPath, QStringLiteral("it holds files its record does not name")));
        QCOMPARE(damageAndRead([&] { QFile::remove(unpacked + QStringLiteral("/.slidesight-unpacked.sha256")); }),
                 expected.arg(zipPath, QStringLiteral("it has no record of its files")));
        QCOMPARE(damageAndRead([] {}), QString());
        // Nothing but the one unpacked folder is left in the cache.
        const QStringList entries = QDir(unpacked + QStringLiteral("/..")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(std::none_of(entries.begin(), entries.end(), [](const QString& e) { return e.contains(QLatin1String(".damaged")) || e.contains(QLatin1String(".unpacking")); }),
                 qPrintable(entries.join(QLatin1Char(' '))));
    }

    void weightsThatDoNotFit() {
        // The manifest says H = 64; the file was trained with H = 32.
        const QString folder = bundleFolder(validManifest(), false);
        writeClassifier(folder + QStringLiteral("/classifier.pt"), 32);
        const auto bundle = readBundle(folder.toStdString());
        QVERIFY2(bundle, bundle.error().c_str());  // reading does not open the weights
        const auto checked = checkBundleWeights(*bundle);
        QVERIFY(!checked);
        const QString message = QString::fromStdString(checked.error());
        QVERIFY2(message.contains(QLatin1String("classifier.pt")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("conv.weight is [32, 512, 3, 3], expected [64, 512, 3, 3]")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));

        // The fitting file passes, and an LRAN file with the wrong class count names fc.weight.
        writeClassifier(folder + QStringLiteral("/classifier.pt"), 64);
        LranConfig config;
        config.classes = 3;
        Lran lran(config);
        QVERIFY(StateDict::of(*lran).write((folder + QStringLiteral("/lran.pt")).toStdString()));
        writeText(folder + QStringLiteral("/model.json"),
                  QJsonDocument(with(validManifest(), QStringLiteral("lran"), QJsonObject{{QStringLiteral("weights"), QStringLiteral("lran.pt")}}))
                      .toJson());
        const auto withLran = readBundle(folder.toStdString());
        QVERIFY2(withLran, withLran.error().c_str());
        const auto lranChecked = checkBundleWeights(*withLran);
        QVERIFY(!lranChecked);
        QVERIFY2(QString::fromStdString(lranChecked.error()).contains(QLatin1String("fc.weight is [3, 512], expected [4, 512]")),
                 lranChecked.error().c_str());

        // An extractor file that is not a ResNet-18 is named with the tensor.
        writeText(folder + QStringLiteral("/model.json"),
                  QJsonDocument(with(validManifest(), QStringLiteral("extractor.weights"), QStringLiteral("classifier.pt"))).toJson());
        const auto wrongExtractor = readBundle(folder.toStdString());
        QVERIFY2(wrongExtractor, wrongExtractor.error().c_str());
        const auto extractorChecked = checkBundleWeights(*wrongExtractor);
        QVERIFY(!extractorChecked);
        QVERIFY2(QString::fromStdString(extractorChecked.error()).contains(QLatin1String("missing conv1.weight")), extractorChecked.error().c_str());
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestBundle)
#include "tst_bundle.moc"
