#pragma once

#include "app/cli/command.h"
#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

#include <optional>

namespace slidesight::cli {

class CommandLine;

/// `bench tiles SLIDE | --large`: tile throughput of the viewer's pipeline against
/// single-threaded openslide_read_region on the same tiles, and the time from opening a
/// slide to its first fully sharp frame. Not a test: it measures and reports.
///
/// Main thread only.
class TileBenchCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(TileBenchCommand)
public:
    QString name() const override { return QStringLiteral("tiles"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

private:
    struct Settings {
        QString slide;       ///< the slide to measure, or with `large` the tissue source
        bool large = false;
        int largeSize = 40000;
        int viewports = 40;
        int threads = 0;
        quint64 seed = 1;
        int runs = 3;
    };
    /// Reads and checks the options; prints a usage error and returns nullopt when they are wrong.
    static std::optional<Settings> settingsFrom(const CommandLine& cl);
    /// Runs the measurements into `report`; a failure carries one sentence.
    static Check measure(const Settings& settings, QJsonObject& report);
    static QString toText(const QJsonObject& report);
};

}  // namespace slidesight::cli
