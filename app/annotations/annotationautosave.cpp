#include "app/annotations/annotationautosave.h"

#include "app/annotations/annotationdocument.h"
#include "viewer/annotations/annotationio.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>
#include <QtCore/QThread>
#include <QtGui/QUndoStack>

namespace slidesight {

namespace {

QString writeFile(const AnnotationSet& set, const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    const auto written = AnnotationIO::write(set, path, AnnotationFormat::GeoJson);
    return written ? QString() : AnnotationIO::errorOf(written);
}

}  // namespace

AnnotationAutosave::AnnotationAutosave(AnnotationDocument* document, QObject* parent)
    : QObject(parent), document_(document) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDelayMs);
    connect(&timer_, &QTimer::timeout, this, &AnnotationAutosave::saveNow);
    connect(document, &AnnotationDocument::changed, this, &AnnotationAutosave::onChanged);
    connect(document, &AnnotationDocument::aboutToReset, this, &AnnotationAutosave::saveNow);
    connect(&write_, &QFutureWatcher<void>::finished, this, &AnnotationAutosave::writeFinished);
}

AnnotationAutosave::~AnnotationAutosave() {
    if (document_) disconnect(document_, nullptr, this, nullptr);
    saveNow();
    // Writes queue behind one another: wait for each, then start the next by hand.
    while (write_.isRunning() || queuedSet_) {
        write_.waitForFinished();
        if (queuedSet_) {
            const AnnotationSet set = std::move(*queuedSet_);
            queuedSet_.reset();
            writeFile(set, queuedPath_);
        }
    }
}

QString AnnotationAutosave::besideSlidePath(const QString& slidePath) {
    return QFileInfo(slidePath).absoluteFilePath() + QLatin1String(kSuffix);
}

QString AnnotationAutosave::userDataPath(const QString& slidePath) {
    const QByteArray key = QCryptographicHash::hash(QFileInfo(slidePath).absoluteFilePath().toUtf8(),
                                                    QCryptographicHash::Sha256).toHex().left(32);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(dir).filePath(QStringLiteral("annotations/%1-%2%3")
                                  .arg(QFileInfo(slidePath).fileName(), QString::fromLatin1(key), QLatin1String(kSuffix)));
}

QString AnnotationAutosave::sidecarPathFor(const QString& slidePath) {
    const QFileInfo folder(QFileInfo(slidePath).absolutePath());
    const QFileInfo beside(besideSlidePath(slidePath));
    const bool writable = folder.isWritable() && (!beside.exists() || beside.isWritable());
    return writable ? beside.absoluteFilePath() : userDataPath(slidePath);
}

void AnnotationAutosave::redirect(const QString& slidePath, const QString& sidecar) {
    if (sidecar.isEmpty()) redirects_.remove(slidePath);
    else redirects_.insert(slidePath, sidecar);
}

void AnnotationAutosave::openSlide(const QString& slidePath) {
    if (!document_) return;
    resetting_ = true;
    document_->reset(slidePath);  // saves the previous slide's annotations first
    resetting_ = false;
    dirty_ = false;
    timer_.stop();
    const QString redirected = redirects_.value(slidePath);
    target_ = redirected.isEmpty() ? sidecarPathFor(slidePath) : redirected;
    // Read the newer of the two possible sidecars (or the one it is redirected to).
    QString source;
    const QStringList candidates =
        redirected.isEmpty() ? QStringList{besideSlidePath(slidePath), userDataPath(slidePath)} : QStringList{redirected};
    for (const QString& candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.exists() && (source.isEmpty() || info.lastModified() > QFileInfo(source).lastModified()))
            source = candidate;
    }
    const quint64 generation = ++generation_;
    if (source.isEmpty()) {
        loading_ = false;
        return;
    }
    loading_ = true;
    ++loads_;
    runInBackground(this, [source] { return AnnotationIO::read(source); }, [=](const Expected<AnnotationSet>& read) {
        --loads_;
        onLoaded(slidePath, generation, source, read);
    });
}

void AnnotationAutosave::onLoaded(const QString& slidePath, quint64 generation, const QString& readPath,
                                  const Expected<AnnotationSet>& read) {
    if (generation != generation_ || !document_ || document_->slidePath() != slidePath) return;
    loading_ = false;
    if (!read) {
        const QString error = AnnotationIO::errorOf(read);
        // Keep the unreadable file under another name; new edits go to a fresh sidecar.
        const QString kept = readPath + QStringLiteral(".unreadable-%1")
                                            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss")));
        if (QFile::rename(readPath, kept)) {
            Q_EMIT failed(tr("%1 The file was kept as %2.").arg(error, QFileInfo(kept).fileName()));
        } else {
            Q_EMIT failed(tr("%1 Annotations of this slide are not saved automatically until it is moved away.").arg(error));
            target_.clear();
        }
        return;
    }
    const bool untouched = document_->annotations().isEmpty() && document_->undoStack()->count() == 0;
    if (untouched) {
        resetting_ = true;
        document_->reset(slidePath, *read);
        resetting_ = false;
    } else {
        // Edits made while the file was read stay, after the recovered annotations.
        document_->importAnnotations(*read, tr("Restore saved annotations"));
    }
    Q_EMIT loaded(slidePath, static_cast<int>(read->annotations().size()));
}

void AnnotationAutosave::onChanged() {
    if (resetting_) return;
    dirty_ = true;
    if (!timer_.isActive()) timer_.start();  // not restarted: at most kDelayMs of edits unsaved
}

void AnnotationAutosave::closeSlide() {
    if (!document_) return;
    document_->reset(QString());  // aboutToReset saves
    dirty_ = false;
    timer_.stop();
    target_.clear();
    ++generation_;
    loading_ = false;
}

void AnnotationAutosave::saveNow() {
    if (!document_ || !dirty_ || target_.isEmpty()) return;
    if (loading_) {  // never overwrite a sidecar that is still being read
        timer_.start();
        return;
    }
    timer_.stop();
    dirty_ = false;
    startWrite(document_->annotations(), target_);
}

void AnnotationAutosave::startWrite(const AnnotationSet& snapshot, const QString& path) {
    if (write_.isRunning()) {
        queuedSet_ = snapshot;  // a newer snapshot replaces one still waiting
        queuedPath_ = path;
        return;
    }
    writePath_ = path;
    writeTask_ = startInBackground([snapshot, path] { return writeFile(snapshot, path); });
    write_.setFuture(writeTask_.future());
}

void AnnotationAutosave::writeFinished() {
    const QString error = writeTask_.take().value_or(QString());
    const QString path = writePath_;
    if (error.isEmpty()) Q_EMIT saved(path);
    else Q_EMIT failed(error);
    if (queuedSet_) {
        const AnnotationSet next = std::move(*queuedSet_);
        queuedSet_.reset();
        startWrite(next, queuedPath_);
    }
}

bool AnnotationAutosave::waitForIdle(int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (loads_ > 0 || write_.isRunning() || queuedSet_) {
        if (clock.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return true;
}

}  // namespace slidesight
