// The attention inspector: small multiples of every max/min channel, clicks that choose a
// channel, exact top-k / bottom-k cells, and cells shown on the real slide at 10x.
#include "app/inspector/attentiongallery.h"
#include "app/inspector/cellgallery.h"
#include "app/inspector/cellranking.h"
#include "app/inspector/inspectordock.h"
#include "common/gridfixtures.h"
#include "common/testdata.h"
#include "common/suite.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/view/slideview.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

using namespace slidesight;

namespace {
constexpr int kChannels = 5;
using slidesight::test::kNaN;

/// kChannels x rows x columns; channel j peaks at cell j.
GridDataPtr attentionGrid(QPointF origin, int rows, int columns, float sign) {
    std::vector<float> values(static_cast<size_t>(kChannels * rows * columns));
    for (int j = 0; j < kChannels; ++j)
        for (int i = 0; i < rows * columns; ++i)
            values[static_cast<size_t>(j * rows * columns + i)] = sign * (i == j ? 10.0f : 0.1f * static_cast<float>(i));
    return test::makeGridData(origin, QSizeF(224, 224), rows, columns, kChannels, values);
}

void addAttentionLayers(LayerStack& stack, QPointF origin = {}, int rows = 3, int columns = 4) {
    stack.addLayer(new HeatmapLayer(QStringLiteral("attention-max"), QStringLiteral("Max attention"),
                                    attentionGrid(origin, rows, columns, 1.0f)));
    stack.addLayer(new HeatmapLayer(QStringLiteral("attention-min"), QStringLiteral("Min attention"),
                                    attentionGrid(origin, rows, columns, -1.0f)));
}

bool uniform(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x)
            if (rgb.pixel(x, y) != rgb.pixel(0, 0)) return false;
    return true;
}
}  // namespace

