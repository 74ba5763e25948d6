#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>

class QLabel;

namespace slidesight {

class AnalysisController;
class AnalysisDock;
class LranController;
class Shell;

/// The analysis feature of the window: the analysis dock with its controller (whole-slide
/// analysis on the analysis thread) and the LRAN controller, the slide they work on, and the
/// "untrained" banner over the view while a never-trained model's layers are visible. The
/// layers of one slide are removed when another slide opens.
///
/// GUI thread only.
class AnalysisModule : public QObject {
    Q_OBJECT
public:
    explicit AnalysisModule(Shell& shell, QObject* parent = nullptr);
    /// The dock goes first (it reports to the controllers), the analysis thread's owner last;
    /// none of them waits.
    ~AnalysisModule() override;

    AnalysisDock* dock() const { return dock_; }
    AnalysisController* controller() const { return analysis_; }
    LranController* lran() const { return lran_; }

    /// Cancels the runs in flight without waiting (the window is closing).
    void cancel();

private:
    void updateSlide();
    void updateUntrainedBanner();

    Shell& shell_;
    AnalysisController* analysis_ = nullptr;
    LranController* lran_ = nullptr;
    AnalysisDock* dock_ = nullptr;
    QLabel* untrainedViewBanner_ = nullptr;
    QString slide_;
};

}  // namespace slidesight
