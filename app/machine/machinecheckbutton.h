#pragma once

// The Analysis dock's "This machine…" button: what `slidesight-cli doctor` reports, in the
// viewer. On creation a quick check (versions, CUDA, GPUs; no self-test) gives the device box
// its tooltip; a click runs the extractor's self-test on every device and shows the whole
// report in a details window. Both checks run off the GUI thread.

#include "model/extraction/systemcheck.h"

#include <QtWidgets/QToolButton>

class QDialog;

namespace slidesight {

class MachineCheckButton : public QToolButton {
    Q_OBJECT
public:
    /// `selfTest` sets the self-test's size (patches per batch size tried).
    explicit MachineCheckButton(QWidget* parent = nullptr, model::SystemCheckOptions selfTest = {});

    /// The latest summary (empty until the quick check is back).
    QString summary() const { return summary_; }
    /// The details window of the latest self-test (null before the first).
    QDialog* details() const { return details_; }
    bool isChecking() const { return checking_; }

Q_SIGNALS:
    /// A check came back: its summary, for tooltips.
    void summaryChanged(const QString& summary);
    /// The self-test came back and its details are shown.
    void detailsShown();

private:
    void check(bool selfTest);
    void present(const model::SystemCheck& check, bool selfTest);

    model::SystemCheckOptions selfTest_;
    QString summary_;
    QDialog* details_ = nullptr;
    bool checking_ = false;
};

}  // namespace slidesight