class TestInspector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thumbnailsForEveryChannel() {
        LayerStack stack;
        addAttentionLayers(stack);
        InspectorDock dock(&stack, nullptr);
        AttentionGallery* gallery = dock.channels();
        gallery->rebuildNow();
        const auto maxTiles = gallery->tiles(QStringLiteral("attention-max"));
        const auto minTiles = gallery->tiles(QStringLiteral("attention-min"));
        QCOMPARE(maxTiles.size() + minTiles.size(), 2 * kChannels);
        QCOMPARE(maxTiles.size(), kChannels);
        for (int j = 0; j < kChannels; ++j) {
            QCOMPARE(maxTiles[j]->text(), QString::number(j));
            const QImage picture = maxTiles[j]->icon().pixmap(AttentionGallery::kThumbnailSize).toImage();
            QVERIFY(!picture.isNull());
            QVERIFY2(!uniform(picture), "a thumbnail shows the channel's values");
        }
        // Channel j's hot cell is different from channel k's: the thumbnails differ.
        QVERIFY(maxTiles[0]->icon().pixmap(56).toImage() != maxTiles[1]->icon().pixmap(56).toImage());
    }

    void clickingATileShowsThatChannel() {
        LayerStack stack;
        addAttentionLayers(stack);
        auto* max = qobject_cast<HeatmapLayer*>(stack.layer(QStringLiteral("attention-max")));
        auto* min = qobject_cast<HeatmapLayer*>(stack.layer(QStringLiteral("attention-min")));
        max->setVisible(false);
        AttentionGallery gallery(&stack);
        QSignalSpy chosen(&gallery, &AttentionGallery::channelChosen);
        gallery.rebuildNow();
        gallery.tiles(QStringLiteral("attention-max"))[3]->click();
        QCOMPARE(max->channel(), ChannelSelection::channel(3));
        QVERIFY(max->isVisible());
        QVERIFY(gallery.tiles(QStringLiteral("attention-max"))[3]->isChecked());
        QVERIFY(!gallery.tiles(QStringLiteral("attention-max"))[2]->isChecked());
        QCOMPARE(chosen.count(), 1);
        gallery.tiles(QStringLiteral("attention-min"))[1]->click();
        QCOMPARE(min->channel(), ChannelSelection::channel(1));
        QCOMPARE(max->channel(), ChannelSelection::channel(3));
    }

    void galleryFollowsTheStack() {
        LayerStack stack;
        AttentionGallery gallery(&stack);
        QVERIFY(gallery.tiles(QStringLiteral("attention-max")).isEmpty());
        addAttentionLayers(stack);
        QTRY_COMPARE(gallery.tiles(QStringLiteral("attention-max")).size(), kChannels);
        stack.removeLayer(QStringLiteral("attention-min"));
        QTRY_VERIFY(gallery.tiles(QStringLiteral("attention-min")).isEmpty());
    }

    void topAndBottomCellsAreExact() {
        // 2 x 4, with ties and a cell without a value.
        const std::vector<float> plane{3.0f, 1.0f, 3.0f, kNaN, 0.5f, 7.0f, 1.0f, 3.0f};
        const auto top = topCells(plane, 2, 4, 3);
        QCOMPARE(top.size(), size_t(3));
        QCOMPARE(top[0].value, 7.0f);
        QCOMPARE(std::make_pair(top[0].row, top[0].column), std::make_pair(1, 1));
        QCOMPARE(std::make_pair(top[1].row, top[1].column), std::make_pair(0, 0));  // ties: row-major
        QCOMPARE(std::make_pair(top[2].row, top[2].column), std::make_pair(0, 2));
        const auto bottom = bottomCells(plane, 2, 4, 3);
        QCOMPARE(bottom.size(), size_t(3));
        QCOMPARE(bottom[0].value, 0.5f);
        QCOMPARE(std::make_pair(bottom[1].row, bottom[1].column), std::make_pair(0, 1));
        QCOMPARE(std::make_pair(bottom[2].row, bottom[2].column), std::make_pair(1, 2));
        QCOMPARE(topCells(plane, 2, 4, 100).size(), size_t(7));  // NaN never ranked
        QVERIFY(topCells(plane, 2, 4, 0).empty());

        // Against a brute-force ranking of a larger grid.
        std::vector<float> big(200);
        for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<float>((i * 37) % 23);
        const auto top8 = topCells(big, 10, 20, 8);
        std::vector<float> sorted = big;
        std::sort(sorted.begin(), sorted.end(), std::greater<float>());
        for (size_t i = 0; i < 8; ++i) QCOMPARE(top8[i].value, sorted[i]);
        for (size_t i = 1; i < 8; ++i)
            if (top8[i].value == top8[i - 1].value)
                QVERIFY(top8[i].row * 20 + top8[i].column > top8[i - 1].row * 20 + top8[i - 1].column);
    }

    void cellGalleryRanksTheShownPlane() {
        LayerStack stack;
        addAttentionLayers(stack);
        auto* max = qobject_cast<HeatmapLayer*>(stack.layer(QStringLiteral("attention-max")));
        CellGallery gallery(&stack, nullptr);
        QCOMPARE(gallery.countSpin()->value(), CellGallery::kDefaultCount);
        QCOMPARE(gallery.layerCombo()->currentData().toString(), QStringLiteral("attention-max"));
        max->setChannel(ChannelSelection::channel(2));
        gallery.countSpin()->setValue(3);
        gallery.refreshNow();
        const auto plane = max->data()->plane(max->channel());
        const auto expectTop = topCells(plane, 3, 4, 3);
        const auto expectBottom = bottomCells(plane, 3, 4, 3);
        QCOMPARE(gallery.topShown().size(), size_t(3));
        QCOMPARE(gallery.topTiles().size(), 3);
        QCOMPARE(gallery.bottomTiles().size(), 3);
        for (size_t i = 0; i < 3; ++i) {
            QCOMPARE(gallery.topShown()[i].row, expectTop[i].row);
            QCOMPARE(gallery.topShown()[i].column, expectTop[i].column);
            QCOMPARE(gallery.bottomShown()[i].row, expectBottom[i].row);
            QCOMPARE(gallery.bottomShown()[i].column, expectBottom[i].column);
        }
        QCOMPARE(gallery.topShown()[0].column, 2);  // channel 2 peaks at cell 2
        QCOMPARE(gallery.topTiles()[0]->text(), QStringLiteral("10"));
        // Changing the channel re-ranks.
        max->setChannel(ChannelSelection::channel(4));
        QTRY_COMPARE(gallery.topShown()[0].row * 4 + gallery.topShown()[0].column, 4);
    }

    void clickingACellShowsItAtTenTimes() {
        SLIDESIGHT_REQUIRE_DATA();
        auto opened = OpenSlideSource::open(test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")).toStdString());
        QVERIFY2(static_cast<bool>(opened), "the CMU slide opens");
        std::shared_ptr<const SlideSource> source = *opened;
        const SlideInfo& info = source->info();
        SlideView view;
        view.setAnimated(false);
        view.resize(320, 240);
        view.show();
        view.setSlideGeometry(QSizeF(static_cast<double>(info.width()), static_cast<double>(info.height())),
                              source->mpp(), info.objectivePower);
        LayerStack stack;
        addAttentionLayers(stack, QPointF(800, 800), 3, 4);
        auto* max = qobject_cast<HeatmapLayer*>(stack.layer(QStringLiteral("attention-max")));
        max->setChannel(ChannelSelection::channel(3));  // peak at row 0, column 3
        InspectorDock dock(&stack, &view);
        CellGallery* gallery = dock.cells();
        QSignalSpy ready(gallery, &CellGallery::picturesReady);
        dock.setSlideSource(source);
        QVERIFY(ready.wait(20000));
        QCOMPARE(gallery->topShown()[0].column, 3);
        const QImage picture = gallery->topTiles()[0]->icon().pixmap(CellGallery::kPictureSize).toImage();
        QVERIFY2(!uniform(picture), "the picture shows the slide under the cell");

        gallery->topTiles()[0]->click();
        QVERIFY(std::abs(view.magnification() - 10.0) < 0.05);
        const QPointF expected = max->data()->geometry().cellRect(0, 3).center();
        const QPointF centre = view.visibleLevelZeroRect().center();
        QVERIFY2(std::abs(centre.x() - expected.x()) < 4 && std::abs(centre.y() - expected.y()) < 4,
                 qPrintable(QStringLiteral("centre %1,%2 expected %3,%4")
                                .arg(centre.x()).arg(centre.y()).arg(expected.x()).arg(expected.y())));
    }
};

SLIDESIGHT_TEST_SUITE(TestInspector)
#include "tst_inspector.moc"
