#include "app/teaching/teachingmodule.h"

#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdocument.h"
#include "app/analysis/analysisdock.h"
#include "app/analysis/analysismodule.h"
#include "app/annotations/annotationsmodule.h"
#include "app/shell/screenshots/imageio.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/teaching/casethumbnail.h"
#include "app/teaching/scoresheet.h"
#include "app/teaching/teachingdock.h"
#include "viewer/common/background.h"
#include "viewer/common/qstringfailure.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QFutureWatcher>
#include <QtCore/QJsonDocument>
#include <QtGui/QAction>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMenu>

#include <memory>

namespace slidesight {

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
        thumbnail_ = image.scaled(CaseThumbnail::kSide, CaseThumbnail::kSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
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
    saving_.waitForFinished();
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
    return open(std::move(*list), progressFolder);
}

Check TeachingModule::open(TeachingCaseList list, const QString& progressFolder) {
    QString notice;
    auto progress = TeachingProgress::open(progressFolder.isEmpty() ? TeachingProgress::defaultFolderFor(list) : progressFolder,
                                           list, &notice);
    if (!progress) return failure(progress.error());
    leaveCase();
    if (list_)
        for (const TeachingCase& c : list_->cases) annotations_->autosave()->redirect(c.slide, {});
    list_ = std::move(list);
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
    saveProgress();
}

void TeachingModule::saveProgress() {
    // One write at a time, in order: a change during a write is written after it.
    if (saving_.isRunning()) {
        saveAgain_ = true;
        return;
    }
    auto task = std::make_shared<BackgroundTask<Check>>(startInBackground(
        [json = QJsonDocument(progress_.toJson()).toJson(), path = progress_.filePath()] { return saveBytesAtomically(json, path); }));
    saving_ = task->future();
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, task] {
        watcher->deleteLater();
        if (const auto saved = task->take(); saved && !*saved)
            shell_.showWarning(tr("Teaching"), QString::fromStdString(saved->error()));
        if (saveAgain_) {
            saveAgain_ = false;
            saveProgress();
        }
    });
    watcher->setFuture(saving_);
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
    // The file name (and the slide's properties) can give the answer away: the case's title
    // stands for it.
    shell_.setSlideTitle(tr("Teaching case %1 of %2").arg(index + 1).arg(list_->cases.size()));
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
        shell_.setSlideTitle({});
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
    // The model's maps are the reveal's: the Analysis dock waits for it (the reveal drives the
    // dock itself).
    if (AnalysisDock* analysis = analysis_ ? analysis_->dock() : nullptr) {
        const bool locked = current_ >= 0 && !revealed;
        analysis->widget()->setEnabled(!locked);
        analysis->setToolTip(locked ? tr("Reveal the case to see the model's analysis.") : QString());
    }
    next_->setEnabled(current_ + 1 < static_cast<int>(list_->cases.size()));
    previous_->setEnabled(current_ > 0);
    if (revealing_) dock_->setBusy(tr("Revealing: reading the truth and running the model…"));
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
    // The sheet embeds the thumbnails read from disk: written off the GUI thread, from copies.
    runInBackground(
        this, [list = *list_, progress = progress_, path] { return ScoreSheet::write(list, progress, path); },
        [this, path](const Check& written) {
            if (!written) shell_.showWarning(tr("Teaching"), QString::fromStdString(written.error()));
            else shell_.showStatusMessage(tr("Score sheet written: %1 and its .csv").arg(path), 8000);
        });
}

}  // namespace slidesight
