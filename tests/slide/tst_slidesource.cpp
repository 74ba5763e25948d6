// The format-independent parts of SlideSource: where µm/px comes from, level choice, property
// look-up and the slide identity used as a cache key.
#include "common/suite.h"

#include "viewer/slide/slidesource.h"

#include <QtTest/QtTest>

#include <atomic>
#include <thread>

using namespace slidesight;

namespace {

/// A SlideSource with a given SlideInfo and no pixels.
class InfoOnlySource final : public SlideSource {
public:
    explicit InfoOnlySource(SlideInfo info) : info_(std::move(info)) {}
    const SlideInfo& info() const override { return info_; }
    Expected<ArgbImage> readRegion(int, int64_t, int64_t, int width, int height) const override {
        return ArgbImage(width, height);
    }
    Expected<ArgbImage> readAssociatedImage(const std::string& name) const override {
        return Expected<ArgbImage>::failure("no " + name);
    }

private:
    SlideInfo info_;
};

SlideInfo infoWith(double slideMpp, double objectivePower) {
    SlideInfo info;
    info.levels = {{1000, 1000, 1.0}};
    if (slideMpp > 0) info.mpp = Mpp{slideMpp, slideMpp * 1.01, MppSource::Slide};
    if (objectivePower > 0) info.objectivePower = objectivePower;
    return info;
}

}  // namespace

Q_DECLARE_METATYPE(slidesight::MppSource)

class TestSlideSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mppPrecedence_data();
    void mppPrecedence();
    void userMppCanBeCleared();
    void mppValueHelpers();
    void mppSourceNames();
    void bestLevelForDownsample_data();
    void bestLevelForDownsample();
    void propertyLookup();
    void identityKey();
    void concurrentMppAccess();
};

void TestSlideSource::mppPrecedence_data() {
    QTest::addColumn<double>("slideMpp");
    QTest::addColumn<double>("objectivePower");
    QTest::addColumn<double>("userMpp");
    QTest::addColumn<MppSource>("source");
    QTest::addColumn<double>("x");
    QTest::addColumn<bool>("assumed");

    QTest::newRow("from the slide") << 0.25 << 40.0 << 0.0 << MppSource::Slide << 0.25 << false;
    QTest::newRow("slide without power") << 0.499 << 0.0 << 0.0 << MppSource::Slide << 0.499 << false;
    QTest::newRow("assumed from 20x") << 0.0 << 20.0 << 0.0 << MppSource::ObjectivePower << 0.5 << true;
    QTest::newRow("assumed from 40x") << 0.0 << 40.0 << 0.0 << MppSource::ObjectivePower << 0.25 << true;
    QTest::newRow("nothing known") << 0.0 << 0.0 << 0.0 << MppSource::Unknown << 0.0 << false;
    QTest::newRow("user over nothing") << 0.0 << 0.0 << 0.3 << MppSource::User << 0.3 << true;
    QTest::newRow("user over power") << 0.0 << 20.0 << 0.3 << MppSource::User << 0.3 << true;
    QTest::newRow("user over slide") << 0.25 << 40.0 << 0.3 << MppSource::User << 0.3 << true;
    QTest::newRow("negative user value ignored") << 0.0 << 20.0 << -1.0 << MppSource::ObjectivePower << 0.5 << true;
}

void TestSlideSource::mppPrecedence() {
    QFETCH(double, slideMpp);
    QFETCH(double, objectivePower);
    QFETCH(double, userMpp);
    QFETCH(MppSource, source);
    QFETCH(double, x);
    QFETCH(bool, assumed);
    InfoOnlySource slide(infoWith(slideMpp, objectivePower));
    slide.setUserMpp(userMpp);
    const Mpp mpp = slide.mpp();
    QCOMPARE(mpp.source, source);
    QCOMPARE(mpp.x, x);
    QCOMPARE(mpp.assumed(), assumed);
    QCOMPARE(mpp.known(), source != MppSource::Unknown);
    // The slide's own metadata is never rewritten by an assumption.
    QCOMPARE(slide.info().mpp.source, slideMpp > 0 ? MppSource::Slide : MppSource::Unknown);
}

void TestSlideSource::userMppCanBeCleared() {
    InfoOnlySource slide(infoWith(0.0, 0.0));
    QCOMPARE(slide.mpp().source, MppSource::Unknown);
    slide.setUserMpp(0.42);
    QCOMPARE(slide.mpp().source, MppSource::User);
    QCOMPARE(slide.mpp().y, 0.42);
    slide.setUserMpp(0.0);
    QCOMPARE(slide.mpp().source, MppSource::Unknown);
    QCOMPARE(slide.mpp().average(), 0.0);
}

