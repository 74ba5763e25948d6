#pragma once

// What `slidesight-cli doctor` prints and the Analysis dock's "This machine" details show, in
// the user's language: the versions, CPU threads, CUDA and each GPU, the extractor's self-test
// per device with the batch it chose and why, and the problems. QtCore only, shared by the
// command line and the viewer.

#include "model/extraction/systemcheck.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace slidesight {

class MachineReport {
    Q_DECLARE_TR_FUNCTIONS(MachineReport)
public:
    /// The report's lines, each a sentence; `version` is SlideSight's.
    static QStringList lines(const model::SystemCheck& check, const QString& version);
    /// The device and batch extraction uses by default, and why, in one sentence.
    static QString extractionLine(const model::SystemCheck& check);
    /// Two or three lines for a tooltip: CUDA, the measured speed and batch, the first problem.
    static QString summary(const model::SystemCheck& check);
    /// The versions of OpenSlide and Qt this program runs with (the model side reports its own).
    static QString openSlideVersion();
};

}  // namespace slidesight
