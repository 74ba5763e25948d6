#include "app/review/reviewrecorder.h"

#include "app/annotations/annotationautosave.h"
#include "viewer/coverage/coveragefile.h"
#include "viewer/view/slideview.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QFutureWatcher>
#include <QtCore/QThread>
#include <QtGui/QGuiApplication>

#include <algorithm>
#include <chrono>

namespace slidesight {

namespace {

double steadySeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

ReviewRecorder::ReviewRecorder(SlideView* view, QObject* parent) : QObject(parent), view_(view), clock_(steadySeconds) {
    connect(view, &SlideView::viewChanged, this, &ReviewRecorder::viewChanged);
    tickTimer_.setInterval(1000);
    connect(&tickTimer_, &QTimer::timeout, this, &ReviewRecorder::tick);
    saveTimer_.setInterval(kSaveIntervalMs);
    connect(&saveTimer_, &QTimer::timeout, this, &ReviewRecorder::saveNow);
}

ReviewRecorder::~ReviewRecorder() {
    write_.future().waitForFinished();
    if (hasSlide() && !loading_) {
        credit();
        if (coverage_.revision() != savedRevision_ && QDir().mkpath(QFileInfo(sidecarPath_).absolutePath()))
            (void)CoverageFile::write(CoverageFile::serialise(coverage_, QFileInfo(slidePath_).fileName()), sidecarPath_);
    }
}

void ReviewRecorder::setClock(std::function<double()> clock) {
    clock_ = std::move(clock);
    lastCredit_ = clock_();
}

bool ReviewRecorder::isActive() const {
    return recording_ && hasSlide() && view_ && view_->isVisible() &&
           (recordWhenInactive_ || QGuiApplication::applicationState() == Qt::ApplicationActive);
}

QString ReviewRecorder::sidecarPathFor(const QString& slidePath) {
    const QString beside = CoverageFile::besideAnnotations(AnnotationAutosave::besideSlidePath(slidePath));
    const QString userData = CoverageFile::besideAnnotations(AnnotationAutosave::userDataPath(slidePath));
    if (QFileInfo::exists(beside)) return beside;
    if (QFileInfo::exists(userData)) return userData;
    const bool annotatedBeside = QFileInfo::exists(AnnotationAutosave::besideSlidePath(slidePath));
    return annotatedBeside && QFileInfo(QFileInfo(slidePath).absolutePath()).isWritable() ? beside : userData;
}

void ReviewRecorder::openSlide(const QString& slidePath, const QSizeF& slideSize) {
    if (hasSlide()) closeSlide();
    slidePath_ = slidePath;
    sidecarPath_ = sidecarPathFor(slidePath);
    coverage_ = ReviewCoverage(slideSize, ReviewCoverage::cellSizeFor(slideSize));
    savedRevision_ = coverage_.revision();
    announcedRevision_ = savedRevision_;
    shown_.clear();
    lastCredit_ = clock_();
    loading_ = QFileInfo::exists(sidecarPath_);
    if (loading_) {
        runInBackground(this, [path = sidecarPath_] { return CoverageFile::read(path); },
                        [this, slidePath](Expected<ReviewCoverage> loaded) { onLoaded(slidePath, std::move(loaded)); });
    }
    tickTimer_.start();
    saveTimer_.start();
    viewChanged();
    Q_EMIT coverageChanged();
}

void ReviewRecorder::onLoaded(const QString& slidePath, Expected<ReviewCoverage> loaded) {
    if (slidePath != slidePath_) return;  // another slide was opened meanwhile
    loading_ = false;
    if (loaded && loaded->add(coverage_)) {
        coverage_ = std::move(*loaded);
        savedRevision_ = coverage_.revision() - 1;  // what was recorded while loading is not saved yet
    } else {
        const QString reason = loaded ? tr("it was recorded for a slide of another size") : QString::fromStdString(loaded.error());
        const QString aside = sidecarPath_ + QStringLiteral(".unreadable");
        QFile::remove(aside);
        QFile::rename(sidecarPath_, aside);
        Q_EMIT problem(tr("The review coverage of this slide could not be used (%1); it was kept as %2 and recording "
                          "starts over.")
                           .arg(reason, QDir::toNativeSeparators(aside)));
    }
    Q_EMIT coverageChanged();
}

void ReviewRecorder::closeSlide() {
    if (!hasSlide()) return;
    credit();
    if (!loading_) saveNow();
    tickTimer_.stop();
    saveTimer_.stop();
    slidePath_.clear();
    sidecarPath_.clear();
    coverage_ = ReviewCoverage();
    loading_ = false;
    Q_EMIT coverageChanged();
}

void ReviewRecorder::setRecording(bool recording) {
    if (recording == recording_) return;
    credit();  // what was shown until now counts (or not) under the old setting
    recording_ = recording;
    lastCredit_ = clock_();
    Q_EMIT recordingChanged(recording);
}

void ReviewRecorder::forget() {
    if (!hasSlide()) return;
    coverage_.clear();
    lastCredit_ = clock_();
    saveNow();
    announcedRevision_ = coverage_.revision();
    Q_EMIT coverageChanged();
}

void ReviewRecorder::credit() {
    const double now = clock_();
    const double seconds = std::min(now - lastCredit_, kMaxCreditSeconds);
    lastCredit_ = now;
    if (seconds > 0.0 && isActive() && !shown_.isEmpty()) coverage_.record(shown_, shownMagnification_, seconds);
}

void ReviewRecorder::viewChanged() {
    credit();
    if (!view_ || !hasSlide()) return;
    shown_ = view_->visibleLevelZeroPolygon();
    shownMagnification_ = view_->magnification();
}

void ReviewRecorder::tick() {
    credit();
    if (coverage_.revision() != announcedRevision_) {
        announcedRevision_ = coverage_.revision();
        Q_EMIT coverageChanged();
    }
}

void ReviewRecorder::saveNow() {
    if (!hasSlide() || loading_ || coverage_.revision() == savedRevision_) return;
    if (writing_) return;  // the next save interval (or closing) writes what follows
    const QByteArray bytes = CoverageFile::serialise(coverage_, QFileInfo(slidePath_).fileName());
    const QString path = sidecarPath_;
    savedRevision_ = coverage_.revision();
    writing_ = true;
    write_ = startInBackground([bytes, path] {
        QDir().mkpath(QFileInfo(path).absolutePath());
        return CoverageFile::write(bytes, path);
    });
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        writing_ = false;
        const std::optional<Check> written = write_.take();
        if (written && !*written) Q_EMIT problem(QString::fromStdString(written->error()));
        else if (written) Q_EMIT saved(path);
    });
    watcher->setFuture(write_.future());
}

bool ReviewRecorder::waitForIdle(int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (loading_ || writing_) {
        if (clock.elapsed() > timeoutMs) return false;
        write_.future().waitForFinished();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (loading_) QThread::msleep(2);
    }
    return true;
}

}  // namespace slidesight