void TestSlideSource::mppValueHelpers() {
    QCOMPARE((Mpp{0.2, 0.4, MppSource::Slide}).average(), 0.3);
    QCOMPARE((Mpp{0.2, 0.4, MppSource::Unknown}).average(), 0.0);
    QVERIFY(!(Mpp{0.0, 0.4, MppSource::Slide}).known());  // a zero is never a measurement
    QVERIFY(!(Mpp{0.25, 0.25, MppSource::Slide}).assumed());
    QVERIFY((Mpp{0.25, 0.25, MppSource::ObjectivePower}).assumed());
    QVERIFY(!Mpp{}.known());
}

void TestSlideSource::mppSourceNames() {
    QCOMPARE(QString(mppSourceName(MppSource::Slide)), QStringLiteral("slide"));
    QCOMPARE(QString(mppSourceName(MppSource::ObjectivePower)), QStringLiteral("objective-power"));
    QCOMPARE(QString(mppSourceName(MppSource::User)), QStringLiteral("user"));
    QCOMPARE(QString(mppSourceName(MppSource::Unknown)), QStringLiteral("unknown"));
}

void TestSlideSource::bestLevelForDownsample_data() {
    QTest::addColumn<double>("downsample");
    QTest::addColumn<int>("level");
    // Native levels 1, 4.0003, 16.0012 (OpenSlide reports inexact values like these).
    QTest::newRow("zoomed in") << 0.5 << 0;
    QTest::newRow("level 0") << 1.0 << 0;
    QTest::newRow("between") << 3.5 << 0;
    QTest::newRow("4 within tolerance") << 4.0 << 1;
    QTest::newRow("between 4 and 16") << 10.0 << 1;
    QTest::newRow("16 within tolerance") << 16.0 << 2;
    QTest::newRow("beyond") << 500.0 << 2;
}

void TestSlideSource::bestLevelForDownsample() {
    QFETCH(double, downsample);
    QFETCH(int, level);
    SlideInfo info;
    info.levels = {{16384, 12288, 1.0}, {4096, 3072, 4.0003}, {1024, 768, 16.0012}};
    InfoOnlySource slide(info);
    QCOMPARE(slide.bestLevelForDownsample(downsample), level);
}

void TestSlideSource::propertyLookup() {
    SlideInfo info;
    info.properties = {{"aperio.AppMag", "20"}, {"openslide.mpp-x", "0.499"}, {"openslide.vendor", "aperio"}};
    QCOMPARE(QString::fromStdString(info.property("openslide.mpp-x").value_or("?")), QStringLiteral("0.499"));
    QCOMPARE(QString::fromStdString(info.property("aperio.AppMag").value_or("?")), QStringLiteral("20"));
    QCOMPARE(QString::fromStdString(info.property("openslide.vendor").value_or("?")), QStringLiteral("aperio"));
    QVERIFY(!info.property("openslide.mpp").has_value());  // a prefix is not a match
    QVERIFY(!info.property("zzz").has_value());
    QVERIFY(!SlideInfo().property("openslide.vendor").has_value());
    QCOMPARE(info.width(), 0);
}

void TestSlideSource::identityKey() {
    const SlideIdentity base{"/data/a.svs", 1000, 123456789, "abc"};
    QCOMPARE(base.key(), (SlideIdentity{"/data/a.svs", 1000, 123456789, "abc"}.key()));
    // The value is FNV-1a over path, size, time and hash (little-endian integers), the same in
    // every run: caches kept on disk may rely on it. Reference values computed independently.
    QCOMPARE(SlideIdentity{}.key(), 0xa31e272015f12c43ull);
    QCOMPARE((SlideIdentity{"/a", 5, 7, "x"}.key()), 0x9ed88b61befe2cbfull);
    const QList<SlideIdentity> changed{
        {"/data/b.svs", 1000, 123456789, "abc"},
        {"/data/a.svs", 1001, 123456789, "abc"},
        {"/data/a.svs", 1000, 123456790, "abc"},
        {"/data/a.svs", 1000, 123456789, "abd"},
        {"/data/a.svs", 1000, 123456789, ""},
    };
    QSet<quint64> keys{base.key()};
    for (const SlideIdentity& id : changed) keys.insert(id.key());
    QCOMPARE(keys.size(), changed.size() + 1);
}

void TestSlideSource::concurrentMppAccess() {
    InfoOnlySource slide(infoWith(0.0, 20.0));
    std::atomic<bool> bad{false};
    std::thread writer([&] {
        for (int i = 0; i < 20000; ++i) slide.setUserMpp(i % 2 ? 0.3 : 0.0);
    });
    for (int i = 0; i < 20000; ++i) {
        const Mpp m = slide.mpp();
        if (!((m.source == MppSource::User && m.x == 0.3) ||
              (m.source == MppSource::ObjectivePower && m.x == 0.5)))
            bad = true;
    }
    writer.join();
    QVERIFY(!bad);
}

SLIDESIGHT_APPLESS_TEST_SUITE(TestSlideSource)
#include "tst_slidesource.moc"
