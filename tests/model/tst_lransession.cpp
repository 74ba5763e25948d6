// LranSession on the real CMU slide with random weights: the grid over the tissue box, runs
// that stop and go on give the same numbers as one run, cancellation between batches, RAN
// without gates, the CAM target (H by default, B as an option) and the widths (paper-sized
// weights recognised from the file), and the same per-patch values as `lran run`'s file
// (runLranOnSlide).

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/lran/lran_torch.h"
#include "model/lran/lranrun.h"
#include "model/lran/lransession.h"
#include "model/nets/statedict_torch.h"

#include "../cli/resultfilereader.h"
#include "../common/testdata.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <cmath>
#include <map>
#endif  // Q_MOC_RUN

using namespace slidesight;
using namespace slidesight::model;

namespace {

using Cell = std::pair<int, int>;
using Results = std::map<Cell, LranPatchResult>;

double maxDiff(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return INFINITY;
    double d = 0.0;
    for (size_t i = 0; i < a.size(); ++i) d = std::max(d, std::abs(double(a[i]) - double(b[i])));
    return d;
}

/// The largest difference between two results of one patch (probabilities, mask, gates, CAM).
double maxDiff(const LranPatchResult& a, const LranPatchResult& b) {
    if (a.gates.size() != b.gates.size() || a.predicted != b.predicted) return INFINITY;
    double d = std::max({maxDiff(a.probabilities, b.probabilities), maxDiff(a.mask, b.mask), maxDiff(a.cam, b.cam)});
    for (size_t g = 0; g < a.gates.size(); ++g) d = std::max(d, maxDiff(a.gates[g].values, b.gates[g].values));
    return d;
}

torch::Tensor view(const std::vector<float>& values, int64_t h, int64_t w) {
    return torch::from_blob(const_cast<float*>(values.data()), {h, w}, torch::kFloat32);
}

}  // namespace

class TestLranSession : public QObject {
    Q_OBJECT

private:
    std::string slide_;
    LranSessionOptions options(const std::string& network = "lran") const {
        LranSessionOptions o;
        o.slidePath = slide_;
        o.network = network;
        o.weights = "random:3";
        o.device = "cpu";
        return o;
    }
    static std::shared_ptr<LranSession> open(const LranSessionOptions& o) {
        auto session = LranSession::open(o);
        if (!session) qFatal("%s", session.error().c_str());
        return *session;
    }
    /// Runs `cells` and collects the results by cell; counts the batches.
    static Results run(LranSession& session, const std::vector<Cell>& cells, int batch, int* batches = nullptr,
                       const std::atomic<bool>* cancel = nullptr, const LranBatchCallback& also = {}) {
        Results results;
        const auto ran = session.run(
            cells, batch,
            [&](const LranBatchResult& b) {
                if (batches) ++*batches;
                for (const auto& p : b.patches) results[{p.row, p.column}] = p;
                if (also) also(b);
            },
            cancel);
        if (!ran) qFatal("%s", ran.error().c_str());
        if (*ran != static_cast<int64_t>(results.size())) qFatal("run() counted %lld patches", (long long)*ran);
        return results;
    }
    Results all_;  ///< every tissue patch in one run (batch 4)

private Q_SLOTS:
    void initTestCase() {
        SLIDESIGHT_REQUIRE_DATA();
        slide_ = test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")).toStdString();
    }

    void gridOverTissue() {
        const auto session = open(options());
        const LranSessionInfo& info = session->info();
        QVERIFY(info.rows >= 1 && info.columns >= 1 && info.rows * info.columns <= 12);
        QVERIFY(info.regionFromTissue);
        QCOMPARE(info.mapHeight, 8);
        QCOMPARE(info.mapWidth, 8);
        QCOMPARE(info.maskChannels, int64_t(512));
        QCOMPARE(info.classes, int64_t(4));
        QCOMPARE(info.classNames.back(), std::string("Invasive"));
        QVERIFY(info.gated && !info.trained);
        QVERIFY(info.weights.find("untrained") != std::string::npos);
        // 256 px at 2 µm/px on a 0.499 µm/px scan.
        QVERIFY(std::abs(info.cellSize[0] - 256 * 2.0 / 0.499) < 1.0);
        QCOMPARE(info.tissue.size(), size_t(info.rows * info.columns));
        const auto cells = session->tissueCells();
        QVERIFY(!cells.empty());
        for (const auto& [r, c] : cells) QVERIFY(session->tissueFraction(r, c) > 0.0f);
        QCOMPARE(session->doneCount(), int64_t(0));
        // A cell outside the grid is one clear sentence, and nothing runs.
        const auto outside = session->run({{info.rows, 0}}, 2, {});
        QVERIFY(!outside && outside.error().find("outside") != std::string::npos);
    }

