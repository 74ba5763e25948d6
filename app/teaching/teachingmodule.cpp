#include "app/teaching/teachingmodule.h"

#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/analysis/analysismodule.h"
#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationsmodule.h"
#include "app/demo/demomodule.h"
#include "app/shell/imageio.h"
#include "app/shell/shell.h"
#include "app/shell/slidecontroller.h"
#include "app/teaching/scoresheet.h"
#include "app/teaching/teachingdock.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/common/background.h"
#include "viewer/common/qstringfailure.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/slide/slidesource.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtGui/QAction>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMenu>

#include <memory>

namespace slidesight {

namespace {

const QColor kTruthColour(0x00, 0xc8, 0x53);
const QColor kMarksColour(0x29, 0x62, 0xff);
const QColor kModelColour(0xff, 0x6d, 0x00);
constexpr int kThumbnailSide = 360;  ///< the score sheet's thumbnails fit this square

/// The truth's areas: those of `group` when the file has that group, else all.
AnnotationSet truthAreas(const AnnotationSet& file, const QString& group) {
    const bool filter = !group.isEmpty() && file.group(group);
    AnnotationSet out;
    out.setGroup(AnnotationGroup{group.isEmpty() ? QStringLiteral("Truth") : group, kTruthColour});
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

TeachingModule::TeachingModule(Shell& shell, AnalysisModule* analysis, AnnotationsModule* annotations, DemoModule* demo,
                               QObject* parent)
    : QObject(parent), shell_(shell), analysis_(analysis), annotations_(annotations), demo_(demo) {
    dock_ = new TeachingDock(shell.window());
    shell.addDock(dock_, Qt::RightDockWidgetArea, Shell::DockGroup::SlideInfo);
    dock_->hide();  // until a case list is opened

    open_ = new QAction(tr("Open &Teaching Cases…"), this);
    open_->setStatusTip(tr("Go through a list of cases: mark, reveal the truth and the model's maps, compare the figures"));
    connect(open_, &QAction::triggered, this, &TeachingModule::chooseAndOpen);
    reveal_ = new QAction(tr("&Reveal the Case"), this);
    reveal_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    reveal_->setEnabled(false);
    connect(reveal_, &QAction::triggered, this, &TeachingModule::reveal);
    next_ = new QAction(tr("&Next Case"), this);
    next_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageDown));
    next_->setEnabled(false);
    connect(next_, &QAction::triggered, this, &TeachingModule::next);
    previous_ = new QAction(tr("&Previous Case"), this);
    previous_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageUp));
    previous_->setEnabled(false);
    connect(previous_, &QAction::triggered, this, &TeachingModule::previous);
    auto* teaching = new QMenu(tr("Teac&hing"), shell.window());
    teaching->setObjectName(QStringLiteral("teachingMenu"));
    teaching->addActions({open_, reveal_, next_, previous_});
    shell.addOpenMenu(teaching);

    connect(dock_, &TeachingDock::caseChosen, this, &TeachingModule::openCase);
    connect(dock_, &TeachingDock::revealRequested, this, &TeachingModule::reveal);
    connect(dock_, &TeachingDock::nextRequested, this, &TeachingModule::next);
    connect(dock_, &TeachingDock::previousRequested, this, &TeachingModule::previous);
    connect(dock_, &TeachingDock::exportRequested, this, &TeachingModule::chooseAndExport);

    SlideController* slides = shell.controller();
    connect(slides, &SlideController::opened, this, &TeachingModule::onSlideOpened);
    connect(slides, &SlideController::thumbnailReady, this, [this](const QImage& image) {
        const TeachingCase* c = openCaseOrNull();
        if (!c) return;
        thumbnail_ = image.scaled(kThumbnailSide, kThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        // A reveal that came first left its thumbnail to be drawn now.
        if (pendingThumbnail_ && pendingThumbnail_->first == c->id) writeThumbnail(*c, pendingThumbnail_->second);
        pendingThumbnail_.reset();
    });
    connect(slides, &SlideController::closed, this, [this] { shell_.layerStack()->removeLayer(QString::fromLatin1(kTruthLayer)); });
}

