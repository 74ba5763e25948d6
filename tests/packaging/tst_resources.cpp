// Checks that the "slidesight" Qt resource reaches an executable that links
// slidesight_resources only through another static library (the way the GUI links it through
// the app library), that every icon is a well-formed 24x24 SVG the Qt SVG plugins can render,
// and that the default settings parse.

#include "common/suite.h"

#include "resourceconsumer.h"
#include "slidesightresources.h"

#include <QColor>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QImageReader>
#include <QPixmap>
#include <QSettings>
#include <QStringList>
#include <QTest>
#include <QXmlStreamReader>

namespace {

QStringList toolbarIconNames()
{
    return QString::fromUtf8(SLIDESIGHT_TOOLBAR_ICON_NAMES).split(u',', Qt::SkipEmptyParts);
}

struct SvgRoot
{
    bool ok = false;
    QString error;
    QString viewBox;
};

SvgRoot readSvgRoot(const QString &path)
{
    SvgRoot root;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        root.error = QStringLiteral("cannot open ") + path;
        return root;
    }
    QXmlStreamReader xml(&file);
    bool sawRoot = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && !sawRoot) {
            sawRoot = true;
            if (xml.name() != QLatin1String("svg")) {
                root.error = QStringLiteral("root element is not <svg>");
                return root;
            }
            root.viewBox = xml.attributes().value(QLatin1String("viewBox")).toString();
        }
    }
    if (xml.hasError()) {
        root.error = xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber());
        return root;
    }
    root.ok = sawRoot;
    if (!sawRoot)
        root.error = QStringLiteral("no root element");
    return root;
}

int opaquePixels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x)
            if (qAlpha(argb.pixel(x, y)) > 128)
                ++count;
    return count;
}

} // namespace

class TestResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resourceLinkedWithoutExplicitInit();
    void svgPluginsInstalled();
    void appIcon();
    void toolbarIconSet();
    void toolbarIcon_data();
    void toolbarIcon();
    void defaultSettings();
    void helperFunctions();
};

void TestResources::resourceLinkedWithoutExplicitInit()
{
    // Nothing has called slidesight::initResources() yet: the resource must be registered by
    // linking alone.
    QVERIFY2(QFile::exists(QStringLiteral(":/icons/slidesight.svg")),
             "the slidesight resource is not linked into the executable");
    QVERIFY(resourceConsumerSeesIcon());
}

void TestResources::svgPluginsInstalled()
{
    QVERIFY2(QImageReader::supportedImageFormats().contains("svg"),
             "Qt has no SVG image-format plugin: install the Debian package libqt6svg6");
    const QIcon icon(QStringLiteral(":/icons/zoom-in.svg"));
    QVERIFY(!icon.isNull());
    const QPixmap pixmap = icon.pixmap(QSize(48, 48));
    QVERIFY2(!pixmap.isNull(), "QIcon cannot render an SVG: install the Debian package libqt6svg6");
    QVERIFY(opaquePixels(pixmap.toImage()) > 0);
}

void TestResources::appIcon()
{
    const QString path = slidesight::iconResourcePath(QStringLiteral("slidesight"));
    QVERIFY(QFile::exists(path));
    const SvgRoot root = readSvgRoot(path);
    QVERIFY2(root.ok, qPrintable(root.error));

    QImageReader reader(path);
    reader.setScaledSize(QSize(256, 256));
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    QVERIFY(opaquePixels(image) > 256 * 256 / 4);
}

void TestResources::toolbarIconSet()
{
    const QStringList names = toolbarIconNames();
    const QStringList expected{
        QStringLiteral("open"),       QStringLiteral("recent"),      QStringLiteral("export"),
        QStringLiteral("zoom-in"),    QStringLiteral("zoom-out"),    QStringLiteral("zoom-fit"),
        QStringLiteral("properties"), QStringLiteral("layers"),      QStringLiteral("annotations"),
        QStringLiteral("analyze"),    QStringLiteral("cancel"),      QStringLiteral("settings")};
    for (const QString &name : expected)
        QVERIFY2(names.contains(name), qPrintable(name + QStringLiteral(" is not a toolbar icon")));
}

void TestResources::toolbarIcon_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = toolbarIconNames();
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestResources::toolbarIcon()
{
    QFETCH(QString, name);
    const QString path = slidesight::iconResourcePath(name);
    QVERIFY2(QFile::exists(path), qPrintable(path + QStringLiteral(" is not in the resource")));

    const SvgRoot root = readSvgRoot(path);
    QVERIFY2(root.ok, qPrintable(path + QStringLiteral(": ") + root.error));
    QCOMPARE(root.viewBox, QStringLiteral("0 0 24 24"));

    QImageReader reader(path);
    QCOMPARE(reader.size(), QSize(24, 24));
    reader.setScaledSize(QSize(48, 48));
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    // A drawn icon covers a fair part of its square, and leaves some of it transparent.
    const int opaque = opaquePixels(image);
    QVERIFY2(opaque > 48 * 48 / 20, qPrintable(QStringLiteral("only %1 opaque pixels").arg(opaque)));
    QVERIFY2(opaque < 48 * 48 * 3 / 4, qPrintable(QStringLiteral("%1 opaque pixels").arg(opaque)));
}

void TestResources::defaultSettings()
{
    const QString path = slidesight::defaultSettingsResourcePath();
    QVERIFY(QFile::exists(path));
    const QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(settings.status(), QSettings::NoError);

    QCOMPARE(settings.value(QStringLiteral("tiles/cache_size_mb")).toInt(), 512);
    QCOMPARE(settings.value(QStringLiteral("tiles/threads")).toInt(), 0);
    QCOMPARE(settings.value(QStringLiteral("tiles/tile_size_px")).toInt(), 256);
    QCOMPARE(settings.value(QStringLiteral("view/background_color")).toString(), QStringLiteral("#2b2b2b"));
    QVERIFY(QColor::isValidColorName(settings.value(QStringLiteral("view/background_color")).toString()));
    QCOMPARE(settings.value(QStringLiteral("view/magnification_presets")).toStringList(),
             (QStringList{QStringLiteral("1.25"), QStringLiteral("2.5"), QStringLiteral("5"),
                          QStringLiteral("10"), QStringLiteral("20"), QStringLiteral("40")}));
    QVERIFY(settings.value(QStringLiteral("slide/assumed_mpp_um_per_px")).toString().isEmpty());
    QCOMPARE(settings.value(QStringLiteral("recent/max_files")).toInt(), 10);
    QCOMPARE(settings.value(QStringLiteral("analysis/target_mpp_um_per_px")).toDouble(), 2.0);
    QCOMPARE(settings.value(QStringLiteral("analysis/patch_size_px")).toInt(), 224);
    QCOMPARE(settings.value(QStringLiteral("analysis/attention_sets")).toString(), QStringLiteral("max+min"));
}

void TestResources::helperFunctions()
{
    QCOMPARE(slidesight::iconResourcePath(QStringLiteral("zoom-in")), QStringLiteral(":/icons/zoom-in.svg"));
    QCOMPARE(slidesight::defaultSettingsResourcePath(), QStringLiteral(":/settings/defaults.ini"));
    slidesight::initResources();
    slidesight::initResources();
    QVERIFY(QFile::exists(QStringLiteral(":/icons/slidesight.svg")));
}

SLIDESIGHT_TEST_SUITE(TestResources)
#include "tst_resources.moc"
