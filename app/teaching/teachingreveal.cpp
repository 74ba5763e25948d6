// TeachingModule's reveal: the trainee's marks as they stand, the truth read off the GUI
// thread and shown on top, the case's bundle run through the Analysis dock with its map under
// both, the two readers scored on a worker, the figures kept and the thumbnail drawn.
#include "app/teaching/teachingmodule.h"

#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/analysis/analysismodule.h"
#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationsmodule.h"
#include "app/demo/demomodule.h"
#include "app/shell/screenshots/imageio.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/teaching/casethumbnail.h"
#include "app/teaching/teachingdock.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/common/background.h"
#include "viewer/common/qstringfailure.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/slide/slidesource.h"


#include <memory>

namespace slidesight {

namespace {


/// The truth's areas: those of `group` when the file has that group, else all.
AnnotationSet truthAreas(const AnnotationSet& file, const QString& group) {
    const bool filter = !group.isEmpty() && file.group(group);
    AnnotationSet out;
    out.setGroup(AnnotationGroup{group.isEmpty() ? QStringLiteral("Truth") : group, CaseThumbnail::kTruthColour});
    for (Annotation a : file.annotations()) {
        if (!a.isArea() || (filter && a.group != group)) continue;
        a.group = group.isEmpty() ? QStringLiteral("Truth") : group;
        a.colour.reset();
        out.add(std::move(a));
    }
    return out;
}

/// Connections that end together: the first of several outcomes disconnects all.
struct OneShot {
    std::vector<QMetaObject::Connection> connections;
    void end() {
        for (const auto& c : connections) QObject::disconnect(c);
        connections.clear();
    }
};

}  // namespace

void TeachingModule::reveal() {
    const TeachingCase* c = openCaseOrNull();
    if (!c || revealing_ || progress_.of(c->id).state == CaseProgress::State::Revealed) return;
    if (annotations_->autosave()->isLoading()) return;  // the marks are still being read
    CaseProgress& p = progress_.of(c->id);
    if (openedAt_.isValid()) p.secondsSpent += openedAt_.elapsed() / 1000.0;
    openedAt_.invalidate();
    const auto& marks = annotations_->document()->annotations().annotations();
    marks_.assign(marks.begin(), marks.end());
    p.marks = static_cast<int>(marks_.size());
    annotations_->autosave()->saveNow();
    startReveal(true);
}

void TeachingModule::startReveal(bool record) {
    const TeachingCase* open = openCaseOrNull();
    if (!open) return;
    const TeachingCase c = *open;
    revealing_ = true;
    const quint64 run = ++revealRun_;
    refresh();
    const QString truthPath = c.truth, group = c.group;
    runInBackground(
        this,
        [truthPath, group]() -> Expected<AnnotationSet> {
            if (truthPath.isEmpty()) return AnnotationSet{};
            auto read = AnnotationIO::read(truthPath);
            if (!read) return read;
            return truthAreas(*read, group);
        },
        [this, c, run, record](const Expected<AnnotationSet>& truth) {
            if (run != revealRun_ || !openCaseOrNull()) return;
            if (!truth) {
                revealing_ = false;
                shell_.showWarning(tr("Teaching"), tr("The truth of this case cannot be read: %1")
                                                       .arg(AnnotationIO::errorOf(truth)));
                refresh();
                return;
            }
            showTruth(*truth);
            runModel(c, record);
        });
}

void TeachingModule::showTruth(const AnnotationSet& truth) {
    truth_ = truth;
    auto* layer = new AnnotationLayer(QString::fromLatin1(kTruthLayer), tr("Truth"));
    layer->setAnnotationSet(&truth_);
    shell_.layerStack()->addLayer(layer);  // the stack owns it; on top
}

void TeachingModule::runModel(const TeachingCase& c, bool record) {
    const QSizeF size = shell_.controller()->source()
                            ? QSizeF(static_cast<double>(shell_.controller()->source()->info().width()),
                                     static_cast<double>(shell_.controller()->source()->info().height()))
                            : QSizeF();
    if (c.bundle.isEmpty()) {
        if (record) return score(c, {}, TeachingScoring::gridWithoutModel(size), false, ReaderFigures::kNaN, ModelNotes{});
        revealing_ = false;
        return refresh();
    }
    const auto requests = AnalysisLayers::parseRequests(c.map);
    const AnalysisLayers::Request request =
        requests ? requests->constFirst() : AnalysisLayers::Request{TeachingCaseList::defaultMap().section(QLatin1Char(':'), 0, 0), std::nullopt};
    demo_->keepFirstView(c.map, {QString::fromLatin1(kTruthLayer), QStringLiteral("annotations")});
    AnalysisDock* dock = analysis_->dock();
    const quint64 run = revealRun_;
    auto once = std::make_shared<OneShot>();
    const auto withoutModel = [this, c, run, record, size, once](const QString& problem) {
        if (once->connections.empty()) return;  // an outcome was taken already
        once->end();
        if (run != revealRun_ || !openCaseOrNull()) return;
        if (record) return score(c, {}, TeachingScoring::gridWithoutModel(size), false, ReaderFigures::kNaN, ModelNotes{false, false, problem});
        revealing_ = false;
        refresh();
    };
    once->connections.push_back(connect(dock, &AnalysisDock::bundleReady, this, [dock, withoutModel] {
        // The bundle is loaded: run it (the next outcome ends this).
        if (!dock->run()) withoutModel(tr("The model did not run: %1").arg(dock->message()));
    }));
    once->connections.push_back(connect(dock, &AnalysisDock::bundleFailed, this, [withoutModel](const QString& message) {
        withoutModel(tr("The model could not be loaded: %1").arg(message));
    }));
    once->connections.push_back(connect(dock, &AnalysisDock::runFailed, this, [withoutModel](const QString& message) {
        withoutModel(tr("The model did not run: %1").arg(message));
    }));
    once->connections.push_back(connect(dock, &AnalysisDock::runCancelled, this, [withoutModel] {
        withoutModel(tr("The model's run was cancelled."));
    }));
    once->connections.push_back(connect(dock, &AnalysisDock::runFinished, this, [this, c, run, record, request, dock, once, withoutModel] {
        if (run != revealRun_ || !openCaseOrNull()) return once->end();
        auto* map = qobject_cast<HeatmapLayer*>(shell_.layerStack()->layer(request.id));
        if (!map || !map->data()) return withoutModel(tr("The model gives no map \"%1\".").arg(request.id));
        once->end();
        if (!record) {
            revealing_ = false;
            return refresh();
        }
        const ChannelSelection channel = request.channel.value_or(map->channel());
        bool callsLesional = false;
        double probability = ReaderFigures::kNaN;
        ModelNotes notes{map->isUntrained(), false, QString()};
        if (const AnalysisResultPtr result = dock->lastResult()) {
            notes.extractorUntrained = !result->extractorTrained;
            if (!result->probabilities.empty()) {
                callsLesional = result->predictedClass != 0;
                probability = 1.0 - result->probabilities.front();
            }
        }
        score(c, map->data()->plane(channel), map->data()->geometry(), callsLesional, probability, notes);
    }));
    dock->loadBundle(c.bundle);
}

void TeachingModule::score(const TeachingCase& c, std::vector<float> map, const GridGeometry& grid, bool callsLesional,
                           double probability, const ModelNotes& notes) {
    TeachingScoreInput input;
    input.grid = grid;
    input.truth.assign(truth_.annotations().begin(), truth_.annotations().end());
    input.marks = marks_;
    input.map = std::move(map);
    input.modelCallsLesional = callsLesional;
    input.modelLesionProbability = probability;
    const quint64 run = revealRun_;
    runInBackground(
        this,
        [input = std::move(input)]() -> Expected<TeachingScore> {
            try {
                return TeachingScoring::score(input);
            } catch (const std::exception& e) {
                return failure(e.what());
            }
        },
        [this, c, run, notes](const Expected<TeachingScore>& scored) {
            if (run != revealRun_) return;
            if (!scored) {
                revealing_ = false;
                shell_.showWarning(tr("Teaching"), tr("The case could not be scored: %1").arg(QString::fromStdString(scored.error())));
                return refresh();
            }
            finishReveal(c, *scored, notes);
        });
}

void TeachingModule::finishReveal(const TeachingCase& c, const TeachingScore& score, const ModelNotes& notes) {
    CaseProgress& p = progress_.of(c.id);
    p.state = CaseProgress::State::Revealed;
    p.score = score;
    p.revealedAt = QDateTime::currentDateTime();
    p.map = c.bundle.isEmpty() ? QString() : c.map;
    p.modelUntrained = notes.untrained;
    p.extractorUntrained = notes.extractorUntrained;
    p.modelProblem = notes.problem;
    revealing_ = false;
    writeThumbnail(c, score);
    saveProgress();
    refresh();
    Q_EMIT revealed(current_);
}

void TeachingModule::writeThumbnail(const TeachingCase& c, const TeachingScore& score) {
    const auto source = shell_.controller()->source();
    if (!source || source->info().width() <= 0) return;
    if (thumbnail_.isNull()) {
        pendingThumbnail_ = std::make_pair(c.id, score);
        return;
    }
    // Drawn and written off the GUI thread, from copies.
    runInBackground(
        this,
        [thumbnail = thumbnail_, width = static_cast<double>(source->info().width()),
         truth = std::vector<Annotation>(truth_.annotations().begin(), truth_.annotations().end()), marks = marks_, score,
         path = progress_.thumbnailPath(c.id)] {
            return saveImageAtomically(CaseThumbnail::draw(thumbnail, width, truth, marks, score), path);
        },
        [this](const Check& saved) {
            if (!saved) shell_.showWarning(tr("Teaching"), QString::fromStdString(saved.error()));
        });
}

}  // namespace slidesight