TeachingModule::~TeachingModule() {
    // The window is closing (its slide and annotations may be gone already): keep the time spent.
    if (!list_ || current_ < 0) return;
    CaseProgress& p = progress_.of(list_->cases[static_cast<size_t>(current_)].id);
    if (p.state != CaseProgress::State::Revealed && openedAt_.isValid()) p.secondsSpent += openedAt_.elapsed() / 1000.0;
    (void)progress_.save();
}

const TeachingCase* TeachingModule::openCaseOrNull() const {
    if (!list_ || current_ < 0 || current_ >= static_cast<int>(list_->cases.size())) return nullptr;
    const TeachingCase& c = list_->cases[static_cast<size_t>(current_)];
    return shell_.controller()->path() == c.slide ? &c : nullptr;
}

Check TeachingModule::open(const QString& cases, const QString& progressFolder) {
    auto list = TeachingCaseList::read(cases);
    if (!list) return failure(list.error());
    QString notice;
    auto progress = TeachingProgress::open(progressFolder.isEmpty() ? TeachingProgress::defaultFolderFor(*list) : progressFolder,
                                           *list, &notice);
    if (!progress) return failure(progress.error());
    leaveCase();
    if (list_)
        for (const TeachingCase& c : list_->cases) annotations_->autosave()->redirect(c.slide, {});
    list_ = std::move(*list);
    progress_ = std::move(*progress);
    current_ = -1;
    if (!notice.isEmpty()) shell_.showWarning(tr("Teaching"), notice);
    dock_->show();
    dock_->raise();
    int first = 0;
    while (first < static_cast<int>(list_->cases.size()) &&
           progress_.of(list_->cases[static_cast<size_t>(first)].id).state == CaseProgress::State::Revealed)
        ++first;
    openCase(first < static_cast<int>(list_->cases.size()) ? first : 0);
    return true;
}

void TeachingModule::leaveCase() {
    if (!list_ || current_ < 0) return;
    const TeachingCase& c = list_->cases[static_cast<size_t>(current_)];
    CaseProgress& p = progress_.of(c.id);
    if (p.state != CaseProgress::State::Revealed && openedAt_.isValid()) {
        p.secondsSpent += openedAt_.elapsed() / 1000.0;
        if (shell_.controller()->path() == c.slide) {
            p.marks = static_cast<int>(annotations_->document()->annotations().annotations().size());
            if (p.marks > 0) p.state = CaseProgress::State::Marked;
        }
    }
    openedAt_.invalidate();
    if (auto saved = progress_.save(); !saved) shell_.showWarning(tr("Teaching"), QString::fromStdString(saved.error()));
}

void TeachingModule::openCase(int index) {
    if (!list_ || index < 0 || index >= static_cast<int>(list_->cases.size())) return;
    if (index == current_ && openCaseOrNull()) return;
    leaveCase();
    ++revealRun_;  // a reveal still running belongs to the case left
    revealing_ = false;
    current_ = index;
    const TeachingCase& c = list_->cases[static_cast<size_t>(index)];
    annotations_->autosave()->redirect(c.slide, progress_.marksPath(c.id));
    shell_.layerStack()->removeLayer(QString::fromLatin1(kTruthLayer));
    thumbnail_ = QImage();
    pendingThumbnail_.reset();
    openedAt_.start();
    refresh();
    shell_.controller()->open(c.slide);
}

void TeachingModule::next() { openCase(current_ + 1); }
void TeachingModule::previous() { openCase(current_ - 1); }

void TeachingModule::onSlideOpened(const QString& path) {
    if (!list_ || current_ < 0) return;
    const TeachingCase& c = list_->cases[static_cast<size_t>(current_)];
    if (path != c.slide) {
        // Another slide was opened: the case is left, and that slide keeps its own annotations.
        leaveCase();
        annotations_->autosave()->redirect(c.slide, {});
        current_ = -1;
        refresh();
        return;
    }
    if (progress_.of(c.id).state == CaseProgress::State::Revealed) startReveal(false);
    refresh();
}