    void resumeGivesTheSameNumbers() {
        const auto once = open(options());
        const auto cells = once->tissueCells();
        int batches = 0;
        all_ = run(*once, cells, 4, &batches);
        QCOMPARE(all_.size(), cells.size());
        QCOMPARE(batches, int((cells.size() + 3) / 4));
        QCOMPARE(once->doneCount(), int64_t(cells.size()));
        QCOMPARE(run(*once, cells, 4).size(), size_t(0));  // everything is done: nothing runs again

        const auto halves = open(options());
        const size_t half = cells.size() / 2;
        const std::vector<Cell> first(cells.begin(), cells.begin() + static_cast<long>(half));
        Results resumed = run(*halves, first, 3);
        QCOMPARE(resumed.size(), half);
        // All the cells again: only the second half runs.
        const Results second = run(*halves, cells, 2);
        QCOMPARE(second.size(), cells.size() - half);
        for (const auto& [cell, result] : second) {
            QVERIFY(!resumed.count(cell));
            resumed[cell] = result;
        }
        QCOMPARE(resumed.size(), all_.size());
        for (const auto& [cell, result] : all_) {
            const double d = maxDiff(result, resumed.at(cell));
            QVERIFY2(d < 1e-4, qPrintable(QStringLiteral("patch (%1, %2) differs by %3").arg(cell.first).arg(cell.second).arg(d)));
            QCOMPARE(result.probabilities.size(), size_t(4));
            QCOMPARE(result.mask.size(), size_t(512 * 64));
            QCOMPARE(result.gates.size(), size_t(2));
            QCOMPARE(result.gates[0].height, 4);
            QCOMPARE(result.gates[1].height, 8);
            QCOMPARE(result.cam.size(), size_t(64));
            QCOMPARE(result.camClass, result.predicted);
        }
    }

    void cancelBetweenBatches() {
        const auto session = open(options());
        const auto cells = session->tissueCells();
        if (cells.size() < 3) QSKIP("The tissue box has fewer than 3 patches.");
        std::atomic<bool> cancel{false};
        int batches = 0;
        const Results done = run(*session, cells, 2, &batches, &cancel, [&](const LranBatchResult&) { cancel = true; });
        QCOMPARE(batches, 1);
        QCOMPARE(done.size(), size_t(2));
        QCOMPARE(session->doneCount(), int64_t(2));
        for (const auto& [r, c] : cells) QCOMPARE(session->isDone(r, c), done.count({r, c}) == 1);
        QVERIFY(session->isDone(cells[0].first, cells[0].second) && session->isDone(cells[1].first, cells[1].second));
    }

    void ranHasNoGates() {
        const auto session = open(options("ran"));
        QVERIFY(!session->info().gated);
        const auto cell = session->tissueCells().front();
        const Results results = run(*session, {cell}, 1);
        QCOMPARE(results.size(), size_t(1));
        const LranPatchResult& p = results.begin()->second;
        QVERIFY(p.gates.empty());
        QCOMPARE(p.cam.size(), size_t(64));
        QCOMPARE(p.mask.size(), size_t(512 * 64));
    }

