#include "app/analysis/analysisdock.h"

#include "app/analysis/analysislayers.h"
#include "app/analysis/bundlepicker.h"
#include "app/analysis/predictionpanel.h"
#include "app/machine/machinecheckbutton.h"
#include "app/shell/settings/appsettings.h"
#include "app/shell/window/guistallmonitor.h"
#include "viewer/common/background.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

#include <cmath>

namespace slidesight {

namespace {

constexpr int kProgressSteps = 1000;

/// Copies `from` to `to` through QSaveFile (worker thread): all or nothing.
QString copyAtomically(const QString& from, const QString& to) {
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("AnalysisDock", "Cannot read the result file %1.").arg(from);
    QSaveFile out(to);
    if (!out.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("AnalysisDock", "Cannot write %1: %2.").arg(to, out.errorString());
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty() && in.error() != QFileDevice::NoError) {
            out.cancelWriting();
            return QCoreApplication::translate("AnalysisDock", "Cannot read the result file %1.").arg(from);
        }
        if (out.write(chunk) != chunk.size()) {
            out.cancelWriting();
            return QCoreApplication::translate("AnalysisDock", "Cannot write %1: %2.").arg(to, out.errorString());
        }
    }
    if (!out.commit()) return QCoreApplication::translate("AnalysisDock", "Cannot write %1: %2.").arg(to, out.errorString());
    return QString();
}

QString formatEta(double seconds) {
    const int s = static_cast<int>(std::ceil(seconds));
    if (s < 60) return AnalysisDock::tr("about %n s left", nullptr, s);
    return AnalysisDock::tr("about %1 min %2 s left").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

AnalysisDock::AnalysisDock(AnalysisController* controller, LayerStack* stack, QWidget* parent)
    : QDockWidget(tr("Analysis"), parent), controller_(controller), stack_(stack),
      stallMonitor_(new GuiStallMonitor(this)) {
    setObjectName(QStringLiteral("analysisDock"));
    resultFolder_ = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("results"));

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    picker_ = new BundlePicker(body);
    bundleInfo_ = new QLabel(tr("Choose a model bundle: a folder or a .zip with a model.json."), body);
    bundleInfo_->setWordWrap(true);
    banner_ = new QLabel(tr("Untrained model: its prediction and maps are not meaningful."), body);
    banner_->setObjectName(QStringLiteral("untrainedBanner"));
    banner_->setWordWrap(true);
    banner_->setStyleSheet(QStringLiteral("#untrainedBanner { background: #f8d7da; color: #842029; padding: 4px; font-weight: bold; }"));
    banner_->hide();

    auto* form = new QFormLayout;
    device_ = new QComboBox(body);
    device_->addItem(tr("Automatic"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA"), QStringLiteral("cuda"));
    gridMpp_ = new QDoubleSpinBox(body);
    gridMpp_->setRange(0.1, 64.0);
    gridMpp_->setDecimals(2);
    gridMpp_->setSingleStep(0.25);
    gridMpp_->setValue(2.0);
    gridMpp_->setSuffix(tr(" µm/px"));
    tissueOnly_ = new QCheckBox(tr("Tissue cells only"), body);
    auto* machine = new MachineCheckButton(body);
    connect(machine, &MachineCheckButton::summaryChanged, device_, &QWidget::setToolTip);
    auto* deviceRow = new QHBoxLayout;
    deviceRow->addWidget(device_, 1);
    deviceRow->addWidget(machine);
    form->addRow(tr("Device:"), deviceRow);
    form->addRow(tr("Grid:"), gridMpp_);
    form->addRow(QString(), tissueOnly_);

    auto* buttons = new QHBoxLayout;
    runButton_ = new QPushButton(tr("Run"), body);
    cancelButton_ = new QPushButton(tr("Cancel"), body);
    buttons->addWidget(runButton_);
    buttons->addWidget(cancelButton_);
    progress_ = new QProgressBar(body);
    progress_->setRange(0, kProgressSteps);
    progress_->setValue(0);
    progress_->setTextVisible(false);
    status_ = new QLabel(body);
    status_->setObjectName(QStringLiteral("analysisStatus"));
    status_->setWordWrap(true);
    lranProgress_ = new QProgressBar(body);
    lranProgress_->setObjectName(QStringLiteral("lranProgress"));
    lranProgress_->hide();
    prediction_ = new PredictionPanel(body);
    exportButton_ = new QPushButton(tr("Export results…"), body);

    layout->addWidget(picker_);
    layout->addWidget(bundleInfo_);
    layout->addWidget(banner_);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(progress_);
    layout->addWidget(status_);
    layout->addWidget(lranProgress_);
    layout->addWidget(prediction_);
    layout->addWidget(exportButton_);
    layout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body);
    setWidget(scroll);

    connect(picker_, &BundlePicker::loadingStarted, this, [this](const QString& path) {
        setMessage(tr("Reading %1…").arg(QFileInfo(path).fileName()));
        updateState();
    });
    connect(picker_, &BundlePicker::bundleLoaded, this, &AnalysisDock::onBundleLoaded);
    connect(picker_, &BundlePicker::bundleFailed, this, [this](const QString&, const QString& message) {
        setMessage(message);
        updateState();
        Q_EMIT bundleFailed(message);
    });
    connect(runButton_, &QPushButton::clicked, this, &AnalysisDock::run);
    connect(cancelButton_, &QPushButton::clicked, this, &AnalysisDock::cancel);
    connect(exportButton_, &QPushButton::clicked, this, &AnalysisDock::chooseExportPath);
    connect(controller_, &AnalysisController::progress, this, &AnalysisDock::onProgress);
    connect(controller_, &AnalysisController::finished, this, &AnalysisDock::onFinished);
    connect(controller_, &AnalysisController::failed, this, [this](const QString& message) {
        onRunEnded();
        setMessage(message);
        Q_EMIT runFailed(message);
    });
    connect(controller_, &AnalysisController::cancelled, this, [this] {
        onRunEnded();
        setMessage(tr("Analysis cancelled."));
        Q_EMIT runCancelled();
    });
    updateState();
}

AnalysisDock::~AnalysisDock() = default;

void AnalysisDock::setSlide(const QString& path, double slideMpp) {
    if (path != slidePath_ && controller_->isRunning()) controller_->cancel();
    slidePath_ = path;
    slideMpp_ = slideMpp;
    updateState();
}

void AnalysisDock::loadBundle(const QString& path) { picker_->load(path); }

AnalysisDock::State AnalysisDock::state() const {
    if (controller_->isRunning() && !runResultPath_.isEmpty()) return State::Running;
    if (picker_->isLoading()) return State::LoadingBundle;
    return picker_->bundle() ? State::Ready : State::NoBundle;
}

QString AnalysisDock::message() const { return status_->text(); }

void AnalysisDock::setMessage(const QString& text) { status_->setText(text); }

void AnalysisDock::updateState() {
    const State s = state();
    runButton_->setEnabled(s == State::Ready && !slidePath_.isEmpty());
    runButton_->setToolTip(slidePath_.isEmpty() ? tr("Open a slide first.") : QString());
    cancelButton_->setEnabled(s == State::Running);
    picker_->setEnabled(s != State::Running);
    for (QWidget* w : {static_cast<QWidget*>(device_), static_cast<QWidget*>(gridMpp_), static_cast<QWidget*>(tissueOnly_)})
        w->setEnabled(s == State::Ready || s == State::NoBundle);
    exportButton_->setEnabled(result_ && !result_->resultPath.empty() && !exporting_);
    const auto& bundle = picker_->bundle();
    banner_->setVisible(bundle && !bundle->trained);
}

void AnalysisDock::onBundleLoaded(const model::ModelBundle& bundle) {
    gridMpp_->setValue(bundle.extractor.mpp);
    tissueOnly_->setChecked(bundle.classifier.tissueOnly);
    QString info = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(bundle.name).toHtmlEscaped());
    if (!bundle.description.empty()) info += QStringLiteral("<br>") + QString::fromStdString(bundle.description).toHtmlEscaped();
    info += QStringLiteral("<br>") + (bundle.trained ? tr("Trained on %1.").arg(QString::fromStdString(bundle.trainedOn).toHtmlEscaped())
                                                     : tr("Untrained."));
    for (const auto& [metric, value] : bundle.metrics)
        info += QStringLiteral("<br>") + tr("%1: %2").arg(QString::fromStdString(metric)).arg(value, 0, 'g', 3);
    bundleInfo_->setText(info);
    // A damaged unpacked copy was replaced: worth a line instead of the plain "ready".
    setMessage(bundle.notice.empty() ? tr("Model bundle ready.") : QString::fromStdString(bundle.notice));
    updateState();
    Q_EMIT bundleReady();
}

QString AnalysisDock::newResultPath() const {
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    return QDir(resultFolder_).filePath(QStringLiteral("%1-%2.pt").arg(QFileInfo(slidePath_).completeBaseName(), stamp));
}

bool AnalysisDock::run() {
    const auto& bundle = picker_->bundle();
    if (!bundle || slidePath_.isEmpty() || state() != State::Ready) {
        setMessage(slidePath_.isEmpty() ? tr("Open a slide first.") : tr("Choose a model bundle first."));
        return false;
    }
    model::AnalysisOptions o;
    o.slidePath = slidePath_.toStdString();
    o.slideMpp = slideMpp_;
    o.gridMpp = gridMpp_->value();
    o.device = device_->currentData().toString().toStdString();
    o.tissueOnly = tissueOnly_->isChecked();
    o.cacheFolder = cacheFolder_.toStdString();
    runResultPath_ = newResultPath();
    o.resultPath = runResultPath_.toStdString();
    o.programVersion = QCoreApplication::applicationVersion().toStdString();
    progress_->setRange(0, 0);  // busy until the first report
    setMessage(tr("Starting…"));
    stallMonitor_->start();
    controller_->start(*bundle, o);
    updateState();
    return true;
}

void AnalysisDock::cancel() {
    if (state() != State::Running) return;
    controller_->cancel();
    setMessage(tr("Cancelling…"));
    cancelButton_->setEnabled(false);
}

void AnalysisDock::onProgress(const AnalysisProgressInfo& info) {
    if (state() != State::Running) return;
    const bool counted = info.total > 0;
    progress_->setRange(0, counted ? kProgressSteps : 0);
    if (counted) progress_->setValue(static_cast<int>(kProgressSteps * info.done / info.total));
    switch (info.stage) {
    case model::AnalysisStage::Tissue: setMessage(tr("Finding tissue…")); break;
    case model::AnalysisStage::Extraction: {
        QString text = tr("Extracting features: %1 of %2 cells").arg(info.done).arg(info.total);
        if (info.etaSeconds >= 0) text += QStringLiteral(" — ") + formatEta(info.etaSeconds);
        setMessage(text);
        break;
    }
    case model::AnalysisStage::Classification: setMessage(tr("Classifying and computing the maps…")); break;
    case model::AnalysisStage::Done: setMessage(tr("Finishing…")); break;
    }
}

void AnalysisDock::onRunEnded() {
    stallMonitor_->stop();
    runResultPath_.clear();
    progress_->setRange(0, kProgressSteps);
    progress_->setValue(0);
    updateState();
}

void AnalysisDock::onFinished(const AnalysisResultPtr& result) {
    const QString previous = result_ ? QString::fromStdString(result_->resultPath) : QString();
    result_ = result;
    onRunEnded();
    progress_->setValue(kProgressSteps);
    if (!previous.isEmpty() && previous != QString::fromStdString(result->resultPath))
        startInBackground([previous] { QFile::remove(previous); });  // only the latest result is kept
    AnalysisLayers::install(*stack_, *result);
    prediction_->setResult(*result);
    if (!result->classifierMeaningful()) banner_->show();
    const int cells = result->rows * result->columns;
    const QString done = result->fromCache
                             ? tr("Done in %1 s (%2 cells, features from the cache).").arg(result->seconds, 0, 'f', 1).arg(cells)
                             : tr("Done in %1 s (%2 cells).").arg(result->seconds, 0, 'f', 1).arg(cells);
    setMessage(result->cacheNotice.empty() ? done : done + QLatin1Char(' ') + QString::fromStdString(result->cacheNotice));
    startLran(*result);
    Q_EMIT runFinished();
}

void AnalysisDock::chooseExportPath() {
    if (!result_ || result_->resultPath.empty()) return;
    const QString suggested = QFileInfo(slidePath_).completeBaseName() + QStringLiteral("-analysis.pt");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results"), QDir(AppSettings::lastDirectory()).filePath(suggested),
                                                      tr("Result files (*.pt);;All files (*)"));
    if (path.isEmpty()) return;
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    exportResultTo(path);
}

void AnalysisDock::exportResultTo(const QString& path) {
    if (!result_ || result_->resultPath.empty() || exporting_) {
        Q_EMIT exportFinished(tr("There is no result to export."));
        return;
    }
    exporting_ = true;
    updateState();
    const QString from = QString::fromStdString(result_->resultPath);
    runInBackground(this, [from, path] { return copyAtomically(from, path); }, [this, path](const QString& error) {
        exporting_ = false;
        setMessage(error.isEmpty() ? tr("Saved %1.").arg(QFileInfo(path).fileName()) : error);
        updateState();
        Q_EMIT exportFinished(error);
    });
}

}  // namespace slidesight