void TeachingModule::refresh() {
    if (!list_) return;
    dock_->present(*list_, progress_, current_);
    const bool revealed = current_ >= 0 && progress_.of(list_->cases[static_cast<size_t>(current_)].id).state == CaseProgress::State::Revealed;
    reveal_->setEnabled(current_ >= 0 && !revealed && !revealing_);
    next_->setEnabled(current_ + 1 < static_cast<int>(list_->cases.size()));
    previous_->setEnabled(current_ > 0);
    if (revealing_) dock_->setBusy(tr("Revealing: reading the truth and running the model…"));
}

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
    if (auto saved = progress_.save(); !saved) shell_.showWarning(tr("Teaching"), QString::fromStdString(saved.error()));
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
    QImage image = thumbnail_.convertToFormat(QImage::Format_RGB32);
    const double scale = image.width() / static_cast<double>(source->info().width());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    const double pen = 2.0 / scale;
    const auto outline = [&painter, pen](const std::vector<Annotation>& annotations, const QColor& colour) {
        painter.setPen(QPen(colour, pen));
        painter.setBrush(Qt::NoBrush);
        for (const Annotation& a : annotations)
            for (const PolygonPart& part : a.parts) {
                painter.drawPolygon(part.outer);
                for (const QPolygonF& hole : part.holes) painter.drawPolygon(hole);
            }
    };
    outline(std::vector<Annotation>(truth_.annotations().begin(), truth_.annotations().end()), kTruthColour);
    outline(marks_, kMarksColour);
    const double arm = 6.0 / scale;
    if (const auto& point = score.trainee.pointingPoint) {
        painter.setPen(QPen(kMarksColour, pen));
        painter.drawLine(*point - QPointF(arm, 0), *point + QPointF(arm, 0));
        painter.drawLine(*point - QPointF(0, arm), *point + QPointF(0, arm));
    }
    if (const auto& point = score.model.pointingPoint) {
        painter.setPen(QPen(kModelColour, pen));
        painter.drawLine(*point - QPointF(arm, arm), *point + QPointF(arm, arm));
        painter.drawLine(*point - QPointF(arm, -arm), *point + QPointF(arm, -arm));
    }
    painter.end();
    if (auto saved = saveImageAtomically(image, progress_.thumbnailPath(c.id)); !saved)
        shell_.showWarning(tr("Teaching"), QString::fromStdString(saved.error()));
}

Check TeachingModule::exportScoreSheet(const QString& path) const {
    if (!list_) return failure(tr("No teaching cases are open."));
    return ScoreSheet::write(*list_, progress_, path);
}

void TeachingModule::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(shell_.window(), tr("Open Teaching Cases"), QString(),
                                                      tr("Case lists (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    // demo.json stands for its demo folder.
    const QString cases = QFileInfo(path).fileName() == QLatin1String("demo.json") ? QFileInfo(path).absolutePath() : path;
    if (auto opened = open(cases); !opened) shell_.showWarning(tr("Teaching"), QString::fromStdString(opened.error()));
}

void TeachingModule::chooseAndExport() {
    if (!list_) return;
    leaveCase();
    openedAt_.start();
    const QString path = QFileDialog::getSaveFileName(shell_.window(), tr("Export Score Sheet"),
                                                      QDir::home().filePath(QStringLiteral("score-sheet.html")),
                                                      tr("Score sheet (*.html)"));
    if (path.isEmpty()) return;
    if (auto written = exportScoreSheet(path); !written) shell_.showWarning(tr("Teaching"), QString::fromStdString(written.error()));
    else shell_.showStatusMessage(tr("Score sheet written: %1 and its .csv").arg(path), 8000);
}

}  // namespace slidesight