    void camTargetAndWidths() {
        LranSessionOptions o = options();
        const auto onH = open(o);
        QCOMPARE(onH->info().camTarget, std::string("h"));
        QCOMPARE(onH->info().widths, std::string("torchvision"));
        const Cell cell = onH->tissueCells().front();
        const LranPatchResult h = run(*onH, {cell}, 1).begin()->second;
        o.camTarget = "b";
        const auto onB = open(o);
        QCOMPARE(onB->info().camTarget, std::string("b"));
        const LranPatchResult b = run(*onB, {cell}, 1).begin()->second;
        // The same network and mask; another map.
        QVERIFY(maxDiff(h.probabilities, b.probabilities) < 1e-6 && maxDiff(h.mask, b.mask) < 1e-7);
        QCOMPARE(b.cam.size(), size_t(64));
        QVERIFY(maxDiff(h.cam, b.cam) > 1e-6);
        o.camTarget = "layer4";
        const auto wrong = LranSession::open(o);
        QVERIFY(!wrong && wrong.error() == "Unknown CAM target \"layer4\": use h or b.");

        // Paper widths, given for random weights and recognised in a weights file.
        o = options();
        o.widths = "paper";
        const auto paper = open(o);
        QCOMPARE(paper->info().widths, std::string("paper"));
        QCOMPARE(paper->info().maskChannels, int64_t(256));
        QCOMPARE(run(*paper, {cell}, 1).begin()->second.mask.size(), size_t(256 * 64));
        QTemporaryDir dir;
        Lran net(LranConfig::paperSized());
        net->initialiseRandom(4);
        o = options();
        o.weights = dir.filePath(QStringLiteral("paper.pt")).toStdString();
        QVERIFY(StateDict::of(*net).write(o.weights));
        const auto fromFile = open(o);
        QCOMPARE(fromFile->info().widths, std::string("paper"));
        QVERIFY(fromFile->info().trained);
        o.widths = "torchvision";
        const auto mismatch = LranSession::open(o);
        QVERIFY2(!mismatch && mismatch.error().find("(torchvision widths)") != std::string::npos,
                 mismatch ? "opened" : mismatch.error().c_str());
    }

    void matchesLranRunFile() {
        QVERIFY(!all_.empty());
        QTemporaryDir dir;
        LranRunOptions o;
        o.session.slidePath = slide_;
        o.session.weights = "random:3";
        o.session.device = "cpu";
        o.batchSize = 3;
        o.outputPath = dir.filePath(QStringLiteral("lran.pt")).toStdString();
        const auto summary = runLranOnSlide(o);
        QVERIFY2(summary, summary.error().c_str());
        QCOMPARE(summary->patchesRun, int64_t(all_.size()));
        const auto file = test::readResultFile(QString::fromStdString(o.outputPath));
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        const QJsonObject metadata = file.json("metadata");
        QCOMPARE(metadata.value(QLatin1String("cam_target")).toString(), QStringLiteral("h"));
        QCOMPARE(metadata.value(QLatin1String("widths")).toString(), QStringLiteral("torchvision"));
        using torch::indexing::Slice;
        for (const auto& [cell, p] : all_) {
            const auto [r, c] = cell;
            QVERIFY(file.tensor("valid")[r][c].item<bool>());
            QCOMPARE(file.tensor("predicted")[r][c].item<int64_t>(), p.predicted);
            const torch::Tensor probabilities = torch::tensor(p.probabilities);
            QVERIFY(torch::allclose(file.tensor("probabilities")[r][c], probabilities, 1e-4, 1e-5));
            const auto tile = [&](const char* name, int s) {
                return file.tensor(name).index({Slice(r * s, (r + 1) * s), Slice(c * s, (c + 1) * s)});
            };
            QVERIFY(torch::allclose(tile("cam", 8), view(p.cam, 8, 8), 1e-4, 1e-5));
            QVERIFY(torch::allclose(tile("gate_4", 4), view(p.gates[0].values, 4, 4), 1e-4, 1e-5));
            QVERIFY(torch::allclose(tile("gate_8", 8), view(p.gates[1].values, 8, 8), 1e-4, 1e-5));
            const torch::Tensor mask = torch::from_blob(const_cast<float*>(p.mask.data()), {512, 8, 8});
            QVERIFY(torch::allclose(tile("mask_mean", 8), mask.mean(0), 1e-4, 1e-6));
            QVERIFY(torch::allclose(tile("mask_max", 8), std::get<0>(mask.max(0)), 1e-4, 1e-6));
        }
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestLranSession)
#include "tst_lransession.moc"
