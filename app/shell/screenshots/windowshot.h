#pragma once

// `slidesight --window-shot FILE`: the real main window, as a user sees it on their screen,
// captured once it has settled (the analysis and the LRAN finished when a bundle runs, every
// tile the view needs loaded), then the application quits. For scripted pictures of whole
// workflows (the demo's first view) and for tests under Xvfb; `--screenshot` renders the view
// alone without a window.

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QTimer>

namespace slidesight {

class MainWindow;

class WindowShot : public QObject {
    Q_OBJECT
public:
    /// `waitForAnalysis`: a bundle runs on the slide; wait for its analysis (and LRAN).
    WindowShot(MainWindow* window, QString path, bool waitForAnalysis, int timeoutMs, QObject* parent = nullptr);
    void start();

Q_SIGNALS:
    /// The exit code: 0 when the picture was written, else 1 (with one line on stderr).
    void finished(int code);

private:
    void poll();
    void fail(const QString& message);

    MainWindow* window_;
    QString path_;
    bool waitForAnalysis_;
    bool analysed_ = false;
    bool lranDone_ = false;
    bool done_ = false;
    int settledPolls_ = 0;
    QTimer poll_;
    QTimer timeout_;
};

}  // namespace slidesight
