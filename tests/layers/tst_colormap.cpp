// Colormaps: matplotlib's tables entry for entry at known points, keys, value lookup, and
// luminance that rises monotonically along the perceptual maps.
#include "common/suite.h"

#include "viewer/layers/colormap.h"

#include <QtTest/QTest>

#include <cmath>

using namespace slidesight;

namespace {

QString hex(QRgb c) { return QStringLiteral("#%1").arg(c & 0xFFFFFF, 6, 16, QLatin1Char('0')); }

/// Relative luminance of an sRGB colour (linearised, Rec. 709 weights).
double luminance(QRgb c) {
    const auto lin = [](int v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(qRed(c)) + 0.7152 * lin(qGreen(c)) + 0.0722 * lin(qBlue(c));
}

}  // namespace

class TestColormap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownEntries_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("colour");
        // From matplotlib.colors.to_hex(matplotlib.colormaps[name].resampled(256)(index)).
        QTest::newRow("viridis 0") << "viridis" << 0 << "#440154";
        QTest::newRow("viridis 128") << "viridis" << 128 << "#21918c";
        QTest::newRow("viridis 255") << "viridis" << 255 << "#fde725";
        QTest::newRow("magma 0") << "magma" << 0 << "#000004";
        QTest::newRow("magma 255") << "magma" << 255 << "#fcfdbf";
        QTest::newRow("inferno 0") << "inferno" << 0 << "#000004";
        QTest::newRow("inferno 127") << "inferno" << 127 << "#ba3655";
        QTest::newRow("inferno 255") << "inferno" << 255 << "#fcffa4";
        QTest::newRow("plasma 0") << "plasma" << 0 << "#0d0887";
        QTest::newRow("plasma 255") << "plasma" << 255 << "#f0f921";
        QTest::newRow("jet 0") << "jet" << 0 << "#000080";
        QTest::newRow("jet 127") << "jet" << 127 << "#7aff7d";
        QTest::newRow("jet 128") << "jet" << 128 << "#7dff7a";
        QTest::newRow("jet 255") << "jet" << 255 << "#800000";
        QTest::newRow("gray 0") << "gray" << 0 << "#000000";
        QTest::newRow("gray 100") << "gray" << 100 << "#646464";
        QTest::newRow("gray 255") << "gray" << 255 << "#ffffff";
    }
    void knownEntries() {
        QFETCH(QString, key);
        QFETCH(int, index);
        QFETCH(QString, colour);
        const auto map = colormapFromKey(key);
        QVERIFY(map);
        const QRgb c = colormapTable(*map)[static_cast<size_t>(index)];
        QCOMPARE(hex(c), colour);
        QCOMPARE(qAlpha(c), 255);
    }

    void valueLookupFollowsMatplotlib() {
        // matplotlib: index = int(value * 256), the top value in the last entry; clamped.
        const auto& t = colormapTable(Colormap::Viridis);
        QCOMPARE(colormapColor(Colormap::Viridis, 0.0), t[0]);
        QCOMPARE(colormapColor(Colormap::Viridis, 1.0), t[255]);
        QCOMPARE(colormapColor(Colormap::Viridis, 0.5), t[128]);
        QCOMPARE(colormapColor(Colormap::Viridis, 0.499), t[127]);
        QCOMPARE(colormapColor(Colormap::Viridis, -3.0), t[0]);
        QCOMPARE(colormapColor(Colormap::Viridis, 7.0), t[255]);
        QCOMPARE(colormapColor(Colormap::Magma, 10.0 / 256.0 + 1e-9), colormapTable(Colormap::Magma)[10]);
    }

    void perceptualMapsBrightenMonotonically_data() {
        QTest::addColumn<QString>("key");
        for (const char* k : {"viridis", "magma", "inferno", "plasma", "gray"}) QTest::newRow(k) << QString::fromLatin1(k);
    }
    void perceptualMapsBrightenMonotonically() {
        QFETCH(QString, key);
        const auto& t = colormapTable(*colormapFromKey(key));
        // 8-bit rounding makes two of viridis's 255 steps dip by < 0.0003; nothing more.
        for (int i = 1; i < 256; ++i)
            QVERIFY2(luminance(t[static_cast<size_t>(i)]) >= luminance(t[static_cast<size_t>(i - 1)]) - 5e-4,
                     qPrintable(QStringLiteral("%1 at %2").arg(key).arg(i)));
        for (int i = 8; i < 256; i += 8)
            QVERIFY(luminance(t[static_cast<size_t>(i)]) > luminance(t[static_cast<size_t>(i - 8)]));
    }

    void jetIsNotMonotonic() {
        // Jet's luminance peaks in the middle: the reason the perceptual maps are the default.
        const auto& t = colormapTable(Colormap::Jet);
        QVERIFY(luminance(t[128]) > luminance(t[255]));
    }

    void keysRoundTrip() {
        QCOMPARE(allColormaps().size(), size_t(6));
        for (Colormap c : allColormaps()) {
            QCOMPARE(colormapFromKey(colormapKey(c)), std::optional<Colormap>(c));
            QVERIFY(!colormapDisplayName(c).isEmpty());
        }
        QCOMPARE(colormapKey(Colormap::Magma), QStringLiteral("magma"));
        QCOMPARE(colormapFromKey(QStringLiteral(" Viridis ")), std::optional<Colormap>(Colormap::Viridis));
        QVERIFY(!colormapFromKey(QStringLiteral("rainbow")));
        QVERIFY(!colormapFromKey(QString()));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestColormap)
#include "tst_colormap.moc"
