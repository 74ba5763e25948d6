#include "app/machine/machinereport.h"

#include "viewer/slide/openslidesource.h"

#include <QtCore/QLocale>

namespace slidesight {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QString gigabytes(int64_t bytes) { return QString::number(static_cast<double>(bytes) / (1024.0 * 1024 * 1024), 'f', 1); }

}  // namespace

QString MachineReport::openSlideVersion() { return text(OpenSlideSource::libraryVersion()); }

QString MachineReport::extractionLine(const model::SystemCheck& c) {
    if (c.defaultDevice == "cuda")
        return tr("Extraction uses cuda:0 in float16 with the batch measured as above.");
    for (const model::DeviceSelfTest& t : c.selfTests)
        if (t.device == "cpu")
            return tr("Extraction uses the CPU in float32 with batch 4 (measured once on a 2-core machine; "
                      "--batch changes it); the fastest here was %1.")
                .arg(t.chosenBatch);
    return tr("Extraction uses the CPU in float32 with batch 4.");
}

QStringList MachineReport::lines(const model::SystemCheck& c, const QString& version) {
    QStringList out;
    out << tr("SlideSight %1 with Qt %2, OpenSlide %3, LibTorch %4, OpenCV %5")
               .arg(version, QString::fromLatin1(qVersion()), openSlideVersion(), text(c.torchVersion),
                    text(c.opencvVersion));
    out << tr("CPU: %1 hardware threads; Torch uses %2.").arg(c.hardwareThreads).arg(c.torchThreads);
    out << text(c.cudaLine());
    for (const model::GpuInfo& g : c.gpus) {
        QString line = tr("GPU %1: %2").arg(g.index).arg(text(g.name));
        if (g.totalBytes > 0) line += tr(", %1 GB").arg(gigabytes(g.totalBytes));
        if (g.freeBytes >= 0) line += tr(" (%1 GB free)").arg(gigabytes(g.freeBytes));
        out << line;
    }
    const QLocale locale;
    for (const model::DeviceSelfTest& t : c.selfTests) {
        QStringList trials;
        for (const model::BatchTrial& b : t.trials)
            trials << (b.problem.empty() ? tr("batch %1: %2/s").arg(b.batchSize).arg(locale.toString(b.patchesPerSecond, 'f', 1))
                                         : tr("batch %1: failed").arg(b.batchSize));
        out << tr("Self-test on %1 (%2, Torch threads: %3): %4.")
                   .arg(text(t.device), text(t.precision))
                   .arg(t.torchThreads)
                   .arg(trials.join(QStringLiteral(", ")));
        if (t.chosenBatch > 0)
            out << tr("  Chosen: batch %1, %2 patches/s: %3.")
                       .arg(t.chosenBatch)
                       .arg(locale.toString(t.patchesPerSecond, 'f', 1), text(t.reason));
    }
    out << extractionLine(c);
    if (c.problems.empty()) out << tr("No problem found.");
    for (const std::string& p : c.problems) out << tr("Problem: %1").arg(text(p));
    return out;
}

QString MachineReport::summary(const model::SystemCheck& c) {
    QStringList out{text(c.cudaLine())};
    const QLocale locale;
    for (const model::DeviceSelfTest& t : c.selfTests)
        if (t.chosenBatch > 0)
            out << tr("%1: %2 patches/s at batch %3 (self-test)")
                       .arg(text(t.device), locale.toString(t.patchesPerSecond, 'f', 1))
                       .arg(t.chosenBatch);
    if (!c.problems.empty()) out << tr("Problem: %1").arg(text(c.problems.front()));
    return out.join(QLatin1Char('\n'));
}

}  // namespace slidesight
