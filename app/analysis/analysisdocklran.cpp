// The analysis dock's LRAN part: after an analysis of a bundle with an LRAN, its layers are
// computed (visible tissue first) and their progress shown under the analysis progress.
#include "app/analysis/analysisdock.h"

#include "app/analysis/lrancontroller.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>

namespace slidesight {

void AnalysisDock::setLranController(LranController* lran) {
    if (lran_) disconnect(lran_, nullptr, this, nullptr);
    lran_ = lran;
    if (!lran_) return;
    connect(lran_, &LranController::progress, this, [this](qint64 done, qint64 total) {
        lranProgress_->show();
        lranProgress_->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0) lranProgress_->setValue(static_cast<int>(1000 * done / total));
        lranProgress_->setFormat(tr("LRAN: %1 of %2 patches").arg(done).arg(total));
        lranProgress_->setTextVisible(true);
    });
    connect(lran_, &LranController::finished, this, [this] {
        lranProgress_->setFormat(tr("LRAN layers done."));
        lranProgress_->setValue(lranProgress_->maximum());
    });
    connect(lran_, &LranController::failed, this, [this](const QString& message) {
        lranProgress_->hide();
        setMessage(tr("The LRAN layers failed: %1").arg(message));
    });
    connect(lran_, &LranController::cancelled, this, [this] { lranProgress_->hide(); });
}

void AnalysisDock::startLran(const model::AnalysisResult& result) {
    if (!lran_ || !result.bundle.lran) return;
    lranProgress_->setRange(0, 0);
    lranProgress_->setFormat(tr("LRAN: starting…"));
    lranProgress_->show();
    lran_->start(result.bundle, slidePath_, slideMpp_, device_->currentData().toString());
}

}  // namespace slidesight
